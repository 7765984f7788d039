import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("Sign-in, sessions and passwords")
struct SignInTests {
    @Test func signInRenewsTheSessionAndSetsAStrictCookie() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("zhang.san", .viewer)
            let first = try await app.signIn("zhang.san")
            let second = try await app.signIn("zhang.san")
            #expect(first.cookie != second.cookie, "every sign-in gets a new session id")
            let csrf = Secrets.token()
            try await app.testing().test(.POST, "/login", headers: anonymousFormHeaders(csrf),
                                         body: form([("username", "zhang.san"), ("password", testPassword), ("_csrf", csrf)])) { res in
                let cookie = try #require(res.headers.setCookie?[AuthenticationMiddleware.sessionCookie])
                #expect(cookie.isHTTPOnly)
                #expect(cookie.sameSite == .lax)
                #expect(res.headers.first(name: .location) == "/workbench")
            }
            try await app.testing().test(.GET, "/workbench", headers: first.headers) { res in #expect(res.status == .ok) }
            #expect(try await app.auditActions().filter { $0 == "login" }.count == 3)
        }
    }

    @Test func publicPagesShowTheSignedInHeaderOnlyToItsUser() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("zhou.yi", .viewer)
            let session = try await app.signIn("zhou.yi")
            try await app.testing().test(.GET, "/units") { res in #expect(!res.body.string.contains("zhou.yi")) }
            try await app.testing().test(.GET, "/units", headers: session.headers) { res in
                #expect(res.body.string.contains("当前用户：zhou.yi"))
                #expect(res.body.string.contains(session.csrf), "the sign-out form carries the session's token")
                #expect(res.headers.first(name: .cacheControl) == "no-store")
            }
            try await app.testing().test(.GET, "/units") { res in
                #expect(!res.body.string.contains("zhou.yi"), "a signed-in page is never served to someone else")
                #expect(!res.body.string.contains(session.csrf))
            }
        }
    }

    @Test func wrongPasswordAndUnknownUserGetTheSameAnswer() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("li.si", .viewer)
            var bodies: [String] = []
            for (username, password) in [("li.si", "Wrong-Password-1"), ("nobody.here", "Wrong-Password-1")] {
                let csrf = Secrets.token()
                try await app.testing().test(.POST, "/login", headers: anonymousFormHeaders(csrf),
                                             body: form([("username", username), ("password", password), ("_csrf", csrf)])) { res in
                    #expect(res.status == .unauthorized)
                    bodies.append(res.body.string.contains("用户名或密码不正确") ? "same" : res.body.string)
                }
            }
            #expect(bodies == ["same", "same"])
            let failures = try await AuditLogModel.query(on: app.db).filter(\.$action == "login").filter(\.$outcome == .failure).count()
            #expect(failures == 2)
        }
    }

    @Test func fiveFailuresLockTheAccountForFifteenMinutes() async throws {
        try await withLuoshiApp { app in
            app.clock.set(Date(timeIntervalSince1970: 1_700_000_000))
            try await app.makeUser("wang.wu", .viewer)
            for _ in 1...5 {
                try await app.testing().test(.POST, "/api/v1/session", headers: ["Content-Type": "application/json"],
                                             body: ByteBuffer(string: #"{"username":"wang.wu","password":"Nope-Nope-123"}"#)) { _ in }
            }
            try await app.testing().test(.POST, "/api/v1/session", headers: ["Content-Type": "application/json"],
                                         body: ByteBuffer(string: #"{"username":"wang.wu","password":"\#(testPassword)"}"#)) { res in
                #expect(res.status.code == 423, "locked even with the right password")
                let error = try res.apiError()
                #expect(error["code"] as? String == "account_locked")
            }
            app.clock.advance(by: 14 * 60)
            try await app.testing().test(.POST, "/api/v1/session", headers: ["Content-Type": "application/json"],
                                         body: ByteBuffer(string: #"{"username":"wang.wu","password":"\#(testPassword)"}"#)) { res in
                #expect(res.status.code == 423)
            }
            app.clock.advance(by: 61)
            try await app.testing().test(.POST, "/api/v1/session", headers: ["Content-Type": "application/json"],
                                         body: ByteBuffer(string: #"{"username":"wang.wu","password":"\#(testPassword)"}"#)) { res in
                #expect(res.status == .created)
            }
            #expect(try await app.auditActions().contains("account.lock"))
        }
    }

    @Test func manyFailuresFromOneAddressAreThrottled() async throws {
        try await withLuoshiApp(sample: false) { app in
            for index in 0..<app.loginThrottle.maximumFailures {
                try await app.testing().test(.POST, "/api/v1/session", headers: ["Content-Type": "application/json"],
                                             body: ByteBuffer(string: #"{"username":"user\#(index)","password":"x"}"#)) { res in
                    #expect(res.status == .unauthorized)
                }
            }
            try await app.testing().test(.POST, "/api/v1/session", headers: ["Content-Type": "application/json"],
                                         body: ByteBuffer(string: #"{"username":"someone","password":"x"}"#)) { res in
                #expect(res.status == .tooManyRequests)
            }
        }
    }

    @Test func sessionsEndAfterFifteenIdleMinutesAndEightHours() async throws {
        try await withLuoshiApp { app in
            app.clock.set(Date(timeIntervalSince1970: 1_700_000_000))
            try await app.makeUser("zhao.liu", .supervisor)
            let idle = try await app.signIn("zhao.liu")
            app.clock.advance(by: 14 * 60)
            try await app.testing().test(.GET, "/workbench", headers: idle.headers) { res in #expect(res.status == .ok) }
            app.clock.advance(by: 15 * 60 + 1)
            try await app.testing().test(.GET, "/workbench", headers: idle.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/login?next=") == true)
            }
            let busy = try await app.signIn("zhao.liu")
            for _ in 0..<47 {  // active every 10 minutes for 7 h 50 min
                app.clock.advance(by: 10 * 60)
                try await app.testing().test(.GET, "/workbench", headers: busy.headers) { res in #expect(res.status == .ok) }
            }
            app.clock.advance(by: 10 * 60)
            try await app.testing().test(.GET, "/workbench", headers: busy.headers) { res in #expect(res.status == .seeOther) }
            let logouts = try await AuditLogModel.query(on: app.db).filter(\.$action == "logout").all().map(\.summary)
            #expect(logouts.sorted() == ["absolute session timeout", "idle timeout"])
        }
    }

    /// Session fixation: whatever session cookie a browser carries into the sign-in — a value an
    /// attacker made up, or the attacker's own live session — the sign-in issues a new token; the
    /// planted value never becomes the victim's session.
    @Test func aPlantedSessionCookieNeverBecomesTheVictimsSession() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("victim.user", .supervisor)
            try await app.makeUser("attacker.user", .viewer)
            let attacker = try await app.signIn("attacker.user")
            for planted in ["made-up-\(Secrets.token())", attacker.cookie] {
                // With a live session the form must carry that session's token; the attacker knows theirs.
                let csrf = planted == attacker.cookie ? attacker.csrf : Secrets.token()
                var issued: String?
                try await app.testing().test(.POST, "/login", headers: [
                    "Cookie": "\(AuthenticationMiddleware.sessionCookie)=\(planted); \(CSRFMiddleware.cookieName)=\(csrf)",
                    "Content-Type": "application/x-www-form-urlencoded",
                ], body: ByteBuffer(string: "username=victim.user&password=\(testPassword.formEncoded)&_csrf=\(csrf)")) { res in
                    #expect(res.status == .seeOther)
                    issued = res.headers.setCookie?[AuthenticationMiddleware.sessionCookie]?.string
                }
                let token = try #require(issued)
                #expect(token != planted, "a new token, never the planted one")
                // The planted value is still not the victim: made up, it is no one; the attacker's, it is the attacker's.
                try await app.testing().test(.GET, "/api/v1/me", headers: ["Cookie": "\(AuthenticationMiddleware.sessionCookie)=\(planted)"]) { res in
                    if planted == attacker.cookie {
                        #expect(res.status == .ok && res.body.string.contains("attacker.user") && !res.body.string.contains("victim.user"))
                    } else {
                        #expect(res.status == .unauthorized)
                    }
                }
                try await app.testing().test(.GET, "/api/v1/me", headers: ["Cookie": "\(AuthenticationMiddleware.sessionCookie)=\(token)"]) { res in
                    #expect(res.status == .ok && res.body.string.contains("victim.user"))
                }
            }
            let stored = try await SessionModel.query(on: app.db).all().map(\.tokenHash)
            #expect(!stored.contains(attacker.cookie) && stored.contains(Secrets.sha256Hex(attacker.cookie)), "only digests are stored")
        }
    }

    @Test func aForcedPasswordChangeComesFirst() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("qian.qi", .unitStaff, unit: "县发改局", mustChange: true)
            let session = try await app.signIn("qian.qi")
            try await app.testing().test(.GET, "/workbench", headers: session.headers) { res in
                #expect(res.headers.first(name: .location) == "/account/password")
            }
            try await app.testing().test(.GET, "/api/v1/me", headers: session.headers) { res in
                #expect(res.status == .ok)
            }
            try await app.testing().test(.POST, "/account/password", headers: headers(session, form: true),
                                         body: form([("_csrf", session.csrf), ("currentPassword", testPassword),
                                                     ("newPassword", "qian.qi-Abc-123"), ("repeatPassword", "qian.qi-Abc-123")])) { res in
                #expect(res.status == .badRequest, "a password containing the username is refused")
                #expect(res.body.string.contains("密码不能包含用户名"))
                #expect(res.body.string.contains(#"aria-invalid="true""#))
            }
            try await app.testing().test(.POST, "/account/password", headers: headers(session, form: true),
                                         body: form([("_csrf", session.csrf), ("currentPassword", testPassword),
                                                     ("newPassword", "Xin-Mima-2023"), ("repeatPassword", "Xin-Mima-2023")])) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("密码已修改"))
            }
            try await app.testing().test(.GET, "/workbench", headers: session.headers) { res in #expect(res.status == .ok) }
            #expect(try await app.auditActions().contains("password.change"))
        }
    }

    @Test func aFormPostWithoutItsTokenIsRefused() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("sun.ba", .viewer)
            let session = try await app.signIn("sun.ba")
            try await app.testing().test(.POST, "/account/tokens", headers: headers(session, form: true),
                                         body: form([("name", "script"), ("days", "30")])) { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(.POST, "/account/tokens", headers: headers(session, form: true),
                                         body: form([("_csrf", "forged"), ("name", "script"), ("days", "30")])) { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(.POST, "/login", headers: formHeaders,
                                         body: form([("username", "sun.ba"), ("password", testPassword)])) { res in
                #expect(res.status == .forbidden, "the sign-in form needs its double-submit token")
            }
            #expect(try await app.auditActions().filter { $0 == "csrf.refused" }.count == 3)
        }
    }

    @Test func personalAccessTokensWorkUntilRevoked() async throws {
        try await withLuoshiApp { app in
            let user = try await app.makeUser("zhou.jiu", .supervisor)
            let session = try await app.signIn("zhou.jiu")
            var token = ""
            try await app.testing().test(.POST, "/account/tokens", headers: headers(session, form: true),
                                         body: form([("_csrf", session.csrf), ("name", "月报脚本"), ("days", "30")])) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                let start = try #require(html.range(of: #"<code id="new-token">"#)?.upperBound)
                let end = try #require(html[start...].range(of: "</code>")?.lowerBound)
                token = String(html[start..<end])
            }
            #expect(token.hasPrefix("lst_"))
            let stored = try #require(try await AccessTokenModel.query(on: app.db).filter(\.$user.$id == user.requireID()).first())
            #expect(stored.tokenHash == Secrets.sha256Hex(token), "only the digest is stored")
            try await app.testing().test(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"]) { res in
                #expect(res.status == .ok)
                let body = try #require(try res.json() as? [String: Any])
                #expect(body["role"] as? String == "supervisor")
                #expect(body["username"] as? String == "zhou.jiu")
            }
            try await app.testing().test(.POST, "/account/tokens/\(try stored.requireID())/revoke", headers: headers(session, form: true),
                                         body: form([("_csrf", session.csrf)])) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"]) { res in
                #expect(res.status == .unauthorized)
                let error = try res.apiError()
                #expect(error["code"] as? String == "sign_in_required")
            }
            let actions = try await app.auditActions()
            #expect(actions.contains("token.create") && actions.contains("token.revoke"))
        }
    }

    @Test func theAPISessionGivesAShortLivedToken() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("wu.shi", .viewer)
            var token = ""
            try await app.testing().test(.POST, "/api/v1/session", headers: ["Content-Type": "application/json"],
                                         body: ByteBuffer(string: #"{"username":"wu.shi","password":"\#(testPassword)"}"#)) { res in
                #expect(res.status == .created)
                let body = try #require(try res.json() as? [String: Any])
                token = try #require(body["token"] as? String)
                #expect(body["expiresAt"] is String)
            }
            try await app.testing().test(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"]) { res in
                #expect(res.status == .ok)
            }
            app.clock.advance(by: SessionAPIController.sessionTokenLifetime + 1)
            try await app.testing().test(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"]) { res in
                #expect(res.status == .unauthorized)
            }
            try await app.testing().test(.GET, "/api/v1/me") { res in #expect(res.status == .unauthorized) }
        }
    }

    @Test(arguments: [
        (#"{"username":"","password":"x"}"#, "username"),
        (#"{"username":"a","password":""}"#, "password"),
        ("{\"username\":\"\(String(repeating: "u", count: 300))\",\"password\":\"x\"}", "username"),
        ("{\"username\":\"a\",\"password\":\"\(String(repeating: "p", count: 300))\"}", "password"),
        (#"not json"#, nil),
    ] as [(String, String?)])
    func badSignInInputIsNamedNeverA500(body: String, field: String?) async throws {
        try await withLuoshiApp(sample: false) { app in
            try await app.testing().test(.POST, "/api/v1/session", headers: ["Content-Type": "application/json"],
                                         body: ByteBuffer(string: body)) { res in
                #expect(res.status == .badRequest)
                let error = try res.apiError()
                #expect(error["field"] as? String == field)
            }
        }
    }
}

@Suite("Administration and the audit log")
struct AdministrationTests {
    @Test func theSystemAdministratorCreatesAUserWhoMustChangeThePassword() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("sys.admin", .systemAdmin)
            let admin = try await app.signIn("sys.admin")
            let unit = try #require(try await app.snapshot().units.first { $0.shortName == "县工信局" })
            var password = ""
            try await app.testing().test(.POST, "/admin/users", headers: headers(admin, form: true),
                                         body: form([("_csrf", admin.csrf), ("username", "gxj.staff"), ("displayName", "工信局联络员"),
                                                     ("role", "unitStaff"), ("unit", unit.id.uuidString), ("leader", "")])) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                let start = try #require(html.range(of: "首次登录须修改）：")?.upperBound)
                password = String(html[start...].prefix { $0 != "<" })
            }
            #expect(password.count == 16)
            let session = try await app.signIn("gxj.staff", password: password)
            try await app.testing().test(.GET, "/workbench", headers: session.headers) { res in
                #expect(res.headers.first(name: .location) == "/account/password")
            }
            for (fields, field) in [([("username", String(repeating: "x", count: 300)), ("role", "viewer")], "username"),
                                    ([("username", "ok.name"), ("role", "emperor")], "role"),
                                    ([("username", ""), ("role", "viewer")], "username"),
                                    ([("username", "staff.two"), ("role", "unitStaff")], "unit")] {
                try await app.testing().test(.POST, "/admin/users", headers: headers(admin, form: true),
                                             body: form([("_csrf", admin.csrf)] + fields)) { res in
                    #expect(res.status == .badRequest, "\(fields)")
                    #expect(res.body.string.contains(##"href="#field-\##(field)""##), "the error names \(field)")
                }
            }
            #expect(try await app.auditActions().contains("user.create"))
        }
    }

    @Test func theSecurityAdministratorSetsPolicyUnlocksAndGrantsRoles() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("sec.admin", .securityAdmin)
            let locked = try await app.makeUser("locked.user", .viewer)
            locked.lockedUntil = app.clock.now.addingTimeInterval(600)
            try await locked.save(on: app.db)
            let admin = try await app.signIn("sec.admin")
            try await app.testing().test(.GET, "/admin/security", headers: admin.headers) { res in
                #expect(res.body.string.contains("locked.user"))
            }
            let policy: [(String, String)] = [("_csrf", admin.csrf), ("version", "1"), ("passwordMinLength", "10"), ("passwordMinClasses", "3"),
                                              ("passwordExpiryDays", ""), ("lockoutFailures", "5"), ("lockoutMinutes", "30"),
                                              ("sessionIdleMinutes", "15"), ("sessionAbsoluteMinutes", "480")]
            try await app.testing().test(.POST, "/admin/security/policy", headers: headers(admin, form: true),
                                         body: form(policy + [("auditRetentionDays", "90")])) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains(##"href="#field-auditRetentionDays""##))
            }
            try await app.testing().test(.POST, "/admin/security/policy", headers: headers(admin, form: true),
                                         body: form(policy + [("auditRetentionDays", "365")])) { res in
                #expect(res.status == .ok)
            }
            let settings = try await app.securitySettings.current(app.db)
            #expect(settings.password.minimumLength == 10 && settings.password.expiryDays == nil && settings.auditRetentionDays == 365)
            try await app.testing().test(.POST, "/admin/security/policy", headers: headers(admin, form: true),
                                         body: form(policy + [("auditRetentionDays", "400")])) { res in
                #expect(res.status == .conflict, "a stale version is refused")
            }
            try await app.testing().test(.POST, "/admin/security/users/\(try locked.requireID())/unlock", headers: headers(admin, form: true),
                                         body: form([("_csrf", admin.csrf)])) { res in #expect(res.status == .seeOther) }
            #expect(try await UserModel.find(locked.requireID(), on: app.db)?.lockedUntil == nil)
            try await app.testing().test(.POST, "/admin/security/role", headers: headers(admin, form: true),
                                         body: form([("_csrf", admin.csrf), ("user", try locked.requireID().uuidString), ("role", "supervisor"),
                                                     ("unit", ""), ("leader", "")])) { res in #expect(res.status == .ok) }
            #expect(try await UserModel.find(locked.requireID(), on: app.db)?.role == .supervisor)
            let actions = try await app.auditActions()
            for action in ["policy.change", "account.unlock", "role.change"] { #expect(actions.contains(action), "\(action)") }
        }
    }

    @Test func unitStaffSeeOnlyTheirUnitsWork() async throws {
        try await withLuoshiApp { app in
            let snapshot = try await app.snapshot()
            let unit = try #require(snapshot.units.first { $0.shortName == "县发改局" })
            let plan = try #require(snapshot.plans.first)
            let mine = (snapshot.tasksByPlan[plan.id] ?? []).filter { $0.leadUnitIDs.contains(unit.id) || $0.cooperatingUnitIDs.contains(unit.id) }
            let others = (snapshot.tasksByPlan[plan.id] ?? []).filter { !($0.leadUnitIDs.contains(unit.id) || $0.cooperatingUnitIDs.contains(unit.id)) }
            try await app.makeUser("fgj.staff", .unitStaff, unit: "县发改局")
            let session = try await app.signIn("fgj.staff")
            try await app.testing().test(.GET, "/workbench", headers: session.headers) { res in
                let html = res.body.string
                #expect(!mine.isEmpty)
                for task in mine { #expect(html.contains(">\(task.number)</a>")) }
                for task in others { #expect(!html.contains(">\(task.number)</a>"), "\(task.number) is not this unit's") }
                #expect(html.contains("退出"))
                #expect(!html.contains("/admin/"), "no administration links for unit staff")
            }
        }
    }

    @Test func theAuditChainFindsAChangedOrMissingRow() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("audit.admin", .auditAdmin)
            let admin = try await app.signIn("audit.admin")
            _ = try await app.signIn("audit.admin")
            #expect(try await AuditLog.verify(on: app.db) == nil)
            try await app.testing().test(.GET, "/admin/audit?action=login", headers: admin.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("audit.admin"))
            }
            try await app.testing().test(.GET, "/admin/audit.csv?action=login", headers: admin.headers) { res in
                #expect(res.headers.contentType?.subType == "csv")
                let lines = res.body.string.split(separator: "\r\n")
                #expect(lines.count == 3, "a header and two sign-ins")
                #expect(lines.first?.hasPrefix("\u{FEFF}sequence,occurred_at") == true)
            }
            try await app.testing().test(.GET, "/admin/audit?from=2023-13-01", headers: admin.headers) { res in
                #expect(res.status == .badRequest)
            }
            let sql = try #require(app.db as? any SQLDatabase)
            await #expect(throws: (any Error).self, "the database refuses to change audit rows") {
                try await sql.raw("UPDATE audit_log SET summary = \(bind: "edited") WHERE sequence = \(bind: 2)").run()
            }
            await #expect(throws: (any Error).self, "the database refuses to delete audit rows") {
                try await sql.raw("DELETE FROM audit_log WHERE sequence = \(bind: 2)").run()
            }
            // Someone able to drop the triggers can still edit rows: the chain finds it.
            try await ProtectAuditLog().revert(on: app.db)
            let original = try #require(try await AuditLogModel.query(on: app.db).filter(\.$sequence == 2).first()).summary
            try await sql.raw("UPDATE audit_log SET summary = \(bind: "edited") WHERE sequence = \(bind: 2)").run()
            let changed = try #require(try await AuditLog.verify(on: app.db))
            #expect(changed.sequence == 2)
            try await sql.raw("UPDATE audit_log SET summary = \(bind: original) WHERE sequence = \(bind: 2)").run()
            #expect(try await AuditLog.verify(on: app.db) == nil, "restoring the row mends the chain")
            try await sql.raw("DELETE FROM audit_log WHERE sequence = \(bind: 3)").run()
            let removed = try #require(try await AuditLog.verify(on: app.db))
            #expect(removed.sequence == 3)
            let last = try #require(try await AuditLogModel.query(on: app.db).sort(\.$sequence, .descending).first())
            try await sql.raw("DELETE FROM audit_log WHERE sequence >= \(bind: 3)").run()
            let truncated = try #require(try await AuditLog.verify(on: app.db), "removing rows at the end is found through the head")
            #expect(truncated.sequence == 3 && last.sequence > 3)
        }
    }
}

/// A form post before sign-in: the double-submit cookie and the form content type.
func anonymousFormHeaders(_ csrf: String) -> HTTPHeaders {
    ["Cookie": "\(CSRFMiddleware.cookieName)=\(csrf)", "Content-Type": "application/x-www-form-urlencoded"]
}
