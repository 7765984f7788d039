import Foundation
import Logging
@testable import LuoshiApp
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The database a test runs on: a fresh SQLite file per test, or, when
/// `LUOSHI_TEST_POSTGRES_URL` is set, a fresh schema per test on that server.
enum TestDatabase {
    static var postgresURL: String? { ProcessInfo.processInfo.environment["LUOSHI_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 } }

    static func makeConfig() -> (AppConfig, cleanup: @Sendable (Application) async -> Void) {
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        if let url = postgresURL {
            let schema = "test_\(suffix)"
            var config = AppConfig(database: .postgres(url: url), postgresSchema: schema)
            config.bcryptCost = 4
            return (config, { app in
                try? await (app.db as? any SQLDatabase)?.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
            })
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("luoshi-test-\(suffix).sqlite").path
        var config = AppConfig(database: .sqlite(path: path))
        config.bcryptCost = 4
        return (config, { _ in
            for extra in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + extra) }
        })
    }
}

/// Runs `body` against a configured, migrated application, with the sample loaded unless
/// `sample` is false, and tears everything down afterwards. `adjust` changes the configuration;
/// `migrate: false` leaves the database without tables (a restore target).
func withLuoshiApp(sample: Bool = true, migrate: Bool = true, adjust: (inout AppConfig) -> Void = { _ in }, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    var (config, cleanup) = TestDatabase.makeConfig()
    // Uploaded evidence is kept in the database (the default); tests of the directory store set
    // their own folder, never the checkout.
    adjust(&config)
    do {
        try await configure(app, config: config)
        if let schema = config.postgresSchema, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        }
        if migrate { try await app.prepareDatabase() } else { try await prepareSQLite(app) }
        if sample && migrate { try await SampleData.loadIfEmpty(into: app.db, at: app.clock.now) }
        try await body(app)
    } catch {
        if TestDatabase.postgresURL != nil { Issue.record("PostgreSQL lane: \(String(reflecting: error))") }
        await cleanup(app)
        try? await app.asyncShutdown()
        throw error
    }
    await cleanup(app)
    try await app.asyncShutdown()
}

/// A second application on the same database as `app` (another server instance), shut down
/// after `body`.
func withSecondInstance(of app: Application, _ body: (Application) async throws -> Void) async throws {
    let second = try await Application.make(.testing)
    second.logger.logLevel = .warning
    do {
        try await configure(second, config: app.luoshiConfig)
        try await prepareSQLite(second)
        second.clock.set(app.clock.now)
        try await body(second)
    } catch {
        try? await second.asyncShutdown()
        throw error
    }
    try await second.asyncShutdown()
}

extension Application {
    /// The sample plan's id.
    func samplePlanID() async throws -> UUID {
        let snapshot = try await catalog.snapshot(db as! any SQLDatabase)
        return try #require(snapshot.plans.first { $0.year == 2023 && $0.jurisdictionCode == "371323" }).id
    }

    /// Reads the data versions now, as the watcher's poll or a notification would after a write
    /// made behind the server's back (a fixture writing through `app.db`).
    func readDataVersions() async throws {
        try await dataVersions.refresh(db as! any SQLDatabase)
    }

    func snapshot() async throws -> CatalogSnapshot {
        try await catalog.snapshot(db as! any SQLDatabase)
    }
}

extension TestingHTTPResponse {
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer: body))
    }

    /// The `error` object of an API error body.
    func apiError() throws -> [String: Any] {
        let object = try #require(try json() as? [String: Any])
        return try #require(object["error"] as? [String: Any])
    }
}
