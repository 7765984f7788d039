import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

/// A local SMTP server (Python aiosmtpd) and webhook receiver, started for one test
/// (Tests/support/reminder_sinks.py); what they receive lands in a temporary directory.
final class ReminderSinks {
    let process = Process()
    let stdin = Pipe()
    let directory: URL
    let smtpPort: Int
    let webhookURL: String

    init(failingHooks: Int = 0) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("luoshi-sinks-\(UUID().uuidString)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("support/reminder_sinks.py")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, directory.path, "--fail-hooks", String(failingHooks)]
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        var line = Data()
        while let byte = try stdout.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) { line.append(byte) }
        guard let ports = try JSONSerialization.jsonObject(with: line) as? [String: Int], let smtp = ports["smtp"], let http = ports["http"] else {
            process.terminate()
            throw ReminderDeliveryError("the reminder sinks did not start (is aiosmtpd installed? pip install -r Tests/browser/requirements.txt)")
        }
        smtpPort = smtp
        webhookURL = "http://127.0.0.1:\(http)/hook"
    }

    deinit {
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    private func files(_ prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasPrefix(prefix) }.sorted().compactMap { try? String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
    }

    var mails: [String] { files("mail-") }
    var hooks: [[String: Any]] { files("hook-").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] } }

    /// The decoded text of a received mail's base64 body.
    static func bodyText(_ mail: String) -> String {
        guard let split = mail.range(of: "\r\n\r\n") else { return "" }
        let encoded = mail[split.upperBound...].replacingOccurrences(of: "\r\n", with: "").replacingOccurrences(of: "\n", with: "")
        return Data(base64Encoded: encoded).flatMap { String(data: $0, encoding: .utf8) } ?? ""
    }
}

@Suite("Reminders: inbox, email, webhook, scheduler")
struct ReminderTests {
    static let post = TaskWorkHTTPTests.post, page = TaskWorkHTTPTests.page

    /// Opens a round of the sample plan for `month` (due the 25th) and returns its id.
    static func openRound(_ app: Application, month: String) async throws -> UUID {
        let round = ReportRoundModel()
        round.$plan.id = try await app.samplePlanID()
        round.month = month
        round.dueDate = month + "-25"
        round.status = .open
        round.openedBy = "test"
        round.version = 1
        try await round.create(on: app.db)
        return try round.requireID()
    }

    /// A unit staff user of 县交通运输局 with an email address, and the units that lead tasks.
    static func prepareUnits(_ app: Application) async throws -> (user: UserModel, leadUnits: Set<UUID>) {
        let user = try await app.makeUser("jtj.staff", .unitStaff, unit: "县交通运输局")
        user.email = "jtj@yishui.example"
        try await user.save(on: app.db)
        let snapshot = try await app.snapshot()
        let planID = try await app.samplePlanID()
        return (user, Set((snapshot.tasksByPlan[planID] ?? []).flatMap(\.leadUnitIDs)))
    }

    static func configure(_ sinks: ReminderSinks) -> (inout AppConfig) -> Void {
        { config in
            config.smtp = SMTPSettings(host: "127.0.0.1", port: sinks.smtpPort, from: "duchashi@yishui.example")
            config.webhookURLs = [sinks.webhookURL]
        }
    }

