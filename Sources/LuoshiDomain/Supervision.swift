import Foundation

/// 督办: the escalation ladder from a reminder to a rectification. Each step is a record addressed
/// to one lead unit about one task, with a deadline, the unit's reply and the office's decision:
/// 催办 → 督办单 → 限期整改 → 通报批评, and 约谈 (an interview of the unit head) as a recorded step.
/// The rules here propose steps from the ledger's colours and missed deadlines; the office accepts
/// or dismisses each proposal. Pure.
public enum Supervision {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case urge, order, rectification, criticism, interview

        public var text: LocalizedText {
            switch self {
            case .urge: LocalizedText(zh: "催办", en: "Reminder")
            case .order: LocalizedText(zh: "督办单", en: "Supervision order")
            case .rectification: LocalizedText(zh: "限期整改", en: "Rectification")
            case .criticism: LocalizedText(zh: "通报批评", en: "Public criticism")
            case .interview: LocalizedText(zh: "约谈", en: "Interview of the unit head")
            }
        }

        /// Steps the unit answers by a deadline; the others are recorded and done.
        public var awaitsReply: Bool { self == .urge || self == .order || self == .rectification }

        /// The step after this one on the ladder.
        public var next: Kind? {
            switch self {
            case .urge: .order
            case .order: .rectification
            case .rectification: .criticism
            case .criticism: .interview
            case .interview: nil
            }
        }

        /// Days the unit has to reply when the office gives no date.
        public var defaultDays: Int? {
            switch self {
            case .urge: 3
            case .order: 7
            case .rectification: 30
            case .criticism, .interview: nil
            }
        }

