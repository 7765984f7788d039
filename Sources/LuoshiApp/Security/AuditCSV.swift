import LuoshiDomain
import LuoshiOffice

/// The audit log as a CSV file, every field of every row, hashes included (so an export can be
/// checked against the chain later).
enum AuditCSV {
    static let header = ["sequence", "occurred_at", "user_id", "username", "client_ip", "action", "target_type", "target_id",
                         "outcome", "summary", "previous_hash", "hash"]

    static func render(_ rows: [AuditRecord]) -> String {
        CSV.render(header: header, rows: rows.map { row in
            [String(row.sequence), row.occurredAt, row.userID?.uuidString.lowercased() ?? "", row.username, row.clientIP, row.action,
             row.targetType, row.targetID, row.outcome.rawValue, row.summary, row.previousHash, row.hash]
        })
    }
}
