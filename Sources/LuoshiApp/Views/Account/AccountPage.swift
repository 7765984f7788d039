import Foundation
import LuoshiDomain
import LuoshiHTML

/// 我的账号: who I am, and my personal access tokens.
enum AccountPage {
    struct TokenRow: Sendable {
        var id: UUID
        var name: String
        var expiresAt: Date
        var lastUsedAt: Date?
        var revoked: Bool
    }

    struct Model: Sendable {
        var username: String
        var displayName: String
        var role: Role
        var unitName: String?
        var leaderName: String?
        var tokens: [TokenRow]
        var newToken: String?
        var csrfToken: String
        var error: DomainError?
        /// The address email reminders go to.
        var email: String = ""
        var emailSaved = false
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, a = s.account
        return Layout.page(title: a.myAccount, context: context, content: [
            .h1(text: a.myAccount),
            .dl(.class("meta")) {
                Node.dt(text: a.username)
                Node.dd(text: model.username)
                Node.dt(text: a.displayName)
                Node.dd(text: model.displayName)
                Node.dt(text: a.role)
                Node.dd(text: model.role.title.text(in: context.language))
                if let unit = model.unitName {
                    Node.dt(text: a.unit)
                    Node.dd(s.dataLang, text: unit)
                }
                if let leader = model.leaderName {
                    Node.dt(text: a.leader)
                    Node.dd(s.dataLang, text: leader)
                }
            },
            .p { Node.a(.href(SiteURL.accountPassword.path), text: a.changePassword) },
            .h2(text: a.notificationEmail),
            Forms.success(model.emailSaved ? a.emailSaved : nil),
            model.error?.field == "email" ? Forms.errorSummary(model.error, language: context.language) : .empty,
            .form(.method("post"), .action(SiteURL.accountEmail.path), .class("stacked-form")) {
                Forms.csrf(model.csrfToken)
                Forms.field(a.emailLabel, name: "email", type: "email", value: model.email, autocomplete: "email", hint: a.emailHint,
                            error: model.error, language: context.language)
                Forms.submit(a.saveEmail)
            },
            .h2(text: a.tokens),
            model.newToken.map { token in
                Node.div(.class("success"), .role("status")) {
                    Node.p(text: a.newTokenShownOnce)
                    Node.p { Node.code(.id("new-token"), text: token) }
                }
            } ?? .empty,
            model.error?.field == "email" ? .empty : Forms.errorSummary(model.error, language: context.language),
            tokensTable(model, context),
            .form(.method("post"), .action(SiteURL.accountTokens.path), .class("stacked-form")) {
                Forms.csrf(model.csrfToken)
                Forms.field(a.tokenName, name: "name", required: true, error: model.error, language: context.language)
                Forms.field(a.tokenDays, name: "days", type: "number", value: "30", required: true, error: model.error, language: context.language)
                Forms.submit(a.createToken)
            },
        ])
    }

    private static func tokensTable(_ model: Model, _ context: PageContext) -> Node {
        let a = context.strings.account
        if model.tokens.isEmpty { return .p(text: a.noTokens) }
        return .table(.class("stack")) {
            Node.caption(.class("visually-hidden"), text: a.tokens)
            Tables.head([a.tokenName, a.expires, a.lastUsed, a.status])
            Node.tbody {
                for token in model.tokens {
                    Node.tr {
                        Node.th(.scope("row"), text: token.name)
                        Node.td(.data("label", a.expires), text: Display.beijingTime(token.expiresAt))
                        Node.td(.data("label", a.lastUsed), text: token.lastUsedAt.map(Display.beijingTime) ?? a.never)
                        Node.td(.data("label", a.status)) {
                            if token.revoked {
                                Node.text(a.revoked)
                            } else {
                                Forms.button(a.revoke, action: .revokeToken(token.id), csrf: model.csrfToken)
                            }
                        }
                    }
                }
            }
        }
    }
}
