import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

@Suite("Plan lifecycle through HTTP")
struct PlanLifecycleHTTPTests {
    /// A 2024 draft plan made from the sample's tasks; returns its id.
    static func draftPlan(_ app: Application) async throws -> UUID {
        var document = try SampleData.document()
        document.plan.year = 2024
        document.plan.title = "2024年县政府工作报告重点工作任务分解方案"
        document.plan.status = .draft
        document.plan.stages = .init(draft: CalendarDate(iso: "2024-02-08"))
        document.plan.documentNumber = nil
        document.plan.indexNumber = nil  // a 索引号 is given when the plan is issued
        document.illustrative = false
        let planID = try await PlanWriter.save(document, on: app.db, by: .system("test"), at: app.clock.now).plan.id
        try await app.readDataVersions()
        return planID
    }

    @Test func theOfficeTakesADraftToIssueAndVersionsAreKept() async throws {
        try await withLuoshiApp { app in
            let planID = try await Self.draftPlan(app)
            try await app.makeUser("du.cha", .supervisor)
            let session = try await app.signIn("du.cha")
            func step(_ fields: [(String, String)], version: Int) async throws -> HTTPStatus {
                var status = HTTPStatus.ok
                try await app.testing().test(.POST, "/plans/\(planID)/transition", headers: headers(session, form: true),
                                             body: form([("_csrf", session.csrf), ("version", String(version))] + fields)) { res in
                    status = res.status
                }
                return status
            }
            #expect(try await step([("step", "circulate"), ("date", "2024-02-22")], version: 1) == .seeOther)
            #expect(try await step([("step", "approve"), ("date", "2024-03-04")], version: 1) == .conflict, "a stale form is refused")
            #expect(try await step([("step", "approve"), ("date", "2024-03-04"), ("meeting", "")], version: 2) == .badRequest)
            #expect(try await step([("step", "approve"), ("date", "2024-03-04"), ("meeting", "县政府2024年第一次常务会议")], version: 2) == .seeOther)
            try await app.testing().test(.GET, "/api/v1/plans/\(planID)") { res in #expect(res.status == .notFound, "not public before issue") }
            #expect(try await step([("step", "issue"), ("date", "2024-03-06"), ("documentNumber", "沂政办字〔2024〕3号")], version: 3) == .seeOther)
            try await app.testing().test(.GET, "/api/v1/plans/\(planID)") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("沂政办字〔2024〕3号"))
            }
            #expect(try await step([("step", "issue"), ("date", "2024-03-07"), ("documentNumber", "x")], version: 4) == .conflict)
            let versions = try await PlanVersionModel.query(on: app.db).filter(\.$plan.$id == planID).sort(\.$number).all()
            #expect(versions.map(\.status) == [.draft, .consultation, .approved, .issued])
            try await app.testing().test(.GET, "/plans/\(planID)/manage?from=1&to=4", headers: session.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("v1 与 v4 的差异"))
                #expect(res.body.string.contains("两个版本的任务没有差异"))
            }
            let transitions = try await app.auditActions().filter { $0 == "plan.transition" }
            #expect(transitions.count == 3)
        }
    }

    @Test func anotherJurisdictionsPlanIsNotManaged() async throws {
        try await withLuoshiApp { app in
            let user = try await app.makeUser("du.cha", .supervisor)
            user.jurisdictionCode = "371324"
            try await user.save(on: app.db)
            let session = try await app.signIn("du.cha")
            let planID = try await app.samplePlanID()
            try await app.testing().test(.GET, "/plans/\(planID)/manage", headers: session.headers) { res in
                #expect(res.status == .notFound)
            }
        }
    }
}
