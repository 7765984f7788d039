import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// Writes of monthly dispatch: the office opens and closes rounds and saves a new version of the
/// colour rules; a unit saves or submits its report, a cooperating unit its input; the office
/// accepts or returns a report. Web forms and the JSON API decode into the same
/// commands and call these functions; each checks the rules in `Dispatch` (LuoshiDomain), writes
/// in one transaction with its event and audit row (the database bumps the data version in the
/// same transaction), and answers with a typed result or a `DomainError` (a field's message,
/// 409 for a stale version).
enum DispatchService {
    enum ReportStep: String, Sendable { case save, submit }

    /// The office opens the monthly round of the plan it is given: `month` YYYY-MM, due `dueDate` (blank: the
    /// plan's reporting day of that month).
    struct OpenRound: Sendable {
        var month: String
        var dueDate: String
    }

    struct SaveReport: Sendable {
        var submit: Bool
        /// The version the form was made from; 0 for a report not yet saved, nil when not sent (409).
        var version: Int?
        var form: Dispatch.ReportForm
    }

    struct SaveInput: Sendable {
        var text: String
        var version: Int?
    }

    struct ReviewReport: Sendable {
        var unitID: UUID?
        var accept: Bool
        var version: Int?
        var verifiedProgress: String
        var verifiedStatus: String
        var note: String
        var reason: String
    }

    static func openRound(_ command: OpenRound, plan: Plan, by writer: Writer, cache: LedgerCache,
                          on database: any Database) async throws -> DispatchStore.Round {
        guard writer.may(.managePlans, in: plan.jurisdictionCode) else { throw DomainError.planNotFound(plan.id) }
        let existing = Set(try await DispatchStore.rounds(planID: plan.id, on: database).map(\.month))
        let dueDay = try await DispatchStore.settings(for: plan, cache: cache, on: database).roundDueDay
        let (month, due) = try Dispatch.round(month: command.month, dueDate: command.dueDate, dueDay: dueDay, planStatus: plan.status,
                                              planYear: plan.year, existing: existing).get()
        let model = ReportRoundModel()
        model.$plan.id = plan.id
        model.month = month.description
        model.dueDate = due.iso
        model.status = .open
        model.openedBy = writer.username
        model.version = 1
        try await database.writeTransaction { db in
            try await model.create(on: db)
            try await AuditLog.append(.init(action: "round.open", targetType: "plan", targetID: plan.id.uuidString,
                                            summary: "\(month) due \(due.iso)"), by: writer.who, at: writer.now, on: db)
        }
        return DispatchStore.Round(id: try model.requireID(), planID: plan.id, month: month, dueDate: due, status: .open, version: 1)
    }

    /// Saves or submits the acting unit's report.
    static func saveReport(_ command: SaveReport, in scope: DispatchController.ReportScope, by writer: Writer,
                           on database: any Database) async throws -> ReportStep {
        let unitID = try UnitWork.report.actingUnit(scope.user.actor.unitID, role: scope.unitRole)
        let submitting = command.submit
        let existing = try await ReportRows.report(round: scope.round.id, task: scope.task.id, unit: unitID, on: database)
        let status = try Dispatch.next(after: existing?.status, submitting ? .submit : .save)
        let report = try Dispatch.report(command.form, submitting: submitting).get()
        let today = writer.today
        let late = submitting && Dispatch.isLate(submittedOn: today, dueDate: scope.round.dueDate)
        let username = writer.username
        try await database.writeTransaction { db in
            let reportID: UUID
            if let existing {
                reportID = existing.id
                try await OptimisticLock.update(ProgressReportModel.schema, id: reportID, from: command.version, current: existing.version,
                                                at: writer.now, on: db) {
                    var update = $0.set("status", to: status.rawValue).set("work_done", to: report.workDone).set("progress", to: report.progress)
                        .set("milestones_reached", to: report.milestonesReached).set("problems", to: report.problems)
                        .set("next_plan", to: report.nextPlan).set("self_status", to: report.selfStatus?.rawValue)
                        .set("updated_by", to: username)
                    if submitting { update = update.set("submitted_on", to: today.iso).set("late", to: late) }
                    return update
                }
            } else {
                guard command.version == 0 else { throw DomainError.staleEdit(current: 0) }
                reportID = UUID()
                try await ReportRows.insert(
                    ReportRows.Report(id: reportID, roundID: scope.round.id, taskID: scope.task.id, unitID: unitID, status: status,
                                      workDone: report.workDone, progress: report.progress, milestonesReached: report.milestonesReached,
                                      problems: report.problems, nextPlan: report.nextPlan, selfStatus: report.selfStatus,
                                      submittedOn: submitting ? today.iso : nil, late: late),
                    updatedBy: username, at: writer.now, on: db)
            }
            try await ReportRows.appendEvent(.init(reportID: reportID, step: submitting ? "submit" : "save", status: status,
                                                   comment: late ? "late" : "", actor: username, at: writer.now,
                                                   reportVersion: (existing?.version ?? 0) + 1), on: db)
            try await AuditLog.append(.init(action: submitting ? "report.submit" : "report.save", targetType: "task",
                                            targetID: scope.task.id.uuidString,
                                            summary: "\(scope.round.month) \(scope.task.number) \(report.progress.map { "\($0)%" } ?? "")\(late ? " late" : "")"),
                                      by: writer.who, at: writer.now, on: db)
        }
        return submitting ? .submit : .save
    }

