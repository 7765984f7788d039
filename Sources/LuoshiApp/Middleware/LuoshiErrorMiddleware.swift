import LuoshiDomain
import LuoshiHTML
import NIOCore
import NIOPosix
import PostgresNIO
import FluentSQLiteDriver
import Vapor

/// Turns every error into a response: JSON `{"error": …}` under `/api`, an HTML page elsewhere.
/// Domain errors keep their code, message and field; anything unexpected is logged and
/// answered with a generic 500 that reveals nothing.
struct LuoshiErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return Self.response(for: error, request: request)
        }
    }

    static func response(for error: any Error, request: Request) -> Response {
        let (status, domain) = classify(error, request: request)
        if request.url.path.hasPrefix("/api/") || request.url.path == "/api" {
            return jsonResponse(status: status, domain: domain, request: request)
        }
        // A browser asking for a page it may see once signed in (or once its password is changed)
        // is sent there rather than shown an error.
        if request.method == .GET {
            if domain.code == .signInRequired {
                return request.redirect(to: SiteURL.login(next: Preferences.safeReturnPath(request.url.string)).path, redirectType: .normal)
            }
            if domain.code == .passwordChangeRequired {
                return request.redirect(to: SiteURL.accountPassword.path, redirectType: .normal)
            }
        }
        return htmlResponse(status: status, domain: domain, request: request)
    }

    private static func classify(_ error: any Error, request: Request) -> (HTTPResponseStatus, DomainError) {
        switch error {
        case let problems as Problems:
            return (problems.first.status, problems.first)
        case let domain as DomainError:
            return (domain.status, domain)
        case let abort as any AbortError:
            let status = abort.status
            let code: DomainError.Code = switch status {
            case .notFound: .notFound
            case .payloadTooLarge: DomainError.Code(rawValue: "payload_too_large")
            case .methodNotAllowed: DomainError.Code(rawValue: "method_not_allowed")
            default: status.code >= 500 ? DomainError.Code(rawValue: "internal_error") : .badRequest
            }
            if status.code >= 500 { request.logger.report(error: error) }
            let message = status == .notFound
                ? LocalizedText(zh: "地址不存在：\(request.url.path)", en: "No such path: \(request.url.path)")
                : LocalizedText(zh: "请求无法处理：\(abort.reason)", en: "The request cannot be handled: \(abort.reason)")
            return (status, DomainError(code, zh: message.zh, en: message.en))
        case let decoding as DecodingError:
            return (.badRequest, DomainError(decoding: decoding))
        case _ where isDatabaseUnavailable(error):
            request.logger.warning("Database unavailable: \(String(reflecting: error))")
            return (.serviceUnavailable, DomainError(DomainError.Code(rawValue: "database_unavailable"),
                                                     zh: "数据库暂时无法访问，请稍后再试（本次操作未保存）",
                                                     en: "The database cannot be reached at the moment; please try again later (nothing was saved)"))
        default:
            request.logger.report(error: error)
            return (.internalServerError, DomainError(DomainError.Code(rawValue: "internal_error"),
                                                      zh: "服务器内部错误，请稍后再试", en: "Internal server error; please try again later"))
        }
    }

    /// Errors that mean the database is gone or overloaded, not that the request is wrong: a lost
    /// or refused connection, a pool with no connection to give, a server shutting down, SQLite
    /// busy past its timeout. The pool reconnects by itself when the database is back.
    static func isDatabaseUnavailable(_ error: any Error) -> Bool {
        switch error {
        case let psql as PSQLError:
            if [.connectionError, .serverClosedConnection, .uncleanShutdown, .poolClosed, .clientClosedConnection].contains(psql.code) { return true }
            if psql.code == .server, let state = psql.serverInfo?[.sqlState] {
                return state.hasPrefix("08") || state.hasPrefix("57P") || state == "53300"  // connection, shutdown, too many connections
            }
            return false
        case is ConnectionPoolTimeoutError, is NIOConnectionError, is ChannelError:
            return true
        case let sqlite as SQLiteError:
            return [.busy, .locked, .busyTimeout, .busyInRecovery, .busyInSnapshot].contains(sqlite.reason)
        default:
            return false
        }
    }

    private static func jsonResponse(status: HTTPResponseStatus, domain: DomainError, request: Request) -> Response {
        let language: Language = request.headers.first(name: .acceptLanguage)?.lowercased().hasPrefix("en") == true ? .english : .chinese
        let body = APIErrorBody(error: .init(code: domain.code.rawValue, message: domain.message.text(in: language), field: domain.field))
        let response = Response(status: status)
        do {
            try response.content.encode(body, as: .json)
        } catch {
            response.body = .init(string: #"{"error":{"code":"internal_error","message":"","field":null}}"#)
        }
        return response
    }

    private static func htmlResponse(status: HTTPResponseStatus, domain: DomainError, request: Request) -> Response {
        let context = request.pageContext(section: .none)
        let detail = status.code < 500 && status != .notFound ? domain.message : nil
        // An unknown page is a 404 to every visitor: it does not say more to anyone.
        let html = ErrorPage.render(.init(status: Int(status.code), detail: detail), context: context).renderDocument()
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}
