import Fluent

/// Reminders: each sent once (a unique key), the inbox entries of the users it reached, its
/// email and webhook deliveries with their retries, and the scheduler's lease. Users get an
/// email address for them; reports get evidence attachments.
struct CreateReminders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field("email", .string).update()
        try await database.schema(ReminderModel.schema)
            .id()
            .field("dedupe_key", .string, .required)
            .field("kind", .string, .required)
            .field("jurisdiction_code", .string, .required)
            .field("unit_id", .uuid, .required, .references(UnitModel.schema, "id", onDelete: .cascade))
            .field("round_id", .uuid, .references(ReportRoundModel.schema, "id", onDelete: .cascade))
            .field("task_id", .uuid, .references(TaskModel.schema, "id", onDelete: .cascade))
            .field("title_zh", .string, .required)
            .field("title_en", .string, .required)
            .field("body_zh", .string, .required)
            .field("body_en", .string, .required)
            .field("link", .string, .required)
            .field("sent_by", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "dedupe_key")
            .create()
        try await database.schema(NotificationModel.schema)
            .id()
            .field("reminder_id", .uuid, .required, .references(ReminderModel.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("read_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.schema(DeliveryModel.schema)
            .id()
            .field("reminder_id", .uuid, .required, .references(ReminderModel.schema, "id", onDelete: .cascade))
            .field("channel", .string, .required)
            .field("target", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .double, .required)
            .field("claimed_until", .double)
            .field("last_error", .string, .required)
            .field("sent_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("scheduler_leases")
            .field("name", .string, .identifier(auto: false))
            .field("holder", .string, .required)
            .field("expires_at", .double, .required)
            .create()
        try await database.schema(AttachmentModel.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ProgressReportModel.schema, "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("uploaded_by", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [AttachmentModel.schema, "scheduler_leases", DeliveryModel.schema, NotificationModel.schema, ReminderModel.schema] {
            try await database.schema(schema).delete()
        }
        try await database.schema(UserModel.schema).deleteField("email").update()
    }
}
