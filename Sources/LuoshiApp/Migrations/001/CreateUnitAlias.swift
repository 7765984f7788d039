import Fluent

struct CreateUnitAlias: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UnitAliasModel.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnitModel.schema, "id", onDelete: .cascade))
            .field("jurisdiction_code", .string, .required)
            .field("alias", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "jurisdiction_code", "alias")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UnitAliasModel.schema).delete()
    }
}
