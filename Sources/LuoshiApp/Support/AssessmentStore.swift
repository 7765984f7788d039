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

    static func facts(plan: Plan, round: DispatchStore.Round, catalog: CatalogSnapshot, cache: LedgerCache, steps: [SupervisionItemModel],
                      closedOn: [UUID: CalendarDate], on db: any Database) async throws -> [Assessment.UnitFacts] {
        let tasks = catalog.tasksByPlan[plan.id] ?? []
        let rows = try await DispatchStore.ledger(plan: plan, snapshot: catalog, asOf: round.dueDate, cache: cache, on: db)
        let pipeline = try await DispatchStore.pipeline(round, tasks: tasks, on: db)
        let leading = Set(tasks.flatMap(\.leadUnitIDs))
        return catalog.units(in: plan.jurisdictionCode).filter { leading.contains($0.id) }.map { unit in
            let reports = pipeline.filter { $0.unitID == unit.id }
            let mine = steps.filter { $0.unitID == unit.id }
            let rectifications = mine.filter { step in
                step.kind == .rectification && step.deadlineDate.map { YearMonth(year: $0.year, month: $0.month) == round.month } == true
            }
            return Assessment.UnitFacts(
                unitID: unit.id, unitName: unit.shortName, reportsDue: reports.count,
                reportsOnTime: reports.count { [.submitted, .accepted].contains($0.status) && !$0.late },
                tasks: rows.filter { $0.task.leadUnitIDs.contains(unit.id) }.map { .init(expected: $0.expected, verified: $0.verified, colour: $0.colour) },
                rectificationsDue: rectifications.count,
                rectificationsOnTime: rectifications.count { step in
                    guard let id = step.id, let closed = closedOn[id], let deadline = step.deadlineDate else { return false }
                    return closed <= deadline
                },
                criticisms: mine.count { step in
                    step.kind == .criticism && step.createdAt.map { CalendarDate(date: $0) }.map { YearMonth(year: $0.year, month: $0.month) == round.month } == true
                })
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
        let rounds: [DispatchStore.Round] = switch period {
        case .month(let round): [round]
        case .year: try await cache.rounds(plan.id, load: { try await DispatchStore.rounds(planID: plan.id, on: db) }).filter { $0.dueDate <= today }
        }
        var months: [[Assessment.Score]] = []
        for round in rounds {
            months.append(try await facts(plan: plan, round: round, catalog: catalog, cache: cache, steps: steps, closedOn: closedOn, on: db)
                .map { Assessment.score($0, weights: weights) })
        }
        let scores = if case .month = period { months.first ?? [] } else { Assessment.year(months) }
        return Assessment.rank(scores, excellentShare: weights.excellentShare)
    }
}
