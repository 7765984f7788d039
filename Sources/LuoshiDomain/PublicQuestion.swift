import Foundation

/// 政民互动: a member of the public asks about a task; the office routes the question to one of
/// the task's units, the unit drafts an answer, and the office approves it (or returns it to the
/// unit, or declines the question). Only an approved question and answer is ever public, and the
/// asker's contact details never are. Pure.
public enum PublicQuestion {
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Asked, not yet routed.
        case submitted
        /// With a unit to answer (again, after a return).
        case routed
        /// The unit's answer awaits the office.
        case answered
        /// Approved: the question and answer are on the task's public page.
        case published
        /// Declined by the office (not about the task, abusive, a duplicate…); never public.
        case declined

        public var text: LocalizedText {
            switch self {
            case .submitted: LocalizedText(zh: "待转办", en: "Awaiting routing")
            case .routed: LocalizedText(zh: "待答复", en: "Awaiting the unit's answer")
            case .answered: LocalizedText(zh: "答复待审核", en: "Answer awaiting approval")
            case .published: LocalizedText(zh: "已公开", en: "Published")
            case .declined: LocalizedText(zh: "不予公开", en: "Declined")
            }
        }

        /// Whether the question is still being handled.
        public var isOpen: Bool { self != .published && self != .declined }
    }

    public enum Step: String, Sendable, CaseIterable {
        /// The office sends the question to a unit of the task.
        case route
        /// The unit writes its answer.
        case answer
        /// The office approves the answer: both go public.
        case approve
        /// The office sends the answer back to the unit, saying why.
        case `return`
        /// The office declines the question, saying why.
        case decline

        /// The audit action of the step.
        public var auditAction: String { "question.\(rawValue)" }

        /// Whether the office takes this step (the unit answers).
        public var isOffice: Bool { self != .answer }
    }

    /// The status after `step` from `status`, or why the step does not apply now (409).
    public static func next(after status: Status, _ step: Step) throws(DomainError) -> Status {
        switch (step, status) {
        case (.route, .submitted), (.route, .routed), (.return, .answered): return .routed
        case (.answer, .routed): return .answered
        case (.approve, .answered): return .published
        case (.decline, .submitted), (.decline, .routed), (.decline, .answered): return .declined
        default:
            throw DomainError(.conflict, zh: "留言当前为“\(status.text.zh)”，不能\(stepName(step).zh)",
                              en: "The question is \(status.text.en.lowercased()): it cannot be \(stepName(step).en) now", field: "status")
        }
    }

    private static func stepName(_ step: Step) -> LocalizedText {
        switch step {
        case .route: LocalizedText(zh: "转办", en: "routed")
        case .answer: LocalizedText(zh: "答复", en: "answered")
        case .approve: LocalizedText(zh: "审核公开", en: "approved")
        case .return: LocalizedText(zh: "退回", en: "returned")
        case .decline: LocalizedText(zh: "不予公开", en: "declined")
        }
    }

    /// The units a question on `task` may be routed to: its lead units first, then its
    /// cooperating units.
    public static func routableUnits(_ task: PlanTask) -> [UUID] { task.leadUnitIDs + task.cooperatingUnitIDs }

    public static let maximumQuestionLength = 1_000
    public static let maximumAnswerLength = 2_000
    public static let maximumNameLength = 20
    public static let maximumContactLength = 64
    public static let maximumNoteLength = 500

    /// What the visitor typed, checked.
    public struct Submission: Sendable, Hashable {
        /// The signature the visitor chose to show with the question (blank: none).
        public var name: String
        /// A telephone number or email address for the reply; never shown to the public.
        public var contact: String
        public var text: String

        public init(name: String, contact: String, text: String) {
            self.name = name
            self.contact = contact
            self.text = text
        }
    }

    /// The visitor's form, trimmed, or the first problem in it (naming `name`, `contact` or `text`).
    public static func submission(name: String, contact: String, text: String) throws(DomainError) -> Submission {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let contact = contact.trimmingCharacters(in: .whitespacesAndNewlines)
        guard name.count <= maximumNameLength else {
            throw .invalid("name", zh: "署名不能超过 \(maximumNameLength) 字", en: "The name is at most \(maximumNameLength) characters")
        }
        guard !containsControlCharacters(name) else {
            throw .invalid("name", zh: "署名含有不能显示的字符", en: "The name contains characters that cannot be shown")
        }
        guard !contact.isEmpty else {
            throw .missing("contact", zh: "请填写联系电话或电子邮箱，以便答复", en: "Give a telephone number or email address for the reply")
        }
        guard contact.count <= maximumContactLength, isTelephone(contact) || isEmail(contact) else {
            throw .invalid("contact", zh: "联系方式应为电话号码（如 0539-2251234、13800000000）或电子邮箱",
                           en: "Give a telephone number (e.g. 0539-2251234) or an email address")
        }
        return Submission(name: name, contact: contact, text: try self.text(text, as: .question, field: "text"))
    }

    /// The texts of a question's life, each with its limit.
    public enum Text: Sendable {
        case question, answer, note

        public var limit: Int {
            switch self {
            case .question: maximumQuestionLength
            case .answer: maximumAnswerLength
            case .note: maximumNoteLength
            }
        }

        var missing: LocalizedText {
            switch self {
            case .question: LocalizedText(zh: "请填写留言内容", en: "Write your question")
            case .answer: LocalizedText(zh: "请填写答复内容", en: "Write the answer")
            case .note: LocalizedText(zh: "请说明理由", en: "Give the reason")
            }
        }
    }

    /// A question's, answer's or reason's text, trimmed, or why it is refused (naming `field`).
    public static func text(_ text: String, as kind: Text, field: String) throws(DomainError) -> String {
        let clean = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !clean.isEmpty else { throw .missing(field, zh: kind.missing.zh, en: kind.missing.en) }
        guard clean.count <= kind.limit else {
            throw .invalid(field, zh: "不能超过 \(kind.limit) 字（现为 \(clean.count) 字）", en: "At most \(kind.limit) characters (this is \(clean.count))")
        }
        guard !containsControlCharacters(clean.filter { $0 != "\n" && $0 != "\r\n" && $0 != "\r" && $0 != "\t" }) else {
            throw .invalid(field, zh: "内容含有不能显示的字符", en: "The text contains characters that cannot be shown")
        }
        return clean
    }

    /// Digits with an optional leading +, and spaces, hyphens or brackets between: 7 to 20 digits.
    static func isTelephone(_ text: String) -> Bool {
        let allowed = Set("0123456789+-() ")
        guard text.allSatisfy(allowed.contains), !text.dropFirst().contains("+") else { return false }
        let digits = text.filter(\.isASCIIDigit).count
        return (7...20).contains(digits)
    }

    /// One @, a name before it and a dotted domain after it, no spaces.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }

    private static func containsControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// The receipt the visitor keeps: the day asked and the first eight hex digits of the id,
    /// e.g. 20261207-3F2A9C1B.
    public static func receipt(id: UUID, askedOn day: CalendarDate) -> String {
        "\(day.iso.replacingOccurrences(of: "-", with: ""))-\(id.uuidString.prefix(8))"
    }

    /// How many questions one address may ask in `window` seconds.
    public struct Limit: Sendable, Hashable {
        public var maximum: Int
        public var window: TimeInterval

        public init(maximum: Int = 5, window: TimeInterval = 60 * 60) {
            self.maximum = maximum
            self.window = window
        }

        public static let standard = Limit()
    }

    /// An approved question and its answer, as the task's public page shows them.
    public struct Published: Sendable, Hashable {
        public var id: UUID
        public var taskID: UUID
        public var askedOn: CalendarDate
        /// The signature the asker chose (blank: shown as 网友).
        public var name: String
        /// The question as approved for the public (the office may have removed personal details).
        public var question: String
        public var answer: String
        public var unitID: UUID?
        public var answeredOn: CalendarDate?
        public var publishedOn: CalendarDate

        public init(id: UUID, taskID: UUID, askedOn: CalendarDate, name: String, question: String, answer: String, unitID: UUID?,
                    answeredOn: CalendarDate?, publishedOn: CalendarDate) {
            self.id = id
            self.taskID = taskID
            self.askedOn = askedOn
            self.name = name
            self.question = question
            self.answer = answer
            self.unitID = unitID
            self.answeredOn = answeredOn
            self.publishedOn = publishedOn
        }
    }

    /// The message telling a unit a question is theirs to answer; `sequence` makes each routing
    /// (a first one, a re-routing, a return) its own.
    public static func notice(id: UUID, receipt: String, task: PlanTask, unitID: UUID, returned: Bool, sequence: Int, link: String) -> Reminders.Notice {
        Reminders.Notice(
            key: "question|\(id)|\(unitID)|\(sequence)", kind: .publicQuestion, unitID: unitID, roundID: nil, taskID: task.id,
            title: returned ? LocalizedText(zh: "群众留言答复被退回（第\(task.number)项任务）", en: "Answer returned by the office (task \(task.number))")
                : LocalizedText(zh: "请答复群众留言（第\(task.number)项任务）", en: "Please answer a public question (task \(task.number))"),
            body: LocalizedText(zh: "留言编号 \(receipt)", en: "Question \(receipt)"), link: link)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
