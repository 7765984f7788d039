import Foundation
import LuoshiDomain

/// UI strings of task work (comments, charters, change requests), the charter overview and the
/// task editor: part of the one catalogue (`Strings.taskWork`).
struct TaskWorkStrings: Sendable {
    let heading: @Sendable (String) -> String
    let doneMessage: @Sendable (String) -> String?
    let publicPage: String
    let editTask: String
    let workLink: String
    let revisions: String
    let revisionSentence: @Sendable (ChangeControl.Revision) -> String
    let byAt: @Sendable (String, Date?) -> String

    let comments: String
    let noComments: String
    let stance: @Sendable (Consultation.Stance) -> String
    let stanceLabel: String
    let decisionLabel: String
    let decision: @Sendable (Consultation.Decision) -> String
    let replyTo: @Sendable (String) -> String
    let reply: String
    let saveReply: String
    let addComment: String
    let commentText: String
    let commentHint: String
    let submitComment: String

    let charter: String
    let charterHint: String
    let charterStatus: @Sendable (CharterStatus) -> String
    let noCharter: String
    let quarterTargets: String
    let quarter: String
    let target: String
    let expectedPercent: String
    let quarterName: @Sendable (Int) -> String
    let quarterTargetLabel: @Sendable (Int) -> String
    let quarterPercentLabel: @Sendable (Int) -> String
    let monthlyPlan: String
    let month: String
    let plannedWork: String
    let monthName: @Sendable (Int) -> String
    let roadmap: String
    let completesOn: String
    let completesOnHint: String
    let milestonesHint: String
    let owner: String
    let ownerLeader: String
    let ownerSection: String
    let ownerStaff: String
    let ownerContact: String
    let history: String
    let step: @Sendable (String) -> String
    let charterForm: String
    let saveDraft: String
    let submitCharter: String
    let reviewOf: @Sendable (String) -> String
    let reviewComment: String
    let reviewHint: String
    let approve: String
    let returnCharter: String

    let changeRequests: String
    let noChangeRequests: String
    let changeKind: @Sendable (ChangeControl.Kind) -> String
    let changeKindLabel: String
    let requestStatus: @Sendable (ChangeControl.Status) -> String
    let currentValue: String
    let proposed: String
    let proposedHint: String
    let reason: String
    let requestedBy: String
    let decidedBy: String
    let decisionNote: String
    let decisionNoteHint: String
    let decideOn: @Sendable (String) -> String
    let approveChange: String
    let rejectChange: String
    let newChangeRequest: String
    let submitChangeRequest: String

    let overviewTitle: String
    let overviewLink: String
    let overviewIntro: String
    let overviewSummary: @Sendable (_ slots: Int, _ approved: Int, _ submitted: Int, _ pendingChanges: Int, _ pendingComments: Int) -> String
    let showAll: String
    let showOutstanding: String
    let allApproved: String
    let pendingChanges: String
    let pendingComments: String

    let editHeading: @Sendable (String) -> String
    let newTask: String
    let saveTask: String
    let numberHint: String
    let unitsHint: String
    let leadersHint: String
    let deadlineHint: String
    let kindLabel: String

