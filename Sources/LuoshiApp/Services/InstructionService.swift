import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// Writes of leaders' instructions (批示): a leader writes one on a task, a report or a bulletin of
/// their jurisdiction, and each recipient acknowledges it and reports back. Each checks the rules
/// in `Instruction` (LuoshiDomain), writes with its audit row in one transaction, and answers with
/// the outcome or a typed error (the field's problem, 404 for a target out of reach, 403 for
/// someone who is not the recipient, 409 naming the current version).
enum InstructionService {
    struct Create: Sendable {
        /// `task`, `report` or `bulletin` (`Instruction.Target`).
        var target: String
        var text: String
        var taskID: UUID?
        /// A report: its round and unit, with `taskID`.
        var roundID: UUID?
        var unitID: UUID?
        var bulletinID: UUID?
    }

    struct Respond: Sendable {
        var responseID: UUID?
        /// Report back with `reply`; otherwise acknowledge.
        var reply: Bool
        var text: String
        var version: Int?
    }

    /// Writes the instruction and a pending response for each recipient, then tells the recipient
    /// units (inbox, and email and webhook where set). Returns its id.
    static func create(_ command: Create, catalog: CatalogSnapshot, by writer: Writer, app: Application,
                       on database: any Database) async throws -> UUID {
        guard let actor = writer.actor, Policy.can(actor, .instruct) else {
            throw DomainError(.forbidden, zh: "只有领导可以作出批示", en: "Only leaders write instructions", field: "target")
        }
        guard let target = Instruction.Target(rawValue: command.target) else {
            throw DomainError.invalid("target", zh: "批示对象应为任务、进展报告或督查通报", en: "An instruction is on a task, a report or a bulletin")
        }
        let text = try Instruction.text(command.text, field: "text")
        let notFound = DomainError.notFound("target", zh: "批示对象不存在", en: "No such task, report or bulletin")
        let model = InstructionModel()
        var task: PlanTask?, reportUnit: UUID?
        switch target {
        case .task, .report:
            guard let id = command.taskID, let found = catalog.tasksByID[id], let plan = catalog.plansByID[found.planID],
                  writer.may(.instruct, in: plan.jurisdictionCode) else { throw notFound }
            task = found
            model.$plan.id = plan.id
            model.taskID = id
            if target == .report {
                guard let roundID = command.roundID, let unitID = command.unitID,
                      try await ReportRows.report(round: roundID, task: id, unit: unitID, on: database) != nil else { throw notFound }
                model.roundID = roundID
                model.reportUnitID = unitID
                reportUnit = unitID
            }
        case .bulletin:
            guard let id = command.bulletinID, let bulletin = try await BulletinModel.find(id, on: database),
                  writer.may(.instruct, in: bulletin.jurisdictionCode) else { throw notFound }
            model.$plan.id = bulletin.$plan.id
            model.bulletinID = id
        }
        let leader = actor.leaderID.flatMap { catalog.leadersByID[$0] }
        model.id = UUID()
        model.jurisdictionCode = actor.jurisdictionCode
        model.leaderID = leader?.id
        model.leaderName = leader.map { "\($0.post) \($0.name)" } ?? actor.username
        model.author = actor.username
        model.target = target
        model.text = text
        let id = try model.requireID()
        let recipients = Instruction.recipients(target, task: task, reportUnit: reportUnit)
        try await database.writeTransaction { db in
            try await model.create(on: db)
            for recipient in recipients {
                let response = InstructionResponseModel()
                response.$instruction.id = id
                response.unitID = recipient.unitID
                response.status = .pending
                response.reply = ""
                response.version = 1
                try await response.create(on: db)
            }
            try await AuditLog.append(.init(action: "instruction.create", targetType: target.rawValue,
                                            targetID: (model.taskID ?? model.bulletinID)?.uuidString ?? "",
                                            summary: "\(model.leaderName) → \(recipients.count) recipient(s)"),
                                      by: writer.who, at: writer.now, on: db)
        }
        let notices = recipients.compactMap(\.unitID).map { unitID in
            Instruction.notice(id: id, leader: model.leaderName, text: text, unitID: unitID, task: task, roundID: model.roundID,
                               link: SiteURL.instruction(id).path)
        }
        if try await ReminderCenter.store(notices, jurisdiction: model.jurisdictionCode, sentBy: writer.username, app: app, now: writer.now) > 0 {
            app.reminderScheduler.deliverSoon(app)
        }
        return id
    }

    /// Acknowledges or reports back on one response of `instruction`; returns the step done.
    static func respond(_ command: Respond, to instruction: InstructionModel, responses: [InstructionResponseModel],
                        by writer: Writer, on database: any Database) async throws -> Instruction.Step {
        guard let response = responses.first(where: { $0.id != nil && $0.id == command.responseID }) else {
            throw DomainError.notFound("response", zh: "没有这一接收单位", en: "No such recipient")
        }
        guard let actor = writer.actor, Instruction.answers(recipientUnit: response.unitID, actor) else {
            throw DomainError(.forbidden, zh: "只有批示的接收单位可以签收、反馈", en: "Only a recipient acknowledges and reports back", field: "response")
        }
        let step: Instruction.Step = command.reply ? .reply : .acknowledge
        let status = try Instruction.next(after: response.status, step)
        let text = step == .reply ? try Instruction.text(command.text.trimmingCharacters(in: .whitespacesAndNewlines), field: "reply") : ""
        let responseID = try response.requireID(), instructionID = try instruction.requireID()
        let now = writer.now, username = writer.username
        let recipient = response.unitID.map { "unit \($0.uuidString)" } ?? "office"
        try await database.writeTransaction { db in
            try await OptimisticLock.update(InstructionResponseModel.schema, id: responseID, from: command.version, current: response.version,
                                            at: now, on: db) {
                var update = $0.set("status", to: status.rawValue)
                if response.acknowledgedAt == nil { update = update.set("acknowledged_by", to: username).set("acknowledged_at", to: now) }
                if step == .reply { update = update.set("reply", to: text).set("replied_by", to: username).set("replied_at", to: now) }
                return update
            }
            try await AuditLog.append(.init(action: "instruction.\(step.rawValue)", targetType: "instruction", targetID: instructionID.uuidString,
                                            summary: recipient), by: writer.who, at: now, on: db)
        }
        return step
    }
}

/// The commands as a web form sends them.
extension InstructionService.Create {
    init(form fields: [String: String]) {
        self.init(target: fields["target"] ?? "", text: fields["text"] ?? "", taskID: fields["taskID"].flatMap(UUID.init(uuidString:)),
                  roundID: fields["roundID"].flatMap(UUID.init(uuidString:)), unitID: fields["unitID"].flatMap(UUID.init(uuidString:)),
                  bulletinID: fields["bulletinID"].flatMap(UUID.init(uuidString:)))
    }
}

extension InstructionService.Respond {
    init(form fields: [String: String]) {
        self.init(responseID: fields["response"].flatMap(UUID.init(uuidString:)), reply: fields["step"] == "reply", text: fields["reply"] ?? "",
                  version: fields["version"].flatMap { Int($0) })
    }
}
