import Fluent
import Foundation
import LuoshiDomain

final class LeaderModel: Model, @unchecked Sendable {
    static let schema = "leaders"

    @ID(key: .id) var id: UUID?
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "name") var name: String
    @Field(key: "post") var post: String
    @Field(key: "portfolio") var portfolio: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(_ leader: Leader) {
        id = leader.id
        jurisdictionCode = leader.jurisdictionCode
        name = leader.name
        post = leader.post
        portfolio = leader.portfolio
        version = 1
    }
}
