import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

/// 督办 through HTTP on the sample as of 2023-07-10: a red task is escalated through a
/// rectification to closure; a missed deadline proposes the next step; a criticism is carried
/// into the next bulletin once.
@Suite("Supervision (督办)")
struct SupervisionHTTPTests {
    static let post = TaskWorkHTTPTests.post, page = TaskWorkHTTPTests.page

    /// The sample on 2023-07-10 with the office (du.cha), evidence kept in a temporary folder.
    static func withSupervision(_ body: (Application, UUID) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("luoshi-supervision-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withLuoshiApp(adjust: { $0.attachmentDirectory = directory }) { app in
            #expect(try await SampleRounds.loadIfMissing(into: app.db, snapshot: try await app.snapshot()))
            app.clock.set(DispatchHTTPTests.beijingNoon("2023-07-10"))
            try await app.makeUser("du.cha", .supervisor)
            try await body(app, try await app.samplePlanID())
        }
    }

    /// The June ledger's red tasks, by number.
    static func redTasks(_ app: Application, _ planID: UUID) async throws -> [PlanTask] {
        let snapshot = try await app.snapshot()
        let plan = try #require(snapshot.plansByID[planID])
        return try await DispatchStore.ledger(plan: plan, snapshot: snapshot, asOf: CalendarDate(iso: "2023-06-25")!, cache: app.ledgerCache, on: app.db)
            .filter { $0.colour == .red }.map(\.task).sorted { $0.number < $1.number }
    }

    /// Form fields as the page's form shows them (the prefilled values of its inputs and textareas).
    static func formValues(_ html: String) -> [String: String] {
        var values: [String: String] = [:]
        for name in ["facts", "demands"] {
            if let range = html.range(of: #"name="\#(name)"[^>]*>([^<]*)</textarea>"#, options: .regularExpression) {
                values[name] = String(html[range]).components(separatedBy: ">").dropFirst().first?.replacingOccurrences(of: "</textarea", with: "")
            }
        }
        for name in ["deadline"] {
            if let range = html.range(of: #"name="\#(name)" value="[^"]*""#, options: .regularExpression) {
                values[name] = String(html[range]).components(separatedBy: "value=\"").last?.dropLast().description
            }
        }
        for name in ["kind", "taskID", "unitID"] {
            if let start = html.range(of: #"name="\#(name)""#), let selected = html[start.upperBound...].range(of: #"value="[^"]*" selected"#, options: .regularExpression) {
                values[name] = html[selected].components(separatedBy: "\"")[1]
            }
        }
        return values
    }

