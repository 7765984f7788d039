import Fluent
import SQLKit

/// A unit saving a draft (or revising a returned report before handing it in again) changes
/// nothing that a read model shows: ledgers, dashboards and bulletins count submitted and
/// accepted reports only, and drafts are read from the database by the pages that show them.
/// Such writes move the `drafts` scope instead of `dispatch`, so the many saves of a reporting
/// day no longer throw away every process's ledgers. Handing in, reviewing and deleting still
/// move `dispatch`.
struct WatchDraftsApart: AsyncMigration {
    /// (trigger suffix, SQL event, WHEN condition, scope) for `progress_reports` and `report_events`.
    private static let triggers: [(table: String, name: String, event: String, when: String, scope: DataScope)] = [
        ("progress_reports", "insert", "INSERT", "NEW.status = 'draft'", .drafts),
        ("progress_reports", "insert_handed_in", "INSERT", "NEW.status <> 'draft'", .dispatch),
        ("progress_reports", "update", "UPDATE", Self.stillADraft, .drafts),
        ("progress_reports", "update_handed_in", "UPDATE", "NOT (\(Self.stillADraft))", .dispatch),
        ("report_events", "insert", "INSERT", "NEW.step = 'save'", .drafts),
        ("report_events", "insert_handed_in", "INSERT", "NEW.step <> 'save'", .dispatch),
    ]

    /// An update that leaves a report unsubmitted: a draft stays a draft, a returned report stays returned.
    private static let stillADraft = "OLD.status = NEW.status AND NEW.status IN ('draft', 'returned')"

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("INSERT INTO data_versions (scope, version) VALUES (\(bind: DataScope.drafts.rawValue), 1)").run()
        switch sql.dialect.name {
        case "postgresql":
            for table in ["progress_reports", "report_events"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_data_version ON \(unsafeRaw: table)").run()
                try await sql.raw("""
                    CREATE CONSTRAINT TRIGGER \(unsafeRaw: table)_data_version_delete AFTER DELETE ON \(unsafeRaw: table)
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION luoshi_bump_data_version('dispatch')
                    """).run()
            }
            for trigger in Self.triggers {
                try await sql.raw("""
                    CREATE CONSTRAINT TRIGGER \(unsafeRaw: trigger.table)_data_version_\(unsafeRaw: trigger.name) AFTER \(unsafeRaw: trigger.event)
                    ON \(unsafeRaw: trigger.table) DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (\(unsafeRaw: trigger.when))
                    EXECUTE FUNCTION luoshi_bump_data_version('\(unsafeRaw: trigger.scope.rawValue)')
                    """).run()
            }
        case "sqlite":
            for table in ["progress_reports", "report_events"] {
                for event in ["insert", "update"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_data_version_\(unsafeRaw: event)").run()
                }
            }
            for trigger in Self.triggers {
                try await sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: trigger.table)_data_version_\(unsafeRaw: trigger.name) AFTER \(unsafeRaw: trigger.event)
                    ON \(unsafeRaw: trigger.table) WHEN \(unsafeRaw: trigger.when)
                    BEGIN UPDATE data_versions SET version = version + 1 WHERE scope IN ('any', '\(unsafeRaw: trigger.scope.rawValue)'); END
                    """).run()
            }
        default:
            break
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for trigger in Self.triggers {
            switch sql.dialect.name {
            case "postgresql":
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger.table)_data_version_\(unsafeRaw: trigger.name) ON \(unsafeRaw: trigger.table)").run()
            default:
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger.table)_data_version_\(unsafeRaw: trigger.name)").run()
            }
        }
        // Back to one trigger per table that moves `dispatch` for every change.
        switch sql.dialect.name {
        case "postgresql":
            for table in ["progress_reports", "report_events"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_data_version_delete ON \(unsafeRaw: table)").run()
                try await sql.raw("""
                    CREATE CONSTRAINT TRIGGER \(unsafeRaw: table)_data_version AFTER INSERT OR UPDATE OR DELETE ON \(unsafeRaw: table)
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION luoshi_bump_data_version('dispatch')
                    """).run()
            }
        case "sqlite":
            for table in ["progress_reports", "report_events"] {
                for event in ["INSERT", "UPDATE"] {
                    try await sql.raw("""
                        CREATE TRIGGER \(unsafeRaw: table)_data_version_\(unsafeRaw: event.lowercased()) AFTER \(unsafeRaw: event) ON \(unsafeRaw: table)
                        BEGIN UPDATE data_versions SET version = version + 1 WHERE scope IN ('any', 'dispatch'); END
                        """).run()
                }
            }
        default:
            break
        }
        try await sql.raw("DELETE FROM data_versions WHERE scope = \(bind: DataScope.drafts.rawValue)").run()
    }
}

/// A report's history and evidence are read by report; without these indexes every read of a
/// task's reports scanned the whole history of the deployment. Each step also records the
/// report's version it produced, which orders the history when steps share a timestamp.
struct IndexReportHistory: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportEventModel.schema).field("report_version", .int).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "report_events_report").on(ReportEventModel.schema).column("report_id").column("created_at").run()
        try await sql.create(index: "report_attachments_report").on(AttachmentModel.schema).column("report_id").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "report_events_report").run()
        try await sql.drop(index: "report_attachments_report").run()
        try await database.schema(ReportEventModel.schema).deleteField("report_version").update()
    }
}
