import Fluent
import Foundation
import LuoshiDomain
import LuoshiHTML
import SQLKit
import Vapor

/// The supervision office creates a plan from nothing and edits a plan's own fields and its
/// parts until the plan is issued. Renumbering a part renumbers its tasks; their ids stay.
enum PlanEditController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.planNew, requires: .managePlans, use: planForm)
        routes.on(.POST, SiteURL.Route.planNew, requires: .managePlans, use: savePlan)
        routes.on(.GET, SiteURL.Route.planEdit, requires: .managePlans, use: planForm)
        routes.on(.POST, SiteURL.Route.planEdit, requires: .managePlans, use: savePlan)
        routes.on(.GET, SiteURL.Route.partNew, requires: .managePlans, use: partForm)
        routes.on(.POST, SiteURL.Route.partNew, requires: .managePlans, use: savePart)
        routes.on(.GET, SiteURL.Route.partEdit, requires: .managePlans, use: partForm)
        routes.on(.POST, SiteURL.Route.partEdit, requires: .managePlans, use: savePart)
        routes.on(.POST, SiteURL.Route.apiPlans, requires: .managePlans, use: createPlanAPI)
        routes.on(.PUT, SiteURL.Route.apiPlan, requires: .managePlans, use: updatePlanAPI)
        routes.on(.POST, SiteURL.Route.apiParts, requires: .managePlans, use: createPartAPI)
        routes.on(.PUT, SiteURL.Route.apiPart, requires: .managePlans, use: updatePartAPI)
    }

    /// The plan named in the path (nil on /plans/new), if it is the office's.
    private static func planModel(_ req: Request) async throws -> PlanModel? {
        guard req.parameters.get("planID") != nil else { return nil }
        let id = try req.uuidParameter("planID")
        guard let model = try await PlanModel.find(id, on: req.db), Policy.can(try req.requireUser().actor, .managePlans, jurisdictionCode: model.jurisdictionCode) else {
            throw DomainError.planNotFound(id)
        }
        return model
    }

    // MARK: Plans

    @Sendable static func planForm(_ req: Request) async throws -> Response {
        let model = try await planModel(req)
        let snapshot = try await req.catalog()
        let plan = model.flatMap { snapshot.plansByID[$0.id ?? UUID()] }
        let year = plan?.year ?? CalendarDate(date: req.now).year
        let county = snapshot.jurisdictionName(try req.requireUser().actor.jurisdictionCode)
        let values = ["year": String(year), "title": plan?.title ?? "\(year)年政府工作报告重点工作任务分解方案",
                      "issuingBody": plan?.issuingBody ?? "\(county)人民政府办公室",
                      "reportApprovedOn": plan?.reportApprovedOn?.iso ?? "", "reportApprovedBy": plan?.reportApprovedBy ?? ""]
        return renderPlan(req, model, plan: plan, values: values, errors: [])
    }

    private static func renderPlan(_ req: Request, _ model: PlanModel?, plan: Plan?, values: [String: String], errors: [DomainError]) -> Response {
        let context = req.pageContext(section: .workbench)
        let s = context.strings, d = s.directory
        let title = model == nil ? d.newPlan : d.editPlan
        var crumbs = [Crumb(title: s.account.workbench, url: .workbench)]
        if let id = model?.id { crumbs.append(Crumb(title: s.planManage.title, url: .planManage(id))) }
        crumbs.append(Crumb(title: title))
        let page = RecordFormPage.Model(
            title: title, subtitle: plan?.title, crumbs: crumbs, action: model?.id.map(SiteURL.planEdit) ?? .planNew,
            hidden: model.map { [("version", String($0.version))] } ?? [],
            fields: [
                .init(label: s.year, name: "year", value: values["year"] ?? "", input: .text(type: "number"), required: true),
                .init(label: d.planTitle, name: "title", value: values["title"] ?? "", required: true),
                .init(label: d.issuingBody, name: "issuingBody", value: values["issuingBody"] ?? "", required: true),
                .init(label: d.reportApprovedOn, name: "reportApprovedOn", value: values["reportApprovedOn"] ?? "", input: .text(type: "date")),
                .init(label: d.reportApprovedBy, name: "reportApprovedBy", value: values["reportApprovedBy"] ?? "", hint: d.reportApprovedByHint),
            ],
            submit: d.save, errors: errors, csrfToken: req.currentUser?.csrfToken ?? "",
            lockedReason: plan.flatMap(TaskEditing.editProblem).map { _ in d.frozen })
        return req.htmlResponse(RecordFormPage.render(page, context: context), status: errors.first?.status ?? .ok)
    }

    @Sendable static func savePlan(_ req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let model = try await planModel(req)
        let snapshot = try await req.catalog()
        let stored = model?.id.flatMap { snapshot.plansByID[$0] }
        return try await savingForm({
            let id = try await writePlan(req, model, .init(form: fields))
            return req.redirect(to: SiteURL.planManage(id).path, redirectType: .normal)
        }, showAgain: { renderPlan(req, model, plan: stored, values: fields, errors: $0) })
    }

    /// Saves the plan from `command`: a new one (no `model`) in the user's jurisdiction.
    private static func writePlan(_ req: Request, _ model: PlanModel?, _ command: PlanDraftService.SavePlan) async throws -> UUID {
        try await PlanDraftService.savePlan(command, editing: model, in: try req.requireUser().actor.jurisdictionCode, catalog: try await req.catalog(),
                                            by: try req.writer, on: req.db)
    }

    // MARK: Parts

    /// The plan and, on an edit route, the part with its stored version.
    private static func part(_ req: Request) async throws -> (plan: Plan, part: PartModel?) {
        guard let model = try await planModel(req), let plan = try await req.catalog().plansByID[try model.requireID()] else {
            throw DomainError.planNotFound(try req.uuidParameter("planID"))
        }
        guard req.parameters.get("number") != nil else { return (plan, nil) }
        let number = try req.intParameter("number")
        guard let part = try await PartModel.query(on: req.db).filter(\.$plan.$id == plan.id).filter(\.$number == number).first() else {
            throw DomainError.notFound("number", zh: "方案没有第 \(number) 部分", en: "The plan has no part \(number)")
        }
        return (plan, part)
    }

    @Sendable static func partForm(_ req: Request) async throws -> Response {
        let (plan, part) = try await part(req)
        let next = ((try await req.catalog().partsByPlan[plan.id] ?? []).map(\.number).max() ?? 0) + 1
        return renderPart(req, plan, part, values: ["number": String(part?.number ?? next), "title": part?.title ?? ""], errors: [])
    }

    private static func renderPart(_ req: Request, _ plan: Plan, _ part: PartModel?, values: [String: String], errors: [DomainError]) -> Response {
        let context = req.pageContext(section: .workbench)
        let s = context.strings, d = s.directory
        let title = part.map { d.editPart($0.number) } ?? d.newPart
        let page = RecordFormPage.Model(
            title: title, subtitle: plan.title,
            crumbs: [Crumb(title: s.planManage.title, url: .planManage(plan.id)), Crumb(title: title)],
            action: part.map { SiteURL.partEdit(planID: plan.id, number: $0.number) } ?? .partNew(plan.id),
            hidden: part.map { [("version", String($0.version))] } ?? [],
            fields: [
                .init(label: d.partNumber, name: "number", value: values["number"] ?? "", input: .text(type: "number"), required: true, hint: d.partNumberHint),
                .init(label: d.partTitle, name: "title", value: values["title"] ?? "", required: true),
            ],
            submit: d.save, errors: errors, csrfToken: req.currentUser?.csrfToken ?? "",
            lockedReason: TaskEditing.editProblem(plan).map { _ in d.frozen })
        return req.htmlResponse(RecordFormPage.render(page, context: context), status: errors.first?.status ?? .ok)
    }

    @Sendable static func savePart(_ req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let (plan, model) = try await part(req)
        return try await savingForm({
            _ = try await writePart(req, plan, model, .init(form: fields))
            return req.redirect(to: SiteURL.planManage(plan.id).path, redirectType: .normal)
        }, showAgain: { renderPart(req, plan, model, values: fields, errors: $0) })
    }

    private static func writePart(_ req: Request, _ plan: Plan, _ model: PartModel?, _ command: PlanDraftService.SavePart) async throws -> UUID {
        try await PlanDraftService.savePart(command, editing: model, of: plan, catalog: try await req.catalog(), by: try req.writer, on: req.db)
    }

    // MARK: API

    struct PlanBody: Content {
        var year: Int
        var title: String
        var issuingBody: String
        var reportApprovedOn: String?
        var reportApprovedBy: String?
        var version: Int?
        var command: PlanDraftService.SavePlan {
            .init(year: String(year), title: title, issuingBody: issuingBody, reportApprovedOn: reportApprovedOn ?? "",
                  reportApprovedBy: reportApprovedBy ?? "", version: version)
        }
    }

    struct PartBody: Content {
        var number: Int
        var title: String
        var version: Int?
        var command: PlanDraftService.SavePart { .init(number: String(number), title: title, version: version) }
    }

    @Sendable static func createPlanAPI(_ req: Request) async throws -> Response {
        let body = try req.content.decode(PlanBody.self)
        return try await DirectoryController.apiWrite(req, created: true) { (try await writePlan(req, nil, body.command), 1) }
    }

    @Sendable static func updatePlanAPI(_ req: Request) async throws -> Response {
        guard let model = try await planModel(req) else { throw DomainError.planNotFound(UUID()) }
        let body = try req.content.decode(PlanBody.self)
        guard body.version != nil else { throw DomainError.missing("version", zh: "请提供所编辑记录的版本号", en: "Give the version you edited") }
        return try await DirectoryController.apiWrite(req, created: false) { (try await writePlan(req, model, body.command), model.version + 1) }
    }

    @Sendable static func createPartAPI(_ req: Request) async throws -> Response {
        let (plan, _) = try await part(req)
        let body = try req.content.decode(PartBody.self)
        return try await DirectoryController.apiWrite(req, created: true) { (try await writePart(req, plan, nil, body.command), 1) }
    }

    @Sendable static func updatePartAPI(_ req: Request) async throws -> Response {
        let (plan, model) = try await part(req)
        let body = try req.content.decode(PartBody.self)
        guard let model else { throw DomainError.planNotFound(plan.id) }
        guard body.version != nil else { throw DomainError.missing("version", zh: "请提供所编辑记录的版本号", en: "Give the version you edited") }
        return try await DirectoryController.apiWrite(req, created: false) { (try await writePart(req, plan, model, body.command), model.version + 1) }
    }
}
