import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// 专项督查: the office plans an inspection (topic, tasks and units, team, dates), records what
/// it finds per task and unit with evidence, and turns a finding into a rectification in one step.
/// Unit staff read the inspections that cover their unit, and only the findings about it.
enum InspectionController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.inspections, requires: .readInternal, use: listPage)
        routes.on(.POST, SiteURL.Route.inspections, requires: .managePlans, use: create)
        routes.on(.GET, SiteURL.Route.inspection, requires: .readInternal, use: inspectionPage)
        routes.on(.POST, SiteURL.Route.inspectionFindings, requires: .managePlans, use: addFinding)
        routes.on(.POST, SiteURL.Route.inspectionFindingFiles, requires: .managePlans, use: attach)
        routes.on(.POST, SiteURL.Route.inspectionFindingRectify, requires: .managePlans, use: rectify)
    }

    @Sendable static func listPage(_ req: Request) async throws -> Response {
        try await renderList(req, form: nil, errors: [])
    }

    private static func renderList(_ req: Request, form: Inspection.Form?, errors: [DomainError]) async throws -> Response {
        let (plan, _, user) = try await DispatchController.plan(req)
        var inspections = try await InspectionModel.query(on: req.db).filter(\.$plan.$id == plan.id).sort(\.$startsOn, .descending).all()
        if user.actor.role == .unitStaff { inspections = inspections.filter { $0.unitIDs.contains { $0 == user.actor.unitID } } }
        let ids = inspections.compactMap(\.id)
        let findings = ids.isEmpty ? [] : try await InspectionFindingModel.query(on: req.db).filter(\.$inspection.$id ~~ ids).all()
        let model = InspectionsPage.Model(
            plan: plan,
            entries: inspections.compactMap { inspection in
                inspection.id.map { id in .init(id: id, topic: inspection.topic, startsOn: inspection.startsOn, endsOn: inspection.endsOn,
                                                findings: findings.count { $0.$inspection.id == id }) }
            },
            managesPlans: Policy.can(user.actor, .managePlans, jurisdictionCode: plan.jurisdictionCode), csrfToken: user.csrfToken ?? "",
            form: form ?? .init(topic: "", team: "", startsOn: "", endsOn: "", tasks: "", units: ""), errors: errors)
        return req.htmlResponse(InspectionsPage.render(model, context: req.pageContext(section: .workbench)), status: errors.first?.status ?? .ok)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let command = InspectionService.PlanInspection(form: try req.content.decode([String: String].self))
        let (plan, catalog, _) = try await DispatchController.plan(req)
        return try await savingForm({
            let id = try await InspectionService.plan(command, plan: plan, catalog: catalog, by: try req.writer, on: req.db)
            return req.redirect(to: SiteURL.inspection(id).path + "?done=planned", redirectType: .normal)
        }, showAgain: { try await renderList(req, form: command.form, errors: $0) })
    }

    /// The inspection named in the path, in the user's jurisdiction (unit staff: covering their unit).
    static func inspection(_ req: Request) async throws -> (InspectionModel, Plan, CatalogSnapshot, CurrentUser) {
        let id = try req.uuidParameter("inspectionID")
        return try await scoped(req, try await InspectionModel.find(id, on: req.db))
    }

    private static func scoped(_ req: Request, _ inspection: InspectionModel?) async throws -> (InspectionModel, Plan, CatalogSnapshot, CurrentUser) {
        let user = try req.requireUser()
        let catalog = try await req.catalog()
        guard let inspection, Policy.can(user.actor, .readInternal, jurisdictionCode: inspection.jurisdictionCode), let plan = catalog.plansByID[inspection.$plan.id],
              user.actor.role != .unitStaff || inspection.unitIDs.contains(where: { $0 == user.actor.unitID }) else {
            throw DomainError.notFound("inspectionID", zh: "专项督查不存在", en: "No such inspection")
        }
        return (inspection, plan, catalog, user)
    }

    /// The finding named in the path, with its inspection.
    private static func finding(_ req: Request) async throws -> (InspectionFindingModel, InspectionModel, Plan, CatalogSnapshot, CurrentUser) {
        let id = try req.uuidParameter("findingID")
        guard let finding = try await InspectionFindingModel.find(id, on: req.db) else {
            throw DomainError.notFound("findingID", zh: "督查发现不存在", en: "No such finding")
        }
        let (inspection, plan, catalog, user) = try await scoped(req, try await InspectionModel.find(finding.$inspection.id, on: req.db))
        return (finding, inspection, plan, catalog, user)
    }

    @Sendable static func inspectionPage(_ req: Request) async throws -> Response {
        let (inspection, plan, catalog, user) = try await inspection(req)
        return try await render(req, inspection, plan: plan, catalog: catalog, user: user, values: [:], errors: [])
    }

    private static func render(_ req: Request, _ inspection: InspectionModel, plan: Plan, catalog: CatalogSnapshot, user: CurrentUser,
                               values: [String: String], errors: [DomainError]) async throws -> Response {
        let id = try inspection.requireID()
        var findings = try await InspectionFindingModel.query(on: req.db).filter(\.$inspection.$id == id).sort(\.$createdAt).all()
        if user.actor.role == .unitStaff { findings = findings.filter { $0.unitID == user.actor.unitID } }
        let findingIDs = findings.compactMap(\.id)
        let files = findingIDs.isEmpty ? [] : try await SupervisionFileModel.query(on: req.db).filter(\.$finding.$id ~~ findingIDs).sort(\.$createdAt).all()
        let rectificationIDs = findings.compactMap(\.rectificationID)
        let rectifications = rectificationIDs.isEmpty ? [] : try await SupervisionItemModel.query(on: req.db).filter(\.$id ~~ rectificationIDs).all()
        let model = InspectionPage.Model(
            plan: plan, id: id, topic: inspection.topic, team: inspection.team, startsOn: inspection.startsOn, endsOn: inspection.endsOn,
            tasks: inspection.taskIDs.compactMap { catalog.tasksByID[$0] }, units: inspection.unitIDs.compactMap { unitID in catalog.unitsByID[unitID].map { (unitID, $0.shortName) } },
            findings: findings.compactMap { finding in
                guard let findingID = finding.id, let task = catalog.tasksByID[finding.taskID] else { return nil }
                let rectification = rectifications.first { $0.id == finding.rectificationID }
                return .init(id: findingID, task: task, unit: catalog.unitsByID[finding.unitID]?.shortName ?? "", text: finding.text,
                             files: files.filter { $0.$finding.id == findingID }.compactMap { file in file.id.map { .init(id: $0, name: file.fileName, size: file.size) } },
                             rectification: rectification.flatMap { item in item.id.map { ($0, item.kind, item.documentNumber) } })
            },
            managesPlans: Policy.can(user.actor, .managePlans, jurisdictionCode: plan.jurisdictionCode), csrfToken: user.csrfToken ?? "", values: values, errors: errors,
            notice: req.query[String.self, at: "done"])
        return req.htmlResponse(InspectionPage.render(model, context: req.pageContext(section: .workbench)), status: errors.first?.status ?? .ok)
    }

    @Sendable static func addFinding(_ req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let (inspection, plan, catalog, user) = try await inspection(req)
        return try await savingForm({
            try await InspectionService.recordFinding(.init(form: fields), in: inspection, by: try req.writer, on: req.db)
            return req.redirect(to: SiteURL.inspection(try inspection.requireID()).path + "?done=found", redirectType: .normal)
        }, showAgain: { try await render(req, inspection, plan: plan, catalog: catalog, user: user, values: fields, errors: $0) })
    }

    @Sendable static func attach(_ req: Request) async throws -> Response {
        let (finding, inspection, plan, catalog, user) = try await finding(req)
        return try await savingForm({
            try await InspectionService.attachEvidence(req.evidenceUpload, to: finding, of: inspection, plan: plan, by: try req.writer,
                                                       storage: req.application.evidenceStorage, on: req.db)
            return req.redirect(to: SiteURL.inspection(try inspection.requireID()).path + "?done=attached", redirectType: .normal)
        }, showAgain: { try await render(req, inspection, plan: plan, catalog: catalog, user: user, values: [:], errors: $0) })
    }

    /// Turns a finding into a rectification (`InspectionService.rectify`); one already rectified
    /// opens its rectification.
    @Sendable static func rectify(_ req: Request) async throws -> Response {
        let (finding, inspection, plan, catalog, _) = try await finding(req)
        let existing = finding.rectificationID
        let id = try await InspectionService.rectify(finding, of: inspection, plan: plan, catalog: catalog, by: try req.writer,
                                                     app: req.application, on: req.db)
        return req.redirect(to: SiteURL.supervisionItem(id).path + (existing == nil ? "?done=created" : ""), redirectType: .normal)
    }
}
