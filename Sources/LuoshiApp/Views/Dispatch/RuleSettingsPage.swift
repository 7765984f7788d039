import Foundation
import LuoshiDomain
import LuoshiHTML

/// UI strings of the dispatch settings page (`Strings.rules`).
struct RuleStrings: Sendable {
    let title: String
    let link: String
    let current: @Sendable (String) -> String
    let describe: @Sendable (DispatchSettings) -> [String]
    let versions: String
    let versionHeading: String
    let thresholdsHeading: String
    let dueDayHeading: String
    let noteHeading: String
    let byHeading: String
    let defaultsNote: String
    let form: String
    let yellowFrom: String
    let yellowHint: String
    let redFrom: String
    let redHint: String
    let aheadFrom: String
    let blueWithinDays: String
    let roundDueDay: String
    let roundDueDayHint: String
    let note: String
    let noteHint: String
    let save: String
    let saved: String
    let thresholds: @Sendable (DispatchSettings) -> String

    static let chinese = RuleStrings(
        title: "预警规则设置", link: "预警规则", current: { "现行规则：\($0)" },
        describe: { settings in
            let r = settings.rules
            return [
                "核实进度比序时进度低不超过 \(ProgressRules.percentText(r.yellowFrom)) 个百分点（或高于序时进度）为绿灯；",
                "低 \(ProgressRules.percentText(r.yellowFrom))–\(ProgressRules.percentText(r.redFrom)) 个百分点为黄灯；低 \(ProgressRules.percentText(r.redFrom)) 个百分点以上，或超过完成时限仍未完成，为红灯；",
                "距完成时限 \(r.blueWithinDays) 天以内尚未完成、且非黄灯红灯的，为蓝灯；高出序时进度 \(ProgressRules.percentText(r.aheadFrom)) 个百分点以上为超进度。",
                "每月 \(settings.roundDueDay) 日截止报送（开启调度时可另定日期）。",
            ]
        },
        versions: "历次版本", versionHeading: "版本", thresholdsHeading: "阈值", dueDayHeading: "截止日", noteHeading: "调整原因", byHeading: "设置人",
        defaultsNote: "尚未调整，使用默认规则（第 1 版）。", form: "调整规则（保存为新版本）",
        yellowFrom: "黄灯阈值（低于序时进度的百分点）", yellowHint: "低于序时进度超过此值为黄灯，默认 10。",
        redFrom: "红灯阈值（低于序时进度的百分点）", redHint: "低于序时进度超过此值为红灯，默认 30，须大于黄灯阈值。",
        aheadFrom: "超进度阈值（高于序时进度的百分点）", blueWithinDays: "蓝灯临期天数",
        roundDueDay: "每月报送截止日", roundDueDayHint: "1–28 日，默认 25 日。", note: "调整原因", noteHint: "例如：县政府常务会议要求从严考核。",
        save: "保存为新版本", saved: "规则已保存为新版本，台账和看板已按新规则计算。",
        thresholds: { s in "黄 \(ProgressRules.percentText(s.rules.yellowFrom)) / 红 \(ProgressRules.percentText(s.rules.redFrom)) / 超 \(ProgressRules.percentText(s.rules.aheadFrom)) / 蓝 \(s.rules.blueWithinDays) 天" }
    )

    static let english = RuleStrings(
        title: "Colour rules", link: "Colour rules", current: { "Rules in force: \($0)" },
        describe: { settings in
            let r = settings.rules
            return [
                "Green when verified progress is at most \(ProgressRules.percentText(r.yellowFrom)) points below expected progress (or above it);",
                "yellow when \(ProgressRules.percentText(r.yellowFrom))–\(ProgressRules.percentText(r.redFrom)) points below; red when more than \(ProgressRules.percentText(r.redFrom)) points below, or past the deadline unfinished;",
                "blue when an unfinished task's deadline is \(r.blueWithinDays) days away or fewer and it is not yellow or red; ahead at \(ProgressRules.percentText(r.aheadFrom)) points above or more.",
                "Reports are due on day \(settings.roundDueDay) of each month (a round may set another date).",
            ]
        },
        versions: "Versions", versionHeading: "Version", thresholdsHeading: "Thresholds", dueDayHeading: "Due day", noteHeading: "Reason", byHeading: "By",
        defaultsNote: "Not changed: the default rules (version 1) apply.", form: "Change the rules (saved as a new version)",
        yellowFrom: "Yellow threshold (points below expected)", yellowHint: "More than this below expected is yellow; default 10.",
        redFrom: "Red threshold (points below expected)", redHint: "More than this below expected is red; default 30, above the yellow threshold.",
        aheadFrom: "Ahead threshold (points above expected)", blueWithinDays: "Blue: days before the deadline",
        roundDueDay: "Monthly due day", roundDueDayHint: "1–28; default 25.", note: "Reason for the change", noteHint: "E.g. the county executive meeting asked for stricter assessment.",
        save: "Save as a new version", saved: "The rules were saved as a new version; the ledger and dashboards use them now.",
        thresholds: { s in "yellow \(ProgressRules.percentText(s.rules.yellowFrom)) / red \(ProgressRules.percentText(s.rules.redFrom)) / ahead \(ProgressRules.percentText(s.rules.aheadFrom)) / blue \(s.rules.blueWithinDays) d" }
    )
}

