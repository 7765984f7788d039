import Foundation
import LuoshiDomain
import Testing

private func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

private let lead = UUID(), partner = UUID()

private func phasedTask(deadline: String = "2023-06-30") -> PlanTask {
    PlanTask(id: UUID(), planID: UUID(), number: TaskNumber(part: 1, item: 1), content: "建成智慧城市平台", kind: .phased,
             deadline: date(deadline), measures: "分三步推进", annualTarget: nil, leadUnitIDs: [lead], cooperatingUnitIDs: [partner],
             leaderIDs: [], milestones: [Milestone(title: "完成招标", due: date("2023-03-31"))])
}

private func ongoingTask() -> PlanTask {
    PlanTask(id: UUID(), planID: UUID(), number: TaskNumber(part: 2, item: 3), content: "稳定粮食生产", kind: .ongoing,
             deadline: nil, measures: nil, annualTarget: "粮食总产稳定在 60 万吨以上", leadUnitIDs: [lead], cooperatingUnitIDs: [],
             leaderIDs: [], milestones: [Milestone(title: "夏粮收获", due: date("2023-06-30"))])
}

/// A charter that passes every rule for the phased task (done by June).
private func completeCharter(for task: PlanTask) -> Charter {
    var charter = Charter.blank(for: task)
    charter.quarters = [.init(target: "完成招标", expectedPercent: 40), .init(target: "建成上线", expectedPercent: 100),
                        .init(target: "运行维护", expectedPercent: 100), .init(target: "总结评估", expectedPercent: 100)]
    charter.months = (1...12).map { "\($0)月工作" }
    charter.roadmap = "3月底前招标，6月底前上线"
    charter.owner = .init(leader: "王局长", section: "信息化科", staff: "李明", contact: "0539-2251234")
    return charter
}

@Suite struct CharterRulesTests {
    @Test func aCompleteCharterHasNoProblems() {
        let task = phasedTask()
        #expect(CharterRules.problems(completeCharter(for: task), task: task, year: 2023).isEmpty)
        var ongoing = completeCharter(for: ongoingTask())
        ongoing.quarters[1].expectedPercent = 50
        ongoing.quarters[2].expectedPercent = 75
        #expect(CharterRules.problems(ongoing, task: ongoingTask(), year: 2023).isEmpty)
    }

