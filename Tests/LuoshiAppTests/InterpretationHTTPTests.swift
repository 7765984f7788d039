import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

/// 政策解读 through HTTP: the office drafts it from the plan, edits and publishes it; the public
/// reads the published version only; a later edit is a new version; a changed plan is named.
@Suite("Interpretation through HTTP")
struct InterpretationHTTPTests {
    static let post = TaskWorkHTTPTests.post, page = TaskWorkHTTPTests.page

    static func form(_ sections: [String], phone: String = "0539-2266629", version: Int) -> [(String, String)] {
        sections.enumerated().map { ("section\($0.offset + 1)", $0.element) }
            + [("office", "县政府督查室"), ("person", "张三"), ("address", "沂水县正阳路19号"), ("phone", phone), ("version", String(version))]
    }

    @Test func theOfficeDraftsEditsAndPublishesAndThePublicReadsOnlyThePublished() async throws {
        try await withLuoshiApp { app in
            app.luoshiConfig.indexSchemes = try Disclosure.IndexSchemes.parse("沂水县人民政府办公室=yishuixfbgs", field: "f")
            app.clock.set(DispatchHTTPTests.beijingNoon("2023-03-10"))
            let planID = try await app.samplePlanID()
            try await app.makeUser("du.cha", .supervisor)
            try await app.makeUser("fgj.staff", .unitStaff, unit: "县发改局")
            let office = try await app.signIn("du.cha"), unit = try await app.signIn("fgj.staff")
            let base = "/plans/\(planID)/interpretation"

            var (status, body) = try await Self.page(app, base, nil)
            #expect(status == .notFound, "nothing published yet")
            (status, _) = try await Self.post(app, base + "/draft", unit, [])
            #expect(status == .forbidden)
            (status, _) = try await Self.post(app, base + "/draft", office, [])
            #expect(status == .seeOther)
            (status, body) = try await Self.page(app, base + "/edit?done=drafted", office)
            #expect(status == .ok && body.contains("第1版（草稿）") && body.contains("已起草"))
            #expect(body.contains("将重点任务分解为8个部分、91项具体工作，主要涉及41个牵头单位和6个乡镇（街道）。"), "counted from the plan")
            #expect(body.contains("2023年1月19日，沂水县第十九届人民代表大会第二次会议召开"))
            (status, body) = try await Self.page(app, base, nil)
            #expect(status == .notFound, "a draft is not public")

            let draft = try #require(try await InterpretationService.versions(planID: planID, on: app.db).last)
            var texts = draft.sections.map(\.text)
            texts[2] = "按照“工作项目化、项目清单化、清单责任化”的原则分解任务。"
            (status, body) = try await Self.post(app, base + "/save", office, Self.form(texts.enumerated().map { $0.offset == 1 ? "" : $0.element }, version: 1))
            #expect(status == .badRequest && body.contains("请填写“二、"), "an empty section is named")
            (status, body) = try await Self.post(app, base + "/save", office, Self.form(texts, phone: "电话", version: 1))
            #expect(status == .badRequest && body.contains("请填写联系电话"))
            (status, _) = try await Self.post(app, base + "/save", office, Self.form(texts, version: 1))
            #expect(status == .seeOther)
            (status, _) = try await Self.post(app, base + "/save", office, Self.form(texts, version: 1))
            #expect(status == .conflict, "a stale form is refused")
            (status, _) = try await Self.post(app, base + "/publish", office, [("version", "2")])
            #expect(status == .seeOther)

            (status, body) = try await Self.page(app, base, nil)
            #expect(status == .ok && body.contains("关于《2023年县政府工作报告重点工作任务分解方案》的解读") && body.contains("按照“工作项目化"))
            #expect(body.contains(#"<dt>解读人</dt><dd lang="zh-CN">张三</dd>"#) && body.contains(#"<dt>联系电话</dt><dd lang="zh-CN">0539-2266629</dd>"#))
            #expect(body.contains("<dt>索引号</dt><dd>yishuixfbgs/2023-0000197</dd>"), "numbered after the plan's own 2023-0000196")
            #expect(body.contains(#"<dt>发布机构</dt><dd lang="zh-CN">沂水县人民政府办公室</dd>"#) && body.contains("第1版，2023-03-10发布"))
            (status, body) = try await Self.page(app, "/plans/\(planID)", nil)
            #expect(body.contains(#"<a href="/plans/\#(planID.uuidString.lowercased())/interpretation">政策解读（文字解读）</a>"#))
            (status, _) = try await Self.post(app, base + "/save", office, Self.form(texts, version: 3))
            #expect(status == .conflict, "a published version is not edited")

            // The plan changes: the editor names the figures that no longer match; a revision is version 2.
            let task = try #require(try await TaskModel.query(on: app.db).first())
            try await task.delete(on: app.db)
            try await app.readDataVersions()
            (status, body) = try await Self.page(app, base + "/edit", office)
            #expect(body.contains("任务数：解读中为 91，方案现为 90"))
            (status, _) = try await Self.post(app, base + "/draft", office, [])
            #expect(status == .seeOther)
            let revision = try #require(try await InterpretationService.versions(planID: planID, on: app.db).last)
            #expect(revision.number == 2 && revision.status == .draft && revision.sections[2].text.hasPrefix("按照“工作项目化"), "starts from the published text")
            texts[0] = "修订后的出台背景。"
            (status, _) = try await Self.post(app, base + "/save", office, Self.form(texts, version: 1))
            (status, _) = try await Self.post(app, base + "/publish", office, [("version", "2")])
            #expect(status == .seeOther)
            (status, body) = try await Self.page(app, base, nil)
            #expect(body.contains("修订后的出台背景。") && body.contains("第2版") && body.contains("历次版本"))
            (status, body) = try await Self.page(app, base + "?version=1", nil)
            #expect(status == .ok && !body.contains("修订后的出台背景。") && body.contains("<dt>有效性</dt><dd>失效（已被替代）</dd>"))
            let actions = try await app.auditActions()
            for action in ["interpretation.draft", "interpretation.save", "interpretation.publish"] { #expect(actions.contains(action)) }
        }
    }

    @Test func anUnissuedPlanIsNotInterpreted() async throws {
        try await withLuoshiApp { app in
            let planID = try await PlanLifecycleHTTPTests.draftPlan(app)
            try await app.makeUser("du.cha", .supervisor)
            let office = try await app.signIn("du.cha")
            let (status, body) = try await Self.post(app, "/plans/\(planID)/interpretation/draft", office, [])
            #expect(status == .conflict && body.contains("方案尚未印发，不能起草或发布解读"))
            #expect(try await InterpretationService.versions(planID: planID, on: app.db).isEmpty)
        }
    }

    @Test func theSampleShipsWithItsInterpretationPublished() async throws {
        try await withLuoshiApp { app in
            #expect(try await SampleInterpretation.loadIfMissing(into: app.db, snapshot: try await app.snapshot()))
            #expect(try await !SampleInterpretation.loadIfMissing(into: app.db, snapshot: try await app.snapshot()), "once")
            try await app.readDataVersions()
            let planID = try await app.samplePlanID()
            let (status, body) = try await Self.page(app, "/plans/\(planID)/interpretation", nil)
            #expect(status == .ok && body.contains("第1版，2023-03-06发布") && body.contains("示例数据"))
        }
    }
}
