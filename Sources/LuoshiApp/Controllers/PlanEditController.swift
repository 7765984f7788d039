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
        guard let model = try await PlanModel.find(id, on: req.db), model.jurisdictionCode == (try req.requireUser().actor.jurisdictionCode) else {
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
            let id = try await writePlan(req, model, fields)
            return req.redirect(to: SiteURL.planManage(id).path, redirectType: .normal)
        }, showAgain: { renderPlan(req, model, plan: stored, values: fields, errors: $0) })
    }

    /// Creates (no `model`) or updates a plan's own fields from form-shaped `fields`; returns its id.
    static func writePlan(_ req: Request, _ model: PlanModel?, _ fields: [String: String]) async throws -> UUID {
        let user = try req.requireUser()
        let snapshot = try await req.catalog()
        let stored = model.flatMap { snapshot.plansByID[$0.id ?? UUID()] }
        if let stored, let problem = TaskEditing.editProblem(stored) { throw problem }
        let today = CalendarDate(date: req.now)
        let base = stored ?? Plan(id: UUID(), jurisdictionCode: user.actor.jurisdictionCode, year: today.year, title: "", status: .draft,
                                  stages: .init(draft: today), documentNumber: nil, indexNumber: nil, issuingBody: "",
                                  reportApprovedOn: nil, reportApprovedBy: nil, approvalMeeting: nil, illustrativeNotice: nil)
        let plan = try DirectoryRules.plan(year: fields["year"] ?? "", title: fields["title"] ?? "", issuingBody: fields["issuingBody"] ?? "",
                                           reportApprovedOn: fields["reportApprovedOn"] ?? "", reportApprovedBy: fields["reportApprovedBy"] ?? "",
                                           base: base).get()
        if snapshot.plans.contains(where: { $0.id != plan.id && $0.jurisdictionCode == plan.jurisdictionCode && $0.year == plan.year }) {
            throw DomainError(.alreadyExists, zh: "\(plan.year)年的方案已存在", en: "A \(plan.year) plan exists", field: "year")
        }
        try await req.db.transaction { db in
            if let model {
                try await OptimisticLock.update(PlanModel.schema, id: plan.id, from: fields["version"], current: model.version, at: req.now, on: db) {
                    $0.set("year", to: plan.year).set("title", to: plan.title).set("issuing_body", to: plan.issuingBody)
                        .set("report_approved_on", to: plan.reportApprovedOn?.iso).set("report_approved_by", to: plan.reportApprovedBy)
                }
            } else {
                try await PlanModel(plan).create(on: db)
                let jurisdiction = try await PlanFiles.jurisdictionEntry(plan.jurisdictionCode, on: db)
                let document = PlanDocument(plan: plan, jurisdiction: jurisdiction, parts: [], tasks: [], unitName: { _ in nil }, leaderName: { _ in nil })
                try await PlanVersions.record(document, planID: plan.id, status: .draft, by: req.auditWho.username, on: db)
            }
            try await AuditLog.append(.init(action: model == nil ? "plan.create" : "plan.update", targetType: "plan", targetID: plan.id.uuidString,
                                            summary: "\(plan.jurisdictionCode) \(plan.year) \(plan.title)"), by: req.auditWho, at: req.now, on: db)
        }
        return plan.id
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
            _ = try await writePart(req, plan, model, fields)
            return req.redirect(to: SiteURL.planManage(plan.id).path, redirectType: .normal)
        }, showAgain: { renderPart(req, plan, model, values: fields, errors: $0) })
    }

    /// Creates (no `model`) or updates (renumbers, retitles) a part of `plan`; returns its id.
    static func writePart(_ req: Request, _ plan: Plan, _ model: PartModel?, _ fields: [String: String]) async throws -> UUID {
        if let problem = TaskEditing.editProblem(plan) { throw problem }
        let id = try model?.requireID() ?? UUID()
        let others = (try await req.catalog().partsByPlan[plan.id] ?? []).filter { $0.id != id }
        let part = try DirectoryRules.part(number: fields["number"] ?? "", title: fields["title"] ?? "", id: id, planID: plan.id, others: others).get()
        try await req.db.transaction { db in
            if let model {
                try await OptimisticLock.update(PartModel.schema, id: id, from: fields["version"], current: model.version, at: req.now, on: db) {
                    $0.set("number", to: part.number).set("title", to: part.title)
                }
            } else {
                try await PartModel(part).create(on: db)
            }
            let renumbered = model.map { $0.number != part.number ? " (was \($0.number))" : "" } ?? ""
            try await AuditLog.append(.init(action: model == nil ? "part.create" : "part.update", targetType: "plan", targetID: plan.id.uuidString,
                                            summary: "part \(part.number)\(renumbered): \(part.title)"), by: req.auditWho, at: req.now, on: db)
        }
        return id
    }

    // MARK: API

    struct PlanBody: Content {
        var year: Int
        var title: String
        var issuingBody: String
        var reportApprovedOn: String?
        var reportApprovedBy: String?
        var version: Int?
        var fields: [String: String] {
            ["year": String(year), "title": title, "issuingBody": issuingBody, "reportApprovedOn": reportApprovedOn ?? "",
             "reportApprovedBy": reportApprovedBy ?? "", "version": version.map(String.init) ?? ""]
        }
    }

    struct PartBody: Content {
        var number: Int
        var title: String
        var version: Int?
        var fields: [String: String] { ["number": String(number), "title": title, "version": version.map(String.init) ?? ""] }
    }

    @Sendable static func createPlanAPI(_ req: Request) async throws -> Response {
        let body = try req.content.decode(PlanBody.self)
        return try await DirectoryController.apiWrite(req, created: true) { (try await writePlan(req, nil, body.fields), 1) }
    }

    @Sendable static func updatePlanAPI(_ req: Request) async throws -> Response {
        let body = try req.content.decode(PlanBody.self)
        guard let model = try await planModel(req) else { throw DomainError.planNotFound(UUID()) }
        guard body.version != nil else { throw DomainError.missing("version", zh: "请提供所编辑记录的版本号", en: "Give the version you edited") }
        return try await DirectoryController.apiWrite(req, created: false) { (try await writePlan(req, model, body.fields), model.version + 1) }
    }

    @Sendable static func createPartAPI(_ req: Request) async throws -> Response {
        let body = try req.content.decode(PartBody.self)
        let (plan, _) = try await part(req)
        return try await DirectoryController.apiWrite(req, created: true) { (try await writePart(req, plan, nil, body.fields), 1) }
    }

    @Sendable static func updatePartAPI(_ req: Request) async throws -> Response {
        let body = try req.content.decode(PartBody.self)
        let (plan, model) = try await part(req)
        guard let model else { throw DomainError.planNotFound(plan.id) }
        guard body.version != nil else { throw DomainError.missing("version", zh: "请提供所编辑记录的版本号", en: "Give the version you edited") }
        return try await DirectoryController.apiWrite(req, created: false) { (try await writePart(req, plan, model, body.fields), model.version + 1) }
    }
}
