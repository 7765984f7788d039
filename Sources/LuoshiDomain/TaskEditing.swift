import Foundation

/// The supervisor's task form: every field as the form sends it, names as written.
public struct TaskForm: Sendable, Hashable, Codable {
    public var number: String
    public var content: String
    public var kind: String
    public var deadline: String
    public var annualTarget: String
    public var measures: String
    /// Unit and leader names separated by 、，,；; or spaces.
    public var leadUnits: String
    public var cooperatingUnits: String
    public var leaders: String
    /// One milestone per line: "2023-06-30 完成主体工程".
    public var milestones: String

    public init(number: String = "", content: String = "", kind: String = TaskKind.phased.rawValue, deadline: String = "",
                annualTarget: String = "", measures: String = "", leadUnits: String = "", cooperatingUnits: String = "",
                leaders: String = "", milestones: String = "") {
        self.number = number
        self.content = content
        self.kind = kind
        self.deadline = deadline
        self.annualTarget = annualTarget
        self.measures = measures
        self.leadUnits = leadUnits
        self.cooperatingUnits = cooperatingUnits
        self.leaders = leaders
        self.milestones = milestones
    }
}

/// Editing a plan's tasks before issue: the form of a task, and a form read back into a task.
public enum TaskEditing {
    public static let maximumTextLength = 4_000

    /// Refuses edits once the plan is issued: its baseline is frozen and changes go through requests.
    public static func editProblem(_ plan: Plan) -> DomainError? {
        plan.status == .issued
            ? DomainError(.conflict, zh: "方案已印发，基线已冻结；调整时限或目标请由责任单位提出变更申请",
                          en: "The plan is issued and its baseline frozen; changes go through requests", field: "status")
            : nil
    }

    public static func form(of task: PlanTask, unitName: (UUID) -> String?, leaderName: (UUID) -> String?) -> TaskForm {
        TaskForm(number: task.number.description, content: task.content, kind: task.kind.rawValue, deadline: task.deadline?.iso ?? "",
                 annualTarget: task.annualTarget ?? "", measures: task.measures ?? "",
                 leadUnits: task.leadUnitIDs.compactMap(unitName).joined(separator: "、"),
                 cooperatingUnits: task.cooperatingUnitIDs.compactMap(unitName).joined(separator: "、"),
                 leaders: task.leaderIDs.compactMap(leaderName).joined(separator: "、"),
                 milestones: milestoneText(task.milestones))
    }

