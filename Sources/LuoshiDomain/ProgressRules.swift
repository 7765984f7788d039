import Foundation

/// A jurisdiction's named, versioned thresholds for statuses and colours (e.g. "371323-2023-v1").
/// Every computed status and colour names the rule set it came from.
public struct RuleSet: Sendable, Hashable, Codable {
    public var name: String
    /// Green while verified progress is at most this many points below expected.
    public var yellowFrom: Double
    /// Red when more than this many points below expected.
    public var redFrom: Double
    /// 超进度 at this many points above expected or more.
    public var aheadFrom: Double
    /// Blue when an unfinished task's deadline is this many days away or fewer.
    public var blueWithinDays: Int

    public init(name: String, yellowFrom: Double = 10, redFrom: Double = 30, aheadFrom: Double = 10, blueWithinDays: Int = 15) {
        self.name = name
        self.yellowFrom = yellowFrom
        self.redFrom = redFrom
        self.aheadFrom = aheadFrom
        self.blueWithinDays = blueWithinDays
    }

    /// The defaults seen in real offices, named for the jurisdiction and year.
    public static func standard(jurisdiction: String, year: Int) -> RuleSet {
        RuleSet(name: "\(jurisdiction)-\(year)-v1")
    }

    /// Why these thresholds cannot be used; empty when they can.
    public var problems: [DomainError] {
        var problems: [DomainError] = []
        if name.isBlank || name.count > 64 { problems.append(.invalid("name", zh: "规则名称应为 1–64 字", en: "A rule set name has 1–64 characters")) }
        if !(0 < yellowFrom && yellowFrom < redFrom && redFrom <= 100) {
            problems.append(.invalid("redFrom", zh: "应满足 0 < 黄灯阈值 < 红灯阈值 ≤ 100", en: "Need 0 < yellow threshold < red threshold ≤ 100"))
        }
        if !(0 < aheadFrom && aheadFrom <= 100) { problems.append(.invalid("aheadFrom", zh: "超进度阈值应在 0–100 之间", en: "The ahead threshold is between 0 and 100")) }
        if !(0...90).contains(blueWithinDays) { problems.append(.invalid("blueWithinDays", zh: "临期天数应在 0–90 之间", en: "Days before a deadline is between 0 and 90")) }
        return problems
    }
}

/// 任务状态: the words offices use.
public enum ProgressStatus: String, Sendable, Codable, CaseIterable {
    case notStarted, onTrack, ahead, lagging, completed, overdue, missing

    public var text: LocalizedText {
        switch self {
        case .notStarted: LocalizedText(zh: "未启动", en: "Not started")
        case .onTrack: LocalizedText(zh: "序时推进", en: "On track")
        case .ahead: LocalizedText(zh: "超进度", en: "Ahead")
        case .lagging: LocalizedText(zh: "进度滞后", en: "Lagging")
        case .completed: LocalizedText(zh: "已完成", en: "Completed")
        case .overdue: LocalizedText(zh: "逾期未完成", en: "Overdue")
        case .missing: LocalizedText(zh: "未报送", en: "Report missing")
        }
    }
}

/// 红黄绿灯 (and blue for a deadline close by).
public enum Colour: String, Sendable, Codable, CaseIterable, Comparable {
    case green, blue, yellow, red

    /// Worse colours compare greater: green < blue < yellow < red.
    public static func < (lhs: Colour, rhs: Colour) -> Bool { lhs.severity < rhs.severity }

    var severity: Int {
        switch self {
        case .green: 0
        case .blue: 1
        case .yellow: 2
        case .red: 3
        }
    }

    public var text: LocalizedText {
        switch self {
        case .green: LocalizedText(zh: "绿灯", en: "green")
        case .blue: LocalizedText(zh: "蓝灯", en: "blue")
        case .yellow: LocalizedText(zh: "黄灯", en: "yellow")
        case .red: LocalizedText(zh: "红灯", en: "red")
        }
    }
}

/// Expected progress (序时进度), status and colour of a task as of a date, each with its explanation.
public enum ProgressRules {
    /// What the expected progress is based on, for the explanation.
    public enum Basis: Sendable, Hashable {
        /// Months of the year elapsed (an ongoing task without quarterly points).
        case yearElapsed(months: Int)
        /// The charter's quarterly points, interpolated by month.
        case charter(months: Int)
        /// Linear from the start of the year to the deadline, by day.
        case linear(days: Int, of: Int)
    }

    /// What the rules need to know about a task.
    public struct TaskFacts: Sendable, Hashable {
        public var kind: TaskKind
        public var year: Int
        public var deadline: CalendarDate?
        /// The approved charter's expected % at the end of Q1–Q4, if any.
        public var quarterPercents: [Int]?

