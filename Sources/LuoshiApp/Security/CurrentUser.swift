import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// The signed-in user of a request, found by `AuthenticationMiddleware` from the session cookie
/// or a bearer token.
struct CurrentUser: Sendable {
    enum Credential: Sendable {
        case session(id: UUID, csrfToken: String)
        case token(id: UUID)
    }

    var actor: Actor
    var displayName: String
    /// First login, after an administrator's reset, or an expired password.
    var mustChangePassword: Bool
    var credential: Credential
    /// Unread inbox messages (signed-in pages only; 0 for API requests).
    var unread = 0

    var csrfToken: String? {
        if case .session(_, let token) = credential { return token }
        return nil
    }
}

extension Request {
    private struct CurrentUserKey: StorageKey { typealias Value = CurrentUser }

    var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// The client's address: the peer's, or, when the peer is a proxy named in
    /// `LUOSHI_TRUSTED_PROXIES`, the address that proxy saw (`X-Forwarded-For`).
    var clientIP: String {
        ClientAddress.resolve(peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor],
                              trustedProxies: application.luoshiConfig.trustedProxies)
    }

    var auditWho: AuditLog.Who {
        AuditLog.Who(userID: currentUser?.actor.userID, username: currentUser?.actor.username ?? "anonymous", clientIP: clientIP)
    }

    /// Records an event for the current user, now.
    func audit(_ event: AuditLog.Event, on database: (any Database)? = nil) async throws {
        try await AuditLog.append(event, by: auditWho, at: now, on: database ?? db)
    }
}

extension Route {
    private static let actionKey = "luoshi.action"

    /// The action a request must be allowed (`Policy.can`) to reach this route.
    var requiredAction: Action? {
        get { userInfo[Self.actionKey] as? Action }
        set { userInfo[Self.actionKey] = newValue }
    }
}

extension RoutesBuilder {
    /// Registers a route together with the action it requires; `AuthorizationMiddleware`
    /// enforces it and the authorisation matrix test reads it.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: [PathComponent], requires action: Action,
        body: HTTPBodyStreamStrategy = .collect,
        use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        let route = on(method, path, body: body, use: handler)
        route.requiredAction = action
        return route
    }
}
