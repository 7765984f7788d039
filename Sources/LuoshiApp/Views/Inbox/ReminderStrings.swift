import Foundation
import LuoshiDomain

/// UI strings of reminders, the inbox, the delivery log and evidence attachments (`Strings.reminders`).
struct ReminderStrings: Sendable {
    let inbox: String
    let inboxLink: @Sendable (_ unread: Int) -> String
    let emptyInbox: String
    let unread: String
    let markRead: String
    let markAllRead: String
    let open: String
    let received: String
    let kind: @Sendable (Reminders.Kind) -> String
    let remindAll: String
    let unitReminders: String
    let remindOne: @Sendable (_ unit: String) -> String
    let remindedNotice: @Sendable (_ units: Int) -> String
    let nothingOwed: String
    let logTitle: String
    let logIntro: String
    let noReminders: String
    let sentAt: String
    let unitHeading: String
    let titleHeading: String
    let sentBy: String
    let scheduler: String
    let deliveries: String
    let channel: @Sendable (DeliveryModel.Channel) -> String
    let deliveryStatus: @Sendable (DeliveryModel.Status) -> String
    let attempts: @Sendable (Int) -> String
    let nextAttempt: @Sendable (String) -> String
    let inboxRecipients: @Sendable (Int) -> String
    let statusFilter: String
    let all: String
    let attachments: String
    let noAttachments: String
    let attachFile: String
    let attachHint: @Sendable (_ megabytes: Int) -> String
    let upload: String
    let remove: String
    let fileSize: @Sendable (Int) -> String

    static let chinese = ReminderStrings(
        inbox: "消息", inboxLink: { $0 > 0 ? "消息（\($0) 条未读）" : "消息" },
        emptyInbox: "暂无消息。", unread: "未读", markRead: "标为已读", markAllRead: "全部标为已读", open: "前往办理", received: "收到时间",
        kind: { $0.label.zh },
        remindAll: "提醒全部未报送单位", unitReminders: "本单位收到的提醒", remindOne: { "提醒\($0)" }, remindedNotice: { "已向 \($0) 个单位发出提醒（站内消息；已配置的邮件和群机器人将随后送达）。" },
        nothingOwed: "本轮没有需要提醒的单位。", logTitle: "提醒发送记录",
        logIntro: "自动提醒（截止前和截止当日、任务和节点到期前）与督查室催报的发送情况。邮件和群机器人发送失败会按 1 分钟、5 分钟、30 分钟、2 小时、6 小时间隔重试，仍失败则标为“发送失败”。",
        noReminders: "尚未发出提醒。", sentAt: "发出时间", unitHeading: "单位", titleHeading: "提醒内容", sentBy: "发起", scheduler: "系统自动",
        deliveries: "送达情况",
        channel: { $0 == .email ? "邮件" : "群机器人" },
        deliveryStatus: { status in
            switch status {
            case .pending: "待发送"
            case .sent: "已发送"
            case .failed: "发送失败"
            }
        },
        attempts: { "已尝试 \($0) 次" }, nextAttempt: { "下次重试 \($0)" }, inboxRecipients: { $0 > 0 ? "站内消息 \($0) 人" : "无人接收（该单位尚无用户账号）" }, statusFilter: "送达状态", all: "全部",
        attachments: "佐证材料", noAttachments: "尚无佐证材料。", attachFile: "上传佐证材料",
        attachHint: { "图片（JPG、PNG）、PDF 或 Office 文件（Word、Excel、PowerPoint），每个不超过 \($0) MB。报送前可上传，退回后可补充。" },
        upload: "上传", remove: "删除",
        fileSize: { bytes in bytes >= 1_048_576 ? "\((bytes * 10 / 1_048_576) / 10).\((bytes * 10 / 1_048_576) % 10) MB" : "\(max(1, bytes / 1_024)) KB" }
    )

    static let english = ReminderStrings(
        inbox: "Messages", inboxLink: { $0 > 0 ? "Messages (\($0) unread)" : "Messages" },
        emptyInbox: "No messages.", unread: "Unread", markRead: "Mark as read", markAllRead: "Mark all as read", open: "Open", received: "Received",
        kind: { $0.label.en },
        remindAll: "Remind every unit that has not reported", unitReminders: "Reminders to my unit", remindOne: { "Remind \($0)" },
        remindedNotice: { "Reminded \($0) unit(s) (in their inbox; configured email and group bots follow)." },
        nothingOwed: "No unit needs a reminder in this round.", logTitle: "Reminder log",
        logIntro: "Automatic reminders (before and on the due date, before task and milestone deadlines) and the office's own. Failed emails and webhooks are retried after 1 min, 5 min, 30 min, 2 h and 6 h, then marked failed.",
        noReminders: "No reminders have been sent.", sentAt: "Sent", unitHeading: "Unit", titleHeading: "Reminder", sentBy: "By", scheduler: "Automatic",
        deliveries: "Deliveries",
        channel: { $0 == .email ? "Email" : "Webhook" },
        deliveryStatus: { status in
            switch status {
            case .pending: "Pending"
            case .sent: "Sent"
            case .failed: "Failed"
            }
        },
        attempts: { "\($0) attempt(s)" }, nextAttempt: { "next try \($0)" }, inboxRecipients: { $0 > 0 ? "Inbox: \($0) user(s)" : "Nobody received it (the unit has no user accounts)" }, statusFilter: "Delivery status", all: "All",
        attachments: "Evidence", noAttachments: "No evidence attached.", attachFile: "Attach evidence",
        attachHint: { "Images (JPG, PNG), PDF or Office files (Word, Excel, PowerPoint), up to \($0) MB each. Attach before submitting, or after a return." },
        upload: "Upload", remove: "Remove",
        fileSize: { bytes in bytes >= 1_048_576 ? "\((bytes * 10 / 1_048_576) / 10).\((bytes * 10 / 1_048_576) % 10) MB" : "\(max(1, bytes / 1_024)) KB" }
    )
}
