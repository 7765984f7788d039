import Fluent
import Foundation
import LuoshiDomain
import SQLKit

/// Writes single tasks: an edit before issue (every field, owners and milestones) and an
/// approved change after issue (deadline or target only).
enum TaskStore {
    /// Applies an approved change's fields; the request's own version lock guards the decision.
    static func updateBaselineFields(_ task: PlanTask, at now: Date, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.update(TaskModel.schema)
            .set("deadline", to: task.deadline?.iso)
            .set("annual_target", to: task.annualTarget)
            .set("version", to: SQLRaw("version + 1"))
            .set("updated_at", to: now)
            .where("id", .equal, task.id)
            .run()
    }

    /// Saves `task` in full under part `partID`. With `version` it replaces the stored task only if
    /// that is still its version (else 409); without, it inserts a new task.
    static func save(_ task: PlanTask, partID: UUID, version: Int?, at now: Date, on db: any Database) async throws {
        if let version {
            guard let sql = db as? any SQLDatabase else { throw DomainError.staleEdit }
            let changed = try await sql.update(TaskModel.schema)
                .set("part_id", to: partID)
                .set("item", to: task.number.item)
                .set("content", to: task.content)
                .set("kind", to: task.kind.rawValue)
                .set("deadline", to: task.deadline?.iso)
                .set("measures", to: task.measures)
                .set("annual_target", to: task.annualTarget)
                .set("version", to: version + 1)
                .set("updated_at", to: now)
                .where("id", .equal, task.id)
                .where("version", .equal, version)
                .returning("id")
                .all()
            guard !changed.isEmpty else { throw DomainError.staleEdit }
            try await TaskUnitModel.query(on: db).filter(\.$task.$id == task.id).delete()
            try await TaskLeaderModel.query(on: db).filter(\.$task.$id == task.id).delete()
            try await MilestoneModel.query(on: db).filter(\.$task.$id == task.id).delete()
        } else {
            try await TaskModel(task, partID: partID).create(on: db)
        }
        for (position, unit) in task.leadUnitIDs.enumerated() {
            try await TaskUnitModel(taskID: task.id, unitID: unit, role: .lead, position: position).create(on: db)
        }
        for (position, unit) in task.cooperatingUnitIDs.enumerated() {
            try await TaskUnitModel(taskID: task.id, unitID: unit, role: .cooperating, position: position).create(on: db)
        }
        for (position, leader) in task.leaderIDs.enumerated() {
            try await TaskLeaderModel(taskID: task.id, leaderID: leader, position: position).create(on: db)
        }
        for (position, milestone) in task.milestones.enumerated() {
            try await MilestoneModel(taskID: task.id, milestone: milestone, position: position).create(on: db)
        }
    }
}
