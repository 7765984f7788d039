import Fluent

struct CreateUser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("jurisdiction_code", .string, .required)
            .field("unit_id", .uuid, .references(UnitModel.schema, "id", onDelete: .restrict))
            .field("leader_id", .uuid, .references(LeaderModel.schema, "id", onDelete: .restrict))
            .field("is_unit_head", .bool, .required)
            .field("must_change_password", .bool, .required)
            .field("password_changed_at", .datetime, .required)
            .field("failed_logins", .int, .required)
            .field("locked_until", .datetime)
            .field("disabled", .bool, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).delete()
    }
}