    static let chinese = TaskWorkStrings(
        heading: { "任务办理：第 \($0) 项" },
        doneMessage: { step in
            switch step {
            case "comment": "意见已提交。"
            case "reply": "答复已保存。"
            case "save": "任务书草稿已保存。"
            case "submit": "任务书已提交，等待督查室审核。"
            case "approve": "已审核通过。"
            case "return": "已退回修改。"
            case "request": "调整申请已提交，等待督查室审核。"
            case "reject": "已不同意该申请。"
            case "task": "任务已保存。"
            default: nil
            }
        },
        publicPage: "查看公开页面", editTask: "编辑任务", workLink: "办理", revisions: "调整记录",
        revisionSentence: { r in
            let what = r.kind == .deadline ? "完成时限" : "年度目标"
            return "\(what)由“\(r.before.isEmpty ? "无" : r.before)”调整为“\(r.after)”（\(r.approvedOn.chinese)，经 \(r.approvedBy) 批准）"
        },
        byAt: { who, at in at.map { "\(who)　\(Display.beijingTime($0))" } ?? who },
        comments: "征求意见", noComments: "暂无意见。",
        stance: { $0 == .agree ? "无意见" : "提出修改意见" }, stanceLabel: "意见类型", decisionLabel: "处理结果",
        decision: { d in
            switch d {
            case .pending: "待处理"
            case .adopted: "采纳"
            case .notAdopted: "不采纳"
            }
        },
        replyTo: { "答复\($0)的意见" }, reply: "答复", saveReply: "保存答复", addComment: "提出意见", commentText: "意见内容",
        commentHint: "选择“提出修改意见”时必填，请写明建议修改的内容和理由。", submitComment: "提交意见",
        charter: "任务书（目标到季、计划到月）",
        charterHint: "方案印发后，牵头单位认领任务并填报任务书，经督查室审核通过后作为月调度的依据。",
        charterStatus: { status in
            switch status {
            case .draft: "草稿"
            case .submitted: "已提交，待审核"
            case .approved: "已审核通过"
            case .returned: "已退回，待修改"
            }
        },
        noCharter: "尚未填报", quarterTargets: "季度目标", quarter: "季度", target: "目标", expectedPercent: "预期完成比例",
        quarterName: { ["第一季度", "第二季度", "第三季度", "第四季度"][max(0, min(3, $0 - 1))] },
        quarterTargetLabel: { "第\(["一", "二", "三", "四"][max(0, min(3, $0 - 1))])季度目标" },
        quarterPercentLabel: { "第\(["一", "二", "三", "四"][max(0, min(3, $0 - 1))])季度末预期完成比例（%）" },
        monthlyPlan: "月度计划", month: "月份", plannedWork: "计划工作", monthName: { "\($0)月" },
        roadmap: "路线图和时间表", completesOn: "计划完成日期", completesOnHint: "不能晚于任务完成时限。",
        milestonesHint: "每行一个节点，写作“YYYY-MM-DD 节点内容”。", owner: "责任人",
        ownerLeader: "责任领导", ownerSection: "责任科室", ownerStaff: "具体经办人", ownerContact: "联系电话",
        history: "办理记录",
        step: { step in
            switch step {
            case "save": "保存草稿"
            case "submit": "提交审核"
            case "approve": "审核通过"
            case "return": "退回修改"
            default: step
            }
        },
        charterForm: "填报任务书", saveDraft: "保存草稿", submitCharter: "提交审核",
        reviewOf: { "审核\($0)的任务书" }, reviewComment: "审核意见", reviewHint: "退回时必填，写明需要修改的内容。",
        approve: "审核通过", returnCharter: "退回修改",
        changeRequests: "调整申请", noChangeRequests: "暂无调整申请。",
        changeKind: { $0 == .deadline ? "延期申请" : "目标调整申请" }, changeKindLabel: "申请类型",
        requestStatus: { status in
            switch status {
            case .pending: "待审核"
            case .approved: "已同意"
            case .rejected: "不同意"
            }
        },
        currentValue: "现值", proposed: "申请调整为", proposedHint: "延期申请填写新的完成时限（YYYY-MM-DD）；目标调整填写新的年度目标。",
        reason: "申请理由", requestedBy: "申请单位", decidedBy: "审核人", decisionNote: "审核意见", decisionNoteHint: "不同意时必填。",
        decideOn: { "审核\($0)" }, approveChange: "同意", rejectChange: "不同意", newChangeRequest: "申请调整时限或目标",
        submitChangeRequest: "提交申请",
        overviewTitle: "任务书与调整申请", overviewLink: "任务书与调整申请",
        overviewIntro: "每项任务的每个牵头单位应填报一份任务书。下表默认只列出尚未审核通过的任务书。",
        overviewSummary: { slots, approved, submitted, changes, comments in
            "应填报任务书 \(slots) 份，已审核通过 \(approved) 份，待审核 \(submitted) 份；待审核调整申请 \(changes) 项；待处理意见 \(comments) 条。"
        },
        showAll: "显示全部", showOutstanding: "只看未通过的", allApproved: "所有任务书均已审核通过。",
        pendingChanges: "待审调整", pendingComments: "待处理意见",
        editHeading: { "编辑任务：第 \($0) 项" }, newTask: "新增任务", saveTask: "保存任务",
        numberHint: "写作“部分.序号”，如 3.12。修改编号不影响任务的办理记录。",
        unitsHint: "多个单位用顿号、逗号或空格分隔，可写全称、简称或已登记的别称。",
        leadersHint: "县领导姓名，多人用顿号分隔。",
        deadlineHint: "阶段性任务必填。", kindLabel: "任务类型")

