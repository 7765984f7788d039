import Fluent

struct CreatePlanVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlanVersionModel.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(PlanModel.schema, "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("status", .string, .required)
            .field("document", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "plan_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlanVersionModel.schema).delete()
    }
}
