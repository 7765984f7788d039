import Crypto
import FluentKit
import Foundation
import LuoshiDomain
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// 浏览次数: how many visitors have opened a public page, each counted once a day, correct
/// however many instances serve the site. The count lives in the database (`page_views`, one row
/// per page, day and visitor; `page_view_totals`); a visitor is a keyed hash of their address
/// and browser, and the key is the day's own, kept in the database and deleted with the day's
/// rows, so no cookie is set and nothing that identifies anyone outlives the day.
///
/// This process keeps the visitors it has counted today (so a visitor's later views cost no
/// write) and each page's total for `totalsMaxAge` (views counted by another instance show
/// within that time); both are caches of what the database holds.
final class PageViews: Sendable {
    var totalsMaxAge: Duration {
        get { state.withLockedValue { $0.totalsMaxAge } }
        set { state.withLockedValue { $0.totalsMaxAge = newValue } }
    }

    /// Visitors remembered per day before the memory is cleared (the database still refuses a
    /// second count).
    static let seenLimit = 200_000

    private struct Total {
        var views: Int64
        var readAt: ContinuousClock.Instant
    }

    private struct State {
        var totalsMaxAge: Duration = .seconds(5)
        var day: CalendarDate?
        var key: SymmetricKey?
        var seen: Set<String> = []
        var totals: [String: Total] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// Counts the view of `page` (a path) by the visitor at `address` with `userAgent` on `day`,
    /// once, and returns the page's total, this view included.
    func count(page: String, address: String, userAgent: String, on day: CalendarDate, database: any Database) async throws -> Int64 {
        let key = try await key(for: day, database: database)
        let visitor = HMAC<SHA256>.authenticationCode(for: Data("\(address)\n\(userAgent)".utf8), using: key)
            .prefix(16).map { String(format: "%02x", $0) }.joined()
        let seenKey = "\(page)|\(visitor)"
        let seen = state.withLockedValue { state in
            guard state.day == day else { return false }
            return state.seen.contains(seenKey)
        }
        if !seen {
            let counted: Int64? = try await database.writeTransaction { db in
                let sql = db as! any SQLDatabase
                guard try await sql.raw("""
                    INSERT INTO page_views (page, day, visitor) VALUES (\(bind: page), \(bind: day.iso), \(bind: visitor))
                    ON CONFLICT DO NOTHING RETURNING page
                    """).first() != nil else { return nil }
                return try await sql.raw("""
                    INSERT INTO page_view_totals (page, views) VALUES (\(bind: page), 1)
                    ON CONFLICT (page) DO UPDATE SET views = page_view_totals.views + 1 RETURNING views
                    """).first()?.decode(column: "views", as: Int64.self)
            }
            state.withLockedValue { state in
                guard state.day == day else { return }
                if state.seen.count >= Self.seenLimit { state.seen.removeAll() }
                state.seen.insert(seenKey)
                if let counted { state.totals[page] = Total(views: counted, readAt: .now) }
            }
            if let counted { return counted }
        }
        return try await total(page: page, database: database)
    }

    /// The page's total, read again when the kept one is older than `totalsMaxAge`.
    func total(page: String, database: any Database) async throws -> Int64 {
        let kept = state.withLockedValue { state in
            state.totals[page].flatMap { .now - $0.readAt < state.totalsMaxAge ? $0.views : nil }
        }
        if let kept { return kept }
        let views = try await (database as! any SQLDatabase).raw("SELECT views FROM page_view_totals WHERE page = \(bind: page)")
            .first()?.decode(column: "views", as: Int64.self) ?? 0
        state.withLockedValue { $0.totals[page] = Total(views: views, readAt: .now) }
        return views
    }

    /// The day's hashing key: made by the first instance to count a view that day, read by the
    /// others. The rows and keys of earlier days are deleted then.
    private func key(for day: CalendarDate, database: any Database) async throws -> SymmetricKey {
        if let key = state.withLockedValue({ $0.day == day ? $0.key : nil }) { return key }
        let secret: String = try await database.writeTransaction { db in
            let sql = db as! any SQLDatabase
            try await sql.raw("""
                INSERT INTO page_view_keys (day, secret) VALUES (\(bind: day.iso), \(bind: Secrets.token())) ON CONFLICT DO NOTHING
                """).run()
            try await sql.raw("DELETE FROM page_view_keys WHERE day < \(bind: day.iso)").run()
            try await sql.raw("DELETE FROM page_views WHERE day < \(bind: day.iso)").run()
            guard let secret = try await sql.raw("SELECT secret FROM page_view_keys WHERE day = \(bind: day.iso)").first()?
                .decode(column: "secret", as: String.self) else { throw Abort(.serviceUnavailable, reason: "the day's view key is missing") }
            return secret
        }
        let key = SymmetricKey(data: Data(secret.utf8))
        state.withLockedValue { state in
            if state.day != day {
                state.day = day
                state.seen.removeAll()
            }
            state.key = key
        }
        return key
    }
}

extension Application {
    private struct PageViewsKey: StorageKey { typealias Value = PageViews }

    var pageViews: PageViews {
        if let existing = storage[PageViewsKey.self] { return existing }
        let views = PageViews()
        storage[PageViewsKey.self] = views
        return views
    }
}

extension Request {
    /// Counts this request's view of its public page and returns the page's total; nil for HEAD
    /// requests, and when the count cannot be written (the page is shown without it).
    func countedView() async -> Int64? {
        guard method == .GET else { return nil }
        do {
            return try await application.pageViews.count(page: url.path, address: clientIP, userAgent: headers.first(name: .userAgent) ?? "",
                                                         on: CalendarDate(date: now), database: db)
        } catch {
            logger.warning("Cannot count the view of \(url.path): \(String(reflecting: error))")
            return nil
        }
    }
}
