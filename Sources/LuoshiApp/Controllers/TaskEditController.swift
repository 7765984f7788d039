import Fluent
import Foundation
import LuoshiDomain
import LuoshiHTML
import Vapor

/// The supervisor edits a plan's tasks before issue, on pages and through the API. Every save is
/// checked against the version the form or request was made from: a stale one gets 409.
enum TaskEditController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.taskEdit, requires: .managePlans, use: editPage)
        routes.on(.POST, SiteURL.Route.taskEdit, requires: .managePlans, use: saveFromPage)
        routes.on(.GET, SiteURL.Route.planNewTask, requires: .managePlans, use: newPage)
        routes.on(.POST, SiteURL.Route.planNewTask, requires: .managePlans, use: createFromPage)
        routes.on(.PUT, SiteURL.Route.apiTask, requires: .managePlans, use: saveFromAPI)
        routes.on(.POST, SiteURL.Route.apiPlanTasks, requires: .managePlans, use: createFromAPI)
    }

    /// What is being edited: an existing task (with its stored version) or a new one in `plan`.
    struct Target {
        var plan: Plan
        var snapshot: CatalogSnapshot
        var task: PlanTask?
        var version: Int?
    }

    private static func target(_ req: Request, existing: Bool) async throws -> Target {
        let user = try req.requireUser()
        let snapshot = try await req.catalog()
        if existing {
            let id = try req.uuidParameter("taskID")
            guard let task = snapshot.tasksByID[id], let plan = snapshot.plansByID[task.planID],
                  Policy.can(user.actor, .managePlans, jurisdictionCode: plan.jurisdictionCode),
                  let model = try await TaskModel.find(id, on: req.db) else { throw DomainError.taskNotFound(id) }
            return Target(plan: plan, snapshot: snapshot, task: task, version: model.version)
        }
        let planID = try req.uuidParameter("planID")
        guard let plan = snapshot.plansByID[planID], Policy.can(user.actor, .managePlans, jurisdictionCode: plan.jurisdictionCode) else {
            throw DomainError.planNotFound(planID)
        }
        return Target(plan: plan, snapshot: snapshot)
    }

    /// Saves `form` for `target`; returns the saved task's id.
    private static func save(_ form: TaskForm, version: Int?, _ target: Target, _ req: Request) async throws -> UUID {
        let stored = target.task.map { ($0, target.version ?? 0) }
        return try await PlanDraftService.saveTask(.init(form: form, version: version), editing: stored, of: target.plan, catalog: target.snapshot,
                                                   by: try req.writer, on: req.db)
    }

    // MARK: Pages

    @Sendable static func editPage(_ req: Request) async throws -> Response {
        let target = try await target(req, existing: true)
        guard let task = target.task else { throw DomainError.taskNotFound(UUID()) }
        let form = TaskEditing.form(of: task, unitName: { target.snapshot.unitsByID[$0]?.shortName },
                                    leaderName: { target.snapshot.leadersByID[$0]?.name })
        return render(req, target, form: form, version: target.version, errors: [])
    }

    @Sendable static func newPage(_ req: Request) async throws -> Response {
        let target = try await target(req, existing: false)
        let nextItem = ((target.snapshot.tasksByPlan[target.plan.id] ?? []).filter { $0.number.part == 1 }.map(\.number.item).max() ?? 0) + 1
        return render(req, target, form: TaskForm(number: "1.\(nextItem)"), version: nil, errors: [])
    }

    @Sendable static func saveFromPage(_ req: Request) async throws -> Response {
        try await pagePost(req, existing: true)
    }

    @Sendable static func createFromPage(_ req: Request) async throws -> Response {
        try await pagePost(req, existing: false)
    }

    private static func pagePost(_ req: Request, existing: Bool) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let form = TaskForm(fields: fields)
        let version = fields["version"].flatMap(Int.init)
        let target = try await target(req, existing: existing)
        return try await savingForm({
            let id = try await save(form, version: version, target, req)
            return req.redirect(to: SiteURL.taskWork(id).path + "?done=task", redirectType: .normal)
        }, showAgain: { render(req, target, form: form, version: version, errors: $0) })
    }

    private static func render(_ req: Request, _ target: Target, form: TaskForm, version: Int?, errors: [DomainError]) -> Response {
        let context = req.pageContext(section: .workbench)
        let s = context.strings, w = s.taskWork
        let title = target.task.map { w.editHeading($0.number.description) } ?? w.newTask
        let page = RecordFormPage.Model(
            title: title, subtitle: target.plan.title,
            crumbs: [Crumb(title: s.planManage.title, url: .planManage(target.plan.id)), Crumb(title: title)],
            action: target.task.map { SiteURL.taskEdit($0.id) } ?? .planNewTask(target.plan.id),
            hidden: version.map { [("version", String($0))] } ?? [],
            fields: [
                .init(label: s.number, name: "number", value: form.number, required: true, hint: w.numberHint),
                .init(label: s.content, name: "content", value: form.content, input: .textarea(rows: 4), required: true),
                .init(label: w.kindLabel, name: "kind", value: form.kind, input: .select(TaskKind.allCases.map { .init(value: $0.rawValue, text: s.taskKind($0)) })),
                .init(label: s.deadline, name: "deadline", value: form.deadline, input: .text(type: "date"), hint: w.deadlineHint),
                .init(label: s.annualTarget, name: "annualTarget", value: form.annualTarget, input: .textarea(rows: 3)),
                .init(label: s.measures, name: "measures", value: form.measures, input: .textarea(rows: 4)),
                .init(label: s.leadUnits, name: "leadUnits", value: form.leadUnits, required: true, hint: w.unitsHint),
                .init(label: s.cooperatingUnits, name: "cooperatingUnits", value: form.cooperatingUnits, hint: w.unitsHint),
                .init(label: s.leaders, name: "leaders", value: form.leaders, hint: w.leadersHint),
                .init(label: s.milestones, name: "milestones", value: form.milestones, input: .textarea(rows: 4), hint: w.milestonesHint),
            ],
            submit: w.saveTask, errors: errors, csrfToken: req.currentUser?.csrfToken ?? "",
            lockedReason: TaskEditing.editProblem(target.plan).map { $0.message.text(in: context.language) })
        return req.htmlResponse(RecordFormPage.render(page, context: context), status: errors.first?.status ?? .ok)
    }

    // MARK: API

    /// The API body: the form's fields as JSON (lists as arrays or as one string), plus `version`
    /// when changing an existing task.
    struct Body: Content {
        var number: String
        var content: String
        var kind: TaskKind
        var deadline: String?
        var annualTarget: String?
        var measures: String?
        var leadUnits: [String]
        var cooperatingUnits: [String]?
        var leaders: [String]?
        var milestones: [Milestone]?
        var version: Int?

        var form: TaskForm {
            TaskForm(number: number, content: content, kind: kind.rawValue, deadline: deadline ?? "", annualTarget: annualTarget ?? "",
                     measures: measures ?? "", leadUnits: leadUnits.joined(separator: "、"),
                     cooperatingUnits: (cooperatingUnits ?? []).joined(separator: "、"), leaders: (leaders ?? []).joined(separator: "、"),
                     milestones: TaskEditing.milestoneText(milestones ?? []))
        }
    }

    struct Saved: Content {
        var task: DTO.Task
        var version: Int
    }

    @Sendable static func saveFromAPI(_ req: Request) async throws -> Response {
        try await apiPost(req, existing: true)
    }

    @Sendable static func createFromAPI(_ req: Request) async throws -> Response {
        try await apiPost(req, existing: false)
    }

    private static func apiPost(_ req: Request, existing: Bool) async throws -> Response {
        let target = try await target(req, existing: existing)
        let body = try req.content.decode(Body.self)
        if existing && body.version == nil { throw DomainError.missing("version", zh: "请提供所编辑任务的版本号", en: "Give the version you edited") }
        let id = try await save(body.form, version: body.version, target, req)
        let snapshot = try await req.catalog()
        guard let task = snapshot.tasksByID[id], let model = try await TaskModel.find(id, on: req.db) else { throw DomainError.taskNotFound(id) }
        let response = Response(status: existing ? .ok : .created)
        try response.content.encode(Saved(task: DTO.Task(snapshot.listing(task)), version: model.version))
        return response
    }
}

extension TaskForm {
    init(fields: [String: String]) {
        self.init(number: fields["number"] ?? "", content: fields["content"] ?? "", kind: fields["kind"] ?? "",
                  deadline: fields["deadline"] ?? "", annualTarget: fields["annualTarget"] ?? "", measures: fields["measures"] ?? "",
                  leadUnits: fields["leadUnits"] ?? "", cooperatingUnits: fields["cooperatingUnits"] ?? "",
                  leaders: fields["leaders"] ?? "", milestones: fields["milestones"] ?? "")
    }
}
