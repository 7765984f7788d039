import Foundation
import LuoshiDomain
import Testing

/// The bulletin's snapshot and document against the six-task fixture of `BulletinFiguresTests`
/// (2023-06-25): 1.1 on track, 1.2 ahead, 2.1 and 2.4 lagging, 2.2 overdue (led by both units),
/// 2.3 completed. 县交通运输局 leads 1.1, 2.1, 2.2 and 2.4; 县财政局 leads 1.2, 2.2 and 2.3.
@Suite struct BulletinTests {
    let fixture = BulletinFiguresTests()
    let takenAt = Date(timeIntervalSince1970: 1_688_000_000)

    func reports(_ rows: [Ledger.Row]) -> [Bulletin.ReportFact] {
        // 县交通运输局 did not report 2.1 and reported 2.2 late; everything else came on time.
        rows.flatMap { row in
            row.task.leadUnitIDs.map { unitID in
                let transport = unitID == fixture.transport.id
                return Bulletin.ReportFact(taskID: row.task.id, unitID: unitID,
                                           submitted: !(transport && row.task.number.description == "2.1"),
                                           late: transport && row.task.number.description == "2.2")
            }
        }
    }

    func snapshot(criticisms: [Bulletin.Criticism] = []) -> Bulletin.Snapshot {
        let rows = fixture.rows()
        return Bulletin.snapshot(month: YearMonth("2023-06")!, asOf: CalendarDate(iso: "2023-06-25")!, takenAt: takenAt, ruleSet: "371323-2023-v1",
                                 rows: rows, parts: [Part(id: UUID(), planID: fixture.plan, number: 1, title: "一、经济"),
                                                     Part(id: UUID(), planID: fixture.plan, number: 2, title: "二、交通")],
                                 leaders: [fixture.head, fixture.deputy], units: [fixture.transport, fixture.finance], reports: reports(rows),
                                 criticisms: criticisms)
    }

    func texts(praise: String = "") -> Bulletin.Texts {
        Bulletin.Texts(title: "关于2023年6月份重点任务落实情况的通报", intro: "现将有关情况通报如下：", praise: praise,
                       requirements: "一是加快进度。\n\n二是按时报送。", internalNote: "内部：请先报县长审阅", issuer: "沂水县人民政府督查室",
                       signedOn: CalendarDate(iso: "2023-07-03")!)
    }

    @Test func theSnapshotHoldsTheHandComputedNumbers() throws {
        let snapshot = snapshot()
        #expect(snapshot.overall.total == 6 && snapshot.overall.lagging == 2 && snapshot.overall.completed == 1)
        #expect(snapshot.byPart.map(\.tally.total) == [2, 4] && snapshot.byLeader.map(\.tally.total) == [3, 4] && snapshot.byUnit.map(\.tally.total) == [4, 3])
        #expect(snapshot.lagging.map(\.number.description) == ["2.1", "2.4"] && snapshot.overdue.map(\.number.description) == ["2.2"])
        #expect(snapshot.lagging[0].leadUnits == ["县交通运输局"] && snapshot.lagging[0].verified == 20 && snapshot.lagging[0].expected == 41.7)
        #expect(snapshot.overdue[0].leadUnits == ["县交通运输局", "县财政局"])
        #expect(snapshot.reporting == [.init(unit: "县交通运输局", missing: 1, late: 1)])
        #expect(snapshot.praised.isEmpty, "县财政局 leads the overdue 2.2; 县交通运输局 has lagging tasks and a missing report")
        // Frozen as JSON and read back unchanged.
        let json = try JSONEncoder().encode(snapshot)
        #expect(try JSONDecoder().decode(Bulletin.Snapshot.self, from: json) == snapshot)
    }

    @Test func praiseGoesToUnitsWhoseTasksAllKeepPaceAndReportedOnTime() {
        let rows = fixture.rows().filter { $0.task.number.description != "2.2" }
        let units = [fixture.transport, fixture.finance]
        #expect(Bulletin.praised(rows, units: units, reporting: []) == ["县财政局"], "1.2 ahead, 2.3 completed")
        #expect(Bulletin.praised(rows, units: units, reporting: [.init(unit: "县财政局", missing: 0, late: 1)]).isEmpty, "a late report rules it out")
        let onTrackOnly = rows.filter { $0.task.number.description == "1.1" }
        #expect(Bulletin.praised(onTrackOnly, units: units, reporting: []).isEmpty, "on track alone is not praised")
    }

