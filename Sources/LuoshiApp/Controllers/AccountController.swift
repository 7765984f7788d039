import Fluent
import LuoshiDomain
import LuoshiHTML
import Vapor

/// Sign-in, sign-out, the workbench, my account and my tokens.
enum AccountController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.login, requires: .readPublic, use: loginForm)
        routes.on(.POST, SiteURL.Route.login, requires: .readPublic, use: login)
        routes.on(.POST, SiteURL.Route.logout, requires: .manageOwnAccount, use: logout)
        routes.on(.GET, SiteURL.Route.workbench, requires: .readInternal, use: workbench)
        routes.on(.GET, SiteURL.Route.account, requires: .manageOwnAccount, use: account)
        routes.on(.POST, SiteURL.Route.accountTokens, requires: .manageOwnAccount, use: createToken)
        routes.on(.POST, SiteURL.Route.accountEmail, requires: .manageOwnAccount, use: changeEmail)
        routes.on(.POST, SiteURL.Route.revokeToken, requires: .manageOwnAccount, use: revokeToken)
        routes.on(.GET, SiteURL.Route.accountPassword, requires: .manageOwnAccount, use: passwordForm)
        routes.on(.POST, SiteURL.Route.accountPassword, requires: .manageOwnAccount, use: changePassword)
    }

    // MARK: Sign in and out

    @Sendable static func loginForm(_ req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: SiteURL.workbench.path, redirectType: .normal) }
        let next = Preferences.safeReturnPath(req.query[String.self, at: "next"])
        return renderLogin(req, LoginPage.Model(next: next, csrfToken: ""), status: .ok)
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    @Sendable static func login(_ req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let next = Preferences.safeReturnPath(form.next)
        do {
            let signedIn = try await Accounts.signIn(username: form.username ?? "", password: form.password ?? "", on: req)
            let settings = try await req.application.securitySettings.current(req.db)
            let destination = AuthenticationMiddleware.mustChange(signedIn.user, settings, req.now)
                ? SiteURL.accountPassword.path : (next == "/" ? SiteURL.workbench.path : next)
            let response = req.redirect(to: destination, redirectType: .normal)
            response.cookies[AuthenticationMiddleware.sessionCookie] = req.sessionCookie(signedIn.sessionToken)
            response.cookies[CSRFMiddleware.cookieName] = nil
            return response
        } catch let error as DomainError {
            let status: HTTPResponseStatus = error.status
            return renderLogin(req, LoginPage.Model(username: String((form.username ?? "").prefix(256)), next: next,
                                                    csrfToken: "", error: error), status: status)
        }
    }

    /// The sign-in form carries a double-submit CSRF token: the same random value in a cookie
    /// and a hidden field.
    private static func renderLogin(_ req: Request, _ model: LoginPage.Model, status: HTTPResponseStatus) -> Response {
        let token = req.cookies[CSRFMiddleware.cookieName]?.string.nonBlank ?? Secrets.token()
        var model = model
        model.csrfToken = token
        let response = req.htmlResponse(LoginPage.render(model, context: req.pageContext(section: .none)), status: status)
        response.cookies[CSRFMiddleware.cookieName] = HTTPCookies.Value(
            string: token, path: "/", isSecure: req.application.luoshiConfig.secureCookies, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    @Sendable static func logout(_ req: Request) async throws -> Response {
        try await Accounts.signOut(req)
        let response = req.redirect(to: SiteURL.home.path, redirectType: .normal)
        response.cookies[AuthenticationMiddleware.sessionCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0),
                                                                                     maxAge: 0, path: "/", isHTTPOnly: true)
        return response
    }

    // MARK: Workbench

    @Sendable static func workbench(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let snapshot = try await req.catalog()
        let isHead = user.actor.leaderID.flatMap { snapshot.leadersByID[$0] }.map { $0.precedence == 0 } ?? false
        guard let scope = WorkScope.of(user.actor, leaderIsHead: isHead) else { throw DomainError.forbidden }
        let context = req.pageContext(section: .workbench)
        var model = WorkbenchPage.query(snapshot, scope: scope, strings: context.strings)
        model.managesPlans = Policy.can(user.actor, .managePlans)
        return req.htmlResponse(WorkbenchPage.render(model, context: context.with(notice: snapshot.notice(for: model.groups.map(\.plan)))))
    }

    // MARK: My account and tokens

    @Sendable static func account(_ req: Request) async throws -> Response {
        try await renderAccount(req, newToken: nil, error: nil)
    }

    private static func renderAccount(_ req: Request, newToken: String?, error: DomainError?, email: String? = nil) async throws -> Response {
        let current = try req.requireUser()
        guard let user = try await UserModel.find(current.actor.userID, on: req.db) else { throw DomainError.signInRequired }
        let snapshot = try await req.catalog()
        let tokens = try await AccessTokenModel.query(on: req.db).filter(\.$user.$id == current.actor.userID)
            .sort(\.$createdAt, .descending).all()
        let model = AccountPage.Model(
            username: user.username, displayName: user.displayName, role: user.role,
            unitName: user.$unit.id.flatMap { snapshot.unitsByID[$0]?.name },
            leaderName: user.$leader.id.flatMap { snapshot.leadersByID[$0] }.map { "\($0.post) \($0.name)" },
            tokens: tokens.compactMap { token in
                token.id.map { AccountPage.TokenRow(id: $0, name: token.name, expiresAt: token.expiresAt,
                                                    lastUsedAt: token.lastUsedAt, revoked: token.revokedAt != nil) }
            },
            newToken: newToken, csrfToken: current.csrfToken ?? "", error: error, email: email ?? user.email ?? "",
            emailSaved: req.query[String.self, at: "done"] == "email")
        let response = req.htmlResponse(AccountPage.render(model, context: req.pageContext(section: .account)),
                                        status: error?.status ?? .ok)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The address email reminders go to (blank: none).
    @Sendable static func changeEmail(_ req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        do {
            try await AccountService.changeEmail(fields["email"] ?? "", by: try req.writer, on: req.db)
            return req.redirect(to: SiteURL.account.path + "?done=email", redirectType: .normal)
        } catch let error as DomainError {
            return try await renderAccount(req, newToken: nil, error: error, email: fields["email"])
        }
    }

    struct TokenForm: Content {
        var name: String?
        var days: String?
    }

    @Sendable static func createToken(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(TokenForm.self)
        do {
            guard let days = Int(form.days ?? "") else {
                throw DomainError.invalid("days", zh: "有效天数应为整数", en: "Validity must be a whole number of days")
            }
            let (token, _) = try await Accounts.createToken(for: user.actor.userID, name: form.name ?? "", days: days,
                                                            now: req.now, on: req.db, by: req.auditWho)
            return try await renderAccount(req, newToken: token, error: nil)
        } catch let error as DomainError {
            return try await renderAccount(req, newToken: nil, error: error)
        }
    }

    @Sendable static func revokeToken(_ req: Request) async throws -> Response {
        try await AccountService.revokeToken(try req.uuidParameter("tokenID"), by: try req.writer, on: req.db)
        return req.redirect(to: SiteURL.account.path, redirectType: .normal)
    }

    // MARK: Password

    @Sendable static func passwordForm(_ req: Request) async throws -> Response {
        try await renderPassword(req, error: nil, done: false)
    }

    struct PasswordForm: Content {
        var currentPassword: String?
        var newPassword: String?
        var repeatPassword: String?
    }

    @Sendable static func changePassword(_ req: Request) async throws -> Response {
        let form = try req.content.decode(PasswordForm.self)
        do {
            let command = AccountService.ChangePassword(current: form.currentPassword ?? "", new: form.newPassword ?? "",
                                                        repeated: form.repeatPassword ?? "")
            try await AccountService.changePassword(command, by: try req.writer, policy: try await req.application.securitySettings.current(req.db).password,
                                                    hasher: req.password.async, on: req.db)
            req.currentUser?.mustChangePassword = false
            return try await renderPassword(req, error: nil, done: true)
        } catch let error as DomainError {
            return try await renderPassword(req, error: error, done: false)
        }
    }

    private static func renderPassword(_ req: Request, error: DomainError?, done: Bool) async throws -> Response {
        let user = try req.requireUser()
        let settings = try await req.application.securitySettings.current(req.db)
        let model = PasswordPage.Model(policy: settings.password, forced: user.mustChangePassword, csrfToken: user.csrfToken ?? "",
                                       error: error, done: done)
        return req.htmlResponse(PasswordPage.render(model, context: req.pageContext(section: .account)), status: error?.status ?? .ok)
    }
}

extension Request {
    func requireUser() throws(DomainError) -> CurrentUser {
        guard let user = currentUser else { throw .signInRequired }
        return user
    }

    /// A rendered page that is never cached (it carries a user's data or a form token).
    func htmlResponse(_ page: Node, status: HTTPResponseStatus = .ok) -> Response {
        htmlResponse(ByteBuffer(string: page.renderDocument()), status: status)
    }

    func htmlResponse(_ body: ByteBuffer, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(buffer: body))
    }

    /// A signed-in page whose content is `contentKey`'s and whose header is this user's, kept
    /// whole for this session, its unread count and URL until the data changes.
    func personalPage(_ contentKey: String, render: () async throws -> Node) async throws -> Response {
        guard let user = currentUser, case .session(let sessionID, _) = user.credential else { return htmlResponse(try await render()) }
        let key = "\(contentKey)|\(sessionID)|\(user.unread)|\(url.string)"
        return htmlResponse(try await application.ledgerCache.page(key) { ByteBuffer(string: try await render().renderDocument()) })
    }

    /// The session cookie: HttpOnly, SameSite=Lax, Secure when configured; it lives as long as
    /// the session may (the server enforces idle and absolute timeouts).
    func sessionCookie(_ token: String) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, path: "/", isSecure: application.luoshiConfig.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
}