    /// Saves the acting cooperating unit's input.
    static func saveInput(_ command: SaveInput, in scope: DispatchController.ReportScope, by writer: Writer, on database: any Database) async throws {
        let unitID = try UnitWork.input.actingUnit(scope.user.actor.unitID, role: scope.unitRole)
        let text = command.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= Dispatch.maximumTextLength else {
            throw DomainError.missing("text", zh: "请填写本月配合工作情况（不超过 \(Dispatch.maximumTextLength) 字）",
                                      en: "Describe this month's cooperating work (at most \(Dispatch.maximumTextLength) characters)")
        }
        let existing = try await ReportInputModel.query(on: database).filter(\.$roundID == scope.round.id)
            .filter(\.$taskID == scope.task.id).filter(\.$unitID == unitID).first()
        let username = writer.username
        try await database.writeTransaction { db in
            if let existing {
                try await OptimisticLock.update(ReportInputModel.schema, id: try existing.requireID(), from: command.version,
                                                current: existing.version, at: writer.now, on: db) {
                    $0.set("text", to: text).set("updated_by", to: username)
                }
            } else {
                let model = ReportInputModel()
                model.roundID = scope.round.id
                model.taskID = scope.task.id
                model.unitID = unitID
                model.text = text
                model.updatedBy = username
                model.version = 1
                try await model.create(on: db)
            }
            try await AuditLog.append(.init(action: "report.input", targetType: "task", targetID: scope.task.id.uuidString,
                                            summary: "\(scope.round.month) \(scope.task.number)"), by: writer.who, at: writer.now, on: db)
        }
    }

    /// Accepts or returns the report of `command.unitID`. Returns the step done ("accept" or "return").
    static func review(_ command: ReviewReport, in scope: DispatchController.ReportScope, by writer: Writer, on database: any Database) async throws -> String {
        guard let unitID = command.unitID,
              let report = try await ReportRows.report(round: scope.round.id, task: scope.task.id, unit: unitID, on: database) else {
            throw DomainError.notFound("unitID", zh: "该单位尚未报送", en: "That unit has not reported")
        }
        let step: Dispatch.Step
        if command.accept {
            guard let progress = Int(command.verifiedProgress.trimmingCharacters(in: .whitespaces)) else {
                throw DomainError.invalid("verifiedProgress", zh: "核实进度应为 0–100 的整数", en: "Verified progress is a whole number from 0 to 100")
            }
            guard let status = ProgressStatus(rawValue: command.verifiedStatus), status != .missing else {
                throw DomainError.missing("verifiedStatus", zh: "请选择核实状态", en: "Choose the verified status")
            }
            step = .accept(progress: progress, status: status, note: command.note)
        } else {
            step = .return(reason: command.reason)
        }
        let next = try Dispatch.next(after: report.status, step, reported: (report.progress, report.selfStatus))
        let reportID = report.id
        let username = writer.username, today = writer.today.iso
        try await database.writeTransaction { db in
            try await OptimisticLock.update(ProgressReportModel.schema, id: reportID, from: command.version, current: report.version,
                                            at: writer.now, on: db) {
                switch step {
                case .accept(let progress, let status, let note):
                    $0.set("status", to: next.rawValue).set("verified_progress", to: progress).set("verified_status", to: status.rawValue)
                        .set("review_note", to: note.trimmingCharacters(in: .whitespacesAndNewlines))
                        .set("reviewed_by", to: username).set("reviewed_on", to: today)
                default:
                    $0.set("status", to: next.rawValue).set("return_reason", to: command.reason.trimmingCharacters(in: .whitespacesAndNewlines))
                        .set("reviewed_by", to: username).set("reviewed_on", to: today)
                }
            }
            let comment = command.accept ? command.note : command.reason
            try await ReportRows.appendEvent(.init(reportID: reportID, step: step.name, status: next,
                                                   comment: comment.trimmingCharacters(in: .whitespacesAndNewlines), actor: username,
                                                   at: writer.now, reportVersion: report.version + 1), on: db)
            try await AuditLog.append(.init(action: "report.\(step.name)", targetType: "task", targetID: scope.task.id.uuidString,
                                            summary: "\(scope.round.month) \(scope.task.number) unit \(unitID.uuidString)\(command.accept ? " verified \(command.verifiedProgress)%" : "")"),
                                      by: writer.who, at: writer.now, on: db)
        }
        return step.name
    }

