import Fluent
import SQLKit

/// Data versions: one row per scope, bumped by a database trigger inside every transaction that
/// writes a table of that scope, whichever process writes (a server, the CLI, a migration, a
/// hand-typed SQL statement). Read models record the versions they were built from.
///
/// - SQLite: a row trigger per table and operation; the database has one writer at a time, so
///   the bump is ordered with the write.
/// - PostgreSQL: a deferred constraint trigger that bumps once per transaction and scope, at
///   commit time, after locking the `any` row first (every bumping transaction takes the rows in
///   the same order, and after any row it locked during its body, such as the audit head, so
///   bumps never deadlock), then `pg_notify`s the scope — delivered when the transaction commits.
struct CreateDataVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("data_versions")
            .field("scope", .string, .identifier(auto: false))
            .field("version", .int64, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // The scopes there were when this migration landed; later ones add their own rows (015).
        for scope in [DataScope.any, .catalog, .dispatch, .inbox, .accounts] {
            try await sql.raw("INSERT INTO data_versions (scope, version) VALUES (\(bind: scope.rawValue), 1)").run()
        }
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION luoshi_bump_data_version() RETURNS trigger AS $$
                DECLARE
                    bumped text := coalesce(current_setting('luoshi.bumped_scopes', true), '');
                BEGIN
                    IF position(',' || TG_ARGV[0] || ',' IN bumped) = 0 THEN
                        IF bumped = '' THEN
                            UPDATE data_versions SET version = version + 1 WHERE scope = 'any';
                        END IF;
                        UPDATE data_versions SET version = version + 1 WHERE scope = TG_ARGV[0];
                        PERFORM set_config('luoshi.bumped_scopes', bumped || ',' || TG_ARGV[0] || ',', true);
                        PERFORM pg_notify('\(unsafeRaw: DataVersionWatcher.channel)', TG_ARGV[0]);
                    END IF;
                    RETURN NULL;
                END; $$ LANGUAGE plpgsql
                """).run()
            for (table, scope, events) in Self.watched { try await Self.watch(table, scope: scope, events: events, on: sql) }
        case "sqlite":
            for (table, scope, events) in Self.watched { try await Self.watch(table, scope: scope, events: events, on: sql) }
        default:
            break
        }
    }

    /// The trigger that makes a write to `table` move `scope` (and `any`) in its transaction;
    /// later migrations watch their new tables with it.
    static func watch(_ table: String, scope: DataScope, events: Events, on sql: any SQLDatabase) async throws {
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("""
                CREATE CONSTRAINT TRIGGER \(unsafeRaw: table)_data_version AFTER \(unsafeRaw: events.postgres) ON \(unsafeRaw: table)
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION luoshi_bump_data_version('\(unsafeRaw: scope.rawValue)')
                """).run()
        case "sqlite":
            for event in events.sqlite {
                try await sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: table)_data_version_\(unsafeRaw: event.lowercased()) AFTER \(unsafeRaw: event) ON \(unsafeRaw: table)
                    BEGIN UPDATE data_versions SET version = version + 1 WHERE scope IN ('any', '\(unsafeRaw: scope.rawValue)'); END
                    """).run()
            }
        default:
            break
        }
    }

    static func unwatch(_ table: String, events: Events, on sql: any SQLDatabase) async throws {
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_data_version ON \(unsafeRaw: table)").run()
        case "sqlite":
            for event in events.sqlite {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_data_version_\(unsafeRaw: event.lowercased())").run()
            }
        default:
            break
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            switch sql.dialect.name {
            case "postgresql":
                for (table, _, _) in Self.watched {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_data_version ON \(unsafeRaw: table)").run()
                }
                try await sql.raw("DROP FUNCTION IF EXISTS luoshi_bump_data_version()").run()
            case "sqlite":
                for (table, _, events) in Self.watched {
                    for event in events.sqlite {
                        try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_data_version_\(unsafeRaw: event.lowercased())").run()
                    }
                }
            default:
                break
            }
        }
        try await database.schema("data_versions").delete()
    }

    /// Which writes move the scope: all of them, deletes only, or changes to existing rows
    /// (updates and deletes; a new row is not yet part of any read model).
    enum Events {
        case all, deleteOnly, changes

        var sqlite: [String] {
            switch self {
            case .all: ["INSERT", "UPDATE", "DELETE"]
            case .deleteOnly: ["DELETE"]
            case .changes: ["UPDATE", "DELETE"]
            }
        }
        var postgres: String { sqlite.joined(separator: " OR ") }
    }

    /// Which tables move which scope. Not watched: the audit log (append-only, read uncached),
    /// deliveries and the scheduler's lease (rewritten by every scheduler run), uploaded import
    /// files between dry run and apply, sign-in failures and stored file bytes. A session's rows
    /// move `accounts` only when one ends (sign-in and last-seen writes leave caches valid).
    static let watched: [(String, DataScope, Events)] = [
        ("jurisdictions", .catalog, .all), ("units", .catalog, .all), ("unit_aliases", .catalog, .all),
        ("leaders", .catalog, .all), ("plans", .catalog, .all), ("parts", .catalog, .all),
        ("plan_tasks", .catalog, .all), ("task_units", .catalog, .all), ("task_leaders", .catalog, .all),
        ("milestones", .catalog, .all), ("plan_versions", .catalog, .all), ("task_comments", .catalog, .all),
        ("charters", .catalog, .all), ("charter_events", .catalog, .all), ("change_requests", .catalog, .all),
        ("task_revisions", .catalog, .all),
        ("report_rounds", .dispatch, .all), ("progress_reports", .dispatch, .all), ("report_events", .dispatch, .all),
        ("report_inputs", .dispatch, .all), ("report_attachments", .dispatch, .all), ("rule_sets", .dispatch, .all),
        ("bulletins", .dispatch, .all), ("supervision_items", .dispatch, .all), ("supervision_events", .dispatch, .all),
        ("supervision_files", .dispatch, .all), ("supervision_dismissals", .dispatch, .all),
        ("inspections", .dispatch, .all), ("inspection_findings", .dispatch, .all), ("reminders", .dispatch, .all),
        ("instructions", .dispatch, .all), ("instruction_responses", .dispatch, .all),
        ("notifications", .inbox, .all),
        ("users", .accounts, .all), ("security_settings", .accounts, .all), ("user_sessions", .accounts, .deleteOnly),
    ]
}
