import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

/// Consultation comments, charters, change requests and task edits through HTTP, with their
/// optimistic locks, on whichever database the suite runs on.
@Suite("Task work through HTTP")
struct TaskWorkHTTPTests {
    /// POSTs a form as `session`; returns the status and body.
    static func post(_ app: Application, _ path: String, _ session: TestSession, _ fields: [(String, String)]) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.POST, path, headers: headers(session, form: true),
                                     body: form([("_csrf", session.csrf)] + fields)) { res in
            result = (res.status, res.body.string)
        }
        return result
    }

    static func page(_ app: Application, _ path: String, _ session: TestSession?) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.GET, path, headers: session?.headers ?? [:]) { res in result = (res.status, res.body.string) }
        return result
    }

    /// A sample task led by 县发改局 of `kind`, and the unit.
    static func ledTask(_ app: Application, kind: TaskKind) async throws -> (PlanTask, LuoshiDomain.Unit) {
        let snapshot = try await app.snapshot()
        let unit = try #require(snapshot.units.first { $0.shortName == "县发改局" })
        let task = try #require(snapshot.tasksLedByUnit[unit.id]?.first { $0.kind == kind && (kind == .ongoing || $0.deadline != nil) })
        return (task, unit)
    }

    /// Charter fields that pass every rule for `task` (due in the plan year).
    static func completeCharter(_ task: PlanTask) -> [(String, String)] {
        var fields: [(String, String)] = [("roadmap", "一季度摸底，二季度推进，三季度攻坚，四季度验收"),
                                          ("ownerLeader", "王副局长"), ("ownerSection", "综合科"), ("ownerStaff", "李明"),
                                          ("ownerContact", "0539-2251234"), ("measures", "分阶段推进"), ("annualTarget", task.annualTarget ?? "完成年度目标"),
                                          ("milestones", task.kind == .ongoing ? "2023-06-30 完成过半" : ""),
                                          ("completesOn", task.deadline?.iso ?? "")]
        let deadlineQuarter = task.deadline.map { ($0.month - 1) / 3 + 1 } ?? 4
        for q in 1...4 {
            fields.append(("q\(q)Target", "第\(q)季度目标"))
            fields.append(("q\(q)Percent", q >= deadlineQuarter ? "100" : String(q * 20)))
        }
        for month in 1...12 { fields.append(("month\(month)", "\(month)月计划")) }
        return fields
    }

    @Test func aUnitWritesACharterAndTheOfficeReturnsThenApprovesIt() async throws {
        try await withLuoshiApp { app in
            let (task, unit) = try await Self.ledTask(app, kind: .phased)
            try await app.makeUser("fgj.staff", .unitStaff, unit: "县发改局")
            try await app.makeUser("du.cha", .supervisor)
            let staff = try await app.signIn("fgj.staff"), office = try await app.signIn("du.cha")
            let charterPath = "/tasks/\(task.id)/charter"

            // A draft may be incomplete; submitting it names every missing field.
            var (status, body) = try await Self.post(app, charterPath, staff, [("step", "save"), ("version", "0"), ("q1Target", "摸底")])
            #expect(status == .seeOther)
            (status, body) = try await Self.post(app, charterPath, staff, [("step", "submit"), ("version", "1"), ("q1Target", "摸底")])
            #expect(status == .badRequest)
            #expect(body.contains("请填写第2季度目标") && body.contains("请填写联系电话") && body.contains("摸底"), "errors shown with what was typed")
            (status, _) = try await Self.post(app, charterPath, staff, [("step", "submit"), ("version", "0")] + Self.completeCharter(task))
            #expect(status == .conflict, "a form made from an older version is refused")
            (status, _) = try await Self.post(app, charterPath, staff, [("step", "submit"), ("version", "1")] + Self.completeCharter(task))
            #expect(status == .seeOther)
            (status, _) = try await Self.post(app, charterPath, staff, [("step", "save"), ("version", "2")] + Self.completeCharter(task))
            #expect(status == .conflict, "a submitted charter is locked")

            // The office sees it outstanding, returns it (a comment is required), the unit resubmits, the office approves.
            (status, body) = try await Self.page(app, "/plans/\(task.planID)/charters", office)
            #expect(status == .ok && body.contains("已提交，待审核"))
            let review = "/tasks/\(task.id)/charter/review"
            let unitField = ("unitID", unit.id.uuidString)
            (status, _) = try await Self.post(app, review, office, [unitField, ("version", "2"), ("step", "return"), ("comment", " ")])
            #expect(status == .badRequest)
            (status, _) = try await Self.post(app, review, office, [unitField, ("version", "2"), ("step", "return"), ("comment", "季度目标请量化")])
            #expect(status == .seeOther)
            (status, body) = try await Self.page(app, "/tasks/\(task.id)/work", staff)
            #expect(body.contains("已退回，待修改") && body.contains("季度目标请量化"))
            (status, _) = try await Self.post(app, charterPath, staff, [("step", "submit"), ("version", "3")] + Self.completeCharter(task))
            #expect(status == .seeOther)
            (status, _) = try await Self.post(app, review, office, [unitField, ("version", "4"), ("step", "approve"), ("comment", "")])
            #expect(status == .seeOther)

            let charter = try #require(try await CharterModel.query(on: app.db).filter(\.$task.$id == task.id).first())
            #expect(charter.status == .approved && charter.version == 5)
            let history = try await CharterEventModel.query(on: app.db).filter(\.$charter.$id == charter.requireID()).all()
            #expect(history.map(\.step).sorted() == ["approve", "return", "save", "submit", "submit"])
            let actions = try await app.auditActions()
            #expect(actions.filter { $0.hasPrefix("charter.") }.count == 5)

            var api: [String: Any] = [:]
            try await app.testing().test(.GET, "/api/v1/tasks/\(task.id)/work", headers: office.headers) { res in
                #expect(res.status == .ok)
                api = try #require(try res.json() as? [String: Any])
            }
            let charters = try #require(api["charters"] as? [[String: Any]])
            #expect(charters.first?["status"] as? String == "approved")
            #expect((charters.first?["history"] as? [Any])?.count == 5)

            (status, body) = try await Self.page(app, "/plans/\(task.planID)/charters", office)
            #expect(!body.contains(">\(task.number.description)</a>"), "an approved charter is no longer outstanding")
        }
    }

    @Test func onlyTheLeadUnitWritesChartersAndOtherUnitsSeeNothing() async throws {
        try await withLuoshiApp { app in
            let snapshot = try await app.snapshot()
            let (task, _) = try await Self.ledTask(app, kind: .phased)
            let stranger = try #require(snapshot.units.first { unit in
                !task.leadUnitIDs.contains(unit.id) && !task.cooperatingUnitIDs.contains(unit.id) && unit.kind == .department
            })
            try await app.makeUser("other.staff", .unitStaff, unit: stranger.shortName)
            let other = try await app.signIn("other.staff")
            var (status, _) = try await Self.page(app, "/tasks/\(task.id)/work", other)
            #expect(status == .notFound)
            (status, _) = try await Self.post(app, "/tasks/\(task.id)/charter", other, [("step", "submit"), ("version", "0")] + Self.completeCharter(task))
            #expect(status == .notFound)
            (status, _) = try await Self.post(app, "/tasks/\(task.id)/changes", other, [("kind", "deadline"), ("proposed", "2023-12-31"), ("reason", "x")])
            #expect(status == .notFound)
            if let partnerID = task.cooperatingUnitIDs.first, let partner = snapshot.unitsByID[partnerID] {
                try await app.makeUser("partner.staff", .unitStaff, unit: partner.shortName)
                let session = try await app.signIn("partner.staff")
                (status, _) = try await Self.post(app, "/tasks/\(task.id)/charter", session, [("step", "save"), ("version", "0")])
                #expect(status == .conflict, "a cooperating unit reads the task but writes no charter")
            }
            let count = try await CharterModel.query(on: app.db).count()
            #expect(count == 0)
        }
    }

    @Test func aDeadlineExtensionIsRequestedApprovedAndShownWithTheBaseline() async throws {
        try await withLuoshiApp { app in
            let (task, _) = try await Self.ledTask(app, kind: .phased)
            let deadline = try #require(task.deadline)
            let later = try #require(CalendarDate(year: deadline.year + 1, month: 3, day: 31))
            try await app.makeUser("fgj.staff", .unitStaff, unit: "县发改局")
            try await app.makeUser("du.cha", .supervisor)
            let staff = try await app.signIn("fgj.staff"), office = try await app.signIn("du.cha")
            let path = "/tasks/\(task.id)/changes"
            var (status, body) = try await Self.post(app, path, staff, [("kind", "deadline"), ("proposed", deadline.iso), ("reason", "征地延迟")])
            #expect(status == .badRequest && body.contains("新的时限应晚于"))
            (status, _) = try await Self.post(app, path, staff, [("kind", "deadline"), ("proposed", later.iso), ("reason", "征地手续延迟")])
            #expect(status == .seeOther)
            (status, _) = try await Self.post(app, path, staff, [("kind", "deadline"), ("proposed", later.iso), ("reason", "再次申请")])
            #expect(status == .conflict, "one pending request of a kind at a time")
            let request = try #require(try await ChangeRequestModel.query(on: app.db).filter(\.$task.$id == task.id).first())
            let decide = "/tasks/\(task.id)/changes/\(try request.requireID())/decide"
            (status, _) = try await Self.post(app, decide, staff, [("decision", "approve"), ("version", "1")])
            #expect(status == .forbidden, "units do not decide")
            (status, _) = try await Self.post(app, decide, office, [("decision", "reject"), ("note", ""), ("version", "1")])
            #expect(status == .badRequest)
            (status, _) = try await Self.post(app, decide, office, [("decision", "approve"), ("note", "同意"), ("version", "0")])
            #expect(status == .conflict)
            (status, _) = try await Self.post(app, decide, office, [("decision", "approve"), ("note", "同意延期"), ("version", "1")])
            #expect(status == .seeOther)
            (status, _) = try await Self.post(app, decide, office, [("decision", "approve"), ("note", ""), ("version", "2")])
            #expect(status == .conflict, "decided once")

            (status, body) = try await Self.page(app, "/tasks/\(task.id)", nil)
            #expect(status == .ok)
            #expect(body.contains("完成时限由“\(deadline.iso)”调整为“\(later.iso)”"), "the public task page shows the change and the baseline")
            try await app.testing().test(.GET, "/api/v1/tasks/\(task.id)") { res in
                let object = try res.json() as? [String: Any]
                #expect(object?["deadline"] as? String == later.iso)
            }
            let actions = try await app.auditActions()
            #expect(actions.contains("change.request") && actions.contains("change.approve"))
        }
    }

    @Test func unitsCommentDuringConsultationAndTheOfficeReplies() async throws {
        try await withLuoshiApp { app in
            let planID = try await PlanLifecycleHTTPTests.draftPlan(app)
            try await app.makeUser("du.cha", .supervisor)
            try await app.makeUser("fgj.staff", .unitStaff, unit: "县发改局")
            let office = try await app.signIn("du.cha"), staff = try await app.signIn("fgj.staff")
            let snapshot = try await app.snapshot()
            let unit = try #require(snapshot.units.first { $0.shortName == "县发改局" })
            let task = try #require(snapshot.tasksByPlan[planID]?.first { $0.leadUnitIDs.contains(unit.id) })
            let path = "/tasks/\(task.id)/comments"
            var (status, _) = try await Self.post(app, path, staff, [("stance", "agree"), ("text", "")])
            #expect(status == .conflict, "no comments on a draft")
            (status, _) = try await Self.post(app, "/plans/\(planID)/transition", office, [("step", "circulate"), ("date", "2024-02-22"), ("version", "1")])
            #expect(status == .seeOther)
            (status, _) = try await Self.post(app, path, staff, [("stance", "propose"), ("text", " ")])
            #expect(status == .badRequest)
            (status, _) = try await Self.post(app, path, staff, [("stance", "propose"), ("text", "建议时限调整为9月底")])
            #expect(status == .seeOther)
            let comment = try #require(try await TaskCommentModel.query(on: app.db).first())
            let reply = "/tasks/\(task.id)/comments/\(try comment.requireID())/reply"
            (status, _) = try await Self.post(app, reply, office, [("decision", "adopted"), ("reply", ""), ("version", "1")])
            #expect(status == .badRequest)
            (status, _) = try await Self.post(app, reply, office, [("decision", "adopted"), ("reply", "已采纳"), ("version", "1")])
            #expect(status == .seeOther)
            (status, _) = try await Self.post(app, reply, office, [("decision", "notAdopted"), ("reply", "改判"), ("version", "1")])
            #expect(status == .conflict, "a reply made from an older version is refused")
            var body: String
            (status, body) = try await Self.page(app, "/tasks/\(task.id)/work", staff)
            #expect(body.contains("建议时限调整为9月底") && body.contains("已采纳"))
            (status, body) = try await Self.page(app, "/plans/\(planID)/charters?all=1", office)
            #expect(status == .ok)
            let actions = try await app.auditActions()
            #expect(actions.contains("task.comment") && actions.contains("task.comment.reply"))
        }
    }

    @Test func theOfficeEditsAndRenumbersDraftTasksWithOptimisticLocking() async throws {
        try await withLuoshiApp { app in
            let planID = try await PlanLifecycleHTTPTests.draftPlan(app)
            try await app.makeUser("du.cha", .supervisor)
            let office = try await app.signIn("du.cha")
            let snapshot = try await app.snapshot()
            let task = try #require(snapshot.tasksByPlan[planID]?.first)
            let lastInPart = try #require(snapshot.tasksByPlan[planID]?.filter { $0.number.part == task.number.part }.map(\.number.item).max())
            var (status, body) = try await Self.page(app, "/tasks/\(task.id)/edit", office)
            #expect(status == .ok && body.contains(task.content))
            var fields = TaskEditing.form(of: task, unitName: { snapshot.unitsByID[$0]?.shortName }, leaderName: { snapshot.leadersByID[$0]?.name })
            fields.number = "\(task.number.part).\(lastInPart + 1)"
            fields.content = "修改后的任务内容"
            let pairs: (TaskForm, Int) -> [(String, String)] = { f, version in
                [("number", f.number), ("content", f.content), ("kind", f.kind), ("deadline", f.deadline), ("annualTarget", f.annualTarget),
                 ("measures", f.measures), ("leadUnits", f.leadUnits), ("cooperatingUnits", f.cooperatingUnits), ("leaders", f.leaders),
                 ("milestones", f.milestones), ("version", String(version))]
            }
            (status, _) = try await Self.post(app, "/tasks/\(task.id)/edit", office, pairs(fields, 1))
            #expect(status == .seeOther)
            (status, body) = try await Self.post(app, "/tasks/\(task.id)/edit", office, pairs(fields, 1))
            #expect(status == .conflict && body.contains("已被他人修改"), "a stale form is refused, not silently applied")
            var bad = fields
            bad.leadUnits = "不存在的局"
            (status, body) = try await Self.post(app, "/tasks/\(task.id)/edit", office, pairs(bad, 2))
            #expect(status == .badRequest && body.contains("不存在的局"))
            let renumbered = try #require(try await app.snapshot().tasksByID[task.id])
            #expect(renumbered.number.description == fields.number && renumbered.content == "修改后的任务内容", "same id, new number")

            // The API: bearer tokens only, version required, 409 on a stale one.
            let token = try await app.apiToken("du.cha")
            let json = """
                {"number":"\(fields.number)","content":"经接口修改","kind":"\(fields.kind)","deadline":"\(fields.deadline)",
                 "annualTarget":"\(fields.annualTarget)","leadUnits":["\(fields.leadUnits.split(separator: "、").first ?? "")"],"version":2}
                """
            try await app.testing().test(.PUT, "/api/v1/tasks/\(task.id)", headers: ["Content-Type": "application/json", "Cookie": office.headers.first(name: .cookie) ?? ""],
                                         body: ByteBuffer(string: json)) { res in
                #expect(res.status == .unauthorized, "a session cookie does not carry an API write")
            }
            let bearer: HTTPHeaders = ["Content-Type": "application/json", "Authorization": "Bearer \(token)"]
            try await app.testing().test(.PUT, "/api/v1/tasks/\(task.id)", headers: bearer, body: ByteBuffer(string: json)) { res in
                #expect(res.status == .ok)
                let object = try res.json() as? [String: Any]
                #expect(object?["version"] as? Int == 3)
            }
            try await app.testing().test(.PUT, "/api/v1/tasks/\(task.id)", headers: bearer, body: ByteBuffer(string: json)) { res in
                #expect(res.status == .conflict)
                let error = try res.apiError()
                #expect(error["code"] as? String == "conflict")
            }
            let created = """
                {"number":"1.99","content":"新增任务","kind":"ongoing","annualTarget":"全年完成","leadUnits":["县发改局"]}
                """
            try await app.testing().test(.POST, "/api/v1/plans/\(planID)/tasks", headers: bearer, body: ByteBuffer(string: created)) { res in
                #expect(res.status == .created)
            }
            // Versions: the draft's, then compare it with a fresh one after circulating.
            (status, _) = try await Self.post(app, "/plans/\(planID)/transition", office, [("step", "circulate"), ("date", "2024-02-22"), ("version", "1")])
            #expect(status == .seeOther)
            try await app.testing().test(.GET, "/api/v1/plans/\(planID)/versions/compare?from=1&to=2", headers: ["Authorization": "Bearer \(token)"]) { res in
                #expect(res.status == .ok)
                let changes = try #require((try res.json() as? [String: Any])?["changes"] as? [[String: Any]])
                #expect(changes.contains { $0["kind"] as? String == "added" && $0["task"] as? String == "1.99" })
                #expect(changes.contains { $0["kind"] as? String == "removed" && $0["task"] as? String == task.number.description })
            }
            try await app.testing().test(.GET, "/api/v1/plans/\(planID)/versions/compare?from=1&to=9", headers: ["Authorization": "Bearer \(token)"]) { res in
                #expect(res.status == .badRequest)
                let error = try res.apiError()
                #expect(error["field"] as? String == "to")
            }
            let actions = try await app.auditActions()
            #expect(actions.filter { $0 == "task.update" }.count == 2 && actions.contains("task.create"))
        }
    }

    @Test func issuedTasksAreFrozen() async throws {
        try await withLuoshiApp { app in
            let (task, _) = try await Self.ledTask(app, kind: .phased)
            try await app.makeUser("du.cha", .supervisor)
            let office = try await app.signIn("du.cha")
            let (status, body) = try await Self.post(app, "/tasks/\(task.id)/edit", office, [("number", task.number.description), ("content", "x"),
                                                                                          ("kind", "phased"), ("leadUnits", "县发改局"), ("version", "1")])
            #expect(status == .conflict && body.contains("基线已冻结"))
            let stored = try await app.snapshot().tasksByID[task.id]
            #expect(stored?.content == task.content)
        }
    }
}
