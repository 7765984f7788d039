import Foundation
import LuoshiDomain
import LuoshiHTML

/// 督查看板: a plan's tasks by colour and by part, the trend over the rounds, the red list and the
/// likely-to-miss list — for the county head the whole plan, for a leader the portfolio, for a
/// unit its own tasks — each chart drawn as SVG with the same numbers in a table beside it.
enum DashboardPage {
    struct Trend: Sendable {
        var label: String
        var counts: [Colour: Int]
    }

    struct Model: Sendable {
        var plan: Plan
        var scopeTitle: String
        var asOf: CalendarDate
        var rules: RuleSet
        var rows: [Ledger.Row]
        var parts: [Part]
        var trend: [Trend]
        var unitName: @Sendable (UUID) -> String
        /// For a unit: what it still owes in the latest round, and what was returned to it.
        var unitWork: UnitWork?
    }

    struct UnitWork: Sendable {
        var round: DispatchStore.Round
        var due: [PlanTask]
        var returned: [PlanTask]
        /// The unit's latest reminders, newest first.
        var reminders: [Reminder] = []
        /// Its open 督办 steps (orders, rectifications…) with their deadlines.
        var supervision: [SupervisionPage.ItemRow] = []
    }

    struct Reminder: Sendable {
        var title: LocalizedText
        var kind: Reminders.Kind
        var sentAt: Date?
        var link: String
    }

    static let order: [Colour] = [.green, .blue, .yellow, .red]

    /// The page around `content` (which `content(_:context:)` rendered, perhaps for another user of the same scope).
    /// The page: the scope's content (shared by everyone with that scope) and the signed-in
    /// user's own instructions — a leader's written ones, or those a unit or the office answers.
    static func page(content: Prerendered, instructions: (title: String, items: [InstructionViews.Summary])?, context: PageContext) -> Node {
        let s = context.strings
        return Layout.page(title: s.dispatch.dashboardTitle, context: context, crumbs: [
            Crumb(title: s.account.workbench, url: .workbench), Crumb(title: s.dispatch.dashboardTitle),
        ], content: [
            .prerendered(content),
            instructions.map { list in
                Node.section(.ariaLabelledBy("my-instructions")) {
                    Node.h2(.id("my-instructions"), text: "\(list.title)（\(list.items.count)）")
                    InstructionViews.list(list.items, context: context)
                }
            } ?? .empty,
        ])
    }

    /// Everything below the breadcrumbs, for one scope.
    static func content(_ model: Model, context: PageContext) -> [Node] {
        let s = context.strings, d = s.dispatch, language = context.language
        let counts = Dictionary(grouping: model.rows, by: \.colour).mapValues(\.count)
        let red = model.rows.filter { $0.colour == .red }
        let likely = model.rows.filter(\.likelyToMiss)
        return [
            .h1(text: d.dashboardTitle),
            .p(s.dataLang, text: model.plan.title),
            .p(.class("lead"), text: "\(model.scopeTitle)　\(d.asOf(model.asOf.iso, model.rules.name))"),
            .p { Node.a(.href(SiteURL.planLedger(model.plan.id).path), text: d.ledgerTitle) },
            .section(.ariaLabelledBy("by-colour")) {
                Node.h2(.id("by-colour"), text: d.byColour)
                bar(order.map { (colour: $0, count: counts[$0] ?? 0) }, total: model.rows.count, label: d.byColour, language: language)
                Node.table(.class("stack")) {
                    Node.caption(.class("visually-hidden"), text: d.byColour)
                    Tables.head(order.map { $0.text.text(in: language) } + [s.total])
                    Node.tbody {
                        Node.tr {
                            for colour in order { Node.td(.class("num"), .data("label", colour.text.text(in: language)), text: String(counts[colour] ?? 0)) }
                            Node.td(.class("num"), .data("label", s.total), text: String(model.rows.count))
                        }
                    }
                }
            },
            .section(.ariaLabelledBy("by-part")) {
                Node.h2(.id("by-part"), text: d.byPart)
                Node.table(.class("stack")) {
                    Node.caption(.class("visually-hidden"), text: d.byPart)
                    Tables.head([s.partColumn] + order.map { $0.text.text(in: language) } + [s.total])
                    Node.tbody {
                        for part in model.parts {
                            let rows = model.rows.filter { $0.task.number.part == part.number }
                            if !rows.isEmpty {
                                Node.tr {
                                    Node.th(.scope("row"), text: s.partTitle(part.number))
                                    for colour in order {
                                        Node.td(.class("num"), .data("label", colour.text.text(in: language)), text: String(rows.filter { $0.colour == colour }.count))
                                    }
                                    Node.td(.class("num"), .data("label", s.total), text: String(rows.count))
                                }
                            }
                        }
                    }
                }
            },
            .section(.ariaLabelledBy("trend")) {
                Node.h2(.id("trend"), text: d.trend)
                if model.trend.isEmpty {
                    Node.p(text: d.noRounds)
                } else {
                    for point in model.trend {
                        bar(order.map { (colour: $0, count: point.counts[$0] ?? 0) }, total: model.rows.count, label: "\(d.trend)：\(point.label)", language: language)
                    }
                    Node.table(.class("stack")) {
                        Node.caption(.class("visually-hidden"), text: d.trend)
                        Tables.head([d.month] + order.map { $0.text.text(in: language) })
                        Node.tbody {
                            for point in model.trend {
                                Node.tr {
                                    Node.th(.scope("row"), text: point.label)
                                    for colour in order {
                                        Node.td(.class("num"), .data("label", colour.text.text(in: language)), text: String(point.counts[colour] ?? 0))
                                    }
                                }
                            }
                        }
                    }
                }
            },
            list(id: "red-list", title: d.redList, rows: red, model, context),
            list(id: "likely-list", title: d.likelyList, rows: likely, model, context),
            model.unitWork.map { unitWork($0, context) } ?? .empty,
        ]
    }

