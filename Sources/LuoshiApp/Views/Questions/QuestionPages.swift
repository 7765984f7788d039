import Foundation
import LuoshiDomain
import LuoshiHTML

/// 政民互动: the task page's approved questions and answers, the public's form and receipt, and
/// the office's and units' list and question pages. Pure functions of their models.
enum QuestionPages {
    // MARK: Public

    /// The task page's section: the approved questions and answers, and the link to ask.
    static func taskSection(_ questions: [PublicQuestion.Published], taskID: UUID, unitName: (UUID) -> String?, _ s: Strings) -> Node {
        let q = s.questions
        return .section(.ariaLabelledBy("questions")) {
            Node.h2(.id("questions"), text: q.title)
            Node.p {
                Node.a(.href(SiteURL.taskAsk(taskID).path), text: q.askLink)
                Node.text(" " + q.askIntro)
            }
            if questions.isEmpty {
                Node.p(text: q.noneYet)
            } else {
                Node.ol(.class("questions")) {
                    for question in questions.reversed() {
                        Node.li {
                            Node.p(.class("hint"), text: q.askedBy(question.name.isEmpty ? q.anonymous : question.name, question.askedOn))
                            Node.p {
                                Node.strong(text: q.questionLabel)
                                s.data(question.question)
                            }
                            Node.p {
                                Node.strong(text: q.answerLabel)
                                s.data(question.answer)
                            }
                            Node.p(.class("hint"), text: q.answeredBy(question.unitID.flatMap(unitName) ?? "", question.answeredOn))
                        }
                    }
                }
            }
        }
    }

    struct AskForm: Sendable {
        var plan: Plan
        var task: PlanTask
        var name = ""
        var contact = ""
        var text = ""
        var csrfToken: String
        var error: DomainError?
    }

    static func ask(_ model: AskForm, context: PageContext) -> Node {
        let s = context.strings, q = s.questions, language = context.language
        let heading = q.askTitle(model.task.number.description)
        return Layout.page(title: heading, context: context, crumbs: [
            Crumb(title: model.plan.title, url: .plan(model.plan.id), isData: true),
            Crumb(title: s.taskHeading(model.task.number.description), url: .task(model.task.id)), Crumb(title: q.title),
        ], content: [
            .h1(text: heading),
            .p(.class("lead"), s.dataLang, text: model.task.content),
            Forms.errorSummary(model.error, language: language),
            .ul { for rule in q.rules { Node.li(text: rule) } },
            .form(.method("post"), .action(SiteURL.taskAsk(model.task.id).path), .class("stacked-form")) {
                Forms.csrf(model.csrfToken)
                Forms.field(q.name, name: "name", value: model.name, autocomplete: "nickname", hint: q.nameHint, error: model.error, language: language)
                Forms.field(q.contact, name: "contact", value: model.contact, required: true, autocomplete: "tel", hint: q.contactHint,
                            error: model.error, language: language)
                Forms.textarea(q.text, name: "text", value: model.text, rows: 8, required: true, hint: q.textHint, error: model.error, language: language)
                Forms.submit(q.submit)
            },
        ])
    }

    static func received(receipt: String, plan: Plan, task: PlanTask, context: PageContext) -> Node {
        let s = context.strings, q = s.questions
        return Layout.page(title: q.receivedTitle, context: context, crumbs: [
            Crumb(title: plan.title, url: .plan(plan.id), isData: true),
            Crumb(title: s.taskHeading(task.number.description), url: .task(task.id)), Crumb(title: q.receivedTitle),
        ], content: [
            .h1(text: q.receivedTitle),
            .p(.class("success"), .role("status"), text: q.receivedText(receipt)),
            .p { Node.a(.href(SiteURL.task(task.id).path), text: q.backToTask) },
        ])
    }

    // MARK: Office and units