    @Test func dueDateRemindersReachTheInboxEmailAndWebhookOnce() async throws {
        let sinks = try ReminderSinks()
        try await withLuoshiApp(adjust: Self.configure(sinks)) { app in
            let (user, leadUnits) = try await Self.prepareUnits(app)
            let roundID = try await Self.openRound(app, month: "2023-07")
            app.clock.set(DispatchHTTPTests.beijingNoon("2023-07-21"))
            try await app.reminderScheduler.tick(app, now: app.clock.now)
            #expect(try await ReminderModel.query(on: app.db).count() == 0, "four days before: nothing yet")

            app.clock.set(DispatchHTTPTests.beijingNoon("2023-07-22"))
            #expect(try await app.reminderScheduler.tick(app, now: app.clock.now))
            let reminders = try await ReminderModel.query(on: app.db).all()
            #expect(reminders.count == leadUnits.count, "one per lead unit, all of which owe reports")
            #expect(reminders.allSatisfy { $0.kind == .roundDueSoon && $0.roundID == roundID })
            #expect(sinks.hooks.count == leadUnits.count)
            #expect(sinks.mails.count == 1, "only jtj.staff has an email address")
            let mail = try #require(sinks.mails.first)
            #expect(mail.contains("X-Envelope-To: jtj@yishui.example") && mail.contains("Subject: =?UTF-8?B?"))
            #expect(ReminderSinks.bodyText(mail).contains("2023年7月调度将于2023-07-25截止报送"))
            #expect(ReminderSinks.bodyText(mail).contains("贵单位尚有"))
            let hook = try #require(sinks.hooks.first)
            #expect(hook["msgtype"] as? String == "text")
            #expect(((hook["text"] as? [String: Any])?["content"] as? String)?.hasPrefix("【落实】2023年7月调度") == true)

            // A second run the same day sends nothing new.
            try await app.reminderScheduler.tick(app, now: app.clock.now.addingTimeInterval(60))
            #expect(try await ReminderModel.query(on: app.db).count() == leadUnits.count)
            #expect(sinks.mails.count == 1 && sinks.hooks.count == leadUnits.count)

            // The inbox: the unit's user sees it, with the unread count in the header.
            let session = try await app.signIn("jtj.staff")
            var (status, body) = try await Self.page(app, "/workbench", session)
            #expect(status == .ok && body.contains("消息（1 条未读）"))
            (status, body) = try await Self.page(app, "/inbox", session)
            #expect(status == .ok && body.contains("2023年7月调度将于2023-07-25截止报送") && body.contains("/rounds/\(roundID.uuidString.lowercased())"))
            let entry = try #require(try await NotificationModel.query(on: app.db).filter(\.$user.$id == user.requireID()).first())
            (status, _) = try await Self.post(app, "/inbox/read", session, [("id", try entry.requireID().uuidString)])
            #expect(status == .seeOther)
            (status, body) = try await Self.page(app, "/workbench", session)
            #expect(!body.contains("条未读"), "read: the header count is gone")
            (status, _) = try await Self.post(app, "/inbox/read", session, [("id", "not-a-message")])
            #expect(status == .badRequest)

            // On the due date: the units that still owe are reminded again; a submitted one is not.
            let snapshot = try await app.snapshot()
            let transport = try #require(snapshot.units.first { $0.shortName == "县交通运输局" })
            for task in snapshot.tasksLedByUnit[transport.id] ?? [] {
                let report = ProgressReportModel()
                report.$round.id = roundID
                (report.taskID, report.unitID, report.status, report.workDone, report.progress) = (task.id, transport.id, .submitted, "完成", 50)
                (report.milestonesReached, report.problems, report.nextPlan, report.late, report.returnReason) = ("", "", "", false, "")
                (report.reviewNote, report.updatedBy, report.version) = ("", "jtj.staff", 2)
                try await report.create(on: app.db)
            }
            app.clock.set(DispatchHTTPTests.beijingNoon("2023-07-25"))
            try await app.reminderScheduler.tick(app, now: app.clock.now)
            let today = try await ReminderModel.query(on: app.db).filter(\.$kind == .roundDueToday).all()
            #expect(today.count == leadUnits.count - 1 && !today.contains { $0.unitID == transport.id })
            #expect(sinks.mails.count == 1, "transport has submitted: no second email")
        }
    }

