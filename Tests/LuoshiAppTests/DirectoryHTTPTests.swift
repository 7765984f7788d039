import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

/// The office's directory (units with aliases, leaders), new plans, plan fields and parts,
/// through HTTP, with 409 on stale forms and the baseline frozen at issue.
@Suite("Directory, plans and parts through HTTP")
struct DirectoryHTTPTests {
    typealias Post = (HTTPStatus, String)

    static func post(_ app: Application, _ path: String, _ session: TestSession, _ fields: [(String, String)]) async throws -> Post {
        try await TaskWorkHTTPTests.post(app, path, session, fields)
    }

    @Test func unitsAndTheirAliasesAreKeptWithoutClashes() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("du.cha", .supervisor)
            let office = try await app.signIn("du.cha")
            var (status, body) = try await Self.post(app, "/directory/units/new", office, [
                ("name", "沂水县数据局"), ("shortName", "县数据局"), ("kind", "department"), ("aliases", "数据局\n县大数据局")])
            #expect(status == .seeOther)
            (status, body) = try await Self.post(app, "/directory/units/new", office, [
                ("name", "沂水县大数据中心"), ("shortName", ""), ("kind", "department"), ("aliases", "数据局")])
            #expect(status == .conflict && body.contains("已是“沂水县数据局”的名称或别称"))
            let snapshot = try await app.snapshot()
            let unit = try #require(snapshot.units.first { $0.shortName == "县数据局" })
            #expect(Set(unit.aliases) == ["数据局", "县大数据局", "县数据局"])
            (status, body) = try await TaskWorkHTTPTests.page(app, "/directory/units", office)
            #expect(status == .ok && body.contains("沂水县数据局"))
            let edit = "/directory/units/\(unit.id)/edit"
            (status, _) = try await Self.post(app, edit, office, [("name", "沂水县数据局"), ("shortName", "县数据局"), ("kind", "department"),
                                                                  ("aliases", "数据局"), ("version", "1")])
            #expect(status == .seeOther)
            (status, _) = try await Self.post(app, edit, office, [("name", "沂水县数据局"), ("shortName", "县数据局"), ("kind", "department"),
                                                                  ("aliases", "县大数据局"), ("version", "1")])
            #expect(status == .conflict, "a stale form is refused")
            #expect(Set(try await app.snapshot().unitsByID[unit.id]?.aliases ?? []) == ["数据局", "县数据局"])
            let actions = try await app.auditActions()
            #expect(actions.contains("unit.create") && actions.contains("unit.update"))
        }
    }

    @Test func leadersAreAddedAndEdited() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("du.cha", .supervisor)
            let office = try await app.signIn("du.cha")
            var (status, _) = try await Self.post(app, "/directory/leaders/new", office, [("name", "赵新"), ("post", "副县长"), ("portfolio", "数字经济")])
            #expect(status == .seeOther)
            (status, _) = try await Self.post(app, "/directory/leaders/new", office, [("name", "赵新"), ("post", "副县长"), ("portfolio", "")])
            #expect(status == .conflict)
            let leader = try #require(try await app.snapshot().leaders.first { $0.name == "赵新" })
            (status, _) = try await Self.post(app, "/directory/leaders/\(leader.id)/edit", office, [("name", "赵新"), ("post", "常务副县长"),
                                                                                                    ("portfolio", "数字经济、财政"), ("version", "1")])
            #expect(status == .seeOther)
            #expect(try await app.snapshot().leadersByID[leader.id]?.post == "常务副县长")
            (status, _) = try await Self.post(app, "/directory/leaders/\(UUID())/edit", office, [("name", "x"), ("post", "y"), ("version", "1")])
            #expect(status == .notFound)
        }
    }

    @Test func aPlanIsCreatedGivenPartsAndRenumberedBeforeIssue() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("du.cha", .supervisor)
            let office = try await app.signIn("du.cha")
            var (status, body) = try await Self.post(app, "/plans/new", office, [("year", "2023"), ("title", "重复"), ("issuingBody", "沂水县人民政府办公室")])
            #expect(status == .conflict && body.contains("2023年的方案已存在"))
            (status, body) = try await Self.post(app, "/plans/new", office, [("year", "2025"), ("title", " "), ("issuingBody", "")])
            #expect(status == .badRequest && body.contains("field-title") && body.contains("aria-invalid"))
            (status, _) = try await Self.post(app, "/plans/new", office, [("year", "2025"), ("title", "2025年政府工作报告重点工作任务分解方案"),
                                                                           ("issuingBody", "沂水县人民政府办公室"), ("reportApprovedOn", "2025-01-16")])
            #expect(status == .seeOther)
            let plan = try #require(try await app.snapshot().plans.first { $0.year == 2025 })
            #expect(plan.status == .draft && plan.reportApprovedOn == CalendarDate(iso: "2025-01-16"))
            for (number, title) in [("1", "稳增长"), ("2", "惠民生")] {
                (status, _) = try await Self.post(app, "/plans/\(plan.id)/parts/new", office, [("number", number), ("title", title)])
                #expect(status == .seeOther)
            }
            (status, _) = try await Self.post(app, "/plans/\(plan.id)/parts/new", office, [("number", "2"), ("title", "重复")])
            #expect(status == .conflict)
            let created = """
                {"number":"2.1","content":"新建养老服务中心","kind":"phased","deadline":"2025-10-31","leadUnits":["县民政局"]}
                """
            let token = try await app.apiToken("du.cha")
            var taskID: UUID?
            try await app.testing().test(.POST, "/api/v1/plans/\(plan.id)/tasks", headers: ["Content-Type": "application/json", "Authorization": "Bearer \(token)"],
                                         body: ByteBuffer(string: created)) { res in
                #expect(res.status == .created)
                let object = try res.json() as? [String: Any]
                taskID = ((object?["task"] as? [String: Any])?["id"] as? String).flatMap(UUID.init(uuidString:))
            }
            // Renumber part 2 to 3: its task becomes 3.1 and keeps its id.
            (status, _) = try await Self.post(app, "/plans/\(plan.id)/parts/2/edit", office, [("number", "3"), ("title", "惠民生"), ("version", "1")])
            #expect(status == .seeOther)
            let id = try #require(taskID)
            let task = try #require(try await app.snapshot().tasksByID[id])
            #expect(task.number.description == "3.1")
            (status, _) = try await Self.post(app, "/plans/\(plan.id)/parts/3/edit", office, [("number", "4"), ("title", "惠民生"), ("version", "1")])
            #expect(status == .conflict, "a stale part form is refused")
            (status, _) = try await Self.post(app, "/plans/\(plan.id)/edit", office, [("year", "2025"), ("title", "2025年方案（修订）"),
                                                                                       ("issuingBody", "沂水县人民政府办公室"), ("version", "1")])
            #expect(status == .seeOther)
            #expect(try await app.snapshot().plansByID[plan.id]?.title == "2025年方案（修订）")
            let actions = try await app.auditActions()
            #expect(actions.contains("plan.create") && actions.contains("plan.update") && actions.contains("part.create") && actions.contains("part.update"))
        }
    }

    @Test func anIssuedPlansFieldsAndPartsAreFrozen() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("du.cha", .supervisor)
            let office = try await app.signIn("du.cha")
            let planID = try await app.samplePlanID()
            var (status, body) = try await TaskWorkHTTPTests.page(app, "/plans/\(planID)/edit", office)
            #expect(status == .ok && body.contains("基线已冻结") && !body.contains(">保存</button>"))
            (status, _) = try await Self.post(app, "/plans/\(planID)/edit", office, [("year", "2023"), ("title", "x"), ("issuingBody", "y"), ("version", "4")])
            #expect(status == .conflict)
            (status, _) = try await Self.post(app, "/plans/\(planID)/parts/1/edit", office, [("number", "9"), ("title", "x"), ("version", "1")])
            #expect(status == .conflict)
            #expect(try await app.snapshot().partsByPlan[planID]?.first?.number == 1)
        }
    }
}

