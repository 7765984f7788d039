import Fluent
import Foundation
import LuoshiDomain

/// A task. Its number is its part's number and `item`, so renumbering a part keeps task ids.
final class TaskModel: Model, @unchecked Sendable {
    static let schema = "plan_tasks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanModel
    @Parent(key: "part_id") var part: PartModel
    @Field(key: "item") var item: Int
    @Field(key: "content") var content: String
    @Field(key: "kind") var kind: TaskKind
    @OptionalField(key: "deadline") var deadline: String?
    @OptionalField(key: "measures") var measures: String?
    @OptionalField(key: "annual_target") var annualTarget: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(_ task: PlanTask, partID: UUID) {
        id = task.id
        $plan.id = task.planID
        $part.id = partID
        item = task.number.item
        content = task.content
        kind = task.kind
        deadline = task.deadline?.iso
        measures = task.measures
        annualTarget = task.annualTarget
        version = 1
    }
}

/// A unit's role on a task: lead (牵头) or cooperating (配合), in the order the plan lists them.
final class TaskUnitModel: Model, @unchecked Sendable {
    enum Role: String, Codable, Sendable { case lead, cooperating }

    static let schema = "task_units"

    @ID(key: .id) var id: UUID?
    @Parent(key: "task_id") var task: TaskModel
    @Parent(key: "unit_id") var unit: UnitModel
    @Field(key: "role") var role: Role
    @Field(key: "position") var position: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(taskID: UUID, unitID: UUID, role: Role, position: Int) {
        $task.id = taskID
        $unit.id = unitID
        self.role = role
        self.position = position
    }
}

final class TaskLeaderModel: Model, @unchecked Sendable {
    static let schema = "task_leaders"

    @ID(key: .id) var id: UUID?
    @Parent(key: "task_id") var task: TaskModel
    @Parent(key: "leader_id") var leader: LeaderModel
    @Field(key: "position") var position: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(taskID: UUID, leaderID: UUID, position: Int) {
        $task.id = taskID
        $leader.id = leaderID
        self.position = position
    }
}

final class MilestoneModel: Model, @unchecked Sendable {
    static let schema = "milestones"

    @ID(key: .id) var id: UUID?
    @Parent(key: "task_id") var task: TaskModel
    @Field(key: "title") var title: String
    @Field(key: "due") var due: String
    @Field(key: "position") var position: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(taskID: UUID, milestone: Milestone, position: Int) {
        $task.id = taskID
        title = milestone.title
        due = milestone.due.iso
        self.position = position
    }
}
