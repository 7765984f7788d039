import LuoshiDomain

/// Every UI string, in Simplified Chinese and English. A view takes `Strings` and never holds
/// text of its own; adding a field here makes the compiler ask for both languages.
struct Strings: Sendable {
    /// Plans, units and leaders are written in Chinese; when the UI speaks another language,
    /// data text is marked `lang="zh-CN"` so screen readers switch voice (WCAG 3.1.2).
    let dataLanguage: String?
    let siteName: String
    let siteTagline: String
    let skipToContent: String
    let mainNavigation: String
    let navHome: String
    let navUnits: String
    let navLeaders: String
    let languageSwitch: String
    let displayMode: String
    let elderModeOn: String
    let elderModeOff: String
    /// 无障碍浏览: the colour switch.
    let contrastSwitch: String
    let contrastOn: String
    let contrastOff: String
    let breadcrumb: String

    let plan: String
    let plans: String
    let otherPlans: String
    let noPlans: String
    let documentNumber: String
    let indexNumber: String
    let issuingBody: String
    let jurisdiction: String
    let year: String
    let status: String
    let progressOfPlan: String
    let reportApproved: String
    let approvalMeeting: String
    let stage: @Sendable (Plan.Status) -> String
    let planStatus: @Sendable (Plan.Status) -> String
    let notReached: String

    let overview: String
    let tasksByPart: String
    let tasksByKind: String
    let unitsByKind: String
    let leadingUnits: String
    let involvedUnits: String
    let partColumn: String
    let taskCountColumn: String
    let total: String
    let partTitle: @Sendable (Int) -> String
    let taskCount: @Sendable (Int) -> String
    let overviewSentence: @Sendable (_ parts: Int, _ tasks: Int, _ leadingDepartments: Int, _ townships: Int) -> String

    let number: String
    let content: String
    let leadUnits: String
    let cooperatingUnits: String
    let leaders: String
    let kind: String
    let deadlineOrTarget: String
    let deadline: String
    let annualTarget: String
    let measures: String
    let milestones: String
    let milestoneTitle: String
    let milestoneDue: String
    let noMilestones: String
    let taskKind: @Sendable (TaskKind) -> String
    let taskHeading: @Sendable (String) -> String
    let inPart: String
    let none: String

    let unitsTitle: String
    let unitKind: @Sendable (Unit.Kind) -> String
    let unitKindColumn: String
    let unitName: String
    let shortName: String
    let aliases: String
    let tasksLed: String
    let tasksCooperated: String
    let noTasks: String

    let leadersTitle: String
    let leaderName: String
    let post: String
    let portfolio: String
    let portfolioTasks: String

    let errorTitle: @Sendable (Int) -> String
    let notFoundMessage: String
    let badRequestMessage: String
    let serverErrorMessage: String
    let backHome: String
    let footerNote: String
    /// 扫一扫在手机打开当前页面, under a public page's QR code.
    let scanToOpen: String
    /// 浏览次数 of a public page.
    let viewCount: @Sendable (Int64) -> String
    let siteIdentity: String
    let siteOrganiser: @Sendable (String) -> String
    let websiteCode: @Sendable (String) -> String
    let contactEmail: String
    /// The QR code's text alternative, naming the address it encodes.
    let qrCodeOf: @Sendable (String) -> String
    let account: AccountStrings
    let planImport: PlanImportStrings
    let planManage: PlanManageStrings
    let taskWork: TaskWorkStrings
    let directory: DirectoryStrings
    let dispatch: DispatchStrings
    let reminders: ReminderStrings
    let rules: RuleStrings
    let bulletins: BulletinStrings
    let disclosure: DisclosureStrings
    let supervision: SupervisionStrings
    let assessment: AssessmentStrings
    let inspections: InspectionStrings
    let instructions: InstructionStrings
    let questions: QuestionStrings

    static func `for`(_ language: Language) -> Strings {
        switch language {
        case .chinese: chinese
        case .english: english
        }
    }
}

