import Foundation
@testable import LuoshiApp
import Testing
import VaporTesting

@Suite("Public pages")
struct PublicPagesTests {
    @Test func homeShowsThePlanItsStagesAndCounts() async throws {
        try await withLuoshiApp { app in
            try await app.testing().test(.GET, "/") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType == .html)
                let html = res.body.string
                #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"zh-CN\""))
                #expect(html.contains("2023年县政府工作报告重点工作任务分解方案"))
                #expect(html.contains("沂政办字〔2023〕6号"))
                for date in ["2023-01-19", "2023-02-08", "2023-02-22", "2023-03-04", "2023-03-06"] {
                    #expect(html.contains(date), "stage date \(date)")
                }
                #expect(html.contains("县政府2023年第一次常务会议"))
                #expect(html.contains("示例数据"), "the sample is labelled illustrative")
                #expect(html.contains("第三部分"))
                #expect(html.contains("八个部分、91项具体工作，主要涉及41个牵头单位和6个乡镇（街道）"))
                #expect(html.contains(">21</td>"))
                #expect(html.contains(">91</td>"))
                #expect(html.contains(##"class="skip-link" href="#main""##))
                #expect(html.contains("<main id=\"main\""))
            }
        }
    }

    @Test func partPageListsItsTasksWithOwners() async throws {
        try await withLuoshiApp { app in
            let id = try await app.samplePlanID()
            let snapshot = try await app.snapshot()
            let part3 = try #require(snapshot.tasksByPlan[id]).filter { $0.number.part == 3 }
            try await app.testing().test(.GET, "/plans/\(id)/parts/3") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("坚定不移壮产业、提能级，推动实体经济提质增效"))
                #expect(html.components(separatedBy: "<tr>").count - 1 == 21 + 1, "21 task rows and a header row")
                for task in part3 {
                    #expect(html.contains(">\(task.number)</a>"))
                    let lead = try #require(snapshot.unitsByID[task.leadUnitIDs[0]])
                    #expect(html.contains(lead.shortName))
                }
                #expect(html.contains("示例数据"))
            }
            try await app.testing().test(.GET, "/plans/\(id)/parts/9") { res in
                #expect(res.status == .notFound)
                #expect(res.headers.contentType == .html)
                #expect(res.body.string.contains("页面不存在"))
            }
            try await app.testing().test(.GET, "/plans/\(id)/parts/x") { res in
                #expect(res.status == .badRequest)
            }
        }
    }

    @Test func taskPageShowsEverythingAboutTheTask() async throws {
        try await withLuoshiApp { app in
            let snapshot = try await app.snapshot()
            let task = try #require(snapshot.tasksByID.values.first { $0.kind == .ongoing && !$0.milestones.isEmpty })
            try await app.testing().test(.GET, "/tasks/\(task.id)") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains(task.content))
                let target = try #require(task.annualTarget)
                #expect(html.contains(target))
                for milestone in task.milestones {
                    #expect(html.contains(milestone.due.iso))
                    #expect(html.contains(milestone.title))
                }
                for leader in task.leaderIDs.compactMap({ snapshot.leadersByID[$0] }) { #expect(html.contains(leader.name)) }
            }
        }
    }

    @Test func unitAndLeaderPagesListTheirTasks() async throws {
        try await withLuoshiApp { app in
            let snapshot = try await app.snapshot()
            let unit = try #require(snapshot.units.first { !(snapshot.tasksCooperatedByUnit[$0.id] ?? []).isEmpty && !(snapshot.tasksLedByUnit[$0.id] ?? []).isEmpty })
            try await app.testing().test(.GET, "/units/\(unit.id)") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains(unit.name))
                for task in snapshot.tasksLedByUnit[unit.id]! + snapshot.tasksCooperatedByUnit[unit.id]! {
                    #expect(html.contains(">\(task.number)</a>"))
                }
            }
            try await app.testing().test(.GET, "/units") { res in
                let html = res.body.string
                #expect(html.contains("县直部门"))
                #expect(html.contains("沂城街道"))
                #expect(snapshot.units.allSatisfy { html.contains($0.name) })
            }
            let leader = try #require(snapshot.leaders.first)
            try await app.testing().test(.GET, "/leaders/\(leader.id)") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(leader.portfolio))
            }
            try await app.testing().test(.GET, "/leaders") { res in
                #expect(snapshot.leaders.allSatisfy { res.body.string.contains($0.name) })
            }
            try await app.testing().test(.GET, "/units/\(UUID())") { res in #expect(res.status == .notFound) }
            try await app.testing().test(.GET, "/leaders/\(UUID())") { res in #expect(res.status == .notFound) }
        }
    }

    @Test func englishAndElderModeAreRememberedInCookies() async throws {
        try await withLuoshiApp { app in
            try await app.testing().test(.GET, "/preferences?lang=en&return=/units") { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/units")
                let cookie = try #require(res.headers.setCookie?[Preferences.languageCookie])
                #expect(cookie.string == "en")
                #expect(cookie.isHTTPOnly)
                #expect(cookie.sameSite == .lax)
            }
            try await app.testing().test(.GET, "/units", headers: ["Cookie": "luoshi_lang=en; luoshi_mode=elder"]) { res in
                let html = res.body.string
                #expect(html.hasPrefix(#"<!DOCTYPE html><html lang="en" class="elder">"#))
                #expect(html.contains("Responsible units"))
                #expect(html.contains("Elder mode"))
                #expect(!html.contains("县直部门"))
            }
            try await app.testing().test(.GET, "/units") { res in
                #expect(res.body.string.hasPrefix(#"<!DOCTYPE html><html lang="zh-CN" class="standard">"#))
            }
        }
    }

    @Test(arguments: ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", ""])
    func preferencesNeverRedirectOffSite(target: String) async throws {
        try await withLuoshiApp(sample: false) { app in
            let encoded = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await app.testing().test(.GET, "/preferences?elder=1&return=\(encoded)") { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/")
            }
        }
    }

    @Test func emptyDatabaseHomeSaysSoAndStylesheetIsCacheable() async throws {
        try await withLuoshiApp(sample: false) { app in
            try await app.testing().test(.GET, "/") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("暂无已印发的方案"))
                #expect(!res.body.string.contains("示例数据"))
            }
            try await app.testing().test(.GET, SiteURL.stylesheet.path) { res in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: .cacheControl)?.contains("immutable") == true)
                #expect(res.body.string.contains("html.elder"))
            }
            try await app.testing().test(.GET, "/assets/luoshi-old.css") { res in #expect(res.status == .notFound) }
        }
    }

    @Test func pagesCarrySecurityHeaders() async throws {
        try await withLuoshiApp(sample: false) { app in
            try await app.testing().test(.GET, "/") { res in
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("default-src 'none'") == true)
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(res.headers.first(name: "Referrer-Policy") == "same-origin")
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("unsafe-inline") == false)
                #expect(res.headers.first(name: .strictTransportSecurity) == nil, "plain HTTP: no HSTS")
            }
            // A forged X-Forwarded-Proto from a peer that is not a trusted proxy changes nothing.
            try await app.testing().test(.GET, "/", headers: ["X-Forwarded-Proto": "https"]) { res in
                #expect(res.headers.first(name: .strictTransportSecurity) == nil)
            }
        }
        for https in [{ (c: inout AppConfig) in c.publicBaseURL = "https://dcs.example.gov.cn" }, { (c: inout AppConfig) in c.secureCookies = true }] {
            try await withLuoshiApp(sample: false, adjust: https) { app in
                for path in ["/", "/api/v1/plans", "/no-such-page"] {
                    try await app.testing().test(.GET, path) { res in
                        #expect(res.headers.first(name: .strictTransportSecurity) == "max-age=31536000; includeSubDomains", "\(path)")
                        #expect(res.headers.first(name: "Content-Security-Policy") == SecurityHeadersMiddleware.contentSecurityPolicy, "\(path): error pages too")
                    }
                }
            }
        }
    }
}
