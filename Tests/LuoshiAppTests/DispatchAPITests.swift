import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

/// A whole round through the API with bearer tokens: open, input, draft, submit, return,
/// resubmit, accept, attach; the round's pipeline, a task's reports and the dashboard.
@Suite("Monthly dispatch through the API")
struct DispatchAPITests {
    static func call(_ app: Application, _ method: HTTPMethod, _ path: String, token: String, json: String? = nil) async throws -> (HTTPStatus, Any?) {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
        if json != nil { headers.contentType = .json }
        var result: (HTTPStatus, Any?) = (.ok, nil)
        try await app.testing().test(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) }) { res in
            result = (res.status, try? res.json())
        }
        return result
    }

    @Test func aRoundThroughTheAPI() async throws {
        try await withLuoshiApp { app in
            app.clock.set(DispatchHTTPTests.beijingNoon("2023-04-20"))
            let snapshot = try await app.snapshot()
            let planID = try await app.samplePlanID()
            let fgj = try #require(snapshot.units.first { $0.shortName == "县发改局" })
            let task = try #require(snapshot.tasksLedByUnit[fgj.id]?.first { !$0.cooperatingUnitIDs.isEmpty && $0.leadUnitIDs == [fgj.id] })
            let partner = try #require(snapshot.unitsByID[task.cooperatingUnitIDs[0]])
            try await app.makeUser("du.cha", .supervisor)
            try await app.makeUser("fgj.staff", .unitStaff, unit: "县发改局")
            try await app.makeUser("partner.staff", .unitStaff, unit: partner.shortName)
            let office = try await app.apiToken("du.cha"), lead = try await app.apiToken("fgj.staff"), coop = try await app.apiToken("partner.staff")

            var (status, body) = try await Self.call(app, .POST, "/api/v1/plans/\(planID)/rounds", token: lead, json: #"{"month":"2023-04"}"#)
            #expect(status == .forbidden)
            (status, body) = try await Self.call(app, .POST, "/api/v1/plans/\(planID)/rounds", token: office, json: #"{"month":"2023-13"}"#)
            #expect(status == .badRequest && ((body as? [String: Any])?["error"] as? [String: Any])?["field"] as? String == "month")
            (status, body) = try await Self.call(app, .POST, "/api/v1/plans/\(planID)/rounds", token: office, json: #"{"month":"2023-04"}"#)
            #expect(status == .created)
            let created = try #require(body as? [String: Any])
            try OpenAPITests.check(created, schema: "Round")
            let roundID = try #require(created["id"] as? String)
            #expect(created["dueDate"] as? String == "2023-04-25")
            let path = "/api/v1/rounds/\(roundID)/tasks/\(task.id)"

            (status, _) = try await Self.call(app, .PUT, path + "/input", token: coop, json: #"{"text":"已完成用地预审","version":0}"#)
            #expect(status == .ok)
            (status, body) = try await Self.call(app, .PUT, path + "/report", token: lead, json: #"{"step":"submit","version":0,"workDone":"完成招标"}"#)
            #expect(status == .badRequest, "incomplete: \(String(describing: body))")
            (status, body) = try await Self.call(app, .PUT, path + "/report", token: lead, json: #"{"step":"save","workDone":"完成招标"}"#)
            #expect(status == .conflict, "a write without its version is refused")
            #expect((((body as? [String: Any])?["error"] as? [String: Any])?["message"] as? String)?.contains("当前版本 0") == true,
                    "the 409 names the version now stored")
            (status, body) = try await Self.call(app, .PUT, path + "/report", token: lead, json: #"{"step":"save","version":0,"workDone":"完成招标"}"#)
            #expect(status == .ok)
            (status, body) = try await Self.call(app, .PUT, path + "/report", token: lead,
                                                 json: #"{"step":"submit","version":1,"workDone":"完成招标，签订合同","progress":30,"nextPlan":"开工建设","selfStatus":"onTrack"}"#)
            #expect(status == .ok)
            var view = try #require(body as? [String: Any])
            try OpenAPITests.check(view, schema: "TaskInRound")
            var report = try #require((view["reports"] as? [[String: Any]])?.first)
            #expect(report["status"] as? String == "submitted" && report["progress"] as? Int == 30 && report["version"] as? Int == 2)
            #expect((view["inputs"] as? [[String: Any]])?.first?["text"] as? String == "已完成用地预审", "the lead sees the cooperating input")

            (status, _) = try await Self.call(app, .POST, path + "/review", token: lead, json: #"{"unitID":"\#(fgj.id)","step":"return","reason":"x","version":2}"#)
            #expect(status == .forbidden)
            (status, _) = try await Self.call(app, .POST, path + "/review", token: office, json: #"{"unitID":"\#(fgj.id)","step":"return","reason":"请补充合同","version":2}"#)
            #expect(status == .ok)

            // Evidence through the API (multipart), allowed for the lead once returned.
            let boundary = "b-\(UUID().uuidString)"
            var upload = ByteBuffer()
            upload.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"合同.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 test\r\n--\(boundary)--\r\n")
            var attachmentURL: String?
            try await app.testing().test(.POST, path + "/attachments", headers: ["Authorization": "Bearer \(lead)", "Content-Type": "multipart/form-data; boundary=\(boundary)"],
                                         body: upload) { res in
                #expect(res.status == .created)
                let file = try #require(try res.json() as? [String: Any])
                try OpenAPITests.check(file, schema: "Attachment")
                attachmentURL = file["url"] as? String
            }
            try await app.testing().test(.POST, path + "/attachments", headers: ["Authorization": "Bearer \(coop)", "Content-Type": "multipart/form-data; boundary=\(boundary)"],
                                         body: upload) { res in #expect(res.status == .conflict) }
            try await app.testing().test(.GET, try #require(attachmentURL), headers: ["Authorization": "Bearer \(office)"]) { res in
                #expect(res.status == .ok && res.body.string == "%PDF-1.4 test")
            }

            (status, _) = try await Self.call(app, .PUT, path + "/report", token: lead,
                                              json: #"{"step":"submit","version":3,"workDone":"完成招标，签订合同","progress":30,"nextPlan":"开工建设","selfStatus":"onTrack"}"#)
            #expect(status == .ok)
            (status, body) = try await Self.call(app, .POST, path + "/review", token: office,
                                                 json: #"{"unitID":"\#(fgj.id)","step":"accept","verifiedProgress":25,"verifiedStatus":"onTrack","note":"","version":4}"#)
            #expect(status == .badRequest, "a different verified value needs a note")
            (status, body) = try await Self.call(app, .POST, path + "/review", token: office,
                                                 json: #"{"unitID":"\#(fgj.id)","step":"accept","verifiedProgress":25,"verifiedStatus":"onTrack","note":"按 25% 核定","version":4}"#)
            #expect(status == .ok)
            view = try #require(body as? [String: Any])
            report = try #require((view["reports"] as? [[String: Any]])?.first)
            #expect(report["status"] as? String == "accepted" && report["verifiedProgress"] as? Int == 25 && report["progress"] as? Int == 30)
            #expect((report["history"] as? [[String: Any]])?.map { $0["step"] as? String ?? "" } == ["save", "submit", "return", "submit", "accept"])
            #expect((report["attachments"] as? [[String: Any]])?.count == 1)

            (status, body) = try await Self.call(app, .GET, "/api/v1/rounds/\(roundID)", token: office)
            let round = try #require(body as? [String: Any])
            try OpenAPITests.check(round, schema: "RoundDetail")
            let rows = try #require(round["rows"] as? [[String: Any]])
            #expect(rows.count == (snapshot.tasksByPlan[planID] ?? []).reduce(0) { $0 + $1.leadUnitIDs.count })
            #expect(rows.first { $0["taskID"] as? String == task.id.uuidString }?["stage"] as? String == "accepted")
            (status, body) = try await Self.call(app, .GET, "/api/v1/rounds/\(roundID)", token: lead)
            let own = try #require((body as? [String: Any])?["rows"] as? [[String: Any]])
            #expect(!own.isEmpty && own.count < rows.count, "a unit sees its own tasks")
            let foreign = try #require(snapshot.tasksByPlan[planID]?.first { !$0.leadUnitIDs.contains(fgj.id) && !$0.cooperatingUnitIDs.contains(fgj.id) })
            (status, _) = try await Self.call(app, .GET, "/api/v1/rounds/\(roundID)/tasks/\(foreign.id)", token: lead)
            #expect(status == .notFound)

            (status, body) = try await Self.call(app, .GET, "/api/v1/plans/\(planID)/dashboard?asOf=2023-04-25", token: office)
            let dashboard = try #require(body as? [String: Any])
            try OpenAPITests.check(dashboard, schema: "Dashboard")
            #expect(dashboard["total"] as? Int == 91 && (dashboard["byPart"] as? [Any])?.count == 8 && dashboard["ruleSet"] as? String == "371323-2023-v1")
            #expect((dashboard["trend"] as? [[String: Any]])?.first?["month"] as? String == "2023-04")
            (status, body) = try await Self.call(app, .GET, "/api/v1/plans/\(planID)/dashboard?asOf=2023-04-25", token: lead)
            let unitDashboard = try #require(body as? [String: Any])
            #expect((unitDashboard["total"] as? Int ?? 0) < 91 && (unitDashboard["scope"] as? String)?.contains("县发改局") == true)
            (status, _) = try await Self.call(app, .GET, "/api/v1/plans/\(planID)/dashboard?asOf=soon", token: office)
            #expect(status == .badRequest)

            // A session cookie does not carry an API write.
            let session = try await app.signIn("fgj.staff")
            try await app.testing().test(.PUT, path + "/report", headers: [
                "Cookie": "\(AuthenticationMiddleware.sessionCookie)=\(session.cookie)", "Content-Type": "application/json",
            ], body: ByteBuffer(string: #"{"step":"save","version":5}"#)) { res in #expect(res.status == .unauthorized) }
        }
    }
}
