import Fluent
import Foundation
import LuoshiDomain
import SQLKit
import Vapor

/// `luoshi bulletin --round ID --format docx|html --output FILE`: writes a round's bulletin — its
/// newest published issue (the stored Word file, byte for byte), else its newest draft, else a
/// preview from today's data (stored nowhere).
struct BulletinCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "round", help: "The round's id (see /plans/{id}/rounds)") var round: String?
        @Option(name: "format", help: "docx (Word, GB/T 9704) or html (a standalone page)") var format: String?
        @Option(name: "output", help: "The file to write") var output: String?
    }

    var help: String { "Writes a round's bulletin as a Word file or a standalone HTML page." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let text = signature.round, let roundID = UUID(uuidString: text) else {
            throw DomainError.invalid("round", zh: "请用 --round 指定调度的 ID", en: "Give --round with the round's id")
        }
        guard let format = signature.format, ["docx", "html"].contains(format) else {
            throw DomainError.invalid("format", zh: "--format 应为 docx 或 html", en: "--format is docx or html")
        }
        guard let output = signature.output?.nonBlank else { throw DomainError.missing("output", zh: "请用 --output 指定输出文件", en: "Give --output") }
        let catalog = try await app.catalog.snapshot(app.db as! any SQLDatabase)
        guard let round = try await DispatchStore.round(roundID, on: app.db),
              let plan = catalog.plansByID[round.planID] else {
            throw DomainError.notFound("round", zh: "调度不存在", en: "No such round")
        }
        let stored = try await BulletinModel.query(on: app.db).filter(\.$roundID == roundID).all()
        let chosen = stored.filter { $0.status == .published }.max { ($0.issueNumber ?? 0) < ($1.issueNumber ?? 0) }
            ?? stored.filter { $0.status == .draft }.max { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }
        let document: Bulletin.Document
        var file: Data?
        if let chosen {
            document = try await BulletinStore.document(of: chosen, on: app.db)
            file = chosen.docx
            context.console.info("\(chosen.issueNumber.map { "第\($0)期" } ?? "草稿") \(chosen.title)")
        } else {
            let snapshot = try await BulletinStore.takeSnapshot(plan: plan, round: round, catalog: catalog, cache: app.ledgerCache, on: app.db, now: app.clock.now)
            let dueDay = try await DispatchStore.settings(for: plan, cache: app.ledgerCache, on: app.db).roundDueDay
            let texts = Bulletin.defaultTexts(snapshot, issuer: Bulletin.issuer(jurisdictionName: catalog.jurisdictions[plan.jurisdictionCode]?.name ?? ""),
                                              signedOn: CalendarDate(date: app.clock.now), dueDay: dueDay)
            let next = BulletinFigures.nextIssue(after: try await BulletinStore.publishedNumbers(jurisdiction: plan.jurisdictionCode, year: plan.year, on: app.db))
            document = Bulletin.document(snapshot, texts: texts, issue: .init(number: nil, nextNumber: next, corrects: nil))
            context.console.info("本轮尚无通报，按当前数据生成预览（未保存）/ No bulletin for this round yet: a preview from today's data (not stored).")
        }
        let data = format == "docx" ? try file ?? BulletinStore.word(document) : Data(BulletinDocumentView.standalone(document).utf8)
        try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        context.console.info("已写入 / Wrote \(output) (\(data.count) bytes)")
    }
}
