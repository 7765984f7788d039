import Foundation

/// The directory the office keeps — units with their aliases, county leaders — and a plan's own
/// fields and parts, each read from a form with every problem naming its field.
public enum DirectoryRules {
    /// Aliases written one per line or separated by 、，,；;.
    public static func splitAliases(_ text: String) -> [String] {
        var seen: Set<String> = []
        return text.split(whereSeparator: { "\n\r、，,；;".contains($0) })
            .compactMap { String($0).nonBlank }
            .filter { seen.insert($0).inserted }
    }

    /// Unit `id` of `jurisdictionCode` as the form describes it. Every name it answers to must be
    /// free among `others` (the jurisdiction's other units).
    public static func unit(name: String, shortName: String, kind: String, aliases: String, id: UUID, jurisdictionCode: String,
                            others: [Unit]) -> Result<Unit, Problems> {
        var problems: [DomainError] = []
        let fullName = name.nonBlank ?? ""
        if fullName.isEmpty || fullName.count > 100 {
            problems.append(.invalid("name", zh: "请填写单位全称（不超过 100 字）", en: "Enter the unit's full name (at most 100 characters)"))
        }
        let short = shortName.nonBlank ?? fullName
        if short.count > 100 { problems.append(.invalid("shortName", zh: "简称不超过 100 字", en: "At most 100 characters")) }
        let parsedKind = Unit.Kind(rawValue: kind)
        if parsedKind == nil { problems.append(.invalid("kind", zh: "请选择单位类型", en: "Choose the kind of unit")) }
        let aliasList = splitAliases(aliases).filter { $0 != fullName && $0 != short }
        if aliasList.contains(where: { $0.count > 100 }) { problems.append(.invalid("aliases", zh: "每个别称不超过 100 字", en: "Each alias has at most 100 characters")) }
        let taken = Dictionary(others.flatMap { unit in unit.allNames.map { ($0, unit.name) } }, uniquingKeysWith: { first, _ in first })
        for (field, names) in [("name", [fullName]), ("shortName", [short]), ("aliases", aliasList)] {
            if let clash = names.first(where: { taken[$0] != nil }) {
                problems.append(DomainError(.duplicate, zh: "“\(clash)”已是“\(taken[clash] ?? "")”的名称或别称",
                                            en: "\"\(clash)\" already names \(taken[clash] ?? "")", field: field))
            }
        }
        guard problems.isEmpty, let parsedKind else { return .failure(Problems(problems)) }
        return .success(Unit(id: id, jurisdictionCode: jurisdictionCode, name: fullName, shortName: short, aliases: aliasList, kind: parsedKind))
    }

    /// Leader `id` of `jurisdictionCode`; names are unique among `others`.
    public static func leader(name: String, post: String, portfolio: String, id: UUID, jurisdictionCode: String,
                              others: [Leader]) -> Result<Leader, Problems> {
        var problems: [DomainError] = []
        let trimmed = name.nonBlank ?? ""
        if trimmed.isEmpty || trimmed.count > 50 {
            problems.append(.invalid("name", zh: "请填写姓名（不超过 50 字）", en: "Enter the name (at most 50 characters)"))
        } else if others.contains(where: { $0.name == trimmed }) {
            problems.append(DomainError(.duplicate, zh: "已有名为“\(trimmed)”的县领导", en: "A leader named \(trimmed) exists", field: "name"))
        }
        let title = post.nonBlank ?? ""
        if title.isEmpty || title.count > 50 {
            problems.append(.invalid("post", zh: "请填写职务（如“副县长”）", en: "Enter the post (e.g. 副县长)"))
        }
        if portfolio.count > 500 { problems.append(.invalid("portfolio", zh: "分工不超过 500 字", en: "At most 500 characters")) }
        guard problems.isEmpty else { return .failure(Problems(problems)) }
        return .success(Leader(id: id, jurisdictionCode: jurisdictionCode, name: trimmed, post: title,
                               portfolio: portfolio.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Part `id` of `planID`: a number from 1 to 99 no other part has, and a title.
    public static func part(number: String, title: String, id: UUID, planID: UUID, others: [Part]) -> Result<Part, Problems> {
        var problems: [DomainError] = []
        let parsed = Int(number.trimmingCharacters(in: .whitespaces))
        if let parsed, (1...99).contains(parsed) {
            if others.contains(where: { $0.number == parsed }) {
                problems.append(DomainError(.duplicate, zh: "已有第 \(parsed) 部分", en: "Part \(parsed) exists", field: "number"))
            }
        } else {
            problems.append(.invalid("number", zh: "部分序号应为 1–99 的整数", en: "The part number is a whole number 1–99"))
        }
        let text = title.nonBlank ?? ""
        if text.isEmpty || text.count > 200 {
            problems.append(.invalid("title", zh: "请填写部分标题（不超过 200 字）", en: "Enter the part's title (at most 200 characters)"))
        }
        guard problems.isEmpty, let parsed else { return .failure(Problems(problems)) }
        return .success(Part(id: id, planID: planID, number: parsed, title: text))
    }

    /// A plan's own fields from a form: year, title, issuing body, when and by whom the report was
    /// approved, and (for a new plan) the date of the draft.
    public static func plan(year: String, title: String, issuingBody: String, reportApprovedOn: String, reportApprovedBy: String,
                            base: Plan) -> Result<Plan, Problems> {
        var problems: [DomainError] = []
        var plan = base
        if let parsed = Int(year.trimmingCharacters(in: .whitespaces)) { plan.year = parsed } else {
            problems.append(.invalid("year", zh: "年度应为四位数字", en: "The year is four digits"))
        }
        plan.title = title.nonBlank ?? ""
        plan.issuingBody = issuingBody.nonBlank ?? ""
        plan.reportApprovedBy = reportApprovedBy.nonBlank
        if let text = reportApprovedOn.nonBlank {
            plan.reportApprovedOn = CalendarDate(iso: text)
            if plan.reportApprovedOn == nil { problems.append(.invalid("reportApprovedOn", zh: "日期应写作 YYYY-MM-DD", en: "Write the date as YYYY-MM-DD")) }
        } else {
            plan.reportApprovedOn = nil
        }
        if plan.title.count > 200 { problems.append(.invalid("title", zh: "标题不超过 200 字", en: "At most 200 characters")) }
        if (plan.reportApprovedBy ?? "").count > 200 { problems.append(.invalid("reportApprovedBy", zh: "不超过 200 字", en: "At most 200 characters")) }
        problems += PlanRules.problems(in: plan, field: "plan").map { problem in
            var problem = problem
            problem.field = problem.field.map { $0.hasPrefix("plan.") ? String($0.dropFirst(5)) : $0 }
            return problem
        }
        return problems.isEmpty ? .success(plan) : .failure(Problems(problems))
    }

    /// A jurisdiction has one plan a year: the refusal when another of `plans` (any jurisdiction's)
    /// already holds `plan`'s jurisdiction and year.
    public static func yearTaken(by plan: Plan, among plans: [Plan]) -> DomainError? {
        guard plans.contains(where: { $0.id != plan.id && $0.jurisdictionCode == plan.jurisdictionCode && $0.year == plan.year }) else { return nil }
        return DomainError(.alreadyExists, zh: "\(plan.year)年的方案已存在", en: "A \(plan.year) plan exists", field: "year")
    }
}
