import Foundation
import LuoshiDomain
import Testing

/// 政策解读 drafted from the plan: dates, bodies and counts come from the plan.
@Suite struct InterpretationTests {
    let department = UUID(), township = UUID(), cooperating = UUID()

    func facts(tasksInPartTwo: Int = 2) -> Interpretation.Facts {
        var plan = PlanLifecycleTests.draft()
        plan.title = "2023年县政府工作报告重点工作任务分解方案"
        plan.status = .issued
        plan.stages = .init(draft: CalendarDate(iso: "2023-02-08"), consultation: CalendarDate(iso: "2023-02-22"),
                            approved: CalendarDate(iso: "2023-03-04"), issued: CalendarDate(iso: "2023-03-06"))
        plan.reportApprovedBy = "沂水县第十九届人民代表大会第二次会议"
        plan.reportApprovedOn = CalendarDate(iso: "2023-01-19")
        plan.approvalMeeting = "县政府2023年第一次常务会议"
        let parts = [Part(id: UUID(), planID: plan.id, number: 1, title: "主要预期目标"), Part(id: UUID(), planID: plan.id, number: 2, title: "抓项目、扩投资")]
        func task(_ number: String, lead: UUID) -> PlanTask {
            PlanTask(id: UUID(), planID: plan.id, number: TaskNumber(number)!, content: "任务", kind: .ongoing, deadline: nil, measures: nil,
                     annualTarget: nil, leadUnitIDs: [lead], cooperatingUnitIDs: [cooperating], leaderIDs: [], milestones: [])
        }
        let tasks = [task("1.1", lead: department)] + (1...tasksInPartTwo).map { task("2.\($0)", lead: $0 == 1 ? township : department) }
        let kinds: [UUID: LuoshiDomain.Unit.Kind] = [department: .department, township: .township, cooperating: .department]
        return Interpretation.Facts(plan: plan, statistics: PlanStatistics(parts: parts, tasks: tasks, unitKind: { kinds[$0] }),
                                    jurisdictionName: "沂水县", draftingOffice: "县政府督查室", presenter: "刘铭县长")
    }

    @Test func theDraftHasTheFiveSectionsWithThePlansFacts() {
        let sections = Interpretation.draft(facts())
        #expect(sections.map(\.heading) == ["一、《2023年县政府工作报告重点工作任务分解方案》出台背景", "二、《2023年县政府工作报告重点工作任务分解方案》出台过程",
                                            "三、《2023年县政府工作报告重点工作任务分解方案》总体原则", "四、《2023年县政府工作报告重点工作任务分解方案》主要内容",
                                            "五、《2023年县政府工作报告重点工作任务分解方案》落实工作要求"])
        #expect(sections[0].text.hasPrefix("2023年1月19日，沂水县第十九届人民代表大会第二次会议召开，会议听取、审议并批准了刘铭县长代表沂水县人民政府所作的《政府工作报告》"))
        #expect(sections[0].text.contains("沂水县人民政府办公室对重点工作任务进行了梳理分解"))
        #expect(sections[1].text.contains("由县政府督查室牵头起草") && sections[1].text.contains("2月8日编制完成初稿")
                && sections[1].text.contains("2月22日形成征求意见稿") && sections[1].text.contains("3月4日县政府2023年第一次常务会议审议通过")
                && sections[1].text.contains("2023年3月6日以沂水县人民政府办公室文件的形式印发"))
        #expect(sections[3].text.hasPrefix("对应《政府工作报告》中的工作部署，将重点任务分解为2个部分、3项具体工作，主要涉及1个牵头单位和1个乡镇（街道）。"))
        #expect(sections[3].text.contains("第一部分为主要预期目标，共1项。第二部分为抓项目、扩投资，共2项。"))
        #expect(sections[4].text.contains("县政府督查室将对重点工作任务实行台账化管理"))
    }

    @Test func withoutTheCongressRecordedTheBackgroundSaysWhatIsKnown() {
        var facts = facts()
        facts.congress = nil
        let background = Interpretation.draft(facts)[0].text
        #expect(!background.contains("人民代表大会") && background.contains("形成了《2023年县政府工作报告重点工作任务分解方案》"))
    }

    @Test func changedFiguresAreNamed() {
        let published = facts().figures
        #expect(published == Interpretation.Figures(parts: 2, tasks: 3, leadingDepartments: 1, townships: 1, tasksByPart: [1, 2]))
        #expect(published.mismatches(against: published).isEmpty)
        let now = facts(tasksInPartTwo: 3).figures
        #expect(published.mismatches(against: now).map(\.zh) == ["任务数：解读中为 3，方案现为 4", "第二部分任务数：解读中为 2，方案现为 3"])
    }
}
