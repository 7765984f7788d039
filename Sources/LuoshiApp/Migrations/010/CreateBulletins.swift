import Fluent

/// Monthly bulletins: a round's frozen snapshot (JSON), the office's texts, the issue number
/// given at publication (unique per jurisdiction and year), the issue it corrects, and the Word
/// file written once at publication.
struct CreateBulletins: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BulletinModel.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(PlanModel.schema, "id", onDelete: .cascade))
            .field("round_id", .uuid, .required, .references(ReportRoundModel.schema, "id", onDelete: .cascade))
            .field("jurisdiction_code", .string, .required)
            .field("year", .int, .required)
            .field("issue_number", .int)
            .field("status", .string, .required)
            .field("corrects_id", .uuid)
            .field("snapshot", .string, .required)
            .field("title", .string, .required)
            .field("intro", .string, .required)
            .field("praise", .string, .required)
            .field("requirements", .string, .required)
            .field("internal_note", .string, .required)
            .field("issuer", .string, .required)
            .field("signed_on", .string, .required)
            .field("docx", .data)
            .field("docx_sha256", .string)
            .field("created_by", .string, .required)
            .field("published_by", .string)
            .field("published_at", .datetime)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "jurisdiction_code", "year", "issue_number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BulletinModel.schema).delete()
    }
}
