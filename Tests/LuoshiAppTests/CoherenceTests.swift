import Fluent
import Foundation
import NIOCore
@testable import LuoshiApp
import LuoshiDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Several processes on one database: data versions bumped by the database in the writing
/// transaction, read models that follow them, and state every instance shares (throttle,
/// lockout, evidence). A second `Application` on the same database stands for a second server:
/// it has its own caches and its own watcher, exactly as another process would.
@Suite("Coherence across instances")
struct CoherenceTests {
    private static func versions(_ app: Application) async throws -> DataStamp {
        try await app.dataVersions.refresh(app.db as! any SQLDatabase)
    }

    @Test func aWriteBumpsItsScopeInItsTransactionAndARollbackDoesNot() async throws {
        try await withLuoshiApp { app in
            let user = try await app.makeUser("du.cha", .supervisor)
            let before = try await Self.versions(app)
            let unit = try #require(try await UnitModel.query(on: app.db).first())
            unit.name += "（改）"
            try await unit.save(on: app.db)
            let afterUnit = try await Self.versions(app)
            #expect(afterUnit[.catalog] == before[.catalog] + 1)
            #expect(afterUnit[.any] == before[.any] + 1)
            #expect(afterUnit[.dispatch] == before[.dispatch] && afterUnit[.accounts] == before[.accounts])

            struct Rollback: Error {}
            await #expect(throws: Rollback.self) {
                try await app.db.transaction { db in
                    let other = try #require(try await UnitModel.query(on: db).first())
                    other.name += "（回滚）"
                    try await other.save(on: db)
                    throw Rollback()
                }
            }
            #expect(try await Self.versions(app) == afterUnit, "a rolled-back write moves no version")

            // Many rows in one transaction: one bump per scope on PostgreSQL, at least one on SQLite.
            try await app.db.transaction { db in
                for unit in try await UnitModel.query(on: db).limit(5).all() {
                    unit.name += "。"
                    try await unit.save(on: db)
                }
                user.displayName += "（新）"
                try await user.save(on: db)
            }
            let afterBoth = try await Self.versions(app)
            #expect(afterBoth[.catalog] > afterUnit[.catalog] && afterBoth[.accounts] > afterUnit[.accounts])
            #expect(afterBoth[.dispatch] == afterUnit[.dispatch])
            if TestDatabase.postgresURL != nil {
                #expect(afterBoth[.catalog] == afterUnit[.catalog] + 1 && afterBoth[.any] == afterUnit[.any] + 1)
            }
        }
    }

    @Test func savingADraftMovesTheDraftsVersionAndHandingItInMovesDispatch() async throws {
        try await withLuoshiApp { app in
            let sql = try #require(app.db as? any SQLDatabase)
            let roundID = try await ReminderTests.openRound(app, month: "2023-03")
            let task = try #require(try await TaskModel.query(on: app.db).first())
            let unit = try #require(try await UnitModel.query(on: app.db).first())
            let opened = try await Self.versions(app)
            let id = UUID()
            try await ReportRows.insert(.init(id: id, roundID: roundID, taskID: try task.requireID(), unitID: try unit.requireID(), status: .draft),
                                        updatedBy: "test", at: app.clock.now, on: app.db)
            let asDraft = try await Self.versions(app)
            #expect(asDraft[.drafts] > opened[.drafts] && asDraft[.dispatch] == opened[.dispatch], "a new draft moves drafts only")

            try await sql.raw("UPDATE progress_reports SET work_done = 'revised' WHERE id = \(bind: id)").run()
            try await ReportRows.appendEvent(.init(reportID: id, step: "save", status: .draft, comment: "", actor: "test", at: app.clock.now,
                                                   reportVersion: 2), on: app.db)
            let saved = try await Self.versions(app)
            #expect(saved[.drafts] > asDraft[.drafts] && saved[.any] > asDraft[.any])
            #expect(saved[.dispatch] == asDraft[.dispatch], "a draft's save leaves every read model valid")

            try await sql.raw("UPDATE progress_reports SET status = 'submitted' WHERE id = \(bind: id)").run()
            let submitted = try await Self.versions(app)
            #expect(submitted[.dispatch] > saved[.dispatch], "handing a report in moves dispatch")
            try await ReportRows.appendEvent(.init(reportID: id, step: "submit", status: .submitted, comment: "", actor: "test",
                                                   at: app.clock.now, reportVersion: 3), on: app.db)
            #expect(try await Self.versions(app)[.dispatch] > submitted[.dispatch])
        }
    }

    @Test func aWriteThroughOneInstanceIsServedByTheOtherOnceItsWatcherPolls() async throws {
        try await withLuoshiApp { app in
            try await withSecondInstance(of: app) { second in
                second.dataVersions.start(second)
                func unitNames(_ instance: Application) async throws -> [String] {
                    var names: [String] = []
                    try await instance.testing().test(.GET, "/api/v1/units") { res in
                        #expect(res.status == .ok)
                        let list = try #require(try res.json() as? [[String: Any]])
                        names = list.compactMap { $0["name"] as? String }
                    }
                    return names
                }
                let before = try await unitNames(second)  // the second instance's cache is warm
                #expect(!before.contains("县测试新设局"))

                try await app.makeUser("du.cha", .supervisor)
                let token = try await app.apiToken("du.cha")
                try await app.testing().test(.POST, "/api/v1/units", headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                                             body: ByteBuffer(string: #"{"name":"县测试新设局","shortName":"测试局","kind":"department"}"#)) { res in
                    #expect(res.status == .created)
                }
                #expect(try await unitNames(app).contains("县测试新设局"), "the writing instance sees its write at once")

                // The 1 s target is measured by `scripts/bench writes`; here the bound is only
                // long enough that a loaded CI machine cannot miss the behaviour itself.
                let start = ContinuousClock.now
                var seen = false
                while ContinuousClock.now - start < .seconds(15) {
                    if try await unitNames(second).contains("县测试新设局") { seen = true; break }
                    try await Task.sleep(for: .milliseconds(20))
                }
                #expect(seen, "the other instance serves the new unit once its watcher has seen the new version")
            }
        }
    }

    @Test func aTokenRevokedByAnyProcessIsRefusedByAnInstanceThatRememberedIt() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("du.cha", .supervisor)
            let token = try await app.apiToken("du.cha")
            try await withSecondInstance(of: app) { second in
                let bearer: HTTPHeaders = ["Authorization": "Bearer \(token)"]
                for _ in 0..<2 {  // the second read is served from the remembered token
                    try await second.testing().test(.GET, "/api/v1/me", headers: bearer) { res in #expect(res.status == .ok) }
                }
                // Revoked behind both servers' backs (another process, hand-typed SQL).
                let sql = try #require(app.db as? any SQLDatabase)
                try await sql.raw("UPDATE access_tokens SET revoked_at = \(bind: app.clock.now)").run()
                try await second.readDataVersions()  // what the watcher's poll or a notification does
                try await second.testing().test(.GET, "/api/v1/me", headers: bearer) { res in #expect(res.status == .unauthorized) }
            }
        }
    }

    @Test func signInFailuresSpreadOverBothInstancesLockTheAccountAndThrottleTheAddress() async throws {
        try await withLuoshiApp(sample: false) { app in
            try await app.makeUser("li.si", .supervisor)
            try await withSecondInstance(of: app) { second in
                func attempt(_ instance: Application, _ username: String, _ password: String) async throws -> HTTPStatus {
                    var status = HTTPStatus.ok
                    try await instance.testing().test(.POST, "/api/v1/session", headers: ["Content-Type": "application/json"],
                                                      body: ByteBuffer(string: #"{"username":"\#(username)","password":"\#(password)"}"#)) { res in
                        status = res.status
                    }
                    return status
                }
                for index in 0..<4 {
                    let status = try await attempt(index.isMultiple(of: 2) ? app : second, "li.si", "wrong")
                    #expect(status == .unauthorized)
                }
                let fifth = try await attempt(second, "li.si", "wrong")
                #expect(fifth.code == 423, "the fifth failure, wherever it lands, locks")
                let right = try await attempt(app, "li.si", testPassword)
                #expect(right.code == 423, "locked on the other instance too")

                // The address throttle counts failures from both instances (6 so far: 5 wrong passwords
                // and the locked account's).
                for index in 6..<app.loginThrottle.maximumFailures {
                    let status = try await attempt(index.isMultiple(of: 2) ? app : second, "nobody\(index)", "x")
                    #expect(status == .unauthorized)
                }
                let first = try await attempt(app, "someone", "x"), other = try await attempt(second, "someone", "x")
                #expect(first == .tooManyRequests && other == .tooManyRequests)
            }
        }
    }

    @Test func evidenceUploadedThroughOneInstanceDownloadsThroughTheOther() async throws {
        try await withLuoshiApp { app in
            #expect(app.luoshiConfig.attachmentDirectory == nil, "the database keeps evidence by default")
            app.clock.set(DispatchHTTPTests.beijingNoon("2023-04-20"))
            let snapshot = try await app.snapshot()
            let planID = try await app.samplePlanID()
            let fgj = try #require(snapshot.units.first { $0.shortName == "县发改局" })
            let task = try #require(snapshot.tasksLedByUnit[fgj.id]?.first { $0.leadUnitIDs == [fgj.id] })
            try await app.makeUser("du.cha", .supervisor)
            try await app.makeUser("fgj.staff", .unitStaff, unit: "县发改局")
            let office = try await app.apiToken("du.cha"), lead = try await app.apiToken("fgj.staff")
            var (status, body) = try await DispatchAPITests.call(app, .POST, "/api/v1/plans/\(planID)/rounds", token: office, json: #"{"month":"2023-04"}"#)
            #expect(status == .created)
            let roundID = try #require((body as? [String: Any])?["id"] as? String)
            let path = "/api/v1/rounds/\(roundID)/tasks/\(task.id)"
            (status, body) = try await DispatchAPITests.call(app, .PUT, path + "/report", token: lead, json: #"{"step":"save","version":0,"workDone":"完成招标"}"#)
            #expect(status == .ok)

            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 64)
            var upload = ByteBuffer()
            upload.writeString("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"现场照片.png\"\r\nContent-Type: image/png\r\n\r\n")
            upload.writeBytes(png)
            upload.writeString("\r\n--b--\r\n")
            var attachmentURL: String?
            try await app.testing().test(.POST, path + "/attachments", headers: ["Authorization": "Bearer \(lead)", "Content-Type": "multipart/form-data; boundary=b"],
                                         body: upload) { res in
                #expect(res.status == .created)
                attachmentURL = (try res.json() as? [String: Any])?["url"] as? String
            }
            let stored = try #require(try await AttachmentModel.query(on: app.db).first())
            #expect(try await StoredFileModel.find(stored.requireID(), on: app.db)?.data == Data(png), "the bytes are a row")
            try await withSecondInstance(of: app) { second in
                try await second.testing().test(.GET, try #require(attachmentURL), headers: ["Authorization": "Bearer \(office)"]) { res in
                    #expect(res.status == .ok)
                    #expect(Array(res.body.readableBytesView) == png)
                    #expect(res.headers.first(name: .cacheControl) == "private, no-store")
                }
            }
        }
    }
}

@Suite("Database unavailable")
struct DatabaseUnavailableTests {
    @Test func aLostDatabaseIsA503WithAClearMessageNotA500() async throws {
        try await withLuoshiApp(sample: false) { app in
            let request = Request(application: app, method: .GET, url: URI(path: "/api/v1/plans"), on: app.eventLoopGroup.next())
            for error: any Error in [ChannelError.ioOnClosedChannel, ChannelError.connectTimeout(TimeAmount.seconds(10))] {
                let response = LuoshiErrorMiddleware.response(for: error, request: request)
                #expect(response.status == .serviceUnavailable)
                #expect(response.body.string?.contains("database_unavailable") == true)
            }
            let other = LuoshiErrorMiddleware.response(for: CancellationError(), request: request)
            #expect(other.status == .internalServerError, "anything else stays a generic 500")
        }
    }
}
