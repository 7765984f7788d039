import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// The dispatch API: rounds, reports (drafts, submit, inputs, attachments), reviews and
/// dashboard data, with the pages' authorisation and the pages' rules (the JSON bodies are read
/// as the forms are, so every check and message is the same).
enum DispatchAPIController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.POST, SiteURL.Route.apiPlanRounds, requires: .managePlans, use: openRound)
        routes.on(.GET, SiteURL.Route.apiRound, requires: .readInternal, use: round)
        routes.on(.GET, SiteURL.Route.apiRoundTask, requires: .readInternal, use: roundTask)
        routes.on(.PUT, SiteURL.Route.apiRoundReport, requires: .submitUnitWork, use: saveReport)
        routes.on(.PUT, SiteURL.Route.apiRoundInput, requires: .submitUnitWork, use: saveInput)
        routes.on(.POST, SiteURL.Route.apiRoundReview, requires: .managePlans, use: review)
        routes.on(.POST, SiteURL.Route.apiRoundAttachments, requires: .submitUnitWork, use: uploadAttachment)
        routes.on(.GET, SiteURL.Route.apiPlanDashboard, requires: .readInternal, use: dashboard)
    }

    // MARK: DTOs

    struct OpenRoundRequest: Content {
        var month: String?
        var dueDate: String?
    }

    struct PipelineRow: Content {
        var taskID: UUID
        var number: String
        var unitID: UUID
        var stage: Dispatch.Stage
        var late: Bool
    }

    struct RoundDetail: Content {
        var id: UUID
        var month: String
        var dueDate: String
        var status: Dispatch.RoundStatus
        var version: Int
        var rows: [PipelineRow]
    }

    struct Attachment: Content {
        var id: UUID
        var fileName: String
        var contentType: String
        var size: Int
        var url: String
    }

    struct Event: Content {
        var step: String
        var status: Dispatch.ReportStatus
        var comment: String
        var actor: String
        var at: String
    }

    struct Report: Content {
        var unitID: UUID
        var status: Dispatch.ReportStatus
        var workDone: String
        var progress: Int?
        var milestonesReached: String
        var problems: String
        var nextPlan: String
        var selfStatus: ProgressStatus?
        var submittedOn: String?
        var late: Bool
        var returnReason: String
        var verifiedProgress: Int?
        var verifiedStatus: ProgressStatus?
        var reviewNote: String
        var version: Int
        var attachments: [Attachment]
        var history: [Event]
    }

    struct Input: Content {
        var unitID: UUID
        var text: String
        var updatedBy: String
        var version: Int
    }

    struct TaskInRound: Content {
        var roundID: UUID
        var taskID: UUID
        var number: String
        var reports: [Report]
        var inputs: [Input]
    }

    /// A report as sent: `step` is "save" or "submit"; `version` is 0 for a new report.
    struct ReportRequest: Content {
        var step: String?
        var version: Int?
        var workDone: String?
        var progress: Int?
        var milestonesReached: String?
        var problems: String?
        var nextPlan: String?
        var selfStatus: String?

        var command: DispatchService.SaveReport {
            DispatchService.SaveReport(
                submit: step == "submit", version: version,
                form: Dispatch.ReportForm(workDone: workDone ?? "", progress: progress.map(String.init) ?? "",
                                          milestonesReached: milestonesReached ?? "", problems: problems ?? "",
                                          nextPlan: nextPlan ?? "", selfStatus: selfStatus ?? ""))
        }
    }

    struct InputRequest: Content {
        var text: String?
        var version: Int?
    }

    /// A review: `step` "accept" (with verified progress and status, and a note when they differ
    /// from the report) or "return" (with a reason).
    struct ReviewRequest: Content {
        var unitID: UUID?
        var step: String?
        var version: Int?
        var verifiedProgress: Int?
        var verifiedStatus: String?
        var note: String?
        var reason: String?
    }

    struct Dashboard: Content {
        struct Part: Content {
            var number: Int
            var title: String
            var counts: [String: Int]
        }
        struct Month: Content {
            var month: String
            var counts: [String: Int]
        }
        var asOf: String
        var ruleSet: String
        var scope: String
        var total: Int
        var byColour: [String: Int]
        var byPart: [Part]
        var trend: [Month]
        var red: [UUID]
        var likelyToMiss: [UUID]
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ req: Request) throws -> T {
        do { return try req.content.decode(T.self) } catch {
            throw DomainError(.badRequest, zh: "请求体应为 JSON 对象", en: "The request body must be a JSON object")
        }
    }

    // MARK: Rounds

    @Sendable static func openRound(_ req: Request) async throws -> Response {
        let body = try decode(OpenRoundRequest.self, req)
        let (plan, _, _) = try await DispatchController.plan(req)
        let command = DispatchService.OpenRound(month: body.month ?? "", dueDate: body.dueDate ?? "")
        let round = try await DispatchService.openRound(command, plan: plan, by: try req.writer, cache: req.application.ledgerCache, on: req.db)
        return try await DispatchController.RoundDTO(id: round.id, month: round.month.description, dueDate: round.dueDate.iso, status: .open)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable static func round(_ req: Request) async throws -> RoundDetail {
        let (round, plan, snapshot, user) = try await DispatchController.round(req)
        let today = DispatchController.today(req)
        let rows = try await DispatchStore.pipeline(round, tasks: DispatchController.visibleTasks(plan, snapshot, user), on: req.db).map { entry in
            PipelineRow(taskID: entry.task.id, number: entry.task.number.description, unitID: entry.unitID,
                        stage: entry.stage(in: round, today: today), late: entry.late)
        }
        return RoundDetail(id: round.id, month: round.month.description, dueDate: round.dueDate.iso,
                           status: round.isClosed(today: today) ? .closed : .open, version: round.version, rows: rows)
    }

    // MARK: Reports

    /// The reports and inputs of the scope's task, as the user may see them (a lead unit's staff: only their unit's report).
    private static func taskInRound(_ req: Request, _ scope: DispatchController.ReportScope) async throws -> TaskInRound {
        let onlyUnit = scope.user.actor.role == .unitStaff && scope.unitRole == .lead ? scope.user.actor.unitID : nil
        let work = try await ReportRows.taskWork(round: scope.round.id, task: scope.task.id, onlyUnit: onlyUnit, on: req.db)
        let iso = Date.ISO8601FormatStyle()
        return TaskInRound(
            roundID: scope.round.id, taskID: scope.task.id, number: scope.task.number.description,
            reports: work.reports.map { entry in
                let report = entry.report
                return Report(unitID: report.unitID, status: report.status, workDone: report.workDone, progress: report.progress,
                              milestonesReached: report.milestonesReached, problems: report.problems, nextPlan: report.nextPlan,
                              selfStatus: report.selfStatus, submittedOn: report.submittedOn, late: report.late, returnReason: report.returnReason,
                              verifiedProgress: report.verifiedProgress, verifiedStatus: report.verifiedStatus, reviewNote: report.reviewNote,
                              version: report.version, attachments: entry.attachments.map(attachment),
                              history: entry.history.map {
                                  Event(step: $0.step, status: $0.status, comment: $0.comment, actor: $0.actor, at: $0.at.map(iso.format) ?? "")
                              })
            },
            inputs: work.inputs.map { Input(unitID: $0.unitID, text: $0.text, updatedBy: $0.updatedBy, version: $0.version) })
    }

    private static func attachment(_ file: ReportRows.Attachment) -> Attachment {
        Attachment(id: file.id, fileName: file.fileName, contentType: file.contentType, size: file.size, url: SiteURL.attachment(file.id).path)
    }

    @Sendable static func roundTask(_ req: Request) async throws -> TaskInRound {
        try await taskInRound(req, try await DispatchController.roundTask(req))
    }

    /// Runs a write through the dispatch service, then answers with the task's reports and inputs.
    private static func write(_ req: Request,
                              _ action: (DispatchController.ReportScope, Writer) async throws -> Void) async throws -> TaskInRound {
        let scope = try await DispatchController.roundTask(req)
        try await action(scope, try req.writer)
        return try await taskInRound(req, scope)
    }

    @Sendable static func saveReport(_ req: Request) async throws -> TaskInRound {
        let command = try decode(ReportRequest.self, req).command
        return try await write(req) { _ = try await DispatchService.saveReport(command, in: $0, by: $1, on: req.db) }
    }

    @Sendable static func saveInput(_ req: Request) async throws -> TaskInRound {
        let body = try decode(InputRequest.self, req)
        let command = DispatchService.SaveInput(text: body.text ?? "", version: body.version)
        return try await write(req) { try await DispatchService.saveInput(command, in: $0, by: $1, on: req.db) }
    }

    @Sendable static func review(_ req: Request) async throws -> TaskInRound {
        let body = try decode(ReviewRequest.self, req)
        let command = DispatchService.ReviewReport(unitID: body.unitID, accept: body.step == "accept", version: body.version,
                                                   verifiedProgress: body.verifiedProgress.map(String.init) ?? "",
                                                   verifiedStatus: body.verifiedStatus ?? "", note: body.note ?? "", reason: body.reason ?? "")
        return try await write(req) { _ = try await DispatchService.review(command, in: $0, by: $1, on: req.db) }
    }

    @Sendable static func uploadAttachment(_ req: Request) async throws -> Response {
        let scope = try await DispatchController.roundTask(req)
        let stored = try await DispatchController.storeAttachment(req, scope)
        let id = try stored.requireID()
        return try await Attachment(id: id, fileName: stored.fileName, contentType: stored.contentType, size: stored.size,
                                    url: SiteURL.attachment(id).path).encodeResponse(status: .created, for: req)
    }

    // MARK: Dashboard

    @Sendable static func dashboard(_ req: Request) async throws -> Response {
        let (plan, snapshot, user) = try await DispatchController.plan(req)
        let asOf = try await DispatchController.asOf(req, plan: plan)
        let language = req.pageContext(section: .workbench).language
        let scope = try DispatchController.dashboardScope(user, snapshot: snapshot)
        // Encoded once per plan, date, scope, language and data state.
        let body = try await req.application.ledgerCache.document("dashboard|\(plan.id)|\(asOf.iso)|\(scope.cacheKey)|\(language.rawValue)|\(snapshot.version)") {
            ByteBuffer(data: try JSONEncoder().encode(try await dashboard(req, plan: plan, snapshot: snapshot, asOf: asOf, scope: scope, language: language)))
        }
        return .json(body)
    }

    private static func dashboard(_ req: Request, plan: Plan, snapshot: CatalogSnapshot, asOf: CalendarDate, scope: WorkScope,
                                  language: Language) async throws -> Dashboard {
        let model = try await DispatchController.dashboardModel(req, plan: plan, snapshot: snapshot, asOf: asOf, scope: scope, language: language)
        func counts(_ rows: [Ledger.Row]) -> [String: Int] {
            Dictionary(grouping: rows, by: { $0.colour.rawValue }).mapValues(\.count)
        }
        return Dashboard(
            asOf: asOf.iso, ruleSet: model.rules.name, scope: model.scopeTitle, total: model.rows.count, byColour: counts(model.rows),
            byPart: model.parts.map { part in
                Dashboard.Part(number: part.number, title: part.title, counts: counts(model.rows.filter { $0.task.number.part == part.number }))
            },
            trend: model.trend.map { Dashboard.Month(month: $0.label, counts: Dictionary(uniqueKeysWithValues: $0.counts.map { ($0.key.rawValue, $0.value) })) },
            red: model.rows.filter { $0.colour == .red }.map(\.task.id),
            likelyToMiss: model.rows.filter(\.likelyToMiss).map(\.task.id))
    }
}
