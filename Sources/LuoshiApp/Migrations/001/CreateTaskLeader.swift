import Fluent

struct CreateTaskLeader: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TaskLeaderModel.schema)
            .id()
            .field("task_id", .uuid, .required, .references(TaskModel.schema, "id", onDelete: .cascade))
            .field("leader_id", .uuid, .required, .references(LeaderModel.schema, "id", onDelete: .restrict))
            .field("position", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "task_id", "leader_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TaskLeaderModel.schema).delete()
    }
}
