import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

/// A signed-in browser in tests: its session cookie and the session's CSRF token.
struct TestSession {
    var cookie: String
    var csrf: String

    var headers: HTTPHeaders { ["Cookie": "\(AuthenticationMiddleware.sessionCookie)=\(cookie)"] }
}

let testPassword = "Luoshi-Test-2023"

extension Application {
    /// Creates a user with `testPassword` (no forced change unless asked).
    @discardableResult
    func makeUser(_ username: String, _ role: Role, unit: String? = nil, leaderPrecedence: Int? = nil,
                  mustChange: Bool = false, jurisdiction: String = "371323") async throws -> UserModel {
        let snapshot = try await snapshot()
        let unitID = unit.flatMap { name in snapshot.units.first { $0.jurisdictionCode == jurisdiction && $0.shortName == name }?.id }
        let leaderID = leaderPrecedence.flatMap { precedence in
            snapshot.leaders.first { $0.jurisdictionCode == jurisdiction && $0.precedence == precedence }?.id
        }
        let (user, _) = try await UserAdministration.create(
            .init(username: username, displayName: username, role: role, jurisdictionCode: jurisdiction, unitID: unitID,
                  leaderID: leaderID, password: testPassword),
            policy: .standard, hasher: password.async(on: threadPool, hopTo: eventLoopGroup.next()), now: clock.now, on: db,
            by: .system("test"))
        if mustChange {
            user.mustChangePassword = true
            try await user.save(on: db)
        }
        return user
    }

    /// Signs in through the real form (GET /login for the CSRF cookie, then POST /login).
    func signIn(_ username: String, password: String = testPassword) async throws -> TestSession {
        let csrf = Secrets.token()
        var cookie: String?
        try await testing().test(.POST, "/login", headers: ["Cookie": "\(CSRFMiddleware.cookieName)=\(csrf)",
                                                              "Content-Type": "application/x-www-form-urlencoded"],
                                 body: ByteBuffer(string: "username=\(username)&password=\(password.formEncoded)&_csrf=\(csrf)")) { res in
            #expect(res.status == .seeOther, "sign-in of \(username) answered \(res.status)")
            cookie = res.headers.setCookie?[AuthenticationMiddleware.sessionCookie]?.string
        }
        let token = try #require(cookie)
        let session = try #require(try await SessionModel.query(on: db).filter(\.$tokenHash == Secrets.sha256Hex(token)).first())
        return TestSession(cookie: token, csrf: session.csrfToken)
    }

    /// A bearer token for `username` from POST /api/v1/session.
    func apiToken(_ username: String, password: String = testPassword) async throws -> String {
        var token: String?
        try await testing().test(.POST, "/api/v1/session", headers: ["Content-Type": "application/json"],
                                 body: ByteBuffer(string: #"{"username":"\#(username)","password":"\#(password)"}"#)) { res in
            #expect(res.status == .created, "token for \(username): \(res.status)")
            token = (try? res.json() as? [String: Any])?["token"] as? String
        }
        return try #require(token)
    }

    func auditActions() async throws -> [String] {
        try await AuditLogModel.query(on: db).sort(\.$sequence).all().map(\.action)
    }
}

extension String {
    var formEncoded: String { addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? self }
}

/// Form bodies for POSTs in tests.
func form(_ fields: [(String, String)]) -> ByteBuffer {
    ByteBuffer(string: fields.map { "\($0.0)=\($0.1.formEncoded)" }.joined(separator: "&"))
}

let formHeaders: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]

func headers(_ session: TestSession, form: Bool = false) -> HTTPHeaders {
    var headers = session.headers
    if form { headers.add(name: .contentType, value: "application/x-www-form-urlencoded") }
    return headers
}
