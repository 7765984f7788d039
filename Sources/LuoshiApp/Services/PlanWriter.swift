import Fluent
import SQLKit
import Foundation
import LuoshiDomain

/// Persists a resolved plan in one transaction: the plan, its parts and tasks, their owners and
/// milestones, and any units, leaders and jurisdictions it brings that do not exist yet.
/// The sample loader uses it now; spreadsheet import uses it the same way.
enum PlanWriter {
    static func existingUnits(jurisdiction code: String, on database: any Database) async throws -> [Unit] {
        let units = try await UnitModel.query(on: database).filter(\.$jurisdictionCode == code).all()
        let aliases = try await UnitAliasModel.query(on: database).filter(\.$jurisdictionCode == code).all()
        let aliasesByUnit = Dictionary(grouping: aliases, by: { $0.$unit.id })
        return units.compactMap { model in
            guard let id = model.id else { return nil }
            return Unit(id: id, jurisdictionCode: model.jurisdictionCode, name: model.name, shortName: model.shortName,
                        aliases: (aliasesByUnit[id] ?? []).map(\.alias), kind: model.kind)
        }
    }

    static func existingLeaders(jurisdiction code: String, on database: any Database) async throws -> [Leader] {
        try await LeaderModel.query(on: database).filter(\.$jurisdictionCode == code).all().compactMap { model in
            model.id.map { Leader(id: $0, jurisdictionCode: model.jurisdictionCode, name: model.name,
                                  post: model.post, portfolio: model.portfolio) }
        }
    }

    /// What a caller writes in the plan's transaction as well, given the plan's id.
    typealias AlsoWrite = @Sendable (_ planID: UUID, _ db: any Database) async throws -> Void

    /// Resolves `document` against what the database holds and saves it. Refuses a plan for a
    /// jurisdiction and year that already has one.
    @discardableResult
    static func save(_ document: PlanDocument, on database: any Database, by who: AuditLog.Who, at date: Date,
                     progress: (@Sendable (Double) -> Void)? = nil, alsoWrite: AlsoWrite? = nil) async throws -> ResolvedPlan {
        try await database.writeTransaction { transaction in
            let code = document.jurisdiction.code
            let year = document.plan.year
            if try await PlanModel.query(on: transaction)
                .filter(\.$jurisdictionCode == code).filter(\.$year == year).first() != nil {
                throw DomainError(.alreadyExists,
                                  zh: "\(document.jurisdiction.name)（\(code)）\(year)年的方案已存在，未做任何更改",
                                  en: "A \(year) plan for \(code) already exists; nothing was changed",
                                  field: "plan.year")
            }
            let resolved = try document.resolve(
                existingUnits: try await existingUnits(jurisdiction: code, on: transaction),
                existingLeaders: try await existingLeaders(jurisdiction: code, on: transaction))
            try await write(resolved, at: date, on: transaction, progress: progress ?? { _ in })
            try await PlanVersions.record(document, planID: resolved.plan.id, status: resolved.plan.status, by: who.username, on: transaction)
            try await AuditLog.append(
                AuditLog.Event(action: "plan.create", targetType: "plan", targetID: resolved.plan.id.uuidString,
                               summary: "\(resolved.plan.jurisdictionCode) \(resolved.plan.year) \(resolved.plan.title): "
                                   + "\(resolved.parts.count) parts, \(resolved.tasks.count) tasks, \(resolved.newUnits.count) new units, "
                                   + "\(resolved.newLeaders.count) new leaders"),
                by: who, at: date, on: transaction)
            try await alsoWrite?(resolved.plan.id, transaction)
            return resolved
        }
    }

    /// Inserts in batches, keeping each statement under both engines' bind-parameter limits
    /// (SQLite 32,766, PostgreSQL 65,535) whatever the size of the plan.
    private static func insert<M: Model>(_ models: [M], on database: any Database) async throws {
        // 2,000 rows of at most 12 columns stay under 24,000 parameters.
        for start in stride(from: 0, to: models.count, by: 2_000) {
            try await Array(models[start..<min(start + 2_000, models.count)]).create(on: database)
        }
    }

