import Fluent

/// The bytes of evidence files (report, step and finding evidence) when they are kept in the
/// database, the default: every instance reads them and a database backup holds them.
struct CreateStoredFiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StoredFileModel.schema)
            .id()
            .field("data", .data, .required)
            .field("size", .int, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StoredFileModel.schema).delete()
    }
}
