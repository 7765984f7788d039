import Fluent
import Foundation
import LuoshiDomain
import SQLKit
import Vapor

/// Reads and writes the escalation ladder: the rounds' colours the proposals rest on, steps with
/// their numbers and history, and the criticisms a bulletin carries.
enum SupervisionStore {
    /// Each round due by `today`, oldest first, with every task's light as of its due date.
    static func roundColours(plan: Plan, catalog: CatalogSnapshot, cache: LedgerCache, today: CalendarDate, on db: any Database) async throws -> [Supervision.RoundColours] {
        var result: [Supervision.RoundColours] = []
        for round in try await cache.rounds(plan.id, load: { try await DispatchStore.rounds(planID: plan.id, on: db) }) where round.dueDate <= today {
            let rows = try await DispatchStore.ledger(plan: plan, snapshot: catalog, asOf: round.dueDate, cache: cache, on: db)
            result.append(.init(month: round.month, colours: Dictionary(rows.map { ($0.task.id, $0.colour) }, uniquingKeysWith: { first, _ in first })))
        }
        return result
    }

    static func items(planID: UUID, on db: any Database) async throws -> [SupervisionItemModel] {
        try await SupervisionItemModel.query(on: db).filter(\.$plan.$id == planID).sort(\.$createdAt, .descending).all()
    }

    /// What the rules propose for `plan` today, less what the office dismissed.
    static func proposals(plan: Plan, catalog: CatalogSnapshot, items: [SupervisionItemModel], app: Application, today: CalendarDate,
                          on db: any Database) async throws -> [Supervision.Proposal] {
        let dismissed = try await SupervisionDismissalModel.query(on: db).filter(\.$jurisdictionCode == plan.jurisdictionCode).all().map(\.proposalKey)
        return Supervision.proposals(tasks: catalog.tasksByPlan[plan.id] ?? [],
                                     rounds: try await roundColours(plan: plan, catalog: catalog, cache: app.ledgerCache, today: today, on: db),
                                     active: items.filter(\.status.isActive).compactMap(\.active), dismissed: Set(dismissed), today: today,
                                     rules: app.luoshiConfig.supervision)
    }

    static func recordEvent(_ itemID: UUID, step: String, status: Supervision.Status, note: String, by actor: String, on db: any Database) async throws {
        let event = SupervisionEventModel()
        event.$item.id = itemID
        event.step = step
        event.status = status
        event.note = note
        event.actor = actor
        try await event.create(on: db)
    }

    /// Stores a new step (numbered within its jurisdiction, year and kind); escalating `previous`,
    /// marks it superseded in the same transaction; `linking` runs in it too (an inspection's
    /// finding points at its rectification). Two offices numbering at once: 409.
    static func create(_ draft: Supervision.Draft, plan: Plan, previous: SupervisionItemModel?, by who: AuditLog.Who, now: Date,
                       on db: any Database, linking: (@Sendable (UUID, any Database) async throws -> Void)? = nil) async throws -> SupervisionItemModel {
        let item = SupervisionItemModel()
        do {
            try await db.writeTransaction { db in
                let last = try await SupervisionItemModel.query(on: db).filter(\.$jurisdictionCode == plan.jurisdictionCode)
                    .filter(\.$year == plan.year).filter(\.$kind == draft.kind).max(\.$sequence) ?? 0
                item.$plan.id = plan.id
                item.jurisdictionCode = plan.jurisdictionCode
                item.year = plan.year
                item.taskID = draft.task.id
                item.unitID = draft.unitID
                item.kind = draft.kind
                item.sequence = last + 1
                item.facts = draft.facts
                item.demands = draft.demands
                item.deadline = draft.deadline?.iso
                item.status = draft.kind.awaitsReply ? .open : .closed
                item.reply = ""
                item.reviewNote = ""
                item.previousID = try previous?.requireID()
                item.createdBy = who.username
                item.version = 1
                try await item.create(on: db)
                let id = try item.requireID()
                try await recordEvent(id, step: "create", status: item.status, note: "", by: who.username, on: db)
                try await linking?(id, db)
                if let previous {
                    let status = try Supervision.next(after: previous.status, kind: previous.kind, .escalate)
                    let previousID = try previous.requireID()
                    try await OptimisticLock.update(SupervisionItemModel.schema, id: previousID, from: String(previous.version), current: previous.version, at: now, on: db) {
                        $0.set("status", to: status.rawValue)
                    }
                    try await recordEvent(previousID, step: "escalate", status: status, note: draft.kind.text.zh, by: who.username, on: db)
                }
                try await AuditLog.append(.init(action: "supervision.create", targetType: "task", targetID: draft.task.id.uuidString,
                                                summary: "\(draft.kind.rawValue) \(item.documentNumber ?? "#\(item.sequence)") to unit \(draft.unitID.uuidString)\(previous.map { " escalating \($0.kind.rawValue) #\($0.sequence)" } ?? "")"),
                                          by: who, at: now, on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw DomainError(.conflict, zh: "文号已被同时发起的另一事项占用，请重试", en: "Another step took this number at the same time; try again", field: "kind")
        }
        return item
    }

    /// Tells the addressed unit of a new step (inbox, and email and webhook where set).
    static func notify(_ item: SupervisionItemModel, catalog: CatalogSnapshot, app: Application, sentBy: String, now: Date) async throws {
        let id = try item.requireID()
        let notice = Supervision.notice(id: id, kind: item.kind, number: item.documentNumber, unitID: item.unitID, task: catalog.tasksByID[item.taskID],
                                        facts: item.facts, demands: item.demands, deadline: item.deadlineDate, link: SiteURL.supervisionItem(id).path)
        if try await ReminderCenter.store([notice], jurisdiction: item.jurisdictionCode, sentBy: sentBy, app: app, now: now) > 0 {
            app.reminderScheduler.deliverSoon(app)
        }
    }

    /// 通报批评 recorded in the jurisdiction and not yet carried by a published bulletin.
    static func pendingCriticisms(_ jurisdiction: String, catalog: CatalogSnapshot, on db: any Database) async throws -> [Bulletin.Criticism] {
        try await SupervisionItemModel.query(on: db).filter(\.$jurisdictionCode == jurisdiction).filter(\.$kind == .criticism)
            .filter(\.$bulletinID == nil).sort(\.$createdAt).all().map { item in
                let task = catalog.tasksByID[item.taskID].map { "（第\($0.number)项任务）" } ?? ""
                return Bulletin.Criticism(id: item.id, unit: catalog.unitsByID[item.unitID]?.shortName ?? "", reason: item.facts + task)
            }
    }

    /// Marks the criticisms a published bulletin carried.
    static func markCarried(_ criticisms: [Bulletin.Criticism], by bulletinID: UUID, on db: any Database) async throws {
        let ids = criticisms.compactMap(\.id)
        guard !ids.isEmpty else { return }
        try await SupervisionItemModel.query(on: db).filter(\.$id ~~ ids).filter(\.$bulletinID == nil).set(\.$bulletinID, to: bulletinID).update()
    }
}
