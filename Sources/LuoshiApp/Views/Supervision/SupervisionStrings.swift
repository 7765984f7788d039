import Foundation
import LuoshiDomain

/// UI strings of the 督办 pages (`Strings.supervision`).
struct SupervisionStrings: Sendable {
    let title: String
    let proposals: String
    let proposalsHint: String
    let noProposals: String
    let accept: String
    let dismiss: String
    let dismissReason: String
    let active: String
    let finished: String
    let none: String
    let number: String
    let kind: String
    let task: String
    let unit: String
    let deadline: String
    let status: String
    let overdue: String
    let reason: String
    let newStep: String
    let escalating: @Sendable (String) -> String
    let facts: String
    let demands: String
    let deadlineHint: String
    let create: String
    let previous: String
    let createdBy: String
    let reply: String
    let replyHint: String
    let sendReply: String
    let noReply: String
    let evidence: String
    let attach: String
    let attachHint: String
    let review: String
    let close: String
    let reopen: String
    let reviewNote: String
    let newDeadline: String
    let escalate: String
    let history: String
    let when: String
    let by: String
    let word: @Sendable (String) -> String
    let step: @Sendable (String) -> String
    let unitItems: String
    let done: @Sendable (String) -> String?

    static let chinese = SupervisionStrings(
        title: "督办", proposals: "规则提议", proposalsHint: "按预警规则（连续黄灯提议督办单、红灯提议限期整改、逾期未答复提议升级）生成，由督查室决定采纳或不予采纳。",
        noProposals: "暂无提议。", accept: "采纳并填写", dismiss: "不予采纳", dismissReason: "不予采纳的理由",
        active: "办理中的督办事项", finished: "已办结", none: "暂无。", number: "文号", kind: "督办方式", task: "任务", unit: "督办对象",
        deadline: "答复期限", status: "状态", overdue: "已逾期", reason: "提议理由", newStep: "发起督办",
        escalating: { "升级办理：\($0)" }, facts: "督办事由", demands: "督办要求", deadlineHint: "催办、督办单、限期整改须设答复期限；通报批评、约谈无需答复。",
        create: "发起", previous: "上一步", createdBy: "发起", reply: "单位答复", replyHint: "写明已采取的措施、进展和整改结果；可先上传佐证材料。",
        sendReply: "提交答复", noReply: "尚未答复。", evidence: "佐证材料", attach: "上传佐证材料", attachHint: "JPG、PNG、PDF、OFD、Word、Excel 等，单个文件不超过上限。",
        review: "核验", close: "核验通过，销号", reopen: "退回重新整改", reviewNote: "核验意见", newDeadline: "新的答复期限",
        escalate: "升级为下一步", history: "办理记录", when: "时间", by: "办理人", word: { "下载\($0)（Word）" },
        step: { step in
            switch step {
            case "create": "发起"
            case "reply": "单位答复"
            case "close": "销号"
            case "reopen": "退回重新整改"
            case "escalate": "升级"
            case "attach": "上传佐证材料"
            default: step
            }
        },
        unitItems: "督办事项",
        done: { done in
            switch done {
            case "created": "已发起。"
            case "dismissed": "已不予采纳该提议。"
            case "replied": "已提交答复，待督查室核验。"
            case "closed": "已销号。"
            case "reopened": "已退回，请单位在新的期限内重新整改。"
            case "attached": "佐证材料已上传。"
            default: nil
            }
        })

    static let english = SupervisionStrings(
        title: "Supervision", proposals: "Proposed steps",
        proposalsHint: "Made by the rules (yellow rounds in a row propose an order, red proposes a rectification, an unanswered step past its deadline proposes the next); the office accepts or dismisses each.",
        noProposals: "No proposals.", accept: "Accept and fill in", dismiss: "Dismiss", dismissReason: "Why it is dismissed",
        active: "Open steps", finished: "Finished", none: "None.", number: "Number", kind: "Step", task: "Task", unit: "Addressed to",
        deadline: "Reply by", status: "Status", overdue: "overdue", reason: "Reason", newStep: "Take a step",
        escalating: { "Escalating: \($0)" }, facts: "Facts", demands: "Demands", deadlineHint: "Reminders, orders and rectifications need a reply date; criticisms and interviews do not.",
        create: "Take the step", previous: "Follows", createdBy: "Taken", reply: "The unit's reply", replyHint: "Say what was done, where it stands and what was fixed; attach evidence first if needed.",
        sendReply: "Send the reply", noReply: "No reply yet.", evidence: "Evidence", attach: "Attach evidence", attachHint: "JPG, PNG, PDF, OFD, Word, Excel and the like, each within the size limit.",
        review: "Verification", close: "Verified: close it", reopen: "Return for more work", reviewNote: "Verification note", newDeadline: "New reply date",
        escalate: "Escalate to the next step", history: "History", when: "When", by: "By", word: { "Download the \($0.lowercased()) (Word)" },
        step: { step in
            switch step {
            case "create": "taken"
            case "reply": "unit replied"
            case "close": "closed"
            case "reopen": "returned"
            case "escalate": "escalated"
            case "attach": "evidence attached"
            default: step
            }
        },
        unitItems: "Supervision steps",
        done: { done in
            switch done {
            case "created": "The step was taken."
            case "dismissed": "The proposal was dismissed."
            case "replied": "The reply was sent; the office will verify it."
            case "closed": "Closed."
            case "reopened": "Returned: the unit works on it again by the new date."
            case "attached": "The evidence was attached."
            default: nil
            }
        })
}
