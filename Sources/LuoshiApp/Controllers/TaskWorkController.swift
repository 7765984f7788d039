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
              Policy.can(user.actor, .readInternal, jurisdictionCode: plan.jurisdictionCode, draft: !plan.isPublic) else { throw DomainError.taskNotFound(id) }
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

    // MARK: Consultation, charters, change control: decode the form, call the service.

    @Sendable static func comment(_ req: Request) async throws -> Response {
        let fields = try form(req)
        return try await handle(req, drafts: .init(fields: fields), anchor: "comments") {
            try await TaskWorkService.addComment(.init(form: fields), in: $0, by: try req.writer, on: req.db)
        }
    }

    @Sendable static func reply(_ req: Request) async throws -> Response {
        let fields = try form(req)
        let commentID = try req.uuidParameter("commentID")
        return try await handle(req, drafts: .init(fields: fields, commentID: commentID), anchor: "comments") {
            try await TaskWorkService.reply(.init(form: fields, commentID: commentID), in: $0, by: try req.writer, on: req.db)
        }
    }

    @Sendable static func saveCharter(_ req: Request) async throws -> Response {
        let fields = try form(req)
        return try await handle(req, drafts: .init(fields: fields), anchor: "charter") {
            try await TaskWorkService.saveCharter(.init(form: fields), in: $0, by: try req.writer, on: req.db)
        }
    }

    @Sendable static func reviewCharter(_ req: Request) async throws -> Response {
        let fields = try form(req)
        return try await handle(req, drafts: .init(fields: fields), anchor: "charter") {
            try await TaskWorkService.reviewCharter(.init(form: fields), in: $0, by: try req.writer, on: req.db)
        }
    }

    @Sendable static func requestChange(_ req: Request) async throws -> Response {
        let fields = try form(req)
        return try await handle(req, drafts: .init(fields: fields), anchor: "changes") {
            try await TaskWorkService.requestChange(.init(form: fields), in: $0, by: try req.writer, on: req.db)
        }
    }

    @Sendable static func decideChange(_ req: Request) async throws -> Response {
        let fields = try form(req)
        let requestID = try req.uuidParameter("requestID")
        return try await handle(req, drafts: .init(fields: fields, requestID: requestID), anchor: "changes") {
            try await TaskWorkService.decideChange(.init(form: fields, requestID: requestID), in: $0, by: try req.writer, on: req.db)
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