        /// The numbered document a step issues: 督办〔2023〕3号, 整改〔2023〕1号.
        public func documentNumber(year: Int, sequence: Int) -> String? {
            switch self {
            case .order: "督办〔\(year)〕\(sequence)号"
            case .rectification: "整改〔\(year)〕\(sequence)号"
            default: nil
            }
        }
    }

    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Waiting for the unit's reply.
        case open
        /// The unit replied; the office verifies.
        case replied
        /// 销号: the office accepted the reply (or recorded a step that needs none).
        case closed
        /// Superseded by the next step on the ladder.
        case escalated

        public var text: LocalizedText {
            switch self {
            case .open: LocalizedText(zh: "待答复", en: "Awaiting reply")
            case .replied: LocalizedText(zh: "已答复，待核验", en: "Replied, to verify")
            case .closed: LocalizedText(zh: "已销号", en: "Closed")
            case .escalated: LocalizedText(zh: "已升级", en: "Escalated")
            }
        }

        public var isActive: Bool { self == .open || self == .replied }
    }

    public enum Step: Sendable, Hashable {
        /// The unit answers (rectification report, reply to an order).
        case reply
        /// The office accepts: 销号.
        case close
        /// The office finds the reply wanting and sets a new deadline.
        case reopen
        /// The office takes the next step; this one is superseded.
        case escalate
    }

    /// The status after `step`, or why it cannot be taken.
    public static func next(after status: Status, kind: Kind, _ step: Step) throws(DomainError) -> Status {
        switch (step, status) {
        case (.reply, .open) where kind.awaitsReply: return .replied
        case (.close, .open), (.close, .replied): return .closed
        case (.reopen, .replied): return .open
        case (.escalate, .open), (.escalate, .replied): return .escalated
        case (.reply, _):
            throw DomainError(.conflict, zh: "该督办事项当前不需要答复", en: "This step takes no reply now", field: "status")
        default:
            throw DomainError(.conflict, zh: "该督办事项已\(status.text.zh)，不能进行这一操作", en: "The step is \(status.text.en.lowercased()); this does not apply", field: "status")
        }
    }

    /// A step waiting for a reply past its date (due today is not late yet).
    public static func isOverdue(_ status: Status, deadline: CalendarDate?, today: CalendarDate) -> Bool {
        status == .open && (deadline.map { $0 < today } ?? false)
    }

    // MARK: Proposals

    /// What the rules propose: which step, for which task and lead unit, and why. `key` names the
    /// proposal so a dismissal is remembered.
    public struct Proposal: Sendable, Hashable {
        public var key: String
        public var kind: Kind
        public var taskID: UUID
        public var unitID: UUID
        /// The step this one follows (a missed deadline).
        public var previousID: UUID?
        public var reason: LocalizedText
    }

    /// An active step as the rules see it.
    public struct ActiveStep: Sendable, Hashable {
        public var id: UUID
        public var kind: Kind
        public var taskID: UUID
        public var unitID: UUID
        public var status: Status
        public var deadline: CalendarDate?

        public init(id: UUID, kind: Kind, taskID: UUID, unitID: UUID, status: Status, deadline: CalendarDate?) {
            self.id = id
            self.kind = kind
            self.taskID = taskID
            self.unitID = unitID
            self.status = status
            self.deadline = deadline
        }
    }

    /// The configurable rules: how many yellow rounds in a row propose a supervision order
    /// (0: never), and whether a red light proposes a rectification.
    public struct Rules: Sendable, Hashable {
        public var yellowRoundsForOrder: Int
        public var redProposesRectification: Bool

        public init(yellowRoundsForOrder: Int = 2, redProposesRectification: Bool = true) {
            self.yellowRoundsForOrder = yellowRoundsForOrder
            self.redProposesRectification = redProposesRectification
        }
    }

    /// One round's colours: the month and each task's light as of its due date.
    public struct RoundColours: Sendable, Hashable {
        public var month: YearMonth
        public var colours: [UUID: Colour]

        public init(month: YearMonth, colours: [UUID: Colour]) {
            self.month = month
            self.colours = colours
        }
    }

    /// Proposals for `tasks` from the rounds' colours (oldest first) and the active steps:
    /// yellow in the last `yellowRoundsForOrder` rounds → a supervision order; red in the latest
    /// round → a rectification; an unanswered step past its deadline → the next step. Nothing is
    /// proposed where an active step of that kind (or a higher one) already addresses the task
    /// and unit, nor where the office dismissed the same proposal.
    public static func proposals(tasks: [PlanTask], rounds: [RoundColours], active: [ActiveStep], dismissed: Set<String>, today: CalendarDate,
                                 rules: Rules) -> [Proposal] {
        let ladder = Kind.allCases
        func covered(_ task: UUID, _ unit: UUID, by kind: Kind) -> Bool {
            active.contains { $0.taskID == task && $0.unitID == unit && ladder.firstIndex(of: $0.kind)! >= ladder.firstIndex(of: kind)! }
        }
        var proposals: [Proposal] = []
        if let latest = rounds.last {
            let recent = rounds.suffix(max(rules.yellowRoundsForOrder, 1))
            for task in tasks.sorted(by: { $0.number < $1.number }) {
                for unit in task.leadUnitIDs {
                    if rules.redProposesRectification, latest.colours[task.id] == .red, !covered(task.id, unit, by: .rectification) {
                        proposals.append(Proposal(key: "rectification|\(task.id)|\(unit)|\(latest.month)", kind: .rectification, taskID: task.id, unitID: unit,
                                                  reason: LocalizedText(zh: "\(latest.month.chinese)调度亮红灯", en: "Red in the \(latest.month) round")))
                    } else if rules.yellowRoundsForOrder > 0, recent.count == rules.yellowRoundsForOrder,
                              recent.allSatisfy({ $0.colours[task.id] == .yellow }), !covered(task.id, unit, by: .order) {
                        proposals.append(Proposal(key: "order|\(task.id)|\(unit)|\(latest.month)", kind: .order, taskID: task.id, unitID: unit,
                                                  reason: LocalizedText(zh: "连续\(rules.yellowRoundsForOrder)个月亮黄灯", en: "Yellow in \(rules.yellowRoundsForOrder) rounds in a row")))
                    }
                }
            }
        }
        for step in active where isOverdue(step.status, deadline: step.deadline, today: today) {
            guard let deadline = step.deadline, let next = step.kind.next, !covered(step.taskID, step.unitID, by: next) else { continue }
            proposals.append(Proposal(key: "next|\(step.id)", kind: next, taskID: step.taskID, unitID: step.unitID, previousID: step.id,
                                      reason: LocalizedText(zh: "\(step.kind.text.zh)已过答复期限（\(deadline.iso)）未答复",
                                                            en: "\(step.kind.text.en) unanswered past its deadline (\(deadline.iso))")))
        }
        return proposals.filter { !dismissed.contains($0.key) }
    }

    // MARK: Forms

    public static let maximumTextLength = 4_000

    /// A new step as the office writes it.
    public struct Form: Sendable, Hashable {
        public var kind: String
        public var taskID: String
        public var unitID: String
        public var facts: String
        public var demands: String
        public var deadline: String

        public init(kind: String, taskID: String, unitID: String, facts: String, demands: String, deadline: String) {
            self.kind = kind
            self.taskID = taskID
            self.unitID = unitID
            self.facts = facts
            self.demands = demands
            self.deadline = deadline
        }
    }

    /// A checked new step.
    public struct Draft: Sendable, Hashable {
        public var kind: Kind
        public var task: PlanTask
        public var unitID: UUID
        public var facts: String
        public var demands: String
        public var deadline: CalendarDate?
    }

    /// Checks a new step: a known kind, a task of the plan and one of its lead units, the facts,
    /// what is demanded, and (for steps that await a reply) a deadline after today.
    public static func draft(_ form: Form, tasks: [UUID: PlanTask], today: CalendarDate) -> Result<Draft, Problems> {
        var problems: [DomainError] = []
        let kind = Kind(rawValue: form.kind)
        if kind == nil { problems.append(.invalid("kind", zh: "请选择督办方式", en: "Choose the kind of step")) }
        let task = UUID(uuidString: form.taskID).flatMap { tasks[$0] }
        if task == nil { problems.append(.invalid("taskID", zh: "请选择本方案的一项任务", en: "Choose a task of this plan")) }
        let unitID = UUID(uuidString: form.unitID)
        if let task, !(unitID.map(task.leadUnitIDs.contains) ?? false) {
            problems.append(.invalid("unitID", zh: "督办对象应为该任务的牵头单位", en: "Address a lead unit of the task"))
        }
        let facts = form.facts.trimmingCharacters(in: .whitespacesAndNewlines)
        let demands = form.demands.trimmingCharacters(in: .whitespacesAndNewlines)
        if facts.isEmpty { problems.append(.missing("facts", zh: "请写明督办事由", en: "State the facts")) }
        if demands.isEmpty { problems.append(.missing("demands", zh: "请写明督办要求", en: "State what is demanded")) }
        for (field, text) in [("facts", facts), ("demands", demands)] where text.count > maximumTextLength {
            problems.append(.invalid(field, zh: "不能超过 \(maximumTextLength) 字", en: "At most \(maximumTextLength) characters"))
        }
        var deadline: CalendarDate?
        if kind?.awaitsReply ?? false {
            deadline = CalendarDate(iso: form.deadline.trimmingCharacters(in: .whitespaces))
            if deadline.map({ $0 <= today }) ?? true {
                problems.append(.invalid("deadline", zh: "答复期限应为今天之后的日期（YYYY-MM-DD）", en: "The reply deadline is a date after today (YYYY-MM-DD)"))
            }
        }
        guard problems.isEmpty, let kind, let task, let unitID else { return .failure(Problems(problems)) }
        return .success(Draft(kind: kind, task: task, unitID: unitID, facts: facts, demands: demands, deadline: deadline))
    }

    /// A step as the office prints and sends it (督办单, 限期整改通知 …): addressed to the unit's
    /// head, with the facts, the demands and the reply date, laid out like every document the
    /// office issues.
    public static func document(kind: Kind, number: String?, unit: String, task: PlanTask, facts: String, demands: String, deadline: CalendarDate?,
                                issuer: String, date: CalendarDate) -> Bulletin.Document {
        let masthead = switch kind {
        case .order: "督办单"
        case .rectification: "限期整改通知"
        default: kind.text.zh
        }
        var blocks: [Bulletin.Block] = [.addressee("\(unit)主要负责同志："), .heading("一、督办事由"), .paragraph(facts), .heading("二、督办要求")]
        blocks += demands.split(whereSeparator: \.isNewline).map { .paragraph($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 != .paragraph("") }
        if let deadline {
            blocks += [.heading("三、答复期限"), .paragraph("请于\(deadline.chinese)前将办理情况书面报送\(issuer)，同时在系统中答复并上传佐证材料。")]
        }
        return Bulletin.Document(masthead: masthead, issueLine: number ?? "", issuer: issuer, date: date.chinese,
                                 title: "关于第\(task.number)项重点任务的\(kind.text.zh)", blocks: blocks, signature: [issuer, date.chinese],
                                 imprint: "\(issuer)　　\(date.chinese)印发")
    }

    /// Why a step is escalated, as the next step's facts start: "经督办单（督办〔2023〕1号）仍未落实到位".
    public static func escalationReason(from kind: Kind, number: String?) -> String {
        "经\(kind.text.zh)\(number.map { "（\($0)）" } ?? "")仍未落实到位"
    }

    /// The message telling the addressed unit of a new step.
    public static func notice(id: UUID, kind: Kind, number: String?, unitID: UUID, task: PlanTask?, facts: String, demands: String,
                              deadline: CalendarDate?, link: String) -> Reminders.Notice {
        let taskZh = task.map { "第\($0.number)项任务" } ?? "", taskEn = task.map { "task \($0.number)" } ?? ""
        return Reminders.Notice(
            key: "supervision|\(id)", kind: .supervision, unitID: unitID, roundID: nil, taskID: task?.id,
            title: LocalizedText(zh: "\(kind.text.zh)\(number.map { "（\($0)）" } ?? "")：\(taskZh)",
                                 en: "\(kind.text.en)\(number.map { " \($0)" } ?? ""): \(taskEn)"),
            body: LocalizedText(zh: "\(facts)\n\(demands)\(deadline.map { "，请于\($0.iso)前答复" } ?? "")",
                                en: "\(facts)\n\(demands)\(deadline.map { " Reply by \($0.iso)." } ?? "")"),
            link: link)
    }

    /// The texts an accepted proposal starts with.
    public static func suggestedTexts(_ kind: Kind, task: PlanTask, reason: String) -> (facts: String, demands: String) {
        let content = task.content.count > 60 ? task.content.prefix(60) + "……" : task.content
        let facts = "第\(task.number)项任务“\(content)”\(reason)。"
        let demands = switch kind {
        case .urge: "请加快推进，按期报送进展情况。"
        case .order: "请单位主要负责同志亲自研究，于答复期限前书面报告推进措施和时间安排。"
        case .rectification: "请对照任务书逐项整改，于整改期限前报送整改报告并附佐证材料，经督查室核验后销号。"
        case .criticism: "予以通报批评，请深刻剖析原因，限期赶上序时进度。"
        case .interview: "约谈单位主要负责同志，听取情况汇报，提出整改要求。"
        }
        return (facts, demands)
    }
}

