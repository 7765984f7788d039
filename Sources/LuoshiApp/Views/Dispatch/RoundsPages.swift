import Foundation
import LuoshiDomain
import LuoshiHTML

/// 月调度 of a plan: its rounds, and (for the office) the form that opens the next one.
enum RoundsPage {
    struct Model: Sendable {
        var plan: Plan
        var rounds: [DispatchStore.Round]
        var submittedCount: [UUID: Int]
        var today: CalendarDate
        var managesPlans: Bool
        var csrfToken: String
        var errors: [DomainError]
        var values: [String: String]

        func error(_ field: String) -> DomainError? { errors.first { $0.field == field } }
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, d = s.dispatch, language = context.language
        let plan = model.plan
        let next = model.rounds.last.flatMap { YearMonth(year: $0.month.year, month: $0.month.month + 1) }
            ?? YearMonth(year: plan.year, month: plan.year == model.today.year ? model.today.month : 1)
        return Layout.page(title: d.roundsTitle, context: context, crumbs: [Crumb(title: s.account.workbench, url: .workbench), Crumb(title: d.roundsTitle)], content: [
            .h1(text: d.roundsTitle),
            .p(s.dataLang, text: plan.title),
            .p {
                Node.a(.href(SiteURL.planLedger(plan.id).path), text: d.ledgerTitle)
                Node.text("　")
                Node.a(.href(SiteURL.bulletins(plan.id).path), text: s.bulletins.title)
                Node.text("　")
                Node.a(.href(SiteURL.supervision(plan.id).path), text: s.supervision.title)
                Node.text("　")
                Node.a(.href(SiteURL.assessment(plan.id, period: nil).path), text: s.assessment.title)
            },
            Forms.errorSummary(model.errors, language: language),
            model.rounds.isEmpty ? .p(text: d.noRounds) : .table(.class("stack")) {
                Node.caption(.class("visually-hidden"), text: d.roundsTitle)
                Tables.head([d.month, d.dueDate, s.status, d.submitted])
                Node.tbody {
                    for round in model.rounds.reversed() {
                        Node.tr {
                            Node.th(.scope("row")) { Node.a(.href(SiteURL.round(round.id).path), text: d.roundName(round.month)) }
                            Node.td(.data("label", d.dueDate)) { Node.time(.datetime(round.dueDate.iso), text: round.dueDate.iso) }
                            Node.td(.data("label", s.status), text: d.roundStatus(round.isClosed(today: model.today)))
                            Node.td(.class("num"), .data("label", d.submitted), text: String(model.submittedCount[round.id] ?? 0))
                        }
                    }
                }
            },
            model.managesPlans && plan.status == .issued ? .fragment {
                Node.h2(text: d.openRound)
                Node.form(.method("post"), .action(SiteURL.planRounds(plan.id).path), .class("stacked-form")) {
                    Forms.csrf(model.csrfToken)
                    Forms.field(d.month, name: "month", value: model.values["month"] ?? next?.description ?? "", required: true, hint: d.monthHint,
                                error: model.error("month"), language: language)
                    Forms.field(d.dueDate, name: "dueDate", type: "date", value: model.values["dueDate"] ?? "", hint: d.dueDateHint,
                                error: model.error("dueDate"), language: language)
                    Forms.submit(d.openRound)
                }
            } : .empty,
        ])
    }
}

/// One round: every task and lead unit with where its report stands (the office's pipeline), or
/// the signed-in unit's own tasks.
enum RoundPage {
    struct Row: Sendable {
        var task: PlanTask
        var unit: Unit
        var stage: Dispatch.Stage
        var late: Bool
        /// Not submitted, or returned: the unit may be reminded.
        var owed: Bool
    }

    struct Model: Sendable {
        var plan: Plan
        var round: DispatchStore.Round
        var rows: [Row]
        var today: CalendarDate
        var managesPlans: Bool
        var csrfToken: String
        var notice: String?
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, d = s.dispatch
        let round = model.round
        let title = d.roundName(round.month)
        let counts = Dictionary(grouping: model.rows, by: \.stage).mapValues(\.count)
        return Layout.page(title: title, context: context, crumbs: [
            Crumb(title: d.roundsTitle, url: .planRounds(model.plan.id)), Crumb(title: title),
        ], content: [
            .h1(text: title),
            Forms.success(model.notice == "closed" ? d.closedNotice : nil),
            Forms.success(model.notice.flatMap { $0.hasPrefix("reminded-") ? Int($0.dropFirst("reminded-".count)) : nil }
                .map { $0 > 0 ? s.reminders.remindedNotice($0) : s.reminders.nothingOwed }),
            .p(text: d.roundFacts(round.dueDate.iso, d.roundStatus(round.isClosed(today: model.today)))),
            .ul(.class("links")) {
                for stage in Dispatch.Stage.allCases where counts[stage] != nil {
                    Node.li(text: "\(d.stage(stage))：\(counts[stage] ?? 0)")
                }
                let late = model.rows.filter(\.late).count
                if late > 0 { Node.li(text: "\(d.late)：\(late)") }
            },
            model.managesPlans && round.status == .open
                ? Forms.button(d.closeRound, action: .roundClose(round.id), csrf: model.csrfToken, hidden: [("version", String(round.version))])
                : .empty,
            model.managesPlans && model.rows.contains(where: \.owed)
                ? Forms.button(s.reminders.remindAll, action: .roundRemind(round.id), csrf: model.csrfToken)
                : .empty,
            model.rows.isEmpty ? .p(text: s.noTasks) : .table(.class("stack")) {
                Node.caption(.class("visually-hidden"), text: d.pipeline)
                Tables.head([s.number, s.content, s.leadUnits, d.stageHeading])
                Node.tbody {
                    for row in model.rows {
                        Node.tr {
                            Node.th(.scope("row")) {
                                Node.a(.href(SiteURL.roundTask(roundID: round.id, taskID: row.task.id).path),
                                       .ariaLabel(d.reportOn(row.task.number.description)), text: row.task.number.description)
                            }
                            Node.td(.data("label", s.content)) { s.data(row.task.content) }
                            Node.td(.data("label", s.leadUnits)) { s.data(row.unit.shortName) }
                            Node.td(.data("label", d.stageHeading)) {
                                Node.text(d.stage(row.stage) + (row.late ? "（\(d.late)）" : ""))
                                if model.managesPlans && row.owed {
                                    Forms.button(s.reminders.remindOne(row.unit.shortName), action: .roundRemind(round.id), csrf: model.csrfToken,
                                                 hidden: [("unit", row.unit.id.uuidString)])
                                }
                            }
                        }
                    }
                }
            },
        ])
    }
}
