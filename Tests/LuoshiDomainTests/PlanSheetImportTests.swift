import Foundation
import LuoshiDomain
import Testing

@Suite struct SheetRulesTests {
    @Test(arguments: [("一、主要预期目标", "主要预期目标"), ("（二）坚定不移抓项目", "坚定不移抓项目"), ("(三)强基础", "强基础"),
                      ("第一部分 主要预期目标", "主要预期目标"), ("第二部分：加强政府自身建设", "加强政府自身建设"), ("十二、其他", "其他")])
    func recognisesPartHeadings(_ text: String, _ title: String) {
        #expect(PlanSheetImport.partTitle(text) == title)
    }

    @Test(arguments: ["1.地区生产总值增长6%", "主要预期目标", "一季度完成", "（1）推进", "2023年6月底前"])
    func otherTextIsNotAPartHeading(_ text: String) {
        #expect(PlanSheetImport.partTitle(text) == nil)
    }

    @Test(arguments: [("1.地区生产总值增长6%", "地区生产总值增长6%"), ("（一）加快建设", "加快建设"), ("(1)推进改革", "推进改革"),
                      ("12、完成老旧小区改造", "完成老旧小区改造"), ("1.5万亩高标准农田", "1.5万亩高标准农田"), ("推进项目", "推进项目")])
    func stripsLeadingNumbering(_ text: String, _ stripped: String) {
        #expect(PlanSheetImport.stripNumbering(text) == stripped)
    }

    @Test func splitsPackedUnitNames() {
        #expect(PlanSheetImport.splitNames("县发改局、县财政局，县住建局,县交通局；县公安局;县教体局 县卫健局　县商务局")
                == ["县发改局", "县财政局", "县住建局", "县交通局", "县公安局", "县教体局", "县卫健局", "县商务局"])
        #expect(PlanSheetImport.splitNames("  ").isEmpty)
    }

    @Test func readsOwnersWrittenInsideTheText() {
        let bracketed = PlanSheetImport.InlineOwners(text: "加快建设东部、花都、南沙三大汽车产业基地。(牵头单位:市经贸委;配合单位:市发改委、国土房管局、外经贸局、规划局)")
        #expect(bracketed.content == "加快建设东部、花都、南沙三大汽车产业基地。")
        #expect(bracketed.lead == ["市经贸委"])
        #expect(bracketed.cooperating == ["市发改委", "国土房管局", "外经贸局", "规划局"])
        let trailing = PlanSheetImport.InlineOwners(text: "努力实现地区生产总值增长6.2%左右。 牵头单位:区发改局 责任单位:立山经济开发区,全区经济运行各专班")
        #expect(trailing.content == "努力实现地区生产总值增长6.2%左右。")
        #expect(trailing.lead == ["区发改局"])
        #expect(trailing.responsible == ["立山经济开发区", "全区经济运行各专班"])
        let leader = PlanSheetImport.InlineOwners(text: "地区生产总值增长8%以上。（责任领导：杜新国；牵头单位：区发改局）")
        #expect(leader.content == "地区生产总值增长8%以上。")
        #expect(leader.leaders == ["杜新国"])
        #expect(leader.lead == ["区发改局"])
        #expect(PlanSheetImport.InlineOwners(text: "没有责任单位的文字").content == "没有责任单位的文字")
    }

    @Test(arguments: [
        ("2023-06-30", "2023-06-30"), ("2023/6/30", "2023-06-30"), ("2023.6.30", "2023-06-30"), ("2023年6月30日", "2023-06-30"),
        ("2023年6月底前", "2023-06-30"), ("6月底前", "2023-06-30"), ("2月底前", "2023-02-28"), ("年底前", "2023-12-31"),
        ("年内", "2023-12-31"), ("第一季度", "2023-03-31"), ("上半年", "2023-06-30"), ("三季度末", "2023-09-30"), ("2023年11月", "2023-11-30"),
    ])
    func readsDeadlines(_ text: String, _ iso: String) {
        #expect(PlanSheetImport.parseDeadline(text, year: 2023) == .date(CalendarDate(iso: iso)!))
    }

    @Test func readsOngoingEmptyAndUnreadableDeadlines() {
        #expect(PlanSheetImport.parseDeadline("长期坚持", year: 2023) == .ongoing)
        #expect(PlanSheetImport.parseDeadline("持续推进", year: 2023) == .ongoing)
        #expect(PlanSheetImport.parseDeadline("", year: 2023) == .none)
        #expect(PlanSheetImport.parseDeadline("尽快", year: 2023) == .unreadable)
        #expect(PlanSheetImport.parseDeadline("2023-13-45", year: 2023) == .unreadable)
        #expect(PlanSheetImport.parseDeadline("13月底前", year: 2023) == .unreadable)
    }

    @Test func findsTheHeaderBelowATitle() throws {
        let rows = [["2023年重点工作任务分解方案", "", ""], ["", "", ""], ["序号", "工 作 任 务", "牵头单位"]]
        let header = try #require(PlanSheetImport.detectHeader(rows))
        #expect(header.row == 2)
        #expect(header.columns[.content] == 1)
        #expect(header.columns[.leadUnits] == 2)
    }
}

