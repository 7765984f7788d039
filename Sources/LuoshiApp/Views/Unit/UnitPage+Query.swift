import Foundation
import LuoshiDomain

extension UnitPage {
    static func query(_ snapshot: CatalogSnapshot, unitID: UUID) throws(DomainError) -> Model {
        guard let unit = snapshot.unitsByID[unitID] else { throw .unitNotFound(unitID) }
        return Model(unit: unit, jurisdictionName: snapshot.jurisdictionName(unit.jurisdictionCode),
                     led: snapshot.groupedByPlan(snapshot.publicTasks(ledBy: unitID)),
                     cooperated: snapshot.groupedByPlan(snapshot.publicTasks(cooperatedBy: unitID)))
    }
}
