import Fluent
import SQLKit

/// 政策解读 of plans: numbered versions per plan (a published one is never edited; a revision is
/// the next number), each with its sections, the interpreting office's block and the figures
/// its text states.
struct CreateInterpretations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("interpretations")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("status", .string, .required)
            .field("title", .string, .required)
            .field("sections", .string, .required)
            .field("contact", .string, .required)
            .field("figures", .string, .required)
            .field("created_by", .string, .required)
            .field("published_by", .string)
            .field("published_at", .datetime)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "plan_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("interpretations").delete()
    }
}

/// A written interpretation moves the `catalog` data version: the public plan page links to it
/// and is cached per catalogue version.
struct WatchInterpretations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await CreateDataVersions.watch("interpretations", scope: .catalog, events: .all, on: sql)
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await CreateDataVersions.unwatch("interpretations", events: .all, on: sql)
    }
}