@Suite struct SheetReadingTests {
    static let header = ["序号", "工作任务", "牵头县领导", "牵头单位", "配合单位", "完成时限"]

    @Test func readsPartsTasksAndOwners() throws {
        let table = PlanSheetImport.Table(name: "分工方案", rows: [
            ["2023年县政府工作报告重点工作任务分解方案", "", "", "", "", ""],
            Self.header,
            ["一、主要预期目标", "", "", "", "", ""],
            ["1", "1.地区生产总值增长6%左右。", "刘铭", "县发改局", "县统计局、县财政局", "年底前"],
            ["2", "城镇新增就业5000人以上。", "王建华", "县人社局", "", "长期坚持"],
            ["", "二、坚定不移抓项目、扩投资", "", "", "", ""],
            ["1", "实施重点项目56个。", "王建华", "县发改局；县住建局", "县自然资源局", "2023年6月底前"],
        ])
        let reading = PlanSheetImport.read([table], year: 2023)
        #expect(reading.problems.isEmpty)
        #expect(reading.parts.map(\.title) == ["主要预期目标", "坚定不移抓项目、扩投资"])
        let tasks = reading.tasks
        #expect(tasks.map(\.number.description) == ["1.1", "1.2", "2.1"])
        #expect(tasks[0].content == "地区生产总值增长6%左右。")
        #expect(tasks[0].cooperatingUnits == ["县统计局", "县财政局"])
        #expect(tasks[0].deadline == CalendarDate(iso: "2023-12-31"))
        #expect(tasks[1].kind == .ongoing && tasks[1].annualTarget == "城镇新增就业5000人以上。")
        #expect(tasks[2].leadUnits == ["县发改局", "县住建局"])
        #expect(tasks[2].row == 7)
    }

    @Test func namesEachProblemBySheetRowAndColumn() {
        let table = PlanSheetImport.Table(name: "表1", rows: [
            Self.header,
            ["1", "没有牵头单位的任务", "", "", "", "年底前"],
            ["2", "时限写错的任务", "", "县发改局", "", "尽快"],
            ["3", "", "", "县发改局", "", "年底前"],
        ])
        let problems = PlanSheetImport.read([table], year: 2023).problems
        #expect(problems.map(\.location) == ["表1!D2", "表1!F3", "表1!B4"])
        #expect(problems.map(\.code) == [.missingLeadUnit, .badDeadline, .missingContent])
    }

    @Test func anEmptyOrHeaderlessSheetIsAProblem() {
        let problems = PlanSheetImport.read([.init(name: "空", rows: []), .init(name: "说明", rows: [["本表说明"], ["无表头"]])], year: 2023).problems
        #expect(problems.map(\.code) == [.emptySheet, .noHeader])
        #expect(problems.map(\.location) == ["空!A1", "说明!A1"])
    }

    @Test func unknownNamesAreProblemsUnlessCreated() throws {
        let table = PlanSheetImport.Table(name: "S", rows: [Self.header, ["1", "任务", "张三", "县新设局", "沂城街道", "年底前"]])
        let reading = PlanSheetImport.read([table], year: 2023)
        let facts = PlanSheetImport.PlanFacts(jurisdiction: .init(code: "371323", name: "沂水县", level: .county), year: 2023)
        let known = Unit(id: UUID(), jurisdictionCode: "371323", name: "沂水县沂城街道", shortName: "沂城街道", aliases: [], kind: .street)
        let refused = PlanSheetImport.document(from: reading, facts: facts, units: [known], leaders: [], createMissing: false,
                                               draftDate: CalendarDate(iso: "2023-02-08")!)
        #expect(refused.problems.map(\.location) == ["S!D2", "S!C2"])
        let created = PlanSheetImport.document(from: reading, facts: facts, units: [known], leaders: [], createMissing: true,
                                               draftDate: CalendarDate(iso: "2023-02-08")!)
        #expect(created.problems.isEmpty)
        #expect(created.document.units.map(\.name) == ["县新设局"])
        #expect(created.document.leaders.map(\.name) == ["张三"])
        #expect(created.document.plan.status == .draft)
        let resolved = try created.document.resolve(existingUnits: [known])
        #expect(resolved.tasks.first?.cooperatingUnitIDs == [known.id])
    }

