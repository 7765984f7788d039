import Fluent
import Foundation
import LuoshiDomain
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Finds who is making the request: a bearer token (API) or the session cookie (pages).
/// An unknown, revoked or expired credential leaves the request anonymous; nothing is written
/// for a forged cookie.
struct AuthenticationMiddleware: AsyncMiddleware {
    static let sessionCookie = "luoshi_session"
    /// How often `last_seen_at` is written: idle time is measured to this precision.
    static let lastSeenGranularity: TimeInterval = 60

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            request.currentUser = try await Self.cachedUser(bearerToken: bearer.token, request)
        } else if let cookie = request.parsedCookies[Self.sessionCookie]?.string, !cookie.isEmpty, cookie.count <= 128,
                  !Self.isAPIWrite(request) {
            request.currentUser = try await Self.cachedUser(sessionToken: cookie, request)
            if let userID = request.currentUser?.actor.userID {
                request.currentUser?.unread = try await request.application.inboxCounts.count(userID, inboxVersion: request.application.dataVersions.current[.inbox]) {
                    try await NotificationModel.query(on: request.db).filter(\.$user.$id == userID).filter(\.$readAt == nil).count()
                }
            }
        }
        return try await next.respond(to: request)
    }

    /// A remembered session saves two queries on every signed-in request. An entry is used only
    /// while the `accounts` data version it was read at is current (an ended session, a changed
    /// user or security setting on any instance moves it), the session is unexpired and its
    /// last-seen time needs no write.
    private static func cachedUser(sessionToken: String, _ request: Request) async throws -> CurrentUser? {
        let key = Secrets.sha256Hex(sessionToken)
        let now = request.now
        let settings = try await request.application.securitySettings.current(request.db)
        let accountsVersion = request.application.dataVersions.current[.accounts]
        if let entry = request.application.sessionCache.entry(key, accountsVersion: accountsVersion),
           !settings.session.isExpired(createdAt: entry.startedAt, lastSeenAt: entry.lastSeenAt, now: now),
           now.timeIntervalSince(entry.lastSeenAt) < lastSeenGranularity {
            return entry.user
        }
        guard let (user, startedAt, lastSeenAt) = try await Self.user(sessionToken: sessionToken, request) else {
            request.application.sessionCache.remove(key)
            return nil
        }
        request.application.sessionCache.store(key, .init(user: user, startedAt: startedAt, lastSeenAt: lastSeenAt, accountsVersion: accountsVersion))
        return user
    }

    /// A remembered API token, like a remembered session: used while the `accounts` version it was
    /// read at is current (revoking a token, changing its user or the security settings on any
    /// instance moves it), the token is unexpired and its last-use time needs no write.
    private static func cachedUser(bearerToken: String, _ request: Request) async throws -> CurrentUser? {
        guard bearerToken.count <= 128 else { return nil }
        let key = "token:" + Secrets.sha256Hex(bearerToken)
        let now = request.now
        let accountsVersion = request.application.dataVersions.current[.accounts]
        if let entry = request.application.sessionCache.entry(key, accountsVersion: accountsVersion),
           let expiresAt = entry.expiresAt, expiresAt > now, now.timeIntervalSince(entry.lastSeenAt) < lastSeenGranularity {
            return entry.user
        }
        guard let (user, expiresAt, lastUsedAt) = try await Self.user(bearerToken: bearerToken, request) else {
            request.application.sessionCache.remove(key)
            return nil
        }
        request.application.sessionCache.store(key, .init(user: user, startedAt: lastUsedAt, lastSeenAt: lastUsedAt,
                                                          accountsVersion: accountsVersion, expiresAt: expiresAt))
        return user
    }

    /// API writes authenticate by bearer token only: the CSRF check covers forms, not `/api`, so a
    /// session cookie must not carry a write there.
    static func isAPIWrite(_ request: Request) -> Bool { isAPIWrite(request.method, request.url.path) }

    static func isAPIWrite(_ method: HTTPMethod, _ path: String) -> Bool {
        path.hasPrefix("/api/") && ![.GET, .HEAD, .OPTIONS].contains(method)
    }

    private static func user(bearerToken: String, _ request: Request) async throws -> (CurrentUser, expiresAt: Date, lastUsedAt: Date)? {
        guard let token = try await AccessTokenModel.query(on: request.db)
            .filter(\.$tokenHash == Secrets.sha256Hex(bearerToken)).with(\.$user).first(),
              token.revokedAt == nil, token.expiresAt > request.now, !token.user.disabled,
              let actor = token.user.actor, let tokenID = token.id else { return nil }
        let now = request.now
        if (token.lastUsedAt.map { now.timeIntervalSince($0) } ?? .infinity) >= lastSeenGranularity {
            token.lastUsedAt = now
            try await token.save(on: request.db)
        }
        let settings = try await request.application.securitySettings.current(request.db)
        return (CurrentUser(actor: actor, displayName: token.user.displayName,
                            mustChangePassword: mustChange(token.user, settings, now), credential: .token(id: tokenID)),
                token.expiresAt, token.lastUsedAt ?? now)
    }

    private static func user(sessionToken: String, _ request: Request) async throws -> (CurrentUser, startedAt: Date, lastSeenAt: Date)? {
        guard let session = try await SessionModel.query(on: request.db)
            .filter(\.$tokenHash == Secrets.sha256Hex(sessionToken)).with(\.$user).first(),
              let sessionID = session.id else { return nil }
        let now = request.now
        let settings = try await request.application.securitySettings.current(request.db)
        let user = session.user
        if settings.session.isExpired(createdAt: session.startedAt, lastSeenAt: session.lastSeenAt, now: now) || user.disabled {
            let idle = now.timeIntervalSince(session.lastSeenAt) >= settings.session.idleTimeout
            let event = AuditLog.Event(action: "logout", targetType: "user", targetID: user.id?.uuidString ?? "",
                                       summary: user.disabled ? "account disabled" : idle ? "idle timeout" : "absolute session timeout")
            let who = AuditLog.Who(userID: user.id, username: user.username, clientIP: request.clientIP)
            try await request.db.writeTransaction { db in
                // Another instance may have ended it first: the row that goes writes the audit row.
                guard let sql = db as? any SQLDatabase,
                      try await !sql.delete(from: SessionModel.schema).where("id", .equal, sessionID).returning("id").all().isEmpty else { return }
                try await AuditLog.append(event, by: who, at: now, on: db)
            }
            return nil
        }
        guard let actor = user.actor else { return nil }
        if now.timeIntervalSince(session.lastSeenAt) >= lastSeenGranularity {
            session.lastSeenAt = now
            try await session.save(on: request.db)
        }
        return (CurrentUser(actor: actor, displayName: user.displayName, mustChangePassword: mustChange(user, settings, now),
                            credential: .session(id: sessionID, csrfToken: session.csrfToken)), session.startedAt, session.lastSeenAt)
    }

    static func mustChange(_ user: UserModel, _ settings: SecuritySettings, _ now: Date) -> Bool {
        user.mustChangePassword || settings.password.isExpired(changedAt: user.passwordChangedAt, now: now)
    }
}