    /// The office closes an open round at the version it saw.
    static func closeRound(_ round: DispatchStore.Round, version: Int?, plan: Plan, by writer: Writer, on database: any Database) async throws {
        guard writer.may(.managePlans, in: plan.jurisdictionCode) else { throw DomainError.planNotFound(plan.id) }
        guard round.status == .open else {
            throw DomainError(.conflict, zh: "本轮调度已结束", en: "The round is already closed", field: "status")
        }
        try await database.writeTransaction { db in
            try await OptimisticLock.update(ReportRoundModel.schema, id: round.id, from: version, current: round.version, at: writer.now, on: db) {
                $0.set("status", to: Dispatch.RoundStatus.closed.rawValue)
            }
            try await AuditLog.append(.init(action: "round.close", targetType: "plan", targetID: plan.id.uuidString, summary: "\(round.month)"),
                                      by: writer.who, at: writer.now, on: db)
        }
    }

    struct SaveRules: Sendable {
        var form: DispatchSettings.Form
        /// The version of the rules in force the form was made from.
        var version: Int?
    }

    /// The office saves a new version of the plan's colour rules and reporting day; the versions
    /// before it stay, for the months they decided.
    static func saveRules(_ command: SaveRules, plan: Plan, by writer: Writer, cache: LedgerCache, on database: any Database) async throws {
        guard writer.may(.managePlans, in: plan.jurisdictionCode) else { throw DomainError.forbidden }
        let current = try await DispatchStore.settings(for: plan, cache: cache, on: database)
        guard command.version == current.version else { throw DomainError.staleEdit(current: current.version) }
        let (next, note) = try DispatchSettings.next(after: current, jurisdiction: plan.jurisdictionCode, year: plan.year, form: command.form).get()
        let model = RuleSetModel()
        model.jurisdictionCode = plan.jurisdictionCode
        model.year = plan.year
        model.version = next.version
        model.name = next.rules.name
        model.yellowFrom = next.rules.yellowFrom
        model.redFrom = next.rules.redFrom
        model.aheadFrom = next.rules.aheadFrom
        model.blueWithinDays = next.rules.blueWithinDays
        model.roundDueDay = next.roundDueDay
        model.note = note
        model.createdBy = writer.username
        do {
            try await database.writeTransaction { db in
                try await model.create(on: db)
                try await AuditLog.append(.init(action: "ruleset.save", targetType: "plan", targetID: plan.id.uuidString,
                                                summary: "\(next.rules.name): yellow \(next.rules.yellowFrom), red \(next.rules.redFrom), ahead \(next.rules.aheadFrom), blue \(next.rules.blueWithinDays) d, due day \(next.roundDueDay)"),
                                          by: writer.who, at: writer.now, on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw DomainError.staleEdit(current: next.version)  // another instance saved the same version first
        }
    }


    // MARK: Evidence (佐证材料)

    /// How many files one report may carry.
    static let attachmentsPerReport = 20

    /// The acting lead unit attaches evidence to its report while it may edit it (a draft, or returned).
    static func attachEvidence(_ upload: AttachmentStore.Upload, to scope: DispatchController.ReportScope, by writer: Writer,
                               storage: AttachmentStore.Storage, on database: any Database) async throws -> AttachmentModel {
        let unitID = try UnitWork.report.actingUnit(writer.actor?.unitID, role: scope.unitRole)
        guard let report = try await ReportRows.report(round: scope.round.id, task: scope.task.id, unit: unitID, on: database),
              Dispatch.unitMayEdit(report.status) else {
            throw DomainError(.conflict, zh: "请先保存报送草稿再上传佐证材料；已报送的进展退回后才能补充",
                              en: "Save a draft of the report first; a submitted report takes evidence only after it is returned", field: "file")
        }
        let reportID = report.id
        guard try await AttachmentModel.query(on: database).filter(\.$report.$id == reportID).count() < attachmentsPerReport else {
            throw DomainError(.conflict, zh: "每份报送最多 \(attachmentsPerReport) 个佐证材料", en: "A report takes at most \(attachmentsPerReport) files", field: "file")
        }
        let model = AttachmentModel()
        try await AttachmentStore.store(upload, in: storage, on: database) { id, accepted, data, db in
            model.id = id
            model.$report.id = reportID
            model.fileName = accepted.fileName
            model.contentType = accepted.contentType
            model.size = data.readableBytes
            model.sha256 = Secrets.sha256Hex(data: data)
            model.uploadedBy = writer.username
            try await model.create(on: db)
            try await AuditLog.append(.init(action: "attachment.upload", targetType: "report", targetID: reportID.uuidString,
                                            summary: "\(accepted.fileName) (\(data.readableBytes) bytes)"), by: writer.who, at: writer.now, on: db)
        }
        return model
    }

    /// The reporting unit removes a file of its report while it may edit it.
    static func removeEvidence(_ attachment: AttachmentModel, of report: ProgressReportModel, by writer: Writer,
                               storage: AttachmentStore.Storage, on database: any Database) async throws {
        guard writer.actor?.unitID == report.unitID, Dispatch.unitMayEdit(report.status) else {
            throw DomainError(.conflict, zh: "只有报送单位可在报送前（或退回后）删除佐证材料", en: "Only the reporting unit removes evidence, before submitting or after a return",
                              field: "attachmentID")
        }
        let id = try attachment.requireID(), reportID = try report.requireID(), fileName = attachment.fileName
        try await database.writeTransaction { db in
            try await AttachmentModel.query(on: db).filter(\.$id == id).delete()
            try await AttachmentStore.remove(id, in: storage, on: db)
            try await AuditLog.append(.init(action: "attachment.delete", targetType: "report", targetID: reportID.uuidString, summary: fileName),
                                      by: writer.who, at: writer.now, on: db)
        }
        AttachmentStore.removeFile(id, in: storage)
    }
}

/// The commands as a web form sends them.
extension DispatchService.SaveReport {
    init(form fields: [String: String]) {
        self.init(submit: fields["step"] == "submit", version: Int(fields["version"] ?? "0"),
                  form: Dispatch.ReportForm(workDone: fields["workDone"] ?? "", progress: fields["progress"] ?? "",
                                            milestonesReached: fields["milestonesReached"] ?? "", problems: fields["problems"] ?? "",
                                            nextPlan: fields["nextPlan"] ?? "", selfStatus: fields["selfStatus"] ?? ""))
    }
}

extension DispatchService.SaveInput {
    init(form fields: [String: String]) {
        self.init(text: fields["text"] ?? "", version: fields["version"].flatMap { Int($0) })
    }
}

extension DispatchService.ReviewReport {
    init(form fields: [String: String]) {
        self.init(unitID: fields["unitID"].flatMap(UUID.init(uuidString:)), accept: fields["step"] == "accept",
                  version: fields["version"].flatMap { Int($0) }, verifiedProgress: fields["verifiedProgress"] ?? "",
                  verifiedStatus: fields["verifiedStatus"] ?? "", note: fields["note"] ?? "", reason: fields["reason"] ?? "")
    }
}