    @Test func exportedRowsReadBackToTheSameTasks() throws {
        let unit = UUID(), other = UUID(), leader = UUID()
        let plan = UUID()
        let parts = [Part(id: UUID(), planID: plan, number: 1, title: "主要预期目标"), Part(id: UUID(), planID: plan, number: 2, title: "抓项目")]
        let tasks = [
            PlanTask(id: UUID(), planID: plan, number: .init(part: 1, item: 1), content: "地区生产总值增长6%。", kind: .ongoing,
                     deadline: nil, measures: "月调度", annualTarget: "增长6%", leadUnitIDs: [unit], cooperatingUnitIDs: [other],
                     leaderIDs: [leader], milestones: [Milestone(title: "半年过半", due: CalendarDate(iso: "2023-06-30")!)]),
            PlanTask(id: UUID(), planID: plan, number: .init(part: 2, item: 1), content: "1.5万亩高标准农田。", kind: .phased,
                     deadline: CalendarDate(iso: "2023-10-31"), measures: nil, annualTarget: nil, leadUnitIDs: [unit, other],
                     cooperatingUnitIDs: [], leaderIDs: [], milestones: []),
        ]
        let names = [unit: "县发改局", other: "县财政局"]
        let rows = PlanSheetExport.rows(parts: parts, tasks: tasks, unitName: { names[$0] }, leaderName: { $0 == leader ? "刘铭" : nil })
        let reading = PlanSheetImport.read([.init(name: "导出", rows: [PlanSheetExport.header] + rows)], year: 2023)
        #expect(reading.problems.isEmpty)
        #expect(reading.parts.map(\.title) == ["主要预期目标", "抓项目"])
        let read = reading.tasks
        #expect(read.map(\.number) == tasks.map(\.number))
        #expect(read.map(\.content) == tasks.map(\.content))
        #expect(read.map(\.kind) == tasks.map(\.kind))
        #expect(read.map(\.deadline) == tasks.map(\.deadline))
        #expect(read.map(\.annualTarget) == tasks.map(\.annualTarget))
        #expect(read.map(\.measures) == tasks.map(\.measures))
        #expect(read.map(\.milestones) == tasks.map(\.milestones))
        #expect(read[1].leadUnits == ["县发改局", "县财政局"])
        #expect(read[0].leaders == ["刘铭"])
    }

    @Test func beijingDateOfAnInstant() {
        #expect(CalendarDate(date: Date(timeIntervalSince1970: 1_677_600_000)).iso == "2023-03-01")  // 2023-02-28T16:00Z
        #expect(CalendarDate(date: Date(timeIntervalSince1970: 1_677_599_999)).iso == "2023-02-28")
    }
}

@Suite struct WrittenTaskNumberTests {
    @Test func fullNumbersInTheFirstColumnAreKeptSoReimportsMatchByNumber() {
        let rows = [["序号", "工作任务", "牵头单位", "完成时限"],
                    ["", "一、稳增长", "", ""],
                    ["1.3", "任务丙", "县发改局", "2023-06-30"],
                    ["1.1", "任务甲", "县发改局", "2023-06-30"],
                    ["", "任务乙（无序号）", "县发改局", "2023-06-30"],
                    ["1.1", "重复编号", "县发改局", "2023-06-30"],
                    ["", "二、惠民生", "", ""],
                    ["1.9", "编号不属本部分", "县民政局", "长期坚持"]]
        let reading = PlanSheetImport.read([.init(name: "Sheet1", rows: rows)], year: 2023)
        #expect(reading.tasks.map(\.number.description) == ["1.3", "1.1", "1.4", "1.5", "2.1"])
        #expect(reading.problems.map(\.location) == ["Sheet1!A6"])
        #expect(reading.problems.map(\.code) == [.duplicateNumber])
    }
}
