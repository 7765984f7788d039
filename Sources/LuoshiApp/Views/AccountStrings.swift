import LuoshiDomain

/// UI strings of sign-in, accounts and administration: part of the one catalogue (`Strings.account`).
struct AccountStrings: Sendable {
    let signIn: String
    let signOut: String
    let signedInAs: @Sendable (String) -> String
    let username: String
    let password: String
    let signInHint: String
    let workbench: String
    let myAccount: String
    let changePassword: String
    let notificationEmail: String
    let emailLabel: String
    let emailHint: String
    let saveEmail: String
    let emailSaved: String
    let currentPassword: String
    let newPassword: String
    let repeatPassword: String
    let passwordsDiffer: String
    let passwordChanged: String
    let mustChangeNotice: String
    let role: String
    let unit: String
    let leader: String
    let tokens: String
    let tokenName: String
    let tokenDays: String
    let createToken: String
    let revoke: String
    let revoked: String
    let expires: String
    let lastUsed: String
    let never: String
    let newTokenShownOnce: String
    let noTokens: String
    let users: String
    let createUser: String
    let displayName: String
    let unitHead: String
    let status: String
    let active: String
    let disabled: String
    let lockedUntil: @Sendable (String) -> String
    let resetPassword: String
    let actions: String
    let disableAccount: String
    let enableAccount: String
    let oneTimePasswordShownOnce: @Sendable (String) -> String
    let security: String
    let policy: String
    let lockedAccounts: String
    let noLockedAccounts: String
    let unlock: String
    let grantRole: String
    let save: String
    let saved: String
    let passwordMinLength: String
    let passwordMinClasses: String
    let passwordExpiryDays: String
    let passwordExpiryHint: String
    let lockoutFailures: String
    let lockoutMinutes: String
    let sessionIdleMinutes: String
    let sessionAbsoluteMinutes: String
    let auditRetentionDays: String
    let audit: String
    let auditFilters: String
    let auditAction: String
    let auditTarget: String
    let auditOutcome: String
    let auditFrom: String
    let auditTo: String
    let auditTime: String
    let auditUser: String
    let auditIP: String
    let auditSummary: String
    let filter: String
    let exportCSV: String
    let any: String
    let noRows: String
    let showingRows: @Sendable (Int, Int) -> String
    let myTasks: String
    let portfolioTasks: String
    let allTasks: String
    let internalNotice: String
    let outcome: @Sendable (AuditRecord.Outcome) -> String
}

extension AccountStrings {
    static let chinese = AccountStrings(
        signIn: "登录", signOut: "退出", signedInAs: { "当前用户：\($0)" },
        username: "用户名", password: "密码",
        signInHint: "连续登录失败 5 次，账号将锁定 15 分钟。忘记密码请联系系统管理员重置。",
        workbench: "工作台", myAccount: "我的账号", changePassword: "修改密码",
        notificationEmail: "提醒邮箱", emailLabel: "接收提醒的邮箱", emailHint: "报送提醒、催报和到期提醒将同时发到此邮箱；留空则只在站内“消息”中提醒。",
        saveEmail: "保存邮箱", emailSaved: "提醒邮箱已保存。",
        currentPassword: "当前密码", newPassword: "新密码", repeatPassword: "再次输入新密码",
        passwordsDiffer: "两次输入的新密码不一致", passwordChanged: "密码已修改。",
        mustChangeNotice: "首次登录或密码已重置、已过期，请先修改密码。",
        role: "角色", unit: "所在单位", leader: "对应县领导",
        tokens: "访问令牌（供脚本调用 API）", tokenName: "令牌用途", tokenDays: "有效天数", createToken: "创建令牌",
        revoke: "吊销", revoked: "已吊销", expires: "到期时间", lastUsed: "最近使用", never: "从未",
        newTokenShownOnce: "新令牌只显示这一次，请立即妥善保存：", noTokens: "暂无令牌。",
        users: "用户管理", createUser: "新建用户", displayName: "姓名", unitHead: "单位主要负责人（第一责任人）",
        status: "状态", active: "正常", disabled: "已停用", lockedUntil: { "锁定至 \($0)" },
        resetPassword: "重置密码", actions: "操作", disableAccount: "停用账号", enableAccount: "启用账号", oneTimePasswordShownOnce: { "一次性密码（只显示这一次，用户首次登录须修改）：\($0)" },
        security: "安全管理", policy: "安全策略", lockedAccounts: "被锁定的账号", noLockedAccounts: "暂无被锁定的账号。",
        unlock: "解锁", grantRole: "调整角色", save: "保存", saved: "已保存。",
        passwordMinLength: "密码最小长度", passwordMinClasses: "至少包含的字符类别数（1–4）",
        passwordExpiryDays: "密码有效期（天）", passwordExpiryHint: "留空表示不过期",
        lockoutFailures: "锁定前允许的连续失败次数", lockoutMinutes: "锁定时长（分钟）",
        sessionIdleMinutes: "空闲超时（分钟）", sessionAbsoluteMinutes: "会话最长时长（分钟）",
        auditRetentionDays: "审计日志保存天数（只能延长，至少 180 天）",
        audit: "审计日志", auditFilters: "筛选", auditAction: "操作", auditTarget: "对象", auditOutcome: "结果",
        auditFrom: "起始日期", auditTo: "截止日期", auditTime: "时间（UTC）", auditUser: "用户", auditIP: "来源地址",
        auditSummary: "摘要", filter: "筛选", exportCSV: "导出 CSV", any: "全部", noRows: "没有符合条件的记录。",
        showingRows: { shown, total in "共 \(total) 条，显示最近 \(shown) 条" },
        myTasks: "本单位任务", portfolioTasks: "分管任务", allTasks: "全部任务",
        internalNotice: "内部工作页面，仅限授权用户使用。",
        outcome: { outcome in
            switch outcome {
            case .success: "成功"
            case .failure: "失败"
            case .denied: "拒绝"
            }
        }
    )

