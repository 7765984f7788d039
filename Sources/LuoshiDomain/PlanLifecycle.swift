import Foundation

/// The plan's lifecycle: 初稿 → 征求意见 → 审议通过 → 印发, one step at a time, each dated.
public enum PlanLifecycle {
    public enum Step: Sendable, Hashable {
        /// Circulate the draft to the units for comments (征求意见稿).
        case circulate(on: CalendarDate)
        /// Approved at a meeting (e.g. 县政府2023年第一次常务会议).
        case approve(on: CalendarDate, meeting: String)
        /// Issued as a document with a number (文号).
        case issue(on: CalendarDate, documentNumber: String)

        public var target: Plan.Status {
            switch self {
            case .circulate: .consultation
            case .approve: .approved
            case .issue: .issued
            }
        }

        public var date: CalendarDate {
            switch self {
            case .circulate(let date), .approve(let date, _), .issue(let date, _): date
            }
        }
    }

    /// The plan after `step`, or the reason it cannot be taken.
    public static func apply(_ step: Step, to plan: Plan) throws(DomainError) -> Plan {
        let expected: Plan.Status = switch step {
        case .circulate: .draft
        case .approve: .consultation
        case .issue: .approved
        }
        guard plan.status == expected else {
            throw DomainError(.conflict, zh: "方案当前为“\(plan.status.rawValue)”，不能进行这一步", en: "The plan is \(plan.status.rawValue); this step does not follow", field: "status")
        }
        if let previous = plan.stages.date(of: plan.status), step.date < previous {
            throw .invalid("date", zh: "日期不能早于上一阶段（\(previous.iso)）", en: "The date cannot be before the previous stage (\(previous.iso))")
        }
        var next = plan
        next.status = step.target
        switch step {
        case .circulate(let date):
            next.stages.consultation = date
        case .approve(let date, let meeting):
            guard let meeting = meeting.nonBlank, meeting.count <= 200 else {
                throw .missing("meeting", zh: "请填写审议会议（如“县政府2023年第一次常务会议”）", en: "Name the approving meeting")
            }
            next.stages.approved = date
            next.approvalMeeting = meeting
        case .issue(let date, let documentNumber):
            guard let number = documentNumber.nonBlank, number.count <= 100 else {
                throw .missing("documentNumber", zh: "请填写文号（如“沂政办字〔2023〕6号”）", en: "Give the document number")
            }
            next.stages.issued = date
            next.documentNumber = number
        }
        return next
    }
}

/// What changed between two versions of a plan, task by task and field by field.
public enum PlanDiff {
    public struct Change: Sendable, Hashable {
        public enum Kind: String, Sendable { case added, removed, changed }
        public var kind: Kind
        public var task: TaskNumber
        /// For `changed`: the field and its values before and after.
        public var field: String?
        public var before: String?
        public var after: String?
    }

    public static func compare(_ old: PlanDocument, _ new: PlanDocument) -> [Change] {
        func index(_ document: PlanDocument) -> [TaskNumber: PlanDocument.TaskEntry] {
            Dictionary(document.parts.flatMap(\.tasks).map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let before = index(old), after = index(new)
        var changes: [Change] = []
        for number in Set(before.keys).union(after.keys).sorted() {
            switch (before[number], after[number]) {
            case (nil, .some): changes.append(Change(kind: .added, task: number))
            case (.some, nil): changes.append(Change(kind: .removed, task: number))
            case (let was?, let now?):
                for (field, a, b) in fields(was, now) where a != b {
                    changes.append(Change(kind: .changed, task: number, field: field, before: a, after: b))
                }
            case (nil, nil): break
            }
        }
        return changes
    }

    private static func fields(_ a: PlanDocument.TaskEntry, _ b: PlanDocument.TaskEntry) -> [(String, String, String)] {
        func list(_ names: [String]?) -> String { (names ?? []).joined(separator: "、") }
        func milestones(_ items: [Milestone]?) -> String { (items ?? []).map { "\($0.due.iso) \($0.title)" }.joined(separator: "；") }
        return [
            ("content", a.content, b.content),
            ("kind", a.kind.rawValue, b.kind.rawValue),
            ("deadline", a.deadline?.iso ?? "", b.deadline?.iso ?? ""),
            ("annualTarget", a.annualTarget ?? "", b.annualTarget ?? ""),
            ("measures", a.measures ?? "", b.measures ?? ""),
            ("leadUnits", list(a.leadUnits), list(b.leadUnits)),
            ("cooperatingUnits", list(a.cooperatingUnits), list(b.cooperatingUnits)),
            ("leaders", list(a.leaders), list(b.leaders)),
            ("milestones", milestones(a.milestones), milestones(b.milestones)),
        ]
    }
}

extension PlanDocument {
    /// A stored plan as a document (units by short name, leaders by name), for versions and diffs.
    public init(plan: Plan, jurisdiction: JurisdictionEntry, parts: [Part], tasks: [PlanTask],
                unitName: (UUID) -> String?, leaderName: (UUID) -> String?) {
        let byPart = Dictionary(grouping: tasks, by: \.number.part)
        self.init(
            illustrative: plan.illustrativeNotice != nil, notice: plan.illustrativeNotice, jurisdiction: jurisdiction,
            plan: PlanEntry(year: plan.year, title: plan.title, documentNumber: plan.documentNumber, indexNumber: plan.indexNumber,
                            issuingBody: plan.issuingBody, reportApprovedOn: plan.reportApprovedOn, reportApprovedBy: plan.reportApprovedBy,
                            approvalMeeting: plan.approvalMeeting, status: plan.status, stages: plan.stages),
            units: [], leaders: [],
            parts: parts.sorted { $0.number < $1.number }.map { part in
                PartEntry(number: part.number, title: part.title, tasks: (byPart[part.number] ?? []).sorted { $0.number < $1.number }.map { task in
                    TaskEntry(number: task.number, content: task.content, kind: task.kind, deadline: task.deadline, measures: task.measures,
                              annualTarget: task.annualTarget, milestones: task.milestones,
                              leadUnits: task.leadUnitIDs.compactMap(unitName), cooperatingUnits: task.cooperatingUnitIDs.compactMap(unitName),
                              leaders: task.leaderIDs.compactMap(leaderName))
                })
            })
    }
}
