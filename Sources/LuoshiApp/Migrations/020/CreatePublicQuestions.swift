import Fluent
import SQLKit

/// 政民互动: public questions on tasks, with their routing, answer and approval, and the
/// questions asked per client address (the per-address limit, shared by every instance).
///
/// A question's changes move the `catalog` data version (the task's public page shows approved
/// ones and is cached per catalogue version); a new question does not, since nothing public
/// changes until the office approves it.
struct CreatePublicQuestions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("public_questions")
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("task_id", .uuid, .required, .references("plan_tasks", "id", onDelete: .cascade))
            .field("receipt", .string, .required)
            .field("status", .string, .required)
            .field("asker_name", .string, .required)
            .field("contact", .string, .required)
            .field("question", .string, .required)
            .field("public_question", .string)
            .field("unit_id", .uuid)
            .field("answer", .string)
            .field("note", .string)
            .field("routings", .int, .required)
            .field("asked_at", .datetime, .required)
            .field("routed_by", .string)
            .field("routed_at", .datetime)
            .field("answered_by", .string)
            .field("answered_at", .datetime)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "receipt")
            .create()
        try await database.schema("question_submissions")
            .id()
            .field("address", .string, .required)
            .field("submitted_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "public_questions_task").on("public_questions").column("task_id").column("status").run()
        try await sql.create(index: "public_questions_jurisdiction").on("public_questions").column("jurisdiction_code").column("status").run()
        try await sql.create(index: "question_submissions_address").on("question_submissions").column("address").column("submitted_at").run()
        try await CreateDataVersions.watch("public_questions", scope: .catalog, events: .changes, on: sql)
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await CreateDataVersions.unwatch("public_questions", events: .changes, on: sql)
        }
        try await database.schema("question_submissions").delete()
        try await database.schema("public_questions").delete()
    }
}
