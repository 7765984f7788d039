import Foundation

/// 月通报的数字: the counts and shares a monthly bulletin states — overall, by part, by leader's
/// portfolio and by lead unit — and its lists of lagging and overdue tasks, all from the ledger
/// rows of a round (verified values). Pure; the bulletin itself (frozen snapshot, numbering,
/// Word file) builds on these.
public enum BulletinFigures {
    /// How many tasks are in each state, and of how many.
    public struct Tally: Sendable, Hashable, Codable {
        public var total = 0
        public var completed = 0
        public var ahead = 0
        public var onTrack = 0
        public var lagging = 0
        public var overdue = 0
        public var notStarted = 0
        public var missing = 0

        public init() {}

        public mutating func add(_ status: ProgressStatus) {
            total += 1
            switch status {
            case .completed: completed += 1
            case .ahead: ahead += 1
            case .onTrack: onTrack += 1
            case .lagging: lagging += 1
            case .overdue: overdue += 1
            case .notStarted: notStarted += 1
            case .missing: missing += 1
            }
        }

        /// `count` as a percentage of the total, to one decimal ("12.1"); "0" of none.
        public func share(_ count: Int) -> String {
            total == 0 ? "0" : ProgressRules.percentText(Double(count) * 100 / Double(total))
        }
    }

    /// A group's title and tally.
    public struct Line: Sendable, Hashable, Codable {
        public var title: String
        public var tally: Tally

        public init(title: String, tally: Tally) {
            self.title = title
            self.tally = tally
        }
    }

    public static func tally(_ rows: [Ledger.Row]) -> Tally {
        rows.reduce(into: Tally()) { $0.add($1.status) }
    }

    /// One line per part, in order.
    public static func byPart(_ rows: [Ledger.Row], parts: [Part]) -> [Line] {
        parts.sorted { $0.number < $1.number }.map { part in
            Line(title: part.title, tally: tally(rows.filter { $0.task.number.part == part.number }))
        }
    }

    /// One line per leader with tasks: a task counts under each of its leaders.
    public static func byLeader(_ rows: [Ledger.Row], leaders: [Leader]) -> [Line] {
        leaders.compactMap { leader in
            let mine = rows.filter { $0.task.leaderIDs.contains(leader.id) }
            return mine.isEmpty ? nil : Line(title: "\(leader.post)\(leader.name)", tally: tally(mine))
        }
    }

    /// One line per lead unit with tasks: a task counts under each of its lead units.
    public static func byUnit(_ rows: [Ledger.Row], units: [Unit]) -> [Line] {
        units.compactMap { unit in
            let mine = rows.filter { $0.task.leadUnitIDs.contains(unit.id) }
            return mine.isEmpty ? nil : Line(title: unit.shortName, tally: tally(mine))
        }
    }

    /// The tasks in `status`, by number.
    public static func tasks(_ rows: [Ledger.Row], in status: ProgressStatus) -> [Ledger.Row] {
        rows.filter { $0.status == status }.sorted { $0.task.number < $1.task.number }
    }

    /// The next issue number (第N期) of a jurisdiction's year, after those already published.
    public static func nextIssue(after published: [Int]) -> Int { (published.max() ?? 0) + 1 }
}
