import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

/// Signed-in requests remember their session while the `accounts` data version is unchanged;
/// account changes made on the web forget it at once, and a change made behind the server's back
/// counts as soon as the watcher reads the versions (its poll or a notification).
@Suite("Session cache")
struct SessionCacheTests {
    @Test func aChangeOutsideTheWebTakesEffectWhenTheVersionsAreRead() async throws {
        try await withLuoshiApp { app in
            app.clock.set(Date(timeIntervalSince1970: 1_700_000_000))
            let user = try await app.makeUser("du.cha", .supervisor)
            let session = try await app.signIn("du.cha")
            func status() async throws -> HTTPStatus {
                var status = HTTPStatus.ok
                try await app.testing().test(.GET, "/workbench", headers: session.headers) { res in status = res.status }
                return status
            }
            #expect(try await status() == .ok)
            user.disabled = true   // as the CLI or another instance would: no web request here
            try await user.save(on: app.db)
            #expect(try await status() == .ok, "remembered until the versions are read")
            try await app.readDataVersions()
            #expect(try await status() == .seeOther, "then the database is asked again and the session ends (to the sign-in page)")
        }
    }

    @Test func signingOutForgetsTheSessionAtOnce() async throws {
        try await withLuoshiApp { app in
            try await app.makeUser("du.cha", .supervisor)
            let session = try await app.signIn("du.cha")
            try await app.testing().test(.GET, "/workbench", headers: session.headers) { res in #expect(res.status == .ok) }
            try await app.testing().test(.POST, "/logout", headers: headers(session, form: true), body: form([("_csrf", session.csrf)])) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, "/workbench", headers: session.headers) { res in
                #expect(res.status == .seeOther, "the old cookie no longer signs in: to the sign-in page")
            }
        }
    }
}
