import Fluent
import Foundation
import LuoshiDomain

final class JurisdictionModel: Model, @unchecked Sendable {
    static let schema = "jurisdictions"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "level") var level: Jurisdiction.Level
    @OptionalField(key: "parent_code") var parentCode: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(_ jurisdiction: Jurisdiction) {
        code = jurisdiction.code
        name = jurisdiction.name
        level = jurisdiction.level
        parentCode = jurisdiction.parentCode
    }
}