        public init(kind: TaskKind, year: Int, deadline: CalendarDate?, quarterPercents: [Int]? = nil) {
            self.kind = kind
            self.year = year
            self.deadline = deadline
            self.quarterPercents = quarterPercents
        }

        public init(_ task: PlanTask, year: Int, quarterPercents: [Int]? = nil) {
            self.init(kind: task.kind, year: year, deadline: task.deadline, quarterPercents: quarterPercents)
        }
    }

    /// Full months of `year` elapsed on `date`: a month counts once its last day is reached.
    public static func monthsElapsed(year: Int, on date: CalendarDate) -> Int {
        if date.year < year { return 0 }
        if date.year > year { return 12 }
        let lastDay = CalendarDate.daysIn(month: date.month, year: date.year)
        return date.day >= lastDay ? date.month : date.month - 1
    }

    /// 序时进度 in percent (0–100) as of `date`, and what it rests on.
    public static func expected(_ task: TaskFacts, on date: CalendarDate) -> (percent: Double, basis: Basis) {
        let months = monthsElapsed(year: task.year, on: date)
        if let points = task.quarterPercents, points.count == 4 {
            return (interpolate(points, months: months), .charter(months: months))
        }
        switch task.kind {
        case .ongoing:
            return (Double(months) / 12 * 100, .yearElapsed(months: months))
        case .phased:
            guard let deadline = task.deadline, let start = CalendarDate(year: task.year, month: 1, day: 1) else {
                return (Double(months) / 12 * 100, .yearElapsed(months: months))
            }
            let total = max(1, start.days(to: deadline) + 1)
            let elapsed = min(total, max(0, start.days(to: date) + 1))
            return (Double(elapsed) / Double(total) * 100, .linear(days: elapsed, of: total))
        }
    }

    /// The charter's points (0 at the start of the year, then each quarter's end) read at `months`.
    static func interpolate(_ points: [Int], months: Int) -> Double {
        let quarter = months / 3
        let before = quarter == 0 ? 0.0 : Double(points[quarter - 1])
        guard quarter < 4 else { return Double(points[3]) }
        let after = Double(points[quarter])
        return before + (after - before) * Double(months % 3) / 3
    }

    /// One task's standing as of a date.
    public struct Assessment: Sendable, Hashable {
        public var expected: Double
        public var verified: Double?
        public var status: ProgressStatus
        public var colour: Colour
        /// What the explanation is written from; the text itself is built only when asked for.
        var basis: Basis
        var date: CalendarDate
        var deadline: CalendarDate?
        var overdue: Bool
        var rulesName: String
        var blueWithinDays: Int

        /// e.g. "应达序时进度 58.3%（2023-08-25，全年已过 7/12），核实进度 35%，低 23.3 个百分点 → 黄灯，进度滞后（规则 371323-2023-v1）"
        public var explanation: LocalizedText {
            explain(expected: expected, basis: basis, date: date, verified: verified, progress: min(100, max(0, verified ?? 0)),
                    deadline: deadline, overdue: overdue, status: status, colour: colour, rulesName: rulesName, blueWithinDays: blueWithinDays)
        }
    }

    /// Status and colour of a task with `verified` progress (nil: never verified) as of `date`.
    /// `reportMissing` marks a round whose report for the task was not submitted.
    public static func assess(_ task: TaskFacts, verified: Double?, reportMissing: Bool = false, on date: CalendarDate,
                              rules: RuleSet) -> Assessment {
        let (expected, basis) = expected(task, on: date)
        let progress = min(100, max(0, verified ?? 0))
        let gap = expected - progress
        let overdue = progress < 100 && task.deadline.map { $0 < date } == true
        let colour: Colour
        if progress >= 100 { colour = .green }
        else if overdue || gap > rules.redFrom { colour = .red }
        else if gap > rules.yellowFrom { colour = .yellow }
        else if let deadline = task.deadline, date.days(to: deadline) <= rules.blueWithinDays { colour = .blue }
        else { colour = .green }
        let status: ProgressStatus
        if progress >= 100 { status = .completed }
        else if overdue { status = .overdue }
        else if reportMissing { status = .missing }
        else if progress == 0 && verified.map({ $0 <= 0 }) ?? true { status = .notStarted }
        else if -gap >= rules.aheadFrom { status = .ahead }
        else if gap > rules.yellowFrom { status = .lagging }
        else { status = .onTrack }
        return Assessment(expected: expected, verified: verified, status: status, colour: colour, basis: basis, date: date,
                          deadline: task.deadline, overdue: overdue, rulesName: rules.name, blueWithinDays: rules.blueWithinDays)
    }

