import Fluent
import Foundation
import LuoshiDomain

final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    /// Where email reminders go; nil: none.
    @OptionalField(key: "email") var email: String?
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: Role
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @OptionalParent(key: "unit_id") var unit: UnitModel?
    @OptionalParent(key: "leader_id") var leader: LeaderModel?
    @Field(key: "is_unit_head") var isUnitHead: Bool
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "password_changed_at") var passwordChangedAt: Date
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Field(key: "disabled") var disabled: Bool
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var actor: Actor? {
        guard let id else { return nil }
        return Actor(userID: id, username: username, role: role, jurisdictionCode: jurisdictionCode,
                     unitID: $unit.id, leaderID: $leader.id, isUnitHead: isUnitHead)
    }
}

/// A signed-in browser session. Only the SHA-256 of the cookie's token is stored.
final class SessionModel: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "client_ip") var clientIP: String
    @Field(key: "started_at") var startedAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A personal access token for scripts (`Authorization: Bearer …`). Only its SHA-256 is stored.
final class AccessTokenModel: Model, @unchecked Sendable {
    static let schema = "access_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// One audit row; see `AuditChain`. Rows are only ever inserted.
final class AuditLogModel: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(key: .id) var id: UUID?
    @Field(key: "sequence") var sequence: Int
    @Field(key: "occurred_at") var occurredAt: String
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "username") var username: String
    @Field(key: "client_ip") var clientIP: String
    @Field(key: "action") var action: String
    @Field(key: "target_type") var targetType: String
    @Field(key: "target_id") var targetID: String
    @Field(key: "outcome") var outcome: AuditRecord.Outcome
    @Field(key: "summary") var summary: String
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    init(_ record: AuditRecord) {
        sequence = record.sequence
        occurredAt = record.occurredAt
        userID = record.userID
        username = record.username
        clientIP = record.clientIP
        action = record.action
        targetType = record.targetType
        targetID = record.targetID
        outcome = record.outcome
        summary = record.summary
        previousHash = record.previousHash
        hash = record.hash
    }

    var record: AuditRecord {
        AuditRecord(sequence: sequence, occurredAt: occurredAt, userID: userID, username: username, clientIP: clientIP,
                    action: action, targetType: targetType, targetID: targetID, outcome: outcome, summary: summary,
                    previousHash: previousHash, hash: hash)
    }
}

/// The end of the audit chain: the last sequence number and hash, one row, locked while appending.
final class AuditHeadModel: Model, @unchecked Sendable {
    static let schema = "audit_head"
    static let singletonID = UUID(uuidString: "00000000-0000-0000-0000-00000000a0d1")!

    @ID(key: .id) var id: UUID?
    @Field(key: "sequence") var sequence: Int
    @Field(key: "last_hash") var lastHash: String

    init() {}
}

/// The security administrator's settings: one row.
final class SecuritySettingsModel: Model, @unchecked Sendable {
    static let schema = "security_settings"
    static let singletonID = UUID(uuidString: "00000000-0000-0000-0000-0000000005ec")!

    @ID(key: .id) var id: UUID?
    @Field(key: "password_min_length") var passwordMinLength: Int
    @Field(key: "password_min_classes") var passwordMinClasses: Int
    @OptionalField(key: "password_expiry_days") var passwordExpiryDays: Int?
    @Field(key: "lockout_failures") var lockoutFailures: Int
    @Field(key: "lockout_minutes") var lockoutMinutes: Int
    @Field(key: "session_idle_minutes") var sessionIdleMinutes: Int
    @Field(key: "session_absolute_minutes") var sessionAbsoluteMinutes: Int
    @Field(key: "audit_retention_days") var auditRetentionDays: Int
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
