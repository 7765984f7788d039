import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// Writes of one task's work (任务办理): consultation comments and the office's replies, charters
/// and their review, change requests and their decisions. Each checks the rules in LuoshiDomain
/// (`Consultation`, `CharterRules`, `ChangeControl`), writes in one transaction with its audit row
/// (the database bumps the data version in it) and answers with the step's name or a typed error:
/// the fields' problems, 409 naming the current version, or not found.
enum TaskWorkService {
    typealias Scope = TaskWorkController.Scope

    struct AddComment: Sendable {
        var stance: String
        var text: String
    }

    struct ReplyToComment: Sendable {
        var commentID: UUID
        var decision: String
        var reply: String
        var version: Int?
    }

    struct SaveCharter: Sendable {
        var submit: Bool
        var charter: Charter
        /// What the form could not read (numbers, dates), named by field.
        var readProblems: [DomainError]
        /// The version the form was made from; 0 for a charter not yet saved.
        var version: Int?
    }

    struct ReviewCharter: Sendable {
        var unitID: UUID?
        var approve: Bool
        var comment: String
        var version: Int?
    }

    struct RequestChange: Sendable {
        var kind: String
        var proposed: String
        var reason: String
    }

    struct DecideChange: Sendable {
        var requestID: UUID
        var approve: Bool
        var note: String
        var version: Int?
    }

    // MARK: Consultation

    static func addComment(_ command: AddComment, in scope: Scope, by writer: Writer, on database: any Database) async throws -> String {
        guard let unitID = writer.actor?.unitID, scope.unitRole != nil else { throw DomainError.taskNotFound(scope.task.id) }
        let stance = Consultation.Stance(rawValue: command.stance)
        let problems = Consultation.commentProblems(stance: stance, text: command.text, planStatus: scope.plan.status)
        guard problems.isEmpty, let stance else { throw Problems(problems) }
        try await database.writeTransaction { db in
            let comment = TaskCommentModel()
            comment.$task.id = scope.task.id
            comment.planID = scope.plan.id
            comment.unitID = unitID
            comment.stance = stance
            comment.text = command.text.trimmingCharacters(in: .whitespacesAndNewlines)
            comment.author = writer.username
            comment.decision = .pending
            comment.version = 1
            try await comment.create(on: db)
            try await AuditLog.append(.init(action: "task.comment", targetType: "task", targetID: scope.task.id.uuidString,
                                            summary: "\(scope.task.number) \(stance.rawValue)"), by: writer.who, at: writer.now, on: db)
        }
        return "comment"
    }

    static func reply(_ command: ReplyToComment, in scope: Scope, by writer: Writer, on database: any Database) async throws -> String {
        let decision = Consultation.Decision(rawValue: command.decision)
        let reply = command.reply.trimmingCharacters(in: .whitespacesAndNewlines)
        let problems = Consultation.replyProblems(decision: decision, reply: reply, planStatus: scope.plan.status)
        guard problems.isEmpty, let decision else { throw Problems(problems) }
        guard let comment = try await TaskCommentModel.query(on: database).filter(\.$id == command.commentID)
            .filter(\.$task.$id == scope.task.id).first() else {
            throw DomainError.notFound("commentID", zh: "意见不存在", en: "No such comment")
        }
        try await database.writeTransaction { db in
            try await OptimisticLock.update(TaskCommentModel.schema, id: command.commentID, from: command.version, current: comment.version,
                                            at: writer.now, on: db) {
                $0.set("decision", to: decision.rawValue).set("reply", to: reply).set("replied_by", to: writer.username)
            }
            try await AuditLog.append(.init(action: "task.comment.reply", targetType: "task", targetID: scope.task.id.uuidString,
                                            summary: "\(scope.task.number) comment \(command.commentID.uuidString): \(decision.rawValue)"),
                                      by: writer.who, at: writer.now, on: db)
        }
        return "reply"
    }

    // MARK: Charters