    /// Units, aliases, leaders and jurisdictions the plan brings that do not exist yet.
    private static func writeDirectory(_ resolved: ResolvedPlan, on database: any Database) async throws {
        for jurisdiction in resolved.jurisdictions {
            if try await JurisdictionModel.query(on: database).filter(\.$code == jurisdiction.code).first() == nil {
                try await JurisdictionModel(jurisdiction).create(on: database)
            }
        }
        try await insert(resolved.newUnits.map(UnitModel.init), on: database)
        let aliases = resolved.newUnits.flatMap { unit in
            Set(unit.aliases + [unit.shortName]).subtracting([unit.name]).sorted().map {
                UnitAliasModel(unitID: unit.id, jurisdictionCode: unit.jurisdictionCode, alias: $0)
            }
        }
        try await insert(aliases, on: database)
        try await insert(resolved.newLeaders.map(LeaderModel.init), on: database)
    }

    /// `progress` hears the share written (0–1) after each kind of row.
    private static func write(_ resolved: ResolvedPlan, at now: Date, on database: any Database, progress: @Sendable (Double) -> Void) async throws {
        try await writeDirectory(resolved, on: database)
        try await PlanModel(resolved.plan).create(on: database)
        if resolved.plan.status == .issued, let number = resolved.plan.indexNumber {  // a draft's number is taken when it is issued
            try await IndexNumbers.register(number, targetType: "plan", targetID: resolved.plan.id, on: database)
        }
        progress(0.1)
        // Parts, tasks and their rows go in as plain SQL rows: a 4,000-task plan is some 20,000
        // rows, and Fluent's per-model encoding was most of the import's time.
        try await bulkInsert(PartModel.schema, ["id", "plan_id", "number", "title", "version", "created_at", "updated_at"],
                             resolved.parts.map { [$0.id, $0.planID, $0.number, $0.title, 1, now, now] }, on: database)
        progress(0.2)
        let partIDs = Dictionary(uniqueKeysWithValues: resolved.parts.map { ($0.number, $0.id) })
        try await bulkInsert(TaskModel.schema, ["id", "plan_id", "part_id", "item", "content", "kind", "deadline", "measures", "annual_target",
                                                "version", "created_at", "updated_at"],
                             resolved.tasks.map { task in
                                 [task.id, task.planID, partIDs[task.number.part]!, task.number.item, task.content, task.kind.rawValue,
                                  task.deadline?.iso, task.measures, task.annualTarget, 1, now, now] as [any Encodable & Sendable]
                             }, on: database)
        progress(0.5)
        try await bulkInsert(TaskUnitModel.schema, ["id", "task_id", "unit_id", "role", "position", "created_at", "updated_at"],
                             resolved.tasks.flatMap { task in
                                 task.leadUnitIDs.enumerated().map { [UUID(), task.id, $1, TaskUnitModel.Role.lead.rawValue, $0, now, now] as [any Encodable & Sendable] }
                                     + task.cooperatingUnitIDs.enumerated().map {
                                         [UUID(), task.id, $1, TaskUnitModel.Role.cooperating.rawValue, $0, now, now] as [any Encodable & Sendable]
                                     }
                             }, on: database)
        progress(0.75)
        try await bulkInsert(TaskLeaderModel.schema, ["id", "task_id", "leader_id", "position", "created_at", "updated_at"],
                             resolved.tasks.flatMap { task in
                                 task.leaderIDs.enumerated().map { [UUID(), task.id, $1, $0, now, now] as [any Encodable & Sendable] }
                             }, on: database)
        progress(0.9)
        try await bulkInsert(MilestoneModel.schema, ["id", "task_id", "title", "due", "position", "created_at", "updated_at"],
                             resolved.tasks.flatMap { task in
                                 task.milestones.enumerated().map { [UUID(), task.id, $1.title, $1.due.iso, $0, now, now] as [any Encodable & Sendable] }
                             }, on: database)
        progress(1)
    }

