import Foundation
import LuoshiDomain
import Testing

/// 批示: who answers an instruction, and the order of their answers.
@Suite struct InstructionTests {
    @Test func recipientsFollowTheTarget() {
        let first = UUID(), second = UUID(), reporter = UUID()
        let task = PlanTask(id: UUID(), planID: UUID(), number: TaskNumber("1.1")!, content: "任务", kind: .ongoing, deadline: nil, measures: nil,
                            annualTarget: nil, leadUnitIDs: [first, second], cooperatingUnitIDs: [UUID()], leaderIDs: [], milestones: [])
        #expect(Instruction.recipients(.task, task: task, reportUnit: nil) == [.unit(first), .unit(second)], "the lead units")
        #expect(Instruction.recipients(.report, task: task, reportUnit: reporter) == [.unit(reporter)])
        #expect(Instruction.recipients(.bulletin, task: nil, reportUnit: nil) == [.office])
    }

    @Test func aRecipientAcknowledgesThenReportsBackOnce() throws {
        #expect(try Instruction.next(after: .pending, .acknowledge) == .acknowledged)
        #expect(try Instruction.next(after: .acknowledged, .reply) == .replied)
        #expect(try Instruction.next(after: .pending, .reply) == .replied, "reporting back acknowledges too")
        #expect(throws: DomainError.self) { try Instruction.next(after: .acknowledged, .acknowledge) }
        #expect(throws: DomainError.self) { try Instruction.next(after: .replied, .reply) }
        #expect(throws: DomainError.self) { try Instruction.text("  ", field: "text") }
        #expect(try Instruction.text(" 请加快进度 ", field: "text") == "请加快进度")
    }

    @Test func aUnitsStaffAnswerItsResponseAndTheOfficeAnswersTheOffices() {
        let unit = UUID(), other = UUID()
        func actor(_ role: Role, unit: UUID? = nil) -> Actor {
            Actor(userID: UUID(), username: "u", role: role, jurisdictionCode: "371323", unitID: unit)
        }
        #expect(Instruction.answers(recipientUnit: unit, actor(.unitStaff, unit: unit)))
        #expect(!Instruction.answers(recipientUnit: unit, actor(.unitStaff, unit: other)))
        #expect(!Instruction.answers(recipientUnit: unit, actor(.supervisor)))
        #expect(Instruction.answers(recipientUnit: nil, actor(.supervisor)))
        #expect(!Instruction.answers(recipientUnit: nil, actor(.unitStaff, unit: unit)))
        #expect(!Instruction.answers(recipientUnit: nil, actor(.leader)))
    }
}
