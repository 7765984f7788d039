import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

/// 批示 through HTTP: a deputy instructs on a task; its lead unit is told, acknowledges and reports
/// back; the instruction and the reply show in the task's history and on both dashboards. An
/// instruction on a bulletin is the office's to answer.
@Suite("Leader instructions")
struct InstructionHTTPTests {
    @Test func aUnitAcknowledgesAndReportsBack() async throws {
        try await withSampleLedger { app, planID in
            let snapshot = try await app.snapshot()
            let unit = try #require(snapshot.units.first { $0.shortName == "县发改局" })
            let task = try #require(snapshot.tasksLedByUnit[unit.id]?.first { $0.planID == planID })
            let outsider = try #require(snapshot.units.first { !task.leadUnitIDs.contains($0.id) && $0.jurisdictionCode == unit.jurisdictionCode })
            try await app.makeUser("fu.xian", .leader, leaderPrecedence: 2)
            try await app.makeUser("fgj.staff", .unitStaff, unit: unit.shortName)
            try await app.makeUser("other.staff", .unitStaff, unit: outsider.shortName)
            try await app.makeUser("cha.yue", .viewer)
            let leader = try await app.signIn("fu.xian"), staff = try await app.signIn("fgj.staff"), other = try await app.signIn("other.staff")
            let viewer = try await app.signIn("cha.yue"), office = try await app.signIn("du.cha")
            let post = TaskWorkHTTPTests.post, page = TaskWorkHTTPTests.page

            var (status, body) = try await page(app, "/tasks/\(task.id)/work", leader)
            #expect(status == .ok && body.contains("发送批示"))
            (status, _) = try await post(app, "/instructions", viewer, [("target", "task"), ("taskID", task.id.uuidString), ("text", "请加快进度")])
            #expect(status == .forbidden, "only leaders instruct")
            (status, body) = try await post(app, "/instructions", leader, [("target", "task"), ("taskID", task.id.uuidString), ("text", " ")])
            #expect(status == .badRequest && body.contains("请填写批示内容"))
            (status, _) = try await post(app, "/instructions", leader, [("target", "report"), ("taskID", task.id.uuidString), ("roundID", UUID().uuidString),
                                                                        ("unitID", unit.id.uuidString), ("text", "请核实")])
            #expect(status == .notFound, "a report that does not exist")
            (status, _) = try await post(app, "/instructions", leader, [("target", "task"), ("taskID", task.id.uuidString), ("text", "请倒排工期，确保年底前完成。")])
            #expect(status == .seeOther)
            let instruction = try #require(try await InstructionModel.query(on: app.db).first())
            let id = try instruction.requireID()
            let responses = try await InstructionResponseModel.query(on: app.db).filter(\.$instruction.$id == id).all()
            #expect(Set(responses.compactMap(\.unitID)) == Set(task.leadUnitIDs) && responses.allSatisfy { $0.status == .pending })

            // The unit is told (inbox), sees it on its dashboard, acknowledges and reports back.
            #expect(try await ReminderModel.query(on: app.db).filter(\.$kind == .instruction).filter(\.$unitID == unit.id).count() == 1)
            (status, body) = try await page(app, "/plans/\(planID)/dashboard?asOf=2023-06-25", staff)
            #expect(body.contains("待办批示（1）") && body.contains("请倒排工期，确保年底前完成。"))
            (status, _) = try await page(app, "/instructions/\(id)", other)
            #expect(status == .notFound)
            let mine = try #require(responses.first { $0.unitID == unit.id })
            (status, _) = try await post(app, "/instructions/\(id)/respond", other, [("response", try mine.requireID().uuidString), ("version", "1"), ("step", "acknowledge")])
            #expect(status == .notFound)
            (status, _) = try await post(app, "/instructions/\(id)/respond", office, [("response", try mine.requireID().uuidString), ("version", "1"), ("step", "acknowledge")])
            #expect(status == .forbidden, "the office does not answer for a unit")
            (status, _) = try await post(app, "/instructions/\(id)/respond", staff, [("response", try mine.requireID().uuidString), ("version", "1"), ("step", "acknowledge")])
            #expect(status == .seeOther)
            (status, body) = try await post(app, "/instructions/\(id)/respond", staff, [("response", try mine.requireID().uuidString), ("version", "2"), ("step", "reply"), ("reply", "")])
            #expect(status == .badRequest && body.contains("请填写落实情况"))
            (status, _) = try await post(app, "/instructions/\(id)/respond", staff, [("response", try mine.requireID().uuidString), ("version", "2"), ("step", "reply"),
                                                                                 ("reply", "已召开专题会，倒排工期至12月。")])
            #expect(status == .seeOther)
            (status, _) = try await post(app, "/instructions/\(id)/respond", staff, [("response", try mine.requireID().uuidString), ("version", "3"), ("step", "reply"), ("reply", "再报")])
            #expect(status == .conflict)

            (status, body) = try await page(app, "/tasks/\(task.id)/work", staff)
            #expect(body.contains("请倒排工期，确保年底前完成。") && body.contains("已召开专题会，倒排工期至12月。") && body.contains("已反馈"))
            (status, body) = try await page(app, "/plans/\(planID)/dashboard?asOf=2023-06-25", leader)
            #expect(body.contains("我的批示（1）") && body.contains("已召开专题会，倒排工期至12月。"))

            // On a bulletin: the office answers.
            let bulletin = try #require(try await BulletinModel.query(on: app.db).filter(\.$issueNumber == 2).first())
            (status, _) = try await post(app, "/instructions", leader, [("target", "bulletin"), ("bulletinID", try bulletin.requireID().uuidString), ("text", "请对滞后任务逐一督办。")])
            #expect(status == .seeOther)
            let onBulletin = try #require(try await InstructionModel.query(on: app.db).filter(\.$target == .bulletin).first())
            let officeResponse = try #require(try await InstructionResponseModel.query(on: app.db).filter(\.$instruction.$id == onBulletin.requireID()).first())
            #expect(officeResponse.unitID == nil)
            (status, body) = try await page(app, "/bulletins/\(try bulletin.requireID())", office)
            #expect(body.contains("请对滞后任务逐一督办。"))
            (status, _) = try await post(app, "/instructions/\(try onBulletin.requireID())/respond", office,
                                         [("response", try officeResponse.requireID().uuidString), ("version", "1"), ("step", "reply"), ("reply", "已对12项滞后任务下发督办单。")])
            #expect(status == .seeOther)
            let actions = try await app.auditActions()
            for action in ["instruction.create", "instruction.acknowledge", "instruction.reply"] { #expect(actions.contains(action)) }
        }
    }
}
