import Foundation
import LuoshiDomain
import Testing

@Suite struct PlanLifecycleTests {
    static func draft() -> Plan {
        Plan(id: UUID(), jurisdictionCode: "371323", year: 2023, title: "方案", status: .draft,
             stages: .init(draft: CalendarDate(iso: "2023-02-08")), documentNumber: nil, indexNumber: nil, issuingBody: "沂水县人民政府办公室",
             reportApprovedOn: nil, reportApprovedBy: nil, approvalMeeting: nil, illustrativeNotice: nil)
    }

    @Test func goesDraftConsultationApprovedIssuedWithDates() throws {
        var plan = Self.draft()
        plan = try PlanLifecycle.apply(.circulate(on: CalendarDate(iso: "2023-02-22")!), to: plan)
        #expect(plan.status == .consultation && plan.stages.consultation?.iso == "2023-02-22")
        plan = try PlanLifecycle.apply(.approve(on: CalendarDate(iso: "2023-03-04")!, meeting: "县政府2023年第一次常务会议"), to: plan)
        #expect(plan.status == .approved && plan.approvalMeeting == "县政府2023年第一次常务会议")
        plan = try PlanLifecycle.apply(.issue(on: CalendarDate(iso: "2023-03-06")!, documentNumber: "沂政办字〔2023〕6号"), to: plan)
        #expect(plan.status == .issued && plan.documentNumber == "沂政办字〔2023〕6号" && plan.isPublic)
    }

    @Test func refusesSkippedStepsEarlyDatesAndMissingFacts() {
        let plan = Self.draft()
        #expect(throws: DomainError.self) { try PlanLifecycle.apply(.issue(on: CalendarDate(iso: "2023-03-06")!, documentNumber: "x"), to: plan) }
        do {
            _ = try PlanLifecycle.apply(.circulate(on: CalendarDate(iso: "2023-01-01")!), to: plan)
            Issue.record("an earlier date should be refused")
        } catch {
            #expect(error.field == "date")
        }
        var consulted = plan
        consulted.status = .consultation
        consulted.stages.consultation = CalendarDate(iso: "2023-02-22")
        do {
            _ = try PlanLifecycle.apply(.approve(on: CalendarDate(iso: "2023-03-04")!, meeting: "  "), to: consulted)
            Issue.record("a blank meeting should be refused")
        } catch {
            #expect(error.field == "meeting")
        }
    }
}

@Suite struct PlanDiffTests {
    static func document(_ tasks: [PlanDocument.TaskEntry]) throws -> PlanDocument {
        let json = """
        {"jurisdiction": {"code": "371323", "name": "沂水县", "level": "county"},
         "plan": {"year": 2023, "title": "方案", "issuingBody": "办公室", "status": "draft", "stages": {"draft": "2023-02-08"}},
         "units": [], "leaders": [], "parts": [{"number": 1, "title": "第一部分", "tasks": []}]}
        """
        var document = try PlanDocument.decode(json: Data(json.utf8))
        document.parts[0].tasks = tasks
        return document
    }

    static func task(_ number: String, _ content: String, deadline: String = "2023-12-31", lead: [String] = ["县发改局"]) -> PlanDocument.TaskEntry {
        let json = """
        {"number": "\(number)", "content": "\(content)", "kind": "phased", "deadline": "\(deadline)", "leadUnits": \(lead)}
        """
        return try! JSONDecoder().decode(PlanDocument.TaskEntry.self, from: Data(json.utf8))
    }

    @Test func listsAddedRemovedAndChangedFields() throws {
        let old = try Self.document([Self.task("1.1", "甲"), Self.task("1.2", "乙"), Self.task("1.3", "丙")])
        let new = try Self.document([Self.task("1.1", "甲", deadline: "2023-06-30"), Self.task("1.3", "丙改", lead: ["县财政局"]), Self.task("1.4", "丁")])
        let changes = PlanDiff.compare(old, new)
        #expect(changes.map { "\($0.task) \($0.kind.rawValue) \($0.field ?? "")" } == [
            "1.1 changed deadline", "1.2 removed ", "1.3 changed content", "1.3 changed leadUnits", "1.4 added ",
        ])
        #expect(changes[0].before == "2023-12-31" && changes[0].after == "2023-06-30")
        #expect(PlanDiff.compare(old, old).isEmpty)
    }
}
