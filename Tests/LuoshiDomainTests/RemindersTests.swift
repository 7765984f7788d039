import Foundation
import LuoshiDomain
import Testing

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

@Suite struct RemindersTests {
    let round = Reminders.Round(id: UUID(), month: YearMonth(year: 2023, month: 4)!, dueDate: day("2023-04-25"), closed: false)
    let transport = UUID()
    let finance = UUID()

    var owed: [Reminders.Owed] {
        [.init(taskNumber: TaskNumber("3.12")!, unitID: transport), .init(taskNumber: TaskNumber("3.2")!, unitID: transport),
         .init(taskNumber: TaskNumber("1.1")!, unitID: finance)]
    }

    @Test func roundRemindersGoOutThreeDaysBeforeAndOnTheDueDate() {
        #expect(Reminders.forRound(round, owed: owed, today: day("2023-04-21"), link: "/r").isEmpty)
        let before = Reminders.forRound(round, owed: owed, today: day("2023-04-22"), link: "/r")
        #expect(before.count == 2 && before.allSatisfy { $0.kind == .roundDueSoon })
        let onTheDay = Reminders.forRound(round, owed: owed, today: day("2023-04-25"), link: "/r")
        #expect(onTheDay.count == 2 && onTheDay.allSatisfy { $0.kind == .roundDueToday })
        #expect(Reminders.forRound(round, owed: owed, today: day("2023-04-26"), link: "/r").isEmpty)
        #expect(Set(before.map(\.key)).isDisjoint(with: onTheDay.map(\.key)))
    }

    @Test func oneReminderPerUnitNamesItsTasksInOrder() throws {
        let notices = Reminders.forRound(round, owed: owed, today: day("2023-04-22"), link: "/rounds/x")
        let toTransport = try #require(notices.first { $0.unitID == transport })
        #expect(toTransport.body.zh == "贵单位尚有 2 项任务未报送（或被退回待重报）：第 3.2、3.12 项。请于 2023年4月25日前登录系统报送。")
        #expect(toTransport.title.zh == "2023年4月调度将于2023-04-25截止报送")
        #expect(toTransport.title.en == "Reports for 2023-04 are due on 2023-04-25")
        #expect(toTransport.link == "/rounds/x" && toTransport.roundID == round.id)
    }

    @Test func planningTwiceGivesTheSameKeys() {
        let first = Reminders.forRound(round, owed: owed, today: day("2023-04-25"), link: "/r").map(\.key)
        let second = Reminders.forRound(round, owed: owed.reversed(), today: day("2023-04-25"), link: "/r").map(\.key)
        #expect(first == second)
    }

    @Test func theDaysBeforeAreConfigurableAndZeroMeansOnlyOnTheDay() {
        let five = Reminders.Settings(daysBeforeDue: 5, daysBeforeDeadline: 7)
        #expect(Reminders.forRound(round, owed: owed, today: day("2023-04-20"), link: "/r", settings: five).count == 2)
        let none = Reminders.Settings(daysBeforeDue: 0, daysBeforeDeadline: 7)
        #expect(Reminders.forRound(round, owed: owed, today: day("2023-04-25"), link: "/r", settings: none).count == 2)
        #expect((1...24).allSatisfy { Reminders.forRound(round, owed: owed, today: day("2023-04-25").adding(days: -$0), link: "/r", settings: none).isEmpty })
    }

    @Test func aClosedRoundOrNothingOwedRemindsNobody() {
        var closed = round
        closed.closed = true
        #expect(Reminders.forRound(closed, owed: owed, today: day("2023-04-25"), link: "/r").isEmpty)
        #expect(Reminders.forRound(round, owed: [], today: day("2023-04-25"), link: "/r").isEmpty)
    }

    @Test func reportsStillOwed() {
        #expect(Reminders.isOwed(nil) && Reminders.isOwed(.draft) && Reminders.isOwed(.returned))
        #expect(!Reminders.isOwed(.submitted) && !Reminders.isOwed(.accepted))
    }

