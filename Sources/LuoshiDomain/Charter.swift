import Foundation

/// 任务书: how a lead unit will deliver one task of an issued plan — 目标到季、计划到月.
public struct Charter: Sendable, Hashable, Codable {
    /// What is to be reached by the end of a quarter, and the share of the task done by then.
    public struct QuarterTarget: Sendable, Hashable, Codable {
        public var target: String
        public var expectedPercent: Int

        public init(target: String, expectedPercent: Int) {
            self.target = target
            self.expectedPercent = expectedPercent
        }
    }

    /// Who answers for the task in the unit: 责任领导、责任科室、具体经办人及联系电话.
    public struct Owner: Sendable, Hashable, Codable {
        public var leader: String
        public var section: String
        public var staff: String
        public var contact: String

        public init(leader: String = "", section: String = "", staff: String = "", contact: String = "") {
            self.leader = leader
            self.section = section
            self.staff = staff
            self.contact = contact
        }
    }

    /// Q1 to Q4.
    public var quarters: [QuarterTarget]
    /// January to December: the work planned in each month.
    public var months: [String]
    /// 路线图、时间表.
    public var roadmap: String
    public var measures: String
    public var annualTarget: String
    public var milestones: [Milestone]
    /// When a phased task will be finished (on or before its deadline).
    public var completesOn: CalendarDate?
    public var owner: Owner

    public init(quarters: [QuarterTarget], months: [String], roadmap: String, measures: String, annualTarget: String,
                milestones: [Milestone], completesOn: CalendarDate?, owner: Owner) {
        self.quarters = quarters
        self.months = months
        self.roadmap = roadmap
        self.measures = measures
        self.annualTarget = annualTarget
        self.milestones = milestones
        self.completesOn = completesOn
        self.owner = owner
    }

    /// A first draft for `task`: its measures, target, milestones and deadline, nothing planned yet.
    public static func blank(for task: PlanTask) -> Charter {
        Charter(quarters: Array(repeating: QuarterTarget(target: "", expectedPercent: 0), count: 4),
                months: Array(repeating: "", count: 12), roadmap: "", measures: task.measures ?? "",
                annualTarget: task.annualTarget ?? "", milestones: task.milestones, completesOn: task.deadline, owner: Owner())
    }
}

/// Where a charter stands: 草稿 → 已提交 → 已通过, or 已退回 and resubmitted.
public enum CharterStatus: String, Sendable, Codable, CaseIterable {
    case draft, submitted, approved, returned
}

/// The rules of charters: what a complete one holds, and who may move it where.
public enum CharterRules {
    public static let maximumTextLength = 2_000

