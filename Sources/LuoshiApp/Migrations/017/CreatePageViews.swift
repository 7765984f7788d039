import Fluent
import SQLKit

/// View counts of public pages (浏览次数), shared by every instance: one row per page, day and
/// visitor (a keyed hash, never the address), the totals, and the day's hashing key, which is
/// deleted with the day's rows so that no visitor can be traced afterwards. None of these
/// tables moves a data version: a view changes no read model.
struct CreatePageViews: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            CREATE TABLE page_views (page VARCHAR(512) NOT NULL, day VARCHAR(10) NOT NULL, visitor VARCHAR(64) NOT NULL,
                                     PRIMARY KEY (page, day, visitor))
            """).run()
        try await sql.raw("CREATE TABLE page_view_totals (page VARCHAR(512) PRIMARY KEY, views BIGINT NOT NULL)").run()
        try await sql.raw("CREATE TABLE page_view_keys (day VARCHAR(10) PRIMARY KEY, secret VARCHAR(64) NOT NULL)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in ["page_view_keys", "page_view_totals", "page_views"] { try await sql.raw("DROP TABLE \(unsafeRaw: table)").run() }
    }
}
