import Foundation
import LuoshiDomain
import LuoshiHTML

/// UI strings of leaders' instructions (`Strings.instructions`).
struct InstructionStrings: Sendable {
    let title: String
    let write: String
    let text: String
    let textHint: String
    let send: String
    let leader: String
    let on: String
    let recipients: String
    let recipient: String
    let office: String
    let status: String
    let reply: String
    let acknowledge: String
    let sendReply: String
    let none: String
    let written: String
    let awaiting: String
    let target: @Sendable (Instruction.Target, String) -> String
    let done: @Sendable (String) -> String?

    static let chinese = InstructionStrings(
        title: "领导批示", write: "批示", text: "批示内容", textHint: "接收单位将收到消息，签收并反馈落实情况。", send: "发送批示", leader: "批示领导",
        on: "批示对象", recipients: "接收单位", recipient: "接收单位", office: "县政府督查室", status: "状态", reply: "落实情况", acknowledge: "签收",
        sendReply: "反馈落实情况", none: "暂无批示。", written: "我的批示", awaiting: "待办批示",
        target: { target, name in "\(target.text.zh)：\(name)" },
        done: { done in
            switch done {
            case "created": "批示已发送。"
            case "acknowledged": "已签收。"
            case "replied": "已反馈落实情况。"
            default: nil
            }
        })

    static let english = InstructionStrings(
        title: "Leaders' instructions", write: "Instruction", text: "Instruction", textHint: "The recipients are notified, acknowledge it and report back.",
        send: "Send the instruction", leader: "Leader", on: "On", recipients: "Recipients", recipient: "Recipient", office: "Supervision office", status: "Status",
        reply: "What was done", acknowledge: "Acknowledge", sendReply: "Report back", none: "No instructions.", written: "My instructions",
        awaiting: "Instructions to answer",
        target: { target, name in "\(target.text.en): \(name)" },
        done: { done in
            switch done {
            case "created": "The instruction was sent."
            case "acknowledged": "Acknowledged."
            case "replied": "Reported back."
            default: nil
            }
        })
}

/// Instructions in lists (a task's history, dashboards) and the form leaders write them with.
enum InstructionViews {
    /// An instruction with its responses, as lists show it.
    struct Summary: Sendable {
        var id: UUID
        var leader: String
        var at: Date?
        var target: Instruction.Target
        var text: String
        var responses: [(recipient: String, status: Instruction.Status, reply: String)]
    }

    static func list(_ summaries: [Summary], context: PageContext) -> Node {
        let n = context.strings.instructions, language = context.language
        guard !summaries.isEmpty else { return .p(text: n.none) }
        return .ul(.class("cards")) {
            for summary in summaries {
                Node.li {
                    Node.p {
                        Node.strong(.lang("zh-CN"), text: summary.leader)
                        Node.text("　\(summary.at.map(Display.beijingTime) ?? "")　\(summary.target.text.text(in: language))")
                    }
                    Node.p(.lang("zh-CN")) { Node.a(.href(SiteURL.instruction(summary.id).path), text: summary.text) }
                    Node.ul {
                        for response in summary.responses {
                            Node.li {
                                Node.span(.lang("zh-CN"), text: response.recipient)
                                Node.text("：\(response.status.text.text(in: language))")
                                if !response.reply.isEmpty { Node.text("　"); Node.span(.lang("zh-CN"), text: response.reply) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The leader's form: `fields` name the target (target, taskID, roundID, unitID, bulletinID).
    static func form(_ fields: [(String, String)], label: String, csrfToken: String, context: PageContext) -> Node {
        let n = context.strings.instructions
        let id = "instruction-" + fields.map(\.1).joined(separator: "-").lowercased()
        return .form(.method("post"), .action(SiteURL.instructions.path), .class("stacked-form"), .ariaLabel(label)) {
            Forms.csrf(csrfToken)
            for (name, value) in fields { Node.input(.type("hidden"), .name(name), .value(value)) }
            Forms.textarea(label, name: "text", rows: 3, required: true, hint: n.textHint, error: nil, language: context.language, id: id)
            Forms.submit(n.send)
        }
    }
}

/// One instruction: who wrote what on what, each recipient's answer, and the signed-in
/// recipient's forms to acknowledge it and report back.
enum InstructionPage {
    struct Response: Sendable {
        var id: UUID
        var recipient: String
        var status: Instruction.Status
        var reply: String
        var answeredBy: String?
        var answeredAt: Date?
        var version: Int
        var mine: Bool
    }

    struct Model: Sendable {
        var summary: InstructionViews.Summary
        var targetName: String
        var targetURL: SiteURL?
        var responses: [Response]
        var csrfToken: String
        var errors: [DomainError]
        var draftReply: String
        var notice: String?
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, n = s.instructions, language = context.language
        return Layout.page(title: n.title, context: context, crumbs: [Crumb(title: s.account.workbench, url: .workbench), Crumb(title: n.title)], content: [
            .h1(text: n.title),
            Forms.success(model.notice.flatMap(n.done)),
            Forms.errorSummary(model.errors, language: language),
            .dl(.class("meta")) {
                Node.dt(text: n.leader)
                Node.dd(.lang("zh-CN"), text: "\(model.summary.leader)　\(model.summary.at.map(Display.beijingTime) ?? "")")
                Node.dt(text: n.on)
                Node.dd {
                    if let url = model.targetURL {
                        Node.a(.href(url.path), text: n.target(model.summary.target, model.targetName))
                    } else {
                        Node.text(n.target(model.summary.target, model.targetName))
                    }
                }
            },
            .blockquote(.lang("zh-CN")) { Node.p(text: model.summary.text) },
            .h2(text: n.recipients),
            .table(.class("stack")) {
                Node.caption(.class("visually-hidden"), text: n.recipients)
                Tables.head([n.recipient, n.status, n.reply])
                Node.tbody {
                    for response in model.responses {
                        Node.tr {
                            Node.th(.scope("row"), .lang("zh-CN"), text: response.recipient)
                            Node.td(.data("label", n.status), text: response.status.text.text(in: language)
                                    + (response.answeredBy.map { "（\($0)　\(response.answeredAt.map(Display.beijingTime) ?? "")）" } ?? ""))
                            Node.td(.data("label", n.reply), .lang("zh-CN"), text: response.reply)
                        }
                    }
                }
            },
            .fragment(model.responses.filter { $0.mine && $0.status != .replied }.map { response in
                Node.fragment {
                    if response.status == .pending {
                        Node.form(.method("post"), .action(SiteURL.instructionRespond(model.summary.id).path), .class("inline-form")) {
                            Forms.csrf(model.csrfToken)
                            Node.input(.type("hidden"), .name("response"), .value(response.id.uuidString))
                            Node.input(.type("hidden"), .name("version"), .value(String(response.version)))
                            Node.button(.type("submit"), .name("step"), .value("acknowledge"), text: n.acknowledge)
                        }
                    }
                    Node.form(.method("post"), .action(SiteURL.instructionRespond(model.summary.id).path), .class("stacked-form"), .ariaLabel(n.sendReply)) {
                        Forms.csrf(model.csrfToken)
                        Node.input(.type("hidden"), .name("response"), .value(response.id.uuidString))
                        Node.input(.type("hidden"), .name("version"), .value(String(response.version)))
                        Forms.textarea(n.reply, name: "reply", value: model.draftReply, rows: 4, required: true,
                                       error: model.errors.first { $0.field == "reply" }, language: language)
                        Node.button(.type("submit"), .name("step"), .value("reply"), text: n.sendReply)
                    }
                }
            }),
        ])
    }
}
