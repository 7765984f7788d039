import Fluent
import Foundation
import LuoshiDomain
import SQLKit
import Vapor

/// Stores reminders (each once, by its key), puts them in the inboxes of the unit's users, and
/// queues and sends their email and webhook deliveries with retries. What to remind of is decided
/// by `Reminders` in LuoshiDomain; this is the plumbing.
enum ReminderCenter {
    // MARK: Planning

    /// Plans today's automatic reminders for every open round and every issued plan's deadlines,
    /// and stores those not stored before. Returns how many were new.
    @discardableResult
    static func planAutomatic(_ app: Application, now: Date) async throws -> Int {
        let db = app.db
        let today = CalendarDate(date: now)
        let settings = app.luoshiConfig.reminders
        let snapshot = try await app.catalog.snapshot(db as! any SQLDatabase)
        var stored = 0
        for plan in snapshot.plans where plan.status == .issued {
            let tasks = snapshot.tasksByPlan[plan.id] ?? []
            for round in try await DispatchStore.rounds(planID: plan.id, on: db) {
                let candidate = Reminders.Round(id: round.id, month: round.month, dueDate: round.dueDate, closed: round.status == .closed)
                guard Reminders.roundReminderKind(candidate, today: today, settings: settings) != nil else { continue }
                let owed = try await owedReports(round: round, tasks: tasks, on: db)
                let notices = Reminders.forRound(candidate, owed: owed, today: today, link: SiteURL.round(round.id).path, settings: settings)
                stored += try await store(notices, jurisdiction: plan.jurisdictionCode, sentBy: "scheduler", app: app, now: now)
            }
            let target = today.adding(days: settings.daysBeforeDeadline)
            let near = tasks.filter { $0.deadline == target || $0.milestones.contains { $0.due == target } }
            if !near.isEmpty {
                let rows = try await DispatchStore.ledger(plan: plan, snapshot: snapshot, asOf: today, cache: app.ledgerCache, on: db)
                let finished = Set(rows.filter { ($0.verified ?? 0) >= 100 }.map(\.task.id))
                let notices = Reminders.forDeadlines(near.map { .init(task: $0, finished: finished.contains($0.id), link: SiteURL.taskWork($0.id).path) },
                                                     today: today, settings: settings)
                stored += try await store(notices, jurisdiction: plan.jurisdictionCode, sentBy: "scheduler", app: app, now: now)
            }
        }
        return stored
    }

    /// What each lead unit still owes in `round` (`units`: only these), by task.
    static func owedReports(round: DispatchStore.Round, tasks: [PlanTask], units: Set<UUID>? = nil, on db: any Database) async throws -> [Reminders.Owed] {
        try await DispatchStore.pipeline(round, tasks: tasks, on: db)
            .filter { (units?.contains($0.unitID) ?? true) && Reminders.isOwed($0.status) }
            .map { Reminders.Owed(taskNumber: $0.task.number, unitID: $0.unitID) }
    }

    /// 催报: the office reminds every unit that still owes reports in `round` (or only `units`);
    /// returns how many notices were new. The notices, then their audit row, are written; delivery
    /// follows soon.
    static func remind(round: DispatchStore.Round, plan: Plan, catalog: CatalogSnapshot, units: Set<UUID>?, by writer: Writer,
                       app: Application) async throws -> Int {
        guard writer.may(.managePlans, in: plan.jurisdictionCode) else { throw DomainError.planNotFound(plan.id) }
        let owed = try await owedReports(round: round, tasks: catalog.tasksByPlan[plan.id] ?? [], units: units, on: app.db)
        let notices = Reminders.manual(.init(id: round.id, month: round.month, dueDate: round.dueDate, closed: round.status == .closed),
                                       owed: owed, sequence: UUID().uuidString, link: SiteURL.round(round.id).path)
        let stored = try await store(notices, jurisdiction: plan.jurisdictionCode, sentBy: writer.username, app: app, now: writer.now)
        if stored > 0 {
            try await AuditLog.append(.init(action: "reminder.send", targetType: "round", targetID: round.id.uuidString,
                                            summary: "\(round.month): \(stored) unit(s), \(Set(owed.map(\.taskNumber)).count) task(s)"),
                                      by: writer.who, at: writer.now, on: app.db)
            app.reminderScheduler.deliverSoon(app)
        }
        return stored
    }

    /// Stores each notice not stored before (by key), with an inbox entry for every active user
    /// of its unit and a pending delivery for every email address and webhook. Returns how many
    /// were new. Safe to run on several instances at once: the unique key lets one insert win.
    @discardableResult
    static func store(_ notices: [Reminders.Notice], jurisdiction: String, sentBy: String, app: Application, now: Date) async throws -> Int {
        guard !notices.isEmpty else { return 0 }
        let webhooks = app.luoshiConfig.webhookURLs
        let emailOn = app.luoshiConfig.smtp != nil
        var stored = 0
        for notice in notices {
            let inserted = try await app.db.writeTransaction { db -> Bool in
                let sql = db as! any SQLDatabase
                let id = UUID()
                let rows = try await sql.insert(into: ReminderModel.schema)
                    .columns("id", "dedupe_key", "kind", "jurisdiction_code", "unit_id", "round_id", "task_id", "title_zh", "title_en",
                             "body_zh", "body_en", "link", "sent_by", "created_at")
                    .values(SQLBind(id), SQLBind(notice.key), SQLBind(notice.kind.rawValue), SQLBind(jurisdiction), SQLBind(notice.unitID),
                            SQLBind(notice.roundID), SQLBind(notice.taskID), SQLBind(notice.title.zh), SQLBind(notice.title.en),
                            SQLBind(notice.body.zh), SQLBind(notice.body.en), SQLBind(notice.link), SQLBind(sentBy), SQLBind(now))
                    .ignoringConflicts(with: "dedupe_key")
                    .returning("id")
                    .all()
                guard !rows.isEmpty else { return false }
                let users = try await UserModel.query(on: db).filter(\.$unit.$id == notice.unitID).filter(\.$disabled == false).all()
                for user in users {
                    let entry = NotificationModel()
                    entry.$reminder.id = id
                    entry.$user.id = try user.requireID()
                    try await entry.create(on: db)
                }
                let targets = (emailOn ? users.compactMap(\.email).map { (DeliveryModel.Channel.email, $0) } : [])
                    + webhooks.map { (DeliveryModel.Channel.webhook, $0) }
                for (channel, target) in targets {
                    let delivery = DeliveryModel()
                    delivery.$reminder.id = id
                    delivery.channel = channel
                    delivery.target = target
                    delivery.status = .pending
                    delivery.attempts = 0
                    delivery.nextAttemptAt = now.timeIntervalSince1970
                    delivery.lastError = ""
                    try await delivery.create(on: db)
                }
                return true
            }
            if inserted { stored += 1 }
        }
        if stored > 0 {
            try await app.dataVersions.refresh(app.db as! any SQLDatabase)  // seen at once here, not at the next poll
        }
        return stored
    }

