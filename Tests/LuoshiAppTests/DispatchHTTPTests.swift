import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

/// A whole reporting round through HTTP: open → cooperating input → lead draft → submit →
/// return → resubmit → accept → ledger; late and missing reports; who may see what.
@Suite("Monthly dispatch through HTTP")
struct DispatchHTTPTests {
    /// Noon in Beijing on `iso`.
    static func beijingNoon(_ iso: String) -> Date {
        let date = CalendarDate(iso: iso)!
        var components = DateComponents()
        (components.year, components.month, components.day, components.hour) = (date.year, date.month, date.day, 4)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)!
    }

    @Test func aRoundFromOpeningToTheLedger() async throws {
        try await withLuoshiApp { app in
            app.clock.set(Self.beijingNoon("2023-04-20"))
            let snapshot = try await app.snapshot()
            let planID = try await app.samplePlanID()
            let fgj = try #require(snapshot.units.first { $0.shortName == "县发改局" })
            let led = try #require(snapshot.tasksLedByUnit[fgj.id]?.filter { !$0.cooperatingUnitIDs.isEmpty && $0.leadUnitIDs == [fgj.id] })
            let task = try #require(led.first), other = try #require(led.dropFirst().first)
            let partner = try #require(snapshot.unitsByID[task.cooperatingUnitIDs[0]])
            try await app.makeUser("du.cha", .supervisor)
            try await app.makeUser("fgj.staff", .unitStaff, unit: "县发改局")
            try await app.makeUser("partner.staff", .unitStaff, unit: partner.shortName)
            let office = try await app.signIn("du.cha"), lead = try await app.signIn("fgj.staff"), coop = try await app.signIn("partner.staff")
            let post = TaskWorkHTTPTests.post, page = TaskWorkHTTPTests.page

            var roundID: UUID?
            try await app.testing().test(.POST, "/plans/\(planID)/rounds", headers: headers(office, form: true),
                                         body: form([("_csrf", office.csrf), ("month", "2023-04"), ("dueDate", "")])) { res in
                #expect(res.status == .seeOther)
                roundID = res.headers.first(name: .location).flatMap { UUID(uuidString: String($0.split(separator: "/").last ?? "")) }
            }
            let round = try #require(roundID)
            var (status, body) = try await post(app, "/plans/\(planID)/rounds", office, [("month", "2023-04")])
            #expect(status == .conflict, "one round per month")
            let path = "/rounds/\(round)/tasks/\(task.id)"

            (status, _) = try await post(app, path + "/input", coop, [("text", "已完成用地预审"), ("version", "0")])
            #expect(status == .seeOther)
            (status, _) = try await post(app, path + "/report", coop, [("step", "submit"), ("version", "0")])
            #expect(status == .conflict, "a cooperating unit does not write the lead's report")
            (status, body) = try await page(app, path, lead)
            #expect(status == .ok && body.contains("已完成用地预审"), "the lead sees the cooperating input while drafting")

            (status, _) = try await post(app, path + "/report", lead, [("step", "save"), ("version", "0"), ("workDone", "完成招标")])
            #expect(status == .seeOther)
            (status, body) = try await post(app, path + "/report", lead, [("step", "submit"), ("version", "1"), ("workDone", "完成招标")])
            #expect(status == .badRequest && body.contains("请填写目前的总体进度"))
            let complete = [("workDone", "完成招标，签订合同"), ("progress", "30"), ("nextPlan", "开工建设"), ("selfStatus", "onTrack")]
            (status, _) = try await post(app, path + "/report", lead, [("step", "submit"), ("version", "1")] + complete)
            #expect(status == .seeOther)
            (status, _) = try await post(app, path + "/report", lead, [("step", "save"), ("version", "2")] + complete)
            #expect(status == .conflict, "a submitted report is locked")

            let unit = ("unitID", fgj.id.uuidString)
            (status, _) = try await post(app, path + "/review", office, [unit, ("step", "return"), ("reason", ""), ("version", "2")])
            #expect(status == .badRequest)
            (status, _) = try await post(app, path + "/review", office, [unit, ("step", "return"), ("reason", "请补充合同扫描件"), ("version", "2")])
            #expect(status == .seeOther)
            (status, body) = try await page(app, path, lead)
            #expect(body.contains("请补充合同扫描件") && body.contains("已退回，待修改"))
            (status, _) = try await post(app, path + "/report", lead, [("step", "submit"), ("version", "3")] + complete)
            #expect(status == .seeOther)
            (status, _) = try await post(app, path + "/review", office, [unit, ("step", "accept"), ("verifiedProgress", "25"),
                                                                          ("verifiedStatus", "onTrack"), ("note", ""), ("version", "4")])
            #expect(status == .badRequest, "a verified value that differs needs a note")
            (status, _) = try await post(app, path + "/review", office, [unit, ("step", "accept"), ("verifiedProgress", "25"),
                                                                          ("verifiedStatus", "onTrack"), ("note", "合同金额尚未全部到位，按 25% 核定"), ("version", "3")])
            #expect(status == .conflict, "a stale review is refused")
            (status, _) = try await post(app, path + "/review", office, [unit, ("step", "accept"), ("verifiedProgress", "25"),
                                                                          ("verifiedStatus", "onTrack"), ("note", "合同金额尚未全部到位，按 25% 核定"), ("version", "4")])
            #expect(status == .seeOther)

            // The other task is reported after the due date: accepted, marked late.
            app.clock.set(Self.beijingNoon("2023-04-27"))
            let later = try await app.signIn("fgj.staff")  // a week on, yesterday's session has ended
            (status, _) = try await post(app, "/rounds/\(round)/tasks/\(other.id)/report", later, [("step", "submit"), ("version", "0")] + complete)
            #expect(status == .seeOther)
            let late = try #require(try await ProgressReportModel.query(on: app.db).filter(\.$taskID == other.id).first())
            #expect(late.late && late.submittedOn == "2023-04-27")

            let officeLater = try await app.signIn("du.cha")
            (status, body) = try await page(app, "/rounds/\(round)", officeLater)
            #expect(status == .ok && body.contains("已核实") && body.contains("未报送") && body.contains("逾期报送"))
            let token = try await app.apiToken("du.cha")
            try await app.testing().test(.GET, "/api/v1/plans/\(planID)/rounds", headers: ["Authorization": "Bearer \(token)"]) { res in
                let rounds = try #require(try res.json() as? [[String: Any]])
                #expect(rounds.count == 1 && rounds[0]["month"] as? String == "2023-04" && rounds[0]["dueDate"] as? String == "2023-04-25")
                #expect(rounds[0]["status"] as? String == "closed", "past its due date")
            }
            try await app.testing().test(.GET, "/api/v1/plans/\(planID)/ledger?asOf=2023-04-25", headers: ["Authorization": "Bearer \(token)"]) { res in
                #expect(res.status == .ok)
                let ledger = try #require(try res.json() as? [String: Any])
                #expect(ledger["asOf"] as? String == "2023-04-25" && ledger["ruleSet"] as? String == "371323-2023-v1")
                let rows = try #require(ledger["rows"] as? [[String: Any]])
                #expect(rows.count == 91)
                let row = try #require(rows.first { $0["taskID"] as? String == task.id.uuidString })
                #expect(row["verifiedProgress"] as? Double == 25 && row["reportedProgress"] as? Double == 30)
                #expect((row["explanation"] as? String)?.contains("核实进度 25%") == true)
                let lateRow = try #require(rows.first { $0["taskID"] as? String == other.id.uuidString })
                #expect(lateRow["status"] as? String != "missing" && lateRow["reportedProgress"] as? Double == 30, "a late report counts, marked late")
                #expect(lateRow["verifiedProgress"] is NSNull, "not verified yet")
                let unreported = try #require(rows.first { $0["taskID"] as? String != task.id.uuidString && $0["taskID"] as? String != other.id.uuidString })
                #expect(unreported["status"] as? String == "missing")
            }
            try await app.testing().test(.GET, "/api/v1/plans/\(planID)/ledger?asOf=25/4", headers: ["Authorization": "Bearer \(token)"]) { res in
                #expect(res.status == .badRequest)
            }
            (status, body) = try await page(app, "/plans/\(planID)/ledger?asOf=2023-04-25&colour=green", later)
            #expect(status == .ok && body.contains("截至 2023-04-25"))

            // Someone else's task is not theirs to see.
            let stranger = try #require(snapshot.units.first { unit in !task.leadUnitIDs.contains(unit.id) && !task.cooperatingUnitIDs.contains(unit.id) })
            try await app.makeUser("stranger.staff", .unitStaff, unit: stranger.shortName)
            let outsider = try await app.signIn("stranger.staff")
            (status, _) = try await page(app, path, outsider)
            #expect(status == .notFound)
            let actions = try await app.auditActions()
            for action in ["round.open", "report.input", "report.save", "report.submit", "report.return", "report.accept"] {
                #expect(actions.contains(action), "\(action) audited")
            }
        }
    }

    @Test func roundsNeedAnIssuedPlanAndTheOfficeClosesThem() async throws {
        try await withLuoshiApp { app in
            app.clock.set(Self.beijingNoon("2024-04-10"))
            let draft = try await PlanLifecycleHTTPTests.draftPlan(app)
            try await app.makeUser("du.cha", .supervisor)
            let office = try await app.signIn("du.cha")
            var (status, _) = try await TaskWorkHTTPTests.post(app, "/plans/\(draft)/rounds", office, [("month", "2024-04")])
            #expect(status == .conflict)
            let planID = try await app.samplePlanID()
            (status, _) = try await TaskWorkHTTPTests.post(app, "/plans/\(planID)/rounds", office, [("month", "2023-05"), ("dueDate", "2023-05-26")])
            #expect(status == .seeOther)
            let round = try #require(try await ReportRoundModel.query(on: app.db).first())
            #expect(round.dueDate == "2023-05-26")
            (status, _) = try await TaskWorkHTTPTests.post(app, "/rounds/\(try round.requireID())/close", office, [("version", "1")])
            #expect(status == .seeOther)
            (status, _) = try await TaskWorkHTTPTests.post(app, "/rounds/\(try round.requireID())/close", office, [("version", "2")])
            #expect(status == .conflict)
        }
    }
}
