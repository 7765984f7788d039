import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing

@Suite("Sample rounds")
struct SampleRoundsTests {
    @Test func theSampleLedgerIsAliveWithARealisticSpread() async throws {
        try await withLuoshiApp { app in
            let snapshot = try await app.snapshot()
            #expect(try await SampleRounds.loadIfMissing(into: app.db, snapshot: snapshot))
            #expect(!(try await SampleRounds.loadIfMissing(into: app.db, snapshot: snapshot)), "loaded once")
            let plan = try #require(snapshot.plansByID[try await app.samplePlanID()])
            let rounds = try await DispatchStore.rounds(planID: plan.id, on: app.db)
            #expect(rounds.map(\.month.description) == ["2023-04", "2023-05", "2023-06"])
            #expect(DispatchStore.defaultAsOf(rounds, today: CalendarDate(iso: "2023-07-10")!) == CalendarDate(iso: "2023-06-25"))
            let rows = try await DispatchStore.ledger(plan: plan, snapshot: snapshot, asOf: CalendarDate(iso: "2023-06-25")!, cache: app.ledgerCache, on: app.db)
            let colours = Dictionary(grouping: rows, by: \.colour).mapValues(\.count)
            #expect(rows.count == 91)
            #expect((colours[.green] ?? 0) > 40 && (colours[.yellow] ?? 0) >= 5 && (colours[.red] ?? 0) >= 5, "\(colours)")
            #expect(rows.contains { $0.status == .missing } && rows.contains { $0.status == .completed })
            let reports = try await ProgressReportModel.query(on: app.db).all()
            #expect(reports.contains(where: \.late) && reports.contains { $0.status == .returned } && reports.contains { $0.status == .submitted })
        }
    }

    @Test func dashboardsShowEachUsersScopeWithTextBesideTheCharts() async throws {
        try await withLuoshiApp { app in
            let snapshot = try await app.snapshot()
            try await SampleRounds.loadIfMissing(into: app.db, snapshot: snapshot)
            let planID = try await app.samplePlanID()
            try await app.makeUser("du.cha", .supervisor)
            try await app.makeUser("fgj.staff", .unitStaff, unit: "县发改局")
            try await app.makeUser("fu.xian", .leader, leaderPrecedence: 2)
            for (username, scope) in [("du.cha", "全部任务"), ("fgj.staff", "县发改局的任务"), ("fu.xian", "分管的任务")] {
                let session = try await app.signIn(username)
                try await app.testing().test(.GET, "/plans/\(planID)/dashboard?asOf=2023-06-25", headers: session.headers) { res in
                    #expect(res.status == .ok, "\(username)")
                    let body = res.body.string
                    #expect(body.contains(scope), "\(username) sees \(scope)")
                    #expect(body.contains(#"role="img""#) && body.contains("按预警颜色："), "charts are labelled")
                    #expect(body.contains("2023-04") && body.contains("2023-06") && body.contains("红灯任务"))
                }
            }
            let unitSession = try await app.signIn("fgj.staff")
            try await app.testing().test(.GET, "/plans/\(planID)/dashboard?asOf=2023-06-25", headers: unitSession.headers) { res in
                #expect(res.body.string.contains("本轮待报送") && res.body.string.contains("被退回待修改"), "a unit sees what it still owes")
                #expect(res.body.string.contains("2023年6月调度"))
            }
            try await app.testing().test(.GET, "/plans/\(planID)/dashboard") { res in
                #expect(res.status == .seeOther && res.headers.first(name: .location)?.hasPrefix("/login") == true, "not public: to the sign-in page")
            }
        }
    }
}
