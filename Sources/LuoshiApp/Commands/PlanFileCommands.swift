import Fluent
import Foundation
import LuoshiDomain
import SQLKit
import Vapor

/// `luoshi import PLAN.xlsx --jurisdiction 371323 --year 2023 [--dry-run] [--create-missing] [--title T] [--basis B]`
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The 分工方案 spreadsheet (.xlsx or .csv, UTF-8 or GBK)") var file: String
        @Option(name: "jurisdiction", help: "The jurisdiction code, e.g. 371323") var jurisdiction: String?
        @Option(name: "year", help: "The plan's year") var year: Int?
        @Option(name: "title", help: "The plan's title (default: YYYY年政府工作报告重点工作任务分解方案)") var title: String?
        @Flag(name: "dry-run", help: "Show the interpretation and problems; write nothing") var dryRun: Bool
        @Flag(name: "create-missing", help: "Create units and leaders the directory does not have") var createMissing: Bool
        @Option(name: "basis", help: "Re-import only if the stored plan is still the one the dry run printed this basis for") var basis: String?
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
        let command = PlanService.ImportPlan(data: try Data(contentsOf: url), fileName: url.lastPathComponent, jurisdictionCode: code,
                                             year: year, title: signature.title, createMissing: signature.createMissing, basis: signature.basis)
        let writer = app.commandLineWriter
        let snapshot = try await app.catalog.snapshot(app.db as! any SQLDatabase)
        let result = try await PlanService.preview(command, snapshot: snapshot, on: app.db, today: writer.today)
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
        for problem in result.problems { console.error("\(problem.location) \(problem.message.zh) / \(problem.message.en)") }
        if result.problems.isEmpty {
            console.info("\(result.reading.parts.count) 个部分、\(result.reading.tasks.count) 项任务 / \(result.reading.parts.count) parts, \(result.reading.tasks.count) tasks")
        }
        if let existing = result.existing {
            let (added, removed, changed) = PlanDiff.summary(existing.changes)
            console.info("将更新已有方案 / Updates the existing plan \(existing.plan.id.uuidString.lowercased()) (依据 / basis \(existing.basis)): "
                         + "新增 \(added)、删除 \(removed)、修改 \(changed) 项 / \(added) added, \(removed) removed, \(changed) changed")
            for change in existing.changes {
                console.print("  \(change.task) \(change.kind.rawValue) \(change.field ?? "")\(change.before.map { ": \($0.prefix(30))" } ?? "")\(change.after.map { " → \($0.prefix(30))" } ?? "")")
            }
        }
        if signature.dryRun {
            if let problems = result.problems.isEmpty ? nil : PlanService.ImportProblems(result: result) { throw problems.error }
            if let refusal = result.existing?.refusal { throw refusal }
            console.print("试导入，未写入 / Dry run: nothing written.")
            return
        }
        let bar = console.progressBar(title: "写入 / Writing")
        bar.start()
        let imported: PlanService.Imported
        do {
            imported = try await PlanService.importPlan(command, read: result, by: writer, snapshot: snapshot, on: app.db,
                                                        progress: { bar.activity.currentProgress = $0 })
        } catch let problems as PlanService.ImportProblems {
            bar.fail()
            throw problems.error
        } catch {
            bar.fail()
            throw error
        }
        bar.succeed()
        switch imported {
        case .created(let resolved):
            console.info("已导入为草稿方案 / Imported as a draft plan: \(resolved.plan.id.uuidString.lowercased())")
        case .updated(_, let added, let removed, let changed):
            console.info("已更新方案 / Updated: \(added) added, \(removed) removed, \(changed) changed")
        }
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

/// `luoshi plan advance --plan ID --step circulate|approve|issue --date YYYY-MM-DD --version N [--meeting M] [--document-number N]`
struct PlanCommands: AsyncCommandGroup {
    var help: String { "Moves a plan through its lifecycle." }
    var commands: [String: any AnyAsyncCommand] { ["advance": AdvancePlanCommand()] }
}

struct AdvancePlanCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "plan", help: "The plan's id") var plan: String?
        @Option(name: "step", help: "circulate (征求意见), approve (审定) or issue (印发)") var step: String?
        @Option(name: "date", help: "The step's date, YYYY-MM-DD") var date: String?
        @Option(name: "meeting", help: "approve: the meeting that approved the plan") var meeting: String?
        @Option(name: "document-number", help: "issue: the document number, e.g. 沂政发〔2023〕1号") var documentNumber: String?
        @Option(name: "version", help: "The plan's version this step is made from (shown on its page and in the API)") var version: Int?
    }

    var help: String { "Applies one lifecycle step to a plan, refusing a stale version with the current one." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let planID = signature.plan.flatMap(UUID.init(uuidString:)) else {
            throw DomainError.missing("plan", zh: "请用 --plan 指定方案编号", en: "Give --plan with the plan's id")
        }
        guard let version = signature.version else {
            throw DomainError.missing("version", zh: "请用 --version 指定方案当前版本", en: "Give --version with the plan's current version")
        }
        let command = PlanService.AdvancePlan(planID: planID, step: signature.step ?? "", date: signature.date ?? "",
                                              meeting: signature.meeting ?? "", documentNumber: signature.documentNumber ?? "", version: version)
        let snapshot = try await app.catalog.snapshot(app.db as! any SQLDatabase)
        let status = try await PlanService.advance(command, by: app.commandLineWriter, snapshot: snapshot,
                                                   indexSchemes: app.luoshiConfig.indexSchemes, on: app.db)
        context.console.info("方案状态 / The plan is now: \(status.rawValue)")
    }
}
