import Fluent
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LuoshiOffice
@testable import LuoshiApp
import LuoshiDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The disclosure portal's parts of every public page: the QR code of the page's address and
/// its view count (浏览次数), counted once per visitor and day in the database.
@Suite("Disclosure: QR codes and view counts")
struct DisclosureTests {
    private static func views(_ html: String) -> Int? {
        guard let range = html.range(of: "浏览次数：") else { return nil }
        return Int(html[range.upperBound...].prefix { $0.isNumber })
    }

    private static func get(_ app: Application, _ path: String, agent: String) async throws -> String {
        var html = ""
        try await app.testing().test(.GET, path, headers: ["User-Agent": agent]) { res in
            #expect(res.status == .ok, "\(path)")
            html = res.body.string
        }
        return html
    }

    @Test func everyPublicPageCarriesTheQRCodeOfItsConfiguredAddress() async throws {
        try await withLuoshiApp(adjust: { $0.publicBaseURL = "https://dc.yishui.example" }) { app in
            let plan = try await app.samplePlanID()
            for path in ["/", "/plans/\(plan)", "/plans/\(plan)/parts/3", "/units", "/leaders", "/plans/\(plan)/bulletins"] {
                let html = try await Self.get(app, path + "?lang=zh", agent: "qr-test")
                let address = "https://dc.yishui.example\(path)"
                #expect(html.contains(#"data-qr="\#(address)""#), "\(path): the code is of the address without its query")
                #expect(html.contains("扫一扫在手机打开当前页面"), "\(path)")
                #expect(html.contains(#"aria-label="本页地址的二维码：\#(address)""#), "\(path)")
            }
            // Pages behind a sign-in are not public: no code.
            _ = try await app.makeUser("du.cha", .supervisor)
            let session = try await app.signIn("du.cha")
            try await app.testing().test(.GET, "/workbench", headers: session.headers) { res in
                #expect(res.status == .ok)
                #expect(!res.body.string.contains("page-qr"))
            }
        }
    }

