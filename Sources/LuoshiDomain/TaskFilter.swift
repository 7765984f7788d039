import Foundation

/// `?part=N&unit=UUID&leader=UUID&kind=phased|ongoing`, each checked and named when wrong.
public struct TaskFilter: Sendable, Equatable {
    public var part: Int?
    public var unit: UUID?
    public var leader: UUID?
    public var kind: TaskKind?

    public init(part: Int? = nil, unit: UUID? = nil, leader: UUID? = nil, kind: TaskKind? = nil) {
        self.part = part
        self.unit = unit
        self.leader = leader
        self.kind = kind
    }

    /// Reads the filter from query parameters; `text` returns a parameter's raw value.
    public init(parameters text: (String) -> String?) throws(DomainError) {
        if let value = text("part") {
            guard let number = Int(value), number > 0 else {
                throw .invalid("part", zh: "part 应为正整数，实际为“\(value)”", en: "part must be a positive whole number; got \"\(value)\"")
            }
            part = number
        }
        if let value = text("unit") {
            guard let id = UUID(uuidString: value) else {
                throw .invalid("unit", zh: "unit 应为单位的 UUID", en: "unit must be a unit's UUID; got \"\(value)\"")
            }
            unit = id
        }
        if let value = text("leader") {
            guard let id = UUID(uuidString: value) else {
                throw .invalid("leader", zh: "leader 应为县领导的 UUID", en: "leader must be a leader's UUID; got \"\(value)\"")
            }
            leader = id
        }
        if let value = text("kind") {
            guard let parsed = TaskKind(rawValue: value) else {
                throw .invalid("kind", zh: "kind 只能是 phased 或 ongoing", en: "kind must be phased or ongoing; got \"\(value)\"")
            }
            kind = parsed
        }
    }

    public func matches(_ task: PlanTask) -> Bool {
        if let part, task.number.part != part { return false }
        if let unit, !task.leadUnitIDs.contains(unit), !task.cooperatingUnitIDs.contains(unit) { return false }
        if let leader, !task.leaderIDs.contains(leader) { return false }
        if let kind, task.kind != kind { return false }
        return true
    }
}

