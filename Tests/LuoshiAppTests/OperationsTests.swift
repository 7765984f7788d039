import Foundation
@testable import LuoshiApp
import LuoshiDomain
import NIOCore
import Testing
import VaporTesting

@Suite("Health, metrics, configuration and start-up")
struct OperationsTests {
    @Test func healthChecksTheDatabase() async throws {
        try await withLuoshiApp(sample: false) { app in
            try await app.testing().test(.GET, "/health") { res in
                #expect(res.status == .ok)
                let body = try #require(try res.json() as? [String: String])
                #expect(body == ["status": "ok", "database": "ok"])
            }
        }
    }

    @Test func metricsCountRequestsByRoute() async throws {
        try await withLuoshiApp { app in
            try await app.testing().test(.GET, "/units") { _ in }
            try await app.testing().test(.GET, "/units") { _ in }
            try await app.testing().test(.GET, "/no/such/page") { _ in }
            try await app.testing().test(.GET, "/metrics") { res in
                #expect(res.status == .ok)
                let text = res.body.string
                #expect(text.contains(#"luoshi_http_requests_total{method="GET",route="/units",status="200"} 2"#))
                #expect(text.contains(#"luoshi_http_requests_total{method="GET",route="unmatched",status="404"} 1"#))
                #expect(text.contains("luoshi_http_request_duration_seconds_bucket"))
            }
        }
    }

    @Test(arguments: [
        (nil, AppConfig.Database.sqlite(path: "luoshi.sqlite")),
        ("", .sqlite(path: "luoshi.sqlite")),
        ("sqlite:///var/lib/luoshi/db.sqlite", .sqlite(path: "/var/lib/luoshi/db.sqlite")),
        ("sqlite://data/luoshi.sqlite", .sqlite(path: "data/luoshi.sqlite")),
        ("postgres://luoshi:secret@127.0.0.1:5432/luoshi?sslmode=disable", .postgres(url: "postgres://luoshi:secret@127.0.0.1:5432/luoshi?sslmode=disable")),
    ] as [(String?, AppConfig.Database)])
    func databaseURLsAreUnderstood(value: String?, expected: AppConfig.Database) throws {
        #expect(try AppConfig.parseDatabaseURL(value) == expected)
    }

    @Test(arguments: ["mysql://root@localhost/db", "postgres://", "postgres://host-only", "postgres://u@h", "sqlite://", "nonsense"])
    func malformedDatabaseURLsNameTheVariable(value: String) {
        #expect(throws: DomainError.self) { try AppConfig.parseDatabaseURL(value) }
        do {
            _ = try AppConfig.parseDatabaseURL(value)
        } catch {
            #expect(error.field == "DATABASE_URL")
        }
    }

    @Test func startupFailuresAreOneClearLine() {
        let inUse = IOError(errnoCode: EADDRINUSE, reason: "bind")
        #expect(StartupFailure.describe(inUse).contains("The port is already in use"))
        let config = DomainError.invalid("DATABASE_URL", zh: "坏", en: "bad")
        #expect(StartupFailure.describe(config) == "[DATABASE_URL] 坏 / bad")
        #expect(!StartupFailure.describe(inUse).contains("\n"))
    }

    @Test func sampleLoadsOnceAndRefusesASecondTime() async throws {
        try await withLuoshiApp { app in
            let loadedAgain = try await SampleData.loadIfEmpty(into: app.db, at: app.clock.now)
            #expect(loadedAgain == false)
            await #expect(throws: DomainError.self) {
                try await PlanWriter.save(try SampleData.document(), on: app.db, by: .system("test"), at: app.clock.now)
            }
            let plans = try await PlanModel.query(on: app.db).count()
            let tasks = try await TaskModel.query(on: app.db).count()
            #expect(plans == 1)
            #expect(tasks == 91)
        }
    }

    @Test func anInvalidDocumentWritesNothing() async throws {
        try await withLuoshiApp(sample: false) { app in
            var document = try SampleData.document()
            document.parts[7].tasks[3].leadUnits = ["不存在的单位"]
            await #expect(throws: DomainError.self) { try await PlanWriter.save(document, on: app.db, by: .system("test"), at: app.clock.now) }
            let counts = [try await PlanModel.query(on: app.db).count(), try await UnitModel.query(on: app.db).count(),
                          try await JurisdictionModel.query(on: app.db).count()]
            #expect(counts == [0, 0, 0])
        }
    }

    @Test func aSecondPlanReusesExistingUnitsAndLeaders() async throws {
        try await withLuoshiApp { app in
            var document = try SampleData.document()
            document.plan.year = 2024
            document.plan.title = "2024年县政府工作报告重点工作任务分解方案"
            document.plan.stages = .init(draft: .init(iso: "2024-02-01"), consultation: nil, approved: nil, issued: nil)
            document.plan.status = .draft
            try await PlanWriter.save(document, on: app.db, by: .system("test"), at: app.clock.now)
            let counts = [try await UnitModel.query(on: app.db).count(), try await LeaderModel.query(on: app.db).count(),
                          try await PlanModel.query(on: app.db).count()]
            #expect(counts == [47, document.leaders.count, 2])
        }
    }
}