    @Test func theDocumentHasTheSectionsOfABulletinInOrder() {
        let document = Bulletin.document(snapshot(), texts: texts(), issue: .init(number: 3, nextNumber: 3, corrects: nil))
        let headings = document.blocks.compactMap { block -> String? in if case .heading(let text) = block { text } else { nil } }
        #expect(headings == ["一、总体情况", "二、分部分推进情况", "三、分管县领导牵头任务推进情况", "四、牵头单位推进情况", "五、进度滞后和逾期未完成的任务",
                             "六、进展情况报送", "七、下步工作要求"])
        let paragraphs = document.blocks.compactMap { block -> String? in if case .paragraph(let text) = block { text } else { nil } }
        #expect(paragraphs.contains("纳入本期调度的重点任务共6项。其中，已完成1项，占16.7%；超进度推进1项，占16.7%；序时推进1项，占16.7%；进度滞后2项，占33.3%；逾期未完成1项，占16.7%。"))
        #expect(paragraphs.contains("未报送或报送后被退回未重报的单位：县交通运输局（1项）。") && paragraphs.contains("逾期报送的单位：县交通运输局（1项）。"))
        #expect(paragraphs.suffix(2) == ["一是加快进度。", "二是按时报送。"], "one paragraph per non-blank line")
        #expect(!paragraphs.contains { $0.contains("内部") }, "the internal note is never part of the document")
        let tables = document.blocks.compactMap { block -> Bulletin.Table? in if case .table(let table) = block { table } else { nil } }
        #expect(tables.map(\.caption) == ["表1　分部分推进情况", "表2　分管县领导牵头任务推进情况", "表3　牵头单位推进情况", "表4　进度滞后和逾期未完成的任务"])
        #expect(tables[0].rows == [["一、经济", "2", "0", "1", "1", "0", "0", "0", "0"], ["二、交通", "4", "1", "0", "0", "2", "1", "0", "0"]])
        #expect(tables[3].rows.map { $0[0] } == ["2.1", "2.2", "2.4"] && tables[3].rows[1][2] == "县交通运输局、县财政局" && tables[3].rows[1][5] == "逾期未完成")
        #expect(tables[3].rows[0][3] == "20%" && tables[3].rows[0][4] == "41.7%")
        #expect(document.issueLine == "第3期" && document.date == "2023年7月3日" && document.signature == ["沂水县人民政府督查室", "2023年7月3日"])
        #expect(document.imprint == "沂水县人民政府督查室　　2023年7月3日印发")
    }

    @Test func praiseCriticismsDraftsAndCorrectionsShowWhereTheyBelong() {
        let criticised = snapshot(criticisms: [.init(unit: "县交通运输局", reason: "连续两月未按时报送，经督办仍未整改到位。")])
        let document = Bulletin.document(criticised, texts: texts(praise: "县财政局推进有力，予以表扬。"), issue: .init(number: nil, nextNumber: 4, corrects: 3))
        let headings = document.blocks.compactMap { block -> String? in if case .heading(let text) = block { text } else { nil } }
        #expect(headings.suffix(3) == ["七、通报表扬", "八、通报批评", "九、下步工作要求"])
        #expect(document.blocks.first == .paragraph("本期对第3期通报有关内容予以更正，请以本期为准。"))
        #expect(document.blocks.contains(.paragraph("县交通运输局：连续两月未按时报送，经督办仍未整改到位。")))
        #expect(document.issueLine == "第4期（草稿）")
    }

    @Test func defaultTextsNameTheMonthTheDataDateAndTheDueDay() {
        let texts = Bulletin.defaultTexts(snapshot(), issuer: Bulletin.issuer(jurisdictionName: "沂水县"), signedOn: CalendarDate(iso: "2023-07-03")!, dueDay: 20)
        #expect(texts.title == "关于2023年6月份政府工作报告重点任务落实情况的通报" && texts.issuer == "沂水县人民政府督查室")
        #expect(texts.intro.contains("截至2023年6月25日") && texts.requirements.contains("下月20日前") && texts.praise.isEmpty)
    }

    @Test func editedTextsAreCheckedFieldByField() throws {
        var form = Bulletin.Form(texts())
        #expect(try Bulletin.texts(form).get() == texts())
        form.title = "  "
        form.signedOn = "2023-7-3"
        form.intro = String(repeating: "字", count: Bulletin.maximumTextLength + 1)
        guard case .failure(let problems) = Bulletin.texts(form) else { Issue.record("accepted a blank title"); return }
        #expect(problems.all.map(\.field) == ["title", "intro", "signedOn"])
        #expect(Bulletin.draftsVisible(to: .leader) && !Bulletin.draftsVisible(to: .unitStaff))
    }
}