    /// The problems that stop `charter` being submitted for `task` of a plan for `year`. Each names its form field.
    public static func problems(_ charter: Charter, task: PlanTask, year: Int) -> [DomainError] {
        var problems: [DomainError] = []
        guard charter.quarters.count == 4, charter.months.count == 12 else {
            return [.invalid("quarters", zh: "任务书应有四个季度目标和十二个月的计划", en: "A charter has four quarterly targets and twelve monthly plans")]
        }
        for (index, quarter) in charter.quarters.enumerated() {
            let q = index + 1
            if quarter.target.isBlank {
                problems.append(.missing("q\(q)Target", zh: "请填写第\(q)季度目标", en: "Enter the target for quarter \(q)"))
            }
            if !(0...100).contains(quarter.expectedPercent) {
                problems.append(.invalid("q\(q)Percent", zh: "第\(q)季度预期完成比例应在 0–100 之间", en: "Quarter \(q)'s expected share is between 0 and 100"))
            } else if index > 0, (0...100).contains(charter.quarters[index - 1].expectedPercent),
                      quarter.expectedPercent < charter.quarters[index - 1].expectedPercent {
                problems.append(.invalid("q\(q)Percent", zh: "第\(q)季度预期完成比例不能低于上一季度", en: "Quarter \(q)'s expected share cannot fall below the quarter before"))
            }
        }
        if charter.roadmap.isBlank {
            problems.append(.missing("roadmap", zh: "请填写路线图和时间表", en: "Enter the roadmap and timetable"))
        }
        let owner = charter.owner
        for (value, field, zh, en) in [(owner.leader, "ownerLeader", "责任领导", "the responsible leader"),
                                       (owner.section, "ownerSection", "责任科室", "the responsible section"),
                                       (owner.staff, "ownerStaff", "具体经办人", "the staff member")] where value.isBlank {
            problems.append(.missing(field, zh: "请填写\(zh)", en: "Enter \(en)"))
        }
        if !isContact(owner.contact) {
            problems.append(.invalid("ownerContact", zh: "请填写联系电话（7–20 位数字，可含“-”和空格）", en: "Enter a telephone number (7–20 digits, hyphens and spaces allowed)"))
        }
        let lastMonth: Int
        switch task.kind {
        case .phased:
            if charter.measures.isBlank {
                problems.append(.missing("measures", zh: "阶段性任务的任务书需要工作举措", en: "A phased task's charter needs its measures"))
            }
            if let completesOn = charter.completesOn {
                if let deadline = task.deadline, deadline < completesOn {
                    problems.append(.invalid("completesOn", zh: "完成日期不能晚于任务时限 \(deadline.iso)", en: "The completion date cannot be after the deadline \(deadline.iso)"))
                }
                if completesOn.year == year, charter.quarters[(completesOn.month - 1) / 3].expectedPercent != 100 {
                    problems.append(.invalid("q\((completesOn.month - 1) / 3 + 1)Percent",
                                             zh: "完成日期所在季度的预期完成比例应为 100%", en: "The quarter of the completion date should expect 100%"))
                }
                lastMonth = completesOn.year == year ? completesOn.month : (completesOn.year > year ? 12 : 0)
            } else {
                problems.append(.missing("completesOn", zh: "请填写计划完成日期", en: "Enter the planned completion date"))
                lastMonth = 12
            }
        case .ongoing:
            if charter.annualTarget.isBlank {
                problems.append(.missing("annualTarget", zh: "长期性任务的任务书需要年度目标", en: "An ongoing task's charter needs its annual target"))
            }
            if charter.milestones.isEmpty {
                problems.append(.missing("milestones", zh: "长期性任务的任务书至少需要一个节点", en: "An ongoing task's charter needs at least one milestone"))
            }
            if charter.quarters[3].expectedPercent != 100 {
                problems.append(.invalid("q4Percent", zh: "长期性任务第四季度的预期完成比例应为 100%", en: "An ongoing task expects 100% at the end of quarter 4"))
            }
            lastMonth = 12
        }
        for month in 1...12 where month <= lastMonth && charter.months[month - 1].isBlank {
            problems.append(.missing("month\(month)", zh: "请填写\(month)月的工作计划", en: "Enter the plan for month \(month)"))
        }
        if let completesOn = charter.completesOn, task.kind == .phased,
           let late = charter.milestones.first(where: { completesOn < $0.due }) {
            problems.append(.invalid("milestones", zh: "节点“\(late.title)”晚于计划完成日期", en: "Milestone \"\(late.title)\" is after the planned completion date"))
        }
        return problems + lengthProblems(charter)
    }

    /// Texts over the length limit, which even a draft may not hold.
    public static func lengthProblems(_ charter: Charter) -> [DomainError] {
        var texts: [(String, String)] = [("roadmap", charter.roadmap), ("measures", charter.measures), ("annualTarget", charter.annualTarget),
                                         ("ownerLeader", charter.owner.leader), ("ownerSection", charter.owner.section),
                                         ("ownerStaff", charter.owner.staff), ("ownerContact", charter.owner.contact)]
        texts += charter.quarters.enumerated().map { ("q\($0.offset + 1)Target", $0.element.target) }
        texts += charter.months.enumerated().map { ("month\($0.offset + 1)", $0.element) }
        texts += charter.milestones.map { ("milestones", $0.title) }
        return texts.filter { $0.1.count > maximumTextLength }.map {
            .invalid($0.0, zh: "内容不能超过 \(maximumTextLength) 字", en: "At most \(maximumTextLength) characters")
        }
    }

    static func isContact(_ text: String) -> Bool {
        let digits = text.filter(\.isASCII).filter(\.isNumber).count
        return (7...20).contains(digits) && text.allSatisfy { $0.isASCII && ($0.isNumber || "-+() ".contains($0)) }
    }

