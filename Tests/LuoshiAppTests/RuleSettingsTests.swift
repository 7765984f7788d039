import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

/// 预警规则设置 through HTTP: the office saves a new version; the ledger uses it and names it.
@Suite("Rule settings per jurisdiction")
struct RuleSettingsTests {
    @Test func theOfficeSavesANewVersionThatTheLedgerUses() async throws {
        try await withLuoshiApp { app in
            let snapshot = try await app.snapshot()
            #expect(try await SampleRounds.loadIfMissing(into: app.db, snapshot: snapshot))
            app.clock.set(DispatchHTTPTests.beijingNoon("2023-07-10"))
            let planID = try await app.samplePlanID()
            try await app.makeUser("du.cha", .supervisor)
            try await app.makeUser("fgj.staff", .unitStaff, unit: "县发改局")
            let office = try await app.signIn("du.cha"), unit = try await app.signIn("fgj.staff")
            let token = try await app.apiToken("du.cha")
            let post = TaskWorkHTTPTests.post, page = TaskWorkHTTPTests.page
            func ledger() async throws -> [String: Any] {
                var ledger: [String: Any] = [:]
                try await app.testing().test(.GET, "/api/v1/plans/\(planID)/ledger?asOf=2023-06-25", headers: ["Authorization": "Bearer \(token)"]) { res in
                    ledger = try #require(try res.json() as? [String: Any])
                }
                return ledger
            }
            func count(_ ledger: [String: Any], _ colour: String) -> Int {
                (ledger["rows"] as? [[String: Any]] ?? []).filter { $0["colour"] as? String == colour }.count
            }
            let before = try await ledger()
            #expect(before["ruleSet"] as? String == "371323-2023-v1")

            var (status, body) = try await page(app, "/plans/\(planID)/rules", unit)
            #expect(status == .ok && body.contains("现行规则：371323-2023-v1") && !body.contains("保存为新版本"), "units read the rules, the office edits them")
            (status, _) = try await post(app, "/plans/\(planID)/rules", unit, [("version", "1")])
            #expect(status == .forbidden)
            let stricter = [("yellowFrom", "5"), ("redFrom", "15"), ("aheadFrom", "10"), ("blueWithinDays", "15"), ("roundDueDay", "20")]
            (status, body) = try await post(app, "/plans/\(planID)/rules", office, [("version", "1"), ("note", "")] + stricter)
            #expect(status == .badRequest && body.contains("请写明调整原因"))
            (status, body) = try await post(app, "/plans/\(planID)/rules", office, [("version", "1"), ("note", "从严"), ("yellowFrom", "40"), ("redFrom", "30"),
                                                                                  ("aheadFrom", "10"), ("blueWithinDays", "15"), ("roundDueDay", "20")])
            #expect(status == .badRequest && body.contains("红灯阈值 ≤ 100") && body.contains("aria-invalid"))
            (status, _) = try await post(app, "/plans/\(planID)/rules", office, [("version", "1"), ("note", "县政府常务会议要求从严考核")] + stricter)
            #expect(status == .seeOther)
            (status, _) = try await post(app, "/plans/\(planID)/rules", office, [("version", "1"), ("note", "再改")] + stricter)
            #expect(status == .conflict, "a form made from version 1 is stale now")

            let after = try await ledger()
            #expect(after["ruleSet"] as? String == "371323-2023-v2")
            #expect(count(after, "green") < count(before, "green"), "stricter thresholds: fewer green lights")
            #expect(count(after, "red") > count(before, "red"))
            #expect((after["rows"] as? [[String: Any]])?.allSatisfy { ($0["explanation"] as? String)?.contains("371323-2023-v2") == true } == true)
            (status, body) = try await page(app, "/plans/\(planID)/rules", office)
            #expect(body.contains("现行规则：371323-2023-v2") && body.contains("县政府常务会议要求从严考核") && body.contains("每月 20 日截止报送"))
            (status, body) = try await page(app, "/plans/\(planID)/ledger?asOf=2023-06-25", office)
            #expect(body.contains("371323-2023-v2"))

            // A round opened without a date is due on the jurisdiction's day.
            (status, _) = try await post(app, "/plans/\(planID)/rounds", office, [("month", "2023-07"), ("dueDate", "")])
            #expect(status == .seeOther)
            #expect(try await ReportRoundModel.query(on: app.db).filter(\.$month == "2023-07").first()?.dueDate == "2023-07-20")
            #expect(try await app.auditActions().contains("ruleset.save"))
        }
    }
}

/// Whole signed-in pages are kept per session and data state: never shown to another user, and
/// never stale after a write.
@Suite("Signed-in pages kept per session")
struct PersonalPageCacheTests {
    @Test func eachUserGetsTheirOwnHeaderAndFreshContent() async throws {
        try await withLuoshiApp { app in
            let snapshot = try await app.snapshot()
            #expect(try await SampleRounds.loadIfMissing(into: app.db, snapshot: snapshot))
            app.clock.set(DispatchHTTPTests.beijingNoon("2023-07-10"))
            let planID = try await app.samplePlanID()
            try await app.makeUser("du.cha", .supervisor)
            try await app.makeUser("cha.yue", .viewer)
            let office = try await app.signIn("du.cha"), viewer = try await app.signIn("cha.yue")
            let page = TaskWorkHTTPTests.page, post = TaskWorkHTTPTests.post
            for path in ["/plans/\(planID)/ledger", "/plans/\(planID)/dashboard"] {
                let (_, first) = try await page(app, path, office)
                let (_, again) = try await page(app, path, office)
                let (_, other) = try await page(app, path, viewer)
                #expect(first == again, "\(path): the same session gets the same page")
                #expect(first.contains("当前用户：du.cha") && other.contains("当前用户：cha.yue") && !other.contains("du.cha"), "\(path): no other user's header")
                #expect(!other.contains(office.csrf) && first.contains(office.csrf), "\(path): each page carries its own session's token")
            }
            let (_, before) = try await page(app, "/plans/\(planID)/rules", office)
            #expect(before.contains("371323-2023-v1"))
            let (_, ledgerBefore) = try await page(app, "/plans/\(planID)/ledger", office)
            #expect(ledgerBefore.contains("371323-2023-v1"))
            let (status, _) = try await post(app, "/plans/\(planID)/rules", office, [("version", "1"), ("note", "从严"), ("yellowFrom", "5"), ("redFrom", "15"),
                                                                                   ("aheadFrom", "10"), ("blueWithinDays", "15"), ("roundDueDay", "25")])
            #expect(status == .seeOther)
            let (_, ledgerAfter) = try await page(app, "/plans/\(planID)/ledger", office)
            #expect(ledgerAfter.contains("371323-2023-v2") && !ledgerAfter.contains("371323-2023-v1"), "a write shows at once")
        }
    }
}
