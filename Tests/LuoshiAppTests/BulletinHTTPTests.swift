import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import SQLKit
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

/// 月通报 through HTTP on the sample (第1期 April and 第2期 May are published): the office turns
/// June into 第3期; the published issue and its Word file never change; a correction is 第4期.
@Suite("Monthly bulletins")
struct BulletinHTTPTests {
    static let post = TaskWorkHTTPTests.post, page = TaskWorkHTTPTests.page

    static func juneRound(_ app: Application, _ planID: UUID) async throws -> DispatchStore.Round {
        try #require(try await DispatchStore.rounds(planID: planID, on: app.db).first { $0.month.description == "2023-06" })
    }

    static func draft(_ app: Application) async throws -> BulletinModel {
        try #require(try await BulletinModel.query(on: app.db).filter(\.$status == .draft).sort(\.$createdAt, .descending).first())
    }

    static func body(_ app: Application, _ path: String, _ session: TestSession? = nil) async throws -> (HTTPStatus, ByteBuffer) {
        var result: (HTTPStatus, ByteBuffer) = (.ok, ByteBuffer())
        try await app.testing().test(.GET, path, headers: session?.headers ?? [:]) { res in result = (res.status, res.body) }
        return result
    }

    @Test func theOfficePublishesJuneAsIssueThreeAndItNeverChanges() async throws {
        try await withSampleLedger { app, planID in
            try await app.makeUser("fgj.staff", .unitStaff, unit: "县发改局")
            let office = try await app.signIn("du.cha"), unit = try await app.signIn("fgj.staff")
            let june = try await Self.juneRound(app, planID)
            var (status, body) = try await Self.page(app, "/plans/\(planID)/bulletin-issues", office)
            #expect(status == .ok && body.contains("第2期") && body.contains("第1期") && body.contains("生成通报草稿"))

            (status, body) = try await Self.post(app, "/plans/\(planID)/bulletin-issues", office, [("round", UUID().uuidString)])
            #expect(status == .badRequest && body.contains("请选择本方案的一轮调度"))
            (status, _) = try await Self.post(app, "/plans/\(planID)/bulletin-issues", office, [("round", june.id.uuidString)])
            #expect(status == .seeOther)
            let draft = try await Self.draft(app)
            let id = try draft.requireID()

            // The draft's numbers are the ledger's as of June's due date.
            let rows = try await DispatchStore.ledger(plan: try #require(try await app.snapshot().plansByID[planID]), snapshot: try await app.snapshot(),
                                                      asOf: june.dueDate, cache: app.ledgerCache, on: app.db)
            let overview = Bulletin.overview(BulletinFigures.tally(rows))
            #expect(overview.hasPrefix("纳入本期调度的重点任务共91项。"))
            (status, body) = try await Self.page(app, "/bulletins/\(id)", office)
            #expect(status == .ok && body.contains("第3期（草稿）") && body.contains(overview) && body.contains("关于2023年6月份政府工作报告重点任务落实情况的通报"))
            for task in BulletinFigures.tasks(rows, in: .lagging) { #expect(body.contains(task.task.content.htmlEscaped), "lagging \(task.task.number) is named") }
            (status, _) = try await Self.page(app, "/bulletins/\(id)", unit)
            #expect(status == .notFound, "units read published issues only")

            // Editing: every field checked; a stale form is refused.
            let texts: [(String, String)] = [("title", "关于2023年6月份重点任务落实情况的通报"), ("intro", "本期为示例导语。"), ("praise", ""),
                                             ("requirements", "一是加快进度。\n二是按时报送。"), ("internalNote", "内部：先报县长审阅"),
                                             ("issuer", "沂水县人民政府督查室"), ("signedOn", "2023-07-03")]
            (status, body) = try await Self.post(app, "/bulletins/\(id)", office, [("version", "1"), ("title", ""), ("signedOn", "7/3")] + texts.filter { !["title", "signedOn"].contains($0.0) })
            #expect(status == .badRequest && body.contains("请填写通报标题") && body.contains("落款日期应写作 YYYY-MM-DD") && body.contains("aria-invalid"))
            (status, _) = try await Self.post(app, "/bulletins/\(id)", office, [("version", "1")] + texts)
            #expect(status == .seeOther)
            (status, _) = try await Self.post(app, "/bulletins/\(id)", office, [("version", "1")] + texts)
            #expect(status == .conflict)
            (status, _) = try await Self.post(app, "/bulletins/\(id)/publish", unit, [("version", "2")])
            #expect(status == .forbidden)

            (status, _) = try await Self.post(app, "/bulletins/\(id)/publish", office, [("version", "2")])
            #expect(status == .seeOther)
            let published = try #require(try await BulletinModel.find(id, on: app.db))
            #expect(published.status == .published && published.issueNumber == 3 && published.publishedBy == "du.cha")
            let file = try #require(published.docx)
            #expect(published.docxSHA256 == Secrets.sha256Hex(data: ByteBuffer(data: file)))
            (status, _) = try await Self.post(app, "/bulletins/\(id)/publish", office, [("version", "3")])
            #expect(status == .conflict, "published once")
            (status, _) = try await Self.post(app, "/bulletins/\(id)", office, [("version", "3")] + texts)
            #expect(status == .conflict, "a published bulletin is never edited")

            // The public reads it (no internal note); the Word file is the stored one.
            (status, body) = try await Self.page(app, "/plans/\(planID)/bulletins", nil)
            #expect(status == .ok && body.contains("第3期") && body.contains("第2期"))
            (status, body) = try await Self.page(app, "/plans/\(planID)/bulletins/3", nil)
            #expect(status == .ok && body.contains(overview) && body.contains("本期为示例导语。") && !body.contains("先报县长审阅"))
            let publicPage = body
            var (wordStatus, word) = try await Self.body(app, "/plans/\(planID)/bulletins/3/word")
            #expect(wordStatus == .ok && Data(word.readableBytesView) == file)
            #expect(!String(decoding: try DOCXText.documentXML(file), as: UTF8.self).contains("先报县长审阅"), "the internal note stays out of the Word file")
            (status, body) = try await Self.page(app, "/bulletins/\(id)", office)
            #expect(body.contains("先报县长审阅"), "internal users see the note")

            // A report changes after publication: the issue, its page and file stay as they were.
            let lagging = try #require(BulletinFigures.tasks(rows, in: .lagging).first)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(ProgressReportModel.schema).set("verified_progress", to: 100).set("verified_status", to: "completed")
                .where("round_id", .equal, june.id).where("task_id", .equal, lagging.task.id).run()
            try await app.readDataVersions()  // as the poll would, after a write behind the server's back
            (status, body) = try await Self.page(app, "/plans/\(planID)/bulletins/3", nil)
            #expect(body == publicPage)
            (wordStatus, word) = try await Self.body(app, "/bulletins/\(id)/word", office)
            #expect(wordStatus == .ok && Data(word.readableBytesView) == file)
            (status, _) = try await Self.post(app, "/plans/\(planID)/bulletin-issues", office, [("round", june.id.uuidString)])
            (status, body) = try await Self.page(app, "/bulletins/\(try await Self.draft(app).requireID())", office)
            #expect(!body.contains(overview) && body.contains("第4期（草稿）"), "a new snapshot sees the change")

            // A correction is a new issue that refers to the one it corrects.
            (status, _) = try await Self.post(app, "/bulletins/\(id)/correct", office, [("version", "3")])
            #expect(status == .seeOther)
            let correction = try await Self.draft(app)
            #expect(correction.correctsID == id && correction.intro == "本期为示例导语。")
            (status, _) = try await Self.post(app, "/bulletins/\(try correction.requireID())/publish", office, [("version", "1")])
            #expect(status == .seeOther)
            (status, body) = try await Self.page(app, "/plans/\(planID)/bulletins/4", nil)
            #expect(body.contains("本期对第3期通报有关内容予以更正，请以本期为准。") && body.contains(overview), "the correction keeps the frozen numbers")
            (status, body) = try await Self.page(app, "/plans/\(planID)/bulletins/3", nil)
            #expect(body.contains("已由以下一期更正") && body.contains("/bulletins/4"))
            let actions = try await app.auditActions()
            for action in ["bulletin.generate", "bulletin.edit", "bulletin.publish", "bulletin.correct"] { #expect(actions.contains(action)) }
        }
    }

    @Test func draftsStayInternalAndRefreshTakesTheSnapshotAgain() async throws {
        try await withSampleLedger { app, planID in
            var office = try await app.signIn("du.cha")
            let june = try await Self.juneRound(app, planID)
            _ = try await Self.post(app, "/plans/\(planID)/bulletin-issues", office, [("round", june.id.uuidString)])
            let draft = try await Self.draft(app)
            let id = try draft.requireID()
            let takenAt = try BulletinStore.snapshot(of: draft).takenAt
            var (status, body) = try await Self.page(app, "/plans/\(planID)/bulletins", nil)
            #expect(status == .ok && !body.contains("第3期"), "the public sees published issues only")
            (status, _) = try await Self.page(app, "/plans/\(planID)/bulletins/3", nil)
            #expect(status == .notFound)
            (status, _) = try await Self.page(app, "/bulletins/\(id)", nil)
            #expect(status == .seeOther || status == .unauthorized, "sign-in first")

            app.clock.set(DispatchHTTPTests.beijingNoon("2023-07-12"))
            office = try await app.signIn("du.cha")  // the earlier session has timed out
            (status, _) = try await Self.post(app, "/bulletins/\(id)/refresh", office, [("version", "1")])
            #expect(status == .seeOther)
            let refreshed = try #require(try await BulletinModel.find(id, on: app.db))
            #expect(try BulletinStore.snapshot(of: refreshed).takenAt > takenAt && refreshed.version == 2)
            (status, body) = try await Self.page(app, "/bulletins/\(id)", office)
            #expect(body.contains("2023-07-12 12:00"), "the page states when the snapshot was taken")
            (status, _) = try await Self.post(app, "/bulletins/\(id)/correct", office, [("version", "2")])
            #expect(status == .conflict, "only published issues are corrected")
        }
    }

    @Test func theCommandLineWritesTheStoredWordFileOrAPreview() async throws {
        try await withSampleLedger { app, planID in
            let rounds = try await DispatchStore.rounds(planID: planID, on: app.db)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("luoshi-bulletin-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            func run(_ round: UUID, _ format: String) async throws -> Data {
                let output = directory.appendingPathComponent("\(round).\(format)").path
                var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["bulletin", "--round", round.uuidString, "--format", format, "--output", output]))
                context.application = app
                try await BulletinCommand().run(using: &context)
                return try Data(contentsOf: URL(fileURLWithPath: output))
            }
            let may = try #require(rounds.first { $0.month.description == "2023-05" })
            let stored = try #require(try await BulletinModel.query(on: app.db).filter(\.$roundID == may.id).first()?.docx)
            #expect(try await run(may.id, "docx") == stored, "the published issue's file, byte for byte")
            let html = String(decoding: try await run(may.id, "html"), as: UTF8.self)
            #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("第2期") && html.contains("@page{size:A4"))
            let june = try #require(rounds.first { $0.month.description == "2023-06" })
            let preview = String(decoding: try await run(june.id, "html"), as: UTF8.self)
            #expect(preview.contains("第3期（草稿）"))
            #expect(try await BulletinModel.query(on: app.db).filter(\.$roundID == june.id).count() == 0, "a preview is stored nowhere")
        }
    }
}

/// Reads `word/document.xml` out of a Word file.
enum DOCXText {
    static func documentXML(_ file: Data) throws -> Data {
        let archive = try Archive(data: file, accessMode: .read, pathEncoding: nil)
        let entry = try #require(archive["word/document.xml"])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return data
    }
}

extension String {
    /// As the HTML builder writes text.
    var htmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