    @Test func aRedTaskIsRectifiedAndClosed() async throws {
        try await Self.withSupervision { app, planID in
            let snapshot = try await app.snapshot()
            let task = try #require(try await Self.redTasks(app, planID).first)
            let unit = try #require(snapshot.unitsByID[task.leadUnitIDs[0]])
            let other = try #require(snapshot.units.first { $0.id != unit.id && $0.jurisdictionCode == unit.jurisdictionCode })
            try await app.makeUser("zg.staff", .unitStaff, unit: unit.shortName)
            try await app.makeUser("other.staff", .unitStaff, unit: other.shortName)
            let office = try await app.signIn("du.cha"), staff = try await app.signIn("zg.staff"), outsider = try await app.signIn("other.staff")

            // The rules propose a rectification for the red task; accepting fills the form in.
            var (status, body) = try await Self.page(app, "/plans/\(planID)/supervision", office)
            let key = "rectification|\(task.id)|\(unit.id)|2023-06"
            #expect(status == .ok && body.contains(key.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed)!) && body.contains("2023年6月调度亮红灯"))
            (status, body) = try await Self.page(app, SiteURL.supervision(planID, proposal: key).path, office)
            let values = Self.formValues(body)
            #expect(values["kind"] == "rectification" && values["taskID"] == task.id.uuidString && values["unitID"] == unit.id.uuidString)
            #expect(values["deadline"] == "2023-08-09" && values["facts"]?.contains("2023年6月调度亮红灯") == true, "\(values)")
            (status, _) = try await Self.post(app, "/plans/\(planID)/supervision", staff, values.map { ($0.key, $0.value) })
            #expect(status == .forbidden, "units do not take steps")
            (status, body) = try await Self.post(app, "/plans/\(planID)/supervision", office, values.map { ($0.key, $0.value) }.filter { $0.0 != "demands" })
            #expect(status == .badRequest && body.contains("请写明督办要求"))
            (status, _) = try await Self.post(app, "/plans/\(planID)/supervision", office, values.map { ($0.key, $0.value) })
            #expect(status == .seeOther)
            let item = try #require(try await SupervisionItemModel.query(on: app.db).filter(\.$taskID == task.id).filter(\.$unitID == unit.id).first())
            let id = try item.requireID()
            #expect(item.documentNumber == "整改〔2023〕1号" && item.status == .open && item.deadline == "2023-08-09")
            (status, body) = try await Self.page(app, "/plans/\(planID)/supervision", office)
            #expect(!body.contains(key.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed)!), "the proposal is taken")

            // The unit is told, sees it on its dashboard, replies with evidence; others cannot see it.
            let notice = try #require(try await ReminderModel.query(on: app.db).filter(\.$kind == .supervision).first())
            #expect(notice.unitID == unit.id && notice.titleZh.hasPrefix("限期整改（整改〔2023〕1号）") && notice.link == "/supervision/\(id.uuidString.lowercased())")
            (status, body) = try await Self.page(app, "/plans/\(planID)/dashboard?asOf=2023-06-25", staff)
            #expect(body.contains("整改〔2023〕1号") && body.contains("2023-08-09"))
            (status, _) = try await Self.page(app, "/supervision/\(id)", outsider)
            #expect(status == .notFound)
            (status, _) = try await Self.post(app, "/supervision/\(id)/reply", outsider, [("version", "1"), ("reply", "不是我们的")])
            #expect(status == .notFound)
            (status, body) = try await AttachmentTests.upload(app, "/supervision/\(id)/files", staff, name: "整改现场.png", bytes: AttachmentTests.png)
            #expect(status == .seeOther, "\(body.prefix(300))")
            (status, body) = try await AttachmentTests.upload(app, "/supervision/\(id)/files", staff, name: "假图.png", bytes: Array("MZ".utf8) + AttachmentTests.png)
            #expect(status == .badRequest)
            (status, body) = try await Self.post(app, "/supervision/\(id)/reply", staff, [("version", "1"), ("reply", " ")])
            #expect(status == .badRequest && body.contains("请填写答复内容"))
            (status, _) = try await Self.post(app, "/supervision/\(id)/reply", staff, [("version", "1"), ("reply", "已完成路基施工，进度赶上序时。")])
            #expect(status == .seeOther)
            (status, _) = try await Self.post(app, "/supervision/\(id)/reply", staff, [("version", "2"), ("reply", "再答复一次")])
            #expect(status == .conflict, "answered once until returned")

            // The office returns it once, then closes it (销号).
            (status, body) = try await Self.post(app, "/supervision/\(id)/review", office, [("version", "2"), ("step", "reopen"), ("note", ""), ("deadline", "2023-07-31")])
            #expect(status == .badRequest && body.contains("退回时请写明不足之处"))
            (status, _) = try await Self.post(app, "/supervision/\(id)/review", office, [("version", "2"), ("step", "reopen"), ("note", "缺少验收材料"), ("deadline", "2023-07-31")])
            #expect(status == .seeOther)
            (status, _) = try await Self.post(app, "/supervision/\(id)/reply", staff, [("version", "3"), ("reply", "已补充验收报告。")])
            #expect(status == .seeOther)
            (status, _) = try await Self.post(app, "/supervision/\(id)/review", office, [("version", "3"), ("step", "close"), ("note", "核验属实")])
            #expect(status == .conflict, "a stale form")
            (status, _) = try await Self.post(app, "/supervision/\(id)/review", office, [("version", "4"), ("step", "close"), ("note", "核验属实，予以销号")])
            #expect(status == .seeOther)
            (status, body) = try await Self.page(app, "/supervision/\(id)", staff)
            #expect(body.contains("已销号") && body.contains("整改现场.png") && body.contains("缺少验收材料") && body.contains("已补充验收报告。"))
            let file = try #require(try await SupervisionFileModel.query(on: app.db).first())
            (status, _) = try await Self.page(app, "/supervision-files/\(try file.requireID())", staff)
            #expect(status == .ok)
            (status, _) = try await Self.page(app, "/supervision-files/\(try file.requireID())", outsider)
            #expect(status == .notFound)
            var word = ByteBuffer()
            try await app.testing().test(.GET, "/supervision/\(id)/word", headers: staff.headers) { res in
                #expect(res.status == .ok && res.headers.contentType?.subType == "vnd.openxmlformats-officedocument.wordprocessingml.document")
                word = res.body
            }
            let xml = String(decoding: try DOCXText.documentXML(Data(word.readableBytesView)), as: UTF8.self)
            #expect(xml.contains("限期整改通知") && xml.contains("整改〔2023〕1号") && xml.contains("\(unit.name)主要负责同志：") && xml.contains("2023年7月31日前"))
            (status, _) = try await Self.page(app, "/supervision/\(id)/word", outsider)
            #expect(status == .notFound)
            let events = try await SupervisionEventModel.query(on: app.db).filter(\.$item.$id == id).sort(\.$createdAt).all().map(\.step)
            #expect(events == ["create", "attach", "reply", "reopen", "reply", "close"])
            let actions = try await app.auditActions()
            for action in ["supervision.create", "supervision.attach", "supervision.reply", "supervision.reopen", "supervision.close"] { #expect(actions.contains(action)) }
        }
    }

    @Test func aMissedDeadlineProposesTheNextStepAndCriticismsReachTheBulletinOnce() async throws {
        try await Self.withSupervision { app, planID in
            let snapshot = try await app.snapshot()
            let task = try #require(snapshot.tasksByPlan[planID]?.first)
            let unit = try #require(snapshot.unitsByID[task.leadUnitIDs[0]])
            let office = try await app.signIn("du.cha")
            var (status, _) = try await Self.post(app, "/plans/\(planID)/supervision", office, [
                ("kind", "order"), ("taskID", task.id.uuidString), ("unitID", unit.id.uuidString), ("facts", "进度滞后"), ("demands", "书面报告"), ("deadline", "2023-07-15"),
            ])
            #expect(status == .seeOther)
            let order = try #require(try await SupervisionItemModel.query(on: app.db).filter(\.$kind == .order).first())
            #expect(order.documentNumber == "督办〔2023〕1号")

            app.clock.set(DispatchHTTPTests.beijingNoon("2023-07-20"))
            let officeLater = try await app.signIn("du.cha")
            var body: String
            (status, body) = try await Self.page(app, "/plans/\(planID)/supervision", officeLater)
            #expect(body.contains("督办单已过答复期限（2023-07-15）未答复") && body.contains("已逾期"))
            (status, body) = try await Self.page(app, SiteURL.supervision(planID, previous: try order.requireID()).path, officeLater)
            var values = Self.formValues(body)
            #expect(values["kind"] == "rectification" && body.contains(#"name="previous""#))
            values["previous"] = try order.requireID().uuidString
            (status, _) = try await Self.post(app, "/plans/\(planID)/supervision", officeLater, values.map { ($0.key, $0.value) })
            #expect(status == .seeOther)
            #expect(try await SupervisionItemModel.find(try order.requireID(), on: app.db)?.status == .escalated)
            let rectification = try #require(try await SupervisionItemModel.query(on: app.db).filter(\.$kind == .rectification).first())
            #expect(rectification.previousID == order.id)

            // 通报批评: recorded, carried by the next published bulletin, and only by it.
            (status, _) = try await Self.post(app, "/plans/\(planID)/supervision", officeLater, [
                ("kind", "criticism"), ("taskID", task.id.uuidString), ("unitID", unit.id.uuidString), ("facts", "经督办、限期整改仍未落实"),
                ("demands", "予以通报批评"), ("deadline", ""), ("previous", try rectification.requireID().uuidString),
            ])
            #expect(status == .seeOther)
            let criticism = try #require(try await SupervisionItemModel.query(on: app.db).filter(\.$kind == .criticism).first())
            #expect(criticism.status == .closed, "a criticism is recorded, not answered")
            let june = try await BulletinHTTPTests.juneRound(app, planID)
            (status, _) = try await Self.post(app, "/plans/\(planID)/bulletin-issues", officeLater, [("round", june.id.uuidString)])
            let draft = try await BulletinHTTPTests.draft(app)
            (status, body) = try await Self.page(app, "/bulletins/\(try draft.requireID())", officeLater)
            #expect(body.contains("通报批评") && body.contains("\(unit.shortName)：经督办、限期整改仍未落实（第\(task.number)项任务）"))
            (status, _) = try await Self.post(app, "/bulletins/\(try draft.requireID())/publish", officeLater, [("version", "1")])
            #expect(status == .seeOther)
            #expect(try await SupervisionItemModel.find(try criticism.requireID(), on: app.db)?.bulletinID == draft.id)
            (status, _) = try await Self.post(app, "/plans/\(planID)/bulletin-issues", officeLater, [("round", june.id.uuidString)])
            (status, body) = try await Self.page(app, "/bulletins/\(try await BulletinHTTPTests.draft(app).requireID())", officeLater)
            #expect(!body.contains("经督办、限期整改仍未落实"), "carried once")

            // Dismissing a proposal is remembered.
            let red = try #require(try await Self.redTasks(app, planID).first)
            let key = "rectification|\(red.id)|\(red.leadUnitIDs[0])|2023-06"
            (status, _) = try await Self.post(app, "/plans/\(planID)/supervision/dismiss", officeLater, [("key", key), ("reason", "已在专题会上部署")])
            #expect(status == .seeOther)
            (status, body) = try await Self.page(app, "/plans/\(planID)/supervision", officeLater)
            #expect(!body.contains(key.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed)!))
            (status, _) = try await Self.post(app, "/plans/\(planID)/supervision/dismiss", officeLater, [("key", "rectification|nothing")])
            #expect(status == .notFound)
            #expect(try await app.auditActions().contains("supervision.dismiss"))
        }
    }
}