    @Test func manualRemindersAreEachTheirOwn() {
        let first = Reminders.manual(round, owed: owed, sequence: "a", link: "/r")
        let second = Reminders.manual(round, owed: owed, sequence: "b", link: "/r")
        #expect(first.count == 2 && first.allSatisfy { $0.kind == .roundManual })
        #expect(Set(first.map(\.key)).isDisjoint(with: second.map(\.key)))
    }

    func task(kind: TaskKind, deadline: String?, milestones: [Milestone] = []) -> PlanTask {
        PlanTask(id: UUID(), planID: UUID(), number: TaskNumber("2.5")!, content: "建成城区污水管网", kind: kind,
                 deadline: deadline.map(day), measures: nil, annualTarget: nil, leadUnitIDs: [transport, finance],
                 cooperatingUnitIDs: [UUID()], leaderIDs: [], milestones: milestones)
    }

    @Test func deadlineAlertsGoToEachLeadUnitSevenDaysBefore() {
        let phased = Reminders.DeadlineTask(task: task(kind: .phased, deadline: "2023-06-30"), finished: false, link: "/t")
        #expect(Reminders.forDeadlines([phased], today: day("2023-06-22")).isEmpty)
        let alerts = Reminders.forDeadlines([phased], today: day("2023-06-23"))
        #expect(Set(alerts.map(\.unitID)) == [transport, finance])
        #expect(alerts.allSatisfy { $0.kind == .taskDeadline && $0.title.zh == "第 2.5 项任务将于2023年6月30日到期" })
        var done = phased
        done.finished = true
        #expect(Reminders.forDeadlines([done], today: day("2023-06-23")).isEmpty)
    }

    @Test func milestoneAlerts() {
        let ongoing = Reminders.DeadlineTask(
            task: task(kind: .ongoing, deadline: nil, milestones: [Milestone(title: "完成招标", due: day("2023-05-31")), Milestone(title: "开工", due: day("2023-08-31"))]),
            finished: false, link: "/t")
        let alerts = Reminders.forDeadlines([ongoing], today: day("2023-05-24"))
        #expect(alerts.count == 2 && alerts.allSatisfy { $0.kind == .milestoneDeadline && $0.body.zh == "节点“完成招标”距到期还有 7 天。" })
        #expect(Reminders.forDeadlines([ongoing], today: day("2023-05-24"), settings: .init(daysBeforeDue: 3, daysBeforeDeadline: 0)).isEmpty)
    }

    @Test func retriesBackOffThenGiveUp() {
        let delays = (1...6).map { Reminders.retryDelay(afterAttempts: $0) }
        #expect(delays == [60, 300, 1_800, 7_200, 21_600, nil])
        #expect(Reminders.retryDelay(afterAttempts: 0) == nil)
        let known = delays.compactMap { $0 }
        #expect(zip(known, known.dropFirst()).allSatisfy { $0 < $1 })
    }
}

@Suite struct EmailAddressTests {
    @Test(arguments: ["jtj@yishui.gov.cn", "a.b-c@mail.example.org"])
    func validAddresses(_ text: String) { #expect(EmailAddress.isValid(text)) }

    @Test(arguments: ["", "no-at", "a@b", "a@@b.cn", "@b.cn", "a@.cn", "a b@c.cn", "a@b.cn\r\nBcc: x@y.cn", "a@b.cn,c@d.cn", "<a@b.cn>"])
    func refusedAddresses(_ text: String) { #expect(!EmailAddress.isValid(text)) }

    @Test func aBlankAddressClearsAndABadOneNamesTheField() throws {
        #expect(try EmailAddress.parse("  ") == nil)
        #expect(try EmailAddress.parse(" jtj@yishui.gov.cn ") == "jtj@yishui.gov.cn")
        #expect(throws: DomainError.self) { try EmailAddress.parse("jtj") }
        do { _ = try EmailAddress.parse("jtj") } catch { #expect(error.field == "email") }
    }
}
