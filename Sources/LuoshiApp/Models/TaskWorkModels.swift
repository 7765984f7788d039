import Fluent
import Foundation
import LuoshiDomain

/// A unit's comment on a task while the plan is out for comments, and the office's reply.
final class TaskCommentModel: Model, @unchecked Sendable {
    static let schema = "task_comments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "task_id") var task: TaskModel
    @Field(key: "plan_id") var planID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "stance") var stance: Consultation.Stance
    @Field(key: "text") var text: String
    @Field(key: "author") var author: String
    @Field(key: "decision") var decision: Consultation.Decision
    @OptionalField(key: "reply") var reply: String?
    @OptionalField(key: "replied_by") var repliedBy: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A lead unit's charter (任务书) for one task; the content is a `Charter` as JSON.
final class CharterModel: Model, @unchecked Sendable {
    static let schema = "charters"

    @ID(key: .id) var id: UUID?
    @Parent(key: "task_id") var task: TaskModel
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "status") var status: CharterStatus
    @Field(key: "content") var content: String
    @Field(key: "version") var version: Int
    @Field(key: "updated_by") var updatedBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var charter: Charter? { try? JSONDecoder().decode(Charter.self, from: Data(content.utf8)) }

    static func encode(_ charter: Charter) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(charter), as: UTF8.self)
    }
}

/// One step in a charter's history: saved, submitted, approved or returned, with the content then.
final class CharterEventModel: Model, @unchecked Sendable {
    static let schema = "charter_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "charter_id") var charter: CharterModel
    @Field(key: "step") var step: String
    @Field(key: "status") var status: CharterStatus
    @Field(key: "comment") var comment: String
    @Field(key: "content") var content: String
    @Field(key: "actor") var actor: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A unit's request to extend a deadline or change a target, and the office's decision.
final class ChangeRequestModel: Model, @unchecked Sendable {
    static let schema = "change_requests"

    @ID(key: .id) var id: UUID?
    @Parent(key: "task_id") var task: TaskModel
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "kind") var kind: ChangeControl.Kind
    @Field(key: "current_value") var currentValue: String
    @Field(key: "proposed") var proposed: String
    @Field(key: "reason") var reason: String
    @Field(key: "status") var status: ChangeControl.Status
    @Field(key: "note") var note: String
    @Field(key: "requested_by") var requestedBy: String
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "decided_on") var decidedOn: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var request: ChangeControl.Request { .init(kind: kind, proposed: proposed, reason: reason) }
}

/// A change made to an issued task by an approved request; the baseline stays in the plan's versions.
final class TaskRevisionModel: Model, @unchecked Sendable {
    static let schema = "task_revisions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "task_id") var task: TaskModel
    @Field(key: "request_id") var requestID: UUID
    @Field(key: "kind") var kind: ChangeControl.Kind
    @Field(key: "old_value") var before: String
    @Field(key: "new_value") var after: String
    @Field(key: "approved_on") var approvedOn: String
    @Field(key: "approved_by") var approvedBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var revision: ChangeControl.Revision? {
        CalendarDate(iso: approvedOn).map { .init(kind: kind, before: before, after: after, approvedOn: $0, approvedBy: approvedBy) }
    }
}
