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
            let rows = try await DispatchStore.ledger(plan: plan, snapshot: snapshot, asOf: CalendarDate(iso: "2023-06-25")!, on: app.db)
            let colours = Dictionary(grouping: rows, by: \.colour).mapValues(\.count)
            #expect(rows.count == 91)
            #expect((colours[.green] ?? 0) > 40 && (colours[.yellow] ?? 0) >= 5 && (colours[.red] ?? 0) >= 5, "\(colours)")
            #expect(rows.contains { $0.status == .missing } && rows.contains { $0.status == .completed })
            let reports = try await ProgressReportModel.query(on: app.db).all()
            #expect(reports.contains(where: \.late) && reports.contains { $0.status == .returned } && reports.contains { $0.status == .submitted })
        }
    }
}
