import Foundation
import LuoshiDomain
import Testing

/// 公开进度 comes from the latest published bulletin that kept every task's state.
@Suite struct PublicProgressTests {
    let bulletins = BulletinTests()

    @Test func theSnapshotKeepsEveryTasksVerifiedState() throws {
        let snapshot = bulletins.snapshot()
        let states = try #require(snapshot.tasks)
        let rows = bulletins.fixture.rows()
        #expect(states.count == rows.count)
        for (state, row) in zip(states, rows) {  // in the ledger's order (the fixture makes new ids each time)
            #expect(state.colour == row.colour && state.status == row.status && state.verified == row.verified, "\(row.task.number)")
        }
        #expect(Set(states.map(\.status)) == [.onTrack, .ahead, .lagging, .overdue, .completed])
        // A snapshot stored before the states were kept still reads, without them.
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(snapshot)) as! [String: Any]
        json["tasks"] = nil
        let old = try JSONDecoder().decode(Bulletin.Snapshot.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(old.tasks == nil)
    }

    @Test func theLatestMonthsLatestIssueWins() throws {
        var june = bulletins.snapshot()
        var july = june
        july.month = YearMonth("2023-07")!
        let lagging = try #require(june.tasks?.first { $0.status == .lagging })
        july.tasks = june.tasks?.map { $0.taskID == lagging.taskID ? Bulletin.TaskState(taskID: $0.taskID, colour: .green, status: .onTrack, verified: 60) : $0 }
        var oldJune = june
        oldJune.tasks = nil

        let progress = try #require(PublicProgress.latest([(issue: 2, snapshot: june), (issue: 3, snapshot: july), (issue: 1, snapshot: oldJune)]))
        #expect(progress.issue == 3 && progress.month == YearMonth("2023-07")!)
        #expect(progress.tasks[lagging.taskID]?.colour == .green && progress.tasks[lagging.taskID]?.verified == 60)
        #expect(progress.byPart == july.byPart && progress.tasks.count == 6)

        // A correction of June published after July does not take July's place; one of July does.
        june.ruleSet = "corrected"
        #expect(PublicProgress.latest([(issue: 3, snapshot: july), (issue: 4, snapshot: june)])?.issue == 3)
        #expect(PublicProgress.latest([(issue: 3, snapshot: july), (issue: 4, snapshot: july)])?.issue == 4)
        #expect(PublicProgress.latest([(issue: 1, snapshot: oldJune)]) == nil, "no bulletin kept the states")
        #expect(PublicProgress.latest([]) == nil)
    }
}
