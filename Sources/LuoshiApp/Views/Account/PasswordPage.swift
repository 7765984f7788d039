import LuoshiDomain
import LuoshiHTML

/// 修改密码, with the policy explained; forced at first sign-in and after a reset.
enum PasswordPage {
    struct Model: Sendable {
        var policy: PasswordPolicy
        var forced: Bool
        var csrfToken: String
        var error: DomainError?
        var done = false
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, a = s.account
        return Layout.page(title: a.changePassword, context: context, content: [
            .h1(text: a.changePassword),
            model.forced ? .p(.class("notice"), .role("note"), text: a.mustChangeNotice) : .empty,
            Forms.success(model.done ? a.passwordChanged : nil),
            Forms.errorSummary(model.error, language: context.language),
            .form(.method("post"), .action(SiteURL.accountPassword.path), .class("stacked-form")) {
                Forms.csrf(model.csrfToken)
                Forms.field(a.currentPassword, name: "currentPassword", type: "password", required: true,
                            autocomplete: "current-password", error: model.error, language: context.language)
                Forms.field(a.newPassword, name: "newPassword", type: "password", required: true, autocomplete: "new-password",
                            hint: model.policy.explanation.text(in: context.language), error: model.error, language: context.language)
                Forms.field(a.repeatPassword, name: "repeatPassword", type: "password", required: true, autocomplete: "new-password",
                            error: model.error, language: context.language)
                Forms.submit(a.changePassword)
            },
        ])
    }
}
