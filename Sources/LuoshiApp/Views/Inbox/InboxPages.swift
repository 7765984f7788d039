import Foundation
import LuoshiDomain
import LuoshiHTML

/// 消息: the signed-in user's reminders, newest first, unread ones marked.
enum InboxPage {
    struct Entry: Sendable {
        var id: UUID
        var kind: Reminders.Kind
        var title: LocalizedText
        var body: LocalizedText
        var link: String
        var received: Date
        var read: Bool
    }

    struct Model: Sendable {
        var entries: [Entry]
        var csrfToken: String
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, r = s.reminders
        let language = context.language
        let unread = model.entries.filter { !$0.read }.count
        return Layout.page(title: r.inbox, context: context, crumbs: [Crumb(title: r.inbox)], content: [
            .h1(text: r.inbox),
            .p(text: r.inboxLink(unread)),
            unread > 0 ? Forms.button(r.markAllRead, action: .inboxRead, csrf: model.csrfToken, hidden: [("all", "1")]) : .empty,
            model.entries.isEmpty ? .p(text: r.emptyInbox) : .ul(.class("inbox")) {
                for entry in model.entries {
                    Node.li(.class(entry.read ? "read" : "unread")) {
                        Node.article(.ariaLabelledBy("message-\(entry.id.uuidString.lowercased())")) {
                            Node.h2(.id("message-\(entry.id.uuidString.lowercased())")) {
                                if !entry.read { Node.span(.class("badge"), text: r.unread + " ") }
                                Node.text(entry.title.text(in: language))
                            }
                            Node.p(.class("meta"), text: "\(r.kind(entry.kind)) · \(r.received) \(Display.beijingTime(entry.received))")
                            Node.p(text: entry.body.text(in: language))
                            Node.p {
                                Node.a(.href(entry.link), text: r.open)
                            }
                            if !entry.read {
                                Forms.button(r.markRead, action: .inboxRead, csrf: model.csrfToken, hidden: [("id", entry.id.uuidString)])
                            }
                        }
                    }
                }
            },
        ])
    }
}

/// 提醒发送记录 (the office): every reminder with how each email and webhook fared.
enum ReminderLogPage {
    struct Delivery: Sendable {
        var channel: DeliveryModel.Channel
        var target: String
        var status: DeliveryModel.Status
        var attempts: Int
        var nextAttempt: Date?
        var lastError: String
    }

    struct Entry: Sendable {
        var sentAt: Date
        var kind: Reminders.Kind
        var unitName: String
        var title: LocalizedText
        var sentBy: String
        var inboxCount: Int
        var deliveries: [Delivery]
    }

    struct Model: Sendable {
        var entries: [Entry]
        var status: DeliveryModel.Status?
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, r = s.reminders
        return Layout.page(title: r.logTitle, context: context, crumbs: [Crumb(title: s.account.workbench, url: .workbench), Crumb(title: r.logTitle)], content: [
            .h1(text: r.logTitle),
            .p(text: r.logIntro),
            .form(.method("get"), .action(SiteURL.reminderLog.path), .class("filters")) {
                Forms.select(r.statusFilter, name: "status", options: [("", r.all)] + DeliveryModel.Status.allCases.map { ($0.rawValue, r.deliveryStatus($0)) },
                             selected: model.status?.rawValue, error: nil, language: context.language)
                Forms.submit(s.dispatch.apply)
            },
            model.entries.isEmpty ? .p(text: r.noReminders) : .table(.class("stack")) {
                Node.caption(.class("visually-hidden"), text: r.logTitle)
                Tables.head([r.sentAt, r.unitHeading, r.titleHeading, r.sentBy, r.deliveries])
                Node.tbody {
                    for entry in model.entries {
                        Node.tr {
                            Node.th(.scope("row"), text: Display.beijingTime(entry.sentAt))
                            Node.td(.data("label", r.unitHeading)) { s.data(entry.unitName) }
                            Node.td(.data("label", r.titleHeading)) {
                                Node.span(text: r.kind(entry.kind) + "：")
                                s.data(entry.title.zh)
                            }
                            Node.td(.data("label", r.sentBy), text: entry.sentBy == "scheduler" ? r.scheduler : entry.sentBy)
                            Node.td(.data("label", r.deliveries)) {
                                Node.span(text: r.inboxRecipients(entry.inboxCount))
                                if !entry.deliveries.isEmpty {
                                    Node.ul {
                                        for delivery in entry.deliveries {
                                            Node.li(.class("delivery-\(delivery.status.rawValue)")) {
                                                Node.text("\(r.channel(delivery.channel)) \(delivery.target)：\(r.deliveryStatus(delivery.status))，\(r.attempts(delivery.attempts))")
                                                if delivery.status == .pending, let next = delivery.nextAttempt, delivery.attempts > 0 {
                                                    Node.text("，" + r.nextAttempt(Display.beijingTime(next)))
                                                }
                                                if !delivery.lastError.isEmpty { Node.text("（\(delivery.lastError)）") }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            },
        ])
    }
}
