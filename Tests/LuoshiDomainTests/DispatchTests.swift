import Foundation
import LuoshiDomain
import Testing

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

@Suite struct DispatchTests {
    @Test func aRoundIsForAMonthOfTheIssuedPlansYearDueOnThe25thByDefault() throws {
        let (month, due) = try Dispatch.round(month: "2023-04", dueDate: "", planStatus: .issued, planYear: 2023, existing: []).get()
        #expect(month.description == "2023-04" && due == day("2023-04-25"))
        let (_, february) = try Dispatch.round(month: "2023-02", dueDate: "", dueDay: 30, planStatus: .issued, planYear: 2023, existing: []).get()
        #expect(february == day("2023-02-28"), "the due day is clamped to the month")
        let (_, next) = try Dispatch.round(month: "2023-04", dueDate: "2023-05-05", planStatus: .issued, planYear: 2023, existing: []).get()
        #expect(next == day("2023-05-05"))
    }

    static let refusals: [(String, String, Plan.Status, String)] = [
        ("2023-04", "", .approved, "month"), ("2024-04", "", .issued, "month"), ("2023-4", "", .issued, "month"),
        ("2023-05", "", .issued, "month"), ("2023-04", "2023-03-31", .issued, "dueDate"), ("2023-04", "4月25日", .issued, "dueDate"),
        ("2023-04", "2023-07-01", .issued, "dueDate"),
    ]

    @Test(arguments: refusals)
    func refusedRoundsNameTheField(_ month: String, _ due: String, _ status: Plan.Status, _ field: String) {
        guard case .failure(let problems) = Dispatch.round(month: month, dueDate: due, planStatus: status, planYear: 2023,
                                                           existing: [YearMonth("2023-05")!]) else {
            Issue.record("\(month) \(due) accepted"); return
        }
        #expect(problems.all.map(\.field) == [field])
    }

    @Test func aSubmissionMustBeCompleteADraftOnlyWellFormed() throws {
        let draft = try Dispatch.report(.init(workDone: "完成招标", progress: ""), submitting: false).get()
        #expect(draft.progress == nil && draft.selfStatus == nil)
        guard case .failure(let problems) = Dispatch.report(.init(progress: "120"), submitting: true) else { Issue.record("accepted"); return }
        #expect(problems.all.map(\.field) == ["progress", "selfStatus", "workDone", "nextPlan"])
        let full = try Dispatch.report(.init(workDone: "完成招标", progress: "35", nextPlan: "开工建设", selfStatus: "lagging"), submitting: true).get()
        #expect(full.progress == 35 && full.selfStatus == .lagging)
    }

    @Test func reportsAreLockedOnceSubmittedAndVerifiedWithReasons() throws {
        #expect(try Dispatch.next(after: nil, .save) == .draft)
        #expect(try Dispatch.next(after: .draft, .submit) == .submitted)
        #expect(throws: DomainError.self) { try Dispatch.next(after: .submitted, .save) }
        #expect(throws: DomainError.self) { try Dispatch.next(after: .submitted, .return(reason: " ")) }
        #expect(try Dispatch.next(after: .submitted, .return(reason: "请补充佐证材料")) == .returned)
        #expect(try Dispatch.next(after: .returned, .submit) == .submitted)
        let reported = (progress: Optional(40), status: Optional(ProgressStatus.onTrack))
        #expect(try Dispatch.next(after: .submitted, .accept(progress: 40, status: .onTrack, note: ""), reported: reported) == .accepted)
        #expect(throws: DomainError.self) { try Dispatch.next(after: .submitted, .accept(progress: 30, status: .lagging, note: ""), reported: reported) }
        #expect(try Dispatch.next(after: .submitted, .accept(progress: 30, status: .lagging, note: "佐证不足，按 30% 核定"), reported: reported) == .accepted)
        #expect(throws: DomainError.self) { try Dispatch.next(after: .accepted, .submit) }
        #expect(throws: DomainError.self) { try Dispatch.next(after: .draft, .accept(progress: 1, status: .onTrack, note: "x")) }
    }

    @Test func thePipelineSaysWhoIsMissingOnceTheDueDateHasPassed() {
        let due = day("2023-04-25")
        #expect(Dispatch.stage(of: nil, dueDate: due, today: day("2023-04-20"), roundClosed: false) == .notStarted)
        #expect(Dispatch.stage(of: nil, dueDate: due, today: day("2023-04-26"), roundClosed: false) == .missing)
        #expect(Dispatch.stage(of: .draft, dueDate: due, today: day("2023-04-25"), roundClosed: false) == .draft)
        #expect(Dispatch.stage(of: .draft, dueDate: due, today: day("2023-04-20"), roundClosed: true) == .missing)
        #expect(Dispatch.stage(of: .submitted, dueDate: due, today: day("2023-05-20"), roundClosed: true) == .submitted)
        #expect(Dispatch.isLate(submittedOn: day("2023-04-26"), dueDate: due) && !Dispatch.isLate(submittedOn: due, dueDate: due))
    }

    @Test func monthsReadAndWriteAsYYYYMM() {
        #expect(YearMonth("2023-04")?.chinese == "2023年4月")
        #expect(YearMonth("2023-13") == nil && YearMonth("23-04") == nil)
        #expect(YearMonth("2023-02")?.lastDay == day("2023-02-28"))
    }
}

@Suite struct UnitWorkTests {
    @Test func leadUnitsChartReportAndRequestCooperatingUnitsAddInput() throws {
        let unit = UUID()
        for work in [UnitWork.charter, .changeRequest, .report] {
            #expect(try work.actingUnit(unit, role: .lead) == unit)
            #expect(throws: DomainError.self) { try work.actingUnit(unit, role: .cooperating) }
        }
        #expect(try UnitWork.input.actingUnit(unit, role: .cooperating) == unit)
        #expect(throws: DomainError.self) { try UnitWork.input.actingUnit(unit, role: .lead) }
        #expect(throws: DomainError.self) { try UnitWork.report.actingUnit(nil, role: .lead) }
    }
}
