import Fluent
import Foundation
import LuoshiDomain

final class UnitModel: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(key: .id) var id: UUID?
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "name") var name: String
    @Field(key: "short_name") var shortName: String
    @Field(key: "kind") var kind: Unit.Kind
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(_ unit: Unit) {
        id = unit.id
        jurisdictionCode = unit.jurisdictionCode
        name = unit.name
        shortName = unit.shortName
        kind = unit.kind
        version = 1
    }
}

/// Another name a unit is known by (县发改局 = 县发展和改革局), unique within a jurisdiction.
final class UnitAliasModel: Model, @unchecked Sendable {
    static let schema = "unit_aliases"

    @ID(key: .id) var id: UUID?
    @Parent(key: "unit_id") var unit: UnitModel
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "alias") var alias: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(unitID: UUID, jurisdictionCode: String, alias: String) {
        $unit.id = unitID
        self.jurisdictionCode = jurisdictionCode
        self.alias = alias
    }
}
