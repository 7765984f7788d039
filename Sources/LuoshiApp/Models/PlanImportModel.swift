import Fluent
import Foundation

/// An uploaded plan spreadsheet waiting between its dry run and its application.
final class PlanImportModel: Model, @unchecked Sendable {
    static let schema = "plan_imports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "file_name") var fileName: String
    @Field(key: "data") var data: Data
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "year") var year: Int
    @OptionalField(key: "title") var title: String?
    @Field(key: "create_missing") var createMissing: Bool
    @OptionalField(key: "applied_plan_id") var appliedPlanID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
