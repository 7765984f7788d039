import Foundation
import LuoshiDomain
import LuoshiOffice

// `luoshi-bulletin-bench [COUNTIES] [TASKS]`: generating the monthly bulletin for COUNTIES
// generated counties (default 150) of TASKS tasks each (default 150) with 12 months of verified
// reports: per county the ledger as of December's due date, the snapshot (every figure and
// list), the laid-out document, the snapshot's JSON and the Word file. Prints the total for all
// counties (median of 3 runs) and the median per county.

let counties = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 150
let perCounty = CommandLine.arguments.dropFirst(2).first.flatMap(Int.init) ?? 150
let rules = RuleSet.standard(jurisdiction: "370000", year: 2023)
let dues = (1...12).map { CalendarDate(year: 2023, month: $0, day: 25)! }
let asOf = dues[11]

struct County {
    var tasks: [PlanTask]
    var parts: [Part]
    var units: [LuoshiDomain.Unit]
    var leaders: [Leader]
    var evidence: [UUID: [Ledger.Evidence]]
    var reports: [Bulletin.ReportFact]
}

func county(_ number: Int) -> County {
    let code = String(370100 + number)
    let planID = UUID()
    let units = (0..<30).map { LuoshiDomain.Unit(id: UUID(), jurisdictionCode: code, name: "第\($0)单位全称", shortName: "第\($0)单位", aliases: [], kind: .department) }
    let leaders = (0..<8).map { Leader(id: UUID(), jurisdictionCode: code, name: "领导\($0)", post: $0 == 0 ? "县长" : "副县长", portfolio: "") }
    let parts = (1...6).map { Part(id: UUID(), planID: planID, number: $0, title: "第\($0)部分") }
    let tasks = (0..<perCounty).map { index in
        let phased = index % 3 != 0
        return PlanTask(id: UUID(), planID: planID, number: TaskNumber(part: index % 6 + 1, item: index / 6 + 1), content: "第\(index)项重点任务的内容",
                        kind: phased ? .phased : .ongoing, deadline: phased ? CalendarDate(year: 2023, month: 6 + index % 7, day: 30) : nil,
                        measures: nil, annualTarget: phased ? nil : "目标", leadUnitIDs: [units[index % 30].id] + (index % 10 == 0 ? [units[(index + 1) % 30].id] : []),
                        cooperatingUnitIDs: [], leaderIDs: [leaders[index % 8].id], milestones: [])
    }
    var evidence: [UUID: [Ledger.Evidence]] = [:]
    for (index, task) in tasks.enumerated() {
        evidence[task.id] = dues.enumerated().map { month, due in
            let value = min(100, Double((index * 7 + month * 13) % 30 + month * 8))
            return Ledger.Evidence(roundDue: due, verified: value, reported: value + 5)
        }
    }
    let reports = tasks.enumerated().flatMap { index, task in
        task.leadUnitIDs.map { Bulletin.ReportFact(taskID: task.id, unitID: $0, submitted: index % 23 != 0, late: index % 17 == 0) }
    }
    return County(tasks: tasks, parts: parts, units: units, leaders: leaders, evidence: evidence, reports: reports)
}

let data = (0..<counties).map(county)
let month = YearMonth(year: 2023, month: 12)!
/// Generates one county's bulletin; returns the bytes written (snapshot JSON and Word file).
func generate(_ county: County) throws -> Int {
    let missing = Set(county.reports.filter { !$0.submitted }.map(\.taskID))
    let rows = Ledger.rows(tasks: county.tasks, year: 2023, asOf: asOf, rules: rules, evidence: county.evidence, missing: missing)
    let snapshot = Bulletin.snapshot(month: month, asOf: asOf, takenAt: Date(), ruleSet: rules.name, rows: rows, parts: county.parts,
                                     leaders: county.leaders, units: county.units, reports: county.reports, criticisms: [])
    let texts = Bulletin.defaultTexts(snapshot, issuer: "某县人民政府督查室", signedOn: CalendarDate(year: 2024, month: 1, day: 3)!, dueDay: 25)
    let document = Bulletin.document(snapshot, texts: texts, issue: .init(number: 12, nextNumber: 12, corrects: nil))
    return try JSONEncoder().encode(snapshot).count + DOCXWriter.write(.init(masthead: document.masthead, issueLine: document.issueLine, issuer: document.issuer, date: document.date,
                                         title: document.title, blocks: document.blocks.map { block in
                                             switch block {
                                             case .addressee(let text): .addressee(text)
                case .heading(let text): .heading(text)
                                             case .paragraph(let text): .paragraph(text)
                                             case .table(let table): .table(caption: table.caption, columns: table.columns, rows: table.rows, numeric: table.numericColumns)
                                             }
                                         }, signature: document.signature, imprint: document.imprint)).count
}

var totals: [Double] = [], each: [Double] = [], bytes = 0
for _ in 0..<3 {
    let start = DispatchTime.now().uptimeNanoseconds
    for county in data {
        let one = DispatchTime.now().uptimeNanoseconds
        bytes &+= try generate(county)
        each.append(Double(DispatchTime.now().uptimeNanoseconds - one) / 1_000_000)
    }
    totals.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
}
print(String(format: "bulletins of %d counties × %d tasks × 12 months: %.0f ms in all (median of 3), %.1f ms per county (median); %d KB written",
             counties, perCounty, totals.sorted()[1], each.sorted()[each.count / 2], bytes / 3 / 1024))
