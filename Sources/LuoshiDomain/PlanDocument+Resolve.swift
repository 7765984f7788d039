import Foundation

/// A plan document checked and turned into domain values with ids, ready to persist.
public struct ResolvedPlan: Sendable {
    /// The jurisdiction and its ancestors, the root (province) first.
    public var jurisdictions: [Jurisdiction]
    public var plan: Plan
    public var parts: [Part]
    public var tasks: [PlanTask]
    /// Units the document names that do not exist yet.
    public var newUnits: [Unit]
    public var newLeaders: [Leader]
}

extension PlanDocument {
    /// Checks the document and resolves unit and leader names, reusing `existingUnits` and
    /// `existingLeaders` of the same jurisdiction. Throws the first problem; `problems(…)` lists all.
    public func resolve(
        existingUnits: [Unit] = [], existingLeaders: [Leader] = [], makeID: () -> UUID = UUID.init
    ) throws(DomainError) -> ResolvedPlan {
        let (resolved, problems) = resolveCollectingProblems(existingUnits, existingLeaders, makeID)
        if let first = problems.first { throw first }
        return resolved
    }

    /// Every problem in the document, each naming its field.
    public func problems(existingUnits: [Unit] = [], existingLeaders: [Leader] = []) -> [DomainError] {
        resolveCollectingProblems(existingUnits, existingLeaders, UUID.init).problems
    }