@Suite("Directory, plans and parts through the API")
struct DirectoryAPITests {
    @Test func theOfficeKeepsTheDirectoryAndPlansThroughTheAPI() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("du.cha", .supervisor)
            let token = try await app.apiToken("du.cha")
            let bearer: HTTPHeaders = ["Content-Type": "application/json", "Authorization": "Bearer \(token)"]
            func send(_ method: HTTPMethod, _ path: String, _ json: String) async throws -> (HTTPStatus, [String: Any]) {
                var result: (HTTPStatus, [String: Any]) = (.ok, [:])
                try await app.testing().test(method, path, headers: bearer, body: ByteBuffer(string: json)) { res in
                    result = (res.status, (try? res.json() as? [String: Any]) ?? [:])
                }
                return result
            }
            var (status, body) = try await send(.POST, "/api/v1/units", #"{"name":"沂水县数据局","shortName":"县数据局","kind":"department","aliases":["数据局"]}"#)
            #expect(status == .created && body["version"] as? Int == 1)
            let unitID = try #require(body["id"] as? String)
            (status, body) = try await send(.PUT, "/api/v1/units/\(unitID)", #"{"name":"沂水县数据局","kind":"department","aliases":["大数据局"],"version":1}"#)
            #expect(status == .ok && body["version"] as? Int == 2)
            (status, body) = try await send(.PUT, "/api/v1/units/\(unitID)", #"{"name":"沂水县数据局","kind":"department","version":1}"#)
            #expect(status == .conflict)
            (status, body) = try await send(.PUT, "/api/v1/units/\(unitID)", #"{"name":"沂水县数据局","kind":"department"}"#)
            #expect(status == .badRequest && (body["error"] as? [String: Any])?["field"] as? String == "version")
            (status, body) = try await send(.POST, "/api/v1/units", #"{"name":"县发改局","kind":"department"}"#)
            #expect(status == .conflict && (body["error"] as? [String: Any])?["field"] as? String == "name")
            (status, body) = try await send(.POST, "/api/v1/leaders", #"{"name":"赵新","post":"副县长"}"#)
            #expect(status == .created)
            let leaderID = try #require(body["id"] as? String)
            (status, _) = try await send(.PUT, "/api/v1/leaders/\(leaderID)", #"{"name":"赵新","post":"常务副县长","version":1}"#)
            #expect(status == .ok)
            (status, body) = try await send(.POST, "/api/v1/plans", #"{"year":2026,"title":"2026年政府工作报告重点工作任务分解方案","issuingBody":"沂水县人民政府办公室"}"#)
            #expect(status == .created)
            let planID = try #require(body["id"] as? String)
            (status, _) = try await send(.POST, "/api/v1/plans/\(planID)/parts", #"{"number":1,"title":"稳增长"}"#)
            #expect(status == .created)
            (status, _) = try await send(.PUT, "/api/v1/plans/\(planID)/parts/1", #"{"number":2,"title":"稳增长、促发展","version":1}"#)
            #expect(status == .ok)
            (status, _) = try await send(.PUT, "/api/v1/plans/\(planID)", #"{"year":2026,"title":"2026年方案","issuingBody":"沂水县人民政府办公室","version":1}"#)
            #expect(status == .ok)
            let snapshot = try await app.snapshot()
            #expect(snapshot.units.first { $0.id.uuidString == unitID }?.aliases.contains("大数据局") == true)
            #expect(snapshot.leaders.first { $0.id.uuidString == leaderID }?.post == "常务副县长")
            #expect(snapshot.partsByPlan[UUID(uuidString: planID)!]?.map(\.number) == [2])
            #expect(snapshot.plansByID[UUID(uuidString: planID)!]?.title == "2026年方案")
            let sample = try await app.samplePlanID()
            (status, _) = try await send(.PUT, "/api/v1/plans/\(sample)", #"{"year":2023,"title":"x","issuingBody":"y","version":4}"#)
            #expect(status == .conflict, "an issued plan is frozen")
            try await app.testing().test(.POST, "/api/v1/units", headers: ["Content-Type": "application/json"],
                                         body: ByteBuffer(string: #"{"name":"x","kind":"department"}"#)) { res in
                #expect(res.status == .unauthorized)
            }
        }
    }
}
