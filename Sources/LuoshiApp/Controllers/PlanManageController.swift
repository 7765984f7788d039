import Fluent
import SQLKit
import Foundation
import LuoshiDomain
import LuoshiHTML
import Vapor

/// The supervision office takes a plan through its lifecycle and compares its versions.
enum PlanManageController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.planManage, requires: .managePlans, use: manage)
        routes.on(.POST, SiteURL.Route.planTransition, requires: .managePlans, use: transition)
        routes.on(.POST, SiteURL.Route.planDisclosure, requires: .managePlans, use: disclosure)
        routes.on(.GET, SiteURL.Route.planCharters, requires: .managePlans, use: charters)
        routes.on(.GET, SiteURL.Route.apiPlanVersions, requires: .managePlans, use: versionsAPI)
        routes.on(.GET, SiteURL.Route.apiPlanVersionComparison, requires: .managePlans, use: comparisonAPI)
    }

    @Sendable static func charters(_ req: Request) async throws -> Response {
        let (model, snapshot) = try await plan(req)
        let planID = try model.requireID()
        guard let plan = snapshot.plansByID[planID] else { throw DomainError.planNotFound(planID) }
        let taskIDs = (snapshot.tasksByPlan[planID] ?? []).map(\.id)
        var charters: [UUID: [UUID: CharterStatus]] = [:]
        for charter in try await CharterModel.query(on: req.db).filter(\.$task.$id ~~ taskIDs).all() {
            charters[charter.$task.id, default: [:]][charter.unitID] = charter.status
        }
        let changes = try await ChangeRequestModel.query(on: req.db).filter(\.$task.$id ~~ taskIDs).filter(\.$status == .pending).all()
        let comments = try await TaskCommentModel.query(on: req.db).filter(\.$planID == planID).filter(\.$decision == .pending).all()
        let rows = PlanChartersPage.rows(plan: plan, snapshot: snapshot, charters: charters,
                                         pendingChanges: Dictionary(grouping: changes, by: { $0.$task.id }).mapValues(\.count),
                                         pendingComments: Dictionary(grouping: comments, by: { $0.$task.id }).mapValues(\.count))
        let page = PlanChartersPage.Model(plan: plan, rows: rows, showAll: req.query[String.self, at: "all"] == "1")
        return req.htmlResponse(PlanChartersPage.render(page, context: req.pageContext(section: .workbench)))
    }

    private static func versions(_ planID: UUID, on db: any Database) async throws -> [PlanVersionModel] {
        try await PlanVersionModel.query(on: db).filter(\.$plan.$id == planID).sort(\.$number).all()
    }

    @Sendable static func versionsAPI(_ req: Request) async throws -> [PlanVersionDTO] {
        let (model, _) = try await plan(req)
        let iso = Date.ISO8601FormatStyle()
        return try await versions(try model.requireID(), on: req.db).map {
            PlanVersionDTO(number: $0.number, status: $0.status, createdAt: $0.createdAt.map(iso.format) ?? "", createdBy: $0.createdBy)
        }
    }

    @Sendable static func comparisonAPI(_ req: Request) async throws -> PlanComparisonDTO {
        let (model, _) = try await plan(req)
        let stored = try await versions(try model.requireID(), on: req.db)
        let (from, to, changes) = try compare(stored, from: req.query[String.self, at: "from"], to: req.query[String.self, at: "to"])
        return PlanComparisonDTO(from: from, to: to, changes: changes.map {
            .init(kind: $0.kind, task: $0.task.description, field: $0.field ?? "", before: $0.before ?? "", after: $0.after ?? "")
        })
    }

    /// The differences between two stored versions named by their numbers.
    private static func compare(_ versions: [PlanVersionModel], from: String?, to: String?) throws -> (Int, Int, [PlanDiff.Change]) {
        guard let fromText = from, let toText = to else {
            throw DomainError.missing(from == nil ? "from" : "to", zh: "请指定要比较的两个版本", en: "Name the two versions to compare")
        }
        guard let from = Int(fromText), let old = versions.first(where: { $0.number == from })?.planDocument else {
            throw DomainError.invalid("from", zh: "没有这个版本", en: "No such version")
        }
        guard let to = Int(toText), let new = versions.first(where: { $0.number == to })?.planDocument else {
            throw DomainError.invalid("to", zh: "没有这个版本", en: "No such version")
        }
        return (from, to, PlanDiff.compare(old, new))
    }

    /// The plan, if the office manages it (its own jurisdiction's).
    private static func plan(_ req: Request) async throws -> (PlanModel, CatalogSnapshot) {
        let id = try req.uuidParameter("planID")
        let user = try req.requireUser()
        guard let model = try await PlanModel.find(id, on: req.db), Policy.can(user.actor, .managePlans, jurisdictionCode: model.jurisdictionCode) else {
            throw DomainError.planNotFound(id)
        }
        return (model, try await req.catalog())
    }

    @Sendable static func manage(_ req: Request) async throws -> Response {
        try await render(req, error: nil)
    }

    private static func render(_ req: Request, error: DomainError?) async throws -> Response {
        let (model, snapshot) = try await plan(req)
        guard let plan = snapshot.plansByID[try model.requireID()] else { throw DomainError.planNotFound(try model.requireID()) }
        let versions = try await versions(plan.id, on: req.db)
        var comparison: (from: Int, to: Int, changes: [PlanDiff.Change])?
        if req.query[String.self, at: "from"] != nil || req.query[String.self, at: "to"] != nil {
            comparison = try compare(versions, from: req.query[String.self, at: "from"], to: req.query[String.self, at: "to"])
        }
        let page = PlanManagePage.Model(
            plan: plan, version: model.version,
            versions: versions.map { .init(number: $0.number, status: $0.status, createdAt: $0.createdAt, createdBy: $0.createdBy) },
            comparison: comparison, parts: snapshot.partsByPlan[plan.id] ?? [],
            taskCounts: Dictionary(grouping: snapshot.tasksByPlan[plan.id] ?? [], by: \.number.part).mapValues(\.count),
            csrfToken: req.currentUser?.csrfToken ?? "", error: error, today: CalendarDate(date: req.now))
        return req.htmlResponse(PlanManagePage.render(page, context: req.pageContext(section: .workbench)), status: error?.status ?? .ok)
    }

    struct TransitionForm: Content {
        var step: String?
        var date: String?
        var meeting: String?
        var documentNumber: String?
        var version: String?
    }

    @Sendable static func transition(_ req: Request) async throws -> Response {
        let form = try req.content.decode(TransitionForm.self)
        do {
            let (model, snapshot) = try await plan(req)
            let planID = try model.requireID()
            let command = PlanService.AdvancePlan(planID: planID, step: form.step ?? "", date: form.date ?? "", meeting: form.meeting ?? "",
                                                  documentNumber: form.documentNumber ?? "", version: form.version.flatMap { Int($0) })
            try await PlanService.advance(command, by: try req.writer, snapshot: snapshot, indexSchemes: req.application.luoshiConfig.indexSchemes,
                                          on: req.db)
            return req.redirect(to: SiteURL.planManage(planID).path, redirectType: .normal)
        } catch let error as DomainError {
            return try await render(req, error: error)
        }
    }

    struct DisclosureForm: Content {
        var subjectWords: String?
        var disclosureMode: String?
        var writtenOn: String?
        var validity: String?
        var version: String?
    }

    /// 公开信息: the plan's disclosure metadata.
    @Sendable static func disclosure(_ req: Request) async throws -> Response {
        let form = try req.content.decode(DisclosureForm.self)
        do {
            let (model, _) = try await plan(req)
            let planID = try model.requireID()
            try await PlanService.saveDisclosure(.init(planID: planID, subjectWords: form.subjectWords ?? "", disclosureMode: form.disclosureMode ?? "",
                                                       writtenOn: form.writtenOn ?? "", validity: form.validity ?? "",
                                                       version: form.version.flatMap { Int($0) }),
                                                 by: try req.writer, on: req.db)
            return req.redirect(to: SiteURL.planManage(planID).path, redirectType: .normal)
        } catch let error as DomainError {
            return try await render(req, error: error)
        }
    }
}
