import LuoshiDomain
import LuoshiHTML
import Vapor

/// The public pages of issued plans: home, plan, part, task, units, unit, leaders, leader.
enum PublicPagesController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.home, requires: .readPublic, use: home)
        routes.on(.GET, SiteURL.Route.plan, requires: .readPublic, use: plan)
        routes.on(.GET, SiteURL.Route.part, requires: .readPublic, use: part)
        routes.on(.GET, SiteURL.Route.task, requires: .readPublic, use: task)
        routes.on(.GET, SiteURL.Route.units, requires: .readPublic, use: units)
        routes.on(.GET, SiteURL.Route.unit, requires: .readPublic, use: unit)
        routes.on(.GET, SiteURL.Route.leaders, requires: .readPublic, use: leaders)
        routes.on(.GET, SiteURL.Route.leader, requires: .readPublic, use: leader)
    }

    @Sendable static func home(_ req: Request) async throws -> Response {
        try await req.page(.home) { snapshot, context in
            let model = try PlanOverviewPage.query(snapshot, planID: nil)
            return PlanOverviewPage.render(model, context: context.with(notice: model.plan?.illustrativeNotice))
        }
    }

    @Sendable static func plan(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter("planID")
        return try await req.page(.home) { snapshot, context in
            let model = try PlanOverviewPage.query(snapshot, planID: id)
            return PlanOverviewPage.render(model, context: context.with(notice: model.plan?.illustrativeNotice))
        }
    }

    @Sendable static func part(_ req: Request) async throws -> Response {
        let planID = try req.uuidParameter("planID")
        let number = try req.intParameter("number")
        return try await req.page(.home) { snapshot, context in
            let model = try PartPage.query(snapshot, planID: planID, number: number)
            return PartPage.render(model, context: context.with(notice: model.plan.illustrativeNotice))
        }
    }

    @Sendable static func task(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter("taskID")
        return try await req.page(.home) { snapshot, context in
            let model = try TaskPage.query(snapshot, taskID: id)
            return TaskPage.render(model, context: context.with(notice: model.plan.illustrativeNotice))
        }
    }

    @Sendable static func units(_ req: Request) async throws -> Response {
        try await req.page(.units) { snapshot, context in
            UnitsPage.render(UnitsPage.query(snapshot), context: context.with(notice: snapshot.notice(for: snapshot.publicPlans)))
        }
    }

    @Sendable static func unit(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter("unitID")
        return try await req.page(.units) { snapshot, context in
            let model = try UnitPage.query(snapshot, unitID: id)
            let plans = (model.led + model.cooperated).map(\.plan)
            return UnitPage.render(model, context: context.with(notice: snapshot.notice(for: plans)))
        }
    }

    @Sendable static func leaders(_ req: Request) async throws -> Response {
        try await req.page(.leaders) { snapshot, context in
            LeadersPage.render(LeadersPage.query(snapshot), context: context.with(notice: snapshot.notice(for: snapshot.publicPlans)))
        }
    }

    @Sendable static func leader(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter("leaderID")
        return try await req.page(.leaders) { snapshot, context in
            let model = try LeaderPage.query(snapshot, leaderID: id)
            return LeaderPage.render(model, context: context.with(notice: snapshot.notice(for: model.tasks.map(\.plan))))
        }
    }
}
