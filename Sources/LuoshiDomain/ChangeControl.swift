import Foundation

/// After issue a task's deadline and target change only by an approved request (调整申请).
public enum ChangeControl {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// 延期: a later deadline for a phased task.
        case deadline
        /// 目标调整: a new annual target.
        case target
    }

    public enum Status: String, Sendable, Codable, CaseIterable {
        case pending, approved, rejected
    }

    /// A request as a unit writes it: the new value as text (an ISO date for a deadline).
    public struct Request: Sendable, Hashable {
        public var kind: Kind
        public var proposed: String
        public var reason: String

        public init(kind: Kind, proposed: String, reason: String) {
            self.kind = kind
            self.proposed = proposed
            self.reason = reason
        }
    }

    /// One approved change, as the task page shows it: "changed from … to … on … (approved by …)".
    public struct Revision: Sendable, Hashable, Codable {
        public var kind: Kind
        public var before: String
        public var after: String
        public var approvedOn: CalendarDate
        public var approvedBy: String

        public init(kind: Kind, before: String, after: String, approvedOn: CalendarDate, approvedBy: String) {
            self.kind = kind
            self.before = before
            self.after = after
            self.approvedOn = approvedOn
            self.approvedBy = approvedBy
        }
    }

    public static let maximumTextLength = 2_000

    /// The current value of what `kind` changes, as text.
    public static func current(_ kind: Kind, of task: PlanTask) -> String {
        switch kind {
        case .deadline: task.deadline?.iso ?? ""
        case .target: task.annualTarget ?? ""
        }
    }

    /// Why `request` cannot be made for `task` of a plan in `status`; empty when it can.
    /// `pendingKinds` are the kinds of the task's requests still awaiting a decision.
    public static func problems(_ request: Request, task: PlanTask, planStatus: Plan.Status, pendingKinds: Set<Kind>) -> [DomainError] {
        var problems: [DomainError] = []
        guard planStatus == .issued else {
            return [DomainError(.conflict, zh: "方案印发后才能申请调整；印发前请直接联系督查室修改", en: "Changes are requested only after the plan is issued", field: "kind")]
        }
        if pendingKinds.contains(request.kind) {
            problems.append(DomainError(.conflict, zh: "这项任务已有同类申请等待审核", en: "A request of this kind is already awaiting a decision", field: "kind"))
        }
        switch request.kind {
        case .deadline:
            if task.kind != .phased {
                problems.append(.invalid("kind", zh: "长期性任务没有完成时限，不能申请延期", en: "An ongoing task has no deadline to extend"))
            } else if let date = CalendarDate(iso: request.proposed.trimmingCharacters(in: .whitespaces)) {
                if let deadline = task.deadline, date <= deadline {
                    problems.append(.invalid("proposed", zh: "新的时限应晚于现在的 \(deadline.iso)", en: "The new deadline must be after \(deadline.iso)"))
                }
            } else {
                problems.append(.invalid("proposed", zh: "新的时限应写作 YYYY-MM-DD", en: "Write the new deadline as YYYY-MM-DD"))
            }
        case .target:
            if let text = request.proposed.nonBlank {
                if text == task.annualTarget?.nonBlank {
                    problems.append(.invalid("proposed", zh: "新的目标与现在的相同", en: "The new target is the same as the current one"))
                }
            } else {
                problems.append(.missing("proposed", zh: "请填写调整后的目标", en: "Enter the new target"))
            }
        }
        if request.proposed.count > maximumTextLength {
            problems.append(.invalid("proposed", zh: "内容不能超过 \(maximumTextLength) 字", en: "At most \(maximumTextLength) characters"))
        }
        if request.reason.isBlank {
            problems.append(.missing("reason", zh: "请说明申请理由", en: "Give the reason for the request"))
        } else if request.reason.count > maximumTextLength {
            problems.append(.invalid("reason", zh: "理由不能超过 \(maximumTextLength) 字", en: "At most \(maximumTextLength) characters"))
        }
        return problems
    }

    /// `task` with the approved `request` applied, and the revision to record.
    public static func apply(_ request: Request, to task: PlanTask, on date: CalendarDate, by approver: String) -> (PlanTask, Revision) {
        var changed = task
        let proposed = request.proposed.trimmingCharacters(in: .whitespacesAndNewlines)
        switch request.kind {
        case .deadline: changed.deadline = CalendarDate(iso: proposed) ?? task.deadline
        case .target: changed.annualTarget = proposed
        }
        return (changed, Revision(kind: request.kind, before: current(request.kind, of: task), after: current(request.kind, of: changed),
                                  approvedOn: date, approvedBy: approver))
    }

    /// The status after the office decides; a rejection needs a note.
    public static func decide(_ status: Status, approve: Bool, note: String) throws(DomainError) -> Status {
        guard status == .pending else {
            throw DomainError(.conflict, zh: "这项申请已经审核过了", en: "This request has already been decided", field: "decision")
        }
        if !approve && note.isBlank {
            throw .missing("note", zh: "不同意时请写明理由", en: "Give a note when rejecting a request")
        }
        if note.count > maximumTextLength {
            throw .invalid("note", zh: "意见不能超过 \(maximumTextLength) 字", en: "At most \(maximumTextLength) characters")
        }
        return approve ? .approved : .rejected
    }
}

/// 征求意见: while a plan is circulated, units comment on the tasks that concern them and the
/// office marks each comment adopted or not, with a reply.
public enum Consultation {
    public enum Stance: String, Sendable, Codable, CaseIterable {
        /// 无意见（同意）
        case agree
        /// 提出修改意见
        case propose
    }

    public enum Decision: String, Sendable, Codable, CaseIterable {
        case pending, adopted, notAdopted
    }

    public static let maximumTextLength = 2_000

    /// Why a unit's comment cannot be made; empty when it can.
    public static func commentProblems(stance: Stance?, text: String, planStatus: Plan.Status) -> [DomainError] {
        guard planStatus == .consultation else {
            return [DomainError(.conflict, zh: "方案不在征求意见阶段，不能提出意见", en: "The plan is not out for comments", field: "stance")]
        }
        guard let stance else {
            return [.missing("stance", zh: "请选择“无意见”或“提出修改意见”", en: "Choose agree or propose a change")]
        }
        if stance == .propose && text.isBlank {
            return [.missing("text", zh: "请写明修改意见", en: "Write the change you propose")]
        }
        if text.count > maximumTextLength {
            return [.invalid("text", zh: "意见不能超过 \(maximumTextLength) 字", en: "At most \(maximumTextLength) characters")]
        }
        return []
    }

    /// Why the office's reply cannot be recorded; empty when it can.
    public static func replyProblems(decision: Decision?, reply: String, planStatus: Plan.Status) -> [DomainError] {
        guard planStatus == .consultation else {
            return [DomainError(.conflict, zh: "方案已不在征求意见阶段", en: "The plan is no longer out for comments", field: "decision")]
        }
        guard let decision, decision != .pending else {
            return [.missing("decision", zh: "请选择“采纳”或“不采纳”", en: "Choose adopted or not adopted")]
        }
        if reply.isBlank {
            return [.missing("reply", zh: "请填写答复", en: "Write a reply")]
        }
        if reply.count > maximumTextLength {
            return [.invalid("reply", zh: "答复不能超过 \(maximumTextLength) 字", en: "At most \(maximumTextLength) characters")]
        }
        return []
    }
}
