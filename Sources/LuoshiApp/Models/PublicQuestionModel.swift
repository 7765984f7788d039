import Fluent
import Foundation
import LuoshiDomain

/// A public question (政民互动) on a task, with its routing, answer and the office's decision.
final class PublicQuestionModel: Model, @unchecked Sendable {
    static let schema = "public_questions"

    @ID(key: .id) var id: UUID?
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Parent(key: "plan_id") var plan: PlanModel
    @Field(key: "task_id") var taskID: UUID
    @Field(key: "receipt") var receipt: String
    @Field(key: "status") var status: PublicQuestion.Status
    /// The signature the asker chose to show (blank: none).
    @Field(key: "asker_name") var askerName: String
    /// For the reply only: shown to the office, never to the public or the unit.
    @Field(key: "contact") var contact: String
    @Field(key: "question") var question: String
    /// The question as approved for the public.
    @OptionalField(key: "public_question") var publicQuestion: String?
    /// The unit it is routed to.
    @OptionalField(key: "unit_id") var unitID: UUID?
    @OptionalField(key: "answer") var answer: String?
    /// Why the office returned the answer or declined the question.
    @OptionalField(key: "note") var note: String?
    /// How many times it has been sent to a unit (routings and returns).
    @Field(key: "routings") var routings: Int
    @Field(key: "asked_at") var askedAt: Date
    @OptionalField(key: "routed_by") var routedBy: String?
    @OptionalField(key: "routed_at") var routedAt: Date?
    @OptionalField(key: "answered_by") var answeredBy: String?
    @OptionalField(key: "answered_at") var answeredAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
