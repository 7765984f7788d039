import Foundation

/// 批示: a leader's written instruction on a task, a unit's report or a bulletin. Its recipients —
/// the task's lead units, the reporting unit, or the supervision office for a bulletin — each
/// acknowledge it (签收) and report back (反馈). Pure.
public enum Instruction {
    public enum Target: String, Sendable, Codable, CaseIterable {
        case task, report, bulletin

        public var text: LocalizedText {
            switch self {
            case .task: LocalizedText(zh: "任务", en: "task")
            case .report: LocalizedText(zh: "进展报告", en: "report")
            case .bulletin: LocalizedText(zh: "督查通报", en: "bulletin")
            }
        }
    }

    /// Who answers an instruction: a unit, or the supervision office.
    public enum Recipient: Sendable, Hashable {
        case unit(UUID)
        case office

        public var unitID: UUID? { if case .unit(let id) = self { id } else { nil } }
    }

    public enum Status: String, Sendable, Codable, CaseIterable {
        case pending, acknowledged, replied

        public var text: LocalizedText {
            switch self {
            case .pending: LocalizedText(zh: "待签收", en: "Not acknowledged")
            case .acknowledged: LocalizedText(zh: "已签收，待反馈", en: "Acknowledged")
            case .replied: LocalizedText(zh: "已反馈", en: "Reported back")
            }
        }
    }

    public enum Step: String, Sendable {
        case acknowledge, reply
    }

    /// The recipients of an instruction on `target`: a task's lead units, the unit whose report it
    /// is, or the office for a bulletin.
    public static func recipients(_ target: Target, task: PlanTask?, reportUnit: UUID?) -> [Recipient] {
        switch target {
        case .task: (task?.leadUnitIDs ?? []).map(Recipient.unit)
        case .report: reportUnit.map { [.unit($0)] } ?? []
        case .bulletin: [.office]
        }
    }

    /// A response's status after `step`: acknowledging once, reporting back (which acknowledges
    /// too) once.
    public static func next(after status: Status, _ step: Step) throws(DomainError) -> Status {
        switch (step, status) {
        case (.acknowledge, .pending): return .acknowledged
        case (.reply, .pending), (.reply, .acknowledged): return .replied
        case (.acknowledge, _): throw DomainError(.conflict, zh: "已签收", en: "Already acknowledged", field: "step")
        case (.reply, .replied): throw DomainError(.conflict, zh: "已反馈", en: "Already reported back", field: "reply")
        }
    }

    /// The message telling a recipient unit of an instruction.
    public static func notice(id: UUID, leader: String, text: String, unitID: UUID, task: PlanTask?, roundID: UUID?, link: String) -> Reminders.Notice {
        Reminders.Notice(key: "instruction|\(id)|\(unitID)", kind: .instruction, unitID: unitID, roundID: roundID, taskID: task?.id,
                         title: LocalizedText(zh: "\(leader)批示\(task.map { "（第\($0.number)项任务）" } ?? "")",
                                              en: "Instruction from \(leader)\(task.map { " (task \($0.number))" } ?? "")"),
                         body: LocalizedText(zh: text, en: text), link: link)
    }

    public static let maximumTextLength = 2_000

    /// The instruction's or a reply's text, trimmed, or why it is refused (naming `field`).
    public static func text(_ text: String, field: String) throws(DomainError) -> String {
        let clean = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !clean.isEmpty else {
            throw field == "text" ? .missing(field, zh: "请填写批示内容", en: "Write the instruction")
                : .missing(field, zh: "请填写落实情况", en: "Say what was done")
        }
        guard clean.count <= maximumTextLength else {
            throw .invalid(field, zh: "不能超过 \(maximumTextLength) 字", en: "At most \(maximumTextLength) characters")
        }
        return clean
    }

    /// Whether `actor` answers the response addressed to `recipientUnit`: staff of that unit, or
    /// the office for the office's (nil).
    public static func answers(recipientUnit: UUID?, _ actor: Actor) -> Bool {
        recipientUnit.map { $0 == actor.unitID && actor.role == .unitStaff } ?? (actor.role == .supervisor)
    }
}
