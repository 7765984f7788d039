import Fluent

struct CreateTaskUnit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TaskUnitModel.schema)
            .id()
            .field("task_id", .uuid, .required, .references(TaskModel.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(UnitModel.schema, "id", onDelete: .restrict))
            .field("role", .string, .required)
            .field("position", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "task_id", "unit_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TaskUnitModel.schema).delete()
    }
}
