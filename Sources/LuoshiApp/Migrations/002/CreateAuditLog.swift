import Fluent
import LuoshiDomain

struct CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditLogModel.schema)
            .id()
            .field("sequence", .int64, .required)
            .field("occurred_at", .string, .required)
            .field("user_id", .uuid)
            .field("username", .string, .required)
            .field("client_ip", .string, .required)
            .field("action", .string, .required)
            .field("target_type", .string, .required)
            .field("target_id", .string, .required)
            .field("outcome", .string, .required)
            .field("summary", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "sequence")
            .create()
        try await database.schema(AuditHeadModel.schema)
            .id()
            .field("sequence", .int64, .required)
            .field("last_hash", .string, .required)
            .create()
        let head = AuditHeadModel()
        head.id = AuditHeadModel.singletonID
        head.sequence = 0
        head.lastHash = AuditChain.genesisHash
        try await head.create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditHeadModel.schema).delete()
        try await database.schema(AuditLogModel.schema).delete()
    }
}
