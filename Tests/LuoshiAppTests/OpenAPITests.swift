import Foundation
@testable import LuoshiApp
import Testing
import Vapor
import VaporTesting

@Suite("OpenAPI document")
struct OpenAPITests {
    private static func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
    }

    @Test func describesEveryAPIRouteAndNothingElse() async throws {
        let paths = try #require(try Self.document()["paths"] as? [String: Any])
        #expect(try Self.document()["openapi"] as? String == "3.1.0")
        try await withLuoshiApp(sample: false) { app in
            // Every method of every API route, and nothing else.
            let apiRoutes = app.routes.all.filter { $0.path.first?.description == "api" }.map { route in
                route.method.rawValue.lowercased() + " /" + route.path.map { component -> String in
                    let text = component.description
                    return text.hasPrefix(":") ? "{\(text.dropFirst())}" : text
                }.joined(separator: "/")
            }
            let documented = paths.flatMap { path, item in ((item as? [String: Any]) ?? [:]).keys.map { "\($0) \(path)" } }
            #expect(Set(apiRoutes) == Set(documented))
            try await app.testing().test(.GET, "/api/openapi.json") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType == .json)
            }
        }
    }

    /// Every key a response carries is declared in its schema, and every required key is there.
    /// Every key of `value` is declared in the schema `name`, and every required key is there.
    static func check(_ value: Any, schema name: String) throws {
        let schemas = try #require((try document()["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let schema = try #require(schemas[name] as? [String: Any])
        let object = try #require(value as? [String: Any], "\(name) is an object")
        let properties = try #require(schema["properties"] as? [String: Any])
        let required = Set(schema["required"] as? [String] ?? [])
        #expect(Set(object.keys).subtracting(properties.keys).isEmpty, "\(name) has undeclared keys: \(Set(object.keys).subtracting(properties.keys))")
        #expect(required.subtracting(object.keys).isEmpty, "\(name) lacks required keys: \(required.subtracting(object.keys))")
    }

    @Test func responsesMatchTheirSchemasKeys() async throws {
        func check(_ value: Any, schema name: String) throws { try Self.check(value, schema: name) }
        try await withLuoshiApp { app in
            let id = try await app.samplePlanID()
            let snapshot = try await app.snapshot()
            let unit = try #require(snapshot.units.first)
            try await app.testing().test(.GET, "/api/v1/plans") { res in
                for plan in try #require(try res.json() as? [Any]) { try check(plan, schema: "PlanSummary") }
            }
            try await app.testing().test(.GET, "/api/v1/plans/\(id)") { res in try check(try res.json(), schema: "PlanDetail") }
            try await app.testing().test(.GET, "/api/v1/plans/\(id)/tasks") { res in
                for task in try #require(try res.json() as? [[String: Any]]) {
                    try check(task, schema: "Task")
                    for unit in try #require(task["leadUnits"] as? [Any]) { try check(unit, schema: "UnitRef") }
                }
            }
            try await app.testing().test(.GET, "/api/v1/units") { res in
                for unit in try #require(try res.json() as? [Any]) { try check(unit, schema: "UnitSummary") }
            }
            try await app.testing().test(.GET, "/api/v1/units/\(unit.id)") { res in try check(try res.json(), schema: "UnitDetail") }
            try await app.testing().test(.GET, "/api/v1/leaders") { res in
                for leader in try #require(try res.json() as? [Any]) { try check(leader, schema: "LeaderSummary") }
            }
            try await app.testing().test(.GET, "/api/v1/tasks/nope") { res in try check(try res.json(), schema: "Error") }
        }
    }
}
