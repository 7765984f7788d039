import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// Gathers what `Assessment` scores: per round and lead unit, its reports, its tasks' verified
/// progress and lights as of the due date, its rectifications due that month and whether they were
/// closed on time, and its criticisms that month.
enum AssessmentStore {
    /// The period assessed: one round, or the year (every round due by today).
    enum Period: Sendable {
        case month(DispatchStore.Round)
        case year
    }

    static func facts(plan: Plan, round: DispatchStore.Round, catalog: CatalogSnapshot, cache: LedgerCache, steps: [UUID: [Assessment.Step]],
                      on db: any Database) async throws -> [Assessment.UnitFacts] {
        let tasks = catalog.tasksByPlan[plan.id] ?? []
        let rows = try await DispatchStore.ledger(plan: plan, snapshot: catalog, asOf: round.dueDate, cache: cache, on: db)
        let reports = try await DispatchStore.reportFacts(round, tasks: tasks, on: db)
        let leading = Set(tasks.flatMap(\.leadUnitIDs))
        return catalog.units(in: plan.jurisdictionCode).filter { leading.contains($0.id) }.map { unit in
            Assessment.facts(unit: unit, month: round.month, reports: reports, rows: rows, steps: steps[unit.id] ?? [])
        }
    }

    /// The ranking for `period`.
    static func ranking(plan: Plan, period: Period, catalog: CatalogSnapshot, app: Application, today: CalendarDate,
                        on db: any Database) async throws -> [Assessment.Ranked] {
        let cache = app.ledgerCache, weights = app.luoshiConfig.assessment
        let steps = try await SupervisionStore.items(planID: plan.id, on: db)
        let rectificationIDs = steps.filter { $0.kind == .rectification }.compactMap(\.id)
        let closes = rectificationIDs.isEmpty ? [] : try await SupervisionEventModel.query(on: db).filter(\.$item.$id ~~ rectificationIDs)
            .filter(\.$step == "close").all()
        let closedOn = Dictionary(closes.compactMap { event in event.createdAt.map { (event.$item.id, CalendarDate(date: $0)) } },
                                  uniquingKeysWith: { first, _ in first })
        let byUnit = Dictionary(grouping: steps, by: \.unitID).mapValues { items in
            items.map { Assessment.Step(kind: $0.kind, deadline: $0.deadlineDate, closedOn: $0.id.flatMap { closedOn[$0] },
                                        createdOn: $0.createdAt.map(CalendarDate.init(date:))) }
        }
        let rounds: [DispatchStore.Round] = switch period {
        case .month(let round): [round]
        case .year: try await cache.rounds(plan.id, load: { try await DispatchStore.rounds(planID: plan.id, on: db) }).filter { $0.dueDate <= today }
        }
        var months: [[Assessment.Score]] = []
        for round in rounds {
            months.append(try await facts(plan: plan, round: round, catalog: catalog, cache: cache, steps: byUnit, on: db)
                .map { Assessment.score($0, weights: weights) })
        }
        let scores = if case .month = period { months.first ?? [] } else { Assessment.year(months) }
        return Assessment.rank(scores, excellentShare: weights.excellentShare)
    }
}
