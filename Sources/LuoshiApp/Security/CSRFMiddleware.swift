import LuoshiDomain
import Vapor

/// Refuses a state-changing form post that does not carry the right token: the session's token
/// for a signed-in user, or, before sign-in, the double-submit cookie's. The JSON API takes
/// bearer tokens, not cookies, so it needs no CSRF token.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "luoshi_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method), !request.url.path.hasPrefix("/api/") else {
            return try await next.respond(to: request)
        }
        // The route collects the body only after the middleware: collect it here (up to the
        // upload limit; more is a 413) so the token is read from the whole form, not the first chunk.
        if request.body.data == nil {
            _ = try await request.body.collect(max: request.application.luoshiConfig.maxBodySize + 64 * 1024).get()
        }
        let submitted = (try? request.content.get(String.self, at: Forms.csrfFieldName)) ?? ""
        let expected: String?
        if let user = request.currentUser {
            expected = user.csrfToken
        } else {
            expected = request.cookies[Self.cookieName]?.string
        }
        guard let expected, !expected.isEmpty, Secrets.equal(submitted, expected) else {
            try await request.audit(AuditLog.Event(action: "csrf.refused", targetType: "route",
                                                   targetID: "\(request.method.rawValue) \(request.url.path)", outcome: .denied))
            throw DomainError.csrfFailed
        }
        return try await next.respond(to: request)
    }
}
