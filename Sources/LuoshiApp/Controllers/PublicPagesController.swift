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
        let progress = try await publicProgress(req, planID: try await req.catalog().publicPlans.first?.id)
        return try await req.page(.home, variant: progress.variant) { snapshot, context in
            var model = try PlanOverviewPage.query(snapshot, planID: nil)
            model.progress = progress.value
            return PlanOverviewPage.render(model, context: context.with(notice: model.plan?.illustrativeNotice))
        }
    }

    @Sendable static func plan(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter("planID")
        let progress = try await publicProgress(req, planID: id)
        return try await req.page(.home, variant: progress.variant) { snapshot, context in
            var model = try PlanOverviewPage.query(snapshot, planID: id)
            model.progress = progress.value
            return PlanOverviewPage.render(model, context: context.with(notice: model.plan?.illustrativeNotice))
        }
    }

    /// The plan's 公开进度 and the cache variant it makes (the bulletin it comes from: a
    /// published bulletin never changes, a correction is a new issue).
    private static func publicProgress(_ req: Request, planID: UUID?) async throws -> (value: PublicProgress?, variant: String) {
        guard let planID, try await req.catalog().plansByID[planID]?.isPublic == true else { return (nil, "") }
        let progress = try await BulletinStore.publicProgress(planID: planID, cache: req.application.ledgerCache, on: req.db)
        return (progress, "progress=\(progress?.issue ?? 0)")
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
        let progress = try await publicProgress(req, planID: try await req.catalog().tasksByID[id]?.planID)
        return try await req.page(.home, variant: progress.variant) { snapshot, context in
            var model = try TaskPage.query(snapshot, taskID: id)
            model.progress = progress.value
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
