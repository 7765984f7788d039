import Foundation

/// 考核: each lead unit's score for a month (a round) from weighted criteria — reports on time,
/// verified progress against expected, red and yellow lights, rectifications closed on time,
/// criticisms — with the breakdown that explains it; the year's score is the mean of the months;
/// the ranking marks the top band 优秀. Pure.
public enum Assessment {
    public enum Criterion: String, Sendable, Codable, CaseIterable {
        case onTime, progress, lights, rectification, criticism

        public var title: LocalizedText {
            switch self {
            case .onTime: LocalizedText(zh: "按时报送", en: "Reports on time")
            case .progress: LocalizedText(zh: "推进进度", en: "Progress against expected")
            case .lights: LocalizedText(zh: "红黄灯", en: "Red and yellow lights")
            case .rectification: LocalizedText(zh: "按期整改", en: "Rectifications on time")
            case .criticism: LocalizedText(zh: "通报批评", en: "Criticisms")
            }
        }
    }

    /// The weights (the most points each criterion gives) and the deductions.
    public struct Weights: Sendable, Hashable {
        public var points: [Criterion: Double]
        /// Points off the lights criterion per red and per yellow light.
        public var perRed: Double
        public var perYellow: Double
        /// Points off the criticism criterion per criticism.
        public var perCriticism: Double
        /// The share of ranked units rated 优秀 (0…1).
        public var excellentShare: Double

        public init(points: [Criterion: Double] = [.onTime: 30, .progress: 40, .lights: 15, .rectification: 10, .criticism: 5],
                    perRed: Double = 3, perYellow: Double = 1, perCriticism: Double = 5, excellentShare: Double = 0.2) {
            self.points = points
            self.perRed = perRed
            self.perYellow = perYellow
            self.perCriticism = perCriticism
            self.excellentShare = excellentShare
        }

        public static let standard = Weights()

        public func weight(_ criterion: Criterion) -> Double { points[criterion] ?? 0 }

