import Fluent

struct CreatePlanTask: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TaskModel.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(PlanModel.schema, "id", onDelete: .cascade))
            .field("part_id", .uuid, .required, .references(PartModel.schema, "id", onDelete: .cascade))
            .field("item", .int, .required)
            .field("content", .string, .required)
            .field("kind", .string, .required)
            .field("deadline", .string)
            .field("measures", .string)
            .field("annual_target", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "part_id", "item")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TaskModel.schema).delete()
    }
}
