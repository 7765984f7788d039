import Foundation
import LuoshiDomain
import Testing

/// The escalation ladder's rules: what the colours and missed deadlines propose, and which steps
/// each status allows.
@Suite struct SupervisionTests {
    let transport = UUID(), finance = UUID()
    let today = CalendarDate(iso: "2023-07-10")!

    func task(_ number: String, lead: [UUID]) -> PlanTask {
        PlanTask(id: UUID(), planID: UUID(), number: TaskNumber(number)!, content: "任务 \(number)", kind: .ongoing, deadline: nil,
                 measures: nil, annualTarget: nil, leadUnitIDs: lead, cooperatingUnitIDs: [], leaderIDs: [], milestones: [])
    }

    func rounds(_ colours: [[UUID: Colour]]) -> [Supervision.RoundColours] {
        colours.enumerated().map { .init(month: YearMonth(year: 2023, month: 4 + $0.offset)!, colours: $0.element) }
    }

    @Test func redProposesARectificationAndTwoYellowsAnOrder() {
        let red = task("1.1", lead: [transport, finance]), yellow = task("1.2", lead: [transport]), once = task("1.3", lead: [finance])
        let history = rounds([[red.id: .green, yellow.id: .green, once.id: .green],
                              [red.id: .yellow, yellow.id: .yellow, once.id: .green],
                              [red.id: .red, yellow.id: .yellow, once.id: .yellow]])
        let proposals = Supervision.proposals(tasks: [once, yellow, red], rounds: history, active: [], dismissed: [], today: today, rules: .init())
        #expect(proposals.map(\.kind) == [.rectification, .rectification, .order], "one rectification per lead unit of 1.1; 1.3 was yellow once")
        #expect(proposals.map(\.taskID) == [red.id, red.id, yellow.id] && proposals.map(\.unitID) == [transport, finance, transport])
        #expect(proposals[0].key == "rectification|\(red.id)|\(transport)|2023-06" && proposals[2].reason.zh == "连续2个月亮黄灯")
        // Three yellow rounds required: 1.2 was green in April.
        #expect(Supervision.proposals(tasks: [yellow], rounds: history, active: [], dismissed: [], today: today, rules: .init(yellowRoundsForOrder: 3)).isEmpty)
        #expect(Supervision.proposals(tasks: [red], rounds: history, active: [], dismissed: [], today: today,
                                      rules: .init(redProposesRectification: false)).isEmpty, "red alone proposes nothing when switched off")
    }

    @Test func activeStepsAndDismissalsSilenceProposals() {
        let red = task("1.1", lead: [transport])
        let history = rounds([[red.id: .red]])
        let rectifying = Supervision.ActiveStep(id: UUID(), kind: .rectification, taskID: red.id, unitID: transport, status: .replied,
                                                deadline: CalendarDate(iso: "2023-08-01"))
        #expect(Supervision.proposals(tasks: [red], rounds: history, active: [rectifying], dismissed: [], today: today, rules: .init()).isEmpty)
        let ordered = Supervision.ActiveStep(id: UUID(), kind: .order, taskID: red.id, unitID: transport, status: .open, deadline: CalendarDate(iso: "2023-08-01"))
        #expect(Supervision.proposals(tasks: [red], rounds: history, active: [ordered], dismissed: [], today: today, rules: .init()).map(\.kind) == [.rectification],
                "an order does not cover what a rectification would")
        let key = "rectification|\(red.id)|\(transport)|2023-04"
        #expect(Supervision.proposals(tasks: [red], rounds: history, active: [], dismissed: [key], today: today, rules: .init()).isEmpty)
    }

    @Test func aMissedDeadlineProposesTheNextStep() {
        let quiet = task("2.1", lead: [finance])
        let order = Supervision.ActiveStep(id: UUID(), kind: .order, taskID: quiet.id, unitID: finance, status: .open, deadline: CalendarDate(iso: "2023-07-09"))
        let proposals = Supervision.proposals(tasks: [quiet], rounds: [], active: [order], dismissed: [], today: today, rules: .init())
        #expect(proposals.count == 1 && proposals[0].kind == .rectification && proposals[0].previousID == order.id && proposals[0].key == "next|\(order.id)")
        #expect(proposals[0].reason.zh == "督办单已过答复期限（2023-07-09）未答复")
        var replied = order
        replied.status = .replied
        #expect(Supervision.proposals(tasks: [quiet], rounds: [], active: [replied], dismissed: [], today: today, rules: .init()).isEmpty, "a reply stops the clock")
        var dueToday = order
        dueToday.deadline = today
        #expect(Supervision.proposals(tasks: [quiet], rounds: [], active: [dueToday], dismissed: [], today: today, rules: .init()).isEmpty, "due today is not missed yet")
        #expect(Supervision.Kind.rectification.next == .criticism && Supervision.Kind.criticism.next == .interview && Supervision.Kind.interview.next == nil)
    }

    @Test func eachStatusAllowsItsSteps() throws {
        #expect(try Supervision.next(after: .open, kind: .rectification, .reply) == .replied)
        #expect(try Supervision.next(after: .replied, kind: .rectification, .close) == .closed)
        #expect(try Supervision.next(after: .replied, kind: .rectification, .reopen) == .open)
        #expect(try Supervision.next(after: .open, kind: .order, .escalate) == .escalated)
        #expect(throws: DomainError.self) { try Supervision.next(after: .closed, kind: .order, .reply) }
        #expect(throws: DomainError.self) { try Supervision.next(after: .open, kind: .order, .reopen) }
        #expect(throws: DomainError.self) { try Supervision.next(after: .closed, kind: .criticism, .escalate) }
        #expect(Supervision.Kind.order.documentNumber(year: 2023, sequence: 3) == "督办〔2023〕3号" && Supervision.Kind.urge.documentNumber(year: 2023, sequence: 1) == nil)
    }

    @Test func aNewStepIsCheckedFieldByField() throws {
        let led = task("3.1", lead: [transport])
        let tasks = [led.id: led]
        var form = Supervision.Form(kind: "order", taskID: led.id.uuidString, unitID: transport.uuidString, facts: "连续两月黄灯", demands: "书面报告", deadline: "2023-07-17")
        let draft = try Supervision.draft(form, tasks: tasks, today: today).get()
        #expect(draft.kind == .order && draft.deadline == CalendarDate(iso: "2023-07-17"))
        form.unitID = finance.uuidString
        form.deadline = "2023-07-10"
        form.facts = " "
        guard case .failure(let problems) = Supervision.draft(form, tasks: tasks, today: today) else { Issue.record("accepted"); return }
        #expect(problems.all.map(\.field) == ["unitID", "facts", "deadline"])
        form = Supervision.Form(kind: "criticism", taskID: led.id.uuidString, unitID: transport.uuidString, facts: "经督办仍未整改", demands: "通报批评", deadline: "")
        #expect(try Supervision.draft(form, tasks: tasks, today: today).get().deadline == nil, "a criticism awaits no reply")
        form.kind = "fine"
        guard case .failure(let unknown) = Supervision.draft(form, tasks: tasks, today: today) else { Issue.record("accepted"); return }
        #expect(unknown.all.map(\.field) == ["kind"])
    }

    @Test func anInspectionNamesItsTasksAndUnits() throws {
        let road = task("2.1", lead: [transport]), budget = task("3.4", lead: [finance, transport])
        let units = [LuoshiDomain.Unit(id: transport, jurisdictionCode: "371323", name: "沂水县交通运输局", shortName: "县交通运输局", aliases: [], kind: .department),
                     LuoshiDomain.Unit(id: finance, jurisdictionCode: "371323", name: "沂水县财政局", shortName: "县财政局", aliases: [], kind: .department)]
        let form = Inspection.Form(topic: "重点项目建设专项督查", team: "督查室 王明、李华", startsOn: "2023-07-11", endsOn: "2023-07-13", tasks: "2.1、3.4，2.1", units: "")
        let plan = try Inspection.plan(form, tasks: [road, budget], units: units).get()
        #expect(plan.tasks == [road, budget] && plan.unitIDs == [transport, finance], "the tasks' lead units, each once")
        var named = form
        named.units = "沂水县财政局"
        #expect(try Inspection.plan(named, tasks: [road, budget], units: units).get().unitIDs == [finance], "full names are understood")
        let bad = Inspection.Form(topic: "", team: "督查室", startsOn: "2023-07-13", endsOn: "2023-07-11", tasks: "2.1、9.9", units: "县农业局")
        guard case .failure(let problems) = Inspection.plan(bad, tasks: [road, budget], units: units) else { Issue.record("accepted"); return }
        #expect(problems.all.map(\.field) == ["topic", "endsOn", "tasks", "units"])
        #expect(problems.all[2].message.zh == "方案中没有这些任务序号：9.9" && problems.all[3].message.zh == "没有这些单位：县农业局")
        let rectification = Inspection.rectification(topic: "重点项目建设专项督查", finding: "用地手续未办结。", task: road, unitID: finance, today: today)
        #expect(rectification.kind == .rectification && rectification.unitID == finance && rectification.deadline == CalendarDate(iso: "2023-08-09"),
                "addressed to the unit found, though it does not lead the task")
        #expect(rectification.facts == "专项督查“重点项目建设专项督查”发现：用地手续未办结。")
    }

    @Test func anOrderIsPrintedAddressedToTheUnitHead() {
        let led = task("3.1", lead: [transport])
        let document = Supervision.document(kind: .order, number: "督办〔2023〕3号", unit: "沂水县交通运输局", task: led, facts: "连续两月黄灯。",
                                            demands: "一是倒排工期。\n二是书面报告。", deadline: CalendarDate(iso: "2023-07-17"), issuer: "沂水县人民政府督查室",
                                            date: CalendarDate(iso: "2023-07-10")!)
        #expect(document.masthead == "督办单" && document.issueLine == "督办〔2023〕3号" && document.title == "关于第3.1项重点任务的督办单")
        #expect(document.blocks == [.addressee("沂水县交通运输局主要负责同志："), .heading("一、督办事由"), .paragraph("连续两月黄灯。"), .heading("二、督办要求"),
                                    .paragraph("一是倒排工期。"), .paragraph("二是书面报告。"), .heading("三、答复期限"),
                                    .paragraph("请于2023年7月17日前将办理情况书面报送沂水县人民政府督查室，同时在系统中答复并上传佐证材料。")])
        #expect(document.signature == ["沂水县人民政府督查室", "2023年7月10日"])
    }
}