extension Strings {
    static let chinese = Strings(
        dataLanguage: nil,
        siteName: "落实",
        siteTagline: "政府工作报告重点任务督查",
        skipToContent: "跳到主要内容",
        mainNavigation: "主导航",
        navHome: "首页",
        navUnits: "责任单位",
        navLeaders: "县领导",
        languageSwitch: "语言",
        displayMode: "显示模式",
        elderModeOn: "长者模式",
        elderModeOff: "标准模式",
        contrastSwitch: "无障碍浏览",
        contrastOn: "高对比度",
        contrastOff: "标准配色",
        breadcrumb: "当前位置",
        plan: "方案",
        plans: "方案",
        otherPlans: "其他方案",
        noPlans: "暂无已印发的方案。",
        documentNumber: "文号",
        indexNumber: "索引号",
        issuingBody: "发布机构",
        jurisdiction: "行政区划",
        year: "年度",
        status: "状态",
        progressOfPlan: "方案出台过程",
        reportApproved: "政府工作报告批准",
        approvalMeeting: "审议会议",
        stage: { status in
            switch status {
            case .draft: "编制完成初稿"
            case .consultation: "形成征求意见稿"
            case .approved: "审议通过"
            case .issued: "印发"
            }
        },
        planStatus: { status in
            switch status {
            case .draft: "起草中"
            case .consultation: "征求意见中"
            case .approved: "已审议通过"
            case .issued: "已印发"
            }
        },
        notReached: "尚未进行",
        overview: "总体情况",
        tasksByPart: "各部分任务数",
        tasksByKind: "按任务类型",
        unitsByKind: "按单位类型",
        leadingUnits: "牵头单位数",
        involvedUnits: "涉及单位数",
        partColumn: "部分",
        taskCountColumn: "任务数",
        total: "合计",
        partTitle: { "第\(ChineseNumerals.text($0))部分" },
        taskCount: { "\($0)项" },
        overviewSentence: { parts, tasks, departments, townships in
            "方案将重点任务分解为\(ChineseNumerals.text(parts))个部分、\(tasks)项具体工作，主要涉及\(departments)个牵头单位"
                + (townships > 0 ? "和\(townships)个乡镇（街道）。" : "。")
        },
        number: "序号",
        content: "工作任务",
        leadUnits: "牵头单位",
        cooperatingUnits: "配合单位",
        leaders: "责任领导",
        kind: "任务类型",
        deadlineOrTarget: "完成时限 / 年度目标",
        deadline: "完成时限",
        annualTarget: "年度目标",
        measures: "工作措施",
        milestones: "节点计划",
        milestoneTitle: "节点内容",
        milestoneDue: "节点时间",
        noMilestones: "无节点计划。",
        taskKind: { $0 == .phased ? "阶段性任务" : "长期性任务" },
        taskHeading: { "任务 \($0)" },
        inPart: "所属部分",
        none: "无",
        unitsTitle: "责任单位",
        unitKind: { kind in
            switch kind {
            case .department: "县直部门"
            case .township: "乡镇"
            case .street: "街道"
            case .developmentZone: "开发区"
            case .other: "其他单位"
            }
        },
        unitKindColumn: "单位类型",
        unitName: "单位名称",
        shortName: "简称",
        aliases: "别名",
        tasksLed: "牵头任务",
        tasksCooperated: "配合任务",
        noTasks: "暂无任务。",
        leadersTitle: "县领导",
        leaderName: "姓名",
        post: "职务",
        portfolio: "分工",
        portfolioTasks: "分管任务",
        errorTitle: { code in
            switch code {
            case 404: "页面不存在"
            case 401: "请先登录"
            case 403: "无权访问"
            case 400..<500: "请求有误"
            default: "服务暂时不可用"
            }
        },
        notFoundMessage: "您要访问的页面不存在，可能已被删除或地址有误。",
        badRequestMessage: "请求的参数有误。",
        serverErrorMessage: "服务器处理请求时出现问题，请稍后再试。",
        backHome: "返回首页",
        footerNote: "本系统公开已印发的重点工作任务分解方案。",
        scanToOpen: "扫一扫在手机打开当前页面",
        viewCount: { "浏览次数：\($0)" },
        siteIdentity: "网站信息",
        siteOrganiser: { "主办单位：\($0)" },
        websiteCode: { "网站标识码：\($0)" },
        contactEmail: "联系邮箱：",
        qrCodeOf: { "本页地址的二维码：\($0)" },
        account: .chinese,
        planImport: .chinese,
        planManage: .chinese,
        taskWork: .chinese,
        directory: .chinese,
        dispatch: .chinese,
        reminders: .chinese,
        rules: .chinese,
        bulletins: .chinese,
        disclosure: .chinese,
        supervision: .chinese,
        assessment: .chinese,
        inspections: .chinese,
        instructions: .chinese,
        questions: .chinese
    )

