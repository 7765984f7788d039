import Foundation
import SQLKit
import Vapor

/// Per-address throttle on failed sign-ins, in front of the per-account lock: an address with
/// too many failures in the window is refused before any password is checked. The failures are
/// rows in `sign_in_failures`, so every instance counts the same ones.
struct LoginThrottle: Sendable {
    let maximumFailures: Int
    let window: TimeInterval

    init(maximumFailures: Int = 20, window: TimeInterval = 15 * 60) {
        self.maximumFailures = maximumFailures
        self.window = window
    }

    private struct Count: Decodable { var n: Int }

    func isBlocked(_ address: String, now: Date, on sql: any SQLDatabase) async throws -> Bool {
        let count = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("sign_in_failures")
            .where("address", .equal, address)
            .where("failed_at", .greaterThan, now.addingTimeInterval(-window))
            .first(decoding: Count.self)?.n ?? 0
        return count >= maximumFailures
    }

    /// Records a failure and forgets this address's failures older than the window.
    func recordFailure(_ address: String, now: Date, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "sign_in_failures").columns("id", "address", "failed_at")
            .values(SQLBind(UUID()), SQLBind(address), SQLBind(now)).run()
        try await sql.delete(from: "sign_in_failures")
            .where("address", .equal, address).where("failed_at", .lessThan, now.addingTimeInterval(-window)).run()
    }

    func reset(_ address: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "sign_in_failures").where("address", .equal, address).run()
    }
}

extension Application {
    var loginThrottle: LoginThrottle { LoginThrottle() }
}
