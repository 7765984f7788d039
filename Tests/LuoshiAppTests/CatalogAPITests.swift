import Foundation
@testable import LuoshiApp
import Testing
import VaporTesting

@Suite("Read API on the sample plan")
struct CatalogAPITests {
    @Test func plansListTheSample() async throws {
        try await withLuoshiApp { app in
            try await app.testing().test(.GET, "/api/v1/plans") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType == .json)
                let plans = try #require(try res.json() as? [[String: Any]])
                #expect(plans.count == 1)
                let plan = try #require(plans.first)
                #expect(plan["year"] as? Int == 2023)
                #expect(plan["taskCount"] as? Int == 91)
                #expect(plan["status"] as? String == "issued")
                #expect(plan["documentNumber"] as? String == "沂政办字〔2023〕6号")
                #expect(plan["illustrative"] as? Bool == true)
                let jurisdiction = try #require(plan["jurisdiction"] as? [String: Any])
                #expect(jurisdiction["code"] as? String == "371323")
                #expect(jurisdiction["name"] as? String == "沂水县")
            }
        }
    }

    @Test func planHasEightPartsOfTheSeedSizes() async throws {
        try await withLuoshiApp { app in
            let id = try await app.samplePlanID()
            try await app.testing().test(.GET, "/api/v1/plans/\(id)") { res in
                #expect(res.status == .ok)
                let plan = try #require(try res.json() as? [String: Any])
                let parts = try #require(plan["parts"] as? [[String: Any]])
                #expect(parts.count == 8)
                #expect(parts.compactMap { $0["taskCount"] as? Int } == [5, 12, 21, 12, 17, 13, 7, 4])
                #expect(parts.first?["title"] as? String == "主要预期目标")
                #expect(parts.last?["title"] as? String == "加强政府自身建设")
                let stages = try #require(plan["stages"] as? [String: Any])
                #expect(stages["draft"] as? String == "2023-02-08")
                #expect(stages["consultation"] as? String == "2023-02-22")
                #expect(stages["approved"] as? String == "2023-03-04")
                #expect(stages["issued"] as? String == "2023-03-06")
                #expect(plan["issuingBody"] as? String == "沂水县人民政府办公室")
                #expect(plan["disclosureMode"] as? String == "proactive" && plan["validity"] as? String == "valid")
                #expect(plan["subjectWords"] is NSNull && plan["writtenOn"] is NSNull, "unset metadata is null, not left out")
            }
        }
    }

    @Test func tasksAreListedWithOwnersAndFilterByPart() async throws {
        try await withLuoshiApp { app in
            let id = try await app.samplePlanID()
            try await app.testing().test(.GET, "/api/v1/plans/\(id)/tasks") { res in
                let tasks = try #require(try res.json() as? [[String: Any]])
                #expect(tasks.count == 91)
                #expect(tasks.first?["number"] as? String == "1.1")
                for task in tasks {
                    let leads = try #require(task["leadUnits"] as? [[String: Any]])
                    #expect(!leads.isEmpty, "task \(task["number"] ?? "?") has a lead unit")
                    #expect(task.keys.contains("deadline") && task.keys.contains("annualTarget"))
                    if task["kind"] as? String == "phased" { #expect(task["deadline"] is String) }
                    if task["kind"] as? String == "ongoing" { #expect(task["annualTarget"] is String) }
                }
            }
            try await app.testing().test(.GET, "/api/v1/plans/\(id)/tasks?part=3") { res in
                let tasks = try #require(try res.json() as? [[String: Any]])
                #expect(tasks.count == 21)
                #expect(tasks.allSatisfy { $0["part"] as? Int == 3 })
                #expect(tasks.map { $0["number"] as? String }.last == "3.21")
            }
        }
    }

    @Test func filtersByKindUnitAndLeaderAgreeWithTheReadModel() async throws {
        try await withLuoshiApp { app in
            let id = try await app.samplePlanID()
            let snapshot = try await app.snapshot()
            let tasks = try #require(snapshot.tasksByPlan[id])
            let phased = tasks.count { $0.kind == .phased }
            try await app.testing().test(.GET, "/api/v1/plans/\(id)/tasks?kind=phased") { res in
                let list = try #require(try res.json() as? [[String: Any]])
                #expect(list.count == phased)
                #expect(list.allSatisfy { $0["kind"] as? String == "phased" })
            }
            try await app.testing().test(.GET, "/api/v1/plans/\(id)/tasks?kind=ongoing") { res in
                let list = try #require(try res.json() as? [[String: Any]])
                #expect(list.count == 91 - phased)
            }
            let unit = try #require(snapshot.units.first { $0.shortName == "县发改局" })
            let expected = tasks.filter { $0.leadUnitIDs.contains(unit.id) || $0.cooperatingUnitIDs.contains(unit.id) }
            try await app.testing().test(.GET, "/api/v1/plans/\(id)/tasks?unit=\(unit.id)") { res in
                let list = try #require(try res.json() as? [[String: Any]])
                #expect(list.count == expected.count)
                #expect(!list.isEmpty)
            }
            let leader = try #require(snapshot.leaders.first)
            let led = tasks.filter { $0.leaderIDs.contains(leader.id) }.count { $0.number.part == 1 }
            try await app.testing().test(.GET, "/api/v1/plans/\(id)/tasks?leader=\(leader.id)&part=1") { res in
                let list = try #require(try res.json() as? [[String: Any]])
                #expect(list.count == led)
            }
            try await app.testing().test(.GET, "/api/v1/plans/\(id)/tasks?unit=\(UUID())") { res in
                #expect(res.status == .ok)
                let list = try #require(try res.json() as? [Any])
                #expect(list.isEmpty)
            }
        }
    }

    @Test func singleTaskUnitAndLeaderResources() async throws {
        try await withLuoshiApp { app in
            let snapshot = try await app.snapshot()
            let task = try #require(snapshot.tasksByID.values.first { $0.number == .init(part: 3, item: 14) })
            try await app.testing().test(.GET, "/api/v1/tasks/\(task.id)") { res in
                #expect(res.status == .ok)
                let body = try #require(try res.json() as? [String: Any])
                #expect(body["number"] as? String == "3.14")
                #expect(body["content"] as? String == task.content)
                let milestones = try #require(body["milestones"] as? [Any])
                #expect(milestones.count == task.milestones.count)
            }
            try await app.testing().test(.GET, "/api/v1/units") { res in
                let units = try #require(try res.json() as? [[String: Any]])
                #expect(units.count == 47)
                #expect(units.count { $0["kind"] as? String == "township" || $0["kind"] as? String == "street" } == 6)
                #expect(units.count { ($0["leadTaskCount"] as? Int ?? 0) > 0 && $0["kind"] as? String != "township" && $0["kind"] as? String != "street" } == 41)
            }
            let unit = try #require(snapshot.units.first { $0.shortName == "县发改局" })
            try await app.testing().test(.GET, "/api/v1/units/\(unit.id)") { res in
                let body = try #require(try res.json() as? [String: Any])
                let leads = try #require(body["leadTasks"] as? [[String: Any]])
                #expect(leads.count == snapshot.tasksLedByUnit[unit.id]?.count)
            }
            try await app.testing().test(.GET, "/api/v1/leaders") { res in
                let leaders = try #require(try res.json() as? [[String: Any]])
                #expect((7...9).contains(leaders.count))
                #expect(leaders.first?["post"] as? String == "县长")
                #expect(leaders.first?["name"] as? String == "刘铭")
            }
        }
    }

    @Test(arguments: [
        ("/api/v1/plans/not-a-uuid", "planID"),
        ("/api/v1/plans/not-a-uuid/tasks", "planID"),
        ("/api/v1/tasks/123", "taskID"),
        ("/api/v1/units/%22%3E%3Cscript%3E", "unitID"),
    ])
    func malformedIDsAre400NamingTheField(path: String, field: String) async throws {
        try await withLuoshiApp { app in
            try await app.testing().test(.GET, path) { res in
                #expect(res.status == .badRequest)
                let error = try res.apiError()
                #expect(error["field"] as? String == field)
                #expect(error["code"] as? String == "invalid_field")
                #expect((error["message"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test(arguments: ["part=0", "part=abc", "part=-1", "unit=xyz", "leader=1", "kind=monthly", "kind="])
    func malformedFiltersAre400NamingTheFilter(query: String) async throws {
        try await withLuoshiApp { app in
            let id = try await app.samplePlanID()
            try await app.testing().test(.GET, "/api/v1/plans/\(id)/tasks?\(query)") { res in
                #expect(res.status == .badRequest)
                let error = try res.apiError()
                #expect((error["field"] as? String) == String(query.prefix { $0 != "=" }))
            }
        }
    }

    @Test(arguments: ["/api/v1/plans/", "/api/v1/tasks/", "/api/v1/units/"])
    func unknownIDsAre404(prefix: String) async throws {
        try await withLuoshiApp { app in
            try await app.testing().test(.GET, prefix + UUID().uuidString) { res in
                #expect(res.status == .notFound)
                let error = try res.apiError()
                #expect((error["code"] as? String) == "not_found")
            }
            try await app.testing().test(.GET, "/api/v1/plans/\(UUID())/tasks") { res in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test func unknownAPIPathIsAJSON404AndEnglishOnRequest() async throws {
        try await withLuoshiApp { app in
            try await app.testing().test(.GET, "/api/v1/nothing", headers: ["Accept-Language": "en-GB"]) { res in
                #expect(res.status == .notFound)
                #expect(res.headers.contentType == .json)
                let error = try res.apiError()
                #expect((error["message"] as? String)?.hasPrefix("No such path") == true)
            }
        }
    }

    @Test func cachedResponsesAnswerNotModified() async throws {
        try await withLuoshiApp { app in
            var etag = ""
            try await app.testing().test(.GET, "/api/v1/plans") { res in
                etag = try #require(res.headers.first(name: .eTag))
            }
            try await app.testing().test(.GET, "/api/v1/plans", headers: ["If-None-Match": etag]) { res in
                #expect(res.status == .notModified)
                #expect(res.body.readableBytes == 0)
            }
        }
    }

    @Test func draftPlansAreNotPublic() async throws {
        try await withLuoshiApp { app in
            let id = try await app.samplePlanID()
            let plan = try #require(try await PlanModel.find(id, on: app.db))
            plan.status = .draft
            try await plan.save(on: app.db)
            try await app.readDataVersions()
            try await app.testing().test(.GET, "/api/v1/plans") { res in
                let list = try #require(try res.json() as? [Any])
                #expect(list.isEmpty)
            }
            try await app.testing().test(.GET, "/api/v1/plans/\(id)") { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(.GET, "/plans/\(id)") { res in
                #expect(res.status == .notFound)
            }
        }
    }
}