    static let english = Strings(
        dataLanguage: "zh-CN",
        siteName: "Luoshi",
        siteTagline: "Government Work Report delivery",
        skipToContent: "Skip to main content",
        mainNavigation: "Main navigation",
        navHome: "Home",
        navUnits: "Units",
        navLeaders: "Leaders",
        languageSwitch: "Language",
        displayMode: "Display mode",
        elderModeOn: "Elder mode",
        elderModeOff: "Standard mode",
        contrastSwitch: "Accessible view",
        contrastOn: "High contrast",
        contrastOff: "Standard colours",
        breadcrumb: "Breadcrumb",
        plan: "Plan",
        plans: "Plans",
        otherPlans: "Other plans",
        noPlans: "No plan has been issued yet.",
        documentNumber: "Document number",
        indexNumber: "Index number",
        issuingBody: "Issued by",
        jurisdiction: "Jurisdiction",
        year: "Year",
        status: "Status",
        progressOfPlan: "How the plan was made",
        reportApproved: "Work report approved",
        approvalMeeting: "Approved at",
        stage: { status in
            switch status {
            case .draft: "First draft completed"
            case .consultation: "Consultation draft circulated"
            case .approved: "Approved"
            case .issued: "Issued"
            }
        },
        planStatus: { status in
            switch status {
            case .draft: "Draft"
            case .consultation: "In consultation"
            case .approved: "Approved"
            case .issued: "Issued"
            }
        },
        notReached: "Not yet",
        overview: "Overview",
        tasksByPart: "Tasks by part",
        tasksByKind: "By kind of task",
        unitsByKind: "By kind of unit",
        leadingUnits: "Lead units",
        involvedUnits: "Units involved",
        partColumn: "Part",
        taskCountColumn: "Tasks",
        total: "Total",
        partTitle: { "Part \($0)" },
        taskCount: { $0 == 1 ? "1 task" : "\($0) tasks" },
        overviewSentence: { parts, tasks, departments, townships in
            "The plan breaks the report into \(parts) parts and \(tasks) tasks, mainly involving \(departments) lead units"
                + (townships > 0 ? " and \(townships) townships and streets." : ".")
        },
        number: "No.",
        content: "Task",
        leadUnits: "Lead units",
        cooperatingUnits: "Cooperating units",
        leaders: "Responsible leaders",
        kind: "Kind",
        deadlineOrTarget: "Deadline / annual target",
        deadline: "Deadline",
        annualTarget: "Annual target",
        measures: "Measures",
        milestones: "Milestones",
        milestoneTitle: "Milestone",
        milestoneDue: "Due",
        noMilestones: "No milestones.",
        taskKind: { $0 == .phased ? "Phased" : "Ongoing" },
        taskHeading: { "Task \($0)" },
        inPart: "Part",
        none: "None",
        unitsTitle: "Responsible units",
        unitKind: { kind in
            switch kind {
            case .department: "County departments"
            case .township: "Townships"
            case .street: "Streets"
            case .developmentZone: "Development zones"
            case .other: "Other units"
            }
        },
        unitKindColumn: "Kind of unit",
        unitName: "Unit",
        shortName: "Short name",
        aliases: "Also known as",
        tasksLed: "Tasks it leads",
        tasksCooperated: "Tasks it cooperates on",
        noTasks: "No tasks.",
        leadersTitle: "County leaders",
        leaderName: "Name",
        post: "Post",
        portfolio: "Portfolio",
        portfolioTasks: "Tasks in the portfolio",
        errorTitle: { code in
            switch code {
            case 404: "Page not found"
            case 401: "Please sign in"
            case 403: "Not allowed"
            case 400..<500: "Bad request"
            default: "Service unavailable"
            }
        },
        notFoundMessage: "The page you asked for does not exist. It may have been removed, or the address is wrong.",
        badRequestMessage: "The request has a malformed parameter.",
        serverErrorMessage: "Something went wrong while handling the request. Please try again later.",
        backHome: "Back to home",
        footerNote: "Luoshi publishes issued key-task decomposition plans.",
        scanToOpen: "Scan to open this page on a phone",
        viewCount: { "Views: \($0)" },
        siteIdentity: "About this site",
        siteOrganiser: { "Run by \($0)" },
        websiteCode: { "Website code \($0)" },
        contactEmail: "Contact: ",
        qrCodeOf: { "QR code of this page's address: \($0)" },
        account: .english,
        planImport: .english,
        planManage: .english,
        taskWork: .english,
        directory: .english,
        dispatch: .english,
        reminders: .english,
        rules: .english,
        bulletins: .english,
        disclosure: .english,
        supervision: .english,
        assessment: .english,
        inspections: .english,
        instructions: .english,
        questions: .english
    )
}