    @Test func eachMissingPieceNamesItsField() {
        let task = phasedTask()
        var charter = Charter.blank(for: task)
        charter.measures = ""
        let fields = Set(CharterRules.problems(charter, task: task, year: 2023).compactMap(\.field))
        #expect(fields.isSuperset(of: ["q1Target", "q4Target", "roadmap", "ownerLeader", "ownerSection", "ownerStaff", "ownerContact",
                                       "measures", "q2Percent", "month1", "month6"]))
        #expect(!fields.contains("month7"), "months after a phased task's completion may stay empty")
    }

    @Test func aPhasedCharterEndsByTheDeadline() {
        let task = phasedTask()
        var charter = completeCharter(for: task)
        charter.completesOn = date("2023-07-15")
        charter.quarters[1].expectedPercent = 60
        charter.quarters[2].expectedPercent = 90
        let problems = CharterRules.problems(charter, task: task, year: 2023)
        #expect(problems.contains { $0.field == "completesOn" })
        #expect(problems.contains { $0.field == "q3Percent" }, "the quarter it completes in must expect 100%")
        charter.completesOn = nil
        #expect(CharterRules.problems(charter, task: task, year: 2023).contains { $0.field == "completesOn" })
        charter.completesOn = date("2023-02-28")
        #expect(CharterRules.problems(charter, task: task, year: 2023).contains { $0.field == "milestones" }, "a milestone after completion")
    }

    @Test func anOngoingCharterNeedsItsTargetAMilestoneAndAFullYear() {
        let task = ongoingTask()
        var charter = completeCharter(for: task)
        charter.annualTarget = " "
        charter.milestones = []
        charter.quarters[3].expectedPercent = 90
        charter.months[11] = ""
        let fields = Set(CharterRules.problems(charter, task: task, year: 2023).compactMap(\.field))
        #expect(fields == ["annualTarget", "milestones", "q4Percent", "month12"])
    }

    @Test func sharesNeverFallAndStayWithinAHundred() {
        let task = phasedTask()
        var charter = completeCharter(for: task)
        charter.quarters[2].expectedPercent = 90
        #expect(CharterRules.problems(charter, task: task, year: 2023).map(\.field) == ["q3Percent"])
        charter.quarters[2].expectedPercent = 101
        #expect(CharterRules.problems(charter, task: task, year: 2023).map(\.field) == ["q3Percent"])
    }

    @Test func contactIsATelephoneNumber() {
        let task = phasedTask()
        var charter = completeCharter(for: task)
        for bad in ["", "12345", "电话 2251234", "javascript:alert(1)"] {
            charter.owner.contact = bad
            #expect(CharterRules.problems(charter, task: task, year: 2023).map(\.field) == ["ownerContact"], "\(bad)")
        }
        charter.owner.contact = "13800138000"
        #expect(CharterRules.problems(charter, task: task, year: 2023).isEmpty)
    }

    @Test func overlongTextsAreRefusedEvenInADraft() {
        var charter = Charter.blank(for: phasedTask())
        charter.months[2] = String(repeating: "字", count: 2_001)
        #expect(CharterRules.lengthProblems(charter).map(\.field) == ["month3"])
    }

    @Test func statusMovesDraftSubmittedApprovedOrReturned() throws {
        #expect(try CharterRules.next(after: nil, .save) == .draft)
        #expect(try CharterRules.next(after: .draft, .submit) == .submitted)
        #expect(try CharterRules.next(after: .submitted, .return(comment: "季度目标不够具体")) == .returned)
        #expect(try CharterRules.next(after: .returned, .save) == .returned)
        #expect(try CharterRules.next(after: .returned, .submit) == .submitted)
        #expect(try CharterRules.next(after: .submitted, .approve(comment: "")) == .approved)
        #expect(throws: DomainError.self) { try CharterRules.next(after: .submitted, .return(comment: " ")) }
        #expect(throws: DomainError.self) { try CharterRules.next(after: .submitted, .save) }
        #expect(throws: DomainError.self) { try CharterRules.next(after: .approved, .submit) }
        #expect(throws: DomainError.self) { try CharterRules.next(after: .draft, .approve(comment: "")) }
        #expect(throws: DomainError.self) { try CharterRules.next(after: nil, .return(comment: "x")) }
    }
}

@Suite struct ChangeControlTests {
    @Test func anExtensionMustBeLaterAndOnlyForPhasedTasks() {
        let task = phasedTask()
        func fields(_ request: ChangeControl.Request, _ task: PlanTask, pending: Set<ChangeControl.Kind> = []) -> [String?] {
            ChangeControl.problems(request, task: task, planStatus: .issued, pendingKinds: pending).map(\.field)
        }
        #expect(fields(.init(kind: .deadline, proposed: "2023-09-30", reason: "征地手续延迟"), task).isEmpty)
        #expect(fields(.init(kind: .deadline, proposed: "2023-06-30", reason: "x"), task) == ["proposed"])
        #expect(fields(.init(kind: .deadline, proposed: "9月底", reason: "x"), task) == ["proposed"])
        #expect(fields(.init(kind: .deadline, proposed: "2023-09-30", reason: " "), task) == ["reason"])
        #expect(fields(.init(kind: .deadline, proposed: "2023-09-30", reason: "x"), ongoingTask()) == ["kind"])
        #expect(fields(.init(kind: .deadline, proposed: "2023-09-30", reason: "x"), task, pending: [.deadline]) == ["kind"])
        #expect(fields(.init(kind: .target, proposed: "粮食总产稳定在 60 万吨以上", reason: "x"), ongoingTask()) == ["proposed"])
        #expect(ChangeControl.problems(.init(kind: .target, proposed: "新目标", reason: "x"), task: task, planStatus: .approved, pendingKinds: [])
            .map(\.code) == [.conflict], "only after issue")
    }

    @Test func approvingMakesARevisionFromTheOldValueToTheNew() throws {
        let task = phasedTask()
        let (changed, revision) = ChangeControl.apply(.init(kind: .deadline, proposed: "2023-09-30", reason: "x"), to: task,
                                                      on: date("2023-05-10"), by: "duchashi")
        #expect(changed.deadline == date("2023-09-30"))
        #expect(revision == .init(kind: .deadline, before: "2023-06-30", after: "2023-09-30", approvedOn: date("2023-05-10"), approvedBy: "duchashi"))
        let (retargeted, targetRevision) = ChangeControl.apply(.init(kind: .target, proposed: " 55 万吨 ", reason: "x"), to: ongoingTask(),
                                                               on: date("2023-05-10"), by: "duchashi")
        #expect(retargeted.annualTarget == "55 万吨" && targetRevision.before == "粮食总产稳定在 60 万吨以上")
    }

    @Test func decisionsAreMadeOnceAndRejectionsExplained() throws {
        #expect(try ChangeControl.decide(.pending, approve: true, note: "") == .approved)
        #expect(try ChangeControl.decide(.pending, approve: false, note: "理由不充分") == .rejected)
        #expect(throws: DomainError.self) { try ChangeControl.decide(.pending, approve: false, note: "") }
        #expect(throws: DomainError.self) { try ChangeControl.decide(.approved, approve: true, note: "") }
    }
}