    static func saveCharter(_ command: SaveCharter, in scope: Scope, by writer: Writer, on database: any Database) async throws -> String {
        let unitID = try UnitWork.charter.actingUnit(writer.actor?.unitID, role: scope.unitRole)
        guard scope.plan.status == .issued else {
            throw DomainError(.conflict, zh: "方案印发后才能填报任务书", en: "Charters are written after the plan is issued", field: "status")
        }
        let step: CharterRules.Step = command.submit ? .submit : .save
        let existing = try await CharterModel.query(on: database).filter(\.$task.$id == scope.task.id).filter(\.$unitID == unitID).first()
        let status = try CharterRules.next(after: existing?.status, step)
        let problems = command.readProblems + (command.submit ? CharterRules.problems(command.charter, task: scope.task, year: scope.plan.year)
                                                              : CharterRules.lengthProblems(command.charter))
        guard problems.isEmpty else { throw Problems(problems) }
        let content = try CharterModel.encode(command.charter)
        try await database.writeTransaction { db in
            let charterID: UUID
            if let existing {
                charterID = try existing.requireID()
                try await OptimisticLock.update(CharterModel.schema, id: charterID, from: command.version, current: existing.version,
                                                at: writer.now, on: db) {
                    $0.set("status", to: status.rawValue).set("content", to: content).set("updated_by", to: writer.username)
                }
            } else {
                guard command.version == 0 else { throw DomainError.staleEdit(current: 0) }
                let model = CharterModel()
                model.$task.id = scope.task.id
                model.unitID = unitID
                model.status = status
                model.content = content
                model.version = 1
                model.updatedBy = writer.username
                try await model.create(on: db)
                charterID = try model.requireID()
            }
            try await recordCharterEvent(charterID, step: step, status: status, comment: "", content: content, by: writer.username, on: db)
            try await AuditLog.append(.init(action: "charter.\(step.name)", targetType: "task", targetID: scope.task.id.uuidString,
                                            summary: "\(scope.task.number) → \(status.rawValue)"), by: writer.who, at: writer.now, on: db)
        }
        return step.name
    }

    static func reviewCharter(_ command: ReviewCharter, in scope: Scope, by writer: Writer, on database: any Database) async throws -> String {
        guard let unitID = command.unitID,
              let charter = try await CharterModel.query(on: database).filter(\.$task.$id == scope.task.id).filter(\.$unitID == unitID).first() else {
            throw DomainError.notFound("unitID", zh: "该单位尚未提交任务书", en: "That unit has no charter for this task")
        }
        let comment = command.comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard comment.count <= CharterRules.maximumTextLength else {
            throw DomainError.invalid("comment", zh: "意见不能超过 \(CharterRules.maximumTextLength) 字", en: "At most \(CharterRules.maximumTextLength) characters")
        }
        let step: CharterRules.Step = command.approve ? .approve(comment: comment) : .return(comment: comment)
        let status = try CharterRules.next(after: charter.status, step)
        try await database.writeTransaction { db in
            let charterID = try charter.requireID()
            try await OptimisticLock.update(CharterModel.schema, id: charterID, from: command.version, current: charter.version, at: writer.now, on: db) {
                $0.set("status", to: status.rawValue).set("updated_by", to: writer.username)
            }
            try await recordCharterEvent(charterID, step: step, status: status, comment: comment, content: charter.content, by: writer.username, on: db)
            try await AuditLog.append(.init(action: "charter.\(step.name)", targetType: "task", targetID: scope.task.id.uuidString,
                                            summary: "\(scope.task.number) unit \(unitID.uuidString) → \(status.rawValue)"),
                                      by: writer.who, at: writer.now, on: db)
        }
        return step.name
    }

    private static func recordCharterEvent(_ charterID: UUID, step: CharterRules.Step, status: CharterStatus, comment: String,
                                           content: String, by actor: String, on db: any Database) async throws {
        let event = CharterEventModel()
        event.$charter.id = charterID
        event.step = step.name
        event.status = status
        event.comment = comment
        event.content = content
        event.actor = actor
        try await event.create(on: db)
    }

    // MARK: Change control

