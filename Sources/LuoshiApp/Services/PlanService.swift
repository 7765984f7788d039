import Fluent
import Foundation
import LuoshiDomain
import SQLKit
import Vapor

/// Writes of a plan as a whole: importing it from a spreadsheet and moving it through its
/// lifecycle (征求意见 → 审定 → 印发). The web pages and the CLI (`luoshi import`, `luoshi plan
/// advance`) decode into the same commands and call these functions; each checks the rules in
/// LuoshiDomain, writes in one transaction with its plan version and audit row, and answers with
/// a typed result or a `DomainError` (a field's message, 409 naming what is stored now).
enum PlanService {
    // MARK: Lifecycle

    /// One lifecycle step of a plan, made from the version the form or command was made from.
    struct AdvancePlan: Sendable {
        enum Step: String, Sendable, CaseIterable { case circulate, approve, issue }
        var planID: UUID
        var step: String
        var date: String
        var meeting: String = ""
        var documentNumber: String = ""
        var version: Int?
    }

    /// Applies the step; answers with the plan's new status. Issuing gives the plan its 索引号
    /// from its issuing body's scheme in `indexSchemes` (a number it already carries is kept
    /// and marked taken).
    @discardableResult
    static func advance(_ command: AdvancePlan, by writer: Writer, snapshot: CatalogSnapshot, indexSchemes: Disclosure.IndexSchemes = .init(),
                        on database: any Database) async throws -> Plan.Status {
        guard let model = try await PlanModel.find(command.planID, on: database),
              let plan = snapshot.plansByID[command.planID], writer.may(.managePlans, in: model.jurisdictionCode) else {
            throw DomainError.planNotFound(command.planID)
        }
        guard command.version == model.version else { throw DomainError.staleEdit(current: model.version) }
        guard let date = CalendarDate(iso: command.date) else {
            throw DomainError.invalid("date", zh: "日期格式应为 YYYY-MM-DD", en: "Dates are written YYYY-MM-DD")
        }
        let step: PlanLifecycle.Step = switch AdvancePlan.Step(rawValue: command.step) {
        case .circulate: .circulate(on: date)
        case .approve: .approve(on: date, meeting: command.meeting)
        case .issue: .issue(on: date, documentNumber: command.documentNumber)
        case nil: throw DomainError.invalid("step", zh: "未知的步骤（应为 circulate、approve 或 issue）", en: "Unknown step (circulate, approve or issue)")
        }
        let applied = try PlanLifecycle.apply(step, to: plan)
        let planID = command.planID
        try await database.writeTransaction { db in
            var numbered = applied
            if numbered.status == .issued {
                if let number = numbered.indexNumber {
                    try await IndexNumbers.register(number, targetType: "plan", targetID: planID, on: db)
                } else if let scheme = indexSchemes.scheme(for: numbered.issuingBody) {
                    numbered.indexNumber = try await IndexNumbers.assign(scheme, year: step.date.year, targetType: "plan", targetID: planID, on: db)
                }
            }
            let next = numbered
            try await OptimisticLock.update(PlanModel.schema, id: planID, from: command.version, current: model.version, at: writer.now, on: db) {
                $0.set("status", to: next.status.rawValue)
                    .set("consultation_on", to: next.stages.consultation?.iso)
                    .set("approved_on", to: next.stages.approved?.iso)
                    .set("issued_on", to: next.stages.issued?.iso)
                    .set("approval_meeting", to: next.approvalMeeting)
                    .set("document_number", to: next.documentNumber)
                    .set("index_number", to: next.indexNumber)
            }
            let jurisdiction = try await PlanFiles.jurisdictionEntry(plan.jurisdictionCode, on: db)
            let document = PlanDocument(plan: next, jurisdiction: jurisdiction, parts: snapshot.partsByPlan[planID] ?? [],
                                        tasks: snapshot.tasksByPlan[planID] ?? [], unitName: { snapshot.unitsByID[$0]?.shortName },
                                        leaderName: { snapshot.leadersByID[$0]?.name })
            try await PlanVersions.record(document, planID: planID, status: next.status, by: writer.username, on: db)
            try await AuditLog.append(AuditLog.Event(action: "plan.transition", targetType: "plan", targetID: planID.uuidString,
                                                     summary: "status \(plan.status.rawValue) → \(next.status.rawValue), \(step.date.iso)"),
                                      by: writer.who, at: writer.now, on: db)
        }
        return applied.status
    }