/// 专项督查: an inspection of chosen tasks and units by a team over dates, and what it found.
public enum Inspection {
    /// A planned inspection as the office writes it: tasks by number ("2.1、3.4"), units by short
    /// name (blank: the tasks' lead units).
    public struct Form: Sendable, Hashable {
        public var topic: String
        public var team: String
        public var startsOn: String
        public var endsOn: String
        public var tasks: String
        public var units: String

        public init(topic: String, team: String, startsOn: String, endsOn: String, tasks: String, units: String) {
            self.topic = topic
            self.team = team
            self.startsOn = startsOn
            self.endsOn = endsOn
            self.tasks = tasks
            self.units = units
        }
    }

    public struct Plan: Sendable, Hashable {
        public var topic: String
        public var team: String
        public var startsOn: CalendarDate
        public var endsOn: CalendarDate
        public var tasks: [PlanTask]
        public var unitIDs: [UUID]
    }

    /// Splits a list typed with 、，, ; or spaces.
    static func items(_ text: String) -> [String] {
        text.split(whereSeparator: { "、，,；; \n\t".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Checks a planned inspection: a topic and a team, dates in order, known task numbers and
    /// unit names (each unknown one named).
    public static func plan(_ form: Form, tasks: [PlanTask], units: [Unit]) -> Result<Plan, Problems> {
        var problems: [DomainError] = []
        let topic = form.topic.trimmingCharacters(in: .whitespacesAndNewlines), team = form.team.trimmingCharacters(in: .whitespacesAndNewlines)
        if topic.isEmpty { problems.append(.missing("topic", zh: "请填写督查主题", en: "Give the inspection a topic")) }
        if team.isEmpty { problems.append(.missing("team", zh: "请填写督查组成员", en: "Name the team")) }
        for (field, text) in [("topic", topic), ("team", team)] where text.count > 500 {
            problems.append(.invalid(field, zh: "不能超过 500 字", en: "At most 500 characters"))
        }
        let starts = CalendarDate(iso: form.startsOn.trimmingCharacters(in: .whitespaces)), ends = CalendarDate(iso: form.endsOn.trimmingCharacters(in: .whitespaces))
        if starts == nil { problems.append(.invalid("startsOn", zh: "开始日期应写作 YYYY-MM-DD", en: "Write the start date as YYYY-MM-DD")) }
        if ends == nil || (starts.map { start in ends.map { $0 < start } ?? false } ?? false) {
            problems.append(.invalid("endsOn", zh: "结束日期应为不早于开始日期的 YYYY-MM-DD", en: "The end date is YYYY-MM-DD, not before the start"))
        }
        let byNumber = Dictionary(tasks.map { ($0.number.description, $0) }, uniquingKeysWith: { first, _ in first })
        let numbers = items(form.tasks)
        let unknownTasks = numbers.filter { byNumber[$0] == nil }
        if numbers.isEmpty {
            problems.append(.missing("tasks", zh: "请填写督查的任务序号，如 2.1、3.4", en: "List the tasks inspected by number, e.g. 2.1, 3.4"))
        } else if !unknownTasks.isEmpty {
            problems.append(.invalid("tasks", zh: "方案中没有这些任务序号：\(unknownTasks.joined(separator: "、"))", en: "No such task numbers in the plan: \(unknownTasks.joined(separator: ", "))"))
        }
        let chosen = numbers.compactMap { byNumber[$0] }.reduce(into: [PlanTask]()) { list, task in if !list.contains(task) { list.append(task) } }
        let byName = Dictionary(units.flatMap { unit in [(unit.shortName, unit.id), (unit.name, unit.id)] }, uniquingKeysWith: { first, _ in first })
        let names = items(form.units)
        let unknownUnits = names.filter { byName[$0] == nil }
        if !unknownUnits.isEmpty {
            problems.append(.invalid("units", zh: "没有这些单位：\(unknownUnits.joined(separator: "、"))", en: "No such units: \(unknownUnits.joined(separator: ", "))"))
        }
        let unitIDs = names.isEmpty ? chosen.flatMap(\.leadUnitIDs) : names.compactMap { byName[$0] }
        guard problems.isEmpty, let starts, let ends else { return .failure(Problems(problems)) }
        var seen = Set<UUID>()
        return .success(Plan(topic: topic, team: team, startsOn: starts, endsOn: ends, tasks: chosen, unitIDs: unitIDs.filter { seen.insert($0).inserted }))
    }

    /// The rectification a finding becomes: addressed to the unit the finding names (which may
    /// cooperate on the task rather than lead it), with the finding as its facts, due in the
    /// ladder's usual time.
    public static func rectification(topic: String, finding: String, task: PlanTask, unitID: UUID, today: CalendarDate) -> Supervision.Draft {
        let kind = Supervision.Kind.rectification
        return Supervision.Draft(kind: kind, task: task, unitID: unitID, facts: "专项督查“\(topic)”发现：\(finding)",
                                 demands: Supervision.suggestedTexts(kind, task: task, reason: "").demands,
                                 deadline: today.adding(days: kind.defaultDays ?? 30))
    }
}
