import Foundation
import LuoshiDomain
import LuoshiHTML

/// 安全管理 (security administrator): the policy, locked accounts, and role grants.
enum SecurityPage {
    struct Model: Sendable {
        var settings: SecuritySettings
        var version: Int
        var locked: [UsersPage.Row]
        var users: [UsersPage.Row]
        var units: [Unit]
        var leaders: [Leader]
        var csrfToken: String
        var error: DomainError?
        var saved: Bool
        var now: Date
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let a = context.strings.account
        let language = context.language
        let settings = model.settings
        return Layout.page(title: a.security, context: context, content: [
            .h1(text: a.security),
            Forms.success(model.saved ? a.saved : nil),
            Forms.errorSummary(model.error, language: language),
            .h2(text: a.policy),
            .form(.method("post"), .action(SiteURL.adminSecurityPolicy.path), .class("stacked-form")) {
                Forms.csrf(model.csrfToken)
                Node.input(.type("hidden"), .name("version"), .value(String(model.version)))
                Forms.field(a.passwordMinLength, name: "passwordMinLength", type: "number", value: String(settings.password.minimumLength),
                            required: true, error: model.error, language: language)
                Forms.field(a.passwordMinClasses, name: "passwordMinClasses", type: "number", value: String(settings.password.minimumClasses),
                            required: true, error: model.error, language: language)
                Forms.field(a.passwordExpiryDays, name: "passwordExpiryDays", type: "number",
                            value: settings.password.expiryDays.map(String.init) ?? "", hint: a.passwordExpiryHint,
                            error: model.error, language: language)
                Forms.field(a.lockoutFailures, name: "lockoutFailures", type: "number", value: String(settings.lockout.maximumFailures),
                            required: true, error: model.error, language: language)
                Forms.field(a.lockoutMinutes, name: "lockoutMinutes", type: "number", value: String(Int(settings.lockout.lockDuration / 60)),
                            required: true, error: model.error, language: language)
                Forms.field(a.sessionIdleMinutes, name: "sessionIdleMinutes", type: "number", value: String(Int(settings.session.idleTimeout / 60)),
                            required: true, error: model.error, language: language)
                Forms.field(a.sessionAbsoluteMinutes, name: "sessionAbsoluteMinutes", type: "number",
                            value: String(Int(settings.session.absoluteTimeout / 60)), required: true, error: model.error, language: language)
                Forms.field(a.auditRetentionDays, name: "auditRetentionDays", type: "number", value: String(settings.auditRetentionDays),
                            required: true, error: model.error, language: language)
                Forms.submit(a.save)
            },
            .h2(text: a.lockedAccounts),
            lockedList(model, context),
            .h2(text: a.grantRole),
            roleForm(model, context),
        ])
    }

    private static func lockedList(_ model: Model, _ context: PageContext) -> Node {
        let a = context.strings.account
        if model.locked.isEmpty { return .p(text: a.noLockedAccounts) }
        return .ul {
            for row in model.locked {
                Node.li {
                    Node.text("\(row.username)（\(row.displayName)）")
                    if let until = row.lockedUntil { Node.text(" " + a.lockedUntil(Display.beijingTime(until)) + " ") }
                    Forms.button(a.unlock, action: .adminUnlock(row.id), csrf: model.csrfToken)
                }
            }
        }
    }

    private static func roleForm(_ model: Model, _ context: PageContext) -> Node {
        let a = context.strings.account
        let language = context.language
        let users = model.users.map { (value: $0.id.uuidString, text: "\($0.username)（\($0.role.title.text(in: language))）") }
        let roles = Role.allCases.map { (value: $0.rawValue, text: $0.title.text(in: language)) }
        let units = [(value: "", text: "—")] + model.units.map { (value: $0.id.uuidString, text: $0.name) }
        let leaders = [(value: "", text: "—")] + model.leaders.map { (value: $0.id.uuidString, text: "\($0.post) \($0.name)") }
        return .form(.method("post"), .action(SiteURL.adminRole.path), .class("stacked-form")) {
            Forms.csrf(model.csrfToken)
            Forms.select(a.username, name: "user", options: users, selected: nil, error: model.error, language: language)
            Forms.select(a.role, name: "role", options: roles, selected: nil, error: model.error, language: language)
            Forms.select(a.unit, name: "unit", options: units, selected: "", error: model.error, language: language)
            Forms.select(a.leader, name: "leader", options: leaders, selected: "", error: model.error, language: language)
            Forms.submit(a.grantRole)
        }
    }
}
