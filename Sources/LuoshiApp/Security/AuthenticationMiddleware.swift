import Fluent
import Foundation
import LuoshiDomain
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
            request.currentUser = try await Self.user(bearerToken: bearer.token, request)
        } else if let cookie = request.cookies[Self.sessionCookie]?.string, !cookie.isEmpty, cookie.count <= 128,
                  !Self.isAPIWrite(request) {
            request.currentUser = try await Self.user(sessionToken: cookie, request)
        }
        return try await next.respond(to: request)
    }

    /// API writes authenticate by bearer token only: the CSRF check covers forms, not `/api`, so a
    /// session cookie must not carry a write there.
    static func isAPIWrite(_ request: Request) -> Bool { isAPIWrite(request.method, request.url.path) }

    static func isAPIWrite(_ method: HTTPMethod, _ path: String) -> Bool {
        path.hasPrefix("/api/") && ![.GET, .HEAD, .OPTIONS].contains(method)
    }

    private static func user(bearerToken: String, _ request: Request) async throws -> CurrentUser? {
        guard bearerToken.count <= 128 else { return nil }
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
        return CurrentUser(actor: actor, displayName: token.user.displayName,
                           mustChangePassword: mustChange(token.user, settings, now), credential: .token(id: tokenID))
    }

    private static func user(sessionToken: String, _ request: Request) async throws -> CurrentUser? {
        guard let session = try await SessionModel.query(on: request.db)
            .filter(\.$tokenHash == Secrets.sha256Hex(sessionToken)).with(\.$user).first(),
              let sessionID = session.id else { return nil }
        let now = request.now
        let settings = try await request.application.securitySettings.current(request.db)
        let user = session.user
        if settings.session.isExpired(createdAt: session.startedAt, lastSeenAt: session.lastSeenAt, now: now) || user.disabled {
            try await session.delete(on: request.db)
            let idle = now.timeIntervalSince(session.lastSeenAt) >= settings.session.idleTimeout
            try await AuditLog.append(
                AuditLog.Event(action: "logout", targetType: "user", targetID: user.id?.uuidString ?? "",
                               summary: user.disabled ? "account disabled" : idle ? "idle timeout" : "absolute session timeout"),
                by: AuditLog.Who(userID: user.id, username: user.username, clientIP: request.clientIP), at: now, on: request.db)
            return nil
        }
        guard let actor = user.actor else { return nil }
        if now.timeIntervalSince(session.lastSeenAt) >= lastSeenGranularity {
            session.lastSeenAt = now
            try await session.save(on: request.db)
        }
        return CurrentUser(actor: actor, displayName: user.displayName, mustChangePassword: mustChange(user, settings, now),
                           credential: .session(id: sessionID, csrfToken: session.csrfToken))
    }

    static func mustChange(_ user: UserModel, _ settings: SecuritySettings, _ now: Date) -> Bool {
        user.mustChangePassword || settings.password.isExpired(changedAt: user.passwordChangedAt, now: now)
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