        /// Reads "onTime=30,progress=40,lights=15,rectification=10,criticism=5" (any subset; the
        /// rest keep their defaults). Each weight is a number from 0 to 100.
        public static func parse(_ text: String) -> Result<Weights, DomainError> {
            var weights = Weights.standard
            for pair in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !pair.isEmpty {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let criterion = Criterion(rawValue: parts[0]), let value = Double(parts[1]), (0...100).contains(value) else {
                    return .failure(.invalid("LUOSHI_ASSESSMENT_WEIGHTS", zh: "考核权重“\(pair)”应写作 名称=0–100 的数，名称为 \(Criterion.allCases.map(\.rawValue).joined(separator: "、"))",
                                             en: "Assessment weight \"\(pair)\" is name=number (0–100), name one of \(Criterion.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
                weights.points[criterion] = value
            }
            return .success(weights)
        }
    }

    /// One led task as of the round's due date.
    public struct TaskFact: Sendable, Hashable {
        public var expected: Double
        public var verified: Double?
        public var colour: Colour

        public init(expected: Double, verified: Double?, colour: Colour) {
            self.expected = expected
            self.verified = verified
            self.colour = colour
        }
    }

    /// What a unit did in one round.
    public struct UnitFacts: Sendable, Hashable {
        public var unitID: UUID
        public var unitName: String
        public var reportsDue: Int
        public var reportsOnTime: Int
        public var tasks: [TaskFact]
        public var rectificationsDue: Int
        public var rectificationsOnTime: Int
        public var criticisms: Int

        public init(unitID: UUID, unitName: String, reportsDue: Int, reportsOnTime: Int, tasks: [TaskFact], rectificationsDue: Int,
                    rectificationsOnTime: Int, criticisms: Int) {
            self.unitID = unitID
            self.unitName = unitName
            self.reportsDue = reportsDue
            self.reportsOnTime = reportsOnTime
            self.tasks = tasks
            self.rectificationsDue = rectificationsDue
            self.rectificationsOnTime = rectificationsOnTime
            self.criticisms = criticisms
        }
    }

    /// A 督办 step as the assessment sees it: a rectification's deadline and the day it was
    /// closed, or the day a criticism was recorded.
    public struct Step: Sendable, Hashable {
        public var kind: Supervision.Kind
        public var deadline: CalendarDate?
        public var closedOn: CalendarDate?
        public var createdOn: CalendarDate?

        public init(kind: Supervision.Kind, deadline: CalendarDate?, closedOn: CalendarDate?, createdOn: CalendarDate?) {
            self.kind = kind
            self.deadline = deadline
            self.closedOn = closedOn
            self.createdOn = createdOn
        }
    }

    /// A unit's facts in the round of `month`: its reports (on time: handed in and not late), the
    /// tasks it leads in `rows`, its rectifications due that month (on time: closed by the
    /// deadline) and its criticisms recorded that month.
    public static func facts(unit: Unit, month: YearMonth, reports: [Bulletin.ReportFact], rows: [Ledger.Row], steps: [Step]) -> UnitFacts {
        let mine = reports.filter { $0.unitID == unit.id }
        func inMonth(_ date: CalendarDate?) -> Bool { date.map { YearMonth(year: $0.year, month: $0.month) == month } ?? false }
        let rectifications = steps.filter { $0.kind == .rectification && inMonth($0.deadline) }
        return UnitFacts(
            unitID: unit.id, unitName: unit.shortName, reportsDue: mine.count, reportsOnTime: mine.count { $0.submitted && !$0.late },
            tasks: rows.filter { $0.task.leadUnitIDs.contains(unit.id) }.map { .init(expected: $0.expected, verified: $0.verified, colour: $0.colour) },
            rectificationsDue: rectifications.count,
            rectificationsOnTime: rectifications.count { step in
                guard let closed = step.closedOn, let deadline = step.deadline else { return false }
                return closed <= deadline
            },
            criticisms: steps.count { $0.kind == .criticism && inMonth($0.createdOn) })
    }

    /// One criterion's points, its most, and why.
    public struct Part: Sendable, Hashable {
        public var criterion: Criterion
        public var points: Double
        public var maximum: Double
        public var detail: LocalizedText

        public init(criterion: Criterion, points: Double, maximum: Double, detail: LocalizedText) {
            self.criterion = criterion
            self.points = points
            self.maximum = maximum
            self.detail = detail
        }
    }

    public struct Score: Sendable, Hashable {
        public var unitID: UUID
        public var unitName: String
        public var total: Double
        public var parts: [Part]

        public init(unitID: UUID, unitName: String, total: Double, parts: [Part]) {
            self.unitID = unitID
            self.unitName = unitName
            self.total = total
            self.parts = parts
        }

        public func points(_ criterion: Criterion) -> Double { parts.first { $0.criterion == criterion }?.points ?? 0 }
    }

    static func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// A unit's score for one round.
    public static func score(_ facts: UnitFacts, weights: Weights = .standard) -> Score {
        var parts: [Part] = []
        let onTimeShare = facts.reportsDue == 0 ? 1 : Double(facts.reportsOnTime) / Double(facts.reportsDue)
        parts.append(Part(criterion: .onTime, points: round1(weights.weight(.onTime) * onTimeShare), maximum: weights.weight(.onTime),
                          detail: LocalizedText(zh: "应报 \(facts.reportsDue) 份，按时 \(facts.reportsOnTime) 份",
                                                en: "\(facts.reportsOnTime) of \(facts.reportsDue) reports on time")))
        let ratios = facts.tasks.map { task in task.expected <= 0 ? 1 : min(1, (task.verified ?? 0) / task.expected) }
        let progress = ratios.isEmpty ? 1 : ratios.reduce(0, +) / Double(ratios.count)
        parts.append(Part(criterion: .progress, points: round1(weights.weight(.progress) * progress), maximum: weights.weight(.progress),
                          detail: LocalizedText(zh: "\(facts.tasks.count) 项任务核实进度平均达到序时进度的 \(ProgressRules.percentText(progress * 100))%",
                                                en: "Verified progress of \(facts.tasks.count) tasks averages \(ProgressRules.percentText(progress * 100))% of expected")))
        let red = facts.tasks.count { $0.colour == .red }, yellow = facts.tasks.count { $0.colour == .yellow }
        let lights = max(0, weights.weight(.lights) - Double(red) * weights.perRed - Double(yellow) * weights.perYellow)
        parts.append(Part(criterion: .lights, points: round1(lights), maximum: weights.weight(.lights),
                          detail: LocalizedText(zh: "红灯 \(red) 项、黄灯 \(yellow) 项", en: "\(red) red, \(yellow) yellow")))
        let rectified = facts.rectificationsDue == 0 ? 1 : Double(facts.rectificationsOnTime) / Double(facts.rectificationsDue)
        parts.append(Part(criterion: .rectification, points: round1(weights.weight(.rectification) * rectified), maximum: weights.weight(.rectification),
                          detail: facts.rectificationsDue == 0 ? LocalizedText(zh: "本期无到期整改事项", en: "No rectification due")
                              : LocalizedText(zh: "到期整改 \(facts.rectificationsDue) 项，按期销号 \(facts.rectificationsOnTime) 项",
                                              en: "\(facts.rectificationsOnTime) of \(facts.rectificationsDue) rectifications closed on time")))
        let criticism = max(0, weights.weight(.criticism) - Double(facts.criticisms) * weights.perCriticism)
        parts.append(Part(criterion: .criticism, points: round1(criticism), maximum: weights.weight(.criticism),
                          detail: LocalizedText(zh: "通报批评 \(facts.criticisms) 次", en: "\(facts.criticisms) criticism(s)")))
        return Score(unitID: facts.unitID, unitName: facts.unitName, total: round1(parts.map(\.points).reduce(0, +)), parts: parts)
    }

    /// The year's score of each unit: the mean of its monthly scores, criterion by criterion.
    public static func year(_ months: [[Score]]) -> [Score] {
        var byUnit: [UUID: [Score]] = [:]
        var order: [UUID] = []
        for month in months {
            for score in month {
                if byUnit[score.unitID] == nil { order.append(score.unitID) }
                byUnit[score.unitID, default: []].append(score)
            }
        }
        return order.compactMap { id in
            guard let scores = byUnit[id], let first = scores.first else { return nil }
            let parts = first.parts.map { part in
                Part(criterion: part.criterion, points: round1(scores.map { $0.points(part.criterion) }.reduce(0, +) / Double(scores.count)),
                     maximum: part.maximum, detail: LocalizedText(zh: "\(scores.count) 个月平均", en: "Mean of \(scores.count) months"))
            }
            return Score(unitID: id, unitName: first.unitName, total: round1(parts.map(\.points).reduce(0, +)), parts: parts)
        }
    }

    public struct Ranked: Sendable, Hashable {
        public var score: Score
        /// Equal totals share a rank (1, 2, 2, 4).
        public var rank: Int
        public var excellent: Bool
    }

    /// Highest total first (ties by name); the top `excellentShare` of units (rounded down, at
    /// least one) are 优秀, and so is anyone tied with the last of them.
    public static func rank(_ scores: [Score], excellentShare: Double) -> [Ranked] {
        let sorted = scores.sorted { ($0.total, $1.unitName) > ($1.total, $0.unitName) }
        let band = sorted.isEmpty || excellentShare <= 0 ? 0 : max(1, Int((Double(sorted.count) * min(1, excellentShare)).rounded(.down)))
        let threshold = band > 0 ? sorted[band - 1].total : .infinity
        var ranked: [Ranked] = []
        for (index, score) in sorted.enumerated() {
            let rank = index > 0 && ranked[index - 1].score.total == score.total ? ranked[index - 1].rank : index + 1
            ranked.append(Ranked(score: score, rank: rank, excellent: score.total >= threshold))
        }
        return ranked
    }
}
