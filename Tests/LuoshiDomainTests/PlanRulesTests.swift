import Foundation
import LuoshiDomain
import Testing

/// A valid task to vary in each test.
private func task(_ number: String = "1.1", kind: TaskKind = .phased, deadline: String? = "2023-12-31",
                  target: String? = nil, leads: [UUID] = [UUID()], cooperating: [UUID] = [], content: String = "完成任务") -> PlanTask {
    PlanTask(id: UUID(), planID: UUID(), number: TaskNumber(number)!, content: content, kind: kind,
             deadline: deadline.flatMap(CalendarDate.init(iso:)), measures: nil, annualTarget: target,
             leadUnitIDs: leads, cooperatingUnitIDs: cooperating, leaderIDs: [], milestones: [])
}

@Suite struct PlanRulesTests {
    @Test func aValidTaskHasNoProblems() {
        #expect(PlanRules.problems(in: task(), field: "t").isEmpty)
        #expect(PlanRules.problems(in: task(kind: .ongoing, deadline: nil, target: "全年完成"), field: "t").isEmpty)
    }

    @Test func aTaskNeedsALeadUnit() {
        let problems = PlanRules.problems(in: task("3.14", leads: []), field: "parts[2].tasks[13]")
        #expect(problems.map(\.field) == ["parts[2].tasks[13].leadUnits"])
        #expect(problems.first?.code == .missingField)
        #expect(problems.first?.message.zh == "任务 3.14 至少需要一个牵头单位")
        #expect(problems.first?.message.en == "Task 3.14 needs at least one lead unit")
    }

    @Test func aPhasedTaskNeedsADeadline() {
        let problems = PlanRules.problems(in: task(deadline: nil), field: "t")
        #expect(problems.map(\.field) == ["t.deadline"])
    }

    @Test(arguments: [nil, "", "　 "])
    func anOngoingTaskNeedsAnAnnualTarget(_ target: String?) {
        let problems = PlanRules.problems(in: task(kind: .ongoing, deadline: nil, target: target), field: "t")
        #expect(problems.map(\.field) == ["t.annualTarget"])
    }

    @Test func contentMustNotBeBlankAndAUnitCannotBeLeadAndCooperating() {
        let unit = UUID()
        let problems = PlanRules.problems(in: task(leads: [unit], cooperating: [unit], content: " \u{3000}"), field: "t")
        #expect(Set(problems.compactMap(\.field)) == ["t.content", "t.cooperatingUnits"])
    }

    @Test func taskNumbersAreUniqueInAPlan() {
        let tasks = [task("1.1"), task("1.2"), task("1.1")]
        let problems = PlanRules.duplicateNumbers(in: tasks) { _ in "x" }
        #expect(problems.count == 1)
        #expect(problems.first?.code == .duplicate)
        #expect(problems.first?.message.zh.contains("1.1") == true)
    }

    @Test func planStagesMustHaveTheCurrentStagesDateAndRunForward() {
        var plan = Plan(id: UUID(), jurisdictionCode: "371323", year: 2023, title: "方案", status: .issued,
                        stages: .init(draft: CalendarDate(iso: "2023-02-08"), approved: CalendarDate(iso: "2023-03-04")),
                        documentNumber: nil, indexNumber: nil, issuingBody: "办公室", reportApprovedOn: nil,
                        reportApprovedBy: nil, approvalMeeting: nil, illustrativeNotice: nil)
        #expect(PlanRules.problems(in: plan, field: "plan").compactMap(\.field) == ["plan.stages.issued"])
        plan.stages.issued = CalendarDate(iso: "2023-03-01")
        #expect(PlanRules.problems(in: plan, field: "plan").compactMap(\.field) == ["plan.stages.issued"])
        plan.stages.issued = CalendarDate(iso: "2023-03-06")
        #expect(PlanRules.problems(in: plan, field: "plan").isEmpty)
        plan.year = 1999
        #expect(PlanRules.problems(in: plan, field: "plan").compactMap(\.field) == ["plan.year"])
    }
}

@Suite struct TaskFilterTests {
    @Test func readsAndAppliesEachFilter() throws {
        let unit = UUID()
        let filter = try TaskFilter { ["part": "2", "unit": unit.uuidString, "kind": "ongoing"][$0] }
        #expect(filter == TaskFilter(part: 2, unit: unit, kind: .ongoing))
        #expect(filter.matches(task("2.3", kind: .ongoing, deadline: nil, target: "x", cooperating: [unit])))
        #expect(!filter.matches(task("2.3", kind: .ongoing, deadline: nil, target: "x")))
        #expect(!filter.matches(task("3.1", kind: .ongoing, deadline: nil, target: "x", leads: [unit])))
        #expect(TaskFilter().matches(task()))
    }

    @Test(arguments: [("part", "0"), ("part", "x"), ("unit", "1"), ("leader", "abc"), ("kind", "yearly")])
    func namesTheMalformedParameter(_ key: String, _ value: String) {
        do {
            _ = try TaskFilter { $0 == key ? value : nil }
            Issue.record("expected \(key)=\(value) to be refused")
        } catch {
            #expect(error.field == key)
            #expect(error.code == .invalidField)
        }
    }
}
