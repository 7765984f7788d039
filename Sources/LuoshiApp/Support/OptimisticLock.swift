import Fluent
import Foundation
import LuoshiDomain
import SQLKit

/// Concurrent edits never overwrite each other silently: a write names the version its form or
/// request was made from, and a row that has moved on since is refused with 409.
enum OptimisticLock {
    /// Optimistic lock: updates row `id` only if it still has the version the form was made
    /// from (`formVersion`), bumping it and stamping `updated_at` with `now`; otherwise 409.
    static func update(_ table: String, id: UUID, from formVersion: String?, current: Int, at now: Date, on db: any Database,
                       _ set: (SQLUpdateBuilder) -> SQLUpdateBuilder) async throws {
        try await update(table, id: id, from: formVersion.flatMap(Int.init), current: current, at: now, on: db, set)
    }

    static func update(_ table: String, id: UUID, from formVersion: Int?, current: Int, at now: Date, on db: any Database,
                       _ set: (SQLUpdateBuilder) -> SQLUpdateBuilder) async throws {
        guard formVersion == current, let sql = db as? any SQLDatabase else { throw DomainError.staleEdit(current: current) }
        let changed = try await set(sql.update(table))
            .set("version", to: current + 1)
            .set("updated_at", to: now)
            .where("id", .equal, id)
            .where("version", .equal, current)
            .returning("id")
            .all()
        guard !changed.isEmpty else { throw DomainError.staleEdit }  // another write moved it between the read and this update
    }
}
