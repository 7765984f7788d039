import Foundation

/// A month of a year, written "2023-04": the month a reporting round covers.
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses exactly "YYYY-MM".
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }

    public var description: String { month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)" }
    /// 2023年4月
    public var chinese: String { "\(year)年\(month)月" }
    public var lastDay: CalendarDate { CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))! }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = YearMonth(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a month as YYYY-MM, got \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// 月调度: reporting rounds, progress reports and their verification.
public enum Dispatch {
    public enum RoundStatus: String, Sendable, Codable, CaseIterable { case open, closed }

    /// A report's life: 草稿 → 已报送 → 已核实, or 已退回 and resubmitted.
    public enum ReportStatus: String, Sendable, Codable, CaseIterable { case draft, submitted, returned, accepted }

    /// Where one lead unit's report for one task stands in a round, as the office's pipeline shows it.
    public enum Stage: String, Sendable, Codable, CaseIterable {
        case notStarted, draft, submitted, returned, accepted, missing
    }

    /// The default due day of a round (often the 25th).
    public static let defaultDueDay = 25

    /// The round for `month` of an issued plan of `year`, due on `dueDate` (empty: the due day of
    /// that month); refused when the month already has a round.
    public static func round(month text: String, dueDate: String, dueDay: Int = defaultDueDay, planStatus: Plan.Status, planYear: Int,
                             existing: Set<YearMonth>) -> Result<(YearMonth, CalendarDate), Problems> {
        guard planStatus == .issued else {
            return .failure(Problems([DomainError(.conflict, zh: "方案印发后才能开展月调度", en: "Rounds start once the plan is issued", field: "month")]))
        }
        guard let month = YearMonth(text.trimmingCharacters(in: .whitespaces)), month.year == planYear else {
            return .failure(Problems([.invalid("month", zh: "调度月份应写作 YYYY-MM，且在方案年度 \(planYear) 内", en: "The month is YYYY-MM within \(planYear)")]))
        }
        if existing.contains(month) {
            return .failure(Problems([DomainError(.duplicate, zh: "\(month.chinese)的调度已经开展", en: "\(month) already has a round", field: "month")]))
        }
        let due: CalendarDate
        if let written = dueDate.nonBlank {
            guard let parsed = CalendarDate(iso: written) else {
                return .failure(Problems([.invalid("dueDate", zh: "报送截止日期应写作 YYYY-MM-DD", en: "Write the due date as YYYY-MM-DD")]))
            }
            due = parsed
        } else {
            due = CalendarDate(year: month.year, month: month.month, day: min(dueDay, CalendarDate.daysIn(month: month.month, year: month.year)))!
        }
        let earliest = CalendarDate(year: month.year, month: month.month, day: 1)!
        guard earliest <= due, due.days(to: month.lastDay) >= -31 else {
            return .failure(Problems([.invalid("dueDate", zh: "截止日期应在调度月份内或次月", en: "The due date is within the month or the next")]))
        }
        return .success((month, due))
    }

    /// What a lead unit writes each month for a task.
    public struct ReportForm: Sendable, Hashable {
        public var workDone: String
        public var progress: String
        public var milestonesReached: String
        public var problems: String
        public var nextPlan: String
        public var selfStatus: String

        public init(workDone: String = "", progress: String = "", milestonesReached: String = "", problems: String = "",
                    nextPlan: String = "", selfStatus: String = "") {
            self.workDone = workDone
            self.progress = progress
            self.milestonesReached = milestonesReached
            self.problems = problems
            self.nextPlan = nextPlan
            self.selfStatus = selfStatus
        }
    }

    /// A report as it is stored, once its form reads cleanly.
    public struct Report: Sendable, Hashable {
        public var workDone: String
        public var progress: Int?
        public var milestonesReached: String
        public var problems: String
        public var nextPlan: String
        public var selfStatus: ProgressStatus?
    }

    public static let maximumTextLength = 4_000

    /// `form` read as a report; a submission must be complete (work done, progress, next month's
    /// plan, a self-assessed status), a draft only well-formed.
    public static func report(_ form: ReportForm, submitting: Bool) -> Result<Report, Problems> {
        var problems: [DomainError] = []
        var progress: Int?
        if let text = form.progress.nonBlank {
            progress = Int(text)
            if progress.map({ !(0...100).contains($0) }) ?? true {
                problems.append(.invalid("progress", zh: "进度应为 0–100 的整数", en: "Progress is a whole number from 0 to 100"))
                progress = nil
            }
        } else if submitting {
            problems.append(.missing("progress", zh: "请填写目前的总体进度（%）", en: "Enter the progress so far (%)"))
        }
        let selfStatus = ProgressStatus(rawValue: form.selfStatus)
        if submitting && (selfStatus == nil || selfStatus == .missing) {
            problems.append(.missing("selfStatus", zh: "请选择自评状态", en: "Choose the self-assessed status"))
        }
        if submitting && form.workDone.isBlank {
            problems.append(.missing("workDone", zh: "请填写本月完成的工作", en: "Say what was done this month"))
        }
        if submitting && form.nextPlan.isBlank {
            problems.append(.missing("nextPlan", zh: "请填写下月工作计划", en: "Give next month's plan"))
        }
        for (field, text) in [("workDone", form.workDone), ("milestonesReached", form.milestonesReached), ("problems", form.problems),
                              ("nextPlan", form.nextPlan)] where text.count > maximumTextLength {
            problems.append(.invalid(field, zh: "内容不能超过 \(maximumTextLength) 字", en: "At most \(maximumTextLength) characters"))
        }
        guard problems.isEmpty else { return .failure(Problems(problems)) }
        func clean(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
        return .success(Report(workDone: clean(form.workDone), progress: progress, milestonesReached: clean(form.milestonesReached),
                               problems: clean(form.problems), nextPlan: clean(form.nextPlan), selfStatus: selfStatus == .missing ? nil : selfStatus))
    }

    public enum Step: Sendable, Hashable {
        case save, submit
        /// Accept with the verified progress and status; `note` explains a difference from the report.
        case accept(progress: Int, status: ProgressStatus, note: String)
        case `return`(reason: String)

        public var name: String {
            switch self {
            case .save: "save"
            case .submit: "submit"
            case .accept: "accept"
            case .return: "return"
            }
        }
    }

    /// The status after `step` from `status` (nil: nothing written yet), or why not. A submitted
    /// or accepted report is locked; a returned one is revised and submitted again.
    public static func next(after status: ReportStatus?, _ step: Step, reported: (progress: Int?, status: ProgressStatus?) = (nil, nil)) throws(DomainError) -> ReportStatus {
        switch (status, step) {
        case (nil, .save), (.draft, .save): return .draft
        case (.returned, .save): return .returned
        case (nil, .submit), (.draft, .submit), (.returned, .submit): return .submitted
        case (.submitted, .accept(let progress, let verifiedStatus, let note)):
            guard (0...100).contains(progress) else {
                throw .invalid("verifiedProgress", zh: "核实进度应为 0–100 的整数", en: "Verified progress is a whole number from 0 to 100")
            }
            if (progress != reported.progress || verifiedStatus != reported.status) && note.isBlank {
                throw .missing("note", zh: "核实值与报送值不同，请写明理由", en: "Explain why the verified values differ from the report")
            }
            if note.count > maximumTextLength { throw .invalid("note", zh: "不能超过 \(maximumTextLength) 字", en: "At most \(maximumTextLength) characters") }
            return .accepted
        case (.submitted, .return(let reason)):
            guard reason.nonBlank != nil else { throw .missing("reason", zh: "退回时请写明修改要求", en: "Say what to revise") }
            return .returned
        case (.submitted, .save), (.submitted, .submit), (.accepted, .save), (.accepted, .submit):
            throw DomainError(.conflict, zh: "报告已报送，退回后才能修改", en: "The report is submitted; it changes only after being returned", field: "status")
        default:
            throw DomainError(.conflict, zh: "报告当前状态下不能进行这一操作", en: "This step does not apply to the report now", field: "status")
        }
    }

    /// Whether the reporting unit may still change a report in `status` (nil: none written):
    /// not yet submitted, or returned. Its evidence may be changed then too.
    public static func unitMayEdit(_ status: ReportStatus?) -> Bool {
        switch status {
        case nil, .draft?, .returned?: true
        case .submitted?, .accepted?: false
        }
    }

    /// Whether a report in `status` counts as handed in (submitted or accepted): the ledger's
    /// reported values, the bulletin's reporting section and the assessment read it.
    public static func isSubmitted(_ status: ReportStatus?) -> Bool { !unitMayEdit(status) }

    /// A report submitted after the round's due date is late (accepted, and marked).
    public static func isLate(submittedOn date: CalendarDate, dueDate: CalendarDate) -> Bool { dueDate < date }

    /// The pipeline stage of a report (nil: none written) in a round due `dueDate`, as of `today`.
    public static func stage(of status: ReportStatus?, dueDate: CalendarDate, today: CalendarDate, roundClosed: Bool) -> Stage {
        switch status {
        case nil: (roundClosed || dueDate < today) ? .missing : .notStarted
        case .draft?: (roundClosed || dueDate < today) ? .missing : .draft
        case .submitted?: .submitted
        case .returned?: .returned
        case .accepted?: .accepted
        }
    }
}
