import Fluent
import Foundation
import LuoshiDomain

/// One numbered version of a plan's 政策解读.
final class InterpretationModel: Model, @unchecked Sendable {
    static let schema = "interpretations"

    enum Status: String, Codable, Sendable { case draft, published }

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanModel
    @Field(key: "number") var number: Int
    @Field(key: "status") var status: Status
    @Field(key: "title") var title: String
    @Field(key: "sections") var sectionsJSON: String
    @Field(key: "contact") var contactJSON: String
    @Field(key: "figures") var figuresJSON: String
    @Field(key: "created_by") var createdBy: String
    @OptionalField(key: "published_by") var publishedBy: String?
    @OptionalField(key: "published_at") var publishedAt: Date?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var sections: [Interpretation.Section] { (try? JSONDecoder().decode([Interpretation.Section].self, from: Data(sectionsJSON.utf8))) ?? [] }
    var contact: Interpretation.Contact {
        (try? JSONDecoder().decode(Interpretation.Contact.self, from: Data(contactJSON.utf8))) ?? .init(office: "", person: "", address: "", phone: "")
    }
    var figures: Interpretation.Figures? { try? JSONDecoder().decode(Interpretation.Figures.self, from: Data(figuresJSON.utf8)) }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