    /// What a unit or the office does with a charter.
    public enum Step: Sendable, Hashable {
        /// Save without submitting (草稿).
        case save
        case submit
        case approve(comment: String)
        case `return`(comment: String)

        public var name: String {
            switch self {
            case .save: "save"
            case .submit: "submit"
            case .approve: "approve"
            case .return: "return"
            }
        }
    }

    /// The status after `step` from `status` (nil: no charter yet), or why the step is refused.
    public static func next(after status: CharterStatus?, _ step: Step) throws(DomainError) -> CharterStatus {
        switch (status, step) {
        case (nil, .save), (.draft, .save): return .draft
        case (.returned, .save): return .returned
        case (nil, .submit), (.draft, .submit), (.returned, .submit): return .submitted
        case (.submitted, .approve): return .approved
        case (.submitted, .return(let comment)):
            guard comment.nonBlank != nil else {
                throw .missing("comment", zh: "退回时请写明修改意见", en: "Say what to revise when returning a charter")
            }
            return .returned
        case (.submitted, .save), (.submitted, .submit):
            throw DomainError(.conflict, zh: "任务书已提交，等待督查室审核，暂不能修改", en: "The charter is awaiting review and cannot be changed", field: "status")
        case (.approved, _):
            throw DomainError(.conflict, zh: "任务书已审核通过；调整时限或目标请提出变更申请", en: "The charter is approved; request a change instead", field: "status")
        default:
            throw DomainError(.conflict, zh: "任务书当前状态下不能进行这一操作", en: "This step does not apply to the charter now", field: "status")
        }
    }
}

extension Charter {
    /// The charter's form fields by name, as the form shows them (q1Target … month12, owner…).
    public var formFields: [String: String] {
        var fields: [String: String] = ["roadmap": roadmap, "measures": measures, "annualTarget": annualTarget,
                                        "milestones": TaskEditing.milestoneText(milestones), "completesOn": completesOn?.iso ?? "",
                                        "ownerLeader": owner.leader, "ownerSection": owner.section, "ownerStaff": owner.staff,
                                        "ownerContact": owner.contact]
        for (index, quarter) in quarters.enumerated() {
            fields["q\(index + 1)Target"] = quarter.target
            fields["q\(index + 1)Percent"] = String(quarter.expectedPercent)
        }
        for (index, month) in months.enumerated() { fields["month\(index + 1)"] = month }
        return fields
    }

    /// A charter read from form fields, with the problems of reading it (a share that is not a
    /// number, a date or milestone line that cannot be read). Missing fields read as empty.
    public static func read(formFields fields: [String: String]) -> (Charter, [DomainError]) {
        var problems: [DomainError] = []
        func text(_ name: String) -> String { (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let quarters = (1...4).map { q in
            let percentText = text("q\(q)Percent")
            // A blank share reads as 0 (a draft may leave it); text that is not a number is an error.
            let percent = percentText.isEmpty ? 0 : Int(percentText) ?? {
                problems.append(.invalid("q\(q)Percent", zh: "第\(q)季度预期完成比例应为 0–100 的整数", en: "Quarter \(q)'s expected share is a whole number 0–100"))
                return 0
            }()
            return QuarterTarget(target: text("q\(q)Target"), expectedPercent: percent)
        }
        var completesOn: CalendarDate?
        if !text("completesOn").isEmpty {
            completesOn = CalendarDate(iso: text("completesOn"))
            if completesOn == nil { problems.append(.invalid("completesOn", zh: "日期应写作 YYYY-MM-DD", en: "Write the date as YYYY-MM-DD")) }
        }
        let (milestones, milestoneProblems) = TaskEditing.milestones(from: fields["milestones"] ?? "")
        problems += milestoneProblems
        let charter = Charter(quarters: quarters, months: (1...12).map { text("month\($0)") }, roadmap: text("roadmap"),
                              measures: text("measures"), annualTarget: text("annualTarget"), milestones: milestones,
                              completesOn: completesOn,
                              owner: Owner(leader: text("ownerLeader"), section: text("ownerSection"), staff: text("ownerStaff"),
                                           contact: text("ownerContact")))
        return (charter, problems)
    }
}
