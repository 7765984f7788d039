import Foundation
import LuoshiDomain

extension PartPage {
    static func query(_ snapshot: CatalogSnapshot, planID: UUID, number: Int) throws(DomainError) -> Model {
        guard let plan = snapshot.plansByID[planID], plan.isPublic else { throw .planNotFound(planID) }
        let parts = snapshot.partsByPlan[planID] ?? []
        guard let index = parts.firstIndex(where: { $0.number == number }) else { throw .partNotFound(number) }
        let tasks = (snapshot.tasksByPlan[planID] ?? []).filter { $0.number.part == number }
        return Model(plan: plan, part: parts[index], tasks: tasks.map(snapshot.listing),
                     previous: index > 0 ? parts[index - 1] : nil,
                     next: index + 1 < parts.count ? parts[index + 1] : nil)
    }
}
