import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// Signing in and out, passwords, tokens and user administration: the account operations the
/// pages, the API and the CLI share. Every operation writes its audit row.
enum Accounts {
    static let maximumInputLength = 256

    struct SignedIn: Sendable {
        var user: UserModel
        var sessionToken: String
        var csrfToken: String
    }

    /// Checks the credentials, applying the per-address throttle and the per-account lock, and
    /// opens a new session (a fresh token: the session id is renewed at every sign-in).
    static func signIn(username rawUsername: String, password: String, on request: Request) async throws -> SignedIn {
        let username = rawUsername.trimmingCharacters(in: .whitespacesAndNewlines)
        try validateInput(username: username, password: password)
        let user = try await authenticate(username: username, password: password, on: request)
        let token = Secrets.token()
        let csrf = Secrets.token()
        let session = SessionModel()
        session.tokenHash = Secrets.sha256Hex(token)
        session.$user.id = try user.requireID()
        session.csrfToken = csrf
        session.clientIP = request.clientIP
        session.startedAt = request.now
        session.lastSeenAt = request.now
        try await session.create(on: request.db)
        return SignedIn(user: user, sessionToken: token, csrfToken: csrf)
    }

    /// The credential check shared by the sign-in page and `POST /api/v1/session`.
    static func authenticate(username: String, password: String, on request: Request) async throws -> UserModel {
        let now = request.now
        let ip = request.clientIP
        let throttle = request.application.loginThrottle
        func fail(_ user: UserModel?, _ summary: String, _ error: DomainError) async throws -> Never {
            try await throttle.record(ip, now: now, on: request.sql)
            try await AuditLog.append(
                AuditLog.Event(action: "login", targetType: "user", targetID: user?.id?.uuidString ?? "", outcome: .failure, summary: summary),
                by: AuditLog.Who(userID: user?.id, username: String(username.prefix(64)), clientIP: ip), at: now, on: request.db)
            throw error
        }
        if try await throttle.isBlocked(ip, now: now, on: request.sql) {
            try await fail(nil, "address throttled", .tooManyAttempts)
        }
        let settings = try await request.application.securitySettings.current(request.db)
        guard let user = try await UserModel.query(on: request.db).filter(\.$username == username).first() else {
            // Same work as for a real account, so timing does not tell whether the username exists.
            _ = try? await request.password.async.verify(password, created: try await request.application.decoyPasswordHash())
            try await fail(nil, "unknown username", .invalidCredentials)
        }
        if settings.lockout.isLocked(lockedUntil: user.lockedUntil, now: now) {
            try await fail(user, "account locked", .accountLocked)
        }
        guard try await request.password.async.verify(password, created: user.passwordHash), !user.disabled else {
            let (failures, lockedUntil) = settings.lockout.afterFailure(previousFailures: user.failedLogins, now: now)
            user.failedLogins = failures
            user.lockedUntil = lockedUntil
            try await user.save(on: request.db)
            if lockedUntil != nil {
                try await AuditLog.append(
                    AuditLog.Event(action: "account.lock", targetType: "user", targetID: user.id?.uuidString ?? "",
                                   summary: "locked after \(settings.lockout.maximumFailures) failed sign-ins"),
                    by: .system(), at: now, on: request.db)
            }
            try await fail(user, user.disabled ? "account disabled" : "wrong password",
                           lockedUntil != nil ? .accountLocked : .invalidCredentials)
        }
        user.failedLogins = 0
        user.lockedUntil = nil
        try await user.save(on: request.db)
        try await throttle.reset(ip, on: request.sql)
        try await AuditLog.append(
            AuditLog.Event(action: "login", targetType: "user", targetID: user.id?.uuidString ?? ""),
            by: AuditLog.Who(userID: user.id, username: user.username, clientIP: ip), at: now, on: request.db)
        return user
    }

    static func validateInput(username: String, password: String) throws(DomainError) {
        if username.isEmpty { throw .missing("username", zh: "请输入用户名", en: "Enter your username") }
        if password.isEmpty { throw .missing("password", zh: "请输入密码", en: "Enter your password") }
        if username.count > maximumInputLength {
            throw .invalid("username", zh: "用户名不能超过 \(maximumInputLength) 个字符", en: "A username has at most \(maximumInputLength) characters")
        }
        if password.count > maximumInputLength {
            throw .invalid("password", zh: "密码不能超过 \(maximumInputLength) 个字符", en: "A password has at most \(maximumInputLength) characters")
        }
    }

    static func signOut(_ request: Request) async throws {
        guard let user = request.currentUser, case .session(let id, _) = user.credential else { return }
        try await SessionModel.query(on: request.db).filter(\.$id == id).delete()
        try await request.audit(AuditLog.Event(action: "logout", targetType: "user", targetID: user.actor.userID.uuidString))
    }

    /// Creates a personal access token for `user`, valid `days` (or, for a sign-in through the
    /// API, `lifetime`), with its audit row in one transaction; returns the token, which is shown once.
    static func createToken(for userID: UUID, name: String, days: Int, lifetime: TimeInterval? = nil, now: Date, on database: any Database,
                            by who: AuditLog.Who) async throws -> (token: String, model: AccessTokenModel) {
        guard let name = name.nonBlank, name.count <= 100 else {
            throw DomainError.invalid("name", zh: "请填写令牌用途（不超过 100 字）", en: "Say what the token is for (at most 100 characters)")
        }
        guard (1...365).contains(days) else {
            throw DomainError.invalid("days", zh: "有效天数应在 1–365 之间", en: "Validity must be 1–365 days")
        }
        let token = "lst_" + Secrets.token()
        let model = AccessTokenModel()
        model.id = UUID()
        model.$user.id = userID
        model.name = name
        model.tokenHash = Secrets.sha256Hex(token)
        model.expiresAt = now.addingTimeInterval(lifetime ?? TimeInterval(days) * 86_400)
        try await database.writeTransaction { db in
            try await model.create(on: db)
            try await AuditLog.append(AuditLog.Event(action: "token.create", targetType: "access_token", targetID: model.id?.uuidString ?? "",
                                                     summary: "\(name), \(days) days, for user \(userID.uuidString.lowercased())"),
                                      by: who, at: now, on: db)
        }
        return (token, model)
    }
}

extension Application {
    private struct DecoyHashKey: StorageKey { typealias Value = String }

    /// A hash of a random password at the configured cost, made once.
    func decoyPasswordHash() async throws -> String {
        if let existing = storage[DecoyHashKey.self] { return existing }
        let hash = try await password.async(on: threadPool, hopTo: eventLoopGroup.next()).hash(Secrets.token()).get()
        storage[DecoyHashKey.self] = hash
        return hash
    }
}