    // MARK: Disclosure

    /// The office's edit of a plan's disclosure metadata (主题词, 公开方式, 成文日期, 有效性),
    /// made from the version the form was made from. Allowed at any stage: it describes the
    /// document, it does not change it.
    struct SaveDisclosure: Sendable {
        var planID: UUID
        var subjectWords: String
        var disclosureMode: String
        var writtenOn: String
        var validity: String
        var version: Int?
    }

    static func saveDisclosure(_ command: SaveDisclosure, by writer: Writer, on database: any Database) async throws {
        guard let model = try await PlanModel.find(command.planID, on: database), writer.may(.managePlans, in: model.jurisdictionCode) else {
            throw DomainError.planNotFound(command.planID)
        }
        let details = try Disclosure.Details.parse(subjectWords: command.subjectWords, mode: command.disclosureMode, writtenOn: command.writtenOn,
                                                   validity: command.validity, today: writer.today).get()
        let planID = command.planID
        let before = model.validity
        try await database.writeTransaction { db in
            try await OptimisticLock.update(PlanModel.schema, id: planID, from: command.version, current: model.version, at: writer.now, on: db) {
                $0.set("subject_words", to: details.subjectWords).set("disclosure_mode", to: details.mode.rawValue)
                    .set("written_on", to: details.writtenOn?.iso).set("validity", to: details.validity.rawValue)
            }
            try await AuditLog.append(AuditLog.Event(action: "plan.disclosure", targetType: "plan", targetID: planID.uuidString,
                                                     summary: "\(details.mode.rawValue), validity \(before.rawValue) → \(details.validity.rawValue)"),
                                      by: writer.who, at: writer.now, on: db)
        }
    }

    // MARK: Import

    /// A 分工方案 spreadsheet to import as a draft plan of `jurisdictionCode` and `year`, or to
    /// re-import over that plan while it is a draft.
    struct ImportPlan: Sendable {
        var data: Data
        var fileName: String
        var jurisdictionCode: String
        var year: Int
        var title: String?
        var createMissing: Bool
        /// For a re-import: the fingerprint of the stored plan the preview was made from. A plan
        /// changed since is refused (409 naming the current fingerprint); nil skips the check
        /// (the command line without `--basis`).
        var basis: String?
        /// The stored upload (`plan_imports`) this applies, marked applied in the same transaction:
        /// an upload is applied once, whichever instance takes it first. nil: a file from the command line.
        var uploadID: UUID? = nil
    }

    enum Imported: Sendable {
        case created(ResolvedPlan)
        case updated(planID: UUID, added: Int, removed: Int, changed: Int)

        var planID: UUID {
            switch self {
            case .created(let resolved): resolved.plan.id
            case .updated(let planID, _, _, _): planID
            }
        }
    }

    /// The file has problems (each naming its sheet and row); nothing was written.
    struct ImportProblems: Error {
        var result: PlanFiles.ImportResult
        var error: DomainError {
            DomainError(.badRequest, zh: "发现 \(result.problems.count) 个问题，未写入任何内容", en: "\(result.problems.count) problems; nothing was written",
                        field: "file")
        }
    }

    /// Reads the file and what it would change, writing nothing (the dry run).
    static func preview(_ command: ImportPlan, snapshot: CatalogSnapshot, on database: any Database, today: CalendarDate) async throws -> PlanFiles.ImportResult {
        try await PlanFiles.dryRun(data: command.data, fileName: command.fileName, jurisdictionCode: command.jurisdictionCode, year: command.year,
                                   title: command.title, createMissing: command.createMissing, snapshot: snapshot, on: database, today: today)
    }