    struct Row: Sendable {
        var id: UUID
        var receipt: String
        var task: PlanTask?
        var askedOn: CalendarDate
        var status: PublicQuestion.Status
        var unitName: String?
    }

    struct List: Sendable {
        var rows: [Row]
        /// The status shown (nil: every open one; "all": every one).
        var filter: String?
        var counts: [PublicQuestion.Status: Int]
    }

    static func list(_ model: List, context: PageContext) -> Node {
        let s = context.strings, q = s.questions, language = context.language
        let filters: [(String?, String)] = [(nil, q.open)] + PublicQuestion.Status.allCases.map {
            ($0.rawValue, q.statusCount($0.text.text(in: language), model.counts[$0] ?? 0))
        } + [("all", q.all)]
        return Layout.page(title: q.listTitle, context: context, crumbs: [Crumb(title: q.listTitle)], content: [
            .h1(text: q.listTitle),
            .p(text: q.listIntro),
            .nav(.ariaLabel(q.status)) {
                Node.ul(.class("inline-list")) {
                    for (value, title) in filters {
                        Node.li {
                            if value == model.filter {
                                Node.span(.ariaCurrent("page"), text: title)
                            } else {
                                Node.a(.href(SiteURL.questions(status: value).path), text: title)
                            }
                        }
                    }
                }
            },
            model.rows.isEmpty ? .p(text: q.nothing) : .table(.class("stack")) {
                Node.caption(.class("visually-hidden"), text: q.listTitle)
                Tables.head([q.receipt, q.task, q.askedAt, q.status, q.unit])
                Node.tbody {
                    for row in model.rows {
                        Node.tr {
                            Node.td(.data("label", q.receipt)) { Node.a(.href(SiteURL.question(row.id).path), text: row.receipt) }
                            Node.td(.data("label", q.task)) {
                                if let task = row.task {
                                    Node.text(s.taskHeading(task.number.description) + " ")
                                    s.data(String(task.content.prefix(40)) + (task.content.count > 40 ? "…" : ""))
                                }
                            }
                            Node.td(.data("label", q.askedAt)) { Node.time(.datetime(row.askedOn.iso), text: row.askedOn.iso) }
                            Node.td(.data("label", q.status), text: row.status.text.text(in: language))
                            Node.td(.data("label", q.unit)) { row.unitName.map(s.data) ?? .text(s.none) }
                        }
                    }
                }
            },
        ])
    }

    struct Detail: Sendable {
        var id: UUID
        var receipt: String
        var plan: Plan
        var task: PlanTask
        var status: PublicQuestion.Status
        var name: String
        /// nil unless the viewer is the office.
        var contact: String?
        var question: String
        var publicQuestion: String?
        var unitName: String?
        var answer: String?
        var note: String?
        var events: [(label: String, by: String, at: Date)]
        /// The units the office may route to (empty: the viewer may not route now).
        var routeChoices: [(id: UUID, name: String, lead: Bool)]
        var selectedUnit: UUID?
        var mayAnswer: Bool
        var mayDecide: Bool
        var mayDecline: Bool
        var version: Int
        var csrfToken: String
        var error: DomainError?
        /// What the viewer typed in a refused form, by field.
        var typed: [String: String] = [:]
        var notice: String?
    }