    @Test func failedDeliveriesAreRetriedWithBackOffAndShownToTheOffice() async throws {
        let sinks = try ReminderSinks(failingHooks: 2)
        try await withLuoshiApp(adjust: { config in
            config.webhookURLs = [sinks.webhookURL]
            // Nothing listens on port 9 of 127.0.0.1: every email fails.
            config.smtp = SMTPSettings(host: "127.0.0.1", port: 9, from: "duchashi@yishui.example")
        }) { app in
            _ = try await Self.prepareUnits(app)
            try await app.makeUser("du.cha", .supervisor)
            let snapshot = try await app.snapshot()
            let transport = try #require(snapshot.units.first { $0.shortName == "县交通运输局" })
            let roundID = try await Self.openRound(app, month: "2023-07")
            let reminders = Reminders.forRound(.init(id: roundID, month: YearMonth("2023-07")!, dueDate: CalendarDate(iso: "2023-07-25")!, closed: false),
                                               owed: [.init(taskNumber: TaskNumber("1.1")!, unitID: transport.id)], today: CalendarDate(iso: "2023-07-25")!,
                                               link: "/workbench")
            let start = DispatchHTTPTests.beijingNoon("2023-07-25")
            app.clock.set(start)
            #expect(try await ReminderCenter.store(reminders, jurisdiction: "371323", sentBy: "scheduler", app: app, now: start) == 1)
            #expect(try await ReminderCenter.deliverDue(app, now: start) == 0)
            func delivery(_ channel: DeliveryModel.Channel) async throws -> DeliveryModel {
                try #require(try await DeliveryModel.query(on: app.db).filter(\.$channel == channel).first())
            }
            var hook = try await delivery(.webhook)
            #expect(hook.status == .pending && hook.attempts == 1 && hook.lastError.contains("500"), "the planned failure: \(hook.lastError)")
            #expect(hook.nextAttemptAt == start.timeIntervalSince1970 + 60)
            let firstEmail = try await delivery(.email)
            #expect(firstEmail.attempts == 1 && !firstEmail.lastError.isEmpty, "nothing listens: \(firstEmail.lastError)")

            #expect(try await ReminderCenter.deliverDue(app, now: start.addingTimeInterval(30)) == 0)
            #expect(try await delivery(.webhook).attempts == 1, "not before its back-off")
            try await ReminderCenter.deliverDue(app, now: start.addingTimeInterval(61))
            hook = try await delivery(.webhook)
            #expect(hook.attempts == 2 && hook.status == .pending && hook.nextAttemptAt == start.timeIntervalSince1970 + 61 + 300)
            #expect(try await ReminderCenter.deliverDue(app, now: start.addingTimeInterval(362)) == 1)
            hook = try await delivery(.webhook)
            #expect(hook.status == .sent && hook.attempts == 3 && sinks.hooks.count == 1)

            // The email keeps failing: after six attempts it is given up, and the office sees why.
            var moment = start.addingTimeInterval(362)
            for _ in 0..<6 { moment = moment.addingTimeInterval(22_000); try await ReminderCenter.deliverDue(app, now: moment) }
            let email = try await delivery(.email)
            #expect(email.status == .failed && email.attempts == 6)

            let office = try await app.signIn("du.cha")
            var (status, body) = try await Self.page(app, "/reminders", office)
            #expect(status == .ok && body.contains("提醒发送记录") && body.contains("发送失败") && body.contains("已发送") && body.contains("jtj@yishui.example"))
            (status, body) = try await Self.page(app, "/reminders?status=failed", office)
            #expect(status == .ok && body.contains("jtj@yishui.example"))
            let staff = try await app.signIn("jtj.staff")
            (status, _) = try await Self.page(app, "/reminders", staff)
            #expect(status == .forbidden)
        }
    }

    @Test func twoInstancesSendEachReminderOnce() async throws {
        let sinks = try ReminderSinks()
        try await withLuoshiApp(adjust: Self.configure(sinks)) { app in
            let (_, leadUnits) = try await Self.prepareUnits(app)
            _ = try await Self.openRound(app, month: "2023-07")
            app.clock.set(DispatchHTTPTests.beijingNoon("2023-07-25"))
            try await withSecondInstance(of: app) { other in
                let now = app.clock.now
                async let first = app.reminderScheduler.tick(app, now: now)
                async let second = other.reminderScheduler.tick(other, now: now)
                let planned = try await [first, second]
                #expect(planned.filter { $0 }.count == 1, "one instance holds the lease")
                // Even if both plan (the lease expired mid-run), each reminder is stored once,
                // and each delivery is sent by one of them.
                async let again = ReminderCenter.planAutomatic(app, now: now)
                async let againOther = ReminderCenter.planAutomatic(other, now: now)
                #expect(try await again + againOther == 0)
                async let sendA = ReminderCenter.deliverDue(app, now: now)
                async let sendB = ReminderCenter.deliverDue(other, now: now)
                _ = try await (sendA, sendB)
                // A send that failed on the way (a loaded CI machine once timed one out) is retried
                // a minute later, as in production; what must hold is that nothing is sent twice.
                let failed = try await DeliveryModel.query(on: app.db).filter(\.$status == .pending).all()
                if !failed.isEmpty {
                    print("retrying \(failed.count) deliveries that failed: \(Set(failed.map(\.lastError)))")
                    async let retryA = ReminderCenter.deliverDue(app, now: now.addingTimeInterval(61))
                    async let retryB = ReminderCenter.deliverDue(other, now: now.addingTimeInterval(61))
                    _ = try await (retryA, retryB)
                }
            }
            #expect(try await ReminderModel.query(on: app.db).count() == leadUnits.count)
            #expect(sinks.mails.count == 1, "one email, sent once")
            #expect(sinks.hooks.count == leadUnits.count, "one webhook call per reminder, none twice")
            #expect(try await DeliveryModel.query(on: app.db).filter(\.$status == .sent).count() == leadUnits.count + 1)
        }
    }

