import LuoshiDomain
import LuoshiHTML
import Vapor

/// The public pages of issued plans: home, plan, part, task, units, unit, leaders, leader.
enum PublicPagesController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.Route.home, use: home)
        routes.get(SiteURL.Route.plan, use: plan)
        routes.get(SiteURL.Route.part, use: part)
        routes.get(SiteURL.Route.task, use: task)
        routes.get(SiteURL.Route.units, use: units)
        routes.get(SiteURL.Route.unit, use: unit)
        routes.get(SiteURL.Route.leaders, use: leaders)
        routes.get(SiteURL.Route.leader, use: leader)
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
