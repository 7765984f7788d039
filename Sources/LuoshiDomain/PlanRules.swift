import Foundation

/// The structural rules of a plan. Each problem names the field it is about.
public enum PlanRules {
    /// The problems with one task: content, lead units, and what its kind requires.
    public static func problems(in task: PlanTask, field: String) -> [DomainError] {
        var problems: [DomainError] = []
        let number = task.number.description
        if task.content.isBlank {
            problems.append(.missing("\(field).content", zh: "任务 \(number) 缺少任务内容",
                                     en: "Task \(number) has no content"))
        }
        if task.leadUnitIDs.isEmpty {
            problems.append(.missing("\(field).leadUnits", zh: "任务 \(number) 至少需要一个牵头单位",
                                     en: "Task \(number) needs at least one lead unit"))
        }
        switch task.kind {
        case .phased where task.deadline == nil:
            problems.append(.missing("\(field).deadline", zh: "阶段性任务 \(number) 需要完成时限",
                                     en: "Phased task \(number) needs a deadline"))
        case .ongoing where (task.annualTarget ?? "").isBlank:
            problems.append(.missing("\(field).annualTarget", zh: "长期性任务 \(number) 需要年度目标",
                                     en: "Ongoing task \(number) needs an annual target"))
        default:
            break
        }
        let both = Set(task.leadUnitIDs).intersection(task.cooperatingUnitIDs)
        if !both.isEmpty {
            problems.append(.invalid("\(field).cooperatingUnits",
                                     zh: "任务 \(number) 的同一单位不能既是牵头单位又是配合单位",
                                     en: "In task \(number) a unit cannot be both lead and cooperating"))
        }
        return problems
    }

    /// Task numbers must be unique within a plan. Returns one problem per repeated number.
    public static func duplicateNumbers(in tasks: [PlanTask], field: (PlanTask) -> String) -> [DomainError] {
        var seen: Set<TaskNumber> = []
        var problems: [DomainError] = []
        for task in tasks where !seen.insert(task.number).inserted {
            problems.append(DomainError(.duplicate, zh: "任务编号 \(task.number) 在方案中重复",
                                        en: "Task number \(task.number) appears more than once in the plan",
                                        field: "\(field(task)).number"))
        }
        return problems
    }
}

extension String {
    /// Empty or only white space (including the ideographic space U+3000).
    public var isBlank: Bool { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    /// Trimmed of white space; `nil` when nothing is left.
    public var nonBlank: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension PlanRules {
    /// The problems with a plan's own fields and its stage dates.
    public static func problems(in plan: Plan, field: String) -> [DomainError] {
        var problems: [DomainError] = []
        if !(2000...2100).contains(plan.year) {
            problems.append(.invalid("\(field).year", zh: "年度 \(plan.year) 不在 2000–2100 之间",
                                     en: "Year \(plan.year) is not between 2000 and 2100"))
        }
        if plan.title.isBlank {
            problems.append(.missing("\(field).title", zh: "方案缺少标题", en: "The plan has no title"))
        }
        if plan.issuingBody.isBlank {
            problems.append(.missing("\(field).issuingBody", zh: "方案缺少发布机构", en: "The plan has no issuing body"))
        }
        if plan.stages.date(of: plan.status) == nil {
            problems.append(.missing("\(field).stages.\(plan.status.rawValue)",
                                     zh: "方案处于“\(plan.status.rawValue)”阶段，但缺少该阶段日期",
                                     en: "The plan is \(plan.status.rawValue) but has no date for that stage"))
        }
        let dated = Plan.Status.allCases.compactMap { status in plan.stages.date(of: status).map { (status, $0) } }
        for (earlier, later) in zip(dated, dated.dropFirst()) where later.1 < earlier.1 {
            problems.append(.invalid("\(field).stages.\(later.0.rawValue)",
                                     zh: "阶段日期 \(later.1) 早于前一阶段的 \(earlier.1)",
                                     en: "Stage date \(later.1) is before the previous stage's \(earlier.1)"))
        }
        return problems
    }
}
