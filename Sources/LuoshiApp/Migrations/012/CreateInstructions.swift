import Fluent

/// 批示: leaders' instructions on a task, a report or a bulletin, and each recipient's response
/// (acknowledged, reported back).
struct CreateInstructions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InstructionModel.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(PlanModel.schema, "id", onDelete: .cascade))
            .field("jurisdiction_code", .string, .required)
            .field("leader_id", .uuid)
            .field("leader_name", .string, .required)
            .field("author", .string, .required)
            .field("target", .string, .required)
            .field("task_id", .uuid)
            .field("round_id", .uuid)
            .field("report_unit_id", .uuid)
            .field("bulletin_id", .uuid)
            .field("text", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(InstructionResponseModel.schema)
            .id()
            .field("instruction_id", .uuid, .required, .references(InstructionModel.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid)
            .field("status", .string, .required)
            .field("acknowledged_by", .string)
            .field("acknowledged_at", .datetime)
            .field("reply", .string, .required)
            .field("replied_by", .string)
            .field("replied_at", .datetime)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InstructionResponseModel.schema).delete()
        try await database.schema(InstructionModel.schema).delete()
    }
}
