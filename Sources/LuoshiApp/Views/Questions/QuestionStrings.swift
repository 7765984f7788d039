import Foundation
import LuoshiDomain

/// UI strings of 政民互动 (`Strings.questions`): the public's form and the task page's answers,
/// and the office's and units' pages.
struct QuestionStrings: Sendable {
    let title: String
    let askLink: String
    let askIntro: String
    let noneYet: String
    let askTitle: @Sendable (String) -> String
    let rules: [String]
    let name: String
    let signature: String
    let nameHint: String
    let contact: String
    let contactHint: String
    let text: String
    let textHint: String
    let submit: String
    let receivedTitle: String
    let receivedText: @Sendable (String) -> String
    let backToTask: String
    let anonymous: String
    let askedBy: @Sendable (String, CalendarDate) -> String
    let questionLabel: String
    let answerLabel: String
    let statusCount: @Sendable (String, Int) -> String
    let event: @Sendable (String, String, String) -> String
    let answeredBy: @Sendable (String, CalendarDate?) -> String
    let listTitle: String
    let listIntro: String
    let open: String
    let all: String
    let receipt: String
    let task: String
    let askedAt: String
    let status: String
    let unit: String
    let nothing: String
    let detailTitle: @Sendable (String) -> String
    let contactInternal: String
    let note: String
    let history: String
    let asked: String
    let routed: String
    let answered: String
    let decided: String
    let answerHeading: String
    let decideHeading: String
    let route: String
    let routeHint: String
    let answerField: String
    let answerHint: String
    let sendAnswer: String
    let publicQuestion: String
    let publicQuestionHint: String
    let approve: String
    let returnNote: String
    let sendBack: String
    let declineNote: String
    let decline: String
    let leadUnit: String
    let cooperatingUnit: String
    let notices: @Sendable (String) -> String?

    static let chinese = QuestionStrings(
        title: "政民互动",
        askLink: "就此项任务留言",
        askIntro: "留言由县政府督查室转交承办单位答复，答复经审核后与留言一并在本页公开；联系方式不公开。",
        noneYet: "暂无公开的留言答复。",
        askTitle: { "就第\($0)项任务留言" },
        rules: [
            "留言由县政府督查室转交任务的承办单位答复，答复经督查室审核后，与留言一并在任务页面公开。",
            "联系方式仅用于答复和核实，不公开，也不提供给承办单位。",
            "请勿在留言中填写身份证号码、家庭住址等个人信息；督查室公开前会删去留言中的个人信息。",
            "个人诉求、投诉举报请拨打 12345 政务服务便民热线。",
            "同一网络地址每小时最多留言 \(PublicQuestion.Limit.standard.maximum) 条。",
        ],
        name: "署名（选填）",
        signature: "署名",
        nameHint: "公开时显示，可不填；不填显示为“网友”。不超过 \(PublicQuestion.maximumNameLength) 字。",
        contact: "联系电话或电子邮箱",
        contactHint: "仅用于答复，不公开。",
        text: "留言内容",
        textHint: "不超过 \(PublicQuestion.maximumQuestionLength) 字。",
        submit: "提交留言",
        receivedTitle: "留言已提交",
        receivedText: { "留言编号：\($0)。请记下编号以便查询。答复经审核后将在任务页面公开。" },
        backToTask: "返回任务页面",
        anonymous: "网友",
        askedBy: { "\($0) \($1.iso) 留言" },
        questionLabel: "问：",
        answerLabel: "答：",
        statusCount: { "\($0)（\($1)）" },
        event: { "\($0)　\($1)　\($2)" },
        answeredBy: { "\($0)答复" + ($1.map { "（\($0.iso)）" } ?? "") },
        listTitle: "群众留言",
        listIntro: "群众在任务页面的留言。督查室转办、审核；承办单位答复转来的留言。答复经审核后公开。",
        open: "办理中", all: "全部",
        receipt: "留言编号", task: "任务", askedAt: "留言时间", status: "状态", unit: "承办单位",
        nothing: "没有符合条件的留言。",
        detailTitle: { "留言 \($0)" },
        contactInternal: "联系方式（仅督查室可见）",
        note: "退回或不予公开的理由",
        history: "办理过程",
        asked: "留言", routed: "转办", answered: "答复", decided: "审核",
        answerHeading: "答复", decideHeading: "审核",
        route: "转办", routeHint: "转交该任务的牵头单位或配合单位答复。",
        answerField: "答复内容", answerHint: "答复经督查室审核后与留言一并公开。不超过 \(PublicQuestion.maximumAnswerLength) 字。",
        sendAnswer: "提交答复",
        publicQuestion: "公开的留言内容", publicQuestionHint: "公开前请删去留言中的姓名、电话、住址等个人信息。",
        approve: "审核通过并公开",
        returnNote: "退回理由", sendBack: "退回承办单位",
        declineNote: "不予公开的理由", decline: "不予公开",
        leadUnit: "牵头", cooperatingUnit: "配合",
        notices: {
            ["route": "已转办，承办单位会收到提醒。", "answer": "答复已提交，待督查室审核。", "approve": "已审核通过，留言和答复已在任务页面公开。",
             "return": "已退回承办单位。", "decline": "已标记为不予公开。"][$0]
        })

