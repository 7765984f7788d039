import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

/// `luoshi backup` and `luoshi restore` (DatabaseBackup): a restore into an empty database gives
/// back the same ledger, bulletins, evidence, accounts and audit chain; a damaged file, a
/// database that is not empty or a newer version's backup is refused with nothing written.
@Suite("Backup and restore")
struct BackupTests {
    static func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("luoshi-backup-\(UUID().uuidString).jsonl").path
    }

    /// The sample with its three rounds and two published bulletins, an office account and one
    /// uploaded evidence file.
    static func fill(_ app: Application) async throws -> UUID {
        app.clock.set(DispatchHTTPTests.beijingNoon("2023-07-10"))
        let snapshot = try await app.snapshot()
        try await SampleRounds.loadIfMissing(into: app.db, snapshot: snapshot)
        let fgj = try #require(snapshot.units.first { $0.shortName == "县发改局" })
        let task = try #require(snapshot.tasksLedByUnit[fgj.id]?.first)
        try await app.makeUser("du.cha", .supervisor)
        try await app.makeUser("fgj.staff", .unitStaff, unit: "县发改局")
        let lead = try await app.signIn("fgj.staff")
        let roundID = try await ReminderTests.openRound(app, month: "2023-07")
        let path = "/rounds/\(roundID)/tasks/\(task.id)"
        var (status, _) = try await TaskWorkHTTPTests.post(app, path + "/report", lead, [("step", "save"), ("version", "0"), ("workDone", "开工")])
        #expect(status == .seeOther)
        (status, _) = try await AttachmentTests.upload(app, path + "/attachments", lead, name: "现场照片.png", bytes: AttachmentTests.png)
        #expect(status == .seeOther)
        return try #require(try await AttachmentModel.query(on: app.db).first()).requireID()
    }

    /// Every copied table's rows, as the backup reads them, in a stable order.
    static func contents(_ app: Application) async throws -> [String: [[BackupArchive.Value]]] {
        let sql = app.db as! any SQLDatabase
        let schema = try await DatabaseBackup.Schema.read(sql)
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try await DatabaseBackup.backup(app, to: path)
        var tables: [String: [[BackupArchive.Value]]] = [:], current = ""
        _ = try await BackupArchive.read(path: path) { record, _ in
            switch record {
            case .table(let start): current = start.table; tables[current] = []
            case .row(let values): tables[current]?.append(values)
            default: break
            }
        }
        #expect(Set(tables.keys) == Set(schema.tables.keys).subtracting(DatabaseBackup.notCopied))
        return tables.mapValues { $0.sorted { "\($0)" < "\($1)" } }
    }

    @Test func aRestoredDatabaseHasTheSameLedgerBulletinsEvidenceAccountsAndAuditChain() async throws {
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        var original: [String: [[BackupArchive.Value]]] = [:]
        var ledger: [Ledger.Row] = [], bulletins: [Data?] = [], auditCount = 0
        var evidenceID = UUID()
        try await withLuoshiApp { app in
            evidenceID = try await Self.fill(app)
            let snapshot = try await app.snapshot()
            let plan = try #require(snapshot.plansByID[try await app.samplePlanID()])
            ledger = try await DispatchStore.ledger(plan: plan, snapshot: snapshot, asOf: CalendarDate(iso: "2023-06-25")!, cache: app.ledgerCache, on: app.db)
            bulletins = try await BulletinModel.query(on: app.db).sort(\.$issueNumber).all().map(\.docx)
            auditCount = try await AuditLogModel.query(on: app.db).count()
            let summary = try await DatabaseBackup.backup(app, to: file)
            #expect(summary.rows > 1_000 && summary.evidence == 0, "\(summary)")
            original = try await Self.contents(app)
        }
        #expect(bulletins.count == 2 && bulletins.allSatisfy { ($0?.count ?? 0) > 1_000 })
        #expect(original[StoredFileModel.schema]?.count == 1 && (original[AuditLogModel.schema]?.count ?? 0) > 3, "\(original[AuditLogModel.schema]?.count ?? 0) audit rows")

        try await withLuoshiApp(sample: false) { restored in
            restored.clock.set(DispatchHTTPTests.beijingNoon("2023-07-10"))
            let summary = try await DatabaseBackup.restore(restored, from: file)
            #expect(summary.rows == original.values.reduce(0) { $0 + $1.count })
            #expect(try await Self.contents(restored) == original, "every row of every table, value for value")
            #expect(try await AuditLog.verify(on: restored.db) == nil, "the audit chain verifies")
            #expect(try await AuditLogModel.query(on: restored.db).count() == auditCount)

            try await restored.readDataVersions()
            let snapshot = try await restored.snapshot()
            let plan = try #require(snapshot.plansByID[try await restored.samplePlanID()])
            let rows = try await DispatchStore.ledger(plan: plan, snapshot: snapshot, asOf: CalendarDate(iso: "2023-06-25")!, cache: restored.ledgerCache, on: restored.db)
            #expect(rows == ledger, "the same ledger, colour for colour")
            #expect(try await BulletinModel.query(on: restored.db).sort(\.$issueNumber).all().map(\.docx) == bulletins, "the same Word files")

            let office = try await restored.signIn("du.cha")
            try await restored.testing().test(.GET, "/attachments/\(evidenceID.uuidString.lowercased())", headers: office.headers) { res in
                #expect(res.status == .ok && Data(buffer: res.body) == Data(AttachmentTests.png), "the evidence file downloads")
            }
            try await restored.testing().test(.GET, "/plans/\(plan.id)/rounds", headers: office.headers) { res in
                #expect(res.status == .ok && res.body.string.contains("2023年6月调度"))
            }
        }
    }

    @Test func aDatabaseWithoutTablesIsMigratedToTheBackupsVersionThenRestored() async throws {
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        var original: [String: [[BackupArchive.Value]]] = [:]
        try await withLuoshiApp { app in
            _ = try await DatabaseBackup.backup(app, to: file)
            original = try await Self.contents(app)
        }
        try await withLuoshiApp(sample: false, migrate: false) { restored in
            #expect(try await DatabaseBackup.appliedMigrations(restored.db as! any SQLDatabase).isEmpty)
            _ = try await DatabaseBackup.restore(restored, from: file)
            #expect(try await DatabaseBackup.appliedMigrations(restored.db as! any SQLDatabase).sorted() == LuoshiMigrations.all.map(\.name).sorted())
            #expect(try await Self.contents(restored) == original)
        }
    }

    @Test func evidenceKeptInADirectoryIsBackedUpAndRestoredIntoTheDatabase() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("luoshi-attachments-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        var evidenceID = UUID()
        try await withLuoshiApp(adjust: { $0.attachmentDirectory = directory }) { app in
            evidenceID = try await Self.fill(app)
            #expect(try await StoredFileModel.query(on: app.db).count() == 0, "the bytes are in the directory")
            let summary = try await DatabaseBackup.backup(app, to: file)
            #expect(summary.evidence == 1)
        }
        try await withLuoshiApp(sample: false) { restored in
            let summary = try await DatabaseBackup.restore(restored, from: file)
            #expect(summary.evidence == 1)
            #expect(try await StoredFileModel.find(evidenceID, on: restored.db)?.data == Data(AttachmentTests.png))
        }
    }

    /// The PostgreSQL lane: a backup a SQLite deployment took restores on PostgreSQL (timestamps
    /// to the microsecond, PostgreSQL's precision), with the same ledger and a verifying chain.
    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func aBackupTakenOnSQLiteRestoresOnPostgreSQL() async throws {
        let file = Self.temporaryFile(), sqlitePath = Self.temporaryFile() + ".sqlite"
        defer { for path in [file, sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm"] { try? FileManager.default.removeItem(atPath: path) } }
        var ledger: [Ledger.Row] = [], users = 0
        try await withLuoshiApp(adjust: { $0.database = .sqlite(path: sqlitePath); $0.postgresSchema = nil }) { app in
            #expect((app.db as! any SQLDatabase).dialect.name == "sqlite")
            _ = try await Self.fill(app)
            let snapshot = try await app.snapshot()
            let plan = try #require(snapshot.plansByID[try await app.samplePlanID()])
            ledger = try await DispatchStore.ledger(plan: plan, snapshot: snapshot, asOf: CalendarDate(iso: "2023-06-25")!, cache: app.ledgerCache, on: app.db)
            users = try await UserModel.query(on: app.db).count()
            _ = try await DatabaseBackup.backup(app, to: file)
        }
        try await withLuoshiApp(sample: false) { restored in
            #expect((restored.db as! any SQLDatabase).dialect.name == "postgresql")
            restored.clock.set(DispatchHTTPTests.beijingNoon("2023-07-10")) // the accounts' passwords are not yet due for a change
            _ = try await DatabaseBackup.restore(restored, from: file)
            #expect(try await AuditLog.verify(on: restored.db) == nil)
            #expect(try await UserModel.query(on: restored.db).count() == users)
            try await restored.readDataVersions()
            let snapshot = try await restored.snapshot()
            let plan = try #require(snapshot.plansByID[try await restored.samplePlanID()])
            let rows = try await DispatchStore.ledger(plan: plan, snapshot: snapshot, asOf: CalendarDate(iso: "2023-06-25")!, cache: restored.ledgerCache, on: restored.db)
            #expect(rows == ledger)
            let office = try await restored.signIn("du.cha")
            try await restored.testing().test(.GET, "/plans/\(plan.id)/ledger?asOf=2023-06-25", headers: office.headers) { res in
                #expect(res.status == .ok && res.body.string.contains("台账"), "\(res.status) \(res.headers.first(name: .location) ?? "")")
            }
        }
    }

    /// Refusals, each with the database left as it was (no user, no plan written).
    @Test(arguments: ["truncated", "altered", "notABackup", "newerVersion", "rowOfTheWrongType"])
    func aDamagedOrForeignFileIsRefusedNamingWhyAndNothingIsWritten(_ damage: String) async throws {
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withLuoshiApp { app in _ = try await DatabaseBackup.backup(app, to: file) }
        var lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let expected: (field: String, text: String)
        switch damage {
        case "truncated":
            lines = Array(lines.prefix(lines.count / 2)) + [String(lines[lines.count / 2].prefix(10))]
            expected = ("file", "不完整")
        case "altered":
            let index = try #require(lines.firstIndex { $0.contains("沂水县发展和改革局") })
            lines[index] = lines[index].replacingOccurrences(of: "沂水县发展和改革局", with: "沂水县发展与改革局")
            expected = ("sha256", "校验和不符")
        case "notABackup":
            lines = ["{\"hello\":1}", ""]
            expected = ("line 1", "无法识别")
        case "newerVersion":
            lines[0] = lines[0].replacingOccurrences(of: "\"migrations\":[", with: "\"migrations\":[\"LuoshiApp.FromTheFuture\",")
            lines = try Self.resealed(lines)
            expected = ("migrations", "更新的版本")
        default:
            // A text where the table holds a UUID, with a checksum that matches: refused by type.
            let index = try #require(lines.firstIndex { $0.hasPrefix("{\"columns\":[") && $0.contains("\"table\":\"units\"") })
            let columns = try #require(try JSONSerialization.jsonObject(with: Data(lines[index].utf8)) as? [String: Any])["columns"] as? [String]
            var row = try #require(try JSONSerialization.jsonObject(with: Data(lines[index + 1].utf8)) as? [Any])
            row[try #require(columns?.firstIndex(of: "id"))] = "not-a-uuid"
            lines[index + 1] = String(decoding: try JSONSerialization.data(withJSONObject: row), as: UTF8.self)
            lines = try Self.resealed(lines)
            expected = ("units.id", "不是该列的类型")
        }
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        try await withLuoshiApp(sample: false) { restored in
            do {
                _ = try await DatabaseBackup.restore(restored, from: file)
                Issue.record("\(damage): restored without an error")
            } catch let error as DomainError {
                #expect(error.field?.hasPrefix(expected.field) == true && error.message.zh.contains(expected.text), "\(damage): \(error)")
            }
            let users = try await UserModel.query(on: restored.db).count(), plans = try await PlanModel.query(on: restored.db).count()
            #expect(users == 0 && plans == 0, "nothing written")
        }
    }

    @Test func aDatabaseThatHoldsDataIsRefusedNamingATableThatHasRows() async throws {
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withLuoshiApp { app in
            _ = try await DatabaseBackup.backup(app, to: file)
            let plans = try await PlanModel.query(on: app.db).count()
            do {
                _ = try await DatabaseBackup.restore(app, from: file)
                Issue.record("restored over existing data")
            } catch let error as DomainError {
                #expect(error.code == .conflict && error.message.zh.contains("数据库不是空的") && error.field != nil, "\(error)")
            }
            #expect(try await PlanModel.query(on: app.db).count() == plans)
        }
    }

    /// `lines` with the end record's checksum recomputed, as a forger who knows the format would.
    static func resealed(_ lines: [String]) throws -> [String] {
        let body = lines.filter { !$0.isEmpty && !$0.hasPrefix("{\"end\"") }
        let digest = Secrets.sha256Hex(body.map { $0 + "\n" }.joined())
        let end = try #require(lines.first { $0.hasPrefix("{\"end\"") })
        let old = try #require(end.range(of: #"(?<="sha256":")[0-9a-f]+"#, options: .regularExpression))
        return body + [end.replacingCharacters(in: old, with: digest), ""]
    }
}
