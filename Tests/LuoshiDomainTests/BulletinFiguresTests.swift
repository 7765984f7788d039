import Foundation
import LuoshiDomain
import Testing

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

/// The bulletin's figures against a hand-computed fixture: six tasks as of 2023-06-25 (expected
/// progress 41.7% for a year-long ongoing task: 5 of 12 months gone).
@Suite struct BulletinFiguresTests {
    let plan = UUID()
    let transport = LuoshiDomain.Unit(id: UUID(), jurisdictionCode: "371323", name: "沂水县交通运输局", shortName: "县交通运输局", aliases: [], kind: .department)
    let finance = LuoshiDomain.Unit(id: UUID(), jurisdictionCode: "371323", name: "沂水县财政局", shortName: "县财政局", aliases: [], kind: .department)
    let head = Leader(id: UUID(), jurisdictionCode: "371323", name: "刘铭", post: "县长", portfolio: "全面工作")
    let deputy = Leader(id: UUID(), jurisdictionCode: "371323", name: "王强", post: "副县长", portfolio: "交通")

    func task(_ number: String, kind: TaskKind = .ongoing, deadline: String? = nil, lead: [LuoshiDomain.Unit], leaders: [Leader]) -> PlanTask {
        PlanTask(id: UUID(), planID: plan, number: TaskNumber(number)!, content: "任务 \(number)", kind: kind, deadline: deadline.map(day),
                 measures: nil, annualTarget: nil, leadUnitIDs: lead.map(\.id), cooperatingUnitIDs: [], leaderIDs: leaders.map(\.id), milestones: [])
    }

    /// 1.1 on track (40), 1.2 ahead (60), 2.1 lagging (20), 2.2 overdue (phased, due 06-01, at 80),
    /// 2.3 completed (100), 2.4 lagging (25).
    func rows() -> [Ledger.Row] {
        let tasks = [
            task("1.1", lead: [transport], leaders: [head]), task("1.2", lead: [finance], leaders: [head]),
            task("2.1", lead: [transport], leaders: [deputy]), task("2.2", kind: .phased, deadline: "2023-06-01", lead: [transport, finance], leaders: [deputy]),
            task("2.3", lead: [finance], leaders: [deputy]), task("2.4", lead: [transport], leaders: [head, deputy]),
        ]
        let verified: [String: Double] = ["1.1": 40, "1.2": 60, "2.1": 20, "2.2": 80, "2.3": 100, "2.4": 25]
        let evidence = Dictionary(uniqueKeysWithValues: tasks.map { task in
            (task.id, [Ledger.Evidence(roundDue: day("2023-06-25"), verified: verified[task.number.description], reported: nil)])
        })
        return Ledger.rows(tasks: tasks, year: 2023, asOf: day("2023-06-25"), rules: .standard(jurisdiction: "371323", year: 2023),
                           evidence: evidence, missing: [])
    }

    @Test func theOverviewCountsEachStatus() {
        let tally = BulletinFigures.tally(rows())
        #expect(tally.total == 6 && tally.onTrack == 1 && tally.ahead == 1 && tally.lagging == 2 && tally.overdue == 1 && tally.completed == 1)
        #expect(tally.notStarted == 0 && tally.missing == 0)
        #expect(tally.share(tally.lagging) == "33.3" && tally.share(tally.completed) == "16.7" && BulletinFigures.Tally().share(0) == "0")
    }

    @Test func groupsByPartLeaderAndUnit() {
        let parts = [Part(id: UUID(), planID: plan, number: 2, title: "二、交通"), Part(id: UUID(), planID: plan, number: 1, title: "一、经济")]
        let byPart = BulletinFigures.byPart(rows(), parts: parts)
        #expect(byPart.map(\.title) == ["一、经济", "二、交通"] && byPart.map(\.tally.total) == [2, 4] && byPart[1].tally.lagging == 2)
        let byLeader = BulletinFigures.byLeader(rows(), leaders: [head, deputy])
        #expect(byLeader.map(\.title) == ["县长刘铭", "副县长王强"] && byLeader.map(\.tally.total) == [3, 4], "2.4 counts under both leaders")
        let byUnit = BulletinFigures.byUnit(rows(), units: [transport, finance])
        #expect(byUnit.map(\.tally.total) == [4, 3] && byUnit[0].tally.overdue == 1 && byUnit[1].tally.overdue == 1, "2.2 counts under both lead units")
    }

    @Test func laggingAndOverdueListsAreInNumberOrder() {
        #expect(BulletinFigures.tasks(rows(), in: .lagging).map(\.task.number.description) == ["2.1", "2.4"])
        #expect(BulletinFigures.tasks(rows(), in: .overdue).map(\.task.number.description) == ["2.2"])
    }

    @Test func issuesAreNumberedInOrder() {
        #expect(BulletinFigures.nextIssue(after: []) == 1 && BulletinFigures.nextIssue(after: [1, 3, 2]) == 4)
    }
}