    // MARK: Delivery

    /// How long an instance holds a delivery it is sending.
    static let claimSeconds: Double = 120

    /// Sends every pending delivery that is due, each claimed first so that only one instance
    /// sends it. A failure is retried later (`Reminders.retryDelay`) or, after the last try,
    /// marked failed. Returns how many were sent.
    @discardableResult
    static func deliverDue(_ app: Application, now: Date) async throws -> Int {
        let sql = app.db as! any SQLDatabase
        let moment = now.timeIntervalSince1970
        let due = try await DeliveryModel.query(on: app.db).filter(\.$status == .pending).filter(\.$nextAttemptAt <= moment)
            .sort(\.$nextAttemptAt).limit(200).with(\.$reminder).all()
        var sent = 0
        for delivery in due {
            let id = try delivery.requireID()
            let claimed = try await sql.update(DeliveryModel.schema)
                .set("claimed_until", to: moment + claimSeconds)
                .where("id", .equal, id)
                .where("status", .equal, DeliveryModel.Status.pending.rawValue)
                .where(group: { $0.where("claimed_until", .is, SQLLiteral.null).orWhere("claimed_until", .lessThan, moment) })
                .returning("id")
                .all()
            guard !claimed.isEmpty else { continue }
            var failure: String?
            do {
                try await send(delivery, reminder: delivery.reminder, app: app, now: now)
            } catch {
                failure = String(String(describing: error).prefix(500))
            }
            let attempts = delivery.attempts + 1
            var update = sql.update(DeliveryModel.schema).set("attempts", to: attempts).set("claimed_until", to: SQLLiteral.null)
                .set("updated_at", to: now)
            if let failure {
                update = update.set("last_error", to: failure)
                if let delay = Reminders.retryDelay(afterAttempts: attempts) {
                    update = update.set("next_attempt_at", to: moment + delay)
                } else {
                    update = update.set("status", to: DeliveryModel.Status.failed.rawValue)
                }
            } else {
                update = update.set("status", to: DeliveryModel.Status.sent.rawValue).set("sent_at", to: now)
                sent += 1
            }
            try await update.where("id", .equal, id).run()
        }
        return sent
    }

    private static func send(_ delivery: DeliveryModel, reminder: ReminderModel, app: Application, now: Date) async throws {
        switch delivery.channel {
        case .email:
            guard let settings = app.luoshiConfig.smtp else { throw ReminderDeliveryError("email is not configured (LUOSHI_SMTP_HOST)") }
            let message = EmailMessage(from: settings.from, to: delivery.target, subject: "【落实】" + reminder.titleZh,
                                       body: emailBody(reminder), date: now, messageID: "\(try delivery.requireID())@\(settings.heloName)")
            try await SMTPClient(settings: settings, eventLoopGroup: app.eventLoopGroup).send(message)
        case .webhook:
            let payload = WebhookPayload(reminder)
            let response = try await app.client.post(URI(string: delivery.target)) { request in
                try request.content.encode(payload, as: .json)
            }
            guard (200..<300).contains(response.status.code) else {
                throw ReminderDeliveryError("the webhook answered \(response.status.code) \(response.status.reasonPhrase)")
            }
        }
    }

    static func emailBody(_ reminder: ReminderModel) -> String {
        """
        \(reminder.titleZh)

        \(reminder.bodyZh)

        办理地址：\(reminder.link)

        \(reminder.titleEn)
        \(reminder.bodyEn)

        ——落实 · 政府工作报告重点任务督查系统（本邮件由系统自动发送，请勿直接回复）
        """
    }

    /// The JSON a webhook receives: DingTalk and WeCom group bots read `msgtype` and `text.content`;
    /// other receivers read `reminder`.
    struct WebhookPayload: Content {
        struct Text: Content { var content: String }
        struct Detail: Content {
            var id: UUID?
            var kind: String
            var unitID: UUID
            var roundID: UUID?
            var taskID: UUID?
            var title: String
            var body: String
            var link: String
        }
        var msgtype = "text"
        var text: Text
        var reminder: Detail

        init(_ reminder: ReminderModel) {
            text = Text(content: "【落实】\(reminder.titleZh)\n\(reminder.bodyZh)")
            self.reminder = Detail(id: reminder.id, kind: reminder.kind.rawValue, unitID: reminder.unitID, roundID: reminder.roundID,
                                   taskID: reminder.taskID, title: reminder.titleZh, body: reminder.bodyZh, link: reminder.link)
        }
    }
}

struct ReminderDeliveryError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