    static func detail(_ model: Detail, context: PageContext) -> Node {
        let s = context.strings, q = s.questions, language = context.language
        let title = q.detailTitle(model.receipt)
        return Layout.page(title: title, context: context, crumbs: [Crumb(title: q.listTitle, url: .questions()), Crumb(title: title)], content: [
            .h1(text: title),
            Forms.errorSummary(model.error, language: language),
            Forms.success(model.notice),
            .dl(.class("meta")) {
                Node.dt(text: q.task)
                Node.dd {
                    Node.a(.href(SiteURL.task(model.task.id).path), text: s.taskHeading(model.task.number.description))
                    Node.text(" ")
                    s.data(model.task.content)
                }
                Node.dt(text: q.status)
                Node.dd(text: model.status.text.text(in: language))
                Node.dt(text: q.signature)
                Node.dd { model.name.isEmpty ? .text(q.anonymous) : s.data(model.name) }
                if let contact = model.contact {
                    Node.dt(text: q.contactInternal)
                    Node.dd(text: contact)
                }
                Node.dt(text: q.unit)
                Node.dd { model.unitName.map(s.data) ?? .text(s.none) }
                if let note = model.note {
                    Node.dt(text: q.note)
                    Node.dd { s.data(note) }
                }
            },
            .h2(text: q.text),
            .div(s.dataLang) { paragraphs(model.question) },
            model.publicQuestion.map { text in
                .fragment {
                    Node.h2(text: q.publicQuestion)
                    Node.div(s.dataLang) { paragraphs(text) }
                }
            } ?? .empty,
            model.answer.map { answer in
                .fragment {
                    Node.h2(text: q.answerField)
                    Node.div(s.dataLang) { paragraphs(answer) }
                }
            } ?? .empty,
            .h2(text: q.history),
            .ul {
                for event in model.events {
                    Node.li(text: q.event(event.label, event.by, Display.beijingTime(event.at)))
                }
            },
            model.routeChoices.isEmpty ? .empty : stepForm(model, .route) {
                Node.h2(text: q.route)
                Node.p(.class("hint"), text: q.routeHint)
                Forms.select(q.unit, name: "unit", options: model.routeChoices.map {
                    (value: $0.id.uuidString, text: "\($0.name)（\($0.lead ? q.leadUnit : q.cooperatingUnit)）")
                }, selected: (model.selectedUnit ?? model.routeChoices.first?.id)?.uuidString, error: model.error, language: language)
                Forms.submit(q.route)
            },
            model.mayAnswer ? stepForm(model, .answer) {
                Node.h2(text: q.answerHeading)
                Forms.textarea(q.answerField, name: "answer", value: model.typed["answer"] ?? model.answer ?? "", rows: 8, required: true,
                               hint: q.answerHint, error: model.error, language: language)
                Forms.submit(q.sendAnswer)
            } : .empty,
            model.mayDecide ? .fragment {
                Node.h2(text: q.decideHeading)
                stepForm(model, .approve) {
                    Forms.textarea(q.publicQuestion, name: "question", value: model.typed["question"] ?? model.publicQuestion ?? model.question, rows: 6,
                                   required: true, hint: q.publicQuestionHint, error: model.error, language: language)
                    Forms.submit(q.approve)
                }
                stepForm(model, .return) {
                    Forms.textarea(q.returnNote, name: "returnNote", value: model.typed["returnNote"] ?? "", rows: 3, required: true,
                                   error: model.error, language: language)
                    Forms.submit(q.sendBack)
                }
            } : .empty,
            model.mayDecline ? stepForm(model, .decline) {
                Node.h2(text: q.decline)
                Forms.textarea(q.declineNote, name: "declineNote", value: model.typed["declineNote"] ?? "", rows: 3, required: true,
                               error: model.error, language: language)
                Forms.submit(q.decline)
            } : .empty,
        ])
    }

    /// A form posting `step` on the question, with the CSRF token and the version it was made from.
    private static func stepForm(_ model: Detail, _ step: PublicQuestion.Step, @NodeBuilder _ content: () -> [Node]) -> Node {
        .form(.method("post"), .action(SiteURL.questionStep(model.id, step).path), .class("stacked-form")) {
            Forms.csrf(model.csrfToken)
            Node.input(.type("hidden"), .name("version"), .value(String(model.version)))
            Node.fragment(content)
        }
    }

    private static func paragraphs(_ text: String) -> Node {
        .fragment {
            for paragraph in text.components(separatedBy: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !paragraph.isEmpty {
                Node.p(text: paragraph)
            }
        }
    }
}
