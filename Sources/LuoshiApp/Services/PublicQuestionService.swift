import Fluent
import Foundation
import LuoshiDomain
import SQLKit
import Vapor

/// Writes of 政民互动: a visitor asks about a task of an issued plan (no account: a limit per
/// client address instead), the office routes the question to one of the task's units, the
/// unit answers, and the office approves the answer, returns it, or declines the question. The
/// rules are `PublicQuestion`'s (LuoshiDomain); each step writes with its audit row in one
/// transaction and answers with the new status or a typed error (400 naming the field, 403 for
/// someone whose step it is not, 409 for a step that does not apply now or a stale form, 429
/// for an address over its limit).
enum PublicQuestionService {
    struct Ask: Sendable {
        var taskID: UUID
        var name: String
        var contact: String
        var text: String
    }

    struct Act: Sendable {
        var step: PublicQuestion.Step
        /// The unit to route to (`route`).
        var unitID: UUID?
        /// The answer (`answer`), the question as published (`approve`; blank: as asked), or the
        /// reason (`return`, `decline`).
        var text: String
        var version: Int?
    }

    /// Who asks: the client's address (the limit counts it) and its audit identity.
    struct Asker: Sendable {
        var address: String
        var who: AuditLog.Who
        var now: Date
    }

    /// Stores the question (not public) and returns it with its receipt.
    static func ask(_ command: Ask, catalog: CatalogSnapshot, asker: Asker, throttle: AddressThrottle,
                    on database: any Database) async throws -> PublicQuestionModel {
        guard let task = catalog.tasksByID[command.taskID], let plan = catalog.plansByID[task.planID], plan.isPublic else {
            throw DomainError.taskNotFound(command.taskID)
        }
        let submission = try PublicQuestion.submission(name: command.name, contact: command.contact, text: command.text)
        guard let sql = database as? any SQLDatabase else { throw Abort(.internalServerError, reason: "database is not SQL") }
        if try await throttle.isBlocked(asker.address, now: asker.now, on: sql) {
            try await AuditLog.append(.init(action: "question.submit", targetType: "task", targetID: task.id.uuidString, outcome: .denied,
                                            summary: "address over its limit"), by: asker.who, at: asker.now, on: database)
            throw DomainError(.tooManyAttempts,
                              zh: "留言过于频繁：同一网络地址每小时最多留言 \(throttle.maximum) 条，请稍后再试",
                              en: "Too many questions from this address: at most \(throttle.maximum) an hour. Please try again later")
        }
        let model = PublicQuestionModel()
        let id = UUID()
        model.id = id
        model.jurisdictionCode = plan.jurisdictionCode
        model.$plan.id = plan.id
        model.taskID = task.id
        model.receipt = PublicQuestion.receipt(id: id, askedOn: CalendarDate(date: asker.now))
        model.status = .submitted
        model.askerName = submission.name
        model.contact = submission.contact
        model.question = submission.text
        model.routings = 0
        model.askedAt = asker.now
        model.version = 1
        try await database.writeTransaction { db in
            try await model.create(on: db)
            try await throttle.record(asker.address, now: asker.now, on: db as! any SQLDatabase)
            try await AuditLog.append(.init(action: "question.submit", targetType: "task", targetID: task.id.uuidString, summary: model.receipt),
                                      by: asker.who, at: asker.now, on: db)
        }
        return model
    }

    /// Who may read `question`: the office, leaders and viewers of its jurisdiction, and the
    /// staff of the unit it is routed to.
    static func mayRead(_ actor: Actor, _ question: PublicQuestionModel) -> Bool {
        if actor.role == .unitStaff {
            return question.unitID != nil && Policy.can(actor, .readUnitWork, unitID: question.unitID, jurisdictionCode: question.jurisdictionCode)
        }
        return Policy.can(actor, .readInternal, jurisdictionCode: question.jurisdictionCode)
    }

