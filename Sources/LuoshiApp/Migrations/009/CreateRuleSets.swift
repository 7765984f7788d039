import Fluent

/// Each jurisdiction's dispatch settings per year, one row per version: thresholds of the
/// colours and statuses, and the monthly due day.
struct CreateRuleSets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RuleSetModel.schema)
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("year", .int, .required)
            .field("version", .int, .required)
            .field("name", .string, .required)
            .field("yellow_from", .double, .required)
            .field("red_from", .double, .required)
            .field("ahead_from", .double, .required)
            .field("blue_within_days", .int, .required)
            .field("round_due_day", .int, .required)
            .field("note", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "jurisdiction_code", "year", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RuleSetModel.schema).delete()
    }
}
