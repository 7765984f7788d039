import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import LuoshiOffice
import Testing
import Vapor
import VaporTesting

/// 单位考核 through HTTP on the sample as of 2023-07-10: June's ranking and the year's, the top
/// band, the export, and one unit's on-time points counted from its reports directly.
@Suite("Unit assessment")
struct AssessmentHTTPTests {
    @Test func theRankingIsOrderedExplainedAndExported() async throws {
        try await withSampleLedger { app, planID in
            let office = try await app.signIn("du.cha")
            let snapshot = try await app.snapshot()
            var (status, body) = try await TaskWorkHTTPTests.page(app, "/plans/\(planID)/assessment", office)
            #expect(status == .ok && body.contains("2023年6月调度单位考核排名") && body.contains("得分明细") && body.contains("评分标准：按时报送 30 分"))

            var sheet: [[String]] = []
            try await app.testing().test(.GET, "/plans/\(planID)/assessment/export?period=2023-06", headers: office.headers) { res in
                #expect(res.status == .ok)
                sheet = try XLSXReader.read(Data(res.body.readableBytesView)).first?.rows ?? []
            }
            #expect(sheet.first?.prefix(4) == ["排名", "单位", "总分", "按时报送"])
            let rows = Array(sheet.dropFirst())
            let leading = Set((snapshot.tasksByPlan[planID] ?? []).flatMap(\.leadUnitIDs))
            #expect(rows.count == leading.count, "every lead unit is ranked once")
            let totals = rows.compactMap { Double($0[2]) }
            #expect(totals == totals.sorted(by: >), "highest first")
            #expect(rows.filter { $0[8] == "优秀" }.count >= rows.count / 5 && rows.first?[8] == "优秀" && rows.last?[8] == "")
            for row in rows { #expect(body.contains(row[1]), "\(row[1]) is on the page too") }

            // 县发改局's on-time points, counted from its June reports.
            let unit = try #require(snapshot.units.first { $0.shortName == "县发改局" })
            let june = try await BulletinHTTPTests.juneRound(app, planID)
            let led = (snapshot.tasksByPlan[planID] ?? []).filter { $0.leadUnitIDs.contains(unit.id) }
            let reports = try await ProgressReportModel.query(on: app.db).filter(\.$round.$id == june.id).filter(\.$unitID == unit.id).all()
            let onTime = reports.filter { [.submitted, .accepted].contains($0.status) && !$0.late }.count
            let row = try #require(rows.first { $0[1] == "县发改局" })
            #expect(row[3] == ProgressRules.percentText((30 * Double(onTime) / Double(led.count) * 10).rounded() / 10))
            #expect(row[9].contains("应报 \(led.count) 份，按时 \(onTime) 份"))

            (status, body) = try await TaskWorkHTTPTests.page(app, "/plans/\(planID)/assessment?period=year", office)
            #expect(status == .ok && body.contains("2023年全年单位考核排名") && body.contains("3 个月平均"))
            (status, _) = try await TaskWorkHTTPTests.page(app, "/plans/\(planID)/assessment?period=2023-09", office)
            #expect(status == .badRequest, "a round not due yet")
        }
    }

    @Test func aRectificationClosedLateCostsPoints() async throws {
        try await withSampleLedger { app, planID in
            let office = try await app.signIn("du.cha")
            let snapshot = try await app.snapshot()
            let plan = try #require(snapshot.plansByID[planID])
            let task = try #require(snapshot.tasksByPlan[planID]?.first)
            let june = try await BulletinHTTPTests.juneRound(app, planID)
            func points() async throws -> Double {
                let ranking = try await AssessmentStore.ranking(plan: plan, period: .month(june), catalog: snapshot, app: app,
                                                                today: CalendarDate(iso: "2023-07-10")!, on: app.db)
                return try #require(ranking.first { $0.score.unitID == task.leadUnitIDs[0] }).score.points(.rectification)
            }
            #expect(try await points() == 10, "nothing due: full marks")
            // A rectification due in June, closed in July: late.
            let draft = try Supervision.draft(.init(kind: "rectification", taskID: task.id.uuidString, unitID: task.leadUnitIDs[0].uuidString, facts: "红灯",
                                                    demands: "整改", deadline: "2023-06-20"), tasks: [task.id: task], today: CalendarDate(iso: "2023-06-01")!).get()
            let item = try await SupervisionStore.create(draft, plan: plan, previous: nil, by: .system("test"), now: DispatchHTTPTests.beijingNoon("2023-06-01"), on: app.db)
            let (status, _) = try await TaskWorkHTTPTests.post(app, "/supervision/\(try item.requireID())/review", office, [("version", "1"), ("step", "close"), ("note", "迟交")])
            #expect(status == .seeOther)
            #expect(try await points() == 0)
        }
    }
}
