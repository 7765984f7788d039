import Fluent

struct CreatePlanImport: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlanImportModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("data", .data, .required)
            .field("jurisdiction_code", .string, .required)
            .field("year", .int, .required)
            .field("title", .string)
            .field("create_missing", .bool, .required)
            .field("applied_plan_id", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlanImportModel.schema).delete()
    }
}
