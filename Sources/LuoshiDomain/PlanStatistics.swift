import Foundation

/// The counts a plan's overview shows: tasks by part and by kind, units by kind.
public struct PlanStatistics: Sendable, Hashable {
    public struct PartCount: Sendable, Hashable {
        public var number: Int
        public var title: String
        public var tasks: Int
        public var phased: Int
        public var ongoing: Int
    }

    public struct UnitKindCount: Sendable, Hashable {
        public var kind: Unit.Kind
        /// Units of this kind that lead at least one task.
        public var leading: Int
        /// Units of this kind named on any task, leading or cooperating.
        public var involved: Int
    }

    public var taskCount: Int
    public var parts: [PartCount]
    public var tasksByKind: [TaskKind: Int]
    public var unitKinds: [UnitKindCount]
    public var leadUnitCount: Int
    /// Units other than townships and streets that lead a task (the seed's "41个牵头单位").
    public var leadingDepartments: Int
    /// Townships and streets named on any task (the seed's "6个乡镇(街道)").
    public var townshipsInvolved: Int
    public var leaderCount: Int

    public init(parts: [Part], tasks: [PlanTask], unitKind: (UUID) -> Unit.Kind?) {
        taskCount = tasks.count
        let tasksByPart = Dictionary(grouping: tasks, by: \.number.part)
        self.parts = parts.sorted { $0.number < $1.number }.map { part in
            let partTasks = tasksByPart[part.number] ?? []
            let phased = partTasks.count { $0.kind == .phased }
            return PartCount(number: part.number, title: part.title, tasks: partTasks.count,
                             phased: phased, ongoing: partTasks.count - phased)
        }
        var byKind: [TaskKind: Int] = [:]
        for kind in TaskKind.allCases { byKind[kind] = tasks.count { $0.kind == kind } }
        tasksByKind = byKind

        let leading = Set(tasks.flatMap(\.leadUnitIDs))
        let involved = leading.union(tasks.flatMap(\.cooperatingUnitIDs))
        unitKinds = Unit.Kind.allCases.compactMap { kind in
            let leadingCount = leading.count { unitKind($0) == kind }
            let involvedCount = involved.count { unitKind($0) == kind }
            return involvedCount == 0 ? nil : UnitKindCount(kind: kind, leading: leadingCount, involved: involvedCount)
        }
        leadUnitCount = leading.count
        leadingDepartments = leading.count { !(unitKind($0)?.isLocal ?? false) }
        townshipsInvolved = involved.count { unitKind($0)?.isLocal ?? false }
        leaderCount = Set(tasks.flatMap(\.leaderIDs)).count
    }
}
