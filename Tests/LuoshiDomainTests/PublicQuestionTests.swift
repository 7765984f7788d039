import Foundation
import LuoshiDomain
import Testing

/// 政民互动: what a visitor may send, the order of a question's steps, and who it may go to.
@Suite struct PublicQuestionTests {
    @Test func aSubmissionIsTrimmedAndNamesTheFieldItRefuses() throws {
        let ok = try PublicQuestion.submission(name: " 张先生 ", contact: " 0539-2251234 ", text: "  新建学校什么时候开学？\n谢谢。 ")
        #expect(ok == .init(name: "张先生", contact: "0539-2251234", text: "新建学校什么时候开学？\n谢谢。"))
        #expect(try PublicQuestion.submission(name: "", contact: "a.b@example.cn", text: "问").name == "", "a name is optional")
        #expect(try PublicQuestion.submission(name: "", contact: "+86 138 0000 0000", text: "问").contact == "+86 138 0000 0000")

        func field(_ name: String, _ contact: String, _ text: String) -> String? {
            do { _ = try PublicQuestion.submission(name: name, contact: contact, text: text); return nil } catch { return error.field }
        }
        #expect(field("", "", "问") == "contact", "a contact is required, for the reply")
        #expect(field("", "电话", "问") == "contact")
        #expect(field("", "123", "问") == "contact", "too few digits")
        #expect(field("", "12+34567890", "问") == "contact", "a plus only in front")
        #expect(field("", "a@b", "问") == "contact", "a dotted domain")
        #expect(field("", "a b@c.cn", "问") == "contact")
        #expect(field("", "0539-2251234", "   ") == "text")
        #expect(field("", "0539-2251234", String(repeating: "问", count: PublicQuestion.maximumQuestionLength + 1)) == "text")
        #expect(field("", "0539-2251234", String(repeating: "问", count: PublicQuestion.maximumQuestionLength)) == nil, "the limit itself is allowed")
        #expect(field(String(repeating: "张", count: PublicQuestion.maximumNameLength + 1), "0539-2251234", "问") == "name")
        #expect(field("张\u{7}", "0539-2251234", "问") == "name", "control characters are refused")
        #expect(field("", "0539-2251234", "问\u{0}题") == "text")
        #expect(field("", "0539-2251234", "<script>alert(1)</script>") == nil, "markup is text, escaped where shown")
    }

    @Test func aQuestionIsRoutedAnsweredAndApprovedInThatOrder() throws {
        #expect(try PublicQuestion.next(after: .submitted, .route) == .routed)
        #expect(try PublicQuestion.next(after: .routed, .route) == .routed, "the office may route it elsewhere before the answer")
        #expect(try PublicQuestion.next(after: .routed, .answer) == .answered)
        #expect(try PublicQuestion.next(after: .answered, .return) == .routed)
        #expect(try PublicQuestion.next(after: .answered, .approve) == .published)
        for open in [PublicQuestion.Status.submitted, .routed, .answered] {
            #expect(try PublicQuestion.next(after: open, .decline) == .declined)
        }
        let refused: [(PublicQuestion.Status, PublicQuestion.Step)] = [
            (.submitted, .answer), (.submitted, .approve), (.routed, .approve), (.submitted, .return), (.answered, .answer),
            (.answered, .route), (.published, .decline), (.published, .answer), (.declined, .route), (.declined, .approve),
        ]
        for (status, step) in refused {
            #expect(throws: DomainError.self, "\(step) from \(status)") { try PublicQuestion.next(after: status, step) }
            do { _ = try PublicQuestion.next(after: status, step) } catch { #expect(error.code == .conflict) }
        }
        #expect(PublicQuestion.Step.allCases.filter { !$0.isOffice } == [.answer], "only the answer is the unit's")
    }

    @Test func aQuestionGoesToTheTasksUnitsLeadFirst() {
        let lead = UUID(), other = UUID(), cooperating = UUID()
        let task = PlanTask(id: UUID(), planID: UUID(), number: TaskNumber("1.1")!, content: "任务", kind: .ongoing, deadline: nil, measures: nil,
                            annualTarget: nil, leadUnitIDs: [lead, other], cooperatingUnitIDs: [cooperating], leaderIDs: [], milestones: [])
        #expect(PublicQuestion.routableUnits(task) == [lead, other, cooperating])
        let notice = PublicQuestion.notice(id: UUID(), receipt: "20261207-ABCDEF12", task: task, unitID: lead, returned: false, sequence: 1, link: "/q")
        #expect(notice.kind == .publicQuestion && notice.unitID == lead && notice.title.zh == "请答复群众留言（第1.1项任务）")
        let again = PublicQuestion.notice(id: UUID(), receipt: "x", task: task, unitID: lead, returned: true, sequence: 2, link: "/q")
        #expect(again.key != notice.key && again.title.zh.contains("退回"))
    }

    @Test func theReceiptNamesTheDayAndTheQuestion() throws {
        let id = try #require(UUID(uuidString: "3F2A9C1B-0000-4000-8000-000000000000"))
        #expect(PublicQuestion.receipt(id: id, askedOn: try #require(CalendarDate(iso: "2026-12-07"))) == "20261207-3F2A9C1B")
    }

    @Test func answersAndReasonsHaveTheirOwnLimits() throws {
        #expect(try PublicQuestion.text(String(repeating: "答", count: PublicQuestion.maximumAnswerLength), as: .answer, field: "answer").count
            == PublicQuestion.maximumAnswerLength)
        #expect(throws: DomainError.self) { try PublicQuestion.text(String(repeating: "由", count: PublicQuestion.maximumNoteLength + 1), as: .note, field: "n") }
        do { _ = try PublicQuestion.text(" ", as: .note, field: "returnNote") } catch { #expect(error.field == "returnNote" && error.code == .missingField) }
    }
}
