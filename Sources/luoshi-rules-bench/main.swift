import Foundation
import LuoshiDomain

// `luoshi-rules-bench [TASKS]`: the ledger's colour computation (expected progress, status,
// colour, explanation and trajectory) for TASKS synthetic tasks (default 22,500: a province of
// 150 counties × 150 tasks) with three months of verified history. Prints the median of 7 runs.

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 22_500
let planID = UUID()
let tasks: [PlanTask] = (0..<count).map { index in
    let phased = index % 3 != 0
    return PlanTask(id: UUID(), planID: planID, number: TaskNumber(part: index / 1000 + 1, item: index % 1000 + 1), content: "任务 \(index)",
                    kind: phased ? .phased : .ongoing,
                    deadline: phased ? CalendarDate(year: 2023, month: 6 + index % 7, day: 30) : nil,
                    measures: nil, annualTarget: phased ? nil : "目标", leadUnitIDs: [UUID()], cooperatingUnitIDs: [], leaderIDs: [], milestones: [])
}
let dues = [4, 5, 6].map { CalendarDate(year: 2023, month: $0, day: 25)! }
var evidence: [UUID: [Ledger.Evidence]] = [:]
for (index, task) in tasks.enumerated() {
    evidence[task.id] = dues.enumerated().map { month, due in
        let value = Double((index * 7 + month * 13) % 60 + month * 10)
        return Ledger.Evidence(roundDue: due, verified: value, reported: value + 5)
    }
}
let missing = Set(tasks.enumerated().filter { $0.offset % 25 == 0 }.map(\.element.id))
let rules = RuleSet.standard(jurisdiction: "370000", year: 2023)
let asOf = CalendarDate(year: 2023, month: 6, day: 25)!

var times: [Double] = []
var checksum = 0
for _ in 0..<7 {
    let start = DispatchTime.now().uptimeNanoseconds
    let rows = Ledger.rows(tasks: tasks, year: 2023, asOf: asOf, rules: rules, evidence: evidence, missing: missing)
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    checksum &+= rows.filter { $0.colour == .red }.count
}
let median = times.sorted()[times.count / 2]
print(String(format: "colours of %d tasks: %.1f ms (median of 7; red rows %d)", count, median, checksum / 7))

// The same rows with their explanations written out, as the ledger page and API show them.
var textTimes: [Double] = []
for _ in 0..<7 {
    let start = DispatchTime.now().uptimeNanoseconds
    let rows = Ledger.rows(tasks: tasks, year: 2023, asOf: asOf, rules: rules, evidence: evidence, missing: missing)
    checksum &+= rows.reduce(0) { $0 &+ $1.explanation.zh.utf8.count }
    textTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
}
print(String(format: "colours and explanations of %d tasks: %.1f ms (median of 7)", count, textTimes.sorted()[textTimes.count / 2]))
