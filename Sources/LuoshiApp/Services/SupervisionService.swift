import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// Writes of the escalation ladder (督办): the office opens a step (催办, 督办单, 限期整改, 通报批评,
/// 约谈), possibly escalating an earlier one, or dismisses a proposal; the addressed unit replies;
/// the office closes the step or returns it with a new date. Each checks the rules in
/// `Supervision` (LuoshiDomain), writes in one transaction with its event and audit row, and
/// answers with the step's outcome or a typed error (the field's problem, 409 naming the current
/// version, 403 for a unit not addressed).
enum SupervisionService {
    struct OpenStep: Sendable {
        var form: Supervision.Form
        /// The step this one escalates, if any (same task and unit).
        var previousID: String?
    }

    struct DismissProposal: Sendable {
        var key: String
        var reason: String
    }

    struct ReplyToStep: Sendable {
        var reply: String
        var version: Int?
    }

    struct ReviewStep: Sendable {
        var reopen: Bool
        var note: String
        /// Reopening: the new reply date.
        var deadline: String
        var version: Int?
    }

    static func open(_ command: OpenStep, plan: Plan, catalog: CatalogSnapshot, by writer: Writer, app: Application,
                     on database: any Database) async throws -> SupervisionItemModel {
        guard writer.may(.managePlans, in: plan.jurisdictionCode) else { throw DomainError.planNotFound(plan.id) }
        let tasks = Dictionary(uniqueKeysWithValues: (catalog.tasksByPlan[plan.id] ?? []).map { ($0.id, $0) })
        let draft = try Supervision.draft(command.form, tasks: tasks, today: writer.today).get()
        var previous: SupervisionItemModel?
        if let text = command.previousID?.nonBlank {
            guard let id = UUID(uuidString: text), let item = try await SupervisionItemModel.find(id, on: database), item.$plan.id == plan.id,
                  item.taskID == draft.task.id, item.unitID == draft.unitID else {
                throw DomainError.invalid("previous", zh: "升级的督办事项应为同一任务、同一单位", en: "An escalation continues a step of the same task and unit")
            }
            previous = item
        }
        let item = try await SupervisionStore.create(draft, plan: plan, previous: previous, by: writer.who, now: writer.now, on: database)
        try await SupervisionStore.notify(item, catalog: catalog, app: app, sentBy: writer.username, now: writer.now)
        return item
    }