    /// A percentage as offices write it: one decimal at most (58.3, 50).
    public static func percentText(_ value: Double) -> String {
        // Integer arithmetic: String(format:) is slow on Linux and this runs for every ledger cell.
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    static func explain(expected: Double, basis: Basis, date: CalendarDate, verified: Double?, progress: Double, deadline: CalendarDate?,
                        overdue: Bool, status: ProgressStatus, colour: Colour, rulesName: String, blueWithinDays: Int) -> LocalizedText {
        let (basisZh, basisEn): (String, String) = switch basis {
        case .yearElapsed(let months): ("全年已过 \(months)/12", "\(months)/12 of the year gone")
        case .charter(let months): ("按任务书季度目标，已过 \(months) 个月", "by the charter's quarterly targets, \(months) months gone")
        case .linear(let days, let total): ("至完成时限已过 \(days)/\(total) 天", "\(days) of \(total) days to the deadline gone")
        }
        let head = LocalizedText(zh: "应达序时进度 \(percentText(expected))%（\(date.iso)，\(basisZh)）",
                                 en: "Expected \(percentText(expected))% (\(date.iso), \(basisEn))")
        let reading: LocalizedText = if verified == nil {
            LocalizedText(zh: "尚无核实进度（按 0% 计）", en: "no verified progress yet (taken as 0%)")
        } else if progress >= 100 {
            LocalizedText(zh: "核实进度 100%，已完成", en: "verified 100%, completed")
        } else if overdue, let deadline {
            LocalizedText(zh: "核实进度 \(percentText(progress))%，已过完成时限 \(deadline.iso)", en: "verified \(percentText(progress))%, past the deadline \(deadline.iso)")
        } else if progress < expected {
            LocalizedText(zh: "核实进度 \(percentText(progress))%，低 \(percentText(expected - progress)) 个百分点",
                          en: "verified \(percentText(progress))%, \(percentText(expected - progress)) points below")
        } else {
            LocalizedText(zh: "核实进度 \(percentText(progress))%，高 \(percentText(progress - expected)) 个百分点",
                          en: "verified \(percentText(progress))%, \(percentText(progress - expected)) points above")
        }
        let blue: LocalizedText? = colour == .blue ? deadline.map {
            LocalizedText(zh: "，距完成时限 \($0.iso) 不足 \(blueWithinDays) 天", en: ", deadline \($0.iso) within \(blueWithinDays) days")
        } : nil
        return LocalizedText(
            zh: "\(head.zh)，\(reading.zh)\(blue?.zh ?? "") → \(colour.text.zh)，\(status.text.zh)（规则 \(rulesName)）",
            en: "\(head.en); \(reading.en)\(blue?.en ?? "") → \(colour.text.en), \(status.text.en.lowercased()) (rules \(rulesName))")
    }

    /// The day progress would reach 100% at the pace of the verified history (date, percent),
    /// counting from 0% at the start of `year`; nil when there is no pace to go by.
    public static func projectedCompletion(history: [(date: CalendarDate, progress: Double)], year: Int) -> CalendarDate? {
        guard let start = CalendarDate(year: year, month: 1, day: 1) else { return nil }
        let points = [(date: start, progress: 0.0)] + history.sorted { $0.date < $1.date }
        guard let last = points.last, last.progress < 100 else { return points.last.map { $0.date } }
        // The pace over the last two points; with one report, since the start of the year.
        let previous = points[points.count - 2]
        let days = previous.date.days(to: last.date)
        let gained = last.progress - previous.progress
        guard days > 0, gained > 0 else { return nil }
        return last.date.adding(days: Int(((100 - last.progress) / gained * Double(days)).rounded(.up)))
    }

    /// 预计难以按期完成: the pace of the history does not reach 100% by the deadline (or, for an
    /// ongoing task, by the end of the year), while the task is not yet finished.
    public static func likelyToMiss(_ task: TaskFacts, history: [(date: CalendarDate, progress: Double)]) -> Bool {
        guard let latest = history.max(by: { $0.date < $1.date }), latest.progress < 100 else { return false }
        guard let due = task.deadline ?? CalendarDate(year: task.year, month: 12, day: 31) else { return false }
        guard let projected = projectedCompletion(history: history, year: task.year) else { return true }
        return due < projected
    }
}

extension CalendarDate {
    /// Days from this date to `other` (negative when `other` is earlier).
    public func days(to other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// The moment `hour`:00 Beijing time (UTC+8) on this date.
    public func beijing(hour: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(dayNumber * 86_400 + (hour - 8) * 3_600))
    }

    /// This date moved by `days`.
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic without time zones.
    var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self = CalendarDate(year: year, month: month, day: day) ?? CalendarDate(year: 1970, month: 1, day: 1)!
    }
}
