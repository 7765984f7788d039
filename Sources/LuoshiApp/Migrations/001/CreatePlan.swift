import Fluent

struct CreatePlan: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlanModel.schema)
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("year", .int, .required)
            .field("title", .string, .required)
            .field("status", .string, .required)
            .field("draft_on", .string)
            .field("consultation_on", .string)
            .field("approved_on", .string)
            .field("issued_on", .string)
            .field("document_number", .string)
            .field("index_number", .string)
            .field("issuing_body", .string, .required)
            .field("report_approved_on", .string)
            .field("report_approved_by", .string)
            .field("approval_meeting", .string)
            .field("notice_zh", .string)
            .field("notice_en", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "jurisdiction_code", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlanModel.schema).delete()
    }
}