    @Test func theOfficeRemindsOneUnitOrAllFromTheRoundPage() async throws {
        try await withLuoshiApp { app in
            _ = try await Self.prepareUnits(app)
            try await app.makeUser("du.cha", .supervisor)
            try await app.makeUser("fgj.staff", .unitStaff, unit: "县发改局")
            let roundID = try await Self.openRound(app, month: "2023-07")
            app.clock.set(DispatchHTTPTests.beijingNoon("2023-07-10"))
            let snapshot = try await app.snapshot()
            let transport = try #require(snapshot.units.first { $0.shortName == "县交通运输局" })
            let office = try await app.signIn("du.cha"), staff = try await app.signIn("jtj.staff"), other = try await app.signIn("fgj.staff")

            var (status, body) = try await Self.page(app, "/rounds/\(roundID)", office)
            #expect(status == .ok && body.contains("提醒全部未报送单位") && body.contains("提醒县交通运输局"))
            (status, _) = try await Self.post(app, "/rounds/\(roundID)/remind", office, [("unit", transport.id.uuidString)])
            #expect(status == .seeOther)
            (status, body) = try await Self.page(app, "/inbox", staff)
            #expect(body.contains("请尽快报送2023年7月调度进展") && body.contains("消息（1 条未读）"))
            (status, body) = try await Self.page(app, "/inbox", other)
            #expect(body.contains("暂无消息"), "only the unit reminded")
            let planID = try await app.samplePlanID()
            (status, body) = try await Self.page(app, "/plans/\(planID)/dashboard", staff)
            #expect(status == .ok && body.contains("本单位收到的提醒（1）") && body.contains("督查室催报："), "the unit's dashboard lists its reminders")

            (status, _) = try await Self.post(app, "/rounds/\(roundID)/remind", office, [])
            #expect(status == .seeOther)
            (status, body) = try await Self.page(app, "/inbox", other)
            #expect(body.contains("请尽快报送2023年7月调度进展"))
            (status, body) = try await Self.page(app, "/rounds/\(roundID)?done=reminded-3", office)
            #expect(body.contains("已向 3 个单位发出提醒"))
            (status, _) = try await Self.post(app, "/inbox/read", staff, [("all", "1")])
            (status, body) = try await Self.page(app, "/inbox", staff)
            #expect(status == .ok && !body.contains("条未读"))

            (status, _) = try await Self.post(app, "/rounds/\(roundID)/remind", office, [("unit", UUID().uuidString)])
            #expect(status == .badRequest)
            (status, _) = try await Self.post(app, "/rounds/\(roundID)/remind", staff, [])
            #expect(status == .forbidden, "units do not remind")
            #expect(try await app.auditActions().filter { $0 == "reminder.send" }.count == 2)
            #expect(try await ReminderModel.query(on: app.db).filter(\.$sentBy == "du.cha").count() >= 2)
        }
    }

    @Test func taskAndMilestoneDeadlinesAreAlertedAWeekBefore() async throws {
        try await withLuoshiApp { app in
            let snapshot = try await app.snapshot()
            let planID = try await app.samplePlanID()
            let task = try #require(snapshot.tasksByPlan[planID]?.first { $0.kind == .phased && $0.deadline != nil })
            let deadline = try #require(task.deadline)
            let week = deadline.adding(days: -7)
            app.clock.set(DispatchHTTPTests.beijingNoon(week.iso))
            try await ReminderCenter.planAutomatic(app, now: app.clock.now)
            let alerts = try await ReminderModel.query(on: app.db).filter(\.$taskID == task.id).filter(\.$kind == .taskDeadline).all()
            #expect(Set(alerts.map(\.unitID)) == Set(task.leadUnitIDs))
            #expect(alerts.allSatisfy { $0.titleZh.contains("第 \(task.number) 项任务将于\(deadline.chinese)到期") })

            let ongoing = try #require(snapshot.tasksByPlan[planID]?.first { !$0.milestones.isEmpty })
            let milestone = ongoing.milestones[0]
            app.clock.set(DispatchHTTPTests.beijingNoon(milestone.due.adding(days: -7).iso))
            try await ReminderCenter.planAutomatic(app, now: app.clock.now)
            let milestoneAlerts = try await ReminderModel.query(on: app.db).filter(\.$taskID == ongoing.id).filter(\.$kind == .milestoneDeadline).all()
            #expect(Set(milestoneAlerts.map(\.unitID)) == Set(ongoing.leadUnitIDs), "\(milestoneAlerts.map(\.bodyZh)) \(ongoing.milestones)")
            #expect(milestoneAlerts.contains { $0.bodyZh.contains(milestone.title) })
        }
    }

