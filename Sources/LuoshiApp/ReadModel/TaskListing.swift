import Foundation
import LuoshiDomain

/// A task with its owners' names resolved: what every task list, page and DTO shows.
struct TaskListing: Sendable {
    let task: PlanTask
    let leadUnits: [Unit]
    let cooperatingUnits: [Unit]
    let leaders: [Leader]
}

extension CatalogSnapshot {
    func listing(_ task: PlanTask) -> TaskListing {
        TaskListing(task: task,
                    leadUnits: task.leadUnitIDs.compactMap { unitsByID[$0] },
                    cooperatingUnits: task.cooperatingUnitIDs.compactMap { unitsByID[$0] },
                    leaders: task.leaderIDs.compactMap { leadersByID[$0] })
    }

    /// Tasks grouped by their plan, newest plan first.
    func groupedByPlan(_ tasks: [PlanTask]) -> [(plan: Plan, tasks: [TaskListing])] {
        let byPlan = Dictionary(grouping: tasks, by: \.planID)
        return plans.compactMap { plan in byPlan[plan.id].map { (plan, $0.map(listing)) } }
    }

    func jurisdictionName(_ code: String) -> String { jurisdictions[code]?.name ?? code }

    func units(in jurisdictionCode: String) -> [Unit] { units.filter { $0.jurisdictionCode == jurisdictionCode } }
    func leaders(in jurisdictionCode: String) -> [Leader] { leaders.filter { $0.jurisdictionCode == jurisdictionCode } }

    /// The notice to show with these plans, if any of them is illustrative.
    func notice(for plans: [Plan]) -> LocalizedText? { plans.lazy.compactMap(\.illustrativeNotice).first }
}