    /// A horizontal stacked bar, one segment per colour, labelled for screen readers; the table
    /// beside it carries the same numbers.
    static func bar(_ parts: [(colour: Colour, count: Int)], total: Int, label: String, language: Language) -> Node {
        let width = 600.0
        var x = 0.0
        let description = parts.map { "\($0.colour.text.text(in: language)) \($0.count)" }.joined(separator: "，")
        return .element("svg", [.viewBox("0 0 600 28"), .class("chart"), .role("img"), .ariaLabel("\(label)：\(description)")],
                        parts.compactMap { part -> Node? in
                            guard total > 0, part.count > 0 else { return nil }
                            let w = width * Double(part.count) / Double(total)
                            defer { x += w }
                            return .element("rect", [.custom("x", ProgressRules.percentText(x)), .custom("y", "0"), .custom("width", ProgressRules.percentText(w)),
                                                     .custom("height", "28"), .class("seg-\(part.colour.rawValue)")], [])
                        })
    }

    /// A unit's own to-do in the latest round: tasks still to report, reports returned to it.
    static func unitWork(_ work: UnitWork, _ context: PageContext) -> Node {
        let s = context.strings, d = s.dispatch
        return .section(.ariaLabelledBy("unit-work")) {
            Node.h2(.id("unit-work"), text: d.roundName(work.round.month))
            Node.p(text: d.roundFacts(work.round.dueDate.iso, d.roundStatus(work.round.status == .closed)))
            for (title, tasks) in [(d.stillDue, work.due), (d.returnedReports, work.returned)] {
                Node.h3(text: "\(title)（\(tasks.count)）")
                if tasks.isEmpty {
                    Node.p(text: d.none)
                } else {
                    Node.ul {
                        for task in tasks {
                            Node.li {
                                Node.a(.href(SiteURL.roundTask(roundID: work.round.id, taskID: task.id).path),
                                       .ariaLabel(d.reportOn(task.number.description)), text: task.number.description)
                                Node.text("　")
                                s.data(task.content)
                            }
                        }
                    }
                }
            }
            Node.h3(text: "\(s.supervision.unitItems)（\(work.supervision.count)）")
            SupervisionPage.itemTable(work.supervision, caption: s.supervision.unitItems, context)
            Node.h3(text: "\(s.reminders.unitReminders)（\(work.reminders.count)）")
            if work.reminders.isEmpty {
                Node.p(text: d.none)
            } else {
                Node.ul {
                    for reminder in work.reminders {
                        Node.li {
                            Node.text("\(reminder.sentAt.map(Display.beijingTime) ?? "")　\(s.reminders.kind(reminder.kind))：")
                            Node.a(.href(reminder.link), text: reminder.title.text(in: context.language))
                        }
                    }
                }
            }
        }
    }

    static func list(id: String, title: String, rows: [Ledger.Row], _ model: Model, _ context: PageContext) -> Node {
        let s = context.strings, d = s.dispatch
        return .section(.ariaLabelledBy(id)) {
            Node.h2(.id(id), text: "\(title)（\(rows.count)）")
            if rows.isEmpty {
                Node.p(text: d.none)
            } else {
                Node.table(.class("stack")) {
                    Node.caption(.class("visually-hidden"), text: title)
                    Tables.head([s.number, s.content, s.leadUnits, d.explanation])
                    Node.tbody {
                        for row in rows {
                            Node.tr {
                                Node.th(.scope("row")) {
                                    Node.a(.href(SiteURL.taskWork(row.task.id).path), .ariaLabel(s.taskWork.heading(row.task.number.description)),
                                           text: row.task.number.description)
                                }
                                Node.td(.data("label", s.content)) { s.data(row.task.content) }
                                Node.td(.data("label", s.leadUnits)) { s.data(row.task.leadUnitIDs.map(model.unitName).joined(separator: "、")) }
                                Node.td(.data("label", d.explanation), text: row.explanation.text(in: context.language))
                            }
                        }
                    }
                }
            }
        }
    }
}
