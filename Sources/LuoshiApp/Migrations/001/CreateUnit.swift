import Fluent

struct CreateUnit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UnitModel.schema)
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("name", .string, .required)
            .field("short_name", .string, .required)
            .field("kind", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "jurisdiction_code", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UnitModel.schema).delete()
    }
}
