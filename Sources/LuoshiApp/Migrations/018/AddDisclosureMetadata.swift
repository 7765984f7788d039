import Fluent
import Foundation
import LuoshiDomain
import SQLKit

/// The disclosure metadata of a plan (主题词, 公开方式, 成文日期, 有效性), and every 索引号 ever
/// assigned: one row per prefix, year and serial (unique, so a number is never handed out
/// twice) and one per document (a document keeps its number).
struct AddDisclosureMetadata: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        try await database.schema("plans").field("subject_words", .string).update()
        try await database.schema("plans").field("disclosure_mode", .string, .required, .sql(.default("proactive"))).update()
        try await database.schema("plans").field("written_on", .string).update()
        try await database.schema("plans").field("validity", .string, .required, .sql(.default("valid"))).update()
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            CREATE TABLE index_numbers (prefix VARCHAR(40) NOT NULL, year INTEGER NOT NULL, serial INTEGER NOT NULL,
                                        number VARCHAR(64) NOT NULL UNIQUE, target_type VARCHAR(32) NOT NULL, target_id VARCHAR(64) NOT NULL,
                                        PRIMARY KEY (prefix, year, serial), UNIQUE (target_type, target_id))
            """).run()
        // The numbers plans already carry are taken.
        struct Row: Decodable { var id: UUID; var indexNumber: String }
        for row in try await sql.raw("SELECT id, index_number FROM plans WHERE index_number IS NOT NULL").all(decoding: Row.self,
                                                                                                         with: SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)) {
            guard let parts = Disclosure.IndexScheme.components(of: row.indexNumber) else { continue }
            try await sql.raw("""
                INSERT INTO index_numbers (prefix, year, serial, number, target_type, target_id)
                VALUES (\(bind: parts.prefix), \(bind: parts.year), \(bind: parts.serial), \(bind: row.indexNumber), 'plan', \(bind: row.id.uuidString))
                ON CONFLICT DO NOTHING
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE index_numbers").run()
        for field in ["subject_words", "disclosure_mode", "written_on", "validity"] {
            try await database.schema("plans").deleteField(.key(.string(field))).update()
        }
    }
}
