import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// The inbox of every signed-in user, and the office's log of reminders and their deliveries.
enum ReminderController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.inbox, requires: .manageOwnAccount, use: inbox)
        routes.on(.POST, SiteURL.Route.inboxRead, requires: .manageOwnAccount, use: markRead)
        routes.on(.GET, SiteURL.Route.reminderLog, requires: .managePlans, use: log)
    }

    @Sendable static func inbox(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let entries = try await NotificationModel.query(on: req.db).filter(\.$user.$id == user.actor.userID)
            .with(\.$reminder).sort(\.$createdAt, .descending).limit(200).all()
        let model = InboxPage.Model(entries: try entries.map { entry in
            InboxPage.Entry(id: try entry.requireID(), kind: entry.reminder.kind, title: entry.reminder.title, body: entry.reminder.body,
                            link: entry.reminder.link, received: entry.createdAt ?? entry.reminder.createdAt ?? req.now, read: entry.readAt != nil)
        }, csrfToken: user.csrfToken ?? "")
        return req.htmlResponse(InboxPage.render(model, context: req.pageContext(section: .inbox)))
    }

    /// Marks one message (`id`) or every message (`all=1`) of the user as read.
    @Sendable static func markRead(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let fields = try req.content.decode([String: String].self)
        var query = NotificationModel.query(on: req.db).filter(\.$user.$id == user.actor.userID).filter(\.$readAt == nil)
        if fields["all"] != "1" {
            guard let id = fields["id"].flatMap(UUID.init(uuidString:)) else {
                throw DomainError.invalid("id", zh: "请选择要标为已读的消息", en: "Choose a message to mark as read")
            }
            query = query.filter(\.$id == id)
        }
        try await query.set(\.$readAt, to: req.now).update()
        return req.redirect(to: SiteURL.inbox.path, redirectType: .normal)
    }

    @Sendable static func log(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let status = req.query[String.self, at: "status"].flatMap(DeliveryModel.Status.init(rawValue:))
        let snapshot = try await req.catalog()
        // The log of the jurisdictions whose reminders Policy lets the user manage, scoped in SQL.
        let managed = snapshot.jurisdictions.keys.filter { Policy.can(user.actor, .managePlans, jurisdictionCode: $0) }
        var query = ReminderModel.query(on: req.db).filter(\.$jurisdictionCode ~~ managed)
        if let status {
            query = query.join(DeliveryModel.self, on: \DeliveryModel.$reminder.$id == \ReminderModel.$id)
                .filter(DeliveryModel.self, \.$status == status).unique()
        }
        let reminders = try await query.sort(\.$createdAt, .descending).limit(300).all()
        let ids = try reminders.map { try $0.requireID() }
        let deliveries = ids.isEmpty ? [] : try await DeliveryModel.query(on: req.db).filter(\.$reminder.$id ~~ ids).all()
        let notifications = ids.isEmpty ? [] : try await NotificationModel.query(on: req.db).filter(\.$reminder.$id ~~ ids).all()
        let inboxCounts = Dictionary(grouping: notifications, by: { $0.$reminder.id }).mapValues(\.count)
        let byReminder = Dictionary(grouping: deliveries, by: { $0.$reminder.id })
        let model = ReminderLogPage.Model(entries: reminders.map { reminder in
            ReminderLogPage.Entry(
                sentAt: reminder.createdAt ?? req.now, kind: reminder.kind, unitName: snapshot.unitsByID[reminder.unitID]?.shortName ?? "",
                title: reminder.title, sentBy: reminder.sentBy, inboxCount: inboxCounts[reminder.id ?? UUID()] ?? 0,
                deliveries: (byReminder[reminder.id ?? UUID()] ?? []).map {
                    .init(channel: $0.channel, target: $0.target, status: $0.status, attempts: $0.attempts,
                          nextAttempt: Date(timeIntervalSince1970: $0.nextAttemptAt), lastError: $0.lastError)
                })
        }, status: status)
        return req.htmlResponse(ReminderLogPage.render(model, context: req.pageContext(section: .workbench)))
    }
}