@Suite struct ConsultationTests {
    @Test func commentsOnlyWhileCirculatedAndProposalsNeedText() {
        #expect(Consultation.commentProblems(stance: .agree, text: "", planStatus: .consultation).isEmpty)
        #expect(Consultation.commentProblems(stance: .propose, text: "建议把时限改为9月底", planStatus: .consultation).isEmpty)
        #expect(Consultation.commentProblems(stance: .propose, text: " ", planStatus: .consultation).map(\.field) == ["text"])
        #expect(Consultation.commentProblems(stance: nil, text: "x", planStatus: .consultation).map(\.field) == ["stance"])
        #expect(Consultation.commentProblems(stance: .agree, text: "", planStatus: .draft).map(\.code) == [.conflict])
        #expect(Consultation.commentProblems(stance: .agree, text: "", planStatus: .issued).map(\.code) == [.conflict])
    }

    @Test func repliesNeedADecisionAndText() {
        #expect(Consultation.replyProblems(decision: .adopted, reply: "已采纳，时限调整为9月底", planStatus: .consultation).isEmpty)
        #expect(Consultation.replyProblems(decision: .pending, reply: "x", planStatus: .consultation).map(\.field) == ["decision"])
        #expect(Consultation.replyProblems(decision: .notAdopted, reply: "", planStatus: .consultation).map(\.field) == ["reply"])
        #expect(Consultation.replyProblems(decision: .adopted, reply: "x", planStatus: .approved).map(\.code) == [.conflict])
    }
}

@Suite struct TaskEditingTests {
    let planID = UUID()
    let units = [Unit(id: lead, jurisdictionCode: "371323", name: "沂水县发展和改革局", shortName: "县发改局", aliases: ["发改局"], kind: .department),
                 Unit(id: partner, jurisdictionCode: "371323", name: "沂水县财政局", shortName: "县财政局", aliases: [], kind: .department)]
    let leaders = [Leader(id: UUID(), jurisdictionCode: "371323", name: "刘铭", post: "县长", portfolio: "全面工作")]

    func read(_ form: TaskForm, others: [PlanTask] = []) -> Result<PlanTask, Problems> {
        TaskEditing.task(from: form, id: UUID(), planID: planID, units: units, leaders: leaders, otherTasks: others, partNumbers: [1, 2])
    }