    @Test func emailsAreEncodedAndAddressesChecked() async throws {
        let message = EmailMessage(from: "duchashi@yishui.example", to: "jtj@yishui.example",
                                   subject: "【落实】2023年7月调度将于2023-07-25截止报送，请各单位抓紧时间报送本月进展情况",
                                   body: "贵单位尚有 2 项任务未报送。\n.以点开头的行", date: Date(timeIntervalSince1970: 1_690_000_000), messageID: "x@luoshi")
        let text = message.rendered()
        let subject = try #require(text.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") })
        #expect(subject.hasPrefix("Subject: =?UTF-8?B?"))
        #expect(text.contains("\r\n =?UTF-8?B?"), "a long subject is folded into several encoded words")
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(text.contains("Date: Sat, 22 Jul 2023 04:26:40 +0000"))
        #expect(ReminderSinks.bodyText(text) == message.body)

        let client = SMTPClient(settings: SMTPSettings(host: "127.0.0.1", port: 9, from: "duchashi@yishui.example"), eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        var forged = message
        forged.to = "a@b\r\nDATA"
        await #expect(throws: ReminderDeliveryError.self) { try await client.send(forged) }
    }

    @Test func theMailAndWebhookSettingsAreCheckedAtStart() throws {
        #expect(try AppConfig.fromEnvironment([:]).smtp == nil)
        let config = try AppConfig.fromEnvironment(["LUOSHI_SMTP_HOST": "mail.yishui.gov.cn", "LUOSHI_SMTP_FROM": "duchashi@yishui.gov.cn",
                                                    "LUOSHI_WEBHOOK_URLS": "https://oapi.dingtalk.com/robot/send?access_token=x, http://10.0.0.2/hook",
                                                    "LUOSHI_REMIND_DAYS_BEFORE": "5", "LUOSHI_SCHEDULER_INTERVAL": "0"])
        #expect(config.smtp == SMTPSettings(host: "mail.yishui.gov.cn", port: 25, from: "duchashi@yishui.gov.cn"))
        #expect(config.webhookURLs.count == 2 && config.reminders.daysBeforeDue == 5 && config.schedulerInterval == 0)
        func field(_ environment: [String: String]) -> String? {
            do { _ = try AppConfig.fromEnvironment(environment); return nil } catch { return error.field }
        }
        #expect(field(["LUOSHI_SMTP_HOST": "mail"]) == "LUOSHI_SMTP_FROM")
        #expect(field(["LUOSHI_SMTP_HOST": "mail", "LUOSHI_SMTP_FROM": "a@b.cn", "LUOSHI_SMTP_USERNAME": "u", "LUOSHI_SMTP_PASSWORD": "p"]) == "LUOSHI_SMTP_TLS")
        #expect(field(["LUOSHI_SMTP_HOST": "mail", "LUOSHI_SMTP_FROM": "a@b.cn", "LUOSHI_SMTP_USERNAME": "u"]) == "LUOSHI_SMTP_USERNAME")
        #expect(field(["LUOSHI_WEBHOOK_URLS": "ftp://x"]) == "LUOSHI_WEBHOOK_URLS")
        #expect(field(["LUOSHI_REMIND_DAYS_BEFORE": "-1"]) == "LUOSHI_REMIND_DAYS_BEFORE")
        #expect(try AppConfig.fromEnvironment(["LUOSHI_SMTP_HOST": "mail", "LUOSHI_SMTP_FROM": "a@b.cn", "LUOSHI_SMTP_TLS": "1",
                                               "LUOSHI_SMTP_USERNAME": "u", "LUOSHI_SMTP_PASSWORD": "p"]).smtp?.port == 465)
    }
}

@Suite("Reminder email address on my account")
struct AccountEmailTests {
    @Test func aUserSetsAndClearsTheirReminderEmail() async throws {
        try await withLuoshiApp(sample: false) { app in
            let user = try await app.makeUser("jtj.staff", .viewer)
            let session = try await app.signIn("jtj.staff")
            var (status, body) = try await ReminderTests.post(app, "/account/email", session, [("email", "jtj@yishui")])
            #expect(status == .badRequest && body.contains("邮箱地址格式不正确") && body.contains("aria-invalid"))
            (status, _) = try await ReminderTests.post(app, "/account/email", session, [("email", "jtj@yishui.gov.cn")])
            #expect(status == .seeOther)
            #expect(try await UserModel.find(user.id, on: app.db)?.email == "jtj@yishui.gov.cn")
            (status, body) = try await ReminderTests.page(app, "/account?done=email", session)
            #expect(body.contains("提醒邮箱已保存") && body.contains("value=\"jtj@yishui.gov.cn\""))
            (status, _) = try await ReminderTests.post(app, "/account/email", session, [("email", "")])
            #expect(try await UserModel.find(user.id, on: app.db)?.email == nil)
            #expect(try await app.auditActions().filter { $0 == "account.email" }.count == 2)
        }
    }
}