    @Test func highContrastIsAChoiceRememberedLikeTheOthersAndCachedApart() async throws {
        try await withLuoshiApp { app in
            var cookie = ""
            try await app.testing().test(.GET, "/preferences?contrast=1&return=/units") { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/units")
                let value = try #require(res.headers.setCookie?[Preferences.contrastCookie])
                #expect(value.string == "high" && value.isHTTPOnly && value.maxAge == 365 * 24 * 3600)
                cookie = "\(Preferences.contrastCookie)=\(value.string)"
            }
            try await app.testing().test(.GET, "/units", headers: ["Cookie": cookie, "User-Agent": "c"]) { res in
                #expect(res.body.string.contains(#"<html lang="zh-CN" class="standard contrast">"#))
                #expect(res.body.string.contains(#"<a href="/preferences?contrast=1&amp;return=/units" aria-current="true">高对比度</a>"#))
            }
            // The same page for a visitor without the choice is not the high-contrast copy.
            try await app.testing().test(.GET, "/units", headers: ["User-Agent": "c"]) { res in
                #expect(res.body.string.contains(#"<html lang="zh-CN" class="standard">"#))
            }
            try await app.testing().test(.GET, "/preferences?contrast=yes&return=/units") { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.setCookie?[Preferences.contrastCookie] == nil, "an unknown value is ignored")
            }
        }
    }

    /// 公开进度 comes from published bulletins only: the sample's 第2期 (May), then, once the
    /// office publishes June, 第3期; a draft changes nothing the public sees.
    @Test func publicProgressIsWhatTheLatestPublishedBulletinVerified() async throws {
        try await withSampleLedger { app, planID in
            app.luoshiConfig.indexSchemes = try Disclosure.IndexSchemes.parse("沂水县人民政府督查室=yishuixfbgs", field: "f")
            let office = try await app.signIn("du.cha")
            let may = try #require(try await BulletinModel.query(on: app.db).filter(\.$issueNumber == 2).first())
            let mayTasks = try #require(try BulletinStore.snapshot(of: may).tasks)
            let lagging = try #require(mayTasks.first { $0.status == .lagging })
            var html = try await Self.get(app, "/plans/\(planID)", agent: "progress")
            #expect(html.contains("公开进度") && html.contains("第2期督查通报（2023年5月）"))
            #expect(html.contains(#"<a href="/plans/\#(planID.uuidString.lowercased())/bulletins/2">"#))
            html = try await Self.get(app, "/tasks/\(lagging.taskID.uuidString.lowercased())", agent: "progress")
            #expect(html.contains(#"<span class="light light-\#(lagging.colour.rawValue)">"#) && html.contains("进度滞后"))
            #expect(html.contains("第2期督查通报（2023年5月）"))

            // A June draft is not public.
            let june = try await BulletinHTTPTests.juneRound(app, planID)
            var (status, _) = try await BulletinHTTPTests.post(app, "/plans/\(planID)/bulletin-issues", office, [("round", june.id.uuidString)])
            #expect(status == .seeOther)
            let draft = try await BulletinHTTPTests.draft(app)
            html = try await Self.get(app, "/plans/\(planID)", agent: "progress")
            #expect(html.contains("第2期督查通报（2023年5月）") && !html.contains("第3期"))

            // Published, it is what the plan and task pages show (not a page kept from before).
            (status, _) = try await BulletinHTTPTests.post(app, "/bulletins/\(try draft.requireID())/publish", office, [("version", "1")])
            #expect(status == .seeOther)
            let published = try #require(try await BulletinModel.find(try draft.requireID(), on: app.db))
            let juneState = try #require(try BulletinStore.snapshot(of: published).tasks?.first { $0.taskID == lagging.taskID })
            html = try await Self.get(app, "/plans/\(planID)", agent: "progress")
            #expect(html.contains("第3期督查通报（2023年6月）") && !html.contains("第2期督查通报"))
            html = try await Self.get(app, "/tasks/\(lagging.taskID.uuidString.lowercased())", agent: "progress")
            #expect(html.contains(#"<span class="light light-\#(juneState.colour.rawValue)">"#) && html.contains(juneState.status.text.zh))

            // The published issue's disclosure block: numbered by its issuer's scheme (after the
            // sample plan's 2023-0000196), dated as signed; 第2期 was published unnumbered.
            html = try await Self.get(app, "/plans/\(planID)/bulletins/3", agent: "progress")
            for text in ["<dt>索引号</dt><dd>yishuixfbgs/2023-0000197</dd>", "<dt>发布机构</dt><dd lang=\"zh-CN\">沂水县人民政府督查室</dd>",
                         "<dt>有效性</dt><dd>有效</dd>", "<dt>公开方式</dt><dd>主动公开</dd>"] {
                #expect(html.contains(text), "\(text)")
            }
            html = try await Self.get(app, "/plans/\(planID)/bulletins/2", agent: "progress")
            #expect(html.contains("<dt>索引号</dt><dd>无</dd>"))
        }
    }

    @Test func withoutAPublishedBulletinThereIsNoProgressToShow() async throws {
        try await withLuoshiApp { app in
            let html = try await Self.get(app, "/", agent: "progress")
            #expect(html.contains("尚未发布督查通报，暂无经核实的公开进度。"))
        }
    }

    /// 开放数据: the published progress as CSV and JSON, parsed back and compared with the
    /// bulletin it comes from; the data dictionary names every column; the feed is Atom.
    @Test func openDataAndTheFeedAreWhatTheBulletinsAndPlansSay() async throws {
        try await withSampleLedger { app, planID in
            app.luoshiConfig.publicBaseURL = "https://dc.yishui.example"
            let snapshot = try await app.snapshot()
            let may = try #require(try await BulletinModel.query(on: app.db).filter(\.$issueNumber == 2).first())
            let states = Dictionary(uniqueKeysWithValues: try #require(try BulletinStore.snapshot(of: may).tasks).map { ($0.taskID, $0) })

            var csv = ""
            try await app.testing().test(.GET, "/plans/\(planID)/progress.csv") { res in
                #expect(res.status == .ok && res.headers.contentType?.subType == "csv")
                #expect(res.headers.first(name: .contentDisposition) == #"attachment; filename="2023-371323-progress.csv""#)
                csv = res.body.string
            }
            let sheet = CSVReader.read(csv)
            #expect(sheet.rows.first == OpenData.progressFields.map(\.column))
            let rows = Array(sheet.rows.dropFirst())
            #expect(rows.count == states.count && rows.count == 91)
            let tasks = try #require(snapshot.tasksByPlan[planID])
            for row in rows {
                let task = try #require(tasks.first { $0.number.description == row[0] })
                let state = try #require(states[task.id])
                #expect(row[3] == "2023-05" && row[4] == "2" && row[5] == state.status.text.zh && row[6] == state.colour.text.zh, "\(row[0])")
                #expect(row[7] == (state.verified.map(ProgressRules.percentText) ?? ""))
            }

            var json: [String: Any] = [:]
            try await app.testing().test(.GET, "/plans/\(planID)/progress.json") { res in
                #expect(res.status == .ok && res.headers.contentType == .json)
                json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])
            }
            #expect(json["month"] as? String == "2023-05" && json["bulletinIssue"] as? Int == 2 && json["licence"] as? String == "CC BY 4.0")
            #expect(json["dictionary"] as? String == "https://dc.yishui.example/open-data/dictionary")
            let items = try #require(json["tasks"] as? [[String: Any]])
            #expect(items.count == 91)
            #expect(Set(items.flatMap(\.keys)) == Set(OpenData.progressFields.map(\.key) + ["statusText"]))
            #expect(items.allSatisfy { ProgressStatus(rawValue: $0["status"] as? String ?? "") != nil && Colour(rawValue: $0["colour"] as? String ?? "") != nil })

            var html = try await Self.get(app, "/open-data", agent: "open-data")
            for link in ["/plans/\(planID.uuidString.lowercased())/progress.csv", "/plans/\(planID.uuidString.lowercased())/progress.json",
                         "/plans/\(planID.uuidString.lowercased())/export?format=csv", "/open-data/dictionary", "/feed.atom"] {
                #expect(html.contains(#"href="\#(link)""#), "\(link)")
            }
            #expect(html.contains("据第2期督查通报，2023年5月") && html.contains("CC BY 4.0"))
            html = try await Self.get(app, "/open-data/dictionary", agent: "open-data")
            for field in OpenData.planFields + OpenData.progressFields { #expect(html.contains("<code>\(field.key)</code>"), "\(field.key)") }

            var feed = Data()
            try await app.testing().test(.GET, "/feed.atom") { res in
                #expect(res.status == .ok && res.headers.contentType?.subType == "atom+xml")
                feed = Data(buffer: res.body)
            }
            let entries = try AtomEntries.parse(feed)
            #expect(entries.count == 3, "the plan and the two published bulletins")
            #expect(Set(entries.map(\.id)).count == 3)
            #expect(entries.contains { $0.title == "2023年县政府工作报告重点工作任务分解方案" && $0.link == "https://dc.yishui.example/plans/\(planID.uuidString.lowercased())" })
            #expect(entries.contains { $0.link == "https://dc.yishui.example/plans/\(planID.uuidString.lowercased())/bulletins/2" })
            #expect(entries.map(\.updated) == entries.map(\.updated).sorted(by: >), "newest first")

            // A published interpretation is a publication too.
            #expect(try await SampleInterpretation.loadIfMissing(into: app.db, snapshot: try await app.snapshot()))
            try await app.readDataVersions()
            try await app.testing().test(.GET, "/feed.atom") { res in feed = Data(buffer: res.body) }
            let withInterpretation = try AtomEntries.parse(feed)
            #expect(withInterpretation.count == 4)
            #expect(withInterpretation.contains {
                $0.title == "关于《2023年县政府工作报告重点工作任务分解方案》的解读"
                    && $0.link == "https://dc.yishui.example/plans/\(planID.uuidString.lowercased())/interpretation"
            })
        }
    }

    @Test func aPlanNotIssuedHasNoOpenData() async throws {
        try await withLuoshiApp { app in
            let draft = try #require(try await PlanModel.query(on: app.db).first())
            draft.status = .consultation
            try await draft.save(on: app.db)
            for path in ["/plans/\(try draft.requireID())/progress.csv", "/plans/\(try draft.requireID())/progress.json",
                         "/plans/\(UUID())/progress.csv"] {
                try await app.testing().test(.GET, path) { res in #expect(res.status == .notFound, "\(path)") }
            }
            try await app.testing().test(.GET, "/plans/not-a-uuid/progress.json") { res in #expect(res.status == .badRequest) }
            var feed = Data()
            try await app.testing().test(.GET, "/feed.atom") { res in
                #expect(res.status == .ok)
                feed = Data(buffer: res.body)
            }
            #expect(try AtomEntries.parse(feed).isEmpty, "nothing is published")
        }
    }

    /// 索引号: issuing numbers a plan by its body's scheme, the next serial of the year; a number
    /// is never handed out twice; a draft carrying a number already used is refused by name.
    @Test func issuingNumbersThePlanAndANumberIsNeverReused() async throws {
        try await withLuoshiApp { app in
            let schemes = try Disclosure.IndexSchemes.parse("沂水县人民政府办公室=yishuixfbgs:7", field: "LUOSHI_INDEX_SCHEMES")
            let office = Writer(actor: nil, who: .system("test"), now: app.clock.now)
            func issue(_ planID: UUID) async throws -> Plan.Status {
                var status = Plan.Status.draft
                for (step, date) in [("circulate", "2024-02-22"), ("approve", "2024-03-04"), ("issue", "2024-03-06")] {
                    let version = try #require(try await PlanModel.find(planID, on: app.db)).version
                    try await app.readDataVersions()
                    status = try await PlanService.advance(.init(planID: planID, step: step, date: date, meeting: "县政府2024年第一次常务会议",
                                                                 documentNumber: "沂政办字〔2024〕3号", version: version),
                                                           by: office, snapshot: try await app.snapshot(), indexSchemes: schemes, on: app.db)
                }
                return status
            }
            let first = try await PlanLifecycleHTTPTests.draftPlan(app)
            #expect(try await issue(first) == .issued)
            #expect(try await PlanModel.find(first, on: app.db)?.indexNumber == "yishuixfbgs/2024-0000001")
            // The sample's own number (2023-0000196) was taken when it was loaded; the next 2023
            // number would follow it, and 2024 starts at 1.
            let sql = try #require(app.db as? any SQLDatabase)
            let numbers = try await sql.raw("SELECT number FROM index_numbers ORDER BY number").all().map { try $0.decode(column: "number", as: String.self) }
            #expect(numbers == ["yishuixfbgs/2023-0000196", "yishuixfbgs/2024-0000001"])

            // A second draft that carries the first plan's number cannot be issued with it.
            var document = try SampleData.document()
            document.plan.year = 2025
            document.plan.title = "2025年方案"
            document.plan.status = .draft
            document.plan.stages = .init(draft: CalendarDate(iso: "2024-02-08"))
            document.plan.indexNumber = "yishuixfbgs/2024-0000001"
            let second = try await PlanWriter.save(document, on: app.db, by: .system("test"), at: app.clock.now).plan.id
            do {
                _ = try await issue(second)
                Issue.record("a used number was accepted")
            } catch let error as DomainError {
                #expect(error.code == .conflict && error.field == "indexNumber" && error.message.zh.contains("yishuixfbgs/2024-0000001"))
            }
            #expect(try await PlanModel.find(second, on: app.db)?.status == .approved, "nothing of the refused step was written")

            // Shown in the plan's disclosure block.
            let html = try await Self.get(app, "/plans/\(first)", agent: "meta")
            for text in ["<dt>索引号</dt><dd>yishuixfbgs/2024-0000001</dd>", "<dt>公开方式</dt><dd>主动公开</dd>", "<dt>有效性</dt><dd>有效</dd>",
                         #"<dt>发布日期</dt><dd><time datetime="2024-03-06">"#, "<dt>浏览次数</dt><dd>1</dd>", ##"<a href="#plan-timeline">"##] {
                #expect(html.contains(text), "\(text)")
            }
        }
    }

    /// 公开信息 on the plan's manage page: the office sets 主题词, 公开方式, 成文日期 and 有效性 of
    /// an issued plan; the public block shows them; each field's error names it; audited.
    @Test func theOfficeEditsThePlansDisclosureDetails() async throws {
        try await withLuoshiApp { app in
            app.clock.set(DispatchHTTPTests.beijingNoon("2023-07-10"))
            let planID = try await app.samplePlanID()
            try await app.makeUser("du.cha", .supervisor)
            try await app.makeUser("fgj.staff", .unitStaff, unit: "县发改局")
            let office = try await app.signIn("du.cha"), unit = try await app.signIn("fgj.staff")
            let post = TaskWorkHTTPTests.post
            let path = "/plans/\(planID)/disclosure"
            let fields = [("subjectWords", "政府工作报告 任务分解"), ("disclosureMode", "proactive"), ("writtenOn", "2023-03-06"), ("validity", "repealed")]
            var (status, body) = try await post(app, path, unit, [("version", "1")] + fields)
            #expect(status == .forbidden)
            (status, body) = try await post(app, path, office, [("version", "1"), ("writtenOn", "2023-07-11")] + fields.filter { $0.0 != "writtenOn" })
            #expect(status == .badRequest && body.contains("成文日期不能晚于今天"))
            (status, body) = try await post(app, path, office, [("version", "1"), ("validity", "gone")] + fields.filter { $0.0 != "validity" })
            #expect(status == .badRequest && body.contains("请选择有效性"))
            (status, _) = try await post(app, path, office, [("version", "1")] + fields)
            #expect(status == .seeOther)
            (status, body) = try await post(app, path, office, [("version", "1")] + fields)
            #expect(status == .conflict, "a stale form is refused")
            let html = try await Self.get(app, "/plans/\(planID)", agent: "meta")
            for text in ["<dt>主题词</dt><dd lang=\"zh-CN\">政府工作报告 任务分解</dd>", "<dt>有效性</dt><dd>废止</dd>",
                         #"<dt>成文日期</dt><dd><time datetime="2023-03-06">"#, "<dt>索引号</dt><dd>yishuixfbgs/2023-0000196</dd>"] {
                #expect(html.contains(text), "\(text)")
            }
            #expect(try await app.auditActions().contains("plan.disclosure"))
            let (pageStatus, page) = try await TaskWorkHTTPTests.page(app, "/plans/\(planID)/manage", office)
            #expect(pageStatus == .ok && page.contains("保存公开信息") && page.contains(#"<option value="repealed" selected>"#))
        }
    }

    @Test func indexSchemesAreReadAndChecked() throws {
        let schemes = try Disclosure.IndexSchemes.parse("沂水县人民政府办公室=yishuixfbgs:7; 沂水县人民政府=yishuixzf:5\nyishui", field: "f")
        #expect(schemes.scheme(for: "沂水县人民政府")?.number(year: 2023, serial: 12) == "yishuixzf/2023-00012")
        #expect(schemes.scheme(for: "沂水县人民政府办公室")?.number(year: 2023, serial: 196) == "yishuixfbgs/2023-0000196")
        #expect(schemes.scheme(for: "县教育局")?.prefix == "yishui")
        #expect(Disclosure.IndexScheme.components(of: "yishuixfbgs/2023-0000196")! == ("yishuixfbgs", 2023, 196))
        #expect(Disclosure.IndexScheme.components(of: "沂政办字〔2023〕6号") == nil)
        for bad in ["=abc", "x", "沂水=yi shui", "a=abc:2", "a=abc:x"] {
            #expect(throws: DomainError.self, "\(bad)") { try Disclosure.IndexSchemes.parse(bad, field: "LUOSHI_INDEX_SCHEMES") }
        }
        #expect(try AppConfig.fromEnvironment(["LUOSHI_INDEX_SCHEMES": "yishui"]).indexSchemes.fallback?.prefix == "yishui")
    }

    @Test func thePublicAddressIsCheckedAtStart() throws {
        #expect(try AppConfig.fromEnvironment(["LUOSHI_PUBLIC_URL": "https://dc.yishui.gov.cn/"]).publicBaseURL == "https://dc.yishui.gov.cn")
        #expect(try AppConfig.fromEnvironment([:]).publicBaseURL == nil)
        for bad in ["dc.yishui.gov.cn", "javascript:alert(1)", "https://dc.yishui.gov.cn/?a=1", "ftp://x"] {
            #expect(throws: DomainError.self, "\(bad)") { try AppConfig.fromEnvironment(["LUOSHI_PUBLIC_URL": bad]) }
            do { _ = try AppConfig.fromEnvironment(["LUOSHI_PUBLIC_URL": bad]) } catch { #expect(error.field == "LUOSHI_PUBLIC_URL") }
        }
    }

    @Test func theFooterStatesWhoRunsTheSite() async throws {
        let environment = ["LUOSHI_SITE_ORGANISER": "沂水县人民政府办公室", "LUOSHI_SITE_CODE": "3713230001",
                           "LUOSHI_SITE_ICP": "鲁ICP备05000000号-1", "LUOSHI_SITE_PSB": "鲁公网安备 37132302000001号",
                           "LUOSHI_SITE_EMAIL": "duchashi@yishui.example"]
        let site = try AppConfig.fromEnvironment(environment).site
        #expect(site.publicSecurityNumber == "37132302000001")
        try await withLuoshiApp(adjust: { $0.site = site }) { app in
            let html = try await Self.get(app, "/units", agent: "identity-test")
            for text in ["主办单位：沂水县人民政府办公室", "网站标识码：3713230001", #"<a href="https://beian.miit.gov.cn/">鲁ICP备05000000号-1</a>"#,
                         #"<a href="https://beian.mps.gov.cn/#/query/webSearch?code=37132302000001">鲁公网安备 37132302000001号</a>"#,
                         #"<a href="mailto:duchashi@yishui.example">duchashi@yishui.example</a>"#] {
                #expect(html.contains(text), "\(text)")
            }
        }
        try await withLuoshiApp { app in
            let html = try await Self.get(app, "/units", agent: "identity-test")
            #expect(!html.contains("site-identity"), "nothing configured, nothing shown")
        }
        func field(_ name: String, _ value: String) -> String? {
            do { _ = try AppConfig.fromEnvironment([name: value]); return nil } catch { return error.field }
        }
        #expect(field("LUOSHI_SITE_CODE", "371323") == "LUOSHI_SITE_CODE")
        #expect(field("LUOSHI_SITE_PSB", "鲁公网安备") == "LUOSHI_SITE_PSB")
        #expect(field("LUOSHI_SITE_EMAIL", "a@b\nBcc: c@d") == "LUOSHI_SITE_EMAIL")
        #expect(field("LUOSHI_SITE_ORGANISER", String(repeating: "县", count: 81)) == "LUOSHI_SITE_ORGANISER")
    }

    @Test func aVisitorIsCountedOncePerPageAndDayAndNothingIdentifiesThem() async throws {
        try await withLuoshiApp { app in
            app.clock.set(Date(timeIntervalSince1970: 1_689_984_000))  // 2023-07-22 08:00 in Beijing
            let plan = try await app.samplePlanID()
            let part = "/plans/\(plan)/parts/3"
            #expect(Self.views(try await Self.get(app, part, agent: "Browser A")) == 1)
            #expect(Self.views(try await Self.get(app, part, agent: "Browser A")) == 1, "the same visitor again the same day")
            #expect(Self.views(try await Self.get(app, part, agent: "Browser B")) == 2)
            #expect(Self.views(try await Self.get(app, "/plans/\(plan)/parts/4", agent: "Browser A")) == 1, "each page counts apart")

            // The next day the same visitor counts again; the day before leaves nothing behind.
            app.clock.advance(by: 86_400)
            #expect(Self.views(try await Self.get(app, part, agent: "Browser A")) == 3)
            let sql = try #require(app.db as? any SQLDatabase)
            let days = try await sql.raw("SELECT DISTINCT day FROM page_views").all().map { try $0.decode(column: "day", as: String.self) }
            #expect(days == ["2023-07-23"])
            let keys = try await sql.raw("SELECT day FROM page_view_keys").all().map { try $0.decode(column: "day", as: String.self) }
            #expect(keys == ["2023-07-23"], "the day's hashing key goes with its rows")
            let visitors = try await sql.raw("SELECT visitor FROM page_views").all().map { try $0.decode(column: "visitor", as: String.self) }
            #expect(visitors.allSatisfy { $0.count == 32 && !$0.contains("Browser") && !$0.contains("127.0.0.1") })

            // A HEAD request is not a view.
            try await app.testing().test(.HEAD, part, headers: ["User-Agent": "Browser C"]) { res in #expect(res.status == .ok) }
            #expect(Self.views(try await Self.get(app, part, agent: "Browser A")) == 3)
        }
    }

    @Test func twoInstancesShareTheCount() async throws {
        try await withLuoshiApp { app in
            let plan = try await app.samplePlanID()
            let task = "/plans/\(plan)/parts/2"
            app.pageViews.totalsMaxAge = .zero
            #expect(Self.views(try await Self.get(app, task, agent: "Phone")) == 1)
            try await withSecondInstance(of: app) { second in
                second.pageViews.totalsMaxAge = .zero
                let again = try await Self.get(second, task, agent: "Phone")
                #expect(Self.views(again) == 1, "the same visitor through the other instance")
                let other = try await Self.get(second, task, agent: "Desktop")
                #expect(Self.views(other) == 2)
            }
            #expect(Self.views(try await Self.get(app, task, agent: "Tablet")) == 3)
        }
    }
}

/// The entries of an Atom feed, read with an XML parser (not string matching).
final class AtomEntries: NSObject, XMLParserDelegate {
    struct Entry { var id = "", title = "", link = "", updated = "" }
    private var entries: [Entry] = []
    private var current: Entry?
    private var text = ""
    private var sawFeed = false

    static func parse(_ data: Data) throws -> [Entry] {
        let reader = AtomEntries()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        guard parser.parse(), reader.sawFeed else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return reader.entries
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "feed" && namespaceURI == "http://www.w3.org/2005/Atom" { sawFeed = true }
        if name == "entry" { current = Entry() }
        if name == "link", current != nil, attributes["rel"] == "alternate" { current?.link = attributes["href"] ?? "" }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "id": current?.id = text
        case "title": current?.title = text
        case "updated": current?.updated = text
        case "entry": if let current { entries.append(current) }; current = nil
        default: break
        }
    }
}