    /// Inserts `rows` into `table` with SQLKit, in statements that stay under both engines'
    /// bind-parameter limits (SQLite 32,766, PostgreSQL 65,535).
    private static func bulkInsert(_ table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]],
                                   on database: any Database) async throws {
        guard !rows.isEmpty, let sql = database as? any SQLDatabase else { return }
        let perStatement = max(1, 30_000 / columns.count)
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            var insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<min(start + perStatement, rows.count)] {
                insert = insert.values(row.map { SQLBind($0) })
            }
            try await insert.run()
        }
    }

    /// Re-import: brings the stored plan `current` (not issued) to `document`, matching tasks by
    /// number — changed tasks are rewritten under their ids, new ones added, missing ones removed,
    /// part titles updated — in one transaction, and stores a version. `snapshot` is the catalog
    /// the preview was made from.
    static func update(_ current: Plan, with document: PlanDocument, snapshot: CatalogSnapshot, on database: any Database,
                       by who: AuditLog.Who, at date: Date, alsoWrite: AlsoWrite? = nil) async throws -> (added: Int, removed: Int, changed: Int) {
        if let problem = TaskEditing.editProblem(current) { throw problem }
        let planID = current.id, code = current.jurisdictionCode
        return try await database.writeTransaction { db in
            let resolved = try document.resolve(existingUnits: try await existingUnits(jurisdiction: code, on: db),
                                                existingLeaders: try await existingLeaders(jurisdiction: code, on: db))
            try await writeDirectory(resolved, on: db)
            // Parts: keep ids by number; add new ones, retitle changed ones.
            let storedParts = try await PartModel.query(on: db).filter(\.$plan.$id == planID).all()
            var partIDs = Dictionary(uniqueKeysWithValues: storedParts.compactMap { model in model.id.map { (model.number, $0) } })
            for part in resolved.parts {
                if let stored = storedParts.first(where: { $0.number == part.number }) {
                    if stored.title != part.title {
                        stored.title = part.title
                        stored.version += 1
                        try await stored.save(on: db)
                    }
                } else {
                    try await PartModel(Part(id: part.id, planID: planID, number: part.number, title: part.title)).create(on: db)
                    partIDs[part.number] = part.id
                }
            }
            // Tasks by number: remove, then rewrite the changed ones under their ids, then add.
            let existing = Dictionary((snapshot.tasksByPlan[planID] ?? []).map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
            let incoming = Dictionary(resolved.tasks.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
            let versions = Dictionary(try await TaskModel.query(on: db).filter(\.$plan.$id == planID).all()
                .compactMap { model in model.id.map { ($0, model.version) } }, uniquingKeysWith: { first, _ in first })
            let removed = existing.filter { incoming[$0.key] == nil }.map(\.value)
            if !removed.isEmpty { try await TaskModel.query(on: db).filter(\.$id ~~ removed.map(\.id)).delete() }
            var changed = 0, added = 0
            for (number, task) in incoming.sorted(by: { $0.key < $1.key }) {
                guard let partID = partIDs[number.part] else { continue }
                var task = task
                task.planID = planID
                if let old = existing[number] {
                    task.id = old.id
                    guard task != old else { continue }
                    try await TaskStore.save(task, partID: partID, version: versions[old.id], at: date, on: db)
                    changed += 1
                } else {
                    try await TaskStore.save(task, partID: partID, version: nil, at: date, on: db)
                    added += 1
                }
            }
            let keptParts = Set(resolved.parts.map(\.number))
            for part in storedParts where !keptParts.contains(part.number) { try await part.delete(on: db) }
            let units = Dictionary(uniqueKeysWithValues: (snapshot.units + resolved.newUnits).map { ($0.id, $0.shortName) })
            let leaders = Dictionary(uniqueKeysWithValues: (snapshot.leaders + resolved.newLeaders).map { ($0.id, $0.name) })
            let after = PlanDocument(plan: current, jurisdiction: document.jurisdiction,
                                     parts: resolved.parts.map { Part(id: partIDs[$0.number] ?? $0.id, planID: planID, number: $0.number, title: $0.title) },
                                     tasks: incoming.values.map { var task = $0; task.id = existing[task.number]?.id ?? task.id; task.planID = planID; return task },
                                     unitName: { units[$0] }, leaderName: { leaders[$0] })
            try await PlanVersions.record(after, planID: planID, status: current.status, by: who.username, on: db)
            try await AuditLog.append(
                AuditLog.Event(action: "plan.reimport", targetType: "plan", targetID: planID.uuidString,
                               summary: "\(added) added, \(removed.count) removed, \(changed) changed, \(resolved.newUnits.count) new units"),
                by: who, at: date, on: db)
            try await alsoWrite?(planID, db)
            return (added, removed.count, changed)
        }
    }
}
