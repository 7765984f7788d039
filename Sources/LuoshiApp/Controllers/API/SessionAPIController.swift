import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// `POST /api/v1/session` (a short-lived token for scripts) and `GET /api/v1/me`.
enum SessionAPIController {
    /// Tokens from `POST /api/v1/session` last this long.
    static let sessionTokenLifetime: TimeInterval = 8 * 3600

    static func register(_ routes: any RoutesBuilder) {
        routes.on(.POST, SiteURL.Route.apiSession, requires: .readPublic, use: createSession)
        routes.on(.GET, SiteURL.Route.apiMe, requires: .manageOwnAccount, use: me)
    }

    struct Credentials: Content {
        var username: String?
        var password: String?
    }

    struct SessionToken: Content {
        var token: String
        var expiresAt: Date
    }

    @Sendable static func createSession(_ req: Request) async throws -> Response {
        let credentials: Credentials
        do {
            credentials = try req.content.decode(Credentials.self, as: .json)
        } catch {
            throw DomainError(.badRequest, zh: "请求体应为 JSON：{\"username\", \"password\"}",
                              en: "The body must be JSON: {\"username\", \"password\"}")
        }
        let username = (credentials.username ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let password = credentials.password ?? ""
        try Accounts.validateInput(username: username, password: password)
        let user = try await Accounts.authenticate(username: username, password: password, on: req)
        let (token, model) = try await Accounts.createToken(
            for: try user.requireID(), name: "API session", days: 1, lifetime: sessionTokenLifetime, now: req.now, on: req.db,
            by: AuditLog.Who(userID: user.id, username: user.username, clientIP: req.clientIP))
        let response = Response(status: .created)
        try response.content.encode(SessionToken(token: token, expiresAt: model.expiresAt), using: JSONEncoder.iso8601)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    struct Me: Content {
        var id: UUID
        var username: String
        var displayName: String
        var role: Role
        var jurisdictionCode: String
        var unitID: UUID?
        var leaderID: UUID?
        var isUnitHead: Bool
        var mustChangePassword: Bool

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(username, forKey: .username)
            try c.encode(displayName, forKey: .displayName)
            try c.encode(role, forKey: .role)
            try c.encode(jurisdictionCode, forKey: .jurisdictionCode)
            try c.encode(unitID, forKey: .unitID)
            try c.encode(leaderID, forKey: .leaderID)
            try c.encode(isUnitHead, forKey: .isUnitHead)
            try c.encode(mustChangePassword, forKey: .mustChangePassword)
        }
    }

    @Sendable static func me(_ req: Request) async throws -> Me {
        let user = try req.requireUser()
        let actor = user.actor
        return Me(id: actor.userID, username: actor.username, displayName: user.displayName, role: actor.role,
                  jurisdictionCode: actor.jurisdictionCode, unitID: actor.unitID, leaderID: actor.leaderID,
                  isUnitHead: actor.isUnitHead, mustChangePassword: user.mustChangePassword)
    }
}

extension JSONEncoder {
    static var iso8601: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
