import Foundation

/// 提醒: which units to remind of what, on a given day, and how failed deliveries are retried.
/// Pure: the scheduler feeds it the rounds, what each unit still owes and the tasks, and stores
/// each reminder under its `key`, so a reminder planned twice (two instances, two ticks) is sent
/// once.
public enum Reminders {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// N days before a round's due date, to units that have not submitted.
        case roundDueSoon
        /// On the due date, to units that have not submitted.
        case roundDueToday
        /// Sent by the office from the round page.
        case roundManual
        /// N days before an unfinished phased task's deadline, to its lead units.
        case taskDeadline
        /// N days before a milestone's date, to the task's lead units.
        case milestoneDeadline
        /// A 督办 step addressed to the unit (order, rectification…).
        case supervision
        /// A leader's 批示 for the unit to acknowledge and report back on.
        case instruction
        /// A public question (政民互动) routed to the unit to answer, or its answer returned.
        case publicQuestion

        public var label: LocalizedText {
            switch self {
            case .roundDueSoon: LocalizedText(zh: "报送即将到期", en: "Report due soon")
            case .roundDueToday: LocalizedText(zh: "今日报送截止", en: "Report due today")
            case .roundManual: LocalizedText(zh: "督查室催报", en: "Reminder from the office")
            case .taskDeadline: LocalizedText(zh: "任务即将到期", en: "Task deadline approaching")
            case .milestoneDeadline: LocalizedText(zh: "节点即将到期", en: "Milestone approaching")
            case .supervision: LocalizedText(zh: "督办事项", en: "Supervision step")
            case .instruction: LocalizedText(zh: "领导批示", en: "Leader's instruction")
            case .publicQuestion: LocalizedText(zh: "群众留言", en: "Public question")
            }
        }
    }

    /// When reminders go out (configurable per deployment).
    public struct Settings: Sendable, Hashable {
        /// Days before a round's due date for the first reminder (0: none before the due date).
        public var daysBeforeDue: Int
        /// Days before a task's deadline or a milestone's date for the alert.
        public var daysBeforeDeadline: Int

        public init(daysBeforeDue: Int = 3, daysBeforeDeadline: Int = 7) {
            self.daysBeforeDue = daysBeforeDue
            self.daysBeforeDeadline = daysBeforeDeadline
        }

        public static let standard = Settings()
    }

    /// A reminder to one unit. `key` is the same whenever the same reminder is planned again.
    public struct Notice: Sendable, Hashable {
        public var key: String
        public var kind: Kind
        public var unitID: UUID
        public var roundID: UUID?
        public var taskID: UUID?
        public var title: LocalizedText
        public var body: LocalizedText
        /// A site path the reminder points to.
        public var link: String

        public init(key: String, kind: Kind, unitID: UUID, roundID: UUID?, taskID: UUID?, title: LocalizedText, body: LocalizedText, link: String) {
            self.key = key
            self.kind = kind
            self.unitID = unitID
            self.roundID = roundID
            self.taskID = taskID
            self.title = title
            self.body = body
            self.link = link
        }
    }

    /// A round as reminders see it.
    public struct Round: Sendable, Hashable {
        public var id: UUID
        public var month: YearMonth
        public var dueDate: CalendarDate
        public var closed: Bool

        public init(id: UUID, month: YearMonth, dueDate: CalendarDate, closed: Bool) {
            self.id = id
            self.month = month
            self.dueDate = dueDate
            self.closed = closed
        }
    }

    /// A report a unit still owes: its task's number (for the message) and the unit.
    public struct Owed: Sendable, Hashable {
        public var taskNumber: TaskNumber
        public var unitID: UUID

        public init(taskNumber: TaskNumber, unitID: UUID) {
            self.taskNumber = taskNumber
            self.unitID = unitID
        }
    }

    /// Whether a report in `status` (nil: none written) is still owed: the unit may still
    /// change it (not submitted, or returned).
    public static func isOwed(_ status: Dispatch.ReportStatus?) -> Bool { Dispatch.unitMayEdit(status) }

    /// The round reminders due `today`: `daysBeforeDue` days before the due date and on it, one
    /// per unit that owes reports, naming its tasks. An open round only.
    public static func forRound(_ round: Round, owed: [Owed], today: CalendarDate, link: String,
                                settings: Settings = .standard) -> [Notice] {
        guard let kind = roundReminderKind(round, today: today, settings: settings) else { return [] }
        return notices(kind, round: round, owed: owed, key: "\(kind.rawValue)|\(round.id)|\(today.iso)", link: link)
    }

    /// Which automatic reminder an open round calls for `today`, if any.
    public static func roundReminderKind(_ round: Round, today: CalendarDate, settings: Settings = .standard) -> Kind? {
        guard !round.closed else { return nil }
        if today == round.dueDate { return .roundDueToday }
        if settings.daysBeforeDue > 0, today == round.dueDate.adding(days: -settings.daysBeforeDue) { return .roundDueSoon }
        return nil
    }

    /// Reminders the office sends by hand from the round page: to the units listed in `owed`;
    /// `sequence` makes each sending its own (two clicks remind twice).
    public static func manual(_ round: Round, owed: [Owed], sequence: String, link: String) -> [Notice] {
        notices(.roundManual, round: round, owed: owed, key: "\(Kind.roundManual.rawValue)|\(round.id)|\(sequence)", link: link)
    }

    private static func notices(_ kind: Kind, round: Round, owed: [Owed], key: String, link: String) -> [Notice] {
        let byUnit = Dictionary(grouping: owed, by: \.unitID)
        return byUnit.keys.sorted { $0.uuidString < $1.uuidString }.map { unitID in
            let numbers = Set(byUnit[unitID, default: []].map(\.taskNumber)).sorted()
            let list = numbers.map(\.description).joined(separator: "、")
            let due = round.dueDate
            let title: LocalizedText
            switch kind {
            case .roundDueToday:
                title = LocalizedText(zh: "\(round.month.chinese)调度今日（\(due.iso)）截止报送", en: "Reports for \(round.month) are due today (\(due.iso))")
            case .roundManual:
                title = LocalizedText(zh: "请尽快报送\(round.month.chinese)调度进展", en: "Please submit your reports for \(round.month)")
            default:
                title = LocalizedText(zh: "\(round.month.chinese)调度将于\(due.iso)截止报送", en: "Reports for \(round.month) are due on \(due.iso)")
            }
            let body = LocalizedText(
                zh: "贵单位尚有 \(numbers.count) 项任务未报送（或被退回待重报）：第 \(list) 项。请于 \(due.chinese)前登录系统报送。",
                en: "Your unit has \(numbers.count) report(s) not yet submitted (or returned for revision): task(s) \(list). Please submit by \(due.iso).")
            return Notice(key: "\(key)|\(unitID)", kind: kind, unitID: unitID, roundID: round.id, taskID: nil, title: title, body: body, link: link)
        }
    }

    /// A task as deadline alerts see it: unfinished means not verified at 100%.
    public struct DeadlineTask: Sendable, Hashable {
        public var task: PlanTask
        public var finished: Bool
        public var link: String

        public init(task: PlanTask, finished: Bool, link: String) {
            self.task = task
            self.finished = finished
            self.link = link
        }
    }

    /// Alerts due `today`: an unfinished phased task's deadline, or a milestone's date, is
    /// `daysBeforeDeadline` days away. Sent to each lead unit.
    public static func forDeadlines(_ tasks: [DeadlineTask], today: CalendarDate, settings: Settings = .standard) -> [Notice] {
        guard settings.daysBeforeDeadline > 0 else { return [] }
        let target = today.adding(days: settings.daysBeforeDeadline)
        var notices: [Notice] = []
        for item in tasks where !item.finished {
            let task = item.task
            let number = task.number.description
            if task.kind == .phased, let deadline = task.deadline, deadline == target {
                for unitID in task.leadUnitIDs {
                    notices.append(Notice(
                        key: "\(Kind.taskDeadline.rawValue)|\(task.id)|\(deadline.iso)|\(unitID)", kind: .taskDeadline, unitID: unitID, roundID: nil, taskID: task.id,
                        title: LocalizedText(zh: "第 \(number) 项任务将于\(deadline.chinese)到期", en: "Task \(number) is due on \(deadline.iso)"),
                        body: LocalizedText(zh: "距完成时限还有 \(settings.daysBeforeDeadline) 天，请确保按期完成：\(task.content)",
                                            en: "\(settings.daysBeforeDeadline) days remain before the deadline of task \(number). Please make sure it is completed on time."),
                        link: item.link))
                }
            }
            for (index, milestone) in task.milestones.enumerated() where milestone.due == target {
                for unitID in task.leadUnitIDs {
                    notices.append(Notice(
                        key: "\(Kind.milestoneDeadline.rawValue)|\(task.id)|\(index)|\(milestone.due.iso)|\(unitID)", kind: .milestoneDeadline, unitID: unitID,
                        roundID: nil, taskID: task.id,
                        title: LocalizedText(zh: "第 \(number) 项任务节点将于\(milestone.due.chinese)到期", en: "A milestone of task \(number) is due on \(milestone.due.iso)"),
                        body: LocalizedText(zh: "节点“\(milestone.title)”距到期还有 \(settings.daysBeforeDeadline) 天。",
                                            en: "The milestone “\(milestone.title)” is due in \(settings.daysBeforeDeadline) days."),
                        link: item.link))
                }
            }
        }
        return notices
    }

    // MARK: Delivery

    /// Seconds to wait before the next attempt after `attempts` failed ones; nil: give up.
    /// 1 min, 5 min, 30 min, 2 h, 6 h, then the delivery is marked failed (six tries in all).
    public static func retryDelay(afterAttempts attempts: Int) -> TimeInterval? {
        let delays: [TimeInterval] = [60, 300, 1_800, 7_200, 21_600]
        guard attempts >= 1, attempts <= delays.count else { return nil }
        return delays[attempts - 1]
    }
}

/// Email addresses for reminders: one address, no spaces, angle brackets, commas or line
/// breaks (nothing that could add a recipient or a header), at most 254 characters.
public enum EmailAddress {
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && text.utf8.count <= 254 && !text.contains { $0.isNewline || $0.isWhitespace || "<>,;\"()[]\\".contains($0) }
    }

    /// A user's notification address from a form: blank clears it.
    public static func parse(_ text: String, field: String = "email") throws(DomainError) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard isValid(trimmed) else {
            throw .invalid(field, zh: "邮箱地址格式不正确（例如 jtj@yishui.gov.cn）", en: "Enter one email address, e.g. jtj@yishui.gov.cn")
        }
        return trimmed
    }
}
