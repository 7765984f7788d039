import Fluent
import Foundation
import LuoshiDomain

/// A reporting round (月调度) of a plan: the month it covers and when reports are due.
final class ReportRoundModel: Model, @unchecked Sendable {
    static let schema = "report_rounds"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanModel
    @Field(key: "month") var month: String
    @Field(key: "due_date") var dueDate: String
    @Field(key: "status") var status: Dispatch.RoundStatus
    @Field(key: "opened_by") var openedBy: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A lead unit's progress report on a task in a round, with the office's verification.
final class ProgressReportModel: Model, @unchecked Sendable {
    static let schema = "progress_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "round_id") var round: ReportRoundModel
    @Field(key: "task_id") var taskID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "status") var status: Dispatch.ReportStatus
    @Field(key: "work_done") var workDone: String
    @OptionalField(key: "progress") var progress: Int?
    @Field(key: "milestones_reached") var milestonesReached: String
    @Field(key: "problems") var problems: String
    @Field(key: "next_plan") var nextPlan: String
    @OptionalField(key: "self_status") var selfStatus: ProgressStatus?
    @OptionalField(key: "submitted_on") var submittedOn: String?
    @Field(key: "late") var late: Bool
    @Field(key: "return_reason") var returnReason: String
    @OptionalField(key: "verified_progress") var verifiedProgress: Int?
    @OptionalField(key: "verified_status") var verifiedStatus: ProgressStatus?
    @Field(key: "review_note") var reviewNote: String
    @OptionalField(key: "reviewed_by") var reviewedBy: String?
    @OptionalField(key: "reviewed_on") var reviewedOn: String?
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// One step in a report's history: saved, submitted, returned, accepted.
final class ReportEventModel: Model, @unchecked Sendable {
    static let schema = "report_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: ProgressReportModel
    @Field(key: "step") var step: String
    @Field(key: "status") var status: Dispatch.ReportStatus
    @Field(key: "comment") var comment: String
    @Field(key: "actor") var actor: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A cooperating unit's input to a task's report in a round.
final class ReportInputModel: Model, @unchecked Sendable {
    static let schema = "report_inputs"

    @ID(key: .id) var id: UUID?
    @Field(key: "round_id") var roundID: UUID
    @Field(key: "task_id") var taskID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "text") var text: String
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A version of a jurisdiction's dispatch settings for a year (规则设置).
final class RuleSetModel: Model, @unchecked Sendable {
    static let schema = "rule_sets"

    @ID(key: .id) var id: UUID?
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "year") var year: Int
    @Field(key: "version") var version: Int
    @Field(key: "name") var name: String
    @Field(key: "yellow_from") var yellowFrom: Double
    @Field(key: "red_from") var redFrom: Double
    @Field(key: "ahead_from") var aheadFrom: Double
    @Field(key: "blue_within_days") var blueWithinDays: Int
    @Field(key: "round_due_day") var roundDueDay: Int
    @Field(key: "note") var note: String
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var settings: DispatchSettings {
        DispatchSettings(rules: RuleSet(name: name, yellowFrom: yellowFrom, redFrom: redFrom, aheadFrom: aheadFrom, blueWithinDays: blueWithinDays),
                         roundDueDay: roundDueDay, version: version)
    }
}
