import FluentKit
import Foundation
import LuoshiDomain
import SQLKit

/// 索引号: every number handed out, in `index_numbers`. A number is unique by prefix, year and
/// serial, and a document keeps the one it was given, so a number is never handed out twice,
/// whichever instance asks. Called inside the writing transaction of what is numbered.
enum IndexNumbers {
    /// Marks `number` (typed into a plan, or carried by an imported one) as taken by the document.
    /// A number in no scheme's form is kept on the document but not registered.
    static func register(_ number: String, targetType: String, targetID: UUID, on db: any Database) async throws {
        guard let parts = Disclosure.IndexScheme.components(of: number) else { return }
        let sql = db as! any SQLDatabase
        let holder = try await sql.raw("""
            SELECT target_type, target_id FROM index_numbers WHERE prefix = \(bind: parts.prefix) AND year = \(bind: parts.year)
            AND serial = \(bind: parts.serial)
            """).first()
        if let holder {
            guard try holder.decode(column: "target_type", as: String.self) == targetType,
                  try holder.decode(column: "target_id", as: String.self) == targetID.uuidString else { throw taken(number) }
            return
        }
        try await sql.raw("""
            INSERT INTO index_numbers (prefix, year, serial, number, target_type, target_id)
            VALUES (\(bind: parts.prefix), \(bind: parts.year), \(bind: parts.serial), \(bind: number), \(bind: targetType), \(bind: targetID.uuidString))
            """).run()
    }

    /// The document's number: the one it already has, else the next serial of `scheme` for `year`.
    static func assign(_ scheme: Disclosure.IndexScheme, year: Int, targetType: String, targetID: UUID, on db: any Database) async throws -> String {
        let sql = db as! any SQLDatabase
        if let existing = try await number(of: targetType, id: targetID, on: db) { return existing }
        let last = try await sql.raw("""
            SELECT MAX(serial) AS last FROM index_numbers WHERE prefix = \(bind: scheme.prefix) AND year = \(bind: year)
            """).first()?.decode(column: "last", as: Int?.self) ?? 0
        let serial = last + 1
        let number = scheme.number(year: year, serial: serial)
        do {
            try await sql.raw("""
                INSERT INTO index_numbers (prefix, year, serial, number, target_type, target_id)
                VALUES (\(bind: scheme.prefix), \(bind: year), \(bind: serial), \(bind: number), \(bind: targetType), \(bind: targetID.uuidString))
                """).run()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another instance numbered a document in between: this transaction is refused whole.
            throw DomainError(.conflict, zh: "索引号 \(number) 刚被其他文件占用，请重试", en: "Index number \(number) was just taken; try again", field: "indexNumber")
        }
        return number
    }

    /// The number a document was given, if any.
    static func number(of targetType: String, id: UUID, on db: any Database) async throws -> String? {
        try await (db as! any SQLDatabase).raw("""
            SELECT number FROM index_numbers WHERE target_type = \(bind: targetType) AND target_id = \(bind: id.uuidString)
            """).first()?.decode(column: "number", as: String.self)
    }

    static func taken(_ number: String) -> DomainError {
        DomainError(.conflict, zh: "索引号 \(number) 已被其他文件使用，索引号不能重复", en: "Index number \(number) is already used by another document",
                    field: "indexNumber")
    }
}