    static let english = QuestionStrings(
        title: "Public questions",
        askLink: "Ask about this task",
        askIntro: "The supervision office passes questions to the responsible unit; the answer, once approved, is published here with the question. Contact details are never published.",
        noneYet: "No questions have been answered publicly yet.",
        askTitle: { "Ask about task \($0)" },
        rules: [
            "The supervision office passes your question to a unit responsible for the task. Once the office approves the answer, the question and answer are published on the task's page.",
            "Your contact details are used only to reply and check; they are never published and not given to the unit.",
            "Please do not write identity numbers or home addresses in the question; the office removes personal details before publishing.",
            "For personal requests and complaints, call the 12345 government service hotline.",
            "One address may ask at most \(PublicQuestion.Limit.standard.maximum) questions an hour.",
        ],
        name: "Name (optional)",
        signature: "Name",
        nameHint: "Shown when published; leave blank to appear as “a member of the public”. At most \(PublicQuestion.maximumNameLength) characters.",
        contact: "Telephone or email",
        contactHint: "Only for the reply; never published.",
        text: "Your question",
        textHint: "At most \(PublicQuestion.maximumQuestionLength) characters.",
        submit: "Send the question",
        receivedTitle: "Question received",
        receivedText: { "Your reference is \($0). Keep it to ask about the question. The answer is published on the task's page once approved." },
        backToTask: "Back to the task",
        anonymous: "A member of the public",
        askedBy: { "\($0), asked \($1.iso)" },
        questionLabel: "Q: ",
        answerLabel: "A: ",
        statusCount: { "\($0) (\($1))" },
        event: { "\($0) · \($1) · \($2)" },
        answeredBy: { "Answered by \($0)" + ($1.map { " (\($0.iso))" } ?? "") },
        listTitle: "Public questions",
        listIntro: "Questions asked on task pages. The office routes and approves them; units answer those routed to them. Approved answers are published.",
        open: "In progress", all: "All",
        receipt: "Reference", task: "Task", askedAt: "Asked", status: "Status", unit: "Answering unit",
        nothing: "No questions match.",
        detailTitle: { "Question \($0)" },
        contactInternal: "Contact (seen by the office only)",
        note: "Why it was returned or declined",
        history: "Handling",
        asked: "Asked", routed: "Routed", answered: "Answered", decided: "Decided",
        answerHeading: "Your answer", decideHeading: "Approve or return",
        route: "Route", routeHint: "Pass it to one of the task's lead or cooperating units to answer.",
        answerField: "Answer", answerHint: "Published with the question once the office approves it. At most \(PublicQuestion.maximumAnswerLength) characters.",
        sendAnswer: "Send the answer",
        publicQuestion: "Question as published", publicQuestionHint: "Remove names, telephone numbers and addresses before publishing.",
        approve: "Approve and publish",
        returnNote: "Why it goes back", sendBack: "Return to the unit",
        declineNote: "Why it is declined", decline: "Decline",
        leadUnit: "lead", cooperatingUnit: "cooperating",
        notices: {
            ["route": "Routed: the unit will be reminded.", "answer": "Answer sent: it awaits the office's approval.",
             "approve": "Approved: the question and answer are on the task's page.", "return": "Returned to the unit.",
             "decline": "Declined."][$0]
        })
}