    /// An office imports (and names units) for its own jurisdiction and those directly under it;
    /// the command line for any.
    static func requireImportReach(_ code: String, by writer: Writer, snapshot: CatalogSnapshot) throws {
        let inReach = writer.actor.map { code == $0.jurisdictionCode || snapshot.jurisdictions[code]?.parentCode == $0.jurisdictionCode } ?? true
        guard inReach, writer.may(.managePlans, in: writer.actor?.jurisdictionCode ?? code) else {
            throw DomainError.invalid("jurisdiction", zh: "不能为该行政区划导入方案", en: "You cannot import a plan for that jurisdiction")
        }
    }

    /// Keeps an uploaded spreadsheet for its dry run and later apply (`uploadID`), with its audit row.
    static func storeUpload(_ command: ImportPlan, by writer: Writer, snapshot: CatalogSnapshot, on database: any Database) async throws -> PlanImportModel {
        try requireImportReach(command.jurisdictionCode, by: writer, snapshot: snapshot)
        guard let userID = writer.actor?.userID else { throw DomainError.signInRequired }
        let stored = PlanImportModel()
        stored.id = UUID()
        stored.$user.id = userID
        stored.fileName = String(command.fileName.suffix(200))
        stored.data = command.data
        stored.jurisdictionCode = command.jurisdictionCode
        stored.year = command.year
        stored.title = command.title?.nonBlank
        stored.createMissing = command.createMissing
        try await database.writeTransaction { db in
            try await stored.create(on: db)
            try await AuditLog.append(AuditLog.Event(action: "plan.import.upload", targetType: "plan_import", targetID: stored.id?.uuidString ?? "",
                                                     summary: "\(stored.fileName), \(stored.data.count) bytes, \(command.jurisdictionCode) \(command.year)"),
                                      by: writer.who, at: writer.now, on: db)
        }
        return stored
    }

    /// Writes what `preview` read (made from the same command, just before): a new draft plan, or
    /// the changes to the existing draft. All or nothing.
    static func importPlan(_ command: ImportPlan, read result: PlanFiles.ImportResult, by writer: Writer, snapshot: CatalogSnapshot,
                           on database: any Database, progress: @escaping @Sendable (Double) -> Void = { _ in }) async throws -> Imported {
        try requireImportReach(command.jurisdictionCode, by: writer, snapshot: snapshot)
        guard result.problems.isEmpty else { throw ImportProblems(result: result) }
        let uploadID = command.uploadID
        let markApplied: PlanWriter.AlsoWrite = { planID, db in
            guard let uploadID, let sql = db as? any SQLDatabase else { return }
            let marked = try await sql.update(PlanImportModel.schema).set("applied_plan_id", to: planID).set("updated_at", to: writer.now)
                .where("id", .equal, uploadID).where("applied_plan_id", .is, SQLLiteral.null).returning("id").all()
            guard !marked.isEmpty else {
                throw DomainError(.conflict, zh: "该表格已经导入过", en: "This spreadsheet has already been applied", field: "importID")
            }
        }
        guard let existing = result.existing else {
            return .created(try await PlanWriter.save(result.document, on: database, by: writer.who, at: writer.now, progress: progress,
                                                      alsoWrite: markApplied))
        }
        if let refusal = existing.refusal { throw refusal }
        if let basis = command.basis, basis != existing.basis {
            throw DomainError(.conflict, zh: "试导入后方案已被修改（当前依据 \(existing.basis)），请查看最新的变化后再确认",
                              en: "The plan changed since the dry run (its basis is now \(existing.basis)); review the changes again",
                              field: "basis")
        }
        let counts = try await PlanWriter.update(existing.plan, with: result.document, snapshot: snapshot, on: database, by: writer.who, at: writer.now,
                                                 alsoWrite: markApplied)
        return .updated(planID: existing.plan.id, added: counts.added, removed: counts.removed, changed: counts.changed)
    }
}