    static func requestChange(_ command: RequestChange, in scope: Scope, by writer: Writer, on database: any Database) async throws -> String {
        let unitID = try UnitWork.changeRequest.actingUnit(writer.actor?.unitID, role: scope.unitRole)
        guard let kind = ChangeControl.Kind(rawValue: command.kind) else {
            throw DomainError.missing("kind", zh: "请选择申请类型", en: "Choose what to change")
        }
        let request = ChangeControl.Request(kind: kind, proposed: command.proposed, reason: command.reason)
        let pending = try await ChangeRequestModel.query(on: database).filter(\.$task.$id == scope.task.id).filter(\.$status == .pending).all()
        let problems = ChangeControl.problems(request, task: scope.task, planStatus: scope.plan.status, pendingKinds: Set(pending.map(\.kind)))
        guard problems.isEmpty else { throw Problems(problems) }
        try await database.writeTransaction { db in
            let model = ChangeRequestModel()
            model.$task.id = scope.task.id
            model.unitID = unitID
            model.kind = kind
            model.currentValue = ChangeControl.current(kind, of: scope.task)
            model.proposed = request.proposed.trimmingCharacters(in: .whitespacesAndNewlines)
            model.reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            model.status = .pending
            model.note = ""
            model.requestedBy = writer.username
            model.version = 1
            try await model.create(on: db)
            try await AuditLog.append(.init(action: "change.request", targetType: "task", targetID: scope.task.id.uuidString,
                                            summary: "\(scope.task.number) \(kind.rawValue): \(model.currentValue) → \(model.proposed)"),
                                      by: writer.who, at: writer.now, on: db)
        }
        return "request"
    }

    static func decideChange(_ command: DecideChange, in scope: Scope, by writer: Writer, on database: any Database) async throws -> String {
        guard let request = try await ChangeRequestModel.query(on: database).filter(\.$id == command.requestID)
            .filter(\.$task.$id == scope.task.id).first() else {
            throw DomainError.notFound("requestID", zh: "申请不存在", en: "No such request")
        }
        let note = command.note.trimmingCharacters(in: .whitespacesAndNewlines)
        let status = try ChangeControl.decide(request.status, approve: command.approve, note: note)
        let today = writer.today
        try await database.writeTransaction { db in
            try await OptimisticLock.update(ChangeRequestModel.schema, id: command.requestID, from: command.version, current: request.version,
                                            at: writer.now, on: db) {
                $0.set("status", to: status.rawValue).set("note", to: note).set("decided_by", to: writer.username).set("decided_on", to: today.iso)
            }
            if command.approve {
                let (changed, revision) = ChangeControl.apply(request.request, to: scope.task, on: today, by: writer.username)
                try await TaskStore.updateBaselineFields(changed, at: writer.now, on: db)
                let model = TaskRevisionModel()
                model.$task.id = scope.task.id
                model.requestID = command.requestID
                model.kind = revision.kind
                model.before = revision.before
                model.after = revision.after
                model.approvedOn = revision.approvedOn.iso
                model.approvedBy = revision.approvedBy
                try await model.create(on: db)
            }
            try await AuditLog.append(.init(action: command.approve ? "change.approve" : "change.reject", targetType: "task",
                                            targetID: scope.task.id.uuidString,
                                            summary: "\(scope.task.number) \(request.kind.rawValue): \(request.currentValue) → \(request.proposed)"),
                                      by: writer.who, at: writer.now, on: db)
        }
        return command.approve ? "approve" : "reject"
    }
}

/// The commands as the task work page's forms send them.
extension TaskWorkService.AddComment {
    init(form fields: [String: String]) { self.init(stance: fields["stance"] ?? "", text: fields["text"] ?? "") }
}

extension TaskWorkService.ReplyToComment {
    init(form fields: [String: String], commentID: UUID) {
        self.init(commentID: commentID, decision: fields["decision"] ?? "", reply: fields["reply"] ?? "", version: fields["version"].flatMap { Int($0) })
    }
}

extension TaskWorkService.SaveCharter {
    init(form fields: [String: String]) {
        let (charter, problems) = Charter.read(formFields: fields)
        self.init(submit: fields["step"] == "submit", charter: charter, readProblems: problems, version: Int(fields["version"] ?? "0"))
    }
}

extension TaskWorkService.ReviewCharter {
    init(form fields: [String: String]) {
        self.init(unitID: fields["unitID"].flatMap(UUID.init(uuidString:)), approve: fields["step"] == "approve",
                  comment: fields["comment"] ?? "", version: fields["version"].flatMap { Int($0) })
    }
}

extension TaskWorkService.RequestChange {
    init(form fields: [String: String]) {
        self.init(kind: fields["kind"] ?? "", proposed: fields["proposed"] ?? "", reason: fields["reason"] ?? "")
    }
}

extension TaskWorkService.DecideChange {
    init(form fields: [String: String], requestID: UUID) {
        self.init(requestID: requestID, approve: fields["decision"] == "approve", note: fields["note"] ?? "",
                  version: fields["version"].flatMap { Int($0) })
    }
}
