import Fluent
import Foundation
import LuoshiDomain

/// 批示: a leader's instruction on a task, a report (round, task and unit) or a bulletin.
final class InstructionModel: Model, @unchecked Sendable {
    static let schema = "instructions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanModel
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @OptionalField(key: "leader_id") var leaderID: UUID?
    /// As signed: post and name (县长 刘铭).
    @Field(key: "leader_name") var leaderName: String
    @Field(key: "author") var author: String
    @Field(key: "target") var target: Instruction.Target
    @OptionalField(key: "task_id") var taskID: UUID?
    @OptionalField(key: "round_id") var roundID: UUID?
    @OptionalField(key: "report_unit_id") var reportUnitID: UUID?
    @OptionalField(key: "bulletin_id") var bulletinID: UUID?
    @Field(key: "text") var text: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One recipient's answer to an instruction: a unit's, or the office's (no unit).
final class InstructionResponseModel: Model, @unchecked Sendable {
    static let schema = "instruction_responses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "instruction_id") var instruction: InstructionModel
    @OptionalField(key: "unit_id") var unitID: UUID?
    @Field(key: "status") var status: Instruction.Status
    @OptionalField(key: "acknowledged_by") var acknowledgedBy: String?
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?
    @Field(key: "reply") var reply: String
    @OptionalField(key: "replied_by") var repliedBy: String?
    @OptionalField(key: "replied_at") var repliedAt: Date?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
