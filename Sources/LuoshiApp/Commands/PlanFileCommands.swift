import Fluent
import Foundation
import LuoshiDomain
import SQLKit
import Vapor

/// `luoshi import PLAN.xlsx --jurisdiction 371323 --year 2023 [--dry-run] [--create-missing] [--title T]`
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The 分工方案 spreadsheet (.xlsx or .csv, UTF-8 or GBK)") var file: String
        @Option(name: "jurisdiction", help: "The jurisdiction code, e.g. 371323") var jurisdiction: String?
        @Option(name: "year", help: "The plan's year") var year: Int?
        @Option(name: "title", help: "The plan's title (default: YYYY年政府工作报告重点工作任务分解方案)") var title: String?
        @Flag(name: "dry-run", help: "Show the interpretation and problems; write nothing") var dryRun: Bool
        @Flag(name: "create-missing", help: "Create units and leaders the directory does not have") var createMissing: Bool
    }

    var help: String { "Imports a plan from a spreadsheet as a draft, all or nothing." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let code = signature.jurisdiction else { throw DomainError.missing("jurisdiction", zh: "请用 --jurisdiction 指定行政区划代码", en: "Give --jurisdiction") }
        guard let year = signature.year else { throw DomainError.missing("year", zh: "请用 --year 指定年度", en: "Give --year") }
        let url = URL(fileURLWithPath: signature.file)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        guard let size else { throw DomainError.notFound("file", zh: "找不到文件 \(signature.file)", en: "No file \(signature.file)") }
        guard size <= app.luoshiConfig.maxBodySize else {
            throw DomainError.invalid("file", zh: "文件超过 \(app.luoshiConfig.maxBodySize / 1_048_576) MB 上限", en: "The file is over the \(app.luoshiConfig.maxBodySize / 1_048_576) MB limit")
        }
        let data = try Data(contentsOf: url)
        let today = CalendarDate(date: app.clock.now)
        let snapshot = try await app.catalog.snapshot(app.db as! any SQLDatabase)
        let result = try await PlanFiles.dryRun(data: data, fileName: url.lastPathComponent, jurisdictionCode: code, year: year,
                                                title: signature.title, createMissing: signature.createMissing, snapshot: snapshot,
                                                on: app.db, today: today)
        let console = context.console
        for part in result.reading.parts {
            console.print("\(ChineseNumerals.text(part.number))、\(part.title)（\(part.tasks.count)）")
            for row in part.tasks {
                let when = row.kind == .ongoing ? "长期" : row.deadline?.iso ?? ""
                console.print("  \(row.number) [\(row.sheet)!\(row.row)] \(row.content.prefix(40)) | 牵头 \(row.leadUnits.joined(separator: "、")) | 配合 \(row.cooperatingUnits.joined(separator: "、")) | 领导 \(row.leaders.joined(separator: "、")) | \(when)")
            }
        }
        let newUnits = result.document.units.map(\.name)
        if !newUnits.isEmpty { console.print("将新建单位 / New units: \(newUnits.joined(separator: "、"))") }
        if !result.problems.isEmpty {
            for problem in result.problems { console.error("\(problem.location) \(problem.message.zh) / \(problem.message.en)") }
            throw DomainError(.badRequest, zh: "发现 \(result.problems.count) 个问题，未写入任何内容", en: "\(result.problems.count) problems; nothing was written", field: "file")
        }
        console.info("\(result.reading.parts.count) 个部分、\(result.reading.tasks.count) 项任务 / \(result.reading.parts.count) parts, \(result.reading.tasks.count) tasks")
        if let existing = result.existing {
            if let refusal = existing.refusal { throw refusal }
            let (added, removed, changed) = PlanDiff.summary(existing.changes)
            console.info("将更新已有方案 / Updates the existing plan \(existing.plan.id.uuidString.lowercased()): "
                         + "新增 \(added)、删除 \(removed)、修改 \(changed) 项 / \(added) added, \(removed) removed, \(changed) changed")
            for change in existing.changes {
                console.print("  \(change.task) \(change.kind.rawValue) \(change.field ?? "")\(change.before.map { ": \($0.prefix(30))" } ?? "")\(change.after.map { " → \($0.prefix(30))" } ?? "")")
            }
        }
        if signature.dryRun {
            console.print("试导入，未写入 / Dry run: nothing written.")
            return
        }
        if let existing = result.existing {
            let counts = try await PlanWriter.update(existing.plan, with: result.document, snapshot: snapshot, on: app.db, by: .system("cli"), at: app.clock.now)
            console.info("已更新方案 / Updated: \(counts.added) added, \(counts.removed) removed, \(counts.changed) changed")
            return
        }
        let bar = console.progressBar(title: "写入 / Writing")
        bar.start()
        let resolved: ResolvedPlan
        do {
            resolved = try await PlanWriter.save(result.document, on: app.db, by: .system("cli"), at: app.clock.now,
                                                 progress: { bar.activity.currentProgress = $0 })
        } catch {
            bar.fail()
            throw error
        }
        bar.succeed()
        console.info("已导入为草稿方案 / Imported as a draft plan: \(resolved.plan.id.uuidString.lowercased())")
    }
}

/// `luoshi export --plan ID --format xlsx|csv --output FILE`
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "plan", help: "The plan's id") var plan: String?
        @Option(name: "format", help: "xlsx (default) or csv") var format: String?
        @Option(name: "output", help: "The file to write") var output: String?
    }

    var help: String { "Exports a plan as a spreadsheet." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let text = signature.plan, let id = UUID(uuidString: text) else {
            throw DomainError.invalid("plan", zh: "请用 --plan 指定方案的 UUID", en: "Give the plan's UUID with --plan")
        }
        guard let format = PlanFiles.Format(rawValue: signature.format ?? "xlsx") else {
            throw DomainError.invalid("format", zh: "--format 只能是 xlsx 或 csv", en: "--format must be xlsx or csv")
        }
        guard let output = signature.output else { throw DomainError.missing("output", zh: "请用 --output 指定输出文件", en: "Give --output") }
        let snapshot = try await app.catalog.snapshot(app.db as! any SQLDatabase)
        let (data, _) = try PlanFiles.export(planID: id, format: format, snapshot: snapshot)
        try data.write(to: URL(fileURLWithPath: output))
        context.console.info("已导出 / Exported \(data.count) bytes to \(output)")
    }
}
