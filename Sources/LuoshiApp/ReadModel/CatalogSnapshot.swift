import Foundation
import LuoshiDomain

/// Every plan, part, task, unit and leader, held in memory as plain domain values with the
/// indexes pages and the API read. Built by `CatalogLoader`, replaced whole after a write.
struct CatalogSnapshot: Sendable {
    let version: Int
    /// Plans with a published 政策解读.
    var interpretedPlans: Set<UUID> = []
    /// Approved public questions (政民互动) by task, oldest first; never the askers' contacts.
    var publishedQuestions: [UUID: [PublicQuestion.Published]] = [:]
    let jurisdictions: [String: Jurisdiction]
    /// Newest year first.
    let plans: [Plan]
    let plansByID: [UUID: Plan]
    let partsByPlan: [UUID: [Part]]
    /// Each plan's tasks in number order.
    let tasksByPlan: [UUID: [PlanTask]]
    let tasksByID: [UUID: PlanTask]
    let units: [Unit]
    let unitsByID: [UUID: Unit]
    let leaders: [Leader]
    let leadersByID: [UUID: Leader]
    let tasksLedByUnit: [UUID: [PlanTask]]
    let tasksCooperatedByUnit: [UUID: [PlanTask]]
    let tasksByLeader: [UUID: [PlanTask]]
    let statisticsByPlan: [UUID: PlanStatistics]
    /// Approved changes to issued tasks, oldest first.
    let revisionsByTask: [UUID: [ChangeControl.Revision]]

    init(version: Int, jurisdictions: [Jurisdiction], plans: [Plan], parts: [Part], tasks: [PlanTask],
         units: [Unit], leaders: [Leader], revisions: [UUID: [ChangeControl.Revision]] = [:]) {
        self.version = version
        revisionsByTask = revisions
        self.jurisdictions = Dictionary(jurisdictions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.plans = plans.sorted { ($0.year, $0.jurisdictionCode) > ($1.year, $1.jurisdictionCode) }
        plansByID = Dictionary(uniqueKeysWithValues: plans.map { ($0.id, $0) })
        partsByPlan = Dictionary(grouping: parts, by: \.planID).mapValues { $0.sorted { $0.number < $1.number } }
        let sortedTasks = tasks.sorted { $0.number < $1.number }
        tasksByPlan = Dictionary(grouping: sortedTasks, by: \.planID)
        tasksByID = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0) })
        self.units = units.sorted { ($0.kind.sortOrder, $0.name) < ($1.kind.sortOrder, $1.name) }
        unitsByID = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
        self.leaders = leaders.sorted(by: Leader.protocolOrder)
        leadersByID = Dictionary(uniqueKeysWithValues: leaders.map { ($0.id, $0) })

        var led: [UUID: [PlanTask]] = [:]
        var cooperated: [UUID: [PlanTask]] = [:]
        var byLeader: [UUID: [PlanTask]] = [:]
        for task in sortedTasks {
            for unit in task.leadUnitIDs { led[unit, default: []].append(task) }
            for unit in task.cooperatingUnitIDs { cooperated[unit, default: []].append(task) }
            for leader in task.leaderIDs { byLeader[leader, default: []].append(task) }
        }
        tasksLedByUnit = led
        tasksCooperatedByUnit = cooperated
        tasksByLeader = byLeader
        let kinds = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.kind) })
        let partsByPlan = self.partsByPlan
        let tasksByPlan = self.tasksByPlan
        statisticsByPlan = Dictionary(uniqueKeysWithValues: plans.map { plan in
            (plan.id, PlanStatistics(parts: partsByPlan[plan.id] ?? [], tasks: tasksByPlan[plan.id] ?? [],
                                     unitKind: { kinds[$0] }))
        })
    }

    static let empty = CatalogSnapshot(version: 0, jurisdictions: [], plans: [], parts: [], tasks: [], units: [], leaders: [])

    /// Plans the public may read: issued ones.
    var publicPlans: [Plan] { plans.filter(\.isPublic) }

    func isPublic(_ task: PlanTask) -> Bool { plansByID[task.planID]?.isPublic == true }

    func publicTasks(ledBy unitID: UUID) -> [PlanTask] { (tasksLedByUnit[unitID] ?? []).filter(isPublic) }
    func publicTasks(cooperatedBy unitID: UUID) -> [PlanTask] { (tasksCooperatedByUnit[unitID] ?? []).filter(isPublic) }
    func publicTasks(of leaderID: UUID) -> [PlanTask] { (tasksByLeader[leaderID] ?? []).filter(isPublic) }
}

extension Unit.Kind {
    /// Departments first, then development zones, streets and townships, as county lists run.
    var sortOrder: Int {
        switch self {
        case .department: 0
        case .developmentZone: 1
        case .street: 2
        case .township: 3
        case .other: 4
        }
    }
}
