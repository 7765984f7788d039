import Foundation

/// 规则设置: the office of a jurisdiction sets its thresholds and the day reports are due each
/// month, for a year. Each save is a new version, named "{code}-{year}-v{n}"; the newest is used
/// and its name appears in every explanation.
public struct DispatchSettings: Sendable, Hashable {
    public var rules: RuleSet
    /// Day of the month reports are due when a round is opened without a date.
    public var roundDueDay: Int
    public var version: Int

    public init(rules: RuleSet, roundDueDay: Int = Dispatch.defaultDueDay, version: Int) {
        self.rules = rules
        self.roundDueDay = roundDueDay
        self.version = version
    }

    public static func name(jurisdiction: String, year: Int, version: Int) -> String { "\(jurisdiction)-\(year)-v\(version)" }

    /// Version 1: the defaults seen in real offices.
    public static func standard(jurisdiction: String, year: Int) -> DispatchSettings {
        DispatchSettings(rules: .standard(jurisdiction: jurisdiction, year: year), version: 1)
    }

    /// The form as typed.
    public struct Form: Sendable, Hashable {
        public var yellowFrom: String
        public var redFrom: String
        public var aheadFrom: String
        public var blueWithinDays: String
        public var roundDueDay: String
        public var note: String

        public init(yellowFrom: String, redFrom: String, aheadFrom: String, blueWithinDays: String, roundDueDay: String, note: String = "") {
            self.yellowFrom = yellowFrom
            self.redFrom = redFrom
            self.aheadFrom = aheadFrom
            self.blueWithinDays = blueWithinDays
            self.roundDueDay = roundDueDay
            self.note = note
        }

        public init(_ settings: DispatchSettings) {
            self.init(yellowFrom: ProgressRules.percentText(settings.rules.yellowFrom), redFrom: ProgressRules.percentText(settings.rules.redFrom),
                      aheadFrom: ProgressRules.percentText(settings.rules.aheadFrom), blueWithinDays: String(settings.rules.blueWithinDays),
                      roundDueDay: String(settings.roundDueDay))
        }
    }

    /// The next version from `form`, after `current`; every problem names its field.
    public static func next(after current: DispatchSettings, jurisdiction: String, year: Int, form: Form) -> Result<(DispatchSettings, note: String), Problems> {
        var problems: [DomainError] = []
        func points(_ text: String, _ field: String, _ zh: String, _ en: String) -> Double {
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                problems.append(.invalid(field, zh: "\(zh)应为数字（百分点）", en: "\(en) must be a number of percentage points"))
                return 0
            }
            return value
        }
        func whole(_ text: String, _ field: String, _ range: ClosedRange<Int>, _ zh: String, _ en: String) -> Int {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
                problems.append(.invalid(field, zh: "\(zh)应为 \(range.lowerBound)–\(range.upperBound) 的整数", en: "\(en) is a whole number from \(range.lowerBound) to \(range.upperBound)"))
                return range.lowerBound
            }
            return value
        }
        let version = current.version + 1
        let rules = RuleSet(name: name(jurisdiction: jurisdiction, year: year, version: version),
                            yellowFrom: points(form.yellowFrom, "yellowFrom", "黄灯阈值", "The yellow threshold"),
                            redFrom: points(form.redFrom, "redFrom", "红灯阈值", "The red threshold"),
                            aheadFrom: points(form.aheadFrom, "aheadFrom", "超进度阈值", "The ahead threshold"),
                            blueWithinDays: whole(form.blueWithinDays, "blueWithinDays", 0...90, "临期天数", "Days before a deadline"))
        let dueDay = whole(form.roundDueDay, "roundDueDay", 1...28, "每月报送截止日", "The monthly due day")
        let note = form.note.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.isEmpty || note.count > 500 {
            problems.append(.missing("note", zh: "请写明调整原因（不超过 500 字）", en: "Give the reason for the change (at most 500 characters)"))
        }
        if problems.isEmpty { problems = rules.problems }
        guard problems.isEmpty else { return .failure(Problems(problems)) }
        return .success((DispatchSettings(rules: rules, roundDueDay: dueDay, version: version), note))
    }
}
