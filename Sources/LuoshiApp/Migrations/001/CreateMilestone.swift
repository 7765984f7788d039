import Fluent

struct CreateMilestone: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MilestoneModel.schema)
            .id()
            .field("task_id", .uuid, .required, .references(TaskModel.schema, "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("due", .string, .required)
            .field("position", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MilestoneModel.schema).delete()
    }
}