/// 预警规则设置: the rules in force for a plan's jurisdiction and year, every version, and (for
/// the office) the form that saves the next one.
enum RuleSettingsPage {
    struct Version: Sendable {
        var settings: DispatchSettings
        var note: String
        var createdBy: String
        var createdAt: Date?
    }

    struct Model: Sendable {
        var plan: Plan
        var current: DispatchSettings
        var versions: [Version]
        var canEdit: Bool
        var csrfToken: String
        var form: DispatchSettings.Form
        var errors: [DomainError]
        var saved: Bool

        func error(_ field: String) -> DomainError? { errors.first { $0.field == field } }
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, r = s.rules, language = context.language
        return Layout.page(title: r.title, context: context, crumbs: [
            Crumb(title: s.dispatch.ledgerTitle, url: .planLedger(model.plan.id)), Crumb(title: r.title),
        ], content: [
            .h1(text: r.title),
            Forms.success(model.saved ? r.saved : nil),
            Forms.errorSummary(model.errors, language: language),
            .p(.class("lead"), text: r.current(model.current.rules.name)),
            .ul {
                for line in r.describe(model.current) { Node.li(text: line) }
            },
            .h2(text: r.versions),
            model.versions.isEmpty ? .p(text: r.defaultsNote) : .table(.class("stack")) {
                Node.caption(.class("visually-hidden"), text: r.versions)
                Tables.head([r.versionHeading, r.thresholdsHeading, r.dueDayHeading, r.noteHeading, r.byHeading])
                Node.tbody {
                    for version in model.versions {
                        Node.tr {
                            Node.th(.scope("row"), text: version.settings.rules.name)
                            Node.td(.data("label", r.thresholdsHeading), text: r.thresholds(version.settings))
                            Node.td(.data("label", r.dueDayHeading), text: String(version.settings.roundDueDay))
                            Node.td(.data("label", r.noteHeading)) { s.data(version.note) }
                            Node.td(.data("label", r.byHeading), text: "\(version.createdBy)　\(version.createdAt.map(Display.beijingTime) ?? "")")
                        }
                    }
                }
            },
            model.canEdit ? .form(.method("post"), .action(SiteURL.planRules(model.plan.id).path), .class("stacked-form"), .ariaLabel(r.form)) {
                Node.h2(text: r.form)
                Forms.csrf(model.csrfToken)
                Node.input(.type("hidden"), .name("version"), .value(String(model.current.version)))
                Forms.field(r.yellowFrom, name: "yellowFrom", type: "number", value: model.form.yellowFrom, required: true, hint: r.yellowHint,
                            error: model.error("yellowFrom"), language: language)
                Forms.field(r.redFrom, name: "redFrom", type: "number", value: model.form.redFrom, required: true, hint: r.redHint,
                            error: model.error("redFrom"), language: language)
                Forms.field(r.aheadFrom, name: "aheadFrom", type: "number", value: model.form.aheadFrom, required: true,
                            error: model.error("aheadFrom"), language: language)
                Forms.field(r.blueWithinDays, name: "blueWithinDays", type: "number", value: model.form.blueWithinDays, required: true,
                            error: model.error("blueWithinDays"), language: language)
                Forms.field(r.roundDueDay, name: "roundDueDay", type: "number", value: model.form.roundDueDay, required: true, hint: r.roundDueDayHint,
                            error: model.error("roundDueDay"), language: language)
                Forms.textarea(r.note, name: "note", value: model.form.note, rows: 2, required: true, hint: r.noteHint, error: model.error("note"),
                               language: language)
                Forms.submit(r.save)
            } : .empty,
        ])
    }
}
