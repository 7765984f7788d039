import Fluent
import SQLKit

/// Makes the audit log append-only in the database itself: an UPDATE or DELETE on `audit_log`
/// is refused by a trigger, whatever code path tries it. (Someone who can drop the trigger can
/// still change rows; the hash chain is what detects that.) Engine-specific SQL, one branch each.
struct ProtectAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION luoshi_audit_log_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION luoshi_audit_log_append_only()
                """).run()
        case "sqlite":
            try await sql.raw("""
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
                """).run()
        default:
            break
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log").run()
            try await sql.raw("DROP FUNCTION IF EXISTS luoshi_audit_log_append_only()").run()
        case "sqlite":
            try await sql.raw("DROP TRIGGER IF EXISTS audit_log_no_update").run()
            try await sql.raw("DROP TRIGGER IF EXISTS audit_log_no_delete").run()
        default:
            break
        }
    }
}
