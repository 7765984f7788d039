import Foundation
import LuoshiDomain
import LuoshiHTML

/// 督办 of a plan: the rules' proposals (the office accepts or dismisses each), the steps under
/// way and finished, and the form that takes a step — prefilled from a proposal or from a step
/// being escalated. Unit staff see their own unit's steps only.
enum SupervisionPage {
    struct ProposalRow: Sendable {
        var proposal: Supervision.Proposal
        var task: PlanTask
        var unit: String
    }

    struct ItemRow: Sendable {
        var id: UUID
        var kind: Supervision.Kind
        var number: String?
        var task: PlanTask
        var unit: String
        var deadline: CalendarDate?
        var status: Supervision.Status
        var overdue: Bool
    }

    struct Model: Sendable {
        var plan: Plan
        var proposals: [ProposalRow]
        var items: [ItemRow]
        var managesPlans: Bool
        var csrfToken: String
        var tasks: [PlanTask]
        var units: [(id: UUID, name: String)]
        var form: Supervision.Form
        var previous: ItemRow?
        var errors: [DomainError]
        var notice: String?

        func error(_ field: String) -> DomainError? { errors.first { $0.field == field } }
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, v = s.supervision, language = context.language
        let active = model.items.filter(\.status.isActive), finished = model.items.filter { !$0.status.isActive }
        return Layout.page(title: v.title, context: context, crumbs: [
            Crumb(title: s.account.workbench, url: .workbench), Crumb(title: s.dispatch.roundsTitle, url: .planRounds(model.plan.id)), Crumb(title: v.title),
        ], content: [
            .h1(text: v.title),
            .p(s.dataLang, text: model.plan.title),
            .p { Node.a(.href(SiteURL.inspections(model.plan.id).path), text: s.inspections.title) },
            Forms.success(model.notice.flatMap(v.done)),
            Forms.errorSummary(model.errors, language: language),
            model.managesPlans ? proposals(model, context) : .empty,
            .h2(text: "\(v.active)（\(active.count)）"),
            itemTable(active, caption: v.active, context),
            .h2(text: "\(v.finished)（\(finished.count)）"),
            itemTable(finished, caption: v.finished, context),
            model.managesPlans ? form(model, context) : .empty,
        ])
    }

