import LuoshiDomain
import Prometheus
import SQLKit
import Vapor

/// Preferences, the stylesheet, health and metrics.
enum SiteController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.preferences, requires: .readPublic, use: preferences)
        routes.on(.GET, SiteURL.Route.stylesheet, requires: .readPublic, use: stylesheet)
        routes.on(.GET, SiteURL.Route.health, requires: .readPublic, use: health)
        routes.on(.GET, SiteURL.Route.metrics, requires: .readPublic, use: metrics)
    }

    /// `GET /preferences?lang=en&elder=1&contrast=1&return=/units`: remembers the choice in a cookie for a
    /// year and goes back. Unknown values are ignored; only local return paths are followed.
    @Sendable static func preferences(_ req: Request) async throws -> Response {
        let response = req.redirect(to: Preferences.safeReturnPath(req.query[String.self, at: "return"]), redirectType: .normal)
        let secure = req.application.luoshiConfig.secureCookies
        func cookie(_ value: String) -> HTTPCookies.Value {
            HTTPCookies.Value(string: value, maxAge: 365 * 24 * 3600, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        }
        if let language = req.query[String.self, at: "lang"].flatMap(Language.init(rawValue:)) {
            response.cookies[Preferences.languageCookie] = cookie(language.rawValue)
        }
        if let elder = req.query[String.self, at: "elder"], elder == "1" || elder == "0" {
            response.cookies[Preferences.modeCookie] = cookie(elder == "1" ? Preferences.elderValue : "standard")
        }
        if let contrast = req.query[String.self, at: "contrast"], contrast == "1" || contrast == "0" {
            response.cookies[Preferences.contrastCookie] = cookie(contrast == "1" ? Preferences.highContrastValue : "standard")
        }
        return response
    }

    @Sendable static func stylesheet(_ req: Request) async throws -> Response {
        guard req.parameters.get("stylesheet") == "luoshi-\(Stylesheet.fingerprint).css" else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }

    struct Health: Content {
        var status: String
        var database: String
    }

    /// 200 when the database answers, 503 when it does not.
    @Sendable static func health(_ req: Request) async throws -> Response {
        let healthy: Bool
        do {
            _ = try await req.sql.raw("SELECT 1 AS ok").first()
            healthy = true
        } catch {
            req.logger.warning("health check: database unreachable: \(String(describing: error))")
            healthy = false
        }
        let response = Response(status: healthy ? .ok : .serviceUnavailable)
        try response.content.encode(Health(status: healthy ? "ok" : "unavailable", database: healthy ? "ok" : "unreachable"))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable static func metrics(_ req: Request) async throws -> Response {
        var bytes: [UInt8] = []
        req.application.metricsRegistry.emit(into: &bytes)
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(buffer: ByteBuffer(bytes: bytes)))
    }
}