    /// Whether `actor` takes `step` on `question`: the office takes every step but the answer,
    /// which is the routed unit's.
    static func mayTake(_ step: PublicQuestion.Step, _ actor: Actor, _ question: PublicQuestionModel) -> Bool {
        step.isOffice ? Policy.can(actor, .managePlans, jurisdictionCode: question.jurisdictionCode)
            : question.unitID != nil && Policy.can(actor, .submitUnitWork, unitID: question.unitID, jurisdictionCode: question.jurisdictionCode)
    }

    /// Takes the step and returns the question's new status. A unit told of its question: on
    /// routing and on a return (inbox, and email and webhook where set).
    @discardableResult
    static func act(_ command: Act, on question: PublicQuestionModel, catalog: CatalogSnapshot, by writer: Writer, app: Application,
                    on database: any Database) async throws -> PublicQuestion.Status {
        if let actor = writer.actor, !mayTake(command.step, actor, question) {
            throw command.step.isOffice
                ? DomainError(.forbidden, zh: "只有督查室可以转办、审核留言", en: "Only the supervision office routes and approves questions", field: "step")
                : DomainError(.forbidden, zh: "只有承办单位可以答复留言", en: "Only the unit the question is routed to answers it", field: "step")
        }
        let status = try PublicQuestion.next(after: question.status, command.step)
        guard let task = catalog.tasksByID[question.taskID] else { throw DomainError.taskNotFound(question.taskID) }
        var unitID = question.unitID, answer = question.answer, note = question.note, publicText = question.publicQuestion
        switch command.step {
        case .route:
            guard let chosen = command.unitID, PublicQuestion.routableUnits(task).contains(chosen) else {
                throw DomainError.invalid("unit", zh: "请选择该任务的牵头或配合单位", en: "Choose one of the task's lead or cooperating units")
            }
            unitID = chosen
            note = nil
        case .answer:
            answer = try PublicQuestion.text(command.text, as: .answer, field: "answer")
        case .approve:
            publicText = try PublicQuestion.text(command.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? question.question : command.text,
                                                 as: .question, field: "question")
        case .return, .decline:
            note = try PublicQuestion.text(command.text, as: .note, field: command.step == .return ? "returnNote" : "declineNote")
        }
        let id = try question.requireID()
        let now = writer.now, username = writer.username
        let (newUnit, newAnswer, newNote, newPublicText) = (unitID, answer, note, publicText)
        let routings = question.routings + (command.step == .route || command.step == .return ? 1 : 0)
        try await database.writeTransaction { db in
            try await OptimisticLock.update(PublicQuestionModel.schema, id: id, from: command.version, current: question.version, at: now, on: db) {
                var update = $0.set("status", to: status.rawValue).set("routings", to: routings)
                    .set("unit_id", to: newUnit).set("answer", to: newAnswer).set("note", to: newNote).set("public_question", to: newPublicText)
                switch command.step {
                case .route: update = update.set("routed_by", to: username).set("routed_at", to: now)
                case .answer: update = update.set("answered_by", to: username).set("answered_at", to: now)
                case .approve, .decline: update = update.set("decided_by", to: username).set("decided_at", to: now)
                case .return: break
                }
                return update
            }
            try await AuditLog.append(.init(action: command.step.auditAction, targetType: "question", targetID: id.uuidString,
                                            summary: "\(question.receipt) → \(status.rawValue)" + (newUnit.map { " (unit \($0.uuidString))" } ?? "")),
                                      by: writer.who, at: now, on: db)
        }
        if command.step == .route || command.step == .return, let unitID {
            let notice = PublicQuestion.notice(id: id, receipt: question.receipt, task: task, unitID: unitID, returned: command.step == .return,
                                               sequence: routings, link: SiteURL.question(id).path)
            if try await ReminderCenter.store([notice], jurisdiction: question.jurisdictionCode, sentBy: username, app: app, now: now) > 0 {
                app.reminderScheduler.deliverSoon(app)
            }
        }
        return status
    }
}