    private static func proposals(_ model: Model, _ context: PageContext) -> Node {
        let v = context.strings.supervision, language = context.language
        return .section(.ariaLabelledBy("proposals")) {
            Node.h2(.id("proposals"), text: "\(v.proposals)（\(model.proposals.count)）")
            Node.p(.class("hint"), text: v.proposalsHint)
            if model.proposals.isEmpty {
                Node.p(text: v.noProposals)
            } else {
                Node.table(.class("stack")) {
                    Node.caption(.class("visually-hidden"), text: v.proposals)
                    Tables.head([v.task, v.unit, v.kind, v.reason, ""])
                    Node.tbody {
                        for row in model.proposals {
                            Node.tr {
                                Node.th(.scope("row")) {
                                    Node.text(row.task.number.description + "　")
                                    context.strings.data(String(row.task.content.prefix(30)))
                                }
                                Node.td(.data("label", v.unit), .lang("zh-CN"), text: row.unit)
                                Node.td(.data("label", v.kind), text: row.proposal.kind.text.text(in: language))
                                Node.td(.data("label", v.reason), text: row.proposal.reason.text(in: language))
                                Node.td {
                                    Node.a(.href(SiteURL.supervision(model.plan.id, proposal: row.proposal.key).path),
                                           .ariaLabel("\(v.accept)：\(row.task.number) \(row.unit)"), text: v.accept)
                                    Node.form(.method("post"), .action(SiteURL.supervisionDismiss(model.plan.id).path), .class("inline-form")) {
                                        Forms.csrf(model.csrfToken)
                                        Node.input(.type("hidden"), .name("key"), .value(row.proposal.key))
                                        Node.button(.type("submit"), .ariaLabel("\(v.dismiss)：\(row.task.number) \(row.unit)"), text: v.dismiss)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func itemTable(_ rows: [ItemRow], caption: String, _ context: PageContext) -> Node {
        let v = context.strings.supervision, language = context.language
        guard !rows.isEmpty else { return .p(text: v.none) }
        return .table(.class("stack")) {
            Node.caption(.class("visually-hidden"), text: caption)
            Tables.head([v.kind, v.task, v.unit, v.deadline, v.status])
            Node.tbody {
                for row in rows {
                    Node.tr {
                        Node.th(.scope("row")) {
                            Node.a(.href(SiteURL.supervisionItem(row.id).path), text: row.kind.text.text(in: language) + (row.number.map { " \($0)" } ?? ""))
                        }
                        Node.td(.data("label", v.task)) {
                            Node.text(row.task.number.description + "　")
                            context.strings.data(String(row.task.content.prefix(30)))
                        }
                        Node.td(.data("label", v.unit), .lang("zh-CN"), text: row.unit)
                        Node.td(.data("label", v.deadline)) {
                            if let deadline = row.deadline { Node.time(.datetime(deadline.iso), text: deadline.iso) }
                            if row.overdue { Node.strong(text: "（\(v.overdue)）") }
                        }
                        Node.td(.data("label", v.status), text: row.status.text.text(in: language))
                    }
                }
            }
        }
    }

    private static func form(_ model: Model, _ context: PageContext) -> Node {
        let v = context.strings.supervision, language = context.language
        return .form(.method("post"), .action(SiteURL.supervision(model.plan.id).path), .class("stacked-form"), .id("new-step"), .ariaLabel(v.newStep)) {
            Node.h2(text: model.previous.map { v.escalating($0.kind.text.text(in: language) + ($0.number.map { " \($0)" } ?? "")) } ?? v.newStep)
            Forms.csrf(model.csrfToken)
            if let previous = model.previous { Node.input(.type("hidden"), .name("previous"), .value(previous.id.uuidString)) }
            Forms.select(v.kind, name: "kind", options: Supervision.Kind.allCases.map { ($0.rawValue, $0.text.text(in: language)) },
                         selected: model.form.kind, error: model.error("kind"), language: language)
            Forms.select(v.task, name: "taskID", options: [("", "—")] + model.tasks.map { ($0.id.uuidString, "\($0.number)　\($0.content.prefix(36))") },
                         selected: model.form.taskID.uppercased(), error: model.error("taskID"), language: language)
            Forms.select(v.unit, name: "unitID", options: [("", "—")] + model.units.map { ($0.id.uuidString, $0.name) },
                         selected: model.form.unitID.uppercased(), error: model.error("unitID"), language: language)
            Forms.textarea(v.facts, name: "facts", value: model.form.facts, rows: 3, required: true, error: model.error("facts"), language: language)
            Forms.textarea(v.demands, name: "demands", value: model.form.demands, rows: 3, required: true, error: model.error("demands"), language: language)
            Forms.field(v.deadline, name: "deadline", type: "date", value: model.form.deadline, hint: v.deadlineHint, error: model.error("deadline"),
                        language: language)
            Forms.submit(v.create)
        }
    }
}

/// One step: what was demanded by when, the unit's reply and evidence, the office's verification,
/// and the history; the unit replies here, the office closes, returns or escalates.
enum SupervisionItemPage {
    struct Event: Sendable {
        var step: String
        var status: Supervision.Status
        var note: String
        var actor: String
        var at: Date?
    }

    struct File: Sendable {
        var id: UUID
        var name: String
        var size: Int
    }

    struct Model: Sendable {
        var plan: Plan
        var item: SupervisionPage.ItemRow
        var facts: String
        var demands: String
        var reply: String
        var repliedBy: String?
        var repliedOn: String?
        var reviewNote: String
        var createdBy: String
        var createdAt: Date?
        var previous: SupervisionPage.ItemRow?
        var files: [File]
        var events: [Event]
        var version: Int
        var mayReply: Bool
        var managesPlans: Bool
        var csrfToken: String
        var draftReply: String
        var errors: [DomainError]
        var notice: String?

        func error(_ field: String) -> DomainError? { errors.first { $0.field == field } }
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, v = s.supervision, language = context.language
        let item = model.item
        let title = item.kind.text.text(in: language) + (item.number.map { " \($0)" } ?? "")
        return Layout.page(title: title, context: context, crumbs: [
            Crumb(title: s.account.workbench, url: .workbench), Crumb(title: v.title, url: .supervision(model.plan.id)), Crumb(title: title),
        ], content: [
            .h1(text: title),
            Forms.success(model.notice.flatMap(v.done)),
            Forms.errorSummary(model.errors, language: language),
            .dl(.class("meta")) {
                Node.dt(text: v.task)
                Node.dd {
                    Node.a(.href(SiteURL.task(item.task.id).path), text: item.task.number.description)
                    Node.text("　")
                    s.data(item.task.content)
                }
                Node.dt(text: v.unit)
                Node.dd(.lang("zh-CN"), text: item.unit)
                Node.dt(text: v.deadline)
                Node.dd {
                    if let deadline = item.deadline { Node.time(.datetime(deadline.iso), text: deadline.iso) } else { Node.text("—") }
                    if item.overdue { Node.strong(text: "（\(v.overdue)）") }
                }
                Node.dt(text: v.status)
                Node.dd(text: item.status.text.text(in: language))
                if let previous = model.previous {
                    Node.dt(text: v.previous)
                    Node.dd { Node.a(.href(SiteURL.supervisionItem(previous.id).path), text: previous.kind.text.text(in: language) + (previous.number.map { " \($0)" } ?? "")) }
                }
                Node.dt(text: v.createdBy)
                Node.dd(text: "\(model.createdBy)　\(model.createdAt.map(Display.beijingTime) ?? "")")
            },
            .p { Node.a(.href(SiteURL.supervisionWord(item.id).path), text: v.word(item.kind.text.text(in: language))) },
            .h2(text: v.facts),
            .p(.lang("zh-CN"), text: model.facts),
            .h2(text: v.demands),
            .p(.lang("zh-CN"), text: model.demands),
            .h2(text: v.reply),
            model.reply.isEmpty ? .p(text: v.noReply) : .fragment {
                Node.p(.lang("zh-CN"), text: model.reply)
                Node.p(.class("hint"), text: "\(model.repliedBy ?? "")　\(model.repliedOn ?? "")")
            },
            model.reviewNote.isEmpty ? .empty : .p { Node.strong(text: "\(v.reviewNote)："); Node.span(.lang("zh-CN"), text: model.reviewNote) },
            .h3(text: "\(v.evidence)（\(model.files.count)）"),
            model.files.isEmpty ? .p(text: v.none) : .ul {
                for file in model.files {
                    Node.li { Node.a(.href(SiteURL.supervisionFile(file.id).path), text: file.name); Node.text("（\(file.size.formatted()) B）") }
                }
            },
            model.mayReply ? replyForms(model, context) : .empty,
            model.managesPlans && item.status.isActive ? reviewForms(model, context) : .empty,
            .h2(text: v.history),
            .table(.class("stack")) {
                Node.caption(.class("visually-hidden"), text: v.history)
                Tables.head([v.when, v.status, v.reviewNote, v.by])
                Node.tbody {
                    for event in model.events {
                        Node.tr {
                            Node.th(.scope("row"), text: event.at.map(Display.beijingTime) ?? "")
                            Node.td(.data("label", v.status), text: "\(v.step(event.step))（\(event.status.text.text(in: language))）")
                            Node.td(.data("label", v.reviewNote), .lang("zh-CN"), text: event.note)
                            Node.td(.data("label", v.by), text: event.actor)
                        }
                    }
                }
            },
        ])
    }

    private static func replyForms(_ model: Model, _ context: PageContext) -> Node {
        let v = context.strings.supervision, language = context.language
        return .fragment {
            Node.form(.method("post"), .action(SiteURL.supervisionFiles(model.item.id).path), .custom("enctype", "multipart/form-data"),
                      .class("stacked-form"), .ariaLabel(v.attach)) {
                Forms.csrf(model.csrfToken)
                Forms.field(v.attach, name: "file", type: "file", hint: v.attachHint, error: model.error("file"), language: language)
                Forms.submit(v.attach)
            }
            Node.form(.method("post"), .action(SiteURL.supervisionReply(model.item.id).path), .class("stacked-form"), .ariaLabel(v.sendReply)) {
                Forms.csrf(model.csrfToken)
                Node.input(.type("hidden"), .name("version"), .value(String(model.version)))
                Forms.textarea(v.reply, name: "reply", value: model.draftReply, rows: 5, required: true, hint: v.replyHint, error: model.error("reply"),
                               language: language)
                Forms.submit(v.sendReply)
            }
        }
    }

    private static func reviewForms(_ model: Model, _ context: PageContext) -> Node {
        let v = context.strings.supervision, language = context.language
        return .section(.ariaLabelledBy("review")) {
            Node.h2(.id("review"), text: v.review)
            Node.form(.method("post"), .action(SiteURL.supervisionReview(model.item.id).path), .class("stacked-form"), .ariaLabel(v.review)) {
                Forms.csrf(model.csrfToken)
                Node.input(.type("hidden"), .name("version"), .value(String(model.version)))
                Forms.textarea(v.reviewNote, name: "note", rows: 2, error: model.error("note"), language: language)
                if model.item.status == .replied {
                    Forms.field(v.newDeadline, name: "deadline", type: "date", error: model.error("deadline"), language: language)
                }
                Node.div(.class("actions")) {
                    Node.button(.type("submit"), .name("step"), .value("close"), text: v.close)
                    if model.item.status == .replied { Node.button(.type("submit"), .name("step"), .value("reopen"), text: v.reopen) }
                }
            }
            if model.item.kind.next != nil {
                Node.p { Node.a(.href(SiteURL.supervision(model.plan.id, previous: model.item.id).path), text: v.escalate) }
            }
        }
    }
}
