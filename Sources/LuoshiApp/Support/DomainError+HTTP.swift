import FluentKit
import SQLKit
import LuoshiDomain
import Vapor

extension DomainError {
    /// The HTTP status a domain error maps to at the edge.
    var status: HTTPResponseStatus {
        switch code {
        case .notFound: .notFound
        case .conflict, .alreadyExists, .duplicate: .conflict
        case .signInRequired, .invalidCredentials: .unauthorized
        case .forbidden, .passwordChangeRequired, .csrf: .forbidden
        case .locked: HTTPResponseStatus(statusCode: 423, reasonPhrase: "Locked")
        case .tooManyAttempts: .tooManyRequests
        case .payloadTooLarge: .payloadTooLarge
        default: .badRequest
        }
    }
}

/// The JSON body of every API error: `{"error": {"code", "message", "field"}}`.
struct APIErrorBody: Content {
    struct Detail: Content {
        var code: String
        var message: String
        var field: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
            try container.encode(field, forKey: .field)
        }
    }

    var error: Detail
}

extension Request {
    /// Parses a UUID path parameter; a malformed one is a 400 naming the parameter.
    func uuidParameter(_ name: String) throws(DomainError) -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw .invalid(name, zh: "\(name) 应为 UUID 格式", en: "\(name) must be a UUID")
        }
        return id
    }

    func intParameter(_ name: String) throws(DomainError) -> Int {
        guard let text = parameters.get(name), let value = Int(text), value > 0 else {
            throw .invalid(name, zh: "\(name) 应为正整数", en: "\(name) must be a positive whole number")
        }
        return value
    }

    /// The SQL view of the database (both engines are SQL).
    var sql: any SQLDatabase {
        get throws { try db.sql }
    }
}

extension Database {
    /// The SQL view of the database (both engines are SQL).
    var sql: any SQLDatabase {
        get throws {
            guard let sql = self as? any SQLDatabase else { throw Abort(.internalServerError, reason: "database is not SQL") }
            return sql
        }
    }
}

/// Runs a form's `save`; when a rule refuses it (one `DomainError`, or several `Problems`),
/// `showAgain` renders the form with every problem and what was typed.
func savingForm<T>(_ save: () async throws -> T, showAgain: ([DomainError]) async throws -> T) async throws -> T {
    do {
        return try await save()
    } catch let problems as Problems {
        return try await showAgain(problems.all)
    } catch let error as DomainError {
        return try await showAgain([error])
    }
}
