import Foundation

extension PlanSheetImport {
    /// What a plan made from a sheet is, besides its tasks.
    public struct PlanFacts: Sendable {
        public var jurisdiction: PlanDocument.JurisdictionEntry
        public var year: Int
        public var title: String
        public var issuingBody: String

        public init(jurisdiction: PlanDocument.JurisdictionEntry, year: Int, title: String? = nil, issuingBody: String? = nil) {
            self.jurisdiction = jurisdiction
            self.year = year
            self.title = title?.nonBlank ?? "\(year)年政府工作报告重点工作任务分解方案"
            self.issuingBody = issuingBody?.nonBlank ?? "\(jurisdiction.name)人民政府办公室"
        }
    }

    /// Turns a reading into a draft plan document. Unit and leader names are matched against
    /// `units` and `leaders` (full names, short names and aliases); an unmatched name is a
    /// problem at its row and column, or, with `createMissing`, a new unit or leader.
    public static func document(
        from reading: Reading, facts: PlanFacts, units: [Unit], leaders: [Leader], createMissing: Bool, draftDate: CalendarDate
    ) -> (document: PlanDocument, problems: [Problem]) {
        var problems = reading.problems
        let known = Set(units.flatMap(\.allNames))
        let knownLeaders = Set(leaders.map(\.name))
        var newUnits: [String] = []
        var newLeaders: [String] = []
        var reported: Set<String> = []
        for row in reading.tasks {
            for (names, column) in [(row.leadUnits, row.leadColumn), (row.cooperatingUnits, row.cooperatingColumn)] {
                for name in names where !known.contains(name) && !newUnits.contains(name) {
                    if createMissing {
                        newUnits.append(name)
                    } else if reported.insert("\(row.row)|\(name)").inserted {
                        problems.append(Problem(sheet: row.sheet, row: row.row, column: column, code: .unknownUnit, message: LocalizedText(
                            zh: "第 \(row.row) 行的单位“\(name)”不在单位名录中（可映射到已有单位或新建）",
                            en: "Row \(row.row): the unit \"\(name)\" is not in the directory (map it to a unit or create it)")))
                    }
                }
            }
            for name in row.leaders where !knownLeaders.contains(name) && !newLeaders.contains(name) {
                if createMissing {
                    newLeaders.append(name)
                } else if reported.insert("\(row.row)|\(name)").inserted {
                    problems.append(Problem(sheet: row.sheet, row: row.row, column: row.leaderColumn, code: .unknownLeader, message: LocalizedText(
                        zh: "第 \(row.row) 行的县领导“\(name)”不在名录中", en: "Row \(row.row): the leader \"\(name)\" is not in the directory")))
                }
            }
        }
        let document = PlanDocument(
            illustrative: false, notice: nil, jurisdiction: facts.jurisdiction,
            plan: PlanDocument.PlanEntry(year: facts.year, title: facts.title, documentNumber: nil, indexNumber: nil,
                                         issuingBody: facts.issuingBody, reportApprovedOn: nil, reportApprovedBy: nil,
                                         approvalMeeting: nil, status: .draft, stages: Plan.Stages(draft: draftDate)),
            units: newUnits.map { PlanDocument.UnitEntry(name: $0, shortName: $0, aliases: [], kind: Unit.Kind(guessingFrom: $0)) },
            leaders: newLeaders.map { PlanDocument.LeaderEntry(name: $0, post: "县领导", portfolio: nil) },
            parts: reading.parts.map { part in
                PlanDocument.PartEntry(number: part.number, title: part.title, tasks: part.tasks.map { row in
                    PlanDocument.TaskEntry(number: row.number, content: row.content, kind: row.kind, deadline: row.deadline,
                                           measures: row.measures, annualTarget: row.annualTarget, milestones: row.milestones,
                                           leadUnits: row.leadUnits, cooperatingUnits: row.cooperatingUnits, leaders: row.leaders)
                })
            })
        return (document, problems)
    }
}

extension Unit.Kind {
    /// A new unit's kind from its name: 街道, 乡/镇, 开发区/园区, else a department.
    public init(guessingFrom name: String) {
        if name.hasSuffix("街道") || name.hasSuffix("街道办事处") { self = .street }
        else if name.hasSuffix("镇") || name.hasSuffix("乡") { self = .township }
        else if name.contains("开发区") || name.hasSuffix("园区") { self = .developmentZone }
        else { self = .department }
    }
}
