import Fluent
import SQLKit

/// API tokens are remembered per process like sessions, so revoking or deleting one must move
/// the `accounts` data version in every process. Creating a token or stamping its last use does
/// not (nothing remembered can be stale for it).
struct WatchAccessTokenRevocation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("""
                CREATE CONSTRAINT TRIGGER access_tokens_data_version AFTER UPDATE OF revoked_at, expires_at OR DELETE ON access_tokens
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION luoshi_bump_data_version('accounts')
                """).run()
        case "sqlite":
            for event in Self.sqliteEvents {
                try await sql.raw("""
                    CREATE TRIGGER access_tokens_data_version_\(unsafeRaw: event.name) AFTER \(unsafeRaw: event.sql) ON access_tokens
                    BEGIN UPDATE data_versions SET version = version + 1 WHERE scope IN ('any', 'accounts'); END
                    """).run()
            }
        default:
            break
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("DROP TRIGGER IF EXISTS access_tokens_data_version ON access_tokens").run()
        case "sqlite":
            for event in Self.sqliteEvents {
                try await sql.raw("DROP TRIGGER IF EXISTS access_tokens_data_version_\(unsafeRaw: event.name)").run()
            }
        default:
            break
        }
    }

    private static let sqliteEvents = [(name: "revoke", sql: "UPDATE OF revoked_at, expires_at"), (name: "delete", sql: "DELETE")]
}
