import Fluent
import Foundation
import LuoshiDomain
import SQLKit
import Vapor

/// Appends to the tamper-evident audit log. The head row is updated first, which takes the
/// write lock on both engines, so concurrent appends (even from several instances) serialise;
/// the insert's trigger gives the head the new row's hash.
enum AuditLog {
    struct Event: Sendable {
        var action: String
        var targetType: String = ""
        var targetID: String = ""
        var outcome: AuditRecord.Outcome = .success
        var summary: String = ""
    }

    struct Who: Sendable {
        var userID: UUID?
        var username: String
        var clientIP: String

        static func system(_ name: String = "system") -> Who { Who(userID: nil, username: name, clientIP: "local") }
    }

    private struct Head: Decodable { let sequence: Int, lastHash: String }

    static func append(_ event: Event, by who: Who, at date: Date, on database: any Database) async throws {
        try await database.writeTransaction { transaction in
            guard let sql = transaction as? any SQLDatabase else { throw Abort(.internalServerError, reason: "database is not SQL") }
            let id = AuditHeadModel.singletonID
            guard let head = try await sql
                .raw("UPDATE audit_head SET sequence = sequence + 1 WHERE id = \(bind: id) RETURNING sequence, last_hash")
                .first(decoding: Head.self, with: SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)) else {
                throw Abort(.internalServerError, reason: "the audit log's head row is missing")
            }
            let record = AuditChain.seal(
                AuditRecord(sequence: head.sequence, occurredAt: timestamp(date), userID: who.userID, username: who.username,
                            clientIP: who.clientIP, action: event.action, targetType: event.targetType, targetID: event.targetID,
                            outcome: event.outcome, summary: String(event.summary.prefix(1_000))),
                after: head.lastHash, hash: Secrets.sha256Hex)
            try await sql.raw("""
                INSERT INTO audit_log (id, sequence, occurred_at, user_id, username, client_ip, action, target_type, target_id, outcome,
                                       summary, previous_hash, hash)
                VALUES (\(bind: UUID()), \(bind: record.sequence), \(bind: record.occurredAt), \(bind: record.userID), \(bind: record.username),
                        \(bind: record.clientIP), \(bind: record.action), \(bind: record.targetType), \(bind: record.targetID),
                        \(bind: record.outcome.rawValue), \(bind: record.summary), \(bind: record.previousHash), \(bind: record.hash))
                """).run()  // SQL, not the model: every write appends here, and the model's reflection cost more than the insert
            // The head takes the row's hash by a trigger (migration 016).
        }
    }

    /// Walks the whole chain in sequence order; nil when it is whole.
    static func verify(on database: any Database) async throws -> AuditChain.Break? {
        let rows = try await AuditLogModel.query(on: database).sort(\.$sequence).all()
        if let broken = AuditChain.firstBreak(in: rows.map(\.record), hash: Secrets.sha256Hex) { return broken }
        // The head remembers the last row, so removing rows from the end is found too.
        if let head = try await AuditHeadModel.find(AuditHeadModel.singletonID, on: database),
           head.sequence != (rows.last?.sequence ?? 0) || head.lastHash != (rows.last?.hash ?? AuditChain.genesisHash) {
            return AuditChain.Break(sequence: (rows.last?.sequence ?? 0) + 1, reason: LocalizedText(
                zh: "日志末尾的记录缺失（应有 \(head.sequence) 条）", en: "Rows at the end are missing (expected \(head.sequence))"))
        }
        return nil
    }

    /// `2023-03-06T08:30:00.000Z`
    static func timestamp(_ date: Date) -> String {
        // A format style, not an ISO8601DateFormatter: making a formatter per row cost more than the write.
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date)
    }
}
