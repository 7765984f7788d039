import Fluent
import SQLKit

/// The audit head takes the hash of the row appended at its sequence in the same statement as the
/// append, by a trigger, instead of a third statement of every write (`AuditLog.append`). The
/// head's sequence is still moved first, which takes the lock that orders concurrent appends.
struct AuditHeadFollowsLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION luoshi_audit_head_follows_log() RETURNS trigger AS $$
                BEGIN UPDATE audit_head SET last_hash = NEW.hash WHERE sequence = NEW.sequence; RETURN NULL; END; $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_head_follows_log AFTER INSERT ON audit_log
                FOR EACH ROW EXECUTE FUNCTION luoshi_audit_head_follows_log()
                """).run()
        case "sqlite":
            try await sql.raw("""
                CREATE TRIGGER audit_head_follows_log AFTER INSERT ON audit_log
                BEGIN UPDATE audit_head SET last_hash = NEW.hash WHERE sequence = NEW.sequence; END
                """).run()
        default:
            break
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("DROP TRIGGER IF EXISTS audit_head_follows_log ON audit_log").run()
            try await sql.raw("DROP FUNCTION IF EXISTS luoshi_audit_head_follows_log()").run()
        case "sqlite":
            try await sql.raw("DROP TRIGGER IF EXISTS audit_head_follows_log").run()
        default:
            break
        }
    }
}
