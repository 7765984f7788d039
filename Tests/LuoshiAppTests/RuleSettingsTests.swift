import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import LuoshiOffice
import Testing
import Vapor
import VaporTesting

/// The sample with its April–June rounds, on 2023-07-10, with the office's user du.cha.
func withSampleLedger(_ body: (Application, UUID) async throws -> Void) async throws {
    try await withLuoshiApp { app in
        #expect(try await SampleRounds.loadIfMissing(into: app.db, snapshot: try await app.snapshot()))
        app.clock.set(DispatchHTTPTests.beijingNoon("2023-07-10"))
        try await app.makeUser("du.cha", .supervisor)
        try await body(app, try await app.samplePlanID())
    }
}

/// 预警规则设置 through HTTP: the office saves a new version; the ledger uses it and names it.
@Suite("Rule settings per jurisdiction")
struct RuleSettingsTests {
    @Test func theOfficeSavesANewVersionThatTheLedgerUses() async throws {
        try await withSampleLedger { app, planID in
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
        try await withSampleLedger { app, planID in
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

/// 台账导出: the ledger as an Excel workbook, with the page's filters and each month's verified progress.
@Suite("Ledger export")
struct LedgerExportTests {
    @Test func theLedgerExportsWithItsFiltersAndMonthlyHistory() async throws {
        try await withSampleLedger { app, planID in
            let office = try await app.signIn("du.cha")
            let token = try await app.apiToken("du.cha")
            var api: [[String: Any]] = []
            try await app.testing().test(.GET, "/api/v1/plans/\(planID)/ledger?asOf=2023-06-25", headers: ["Authorization": "Bearer \(token)"]) { res in
                api = try #require((try res.json() as? [String: Any])?["rows"] as? [[String: Any]])
            }
            func export(_ query: String) async throws -> [[String]] {
                var rows: [[String]] = []
                try await app.testing().test(.GET, "/plans/\(planID)/ledger/export?\(query)", headers: office.headers) { res in
                    #expect(res.status == .ok)
                    #expect(res.headers.first(name: "Content-Disposition")?.contains("2023-371323-ledger-2023-06-25.xlsx") == true)
                    rows = try #require(try XLSXReader.read(Data(buffer: res.body)).first).rows
                }
                return rows
            }
            let all = try await export("asOf=2023-06-25")
            #expect(all.first == LedgerSheetExport.header + ["2023年4月核实进度", "2023年5月核实进度", "2023年6月核实进度"])
            #expect(all.count == 92, "a header and 91 tasks")
            let first = try #require(api.first { $0["verifiedProgress"] is Double })
            let number = try #require(first["number"] as? String)
            let row = try #require(all.first { $0.first == number })
            #expect(row[8] == ProgressRules.percentText(try #require(first["verifiedProgress"] as? Double)) + "%")
            #expect(row[13] == first["explanation"] as? String)
            #expect(row[14...].contains { !$0.isEmpty }, "the monthly history is filled in")
            let red = try await export("asOf=2023-06-25&colour=red")
            #expect(red.count - 1 == api.filter { $0["colour"] as? String == "red" }.count && red.dropFirst().allSatisfy { $0[11] == "红灯" })
            let (_, page) = try await TaskWorkHTTPTests.page(app, "/plans/\(planID)/ledger?asOf=2023-06-25&colour=red", office)
            #expect(page.contains("/ledger/export?asOf=2023-06-25&amp;colour=red"), "the page links to the export with its filters")
            try await app.testing().test(.GET, "/plans/\(planID)/ledger/export") { res in #expect(res.status == .seeOther && res.headers.first(name: .location)?.hasPrefix("/login") == true, "not for the public") }
        }
    }
}