    private func resolveCollectingProblems(
        _ existingUnits: [Unit], _ existingLeaders: [Leader], _ makeID: () -> UUID
    ) -> (resolved: ResolvedPlan, problems: [DomainError]) {
        var problems: [DomainError] = []
        let jurisdictions = resolveJurisdictions(&problems)
        let code = jurisdiction.code

        // Units: every name, short name and alias is unique, and matches an existing unit if any.
        var unitByName: [String: UUID] = [:]
        for unit in existingUnits where unit.jurisdictionCode == code {
            for name in unit.allNames { unitByName[name] = unit.id }
        }
        var newUnits: [Unit] = []
        var namesInDocument: Set<String> = []
        for (index, entry) in units.enumerated() {
            let field = "units[\(index)]"
            guard let name = entry.name.nonBlank else {
                problems.append(.missing("\(field).name", zh: "第 \(index + 1) 个单位缺少名称",
                                         en: "Unit \(index + 1) has no name"))
                continue
            }
            let shortName = entry.shortName?.nonBlank ?? name
            let aliases = (entry.aliases ?? []).compactMap(\.nonBlank)
            for alias in Set([name, shortName] + aliases) where !namesInDocument.insert(alias).inserted {
                problems.append(DomainError(.duplicate, zh: "单位名称“\(alias)”重复", en: "Unit name \"\(alias)\" is used twice",
                                            field: "\(field).name"))
            }
            if unitByName[name] != nil || unitByName[shortName] != nil { continue }
            let unit = Unit(id: makeID(), jurisdictionCode: code, name: name, shortName: shortName,
                            aliases: aliases, kind: entry.kind)
            newUnits.append(unit)
            for alias in unit.allNames { unitByName[alias] = unit.id }
        }

        var leaderByName: [String: UUID] = [:]
        for leader in existingLeaders where leader.jurisdictionCode == code { leaderByName[leader.name] = leader.id }
        var newLeaders: [Leader] = []
        var leaderNamesInDocument: Set<String> = []
        for (index, entry) in leaders.enumerated() {
            let field = "leaders[\(index)]"
            guard let name = entry.name.nonBlank else {
                problems.append(.missing("\(field).name", zh: "第 \(index + 1) 位县领导缺少姓名",
                                         en: "Leader \(index + 1) has no name"))
                continue
            }
            if !leaderNamesInDocument.insert(name).inserted {
                problems.append(DomainError(.duplicate, zh: "县领导“\(name)”重复", en: "Leader \"\(name)\" is listed twice",
                                            field: "\(field).name"))
            }
            if leaderByName[name] != nil { continue }
            let leader = Leader(id: makeID(), jurisdictionCode: code, name: name,
                                post: entry.post.nonBlank ?? "", portfolio: entry.portfolio?.nonBlank ?? "")
            newLeaders.append(leader)
            leaderByName[name] = leader.id
        }

        let planID = makeID()
        let plan = Plan(
            id: planID, jurisdictionCode: code, year: self.plan.year, title: self.plan.title.nonBlank ?? "",
            status: self.plan.status, stages: self.plan.stages, documentNumber: self.plan.documentNumber?.nonBlank,
            indexNumber: self.plan.indexNumber?.nonBlank, issuingBody: self.plan.issuingBody.nonBlank ?? "",
            reportApprovedOn: self.plan.reportApprovedOn, reportApprovedBy: self.plan.reportApprovedBy?.nonBlank,
            approvalMeeting: self.plan.approvalMeeting?.nonBlank,
            illustrativeNotice: illustrative == true ? notice : nil)
        problems += PlanRules.problems(in: plan, field: "plan")
        if illustrative == true && notice == nil {
            problems.append(.missing("notice", zh: "示例数据需要说明文字", en: "Illustrative data needs a notice"))
        }

        var parts: [Part] = []
        var tasks: [PlanTask] = []
        var taskFields: [UUID: String] = [:]
        var partNumbers: Set<Int> = []
        for (partIndex, partEntry) in self.parts.enumerated() {
            let partField = "parts[\(partIndex)]"
            if partEntry.number < 1 || !partNumbers.insert(partEntry.number).inserted {
                problems.append(.invalid("\(partField).number", zh: "部分序号 \(partEntry.number) 无效或重复",
                                         en: "Part number \(partEntry.number) is invalid or repeated"))
            }
            if partEntry.title.isBlank {
                problems.append(.missing("\(partField).title", zh: "第 \(partEntry.number) 部分缺少标题",
                                         en: "Part \(partEntry.number) has no title"))
            }
            parts.append(Part(id: makeID(), planID: planID, number: partEntry.number, title: partEntry.title.nonBlank ?? ""))
            for (taskIndex, entry) in partEntry.tasks.enumerated() {
                let field = "\(partField).tasks[\(taskIndex)]"
                if entry.number.part != partEntry.number {
                    problems.append(.invalid("\(field).number",
                                             zh: "任务 \(entry.number) 不属于第 \(partEntry.number) 部分",
                                             en: "Task \(entry.number) does not belong to part \(partEntry.number)"))
                }
                func unitIDs(_ names: [String], _ key: String) -> [UUID] {
                    names.compactMap { raw in
                        let name = raw.nonBlank ?? raw
                        if let id = unitByName[name] { return id }
                        problems.append(DomainError(
                            .unknownReference, zh: "任务 \(entry.number) 引用了未知单位“\(name)”",
                            en: "Task \(entry.number) names an unknown unit \"\(name)\"", field: "\(field).\(key)"))
                        return nil
                    }
                }
                let leaderIDs: [UUID] = (entry.leaders ?? []).compactMap { raw in
                    let name = raw.nonBlank ?? raw
                    if let id = leaderByName[name] { return id }
                    problems.append(DomainError(
                        .unknownReference, zh: "任务 \(entry.number) 引用了未知县领导“\(name)”",
                        en: "Task \(entry.number) names an unknown leader \"\(name)\"", field: "\(field).leaders"))
                    return nil
                }
                let task = PlanTask(
                    id: makeID(), planID: planID, number: entry.number, content: entry.content.nonBlank ?? "",
                    kind: entry.kind, deadline: entry.deadline, measures: entry.measures?.nonBlank,
                    annualTarget: entry.annualTarget?.nonBlank,
                    leadUnitIDs: unitIDs(entry.leadUnits, "leadUnits"),
                    cooperatingUnitIDs: unitIDs(entry.cooperatingUnits ?? [], "cooperatingUnits"),
                    leaderIDs: leaderIDs, milestones: (entry.milestones ?? []).sorted { $0.due < $1.due })
                problems += PlanRules.problems(in: task, field: field)
                taskFields[task.id] = field
                tasks.append(task)
            }
        }
        problems += PlanRules.duplicateNumbers(in: tasks) { taskFields[$0.id] ?? "" }
        let resolved = ResolvedPlan(jurisdictions: jurisdictions, plan: plan, parts: parts, tasks: tasks,
                                    newUnits: newUnits, newLeaders: newLeaders)
        return (resolved, problems)
    }

    private func resolveJurisdictions(_ problems: inout [DomainError]) -> [Jurisdiction] {
        var chain: [Jurisdiction] = []
        var entry: JurisdictionEntry? = jurisdiction
        var field = "jurisdiction"
        while let current = entry {
            if !Jurisdiction.isValidCode(current.code) {
                problems.append(.invalid("\(field).code", zh: "行政区划代码应为6位数字，实际为“\(current.code)”",
                                         en: "A jurisdiction code has 6 digits; got \"\(current.code)\""))
            }
            if let parent = current.parent?.value.code, Jurisdiction.isValidCode(current.code), Jurisdiction.isValidCode(parent) {
                do { try Jurisdiction.validateParent(parent, of: current.code, field: "\(field).parent.code") } catch { problems.append(error) }
            }
            if current.name.isBlank {
                problems.append(.missing("\(field).name", zh: "行政区划缺少名称", en: "The jurisdiction has no name"))
            }
            chain.insert(Jurisdiction(code: current.code, name: current.name, level: current.level,
                                      parentCode: current.parent?.value.code), at: 0)
            entry = current.parent?.value
            field += ".parent"
        }
        return chain
    }
}