    static let english = AccountStrings(
        signIn: "Sign in", signOut: "Sign out", signedInAs: { "Signed in as \($0)" },
        username: "Username", password: "Password",
        signInHint: "After 5 failed sign-ins in a row the account is locked for 15 minutes. If you forgot your password, ask the system administrator to reset it.",
        workbench: "Workbench", myAccount: "My account", changePassword: "Change password",
        notificationEmail: "Reminder email", emailLabel: "Email for reminders", emailHint: "Report reminders and deadline alerts are also sent here; leave it empty for inbox messages only.",
        saveEmail: "Save email", emailSaved: "The reminder email was saved.",
        currentPassword: "Current password", newPassword: "New password", repeatPassword: "New password again",
        passwordsDiffer: "The two new passwords differ", passwordChanged: "Your password has been changed.",
        mustChangeNotice: "This is your first sign-in, or your password was reset or has expired: please change it first.",
        role: "Role", unit: "Unit", leader: "Leader record",
        tokens: "Access tokens (for scripts using the API)", tokenName: "What it is for", tokenDays: "Valid for (days)", createToken: "Create token",
        revoke: "Revoke", revoked: "Revoked", expires: "Expires", lastUsed: "Last used", never: "Never",
        newTokenShownOnce: "The new token is shown only this once; store it safely now:", noTokens: "No tokens.",
        users: "Users", createUser: "New user", displayName: "Name", unitHead: "Head of the unit (first responsible person)",
        status: "Status", active: "Active", disabled: "Disabled", lockedUntil: { "Locked until \($0)" },
        resetPassword: "Reset password", actions: "Actions", disableAccount: "Disable account", enableAccount: "Enable account", oneTimePasswordShownOnce: { "One-time password (shown only this once; it must be changed at first sign-in): \($0)" },
        security: "Security", policy: "Security policy", lockedAccounts: "Locked accounts", noLockedAccounts: "No account is locked.",
        unlock: "Unlock", grantRole: "Change role", save: "Save", saved: "Saved.",
        passwordMinLength: "Minimum password length", passwordMinClasses: "Character classes required (1–4)",
        passwordExpiryDays: "Password expiry (days)", passwordExpiryHint: "Leave empty for no expiry",
        lockoutFailures: "Failed sign-ins before locking", lockoutMinutes: "Lock duration (minutes)",
        sessionIdleMinutes: "Idle timeout (minutes)", sessionAbsoluteMinutes: "Longest session (minutes)",
        auditRetentionDays: "Audit retention in days (can only grow; at least 180)",
        audit: "Audit log", auditFilters: "Filters", auditAction: "Action", auditTarget: "Target", auditOutcome: "Outcome",
        auditFrom: "From", auditTo: "To", auditTime: "Time (UTC)", auditUser: "User", auditIP: "Client address",
        auditSummary: "Summary", filter: "Filter", exportCSV: "Export CSV", any: "Any", noRows: "No matching rows.",
        showingRows: { shown, total in "\(total) rows; showing the latest \(shown)" },
        myTasks: "My unit's tasks", portfolioTasks: "Tasks in my portfolio", allTasks: "All tasks",
        internalNotice: "Internal page, for authorised users only.",
        outcome: { outcome in
            switch outcome {
            case .success: "Success"
            case .failure: "Failure"
            case .denied: "Denied"
            }
        }
    )
}
