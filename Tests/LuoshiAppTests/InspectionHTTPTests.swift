import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

/// 专项督查 through HTTP: the office plans an inspection, records a finding with a photo, and
/// turns it into a rectification in one step; the unit sees its finding and its rectification.
@Suite("Special inspections")
struct InspectionHTTPTests {
    @Test func aFindingBecomesARectification() async throws {
        try await SupervisionHTTPTests.withSupervision { app, planID in
            let snapshot = try await app.snapshot()
            let tasks = (snapshot.tasksByPlan[planID] ?? []).prefix(2)
            let unit = try #require(snapshot.unitsByID[tasks.first!.leadUnitIDs[0]])
            let outsider = try #require(snapshot.units.first { unit in !tasks.contains { $0.leadUnitIDs.contains(unit.id) } })
            try await app.makeUser("unit.staff", .unitStaff, unit: unit.shortName)
            try await app.makeUser("outside.staff", .unitStaff, unit: outsider.shortName)
            let office = try await app.signIn("du.cha"), staff = try await app.signIn("unit.staff"), other = try await app.signIn("outside.staff")
            let post = TaskWorkHTTPTests.post, page = TaskWorkHTTPTests.page
            let numbers = tasks.map(\.number.description).joined(separator: "、")

            var (status, body) = try await post(app, "/plans/\(planID)/inspections", office, [("topic", "重点项目专项督查"), ("team", "督查室"), ("startsOn", "2023-07-11"),
                                                                                               ("endsOn", "2023-07-13"), ("tasks", numbers + "、99.1"), ("units", "")])
            #expect(status == .badRequest && body.contains("方案中没有这些任务序号：99.1"))
            (status, _) = try await post(app, "/plans/\(planID)/inspections", staff, [("topic", "x")])
            #expect(status == .forbidden)
            (status, _) = try await post(app, "/plans/\(planID)/inspections", office, [("topic", "重点项目专项督查"), ("team", "督查室 王明、李华"), ("startsOn", "2023-07-11"),
                                                                                    ("endsOn", "2023-07-13"), ("tasks", numbers), ("units", "")])
            #expect(status == .seeOther)
            let inspection = try #require(try await InspectionModel.query(on: app.db).first())
            let id = try inspection.requireID()
            #expect(inspection.taskIDs == tasks.map(\.id))

            (status, body) = try await post(app, "/inspections/\(id)/findings", office, [("taskID", tasks.first!.id.uuidString), ("unitID", outsider.id.uuidString), ("text", "x")])
            #expect(status == .badRequest && body.contains("请选择本次督查的单位"))
            (status, _) = try await post(app, "/inspections/\(id)/findings", office, [("taskID", tasks.first!.id.uuidString), ("unitID", unit.id.uuidString),
                                                                                  ("text", "现场查看，项目用地手续尚未办结，进度滞后。")])
            #expect(status == .seeOther)
            let finding = try #require(try await InspectionFindingModel.query(on: app.db).first())
            let findingID = try finding.requireID()
            (status, _) = try await AttachmentTests.upload(app, "/inspection-findings/\(findingID)/files", office, name: "现场.png", bytes: AttachmentTests.png)
            #expect(status == .seeOther)

            (status, _) = try await post(app, "/inspection-findings/\(findingID)/rectify", office, [])
            #expect(status == .seeOther)
            let rectification = try #require(try await SupervisionItemModel.query(on: app.db).filter(\.$kind == .rectification).first())
            #expect(rectification.unitID == unit.id && rectification.facts == "专项督查“重点项目专项督查”发现：现场查看，项目用地手续尚未办结，进度滞后。")
            #expect(rectification.deadline == "2023-08-09" && rectification.status == .open)
            #expect(try await InspectionFindingModel.find(findingID, on: app.db)?.rectificationID == rectification.id)
            (status, _) = try await post(app, "/inspection-findings/\(findingID)/rectify", office, [])
            #expect(try await SupervisionItemModel.query(on: app.db).filter(\.$kind == .rectification).count() == 1, "one step, once")

            (status, body) = try await page(app, "/inspections/\(id)", staff)
            #expect(status == .ok && body.contains("项目用地手续尚未办结") && body.contains("整改〔2023〕1号") && body.contains("现场.png"))
            (status, _) = try await page(app, "/inspections/\(id)", other)
            #expect(status == .notFound, "a unit the inspection does not cover")
            let file = try #require(try await SupervisionFileModel.query(on: app.db).first())
            (status, _) = try await page(app, "/supervision-files/\(try file.requireID())", staff)
            #expect(status == .ok)
            (status, _) = try await page(app, "/supervision-files/\(try file.requireID())", other)
            #expect(status == .notFound)
            let actions = try await app.auditActions()
            for action in ["inspection.plan", "inspection.finding", "inspection.attach", "supervision.create"] { #expect(actions.contains(action)) }
        }
    }
}