/// Sessions and API tokens remembered per process, each with the `accounts` data version it was
/// read at. Any change to users, security settings, an ended session or a revoked token, made by
/// any process, moves that version; an entry of an older version is never used.
final class SessionCache: Sendable {
    struct Entry: Sendable {
        var user: CurrentUser
        var startedAt: Date
        var lastSeenAt: Date
        var accountsVersion: Int64
        /// A token's expiry; nil for a session (its timeouts come from the security settings).
        var expiresAt: Date? = nil
    }

    static let limit = 10_000
    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    func entry(_ key: String, accountsVersion: Int64) -> Entry? {
        entries.withLockedValue { entries in
            guard let entry = entries[key] else { return nil }
            guard entry.accountsVersion == accountsVersion, accountsVersion > 0 else {
                entries[key] = nil
                return nil
            }
            return entry
        }
    }

    func store(_ key: String, _ entry: Entry) {
        entries.withLockedValue { entries in
            if entries.count >= Self.limit { entries.removeAll() }
            entries[key] = entry
        }
    }

    func remove(_ key: String) { _ = entries.withLockedValue { $0.removeValue(forKey: key) } }
}

extension Application {
    private struct SessionCacheKey: StorageKey { typealias Value = SessionCache }

    var sessionCache: SessionCache {
        if let existing = storage[SessionCacheKey.self] { return existing }
        let cache = SessionCache()
        storage[SessionCacheKey.self] = cache
        return cache
    }
}

/// Enforces each route's `requiredAction` with `Policy.can`, and the forced password change.
/// A route registered without an action is refused: access is denied by default.
struct AuthorizationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = request.route else { return try await next.respond(to: request) }
        guard let action = route.requiredAction else { throw DomainError.forbidden }
        let user = request.currentUser
        guard Policy.can(user?.actor, action) else {
            if user == nil { throw DomainError.signInRequired }
            try await request.audit(AuditLog.Event(action: "access.denied", targetType: "route",
                                                   targetID: "\(request.method.rawValue) \(request.url.path)", outcome: .denied))
            throw DomainError.forbidden
        }
        if let user, user.mustChangePassword, action != .readPublic, action != .manageOwnAccount {
            throw DomainError.passwordChangeRequired
        }
        return try await next.respond(to: request)
    }
}
