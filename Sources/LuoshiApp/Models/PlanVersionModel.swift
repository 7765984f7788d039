import Fluent
import Foundation
import LuoshiDomain

/// The whole plan as it stood at a lifecycle step (a `PlanDocument` as JSON), so any two
/// versions can be compared.
final class PlanVersionModel: Model, @unchecked Sendable {
    static let schema = "plan_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanModel
    @Field(key: "number") var number: Int
    @Field(key: "status") var status: Plan.Status
    @Field(key: "document") var document: String
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var planDocument: PlanDocument? { try? PlanDocument.decode(json: Data(document.utf8)) }
}
