import Foundation

/// 台账: every task of a plan with its latest verified progress, status, colour and explanation as
/// of a date. Colours rest on verified values; reported ones are shown beside them.
public enum Ledger {
    /// What the office verified (and the unit reported) for one task in one round.
    public struct Evidence: Sendable, Hashable {
        public var roundDue: CalendarDate
        public var verified: Double?
        public var reported: Double?

        public init(roundDue: CalendarDate, verified: Double?, reported: Double?) {
            self.roundDue = roundDue
            self.verified = verified
            self.reported = reported
        }
    }

    public struct Row: Sendable, Hashable {
        public var task: PlanTask
        public var reported: Double?
        public var assessment: ProgressRules.Assessment
        public var likelyToMiss: Bool

        public var expected: Double { assessment.expected }
        public var verified: Double? { assessment.verified }
        public var status: ProgressStatus { assessment.status }
        public var colour: Colour { assessment.colour }
        public var explanation: LocalizedText { assessment.explanation }
    }

    /// The rows for `tasks` of a plan for `year` as of `asOf`. `evidence` holds each task's rounds
    /// (one entry per round: the lowest verified value among its lead units, the lowest reported);
    /// `missing` the tasks whose report is missing in the latest round due by `asOf`.
    public static func rows(tasks: [PlanTask], year: Int, asOf: CalendarDate, rules: RuleSet,
                            quarterPercents: [UUID: [Int]] = [:], evidence: [UUID: [Evidence]], missing: Set<UUID>) -> [Row] {
        tasks.map { task in
            let known = (evidence[task.id] ?? []).filter { $0.roundDue <= asOf }.sorted { $0.roundDue < $1.roundDue }
            let verifiedHistory = known.compactMap { item in item.verified.map { (date: item.roundDue, progress: $0) } }
            let verified = verifiedHistory.last?.progress
            let reported = known.last(where: { $0.reported != nil })?.reported
            let facts = ProgressRules.TaskFacts(task, year: year, quarterPercents: quarterPercents[task.id])
            let assessment = ProgressRules.assess(facts, verified: verified, reportMissing: missing.contains(task.id), on: asOf, rules: rules)
            return Row(task: task, reported: reported, assessment: assessment,
                       likelyToMiss: assessment.colour != .red && ProgressRules.likelyToMiss(facts, history: verifiedHistory))
        }
    }

    /// What the ledger can be narrowed to.
    public struct Filter: Sendable, Hashable {
        public var part: Int?
        public var unitID: UUID?
        public var leaderID: UUID?
        public var colour: Colour?
        public var status: ProgressStatus?
        public var text: String?

        public init(part: Int? = nil, unitID: UUID? = nil, leaderID: UUID? = nil, colour: Colour? = nil, status: ProgressStatus? = nil, text: String? = nil) {
            self.part = part
            self.unitID = unitID
            self.leaderID = leaderID
            self.colour = colour
            self.status = status
            self.text = text
        }

        public func matches(_ row: Row) -> Bool {
            if let part, row.task.number.part != part { return false }
            if let unitID, !row.task.leadUnitIDs.contains(unitID) && !row.task.cooperatingUnitIDs.contains(unitID) { return false }
            if let leaderID, !row.task.leaderIDs.contains(leaderID) { return false }
            if let colour, row.colour != colour { return false }
            if let status, row.status != status { return false }
            if let text = text?.nonBlank, !row.task.content.localizedCaseInsensitiveContains(text) { return false }
            return true
        }
    }
}
