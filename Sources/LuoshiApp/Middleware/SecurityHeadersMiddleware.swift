import LuoshiDomain
import Vapor

/// Headers every response carries: no scripts, no framing, no sniffing, no referrer leaks; and,
/// when the client came over TLS, HSTS (a year, subdomains included; not preloaded — that is the
/// domain owner's decision).
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let strictTransportSecurity = "max-age=31536000; includeSubDomains"

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        let config = request.application.luoshiConfig
        if ClientAddress.arrivedOverTLS(deploymentIsHTTPS: config.secureCookies || config.publicBaseURL?.hasPrefix("https://") == true,
                                        peer: request.remoteAddress?.ipAddress, forwardedProto: request.headers[.xForwardedProto],
                                        trustedProxies: config.trustedProxies) {
            response.headers.replaceOrAdd(name: .strictTransportSecurity, value: Self.strictTransportSecurity)
        }
        return response
    }
}
