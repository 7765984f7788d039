import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import LuoshiOffice
import Testing
import Vapor
import VaporTesting

@Suite("Plan import and export through HTTP")
struct PlanFilesTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: PlanImportFixtureTests.folder.appendingPathComponent(name))
    }

    /// A multipart body with the file and the form fields.
    static func multipart(file: Data, fileName: String, fields: [(String, String)]) -> (HTTPHeaders, ByteBuffer) {
        let boundary = "luoshi-test-boundary"
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(file)
        body.writeString("\r\n--\(boundary)--\r\n")
        return (["Content-Type": "multipart/form-data; boundary=\(boundary)"], body)
    }

    @Test func exportedSpreadsheetsReadBackAsTheSamePlan() async throws {
        try await withLuoshiApp { app in
            let snapshot = try await app.snapshot()
            let plan = try #require(snapshot.plans.first)
            let tasks = try #require(snapshot.tasksByPlan[plan.id])
            for format in ["xlsx", "csv"] {
                var data = Data()
                try await app.testing().test(.GET, "/plans/\(plan.id)/export?format=\(format)") { res in
                    #expect(res.status == .ok)
                    #expect(res.headers.first(name: .contentDisposition)?.contains("2023-371323-plan.\(format)") == true)
                    data = Data(buffer: res.body)
                }
                let reading = PlanSheetImport.read(try PlanFiles.tables(from: data, fileName: "export.\(format)"), year: 2023)
                #expect(reading.problems.isEmpty, "\(format): \(reading.problems)")
                #expect(reading.parts.map(\.tasks.count) == [5, 12, 21, 12, 17, 13, 7, 4])
                for (read, task) in zip(reading.tasks, tasks) {
                    #expect(read.number == task.number && read.content == task.content && read.kind == task.kind, "\(format) \(task.number)")
                    #expect(read.deadline == task.deadline && read.annualTarget == task.annualTarget && read.milestones == task.milestones)
                    #expect(read.leadUnits == task.leadUnitIDs.compactMap { snapshot.unitsByID[$0]?.shortName })
                    #expect(read.cooperatingUnits == task.cooperatingUnitIDs.compactMap { snapshot.unitsByID[$0]?.shortName })
                    #expect(read.leaders == task.leaderIDs.compactMap { snapshot.leadersByID[$0]?.name })
                }
            }
            try await app.testing().test(.GET, "/plans/\(plan.id)/export?format=pdf") { res in #expect(res.status == .badRequest) }
        }
    }

    @Test func theOfficeImportsASheetAfterADryRun() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("du.cha", .supervisor)
            let session = try await app.signIn("du.cha")
            let (multipartHeaders, body) = Self.multipart(file: try Self.fixture("basic.xlsx"), fileName: "basic.xlsx",
                                                 fields: [("_csrf", session.csrf), ("jurisdiction", "371323"), ("year", "2024")])
            var upload = session.headers
            upload.add(contentsOf: multipartHeaders)
            // Without creating missing units, the names the directory lacks are listed by cell.
            try await app.testing().test(.POST, "/plans/import", headers: upload, body: body) { res in
                #expect(res.status == .ok || res.status == .unprocessableEntity)
                #expect(res.body.string.contains("试导入结果：basic.xlsx"))
                #expect(res.body.string.contains("共解读出 2 个部分、8 项任务"))
            }
            let (_, bodyCreating) = Self.multipart(file: try Self.fixture("basic.xlsx"), fileName: "basic.xlsx",
                                                   fields: [("_csrf", session.csrf), ("jurisdiction", "371323"), ("year", "2024"),
                                                            ("createMissing", "1")])
            try await app.testing().test(.POST, "/plans/import", headers: upload, body: bodyCreating) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("确认导入为草稿方案"))
            }
            let stored = try #require(try await PlanImportModel.query(on: app.db).filter(\.$createMissing == true).first())
            #expect(try await PlanModel.query(on: app.db).count() == 1, "a dry run writes no plan")
            try await app.testing().test(.POST, "/plans/import/\(try stored.requireID())/apply", headers: headers(session, form: true),
                                         body: form([("_csrf", session.csrf)])) { res in
                #expect(res.status == .seeOther)
            }
            let plan = try #require(try await PlanModel.query(on: app.db).filter(\.$year == 2024).first())
            #expect(plan.status == .draft)
            #expect(try await TaskModel.query(on: app.db).filter(\.$plan.$id == plan.requireID()).count() == 8)
            try await app.testing().test(.POST, "/plans/import/\(try stored.requireID())/apply", headers: headers(session, form: true),
                                         body: form([("_csrf", session.csrf)])) { res in
                #expect(res.status == .conflict, "an import is applied once")
            }
            try await app.testing().test(.GET, "/workbench", headers: session.headers) { res in
                #expect(res.body.string.contains("2024年政府工作报告重点工作任务分解方案"), "the draft is on the office's workbench")
            }
            try await app.testing().test(.GET, "/api/v1/plans") { res in
                #expect(!res.body.string.contains("2024"), "a draft is not public")
            }
            let actions = try await app.auditActions()
            #expect(actions.contains("plan.create") && actions.filter { $0 == "plan.import.upload" }.count == 2)
        }
    }

    @Test(arguments: [("not-really.xlsx", "不是有效的表格文件"), ("error-missing-lead.xlsx", "Sheet1!D6"), ("error-empty.xlsx", "Sheet1!A1")])
    func badFilesAreNamedAndNothingIsWritten(file: String, message: String) async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("du.cha", .supervisor)
            let session = try await app.signIn("du.cha")
            let (multipartHeaders, body) = Self.multipart(file: try Self.fixture(file), fileName: file,
                                                 fields: [("_csrf", session.csrf), ("jurisdiction", "371323"), ("year", "2024"), ("createMissing", "1")])
            var upload = session.headers
            upload.add(contentsOf: multipartHeaders)
            try await app.testing().test(.POST, "/plans/import", headers: upload, body: body) { res in
                #expect([.badRequest, .unprocessableEntity].contains(res.status), "\(file): \(res.status)")
                #expect(res.body.string.contains(message), "\(file)")
                #expect(!res.body.string.contains("确认导入为草稿方案"))
            }
            #expect(try await PlanModel.query(on: app.db).count() == 1)
        }
    }

    @Test func anOversizedUploadIsRefused() async throws {
        try await withLuoshiApp(sample: false) { app in
            try await app.makeUser("du.cha", .supervisor)
            let session = try await app.signIn("du.cha")
            let huge = Data(repeating: 0x41, count: app.luoshiConfig.maxBodySize + 200_000)
            let (multipartHeaders, body) = Self.multipart(file: huge, fileName: "huge.csv", fields: [("_csrf", session.csrf), ("year", "2024")])
            var upload = session.headers
            upload.add(contentsOf: multipartHeaders)
            try await app.testing().test(.POST, "/plans/import", headers: upload, body: body) { res in
                #expect(res.status == .payloadTooLarge)
            }
        }
    }

    @Test func aZipBombIsRefusedBeforeItIsInflated() throws {
        let rows = Array(repeating: Array(repeating: String(repeating: "任务", count: 500), count: 5), count: 2_000)
        let data = try XLSXWriter.write(sheetName: "S", columns: (0..<5).map { XLSXWriter.Column("C\($0)", width: 10) }, rows: rows)
        #expect(data.count < 2_000_000, "compresses well")
        #expect(throws: OfficeError.self) { try XLSXReader.read(data, limits: ReadLimits(maximumUncompressedBytes: 5_000_000)) }
        #expect(throws: OfficeError.self) { try XLSXReader.read(data, limits: ReadLimits(maximumRows: 100)) }
    }
}