    static func dismiss(_ command: DismissProposal, plan: Plan, catalog: CatalogSnapshot, by writer: Writer, app: Application,
                        on database: any Database) async throws {
        guard writer.may(.managePlans, in: plan.jurisdictionCode) else { throw DomainError.planNotFound(plan.id) }
        let items = try await SupervisionStore.items(planID: plan.id, on: database)
        let proposals = try await SupervisionStore.proposals(plan: plan, catalog: catalog, items: items, app: app, today: writer.today, on: database)
        guard let proposal = proposals.first(where: { $0.key == command.key }) else {
            throw DomainError.notFound("key", zh: "该提议已不存在（可能已处理）", en: "No such proposal (it may have been dealt with)")
        }
        let dismissal = SupervisionDismissalModel()
        dismissal.jurisdictionCode = plan.jurisdictionCode
        dismissal.proposalKey = proposal.key
        dismissal.reason = command.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        dismissal.dismissedBy = writer.username
        do {
            try await database.writeTransaction { db in
                try await dismissal.create(on: db)
                try await AuditLog.append(.init(action: "supervision.dismiss", targetType: "task", targetID: proposal.taskID.uuidString,
                                                summary: "\(proposal.kind.rawValue) proposal for unit \(proposal.unitID.uuidString): \(proposal.reason.zh)"),
                                          by: writer.who, at: writer.now, on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Dismissed by someone else a moment ago: the outcome is the same.
        }
    }

    static func reply(_ command: ReplyToStep, to item: SupervisionItemModel, by writer: Writer, on database: any Database) async throws -> String {
        try requireAddressedUnit(item, writer)
        let text = command.reply.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= Supervision.maximumTextLength else {
            throw DomainError.missing("reply", zh: "请填写答复内容（不超过 \(Supervision.maximumTextLength) 字）",
                                      en: "Write the reply (at most \(Supervision.maximumTextLength) characters)")
        }
        let status = try Supervision.next(after: item.status, kind: item.kind, .reply)
        let id = try item.requireID()
        try await database.writeTransaction { db in
            try await OptimisticLock.update(SupervisionItemModel.schema, id: id, from: command.version, current: item.version, at: writer.now, on: db) {
                $0.set("status", to: status.rawValue).set("reply", to: text).set("replied_by", to: writer.username)
                    .set("replied_on", to: writer.today.iso)
            }
            try await SupervisionStore.recordEvent(id, step: "reply", status: status, note: "", by: writer.username, on: db)
            try await AuditLog.append(.init(action: "supervision.reply", targetType: "task", targetID: item.taskID.uuidString,
                                            summary: "\(item.kind.rawValue) #\(item.sequence)"), by: writer.who, at: writer.now, on: db)
        }
        return "replied"
    }

    static func review(_ command: ReviewStep, of item: SupervisionItemModel, by writer: Writer, on database: any Database) async throws -> String {
        let note = command.note.trimmingCharacters(in: .whitespacesAndNewlines)
        let status = try Supervision.next(after: item.status, kind: item.kind, command.reopen ? .reopen : .close)
        var deadline = item.deadline
        if command.reopen {
            guard !note.isEmpty else { throw DomainError.missing("note", zh: "退回时请写明不足之处", en: "Say what is still missing") }
            guard let date = CalendarDate(iso: command.deadline.trimmingCharacters(in: .whitespaces)), date > writer.today else {
                throw DomainError.invalid("deadline", zh: "新的答复期限应为今天之后的日期", en: "The new reply date is after today")
            }
            deadline = date.iso
        }
        let newDeadline = deadline
        let id = try item.requireID()
        try await database.writeTransaction { db in
            try await OptimisticLock.update(SupervisionItemModel.schema, id: id, from: command.version, current: item.version, at: writer.now, on: db) {
                $0.set("status", to: status.rawValue).set("review_note", to: note).set("deadline", to: newDeadline)
            }
            try await SupervisionStore.recordEvent(id, step: command.reopen ? "reopen" : "close", status: status, note: note, by: writer.username, on: db)
            try await AuditLog.append(.init(action: command.reopen ? "supervision.reopen" : "supervision.close", targetType: "task",
                                            targetID: item.taskID.uuidString,
                                            summary: "\(item.kind.rawValue) #\(item.sequence)\(command.reopen ? " until \(newDeadline ?? "")" : "")"),
                                      by: writer.who, at: writer.now, on: db)
        }
        return command.reopen ? "reopened" : "closed"
    }

    /// The addressed unit attaches evidence to an open step, before its reply.
    static func attachEvidence(_ upload: AttachmentStore.Upload, to item: SupervisionItemModel, by writer: Writer,
                               storage: AttachmentStore.Storage, on database: any Database) async throws -> String {
        try requireAddressedUnit(item, writer)
        guard item.status == .open else {
            throw DomainError(.conflict, zh: "已答复或已办结的督办事项不能再上传佐证材料", en: "Evidence is attached before the reply", field: "file")
        }
        let itemID = try item.requireID(), kind = item.kind, sequence = item.sequence, taskID = item.taskID
        try await AttachmentStore.store(upload, in: storage, on: database) { id, accepted, data, db in
            try await SupervisionFileModel(id: id, item: itemID, accepted: accepted, size: data.readableBytes, sha256: Secrets.sha256Hex(data: data),
                                           by: writer.username).create(on: db)
            try await SupervisionStore.recordEvent(itemID, step: "attach", status: .open, note: accepted.fileName, by: writer.username, on: db)
            try await AuditLog.append(.init(action: "supervision.attach", targetType: "task", targetID: taskID.uuidString,
                                            summary: "\(kind.rawValue) #\(sequence): \(accepted.fileName) (\(data.readableBytes) bytes)"),
                                      by: writer.who, at: writer.now, on: db)
        }
        return "attached"
    }

    /// Only the addressed unit answers its step (and attaches its evidence).
    static func requireAddressedUnit(_ item: SupervisionItemModel, _ writer: Writer) throws {
        guard writer.actor?.unitID == item.unitID else {
            throw DomainError(.forbidden, zh: "只有督办对象单位可以答复", en: "Only the addressed unit replies", field: "reply")
        }
    }
}

/// The commands as the supervision pages' forms send them.
extension SupervisionService.OpenStep {
    init(form fields: [String: String]) {
        self.init(form: Supervision.Form(kind: fields["kind"] ?? "", taskID: fields["taskID"] ?? "", unitID: fields["unitID"] ?? "",
                                         facts: fields["facts"] ?? "", demands: fields["demands"] ?? "", deadline: fields["deadline"] ?? ""),
                  previousID: fields["previous"])
    }
}

extension SupervisionService.ReviewStep {
    init(form fields: [String: String]) {
        self.init(reopen: fields["step"] == "reopen", note: fields["note"] ?? "", deadline: fields["deadline"] ?? "",
                  version: fields["version"].flatMap { Int($0) })
    }
}
