import Foundation

/// One row of the audit log: who did what to which object, when, from where, and how it ended.
public struct AuditRecord: Sendable, Hashable {
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case success, failure, denied
    }

    public var sequence: Int
    /// UTC, millisecond precision, as `2023-03-06T08:30:00.000Z`.
    public var occurredAt: String
    public var userID: UUID?
    public var username: String
    public var clientIP: String
    public var action: String
    public var targetType: String
    public var targetID: String
    public var outcome: Outcome
    /// A short before/after summary; never a password or token.
    public var summary: String
    public var previousHash: String
    public var hash: String

    public init(sequence: Int, occurredAt: String, userID: UUID?, username: String, clientIP: String, action: String,
                targetType: String, targetID: String, outcome: Outcome, summary: String,
                previousHash: String = "", hash: String = "") {
        self.sequence = sequence
        self.occurredAt = occurredAt
        self.userID = userID
        self.username = username
        self.clientIP = clientIP
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.outcome = outcome
        self.summary = summary
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// The audit log is a hash chain: each row stores SHA-256 over its own content and the previous
/// row's hash, so changing, removing or reordering a row breaks the chain from there on.
/// The hash function is passed in (the app uses swift-crypto's SHA-256).
public enum AuditChain {
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The exact text hashed for a record: every field but `hash`, each length-prefixed so no
    /// value can imitate a separator.
    public static func canonicalText(_ record: AuditRecord) -> String {
        let fields = [
            String(record.sequence), record.occurredAt, record.userID?.uuidString.lowercased() ?? "", record.username,
            record.clientIP, record.action, record.targetType, record.targetID, record.outcome.rawValue,
            record.summary, record.previousHash,
        ]
        return fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
    }

    /// Fills in `previousHash` and `hash` for a record appended after `previousHash`.
    public static func seal(_ record: AuditRecord, after previousHash: String, hash: (String) -> String) -> AuditRecord {
        var sealed = record
        sealed.previousHash = previousHash
        sealed.hash = hash(canonicalText(sealed))
        return sealed
    }

    public struct Break: Sendable, Hashable, CustomStringConvertible {
        public var sequence: Int
        public var reason: LocalizedText

        public init(sequence: Int, reason: LocalizedText) {
            self.sequence = sequence
            self.reason = reason
        }

        public var description: String { "#\(sequence): \(reason.zh) / \(reason.en)" }
    }

    /// The first broken row of `records` (in sequence order), or nil when the chain is whole.
    public static func firstBreak(in records: [AuditRecord], hash: (String) -> String) -> Break? {
        var expectedPrevious = genesisHash
        var expectedSequence = 1
        for record in records {
            if record.sequence != expectedSequence {
                return Break(sequence: expectedSequence, reason: LocalizedText(
                    zh: "第 \(expectedSequence) 条记录缺失或顺序被改动（实际为第 \(record.sequence) 条）",
                    en: "Row \(expectedSequence) is missing or out of order (found row \(record.sequence))"))
            }
            if record.previousHash != expectedPrevious {
                return Break(sequence: record.sequence, reason: LocalizedText(
                    zh: "第 \(record.sequence) 条记录的前序哈希与上一条不符", en: "Row \(record.sequence) does not follow the previous row's hash"))
            }
            if hash(canonicalText(record)) != record.hash {
                return Break(sequence: record.sequence, reason: LocalizedText(
                    zh: "第 \(record.sequence) 条记录的内容已被改动", en: "Row \(record.sequence) has been changed"))
            }
            expectedPrevious = record.hash
            expectedSequence += 1
        }
        return nil
    }
}
