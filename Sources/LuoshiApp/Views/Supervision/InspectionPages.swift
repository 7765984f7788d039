import Foundation
import LuoshiDomain
import LuoshiHTML

/// UI strings of the inspection pages (`Strings.inspections`).
struct InspectionStrings: Sendable {
    let title: String
    let none: String
    let topic: String
    let team: String
    let dates: String
    let startsOn: String
    let endsOn: String
    let tasks: String
    let tasksHint: String
    let units: String
    let unitsHint: String
    let plan: String
    let findings: String
    let noFindings: String
    let finding: String
    let task: String
    let unit: String
    let evidence: String
    let addFinding: String
    let attach: String
    let rectify: String
    let rectification: String
    let done: @Sendable (String) -> String?

    static let chinese = InspectionStrings(
        title: "专项督查", none: "暂无专项督查。", topic: "督查主题", team: "督查组成员", dates: "督查时间", startsOn: "开始日期", endsOn: "结束日期",
        tasks: "督查任务", tasksHint: "填写任务序号，用顿号或逗号分隔，如 2.1、3.4。", units: "督查单位", unitsHint: "填写单位简称，用顿号分隔；留空则为所列任务的牵头单位。",
        plan: "安排专项督查", findings: "督查发现", noFindings: "尚未记录督查发现。", finding: "发现的问题", task: "任务", unit: "单位",
        evidence: "佐证材料", addFinding: "记录督查发现", attach: "上传佐证材料", rectify: "转为限期整改", rectification: "限期整改",
        done: { done in
            switch done {
            case "planned": "专项督查已安排。"
            case "found": "督查发现已记录。"
            case "attached": "佐证材料已上传。"
            default: nil
            }
        })

    static let english = InspectionStrings(
        title: "Special inspections", none: "No inspection yet.", topic: "Topic", team: "Team", dates: "Dates", startsOn: "Starts", endsOn: "Ends",
        tasks: "Tasks inspected", tasksHint: "Task numbers separated by commas, e.g. 2.1, 3.4.", units: "Units inspected",
        unitsHint: "Units' short names separated by commas; blank: the tasks' lead units.",
        plan: "Plan an inspection", findings: "Findings", noFindings: "No finding recorded yet.", finding: "Finding", task: "Task", unit: "Unit",
        evidence: "Evidence", addFinding: "Record a finding", attach: "Attach evidence", rectify: "Turn into a rectification", rectification: "Rectification",
        done: { done in
            switch done {
            case "planned": "The inspection is planned."
            case "found": "The finding is recorded."
            case "attached": "The evidence was attached."
            default: nil
            }
        })
}

/// 专项督查 of a plan: every inspection, and (for the office) the form that plans one.
enum InspectionsPage {
    struct Entry: Sendable {
        var id: UUID
        var topic: String
        var startsOn: String
        var endsOn: String
        var findings: Int
    }

    struct Model: Sendable {
        var plan: Plan
        var entries: [Entry]
        var managesPlans: Bool
        var csrfToken: String
        var form: Inspection.Form
        var errors: [DomainError]

        func error(_ field: String) -> DomainError? { errors.first { $0.field == field } }
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, i = s.inspections, language = context.language
        return Layout.page(title: i.title, context: context, crumbs: [
            Crumb(title: s.account.workbench, url: .workbench), Crumb(title: s.supervision.title, url: .supervision(model.plan.id)), Crumb(title: i.title),
        ], content: [
            .h1(text: i.title),
            .p(s.dataLang, text: model.plan.title),
            Forms.errorSummary(model.errors, language: language),
            model.entries.isEmpty ? .p(text: i.none) : .table(.class("stack")) {
                Node.caption(.class("visually-hidden"), text: i.title)
                Tables.head([i.topic, i.dates, i.findings])
                Node.tbody {
                    for entry in model.entries {
                        Node.tr {
                            Node.th(.scope("row"), .lang("zh-CN")) { Node.a(.href(SiteURL.inspection(entry.id).path), text: entry.topic) }
                            Node.td(.data("label", i.dates), text: "\(entry.startsOn) — \(entry.endsOn)")
                            Node.td(.class("num"), .data("label", i.findings), text: String(entry.findings))
                        }
                    }
                }
            },
            model.managesPlans ? .form(.method("post"), .action(SiteURL.inspections(model.plan.id).path), .class("stacked-form"), .ariaLabel(i.plan)) {
                Node.h2(text: i.plan)
                Forms.csrf(model.csrfToken)
                Forms.field(i.topic, name: "topic", value: model.form.topic, required: true, error: model.error("topic"), language: language)
                Forms.field(i.team, name: "team", value: model.form.team, required: true, error: model.error("team"), language: language)
                Forms.field(i.startsOn, name: "startsOn", type: "date", value: model.form.startsOn, required: true, error: model.error("startsOn"), language: language)
                Forms.field(i.endsOn, name: "endsOn", type: "date", value: model.form.endsOn, required: true, error: model.error("endsOn"), language: language)
                Forms.field(i.tasks, name: "tasks", value: model.form.tasks, required: true, hint: i.tasksHint, error: model.error("tasks"), language: language)
                Forms.field(i.units, name: "units", value: model.form.units, hint: i.unitsHint, error: model.error("units"), language: language)
                Forms.submit(i.plan)
            } : .empty,
        ])
    }
}

