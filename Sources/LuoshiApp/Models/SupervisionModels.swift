import Fluent
import Foundation
import LuoshiDomain

/// One step of the escalation ladder (督办): addressed to a lead unit about a task, with its
/// deadline, the unit's reply and the office's decision.
final class SupervisionItemModel: Model, @unchecked Sendable {
    static let schema = "supervision_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanModel
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "year") var year: Int
    @Field(key: "task_id") var taskID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "kind") var kind: Supervision.Kind
    /// Numbered per jurisdiction, year and kind (督办〔2023〕3号).
    @Field(key: "sequence") var sequence: Int
    @Field(key: "facts") var facts: String
    @Field(key: "demands") var demands: String
    @OptionalField(key: "deadline") var deadline: String?
    @Field(key: "status") var status: Supervision.Status
    @Field(key: "reply") var reply: String
    @OptionalField(key: "replied_by") var repliedBy: String?
    @OptionalField(key: "replied_on") var repliedOn: String?
    @Field(key: "review_note") var reviewNote: String
    /// The step this one escalates.
    @OptionalField(key: "previous_id") var previousID: UUID?
    /// For 通报批评: the bulletin that carried it.
    @OptionalField(key: "bulletin_id") var bulletinID: UUID?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var documentNumber: String? { kind.documentNumber(year: year, sequence: sequence) }
    var deadlineDate: CalendarDate? { deadline.flatMap(CalendarDate.init(iso:)) }

    var active: Supervision.ActiveStep? {
        id.map { Supervision.ActiveStep(id: $0, kind: kind, taskID: taskID, unitID: unitID, status: status, deadline: deadlineDate) }
    }
}

/// One step in a supervision item's history.
final class SupervisionEventModel: Model, @unchecked Sendable {
    static let schema = "supervision_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "item_id") var item: SupervisionItemModel
    @Field(key: "step") var step: String
    @Field(key: "status") var status: Supervision.Status
    @Field(key: "note") var note: String
    @Field(key: "actor") var actor: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// Evidence a unit attaches to its reply to a step, or the office to an inspection's finding
/// (stored like report evidence): exactly one of `item` and `finding` is set.
final class SupervisionFileModel: Model, @unchecked Sendable {
    static let schema = "supervision_files"

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "item_id") var item: SupervisionItemModel?
    @OptionalParent(key: "finding_id") var finding: InspectionFindingModel?
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "uploaded_by") var uploadedBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// The row of an accepted upload (stored under `id`) for a step or a finding.
    init(id: UUID, item: UUID? = nil, finding: UUID? = nil, accepted: Evidence.Accepted, size: Int, sha256: String, by username: String) {
        self.id = id
        self.$item.id = item
        self.$finding.id = finding
        self.fileName = accepted.fileName
        self.contentType = accepted.contentType
        self.size = size
        self.sha256 = sha256
        self.uploadedBy = username
    }
}

/// A proposal the office chose not to take (remembered by its key).
final class SupervisionDismissalModel: Model, @unchecked Sendable {
    static let schema = "supervision_dismissals"

    @ID(key: .id) var id: UUID?
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "proposal_key") var proposalKey: String
    @Field(key: "reason") var reason: String
    @Field(key: "dismissed_by") var dismissedBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// 专项督查: an inspection of some tasks and units by a team over dates.
final class InspectionModel: Model, @unchecked Sendable {
    static let schema = "inspections"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanModel
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "topic") var topic: String
    @Field(key: "team") var team: String
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    /// The covered tasks' and units' ids, comma-separated.
    @Field(key: "task_ids") var taskIDsText: String
    @Field(key: "unit_ids") var unitIDsText: String
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var taskIDs: [UUID] { taskIDsText.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
    var unitIDs: [UUID] { unitIDsText.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
}

/// What an inspection found on one task at one unit; it may become a rectification.
final class InspectionFindingModel: Model, @unchecked Sendable {
    static let schema = "inspection_findings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "inspection_id") var inspection: InspectionModel
    @Field(key: "task_id") var taskID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "text") var text: String
    @OptionalField(key: "rectification_id") var rectificationID: UUID?
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
