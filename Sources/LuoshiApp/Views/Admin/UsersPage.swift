import Foundation
import LuoshiDomain
import LuoshiHTML

/// 用户管理 (system administrator): list, create, reset password, disable.
enum UsersPage {
    struct Row: Sendable {
        var id: UUID
        var username: String
        var displayName: String
        var role: Role
        var unitName: String?
        var disabled: Bool
        var lockedUntil: Date?
    }

    struct Model: Sendable {
        var rows: [Row]
        var units: [Unit]
        var leaders: [Leader]
        /// After creating a user or resetting a password: whose, and the one-time password.
        var oneTimePassword: (username: String, password: String)?
        var csrfToken: String
        var error: DomainError?
        var now: Date
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, a = s.account
        return Layout.page(title: a.users, context: context, content: [
            .h1(text: a.users),
            model.oneTimePassword.map { entry in
                Node.div(.class("success"), .role("status")) {
                    Node.p(text: entry.username)
                    Node.p { Node.code(.id("one-time-password"), text: a.oneTimePasswordShownOnce(entry.password)) }
                }
            } ?? .empty,
            Forms.errorSummary(model.error, language: context.language),
            usersTable(model, context),
            .h2(text: a.createUser),
            createForm(model, context),
        ])
    }

    private static func usersTable(_ model: Model, _ context: PageContext) -> Node {
        let a = context.strings.account
        return .table(.class("stack")) {
            Node.caption(.class("visually-hidden"), text: a.users)
            Tables.head([a.username, a.displayName, a.role, a.unit, a.status, a.actions])
            Node.tbody {
                for row in model.rows {
                    Node.tr {
                        Node.th(.scope("row"), text: row.username)
                        Node.td(.data("label", a.displayName), text: row.displayName)
                        Node.td(.data("label", a.role), text: row.role.title.text(in: context.language))
                        Node.td(.data("label", a.unit)) { row.unitName.map(context.strings.data) ?? .text("—") }
                        Node.td(.data("label", a.status)) {
                            Node.text(row.disabled ? a.disabled : a.active)
                            if let until = row.lockedUntil, until > model.now { Node.text("；" + a.lockedUntil(Display.beijingTime(until))) }
                        }
                        Node.td(.data("label", a.actions)) {
                            Forms.button(a.resetPassword, action: .adminUserReset(row.id), csrf: model.csrfToken)
                            Forms.button(row.disabled ? a.enableAccount : a.disableAccount, action: .adminUserDisable(row.id), csrf: model.csrfToken,
                                         hidden: [("disabled", row.disabled ? "0" : "1")])
                        }
                    }
                }
            }
        }
    }

    private static func createForm(_ model: Model, _ context: PageContext) -> Node {
        let s = context.strings, a = s.account
        let roles = Role.allCases.map { (value: $0.rawValue, text: $0.title.text(in: context.language)) }
        let units = [(value: "", text: "—")] + model.units.map { (value: $0.id.uuidString, text: $0.name) }
        let leaders = [(value: "", text: "—")] + model.leaders.map { (value: $0.id.uuidString, text: "\($0.post) \($0.name)") }
        return .form(.method("post"), .action(SiteURL.adminUsers.path), .class("stacked-form")) {
            Forms.csrf(model.csrfToken)
            Forms.field(a.username, name: "username", required: true, autocomplete: "off", error: model.error, language: context.language)
            Forms.field(a.displayName, name: "displayName", error: model.error, language: context.language)
            Forms.select(a.role, name: "role", options: roles, selected: Role.unitStaff.rawValue, error: model.error, language: context.language)
            Forms.select(a.unit, name: "unit", options: units, selected: "", error: model.error, language: context.language)
            Forms.checkbox(a.unitHead, name: "isUnitHead", checked: false)
            Forms.select(a.leader, name: "leader", options: leaders, selected: "", error: model.error, language: context.language)
            Forms.submit(a.createUser)
        }
    }
}
