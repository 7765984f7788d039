import Foundation
import LuoshiDomain
import Vapor

/// The read API: public plans, their tasks, units and leaders, as DTOs, served from the read
/// model through the response cache.
enum CatalogAPIController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.apiPlans, requires: .readPublic, use: plans)
        routes.on(.GET, SiteURL.Route.apiPlan, requires: .readPublic, use: plan)
        routes.on(.GET, SiteURL.Route.apiPlanTasks, requires: .readPublic, use: planTasks)
        routes.on(.GET, SiteURL.Route.apiTask, requires: .readPublic, use: task)
        routes.on(.GET, SiteURL.Route.apiUnits, requires: .readPublic, use: units)
        routes.on(.GET, SiteURL.Route.apiUnit, requires: .readPublic, use: unit)
        routes.on(.GET, SiteURL.Route.apiLeaders, requires: .readPublic, use: leaders)
        routes.on(.GET, SiteURL.Route.openAPI, requires: .readPublic, use: openAPI)
    }

    @Sendable static func plans(_ req: Request) async throws -> Response {
        try await req.json { snapshot in snapshot.publicPlans.map { DTO.PlanSummary($0, snapshot) } }
    }

    @Sendable static func plan(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter("planID")
        return try await req.json { snapshot in DTO.PlanDetail(try publicPlan(id, snapshot), snapshot) }
    }

    @Sendable static func planTasks(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter("planID")
        let filter = try TaskFilter { req.query[String.self, at: $0] }
        return try await req.json { snapshot in
            _ = try publicPlan(id, snapshot)
            return (snapshot.tasksByPlan[id] ?? []).filter(filter.matches).map { DTO.Task(snapshot.listing($0)) }
        }
    }

    @Sendable static func task(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter("taskID")
        return try await req.json { snapshot in
            guard let task = snapshot.tasksByID[id], snapshot.isPublic(task) else { throw DomainError.taskNotFound(id) }
            return DTO.Task(snapshot.listing(task))
        }
    }

    @Sendable static func units(_ req: Request) async throws -> Response {
        try await req.json { snapshot in snapshot.units.map { DTO.UnitSummary($0, snapshot) } }
    }

    @Sendable static func unit(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter("unitID")
        return try await req.json { snapshot in
            guard let unit = snapshot.unitsByID[id] else { throw DomainError.unitNotFound(id) }
            func refs(_ tasks: [PlanTask]) -> [DTO.TaskRef] {
                tasks.map { DTO.TaskRef(id: $0.id, planID: $0.planID, number: $0.number.description, content: $0.content) }
            }
            return DTO.UnitDetail(unit: DTO.UnitSummary(unit, snapshot),
                                  leadTasks: refs(snapshot.publicTasks(ledBy: id)),
                                  cooperatingTasks: refs(snapshot.publicTasks(cooperatedBy: id)))
        }
    }

    @Sendable static func leaders(_ req: Request) async throws -> Response {
        try await req.json { snapshot in
            snapshot.leaders.map { leader in
                DTO.LeaderSummary(
                    id: leader.id, name: leader.name, post: leader.post, portfolio: leader.portfolio,
                    jurisdiction: DTO.JurisdictionRef(code: leader.jurisdictionCode,
                                                      name: snapshot.jurisdictionName(leader.jurisdictionCode)),
                    taskCount: snapshot.publicTasks(of: leader.id).count)
            }
        }
    }

    @Sendable static func openAPI(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }

    private static func publicPlan(_ id: UUID, _ snapshot: CatalogSnapshot) throws(DomainError) -> Plan {
        guard let plan = snapshot.plansByID[id], plan.isPublic else { throw .planNotFound(id) }
        return plan
    }
}

extension Request {
    /// Encodes the DTO built from the snapshot as JSON, through the response cache.
    func json<Body: Encodable>(_ build: (CatalogSnapshot) throws -> Body) async throws -> Response {
        let snapshot = try await catalog()
        return try cachedResponse(snapshot, variant: "api") {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (ByteBuffer(data: try encoder.encode(build(snapshot))), .json)
        }
    }
}
