import Foundation
import LuoshiDomain

extension PlanOverviewPage {
    /// The plan with `id`, or the newest public plan when `id` is nil. Only public plans are shown.
    static func query(_ snapshot: CatalogSnapshot, planID id: UUID?) throws(DomainError) -> Model {
        let publicPlans = snapshot.publicPlans
        let plan: Plan?
        if let id {
            guard let found = snapshot.plansByID[id], found.isPublic else { throw .planNotFound(id) }
            plan = found
        } else {
            plan = publicPlans.first
        }
        return Model(
            plan: plan,
            jurisdictionName: plan.map { snapshot.jurisdictionName($0.jurisdictionCode) } ?? "",
            statistics: plan.flatMap { snapshot.statisticsByPlan[$0.id] },
            otherPlans: publicPlans.filter { $0.id != plan?.id }.map { ($0, snapshot.jurisdictionName($0.jurisdictionCode)) },
            interpreted: plan.map { snapshot.interpretedPlans.contains($0.id) } ?? false)
    }
}
