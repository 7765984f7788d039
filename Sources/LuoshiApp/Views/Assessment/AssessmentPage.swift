import Foundation
import LuoshiDomain
import LuoshiHTML

/// UI strings of the assessment page (`Strings.assessment`).
struct AssessmentStrings: Sendable {
    let title: String
    let period: String
    let wholeYear: @Sendable (Int) -> String
    let show: String
    let rank: String
    let unit: String
    let total: String
    let band: String
    let excellent: String
    let breakdown: String
    let export: String
    let weights: @Sendable (Assessment.Weights) -> String
    let none: String
    let caption: @Sendable (String) -> String

    static let chinese = AssessmentStrings(
        title: "单位考核", period: "考核期间", wholeYear: { "\($0)年全年" }, show: "查看", rank: "排名", unit: "单位", total: "总分",
        band: "等次", excellent: "优秀", breakdown: "得分明细", export: "导出排名（Excel）",
        weights: { w in
            "评分标准：" + Assessment.Criterion.allCases.map { "\($0.title.zh) \(ProgressRules.percentText(w.weight($0))) 分" }.joined(separator: "，")
                + "；红灯每项扣 \(ProgressRules.percentText(w.perRed)) 分、黄灯每项扣 \(ProgressRules.percentText(w.perYellow)) 分，通报批评每次扣 \(ProgressRules.percentText(w.perCriticism)) 分；"
                + "全年得分为各月平均，前 \(ProgressRules.percentText(w.excellentShare * 100))% 为优秀。"
        },
        none: "尚无可考核的调度。", caption: { "\($0)单位考核排名" })

    static let english = AssessmentStrings(
        title: "Unit assessment", period: "Period", wholeYear: { "Year \($0)" }, show: "Show", rank: "Rank", unit: "Unit", total: "Total",
        band: "Band", excellent: "Excellent", breakdown: "Breakdown", export: "Export the ranking (Excel)",
        weights: { w in
            "Criteria: " + Assessment.Criterion.allCases.map { "\($0.title.en) \(ProgressRules.percentText(w.weight($0)))" }.joined(separator: ", ")
                + "; \(ProgressRules.percentText(w.perRed)) off per red light, \(ProgressRules.percentText(w.perYellow)) per yellow, \(ProgressRules.percentText(w.perCriticism)) per criticism; "
                + "the year is the mean of the months; the top \(ProgressRules.percentText(w.excellentShare * 100))% are rated excellent."
        },
        none: "No round to assess yet.", caption: { "Ranking of units, \($0)" })
}

/// 单位考核: the ranking of lead units for a round or the year, each score with its breakdown.
enum AssessmentPage {
    struct Model: Sendable {
        var plan: Plan
        /// (value, label) of each period offered; `selected` is the value shown.
        var periods: [(value: String, text: String)]
        var selected: String
        var periodLabel: String
        var weights: Assessment.Weights
        var ranking: [Assessment.Ranked]
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, a = s.assessment, language = context.language
        return Layout.page(title: a.title, context: context, crumbs: [
            Crumb(title: s.account.workbench, url: .workbench), Crumb(title: s.dispatch.roundsTitle, url: .planRounds(model.plan.id)), Crumb(title: a.title),
        ], content: [
            .h1(text: a.title),
            .p(s.dataLang, text: model.plan.title),
            .p(.class("hint"), text: a.weights(model.weights)),
            model.periods.isEmpty ? .p(text: a.none) : .form(.method("get"), .action(SiteURL.assessment(model.plan.id, period: nil).path), .class("filter-form"),
                                                             .ariaLabel(a.period)) {
                Forms.select(a.period, name: "period", options: model.periods, selected: model.selected, error: nil, language: language)
                Node.div(.class("field")) { Forms.submit(a.show) }
            },
            model.ranking.isEmpty ? .empty : .p {
                Node.a(.href(SiteURL.assessmentExport(model.plan.id, period: model.selected).path), text: a.export)
            },
            model.ranking.isEmpty ? .empty : .table(.class("stack")) {
                Node.caption(text: a.caption(model.periodLabel))
                Tables.head([a.rank, a.unit, a.total] + Assessment.Criterion.allCases.map { $0.title.text(in: language) } + [a.band, a.breakdown])
                Node.tbody {
                    for entry in model.ranking {
                        Node.tr {
                            Node.td(.class("num"), .data("label", a.rank), text: String(entry.rank))
                            Node.th(.scope("row"), .lang("zh-CN"), text: entry.score.unitName)
                            Node.td(.class("num"), .data("label", a.total)) { Node.strong(text: ProgressRules.percentText(entry.score.total)) }
                            for part in entry.score.parts {
                                Node.td(.class("num"), .data("label", part.criterion.title.text(in: language)), text: ProgressRules.percentText(part.points))
                            }
                            Node.td(.data("label", a.band), text: entry.excellent ? a.excellent : "—")
                            Node.td(.data("label", a.breakdown)) {
                                Node.details {
                                    Node.summary(.ariaLabel("\(a.breakdown)：\(entry.score.unitName)"), text: a.breakdown)
                                    Node.ul {
                                        for part in entry.score.parts {
                                            Node.li(text: "\(part.criterion.title.text(in: language)) \(ProgressRules.percentText(part.points))/\(ProgressRules.percentText(part.maximum))：\(part.detail.text(in: language))")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            },
        ])
    }

    /// The ranking as sheet rows (the export): rank, unit, total, each criterion, band, breakdown.
    static func sheet(_ ranking: [Assessment.Ranked]) -> (header: [String], rows: [[String]]) {
        let header = ["排名", "单位", "总分"] + Assessment.Criterion.allCases.map(\.title.zh) + ["等次", "得分明细"]
        let rows = ranking.map { entry in
            [String(entry.rank), entry.score.unitName, ProgressRules.percentText(entry.score.total)]
                + entry.score.parts.map { ProgressRules.percentText($0.points) }
                + [entry.excellent ? "优秀" : "", entry.score.parts.map { "\($0.criterion.title.zh)：\($0.detail.zh)" }.joined(separator: "；")]
        }
        return (header, rows)
    }
}
