import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import LuoshiOffice
import Testing
import Vapor
import VaporTesting

/// Re-importing an edited sheet into a plan of the same year (matched by task number, previewed,
/// applied on confirmation) and mapping unknown unit names to known units as aliases.
@Suite("Re-import and unit name mapping through HTTP")
struct PlanReimportTests {
    /// Uploads `csv` for `year`; returns the status, the page and the stored import's id.
    static func upload(_ app: Application, _ session: TestSession, csv: String, year: Int) async throws -> (HTTPStatus, String, UUID?) {
        let (multipartHeaders, body) = PlanFilesTests.multipart(
            file: Data(csv.utf8), fileName: "plan.csv",
            fields: [("_csrf", session.csrf), ("jurisdiction", "371323"), ("year", String(year))])
        var headers = session.headers
        for (name, value) in multipartHeaders { headers.add(name: name, value: value) }
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.POST, "/plans/import", headers: headers, body: body) { res in result = (res.status, res.body.string) }
        let stored = try await PlanImportModel.query(on: app.db).sort(\.$createdAt, .descending).first()
        return (result.0, result.1, stored?.id)
    }

    static func basis(in page: String) -> String? {
        guard let range = page.range(of: #"name="basis" value="[0-9a-f]{64}""#, options: .regularExpression) else { return nil }
        return String(page[range].dropFirst(#"name="basis" value=""#.count).dropLast())
    }

    @Test func anEditedSheetUpdatesTheDraftByTaskNumberAfterAPreview() async throws {
        try await withLuoshiApp { app in
            let planID = try await PlanLifecycleHTTPTests.draftPlan(app)
            try await app.makeUser("du.cha", .supervisor)
            let office = try await app.signIn("du.cha")
            let before = try await app.snapshot()
            var csv = ""
            try await app.testing().test(.GET, "/plans/\(planID)/export?format=csv", headers: office.headers) { res in
                #expect(res.status == .ok)
                csv = res.body.string
            }
            // Edit the sheet as an office would: reword 1.1, delete 1.2, add 8.9.
            var rows = CSVReader.read(csv).rows
            let header = rows.removeFirst()
            let first = try #require(rows.firstIndex { $0.first == "1.1" })
            rows[first][1] += "（修订）"
            rows.removeAll { $0.first == "1.2" }
            rows.append(["8.9", "新增：推进数字乡村建设", "", "县发改局", "", "2024-12-31", "", "", ""])
            let edited = CSV.render(header: header, rows: rows)

            let (status, page, importID) = try await Self.upload(app, office, csv: edited, year: 2024)
            #expect(status == .ok)
            #expect(page.contains("与现有方案比较") && page.contains("新增 1 项、删除 1 项、修改 1 项"), "the preview says what will change")
            #expect(page.contains("确认按表格更新方案"))
            let id = try #require(importID)
            let basis = try #require(Self.basis(in: page))
            try await app.testing().test(.POST, "/plans/import/\(id)/apply", headers: headers(office, form: true),
                                         body: form([("_csrf", office.csrf), ("basis", String(repeating: "0", count: 64))])) { res in
                #expect(res.status == .conflict, "a preview of another state of the plan is not applied")
            }
            #expect(try await app.snapshot().tasksByPlan[planID]?.count == before.tasksByPlan[planID]?.count, "nothing written")
            try await app.testing().test(.POST, "/plans/import/\(id)/apply", headers: headers(office, form: true),
                                         body: form([("_csrf", office.csrf), ("basis", basis)])) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/plans/\(planID.uuidString.lowercased())/manage")
            }
            let after = try await app.snapshot()
            let tasks = try #require(after.tasksByPlan[planID])
            let old11 = try #require(before.tasksByPlan[planID]?.first { $0.number.description == "1.1" })
            let new11 = try #require(tasks.first { $0.number.description == "1.1" })
            #expect(new11.id == old11.id && new11.content == old11.content + "（修订）", "a changed task keeps its id")
            #expect(!tasks.contains { $0.number.description == "1.2" })
            #expect(tasks.contains { $0.number.description == "8.9" && $0.content == "新增：推进数字乡村建设" })
            #expect(tasks.count == (before.tasksByPlan[planID]?.count ?? 0))
            let versions = try await PlanVersionModel.query(on: app.db).filter(\.$plan.$id == planID).count()
            #expect(versions == 2, "the re-import is kept as a version")
            #expect(try await app.auditActions().contains("plan.reimport"))
        }
    }

    @Test func anIssuedPlanIsNotChangedByAReimport() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("du.cha", .supervisor)
            let office = try await app.signIn("du.cha")
            let planID = try await app.samplePlanID()
            var csv = ""
            try await app.testing().test(.GET, "/plans/\(planID)/export?format=csv") { res in csv = res.body.string }
            let (status, page, _) = try await Self.upload(app, office, csv: csv.replacingOccurrences(of: "2023-06-30", with: "2023-09-30"), year: 2023)
            #expect(status == .unprocessableEntity)
            #expect(page.contains("基线已冻结") && !page.contains("确认按表格更新方案") && !page.contains("确认导入为草稿方案"))
        }
    }

    @Test func unknownNamesMappedToUnitsAreRememberedAsAliases() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("du.cha", .supervisor)
            try await app.makeUser("du.cha2", .supervisor)
            let office = try await app.signIn("du.cha"), other = try await app.signIn("du.cha2")
            let unit = try #require(try await app.snapshot().units.first { $0.shortName == "县发改局" })
            let csv = "序号,工作任务,牵头单位,配合单位,完成时限\n,一、稳增长,,,\n1,推进重点项目建设,发展改革局,县财政局,2025年6月底前\n"
            var (status, page, importID) = try await Self.upload(app, office, csv: csv, year: 2025)
            #expect(status == .unprocessableEntity && page.contains("单位名称对照") && page.contains("“发展改革局”对应的单位"))
            let id = try #require(importID)
            let path = "/plans/import/\(id)/aliases"
            try await app.testing().test(.POST, path, headers: headers(other, form: true),
                                         body: form([("_csrf", other.csrf), ("name.0", "发展改革局"), ("unit.0", unit.id.uuidString)])) { res in
                #expect(res.status == .notFound, "another user's upload is not theirs to map")
            }
            try await app.testing().test(.POST, path, headers: headers(office, form: true),
                                         body: form([("_csrf", office.csrf), ("name.0", "县财政局"), ("unit.0", unit.id.uuidString)])) { res in
                #expect(res.status == .conflict, "a name that already belongs to a unit is refused")
            }
            try await app.testing().test(.POST, path, headers: headers(office, form: true),
                                         body: form([("_csrf", office.csrf), ("name.0", "发展改革局"), ("unit.0", unit.id.uuidString)])) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/plans/import/\(id.uuidString.lowercased())?done=aliases")
            }
            try await app.testing().test(.GET, "/plans/import/\(id)?done=aliases", headers: office.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("名称对照已保存") && res.body.string.contains("确认导入为草稿方案"))
            }
            let aliases = try await UnitAliasModel.query(on: app.db).filter(\.$alias == "发展改革局").all()
            #expect(aliases.map(\.$unit.id) == [unit.id])
            #expect(try await app.auditActions().contains("unit.alias.create"))
            // The next sheet using that name reads clean straight away.
            (status, page, importID) = try await Self.upload(app, office, csv: csv, year: 2025)
            #expect(status == .ok && !page.contains("单位名称对照"))
        }
    }
}
