import Fluent

struct CreateJurisdiction: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(JurisdictionModel.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("level", .string, .required)
            .field("parent_code", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(JurisdictionModel.schema).delete()
    }
}