    @Test func aFormRoundTripsThroughTheTask() throws {
        let task = phasedTask()
        let form = TaskEditing.form(of: task, unitName: { id in units.first { $0.id == id }?.shortName }, leaderName: { _ in nil })
        #expect(form.leadUnits == "县发改局" && form.cooperatingUnits == "县财政局" && form.milestones == "2023-03-31 完成招标")
        let read = try read(form).get()
        #expect(read.number == task.number && read.content == task.content && read.deadline == task.deadline)
        #expect(read.leadUnitIDs == [lead] && read.cooperatingUnitIDs == [partner] && read.milestones == task.milestones)
    }

    @Test func namesResolveByAliasAndUnknownOnesAreNamed() throws {
        var form = TaskForm(number: "2.4", content: "推进项目", kind: "ongoing", annualTarget: "完成投资 10 亿元",
                            leadUnits: "发改局", cooperatingUnits: "县财政局，县文旅局", leaders: "刘铭 张三")
        guard case .failure(let problems) = read(form) else { Issue.record("unknown names must be refused"); return }
        #expect(problems.all.map(\.field) == ["cooperatingUnits", "leaders"])
        #expect(problems.all[0].message.zh.contains("县文旅局"))
        form.cooperatingUnits = "县财政局"
        form.leaders = "刘铭"
        let task = try read(form).get()
        #expect(task.leadUnitIDs == [lead] && task.leaderIDs == [leaders[0].id] && task.deadline == nil)
    }

    @Test func numbersMustNameAPartAndBeFree() {
        let taken = phasedTask()
        for (number, field) in [("3.1", "number"), ("1.1", "number"), ("x", "number"), ("1.01", "number")] {
            let form = TaskForm(number: number, content: "c", kind: "phased", deadline: "2023-12-31", leadUnits: "县发改局")
            guard case .failure(let problems) = read(form, others: [taken]) else { Issue.record("\(number) accepted"); continue }
            #expect(problems.all.map(\.field) == [field], "\(number)")
        }
    }

    @Test func structuralRulesNameTheFormsFields() {
        let form = TaskForm(number: "1.2", content: " ", kind: "phased", deadline: "", leadUnits: "", milestones: "6月底 完成")
        guard case .failure(let problems) = read(form) else { Issue.record("accepted"); return }
        #expect(Set(problems.all.compactMap(\.field)) == ["content", "leadUnits", "deadline", "milestones"])
    }

    @Test func issuedPlansAreFrozen() {
        var plan = PlanLifecycleTests.draft()
        #expect(TaskEditing.editProblem(plan) == nil)
        plan.status = .issued
        #expect(TaskEditing.editProblem(plan)?.code == .conflict)
    }
}

@Suite struct CharterFormTests {
    @Test func aCharterRoundTripsThroughItsFormFields() {
        let charter = completeCharter(for: phasedTask())
        let (read, problems) = Charter.read(formFields: charter.formFields)
        #expect(problems.isEmpty)
        #expect(read == charter)
    }

    @Test func unreadableValuesAreNamed() {
        var fields = completeCharter(for: phasedTask()).formFields
        fields["q2Percent"] = "六十"
        fields["completesOn"] = "6月底"
        fields["milestones"] = "2023-03-31 完成招标\n三月 开工"
        let (_, problems) = Charter.read(formFields: fields)
        #expect(problems.map(\.field) == ["q2Percent", "completesOn", "milestones"])
        #expect(problems[2].message.zh.contains("第 2 行"))
    }
}

@Suite struct UnitAliasRulesTests {
    let units = [Unit(id: lead, jurisdictionCode: "371323", name: "沂水县发展和改革局", shortName: "县发改局", aliases: ["发改局"], kind: .department)]

    @Test func anAliasMustBeNewAndNameAKnownUnit() {
        #expect(UnitAliasRules.problem(alias: "县发展改革局", unitID: lead, units: units, field: "unit.1") == nil)
        #expect(UnitAliasRules.problem(alias: "发改局", unitID: lead, units: units, field: "unit.1")?.code == .duplicate)
        #expect(UnitAliasRules.problem(alias: " ", unitID: lead, units: units, field: "unit.1")?.field == "unit.1")
        #expect(UnitAliasRules.problem(alias: "县发展改革局", unitID: UUID(), units: units, field: "unit.1")?.code == .notFound)
    }
}
