import Fluent
import Foundation
import LuoshiDomain
import LuoshiHTML
import SQLKit
import Vapor

/// 任务办理: one task's work between the office and its units — consultation comments and
/// replies, charters and their review, change requests and their decisions.
enum TaskWorkController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.taskWork, requires: .readInternal, use: page)
        routes.on(.POST, SiteURL.Route.taskComment, requires: .submitUnitWork, use: comment)
        routes.on(.POST, SiteURL.Route.taskCommentReply, requires: .managePlans, use: reply)
        routes.on(.POST, SiteURL.Route.taskCharter, requires: .submitUnitWork, use: saveCharter)
        routes.on(.POST, SiteURL.Route.taskCharterReview, requires: .managePlans, use: reviewCharter)
        routes.on(.POST, SiteURL.Route.taskChange, requires: .submitUnitWork, use: requestChange)
        routes.on(.POST, SiteURL.Route.taskChangeDecision, requires: .managePlans, use: decideChange)
        routes.on(.GET, SiteURL.Route.apiTaskWork, requires: .readInternal, use: api)
    }

    /// The task as the signed-in user may see it: in their jurisdiction and, for unit staff, one
    /// their unit leads or cooperates on. Anything else is "not found", so ids reveal nothing.
    struct Scope {
        var task: PlanTask
        var plan: Plan
        var snapshot: CatalogSnapshot
        var user: CurrentUser
        var unitRole: TaskUnitRole?
    }

    static func scope(_ req: Request) async throws -> Scope {
        let id = try req.uuidParameter("taskID")
        let user = try req.requireUser()
        let snapshot = try await req.catalog()
        guard let task = snapshot.tasksByID[id], let plan = snapshot.plansByID[task.planID],
              plan.jurisdictionCode == user.actor.jurisdictionCode else { throw DomainError.taskNotFound(id) }
        let unitRole = TaskUnitRole.of(user.actor.unitID, on: task)
        if user.actor.role == .unitStaff, unitRole == nil { throw DomainError.taskNotFound(id) }
        return Scope(task: task, plan: plan, snapshot: snapshot, user: user, unitRole: unitRole)
    }

    // MARK: Page and API

    @Sendable static func page(_ req: Request) async throws -> Response {
        try await render(req, try await scope(req))
    }

    static func render(_ req: Request, _ scope: Scope, errors: [DomainError] = [], drafts: TaskWorkPage.Drafts = .init()) async throws -> Response {
        let record = try await TaskWorkRecord.load(scope.task, on: req.db)
        let model = TaskWorkPage.Model(
            plan: scope.plan, part: scope.snapshot.partsByPlan[scope.plan.id]?.first { $0.number == scope.task.number.part },
            listing: scope.snapshot.listing(scope.task), revisions: scope.snapshot.revisionsByTask[scope.task.id] ?? [],
            record: record, actor: scope.user.actor, unitRole: scope.unitRole,
            unitName: { scope.snapshot.unitsByID[$0]?.shortName ?? "" }, csrfToken: scope.user.csrfToken ?? "",
            errors: errors, drafts: drafts, notice: req.query[String.self, at: "done"],
            instructions: try await InstructionController.summaries(InstructionModel.query(on: req.db).filter(\.$taskID == scope.task.id),
                                                                   catalog: scope.snapshot, strings: req.pageContext(section: .workbench).strings.instructions,
                                                                   on: req.db))
        let status = errors.first?.status ?? .ok
        return req.htmlResponse(TaskWorkPage.render(model, context: req.pageContext(section: .workbench)), status: status)
    }

    @Sendable static func api(_ req: Request) async throws -> TaskWorkDTO {
        let scope = try await scope(req)
        let record = try await TaskWorkRecord.load(scope.task, on: req.db)
        return TaskWorkDTO(record, task: scope.task, snapshot: scope.snapshot)
    }

    /// Runs `action`; a rule it breaks is shown on the page with what the user typed.
    private static func handle(_ req: Request, drafts: TaskWorkPage.Drafts = .init(), anchor: String,
                               _ action: (Scope) async throws -> String) async throws -> Response {
        let scope = try await scope(req)
        return try await savingForm({
            let done = try await action(scope)
            return req.redirect(to: SiteURL.taskWork(scope.task.id).path + "?done=\(done)#\(anchor)", redirectType: .normal)
        }, showAgain: { try await render(req, scope, errors: $0, drafts: drafts) })
    }

    private static func form(_ req: Request) throws -> [String: String] {
        try req.content.decode([String: String].self)
    }

    // MARK: Consultation

    @Sendable static func comment(_ req: Request) async throws -> Response {
        let fields = try form(req)
        return try await handle(req, drafts: .init(fields: fields), anchor: "comments") { scope in
            guard let unitID = scope.user.actor.unitID, scope.unitRole != nil else { throw DomainError.taskNotFound(scope.task.id) }
            let stance = fields["stance"].flatMap(Consultation.Stance.init(rawValue:))
            let text = fields["text"] ?? ""
            let problems = Consultation.commentProblems(stance: stance, text: text, planStatus: scope.plan.status)
            guard problems.isEmpty, let stance else { throw Problems(problems) }
            try await req.db.transaction { db in
                let comment = TaskCommentModel()
                comment.$task.id = scope.task.id
                comment.planID = scope.plan.id
                comment.unitID = unitID
                comment.stance = stance
                comment.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
                comment.author = scope.user.actor.username
                comment.decision = .pending
                comment.version = 1
                try await comment.create(on: db)
                try await AuditLog.append(.init(action: "task.comment", targetType: "task", targetID: scope.task.id.uuidString,
                                                summary: "\(scope.task.number) \(stance.rawValue)"), by: req.auditWho, at: req.now, on: db)
            }
            return "comment"
        }
    }

    @Sendable static func reply(_ req: Request) async throws -> Response {
        let fields = try form(req)
        let commentID = try req.uuidParameter("commentID")
        return try await handle(req, drafts: .init(fields: fields, commentID: commentID), anchor: "comments") { scope in
            let decision = fields["decision"].flatMap(Consultation.Decision.init(rawValue:))
            let reply = (fields["reply"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let problems = Consultation.replyProblems(decision: decision, reply: reply, planStatus: scope.plan.status)
            guard problems.isEmpty, let decision else { throw Problems(problems) }
            guard let comment = try await TaskCommentModel.query(on: req.db).filter(\.$id == commentID)
                .filter(\.$task.$id == scope.task.id).first() else {
                throw DomainError.notFound("commentID", zh: "意见不存在", en: "No such comment")
            }
            try await req.db.transaction { db in
                try await OptimisticLock.update(TaskCommentModel.schema, id: commentID, from: fields["version"], current: comment.version, at: req.now, on: db) {
                    $0.set("decision", to: decision.rawValue).set("reply", to: reply).set("replied_by", to: scope.user.actor.username)
                }
                try await AuditLog.append(.init(action: "task.comment.reply", targetType: "task", targetID: scope.task.id.uuidString,
                                                summary: "\(scope.task.number) comment \(commentID.uuidString): \(decision.rawValue)"),
                                          by: req.auditWho, at: req.now, on: db)
            }
            return "reply"
        }
    }

    // MARK: Charters

    @Sendable static func saveCharter(_ req: Request) async throws -> Response {
        let fields = try form(req)
        return try await handle(req, drafts: .init(fields: fields), anchor: "charter") { scope in
            let unitID = try UnitWork.charter.actingUnit(scope.user.actor.unitID, role: scope.unitRole)
            guard scope.plan.status == .issued else {
                throw DomainError(.conflict, zh: "方案印发后才能填报任务书", en: "Charters are written after the plan is issued", field: "status")
            }
            let step: CharterRules.Step = fields["step"] == "submit" ? .submit : .save
            let existing = try await CharterModel.query(on: req.db).filter(\.$task.$id == scope.task.id).filter(\.$unitID == unitID).first()
            let status = try CharterRules.next(after: existing?.status, step)
            let (charter, readProblems) = Charter.read(formFields: fields)
            let problems = readProblems + (step == .submit ? CharterRules.problems(charter, task: scope.task, year: scope.plan.year)
                                                           : CharterRules.lengthProblems(charter))
            guard problems.isEmpty else { throw Problems(problems) }
            let content = try CharterModel.encode(charter)
            try await req.db.transaction { db in
                let charterID: UUID
                if let existing {
                    charterID = try existing.requireID()
                    try await OptimisticLock.update(CharterModel.schema, id: charterID, from: fields["version"], current: existing.version, at: req.now, on: db) {
                        $0.set("status", to: status.rawValue).set("content", to: content).set("updated_by", to: scope.user.actor.username)
                    }
                } else {
                    guard (fields["version"] ?? "0") == "0" else { throw DomainError.staleEdit }
                    let model = CharterModel()
                    model.$task.id = scope.task.id
                    model.unitID = unitID
                    model.status = status
                    model.content = content
                    model.version = 1
                    model.updatedBy = scope.user.actor.username
                    try await model.create(on: db)
                    charterID = try model.requireID()
                }
                try await recordCharterEvent(charterID, step: step, status: status, comment: "", content: content, by: scope.user.actor.username, on: db)
                try await AuditLog.append(.init(action: "charter.\(step.name)", targetType: "task", targetID: scope.task.id.uuidString,
                                                summary: "\(scope.task.number) → \(status.rawValue)"), by: req.auditWho, at: req.now, on: db)
            }
            return step.name
        }
    }

    @Sendable static func reviewCharter(_ req: Request) async throws -> Response {
        let fields = try form(req)
        return try await handle(req, drafts: .init(fields: fields), anchor: "charter") { scope in
            guard let unitID = fields["unitID"].flatMap(UUID.init(uuidString:)),
                  let charter = try await CharterModel.query(on: req.db).filter(\.$task.$id == scope.task.id).filter(\.$unitID == unitID).first() else {
                throw DomainError.notFound("unitID", zh: "该单位尚未提交任务书", en: "That unit has no charter for this task")
            }
            let comment = (fields["comment"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard comment.count <= CharterRules.maximumTextLength else {
                throw DomainError.invalid("comment", zh: "意见不能超过 \(CharterRules.maximumTextLength) 字", en: "At most \(CharterRules.maximumTextLength) characters")
            }
            let step: CharterRules.Step = fields["step"] == "approve" ? .approve(comment: comment) : .return(comment: comment)
            let status = try CharterRules.next(after: charter.status, step)
            try await req.db.transaction { db in
                let charterID = try charter.requireID()
                try await OptimisticLock.update(CharterModel.schema, id: charterID, from: fields["version"], current: charter.version, at: req.now, on: db) {
                    $0.set("status", to: status.rawValue).set("updated_by", to: scope.user.actor.username)
                }
                try await recordCharterEvent(charterID, step: step, status: status, comment: comment, content: charter.content,
                                             by: scope.user.actor.username, on: db)
                try await AuditLog.append(.init(action: "charter.\(step.name)", targetType: "task", targetID: scope.task.id.uuidString,
                                                summary: "\(scope.task.number) unit \(unitID.uuidString) → \(status.rawValue)"),
                                          by: req.auditWho, at: req.now, on: db)
            }
            return step.name
        }
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

    @Sendable static func requestChange(_ req: Request) async throws -> Response {
        let fields = try form(req)
        return try await handle(req, drafts: .init(fields: fields), anchor: "changes") { scope in
            let unitID = try UnitWork.changeRequest.actingUnit(scope.user.actor.unitID, role: scope.unitRole)
            guard let kind = fields["kind"].flatMap(ChangeControl.Kind.init(rawValue:)) else {
                throw DomainError.missing("kind", zh: "请选择申请类型", en: "Choose what to change")
            }
            let request = ChangeControl.Request(kind: kind, proposed: fields["proposed"] ?? "", reason: fields["reason"] ?? "")
            let pending = try await ChangeRequestModel.query(on: req.db).filter(\.$task.$id == scope.task.id).filter(\.$status == .pending).all()
            let problems = ChangeControl.problems(request, task: scope.task, planStatus: scope.plan.status, pendingKinds: Set(pending.map(\.kind)))
            guard problems.isEmpty else { throw Problems(problems) }
            try await req.db.transaction { db in
                let model = ChangeRequestModel()
                model.$task.id = scope.task.id
                model.unitID = unitID
                model.kind = kind
                model.currentValue = ChangeControl.current(kind, of: scope.task)
                model.proposed = request.proposed.trimmingCharacters(in: .whitespacesAndNewlines)
                model.reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
                model.status = .pending
                model.note = ""
                model.requestedBy = scope.user.actor.username
                model.version = 1
                try await model.create(on: db)
                try await AuditLog.append(.init(action: "change.request", targetType: "task", targetID: scope.task.id.uuidString,
                                                summary: "\(scope.task.number) \(kind.rawValue): \(model.currentValue) → \(model.proposed)"),
                                          by: req.auditWho, at: req.now, on: db)
            }
            return "request"
        }
    }

    @Sendable static func decideChange(_ req: Request) async throws -> Response {
        let fields = try form(req)
        let requestID = try req.uuidParameter("requestID")
        return try await handle(req, drafts: .init(fields: fields, requestID: requestID), anchor: "changes") { scope in
            guard let request = try await ChangeRequestModel.query(on: req.db).filter(\.$id == requestID)
                .filter(\.$task.$id == scope.task.id).first() else {
                throw DomainError.notFound("requestID", zh: "申请不存在", en: "No such request")
            }
            let approve = fields["decision"] == "approve"
            let note = (fields["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let status = try ChangeControl.decide(request.status, approve: approve, note: note)
            let today = CalendarDate(date: req.now)
            try await req.db.transaction { db in
                try await OptimisticLock.update(ChangeRequestModel.schema, id: requestID, from: fields["version"], current: request.version, at: req.now, on: db) {
                    $0.set("status", to: status.rawValue).set("note", to: note).set("decided_by", to: scope.user.actor.username)
                        .set("decided_on", to: today.iso)
                }
                if approve {
                    let (changed, revision) = ChangeControl.apply(request.request, to: scope.task, on: today, by: scope.user.actor.username)
                    try await TaskStore.updateBaselineFields(changed, at: req.now, on: db)
                    let model = TaskRevisionModel()
                    model.$task.id = scope.task.id
                    model.requestID = requestID
                    model.kind = revision.kind
                    model.before = revision.before
                    model.after = revision.after
                    model.approvedOn = revision.approvedOn.iso
                    model.approvedBy = revision.approvedBy
                    try await model.create(on: db)
                }
                try await AuditLog.append(.init(action: approve ? "change.approve" : "change.reject", targetType: "task",
                                                targetID: scope.task.id.uuidString,
                                                summary: "\(scope.task.number) \(request.kind.rawValue): \(request.currentValue) → \(request.proposed)"),
                                          by: req.auditWho, at: req.now, on: db)
            }
            return approve ? "approve" : "reject"
        }
    }
}

/// Everything recorded about one task's work, loaded for its page and API.
struct TaskWorkRecord: Sendable {
    struct Comment: Sendable {
        var id: UUID, unitID: UUID, stance: Consultation.Stance, text: String, author: String, createdAt: Date?
        var decision: Consultation.Decision, reply: String?, repliedBy: String?, version: Int
    }
    struct CharterEvent: Sendable {
        var step: String, status: CharterStatus, comment: String, actor: String, at: Date?
    }
    struct CharterEntry: Sendable {
        var unitID: UUID, status: CharterStatus, charter: Charter, version: Int, updatedBy: String, updatedAt: Date?
        var history: [CharterEvent]
    }
    struct ChangeRequest: Sendable {
        var id: UUID, unitID: UUID, kind: ChangeControl.Kind, currentValue: String, proposed: String, reason: String
        var status: ChangeControl.Status, note: String, requestedBy: String, decidedBy: String?, decidedOn: String?
        var createdAt: Date?, version: Int
    }

    var comments: [Comment]
    var charters: [CharterEntry]
    var changeRequests: [ChangeRequest]

    static func load(_ task: PlanTask, on db: any Database) async throws -> TaskWorkRecord {
        let comments = try await TaskCommentModel.query(on: db).filter(\.$task.$id == task.id).sort(\.$createdAt).all()
        let charters = try await CharterModel.query(on: db).filter(\.$task.$id == task.id).all()
        let events = try await CharterEventModel.query(on: db).filter(\.$charter.$id ~~ charters.compactMap(\.id)).sort(\.$createdAt).all()
        let eventsByCharter = Dictionary(grouping: events, by: { $0.$charter.id })
        let requests = try await ChangeRequestModel.query(on: db).filter(\.$task.$id == task.id).sort(\.$createdAt, .descending).all()
        return TaskWorkRecord(
            comments: comments.compactMap { model in
                model.id.map { Comment(id: $0, unitID: model.unitID, stance: model.stance, text: model.text, author: model.author,
                                       createdAt: model.createdAt, decision: model.decision, reply: model.reply,
                                       repliedBy: model.repliedBy, version: model.version) }
            },
            charters: charters.compactMap { model in
                guard let id = model.id, let charter = model.charter else { return nil }
                return CharterEntry(unitID: model.unitID, status: model.status, charter: charter, version: model.version,
                                    updatedBy: model.updatedBy, updatedAt: model.updatedAt,
                                    history: (eventsByCharter[id] ?? []).map {
                                        CharterEvent(step: $0.step, status: $0.status, comment: $0.comment, actor: $0.actor, at: $0.createdAt)
                                    })
            }.sorted { (task.leadUnitIDs.firstIndex(of: $0.unitID) ?? 0) < (task.leadUnitIDs.firstIndex(of: $1.unitID) ?? 0) },
            changeRequests: requests.compactMap { model in
                model.id.map { ChangeRequest(id: $0, unitID: model.unitID, kind: model.kind, currentValue: model.currentValue,
                                             proposed: model.proposed, reason: model.reason, status: model.status, note: model.note,
                                             requestedBy: model.requestedBy, decidedBy: model.decidedBy, decidedOn: model.decidedOn,
                                             createdAt: model.createdAt, version: model.version) }
            })
    }
}