    static let english = TaskWorkStrings(
        heading: { "Task \($0): work" },
        doneMessage: { step in
            switch step {
            case "comment": "Your comment was sent."
            case "reply": "The reply was saved."
            case "save": "The charter draft was saved."
            case "submit": "The charter was submitted for review."
            case "approve": "Approved."
            case "return": "Returned for revision."
            case "request": "The request was sent for review."
            case "reject": "The request was rejected."
            case "task": "The task was saved."
            default: nil
            }
        },
        publicPage: "Public page", editTask: "Edit the task", workLink: "Work", revisions: "Changes",
        revisionSentence: { r in
            let what = r.kind == .deadline ? "Deadline" : "Annual target"
            return "\(what) changed from \"\(r.before.isEmpty ? "none" : r.before)\" to \"\(r.after)\" on \(r.approvedOn.iso) (approved by \(r.approvedBy))"
        },
        byAt: { who, at in at.map { "\(who), \(Display.beijingTime($0))" } ?? who },
        comments: "Comments", noComments: "No comments yet.",
        stance: { $0 == .agree ? "Agrees" : "Proposes a change" }, stanceLabel: "Comment", decisionLabel: "Outcome",
        decision: { d in
            switch d {
            case .pending: "Pending"
            case .adopted: "Adopted"
            case .notAdopted: "Not adopted"
            }
        },
        replyTo: { "Reply to \($0)" }, reply: "Reply", saveReply: "Save the reply", addComment: "Comment on this task", commentText: "Comment",
        commentHint: "Required when proposing a change: say what to change and why.", submitComment: "Send the comment",
        charter: "Charter (targets by quarter, plans by month)",
        charterHint: "After issue each lead unit claims the task and writes its charter; once approved it is the basis of the monthly dispatch.",
        charterStatus: { status in
            switch status {
            case .draft: "Draft"
            case .submitted: "Submitted, awaiting review"
            case .approved: "Approved"
            case .returned: "Returned for revision"
            }
        },
        noCharter: "Not written yet", quarterTargets: "Quarterly targets", quarter: "Quarter", target: "Target", expectedPercent: "Expected share done",
        quarterName: { "Q\($0)" }, quarterTargetLabel: { "Target for Q\($0)" }, quarterPercentLabel: { "Expected share done by the end of Q\($0) (%)" },
        monthlyPlan: "Monthly plan", month: "Month", plannedWork: "Planned work",
        monthName: { ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][max(0, min(11, $0 - 1))] },
        roadmap: "Roadmap and timetable", completesOn: "Planned completion date", completesOnHint: "No later than the task's deadline.",
        milestonesHint: "One milestone per line: \"YYYY-MM-DD title\".", owner: "Responsible people",
        ownerLeader: "Responsible leader", ownerSection: "Responsible section", ownerStaff: "Staff member", ownerContact: "Telephone",
        history: "History",
        step: { step in
            switch step {
            case "save": "saved a draft"
            case "submit": "submitted"
            case "approve": "approved"
            case "return": "returned"
            default: step
            }
        },
        charterForm: "Write the charter", saveDraft: "Save draft", submitCharter: "Submit for review",
        reviewOf: { "Review \($0)'s charter" }, reviewComment: "Review comment", reviewHint: "Required when returning: say what to revise.",
        approve: "Approve", returnCharter: "Return for revision",
        changeRequests: "Change requests", noChangeRequests: "No change requests.",
        changeKind: { $0 == .deadline ? "Deadline extension" : "Target change" }, changeKindLabel: "Request",
        requestStatus: { status in
            switch status {
            case .pending: "Awaiting decision"
            case .approved: "Approved"
            case .rejected: "Rejected"
            }
        },
        currentValue: "Current", proposed: "Change to", proposedHint: "For an extension the new deadline (YYYY-MM-DD); for a target change the new annual target.",
        reason: "Reason", requestedBy: "Requested by", decidedBy: "Decided by", decisionNote: "Decision note", decisionNoteHint: "Required when rejecting.",
        decideOn: { "Decide: \($0)" }, approveChange: "Approve", rejectChange: "Reject", newChangeRequest: "Request a new deadline or target",
        submitChangeRequest: "Send the request",
        overviewTitle: "Charters and change requests", overviewLink: "Charters and changes",
        overviewIntro: "Each lead unit of each task writes one charter. By default the table lists only charters not yet approved.",
        overviewSummary: { slots, approved, submitted, changes, comments in
            "\(slots) charters due, \(approved) approved, \(submitted) awaiting review; \(changes) change requests awaiting a decision; \(comments) comments awaiting a reply."
        },
        showAll: "Show all", showOutstanding: "Only those not approved", allApproved: "Every charter is approved.",
        pendingChanges: "Pending changes", pendingComments: "Pending comments",
        editHeading: { "Edit task \($0)" }, newTask: "New task", saveTask: "Save the task",
        numberHint: "Written part.item, e.g. 3.12. Renumbering keeps the task's records.",
        unitsHint: "Separate units with 、, commas or spaces; full names, short names and known aliases work.",
        leadersHint: "Leaders' names, separated by 、.",
        deadlineHint: "Required for a phased task.", kindLabel: "Kind of task")
}
