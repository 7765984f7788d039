import Fluent
import Foundation
import SQLKit
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

/// 政民互动 through HTTP: a visitor asks without an account, the office routes the question to the
/// lead unit, the unit answers, the office returns it once and then approves it; only then is it on
/// the task's page, and the asker's contact never is. Flooding, oversize and forged posts are
/// refused with their exact statuses.
@Suite("Public questions through HTTP")
struct QuestionHTTPTests {
    static let post = TaskWorkHTTPTests.post, page = TaskWorkHTTPTests.page

    /// A visitor's post: the double-submit CSRF cookie and field (or none, for a forged post).
    static func ask(_ app: Application, _ taskID: UUID, _ fields: [(String, String)], csrf: Bool = true) async throws -> (HTTPStatus, String) {
        let token = Secrets.token()
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        if csrf { headers.add(name: .cookie, value: "\(CSRFMiddleware.cookieName)=\(token)") }
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.POST, "/tasks/\(taskID.uuidString.lowercased())/ask", headers: headers,
                                     body: form((csrf ? [("_csrf", token)] : []) + fields)) { res in result = (res.status, res.body.string) }
        return result
    }

    static func question(_ app: Application, receipt: String) async throws -> PublicQuestionModel {
        try #require(try await PublicQuestionModel.query(on: app.db).filter(\.$receipt == receipt).first())
    }

    static func receipt(in body: String) throws -> String {
        let range = try #require(body.range(of: #"\d{8}-[0-9A-F]{8}"#, options: .regularExpression))
        return String(body[range])
    }

    @Test func aQuestionIsPublicOnlyOnceTheOfficeApprovesItsAnswer() async throws {
        try await withLuoshiApp { app in
            app.clock.set(DispatchHTTPTests.beijingNoon("2023-05-10"))
            let (task, unit) = try await TaskWorkHTTPTests.ledTask(app, kind: .phased)
            let snapshot = try await app.snapshot()
            let otherUnit = try #require(snapshot.units.first { $0.id != unit.id && !task.leadUnitIDs.contains($0.id) && !task.cooperatingUnitIDs.contains($0.id) })
            try await app.makeUser("du.cha", .supervisor)
            try await app.makeUser("fgj.staff", .unitStaff, unit: unit.shortName)
            try await app.makeUser("other.staff", .unitStaff, unit: otherUnit.shortName)
            let office = try await app.signIn("du.cha"), staff = try await app.signIn("fgj.staff"), other = try await app.signIn("other.staff")
            let taskPath = "/tasks/\(task.id.uuidString.lowercased())"

            var (status, body) = try await Self.page(app, taskPath, nil)
            #expect(status == .ok && body.contains(#"<h2 id="questions">政民互动</h2>"#) && body.contains("暂无公开的留言答复。"))
            #expect(body.contains(#"<a href="\#(taskPath)/ask">就此项任务留言</a>"#))

            var setCookie = "", cacheControl = ""
            try await app.testing().test(.GET, taskPath + "/ask") { res in
                (status, body) = (res.status, res.body.string)
                setCookie = res.headers[.setCookie].joined()
                cacheControl = res.headers[.cacheControl].joined()
            }
            #expect(status == .ok && body.contains("就第\(task.number)项任务留言") && body.contains(#"name="contact""#))
            #expect(setCookie.contains(CSRFMiddleware.cookieName) && cacheControl == "no-store", "the form carries its own CSRF cookie and is never cached")

            let fields = [("name", "张先生"), ("contact", "13800000000"), ("text", "<b>项目</b>什么时候开工？我的电话13800000000")]
            (status, _) = try await Self.ask(app, task.id, fields, csrf: false)
            #expect(status == .forbidden, "a forged post is refused")
            (status, body) = try await Self.ask(app, task.id, [("name", "张先生"), ("contact", ""), ("text", "什么时候开工？")])
            #expect(status == .badRequest && body.contains("请填写联系电话或电子邮箱") && body.contains(##"href="#field-contact""##))
            #expect(body.contains("什么时候开工？"), "what was typed comes back")
            (status, body) = try await Self.ask(app, UUID(), fields)
            #expect(status == .notFound)
            let catalogBefore = try await app.dataVersions.refresh(app.db as! any SQLDatabase).versions[.catalog]
            (status, body) = try await Self.ask(app, task.id, fields)
            #expect(status == .ok && body.contains("留言已提交"))
            let catalogAfterAsking = try await app.dataVersions.refresh(app.db as! any SQLDatabase).versions[.catalog]
            #expect(catalogAfterAsking == catalogBefore, "a new question changes nothing public: every cached page stays valid")
            let receipt = try Self.receipt(in: body)
            #expect(receipt.hasPrefix("20230510-"))
            var question = try await Self.question(app, receipt: receipt)
            #expect(question.status == .submitted && question.contact == "13800000000" && question.unitID == nil)

            (status, body) = try await Self.page(app, taskPath, nil)
            #expect(!body.contains("什么时候开工"), "nothing is public before approval")
            let questionPath = "/questions/\(try question.requireID().uuidString.lowercased())"
            (status, body) = try await Self.page(app, "/questions", staff)
            #expect(status == .ok && !body.contains(receipt), "a unit sees only what is routed to it")
            (status, _) = try await Self.page(app, questionPath, staff)
            #expect(status == .notFound)
            (status, body) = try await Self.page(app, "/questions", office)
            #expect(status == .ok && body.contains(receipt))
            (status, body) = try await Self.page(app, questionPath, office)
            #expect(status == .ok && body.contains("13800000000") && body.contains("&lt;b&gt;项目&lt;/b&gt;"), "the office sees the contact; markup is text")
            #expect(!body.contains("<b>项目</b>"))

            (status, _) = try await Self.post(app, questionPath + "/route", staff, [("unit", unit.id.uuidString), ("version", "1")])
            #expect(status == .forbidden, "a unit does not route")
            (status, body) = try await Self.post(app, questionPath + "/route", office, [("unit", otherUnit.id.uuidString), ("version", "1")])
            #expect(status == .badRequest && body.contains("请选择该任务的牵头或配合单位"))
            (status, _) = try await Self.post(app, questionPath + "/route", office, [("unit", unit.id.uuidString), ("version", "1")])
            #expect(status == .seeOther)
            let staffUser = try #require(try await UserModel.query(on: app.db).filter(\.$username == "fgj.staff").first())
            let inbox = try await NotificationModel.query(on: app.db).filter(\.$user.$id == staffUser.requireID()).count()
            #expect(inbox == 1, "the unit is told")

            (status, _) = try await Self.page(app, questionPath, other)
            #expect(status == .notFound, "another unit does not see it")
            (status, body) = try await Self.page(app, questionPath, staff)
            #expect(status == .ok && body.contains(#"name="answer""#) && !body.contains("13800000000</dd>"), "the unit answers; it never sees the contact")
            (status, _) = try await Self.post(app, questionPath + "/answer", other, [("answer", "答"), ("version", "2")])
            #expect(status == .notFound)
            (status, _) = try await Self.post(app, questionPath + "/approve", staff, [("question", "问"), ("version", "2")])
            #expect(status == .forbidden)
            (status, body) = try await Self.post(app, questionPath + "/answer", staff, [("answer", "  "), ("version", "2")])
            #expect(status == .badRequest && body.contains("请填写答复内容"))
            (status, _) = try await Self.post(app, questionPath + "/answer", staff, [("answer", "预计6月开工。"), ("version", "2")])
            #expect(status == .seeOther)
            (status, _) = try await Self.post(app, questionPath + "/answer", staff, [("answer", "再答"), ("version", "2")])
            #expect(status == .conflict, "answered already")

            (status, body) = try await Self.post(app, questionPath + "/return", office, [("returnNote", ""), ("version", "3")])
            #expect(status == .badRequest && body.contains(##"href="#field-returnNote""##))
            (status, _) = try await Self.post(app, questionPath + "/return", office, [("returnNote", "请写明具体开工日期"), ("version", "2")])
            #expect(status == .conflict, "a stale form is refused")
            (status, _) = try await Self.post(app, questionPath + "/return", office, [("returnNote", "请写明具体开工日期"), ("version", "3")])
            #expect(status == .seeOther)
            (status, body) = try await Self.page(app, questionPath, staff)
            #expect(body.contains("请写明具体开工日期") && body.contains("预计6月开工。"), "the unit sees why, and its answer to revise")
            (status, _) = try await Self.post(app, questionPath + "/answer", staff, [("answer", "项目定于2023年6月15日开工。"), ("version", "4")])
            #expect(status == .seeOther)
            (status, _) = try await Self.post(app, questionPath + "/approve", office, [("question", "<b>项目</b>什么时候开工？"), ("version", "5")])
            #expect(status == .seeOther)
            question = try await Self.question(app, receipt: receipt)
            #expect(question.status == .published && question.routings == 2)

            let catalogAfterApproval = try await app.dataVersions.refresh(app.db as! any SQLDatabase).versions[.catalog]
            #expect(try #require(catalogAfterApproval) > (try #require(catalogAfterAsking)), "approval moves the catalogue, in every process")
            (status, body) = try await Self.page(app, taskPath, nil)
            #expect(body.contains("&lt;b&gt;项目&lt;/b&gt;什么时候开工？") && body.contains("项目定于2023年6月15日开工。"), "approved: on the task's page")
            #expect(body.contains("张先生 2023-05-10 留言") && body.contains("\(unit.name)答复（2023-05-10）"))
            #expect(!body.contains("13800000000"), "neither the contact nor the phone number the office removed is public")
            #expect(!body.contains("暂无公开的留言答复"))

            let actions = try await app.auditActions().filter { $0.hasPrefix("question.") }
            #expect(actions == ["question.submit", "question.route", "question.answer", "question.return", "question.answer", "question.approve"])
        }
    }

    @Test func theOfficeDeclinesAQuestionAndItIsNeverPublic() async throws {
        try await withLuoshiApp { app in
            let (task, _) = try await TaskWorkHTTPTests.ledTask(app, kind: .ongoing)
            try await app.makeUser("du.cha", .supervisor)
            let office = try await app.signIn("du.cha")
            var (status, body) = try await Self.ask(app, task.id, [("contact", "someone@example.cn"), ("text", "与任务无关的广告")])
            #expect(status == .ok)
            let question = try await Self.question(app, receipt: try Self.receipt(in: body))
            #expect(question.askerName == "")
            let path = "/questions/\(try question.requireID().uuidString.lowercased())"
            (status, _) = try await Self.post(app, path + "/approve", office, [("question", "x"), ("version", "1")])
            #expect(status == .conflict, "nothing to approve before an answer")
            (status, _) = try await Self.post(app, path + "/decline", office, [("declineNote", "与任务无关"), ("version", "1")])
            #expect(status == .seeOther)
            (status, body) = try await Self.page(app, path + "?done=decline", office)
            #expect(body.contains("不予公开") && body.contains("与任务无关"))
            (status, body) = try await Self.page(app, "/questions?status=declined", office)
            #expect(status == .ok && body.contains(question.receipt))
            (status, _) = try await Self.page(app, "/questions?status=bogus", office)
            #expect(status == .badRequest)
            try await app.readDataVersions()
            (status, body) = try await Self.page(app, "/tasks/\(task.id.uuidString.lowercased())", nil)
            #expect(!body.contains("与任务无关的广告"))
        }
    }

    @Test func oneAddressIsLimitedAndOversizeTextIsRefusedNamingTheField() async throws {
        try await withLuoshiApp { app in
            app.clock.set(DispatchHTTPTests.beijingNoon("2023-05-10"))
            let (task, _) = try await TaskWorkHTTPTests.ledTask(app, kind: .ongoing)
            var (status, body) = try await Self.ask(app, task.id, [("contact", "0539-2251234"),
                                                                  ("text", String(repeating: "问", count: PublicQuestion.maximumQuestionLength + 1))])
            #expect(status == .badRequest && body.contains("不能超过 1000 字（现为 1001 字）") && body.contains(##"href="#field-text""##))
            (status, body) = try await Self.ask(app, task.id, [("contact", "0539-2251234"), ("text", String(repeating: "问", count: 200_000))])
            #expect(status == .badRequest, "a huge text is a 400, not a 500")
            for index in 0..<app.questionThrottle.maximum {
                (status, _) = try await Self.ask(app, task.id, [("contact", "0539-2251234"), ("text", "第\(index)条")])
                #expect(status == .ok)
            }
            (status, body) = try await Self.ask(app, task.id, [("contact", "0539-2251234"), ("text", "再来一条")])
            #expect(status == .tooManyRequests && body.contains("每小时最多留言 5 条"))
            #expect(try await PublicQuestionModel.query(on: app.db).count() == app.questionThrottle.maximum, "the refused ones are not stored")
            let denied = try await AuditLogModel.query(on: app.db).filter(\.$action == "question.submit").all().filter { $0.outcome == .denied }
            #expect(denied.count == 1)
            app.clock.advance(by: app.questionThrottle.window + 1)
            (status, _) = try await Self.ask(app, task.id, [("contact", "0539-2251234"), ("text", "一小时后")])
            #expect(status == .ok, "the window passes")
        }
    }
}
