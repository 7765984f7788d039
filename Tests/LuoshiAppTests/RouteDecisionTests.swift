import Foundation
@testable import LuoshiApp
import Testing
import Vapor
import VaporTesting

/// Every route the application registers must have an access decision here, so a new route
/// cannot ship without one. Accounts and roles (the next issue) extend the decisions per role.
@Suite("Access decisions for every route")
struct RouteDecisionTests {
    enum Access { case publicRead }

    static let decisions: [String: Access] = [
        "GET /": .publicRead,
        "GET /plans/:planID": .publicRead,
        "GET /plans/:planID/parts/:number": .publicRead,
        "GET /tasks/:taskID": .publicRead,
        "GET /units": .publicRead,
        "GET /units/:unitID": .publicRead,
        "GET /leaders": .publicRead,
        "GET /leaders/:leaderID": .publicRead,
        "GET /preferences": .publicRead,
        "GET /assets/:stylesheet": .publicRead,
        "GET /health": .publicRead,
        "GET /metrics": .publicRead,
        "GET /api/v1/plans": .publicRead,
        "GET /api/v1/plans/:planID": .publicRead,
        "GET /api/v1/plans/:planID/tasks": .publicRead,
        "GET /api/v1/tasks/:taskID": .publicRead,
        "GET /api/v1/units": .publicRead,
        "GET /api/v1/units/:unitID": .publicRead,
        "GET /api/v1/leaders": .publicRead,
        "GET /api/openapi.json": .publicRead,
    ]

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    @Test func everyRegisteredRouteHasADecision() async throws {
        try await withLuoshiApp(sample: false) { app in
            let registered = Set(app.routes.all.map(Self.key))
            #expect(registered.subtracting(Self.decisions.keys).isEmpty, "routes without a decision")
            #expect(Set(Self.decisions.keys).subtracting(registered).isEmpty, "decisions for routes that do not exist")
        }
    }

    @Test func publicRoutesAnswerAnonymousVisitorsWithoutAServerError() async throws {
        try await withLuoshiApp { app in
            let snapshot = try await app.snapshot()
            let plan = try #require(snapshot.plans.first)
            let task = try #require(snapshot.tasksByPlan[plan.id]?.first)
            let unit = try #require(snapshot.units.first)
            let leader = try #require(snapshot.leaders.first)
            let values = [":planID": plan.id.uuidString, ":number": "1", ":taskID": task.id.uuidString,
                          ":unitID": unit.id.uuidString, ":leaderID": leader.id.uuidString,
                          ":stylesheet": "luoshi-\(Stylesheet.fingerprint).css"]
            for route in app.routes.all where Self.decisions[Self.key(route)] == .publicRead {
                let path = "/" + route.path.map { values[$0.description] ?? $0.description }.joined(separator: "/")
                try await app.testing().test(route.method, path) { res in
                    #expect([.ok, .seeOther].contains(res.status), "\(Self.key(route)) answered \(res.status)")
                }
            }
        }
    }
}
