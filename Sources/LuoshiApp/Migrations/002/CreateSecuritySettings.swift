import Fluent

struct CreateSecuritySettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SecuritySettingsModel.schema)
            .id()
            .field("password_min_length", .int, .required)
            .field("password_min_classes", .int, .required)
            .field("password_expiry_days", .int)
            .field("lockout_failures", .int, .required)
            .field("lockout_minutes", .int, .required)
            .field("session_idle_minutes", .int, .required)
            .field("session_absolute_minutes", .int, .required)
            .field("audit_retention_days", .int, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        let defaults = SecuritySettingsModel()
        defaults.id = SecuritySettingsModel.singletonID
        defaults.apply(.standard)
        defaults.version = 1
        try await defaults.create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SecuritySettingsModel.schema).delete()
    }
}