/// One inspection: what it covers, its findings with their evidence and rectifications, and the
/// office's forms to record a finding, attach evidence and turn a finding into a rectification.
enum InspectionPage {
    struct Finding: Sendable {
        var id: UUID
        var task: PlanTask
        var unit: String
        var text: String
        var files: [SupervisionItemPage.File]
        var rectification: (id: UUID, kind: Supervision.Kind, number: String?)?
    }

    struct Model: Sendable {
        var plan: Plan
        var id: UUID
        var topic: String
        var team: String
        var startsOn: String
        var endsOn: String
        var tasks: [PlanTask]
        var units: [(id: UUID, name: String)]
        var findings: [Finding]
        var managesPlans: Bool
        var csrfToken: String
        var values: [String: String]
        var errors: [DomainError]
        var notice: String?

        func error(_ field: String) -> DomainError? { errors.first { $0.field == field } }
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, i = s.inspections, language = context.language
        return Layout.page(title: model.topic, context: context, crumbs: [
            Crumb(title: s.account.workbench, url: .workbench), Crumb(title: i.title, url: .inspections(model.plan.id)), Crumb(title: model.topic, isData: true),
        ], content: [
            .h1(.lang("zh-CN"), text: model.topic),
            Forms.success(model.notice.flatMap(i.done)),
            Forms.errorSummary(model.errors, language: language),
            .dl(.class("meta")) {
                Node.dt(text: i.team)
                Node.dd(.lang("zh-CN"), text: model.team)
                Node.dt(text: i.dates)
                Node.dd(text: "\(model.startsOn) — \(model.endsOn)")
                Node.dt(text: i.tasks)
                Node.dd { Node.ul(.class("inline-list")) { for task in model.tasks { Node.li { Node.a(.href(SiteURL.task(task.id).path), text: task.number.description) } } } }
                Node.dt(text: i.units)
                Node.dd(.lang("zh-CN"), text: model.units.map(\.name).joined(separator: "、"))
            },
            .h2(text: "\(i.findings)（\(model.findings.count)）"),
            model.findings.isEmpty ? .p(text: i.noFindings) : .fragment(model.findings.map { finding(model, $0, context) }),
            model.managesPlans ? .form(.method("post"), .action(SiteURL.inspectionFindings(model.id).path), .class("stacked-form"), .ariaLabel(i.addFinding)) {
                Node.h2(text: i.addFinding)
                Forms.csrf(model.csrfToken)
                Forms.select(i.task, name: "taskID", options: model.tasks.map { ($0.id.uuidString, "\($0.number)　\($0.content.prefix(36))") },
                             selected: model.values["taskID"], error: model.error("taskID"), language: language)
                Forms.select(i.unit, name: "unitID", options: model.units.map { ($0.id.uuidString, $0.name) }, selected: model.values["unitID"],
                             error: model.error("unitID"), language: language)
                Forms.textarea(i.finding, name: "text", value: model.values["text"] ?? "", rows: 3, required: true, error: model.error("text"), language: language)
                Forms.submit(i.addFinding)
            } : .empty,
        ])
    }

    private static func finding(_ model: Model, _ finding: Finding, _ context: PageContext) -> Node {
        let i = context.strings.inspections, language = context.language
        return .div(.class("card")) {
            Node.h3 {
                Node.text("\(finding.task.number)　")
                Node.span(.lang("zh-CN"), text: finding.unit)
            }
            Node.p(.lang("zh-CN"), text: finding.text)
            if !finding.files.isEmpty {
                Node.p {
                    Node.text("\(i.evidence)：")
                    for file in finding.files { Node.a(.href(SiteURL.supervisionFile(file.id).path), text: file.name); Node.text(" ") }
                }
            }
            if let rectification = finding.rectification {
                Node.p {
                    Node.text("\(i.rectification)：")
                    Node.a(.href(SiteURL.supervisionItem(rectification.id).path),
                           text: rectification.number ?? rectification.kind.text.text(in: language))
                }
            }
            if model.managesPlans {
                Node.form(.method("post"), .action(SiteURL.inspectionFindingFiles(finding.id).path), .custom("enctype", "multipart/form-data"),
                          .class("stacked-form"), .ariaLabel("\(i.attach)：\(finding.task.number) \(finding.unit)")) {
                    Forms.csrf(model.csrfToken)
                    Forms.field(i.attach, name: "file", type: "file", error: model.error("file"), language: language, id: "file-\(finding.id.uuidString.lowercased())")
                    Forms.submit(i.attach)
                }
                if finding.rectification == nil {
                    Node.form(.method("post"), .action(SiteURL.inspectionFindingRectify(finding.id).path), .class("inline-form")) {
                        Forms.csrf(model.csrfToken)
                        Node.button(.type("submit"), .ariaLabel("\(i.rectify)：\(finding.task.number) \(finding.unit)"), text: i.rectify)
                    }
                }
            }
        }
    }
}
