import Foundation
import LuoshiDomain
import SQLKit
import Vapor

/// A per-address limit held in the database, so every instance counts the same events: an
/// address with `maximum` events in the last `window` seconds is refused. Events are rows of
/// `table` (`id`, `address`, and the time in `timeColumn`); recording one forgets that address's
/// events older than the window.
///
/// Two use it: failed sign-ins (`loginThrottle`, in front of the per-account lock) and public
/// questions (`questionThrottle`, 政民互动 needs no account).
struct AddressThrottle: Sendable {
    let table: String
    let timeColumn: String
    let maximum: Int
    let window: TimeInterval

    /// The sign-in limit: 20 failures per address in 15 minutes.
    static let signIn = AddressThrottle(table: "sign_in_failures", timeColumn: "failed_at", maximum: 20, window: 15 * 60)

    /// The public-question limit of `PublicQuestion.Limit.standard`.
    static let questions = AddressThrottle(table: "question_submissions", timeColumn: "submitted_at",
                                           maximum: PublicQuestion.Limit.standard.maximum, window: PublicQuestion.Limit.standard.window)

    /// The failures allowed before the sign-in throttle applies (the tests count up to it).
    var maximumFailures: Int { maximum }

    private struct Count: Decodable { var n: Int }

    func isBlocked(_ address: String, now: Date, on sql: any SQLDatabase) async throws -> Bool {
        let count = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(table)
            .where("address", .equal, address)
            .where(SQLIdentifier(timeColumn), .greaterThan, SQLBind(now.addingTimeInterval(-window)))
            .first(decoding: Count.self)?.n ?? 0
        return count >= maximum
    }

    /// Records an event and forgets this address's events older than the window.
    func record(_ address: String, now: Date, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: table).columns("id", "address", timeColumn)
            .values(SQLBind(UUID()), SQLBind(address), SQLBind(now)).run()
        try await sql.delete(from: table)
            .where("address", .equal, address).where(SQLIdentifier(timeColumn), .lessThan, SQLBind(now.addingTimeInterval(-window))).run()
    }

    func reset(_ address: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: table).where("address", .equal, address).run()
    }
}

extension Application {
    var loginThrottle: AddressThrottle { .signIn }
    var questionThrottle: AddressThrottle { .questions }
}
