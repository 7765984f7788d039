import Foundation

/// A task's number within its plan: part and item, written "3.14".
public struct TaskNumber: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let part: Int
    public let item: Int

    public init(part: Int, item: Int) {
        self.part = part
        self.item = item
    }

    /// Parses "3.14" (both numbers positive, no leading zeros or signs).
    public init?(_ text: String) {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count == 2,
              let part = TaskNumber.positive(pieces[0]), let item = TaskNumber.positive(pieces[1]) else { return nil }
        self.init(part: part, item: item)
    }

    private static func positive(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 4, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              !text.hasPrefix("0"), let value = Int(text) else { return nil }
        return value
    }

    public var description: String { "\(part).\(item)" }

    public static func < (lhs: TaskNumber, rhs: TaskNumber) -> Bool {
        (lhs.part, lhs.item) < (rhs.part, rhs.item)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let number = TaskNumber(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a task number like 3.14, got \"\(text)\"")
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// 阶段性任务 (a deadline and measures) or 长期性任务 (an annual target and milestones).
public enum TaskKind: String, Sendable, Codable, CaseIterable {
    case phased
    case ongoing
}

/// 节点: a dated checkpoint on a task.
public struct Milestone: Sendable, Hashable, Codable {
    public var title: String
    public var due: CalendarDate

    public init(title: String, due: CalendarDate) {
        self.title = title
        self.due = due
    }
}

/// 任务: a numbered item of a plan with its owners.
public struct PlanTask: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var planID: UUID
    public var number: TaskNumber
    public var content: String
    public var kind: TaskKind
    public var deadline: CalendarDate?
    public var measures: String?
    public var annualTarget: String?
    public var leadUnitIDs: [UUID]
    public var cooperatingUnitIDs: [UUID]
    public var leaderIDs: [UUID]
    public var milestones: [Milestone]

    public init(id: UUID, planID: UUID, number: TaskNumber, content: String, kind: TaskKind,
                deadline: CalendarDate?, measures: String?, annualTarget: String?,
                leadUnitIDs: [UUID], cooperatingUnitIDs: [UUID], leaderIDs: [UUID], milestones: [Milestone]) {
        self.id = id
        self.planID = planID
        self.number = number
        self.content = content
        self.kind = kind
        self.deadline = deadline
        self.measures = measures
        self.annualTarget = annualTarget
        self.leadUnitIDs = leadUnitIDs
        self.cooperatingUnitIDs = cooperatingUnitIDs
        self.leaderIDs = leaderIDs
        self.milestones = milestones
    }
}

/// 单位: a department, township, street or development zone.
public struct Unit: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case department, township, street, developmentZone, other

        /// Townships and streets (乡镇、街道), as opposed to county departments and zones.
        public var isLocal: Bool { self == .township || self == .street }
    }

    public var id: UUID
    public var jurisdictionCode: String
    /// The full name, e.g. 沂水县发展和改革局.
    public var name: String
    /// The short name used in plans, e.g. 县发改局.
    public var shortName: String
    public var aliases: [String]
    public var kind: Kind

    public init(id: UUID, jurisdictionCode: String, name: String, shortName: String, aliases: [String], kind: Kind) {
        self.id = id
        self.jurisdictionCode = jurisdictionCode
        self.name = name
        self.shortName = shortName
        self.aliases = aliases
        self.kind = kind
    }

    /// Every name this unit answers to in a plan.
    public var allNames: [String] { [name, shortName] + aliases }
}

/// 县领导: the county head or a deputy, answering for a portfolio.
public struct Leader: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var jurisdictionCode: String
    public var name: String
    /// 县长, 常务副县长, 副县长 …
    public var post: String
    public var portfolio: String

    public init(id: UUID, jurisdictionCode: String, name: String, post: String, portfolio: String) {
        self.id = id
        self.jurisdictionCode = jurisdictionCode
        self.name = name
        self.post = post
        self.portfolio = portfolio
    }
}

extension Leader {
    /// Protocol order for lists of leaders: the head (县长, 市长 …) first, then the executive
    /// deputy (常务副…), then other deputies, then everyone else; name breaks ties.
    public var precedence: Int {
        if post.hasPrefix("常务副") { return 1 }
        if post.contains("副") { return 2 }
        if post.hasSuffix("长") { return 0 }
        return 3
    }

    public static func protocolOrder(_ lhs: Leader, _ rhs: Leader) -> Bool {
        (lhs.precedence, lhs.post.count, lhs.name) < (rhs.precedence, rhs.post.count, rhs.name)
    }
}
