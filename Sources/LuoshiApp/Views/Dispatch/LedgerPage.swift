import Foundation
import LuoshiDomain
import LuoshiHTML

/// 台账: every task with its expected, verified and reported progress, status, colour and the
/// explanation of the colour, as of a date, filtered by part, unit, leader, colour, status or text.
enum LedgerPage {
    struct Model: Sendable {
        var plan: Plan
        var asOf: CalendarDate
        var rules: RuleSet
        var rows: [Ledger.Row]
        var total: Int
        var filter: Ledger.Filter
        var parts: [Part]
        var units: [Unit]
        var leaders: [Leader]
        var unitName: @Sendable (UUID) -> String
    }

    /// The page around `content` (which `content(_:context:)` rendered, perhaps for another user).
    static func page(planID: UUID, content: Prerendered, context: PageContext) -> Node {
        let d = context.strings.dispatch
        return Layout.page(title: d.ledgerTitle, context: context, crumbs: [
            Crumb(title: d.roundsTitle, url: .planRounds(planID)), Crumb(title: d.ledgerTitle),
        ], content: [.prerendered(content)])
    }

    /// The ledger's date and filters as a query, for the export link.
    static func exportQuery(_ model: Model) -> String {
        let f = model.filter
        let items: [(String, String?)] = [
            ("asOf", model.asOf.iso), ("part", f.part.map(String.init)), ("unit", f.unitID?.uuidString.lowercased()),
            ("leader", f.leaderID?.uuidString.lowercased()), ("colour", f.colour?.rawValue), ("status", f.status?.rawValue), ("q", f.text?.nonBlank),
        ]
        return items.compactMap { name, value in
            value.map { "\(name)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? "")" }
        }.joined(separator: "&")
    }

    /// Everything below the breadcrumbs: the same for every internal user of the jurisdiction.
    static func content(_ model: Model, context: PageContext) -> [Node] {
        let s = context.strings, d = s.dispatch, language = context.language
        let plan = model.plan
        let counts = Dictionary(grouping: model.rows, by: \.colour).mapValues(\.count)
        return [
            .h1(text: d.ledgerTitle),
            .p(s.dataLang, text: plan.title),
            .p(.class("lead"), text: d.asOf(model.asOf.iso, model.rules.name)),
            .p(.class("hint")) {
                Node.text(d.ledgerHint + " ")
                Node.a(.href(SiteURL.planRules(plan.id).path), text: s.rules.link)
            },
            .p {
                Node.a(.href(SiteURL.planLedgerExport(plan.id, query: exportQuery(model)).path), text: d.exportLedger)
            },
            .form(.method("get"), .action(SiteURL.planLedger(plan.id).path), .class("filter-form"), .ariaLabel(d.filter)) {
                Forms.field(d.asOfLabel, name: "asOf", type: "date", value: model.asOf.iso, error: nil, language: language)
                Forms.select(s.partColumn, name: "part", options: [("", d.all)] + model.parts.map { (String($0.number), s.partTitle($0.number)) },
                             selected: model.filter.part.map(String.init), error: nil, language: language)
                Forms.select(s.leadUnits, name: "unit", options: [("", d.all)] + model.units.map { ($0.id.uuidString, $0.shortName) },
                             selected: model.filter.unitID?.uuidString, error: nil, language: language)
                Forms.select(s.leaders, name: "leader", options: [("", d.all)] + model.leaders.map { ($0.id.uuidString, $0.name) },
                             selected: model.filter.leaderID?.uuidString, error: nil, language: language)
                Forms.select(d.colour, name: "colour", options: [("", d.all)] + Colour.allCases.map { ($0.rawValue, $0.text.text(in: language)) },
                             selected: model.filter.colour?.rawValue, error: nil, language: language)
                Forms.select(s.status, name: "status", options: [("", d.all)] + ProgressStatus.allCases.map { ($0.rawValue, d.status($0)) },
                             selected: model.filter.status?.rawValue, error: nil, language: language)
                Forms.field(d.search, name: "q", type: "search", value: model.filter.text ?? "", error: nil, language: language)
                Forms.submit(d.apply)
            },
            .p(text: d.ledgerSummary(model.rows.count, model.total, Colour.allCases.map { (colour: $0, count: counts[$0] ?? 0) }
                .map { "\($0.colour.text.text(in: language)) \($0.count)" }.joined(separator: "、"))),
            model.rows.isEmpty ? .p(text: s.noTasks) : .table(.class("stack ledger")) {
                Node.caption(.class("visually-hidden"), text: d.ledgerTitle)
                Tables.head([s.number, s.content, s.leadUnits, d.expected, d.verifiedProgress, d.reportedProgress, s.status, d.colour, d.explanation])
                Node.tbody {
                    for row in model.rows {
                        Node.tr {
                            Node.th(.scope("row")) {
                                Node.a(.href(SiteURL.taskWork(row.task.id).path), .ariaLabel(s.taskWork.heading(row.task.number.description)),
                                       text: row.task.number.description)
                            }
                            Node.td(.data("label", s.content)) { s.data(row.task.content) }
                            Node.td(.data("label", s.leadUnits)) { s.data(row.task.leadUnitIDs.map(model.unitName).joined(separator: "、")) }
                            Node.td(.class("num"), .data("label", d.expected), text: "\(ProgressRules.percentText(row.expected))%")
                            Node.td(.class("num"), .data("label", d.verifiedProgress), text: row.verified.map { "\(ProgressRules.percentText($0))%" } ?? "—")
                            Node.td(.class("num"), .data("label", d.reportedProgress), text: row.reported.map { "\(ProgressRules.percentText($0))%" } ?? "—")
                            Node.td(.data("label", s.status), text: d.status(row.status) + (row.likelyToMiss ? "（\(d.likelyToMiss)）" : ""))
                            Node.td(.data("label", d.colour)) {
                                Node.span(.class("light light-\(row.colour.rawValue)"), text: row.colour.text.text(in: language))
                            }
                            Node.td(.data("label", d.explanation), text: row.explanation.text(in: language))
                        }
                    }
                }
            },
        ]
    }
}
