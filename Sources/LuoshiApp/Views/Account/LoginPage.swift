import LuoshiDomain
import LuoshiHTML

/// 登录: username and password, with the lockout rule stated.
enum LoginPage {
    struct Model: Sendable {
        var username = ""
        var next = ""
        var csrfToken: String
        var error: DomainError?
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, a = s.account
        return Layout.page(title: a.signIn, context: context, content: [
            .h1(text: a.signIn),
            Forms.errorSummary(model.error, language: context.language),
            .form(.method("post"), .action(SiteURL.login(next: nil).path), .class("stacked-form")) {
                Forms.csrf(model.csrfToken)
                Node.input(.type("hidden"), .name("next"), .value(model.next))
                Forms.field(a.username, name: "username", value: model.username, required: true, autocomplete: "username",
                            error: model.error, language: context.language)
                Forms.field(a.password, name: "password", type: "password", required: true, autocomplete: "current-password",
                            error: model.error, language: context.language)
                Forms.submit(a.signIn)
            },
            .p(.class("hint"), text: a.signInHint),
        ])
    }
}