    /// `form` read as task `id` of `planID`, or every problem, each naming its field.
    /// `units` and `leaders` are the jurisdiction's; a unit matches by any of its names.
    /// `otherTasks` are the plan's other tasks (their numbers are taken), `partNumbers` its parts.
    public static func task(from form: TaskForm, id: UUID, planID: UUID, units: [Unit], leaders: [Leader],
                            otherTasks: [PlanTask], partNumbers: Set<Int>) -> Result<PlanTask, Problems> {
        var problems: [DomainError] = []
        let number = TaskNumber(form.number.trimmingCharacters(in: .whitespaces))
        if let number {
            if !partNumbers.contains(number.part) {
                problems.append(.invalid("number", zh: "方案没有第 \(number.part) 部分", en: "The plan has no part \(number.part)"))
            } else if otherTasks.contains(where: { $0.number == number }) {
                problems.append(DomainError(.duplicate, zh: "任务编号 \(number) 已被其他任务使用", en: "Task number \(number) is taken", field: "number"))
            }
        } else {
            problems.append(.invalid("number", zh: "任务编号应写作“部分.序号”，如 3.12", en: "Write the number as part.item, e.g. 3.12"))
        }
        guard let kind = TaskKind(rawValue: form.kind) else {
            return .failure(Problems(problems + [.invalid("kind", zh: "请选择任务类型", en: "Choose the kind of task")]))
        }
        var deadline: CalendarDate?
        if let text = form.deadline.nonBlank {
            deadline = CalendarDate(iso: text)
            if deadline == nil { problems.append(.invalid("deadline", zh: "完成时限应写作 YYYY-MM-DD", en: "Write the deadline as YYYY-MM-DD")) }
        }
        var byName: [String: UUID] = [:]
        for unit in units { for name in unit.allNames where byName[name] == nil { byName[name] = unit.id } }
        func unitIDs(_ text: String, field: String) -> [UUID] {
            var seen: Set<UUID> = []
            return PlanSheetImport.splitNames(text).compactMap { name in
                guard let id = byName[name] else {
                    problems.append(DomainError(.unknownReference, zh: "未知单位“\(name)”；请先在单位管理中添加，或使用已有名称/简称",
                                                en: "Unknown unit \"\(name)\"; add it to the units first or use a known name", field: field))
                    return nil
                }
                return seen.insert(id).inserted ? id : nil
            }
        }
        let leadIDs = unitIDs(form.leadUnits, field: "leadUnits")
        let cooperatingIDs = unitIDs(form.cooperatingUnits, field: "cooperatingUnits")
        let leaderIDs: [UUID] = PlanSheetImport.splitNames(form.leaders).compactMap { name in
            guard let leader = leaders.first(where: { $0.name == name }) else {
                problems.append(DomainError(.unknownReference, zh: "未知县领导“\(name)”", en: "Unknown leader \"\(name)\"", field: "leaders"))
                return nil
            }
            return leader.id
        }
        let (milestones, milestoneProblems) = Self.milestones(from: form.milestones)
        problems += milestoneProblems
        for (field, text) in [("content", form.content), ("annualTarget", form.annualTarget), ("measures", form.measures)] where text.count > maximumTextLength {
            problems.append(.invalid(field, zh: "内容不能超过 \(maximumTextLength) 字", en: "At most \(maximumTextLength) characters"))
        }
        let task = PlanTask(id: id, planID: planID, number: number ?? TaskNumber(part: 1, item: 1), content: form.content.nonBlank ?? "", kind: kind,
                            deadline: kind == .phased ? deadline : nil, measures: form.measures.nonBlank, annualTarget: form.annualTarget.nonBlank,
                            leadUnitIDs: leadIDs, cooperatingUnitIDs: cooperatingIDs, leaderIDs: leaderIDs,
                            milestones: milestones.sorted { $0.due < $1.due })
        // The structural rules name fields "task.content" etc.; the form's fields have no prefix.
        problems += PlanRules.problems(in: task, field: "task").map { problem in
            var problem = problem
            problem.field = problem.field.map { $0.hasPrefix("task.") ? String($0.dropFirst(5)) : $0 }
            return problem
        }
        return problems.isEmpty ? .success(task) : .failure(Problems(problems))
    }
}

extension TaskEditing {
    /// Milestones written one per line as "YYYY-MM-DD title"; blank lines are skipped.
    public static func milestones(from text: String, field: String = "milestones") -> ([Milestone], [DomainError]) {
        var milestones: [Milestone] = []
        var problems: [DomainError] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            let pieces = text.split(maxSplits: 1, whereSeparator: \.isWhitespace)
            guard pieces.count == 2, let due = CalendarDate(iso: String(pieces[0])), let title = String(pieces[1]).nonBlank else {
                problems.append(.invalid(field, zh: "第 \(index + 1) 行节点应写作“YYYY-MM-DD 节点内容”", en: "Milestone line \(index + 1) should read \"YYYY-MM-DD title\""))
                continue
            }
            milestones.append(Milestone(title: title, due: due))
        }
        return (milestones.sorted { $0.due < $1.due }, problems)
    }

    public static func milestoneText(_ milestones: [Milestone]) -> String {
        milestones.map { "\($0.due.iso) \($0.title)" }.joined(separator: "\n")
    }
}

/// Several problems at once, for a form that reports all of them.
public struct Problems: Error, Sendable, Hashable {
    public var all: [DomainError]
    public init(_ all: [DomainError]) { self.all = all }
    public var first: DomainError { all.first ?? DomainError(.badRequest, zh: "请求无效", en: "Invalid request") }
}
