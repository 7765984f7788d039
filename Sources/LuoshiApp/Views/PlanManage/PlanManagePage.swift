import Foundation
import LuoshiDomain
import LuoshiHTML

/// 方案管理 (supervision office): the plan's stage, the next lifecycle step, its versions and
/// the differences between any two of them.
enum PlanManagePage {
    struct Version: Sendable {
        var number: Int
        var status: Plan.Status
        var createdAt: Date?
        var createdBy: String
    }

    struct Model: Sendable {
        var plan: Plan
        var version: Int
        var versions: [Version]
        var comparison: (from: Int, to: Int, changes: [PlanDiff.Change])?
        var parts: [Part] = []
        var taskCounts: [Int: Int] = [:]
        var csrfToken: String
        var error: DomainError?
        var today: CalendarDate
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, m = s.planManage
        let plan = model.plan
        return Layout.page(title: m.title, context: context, crumbs: [Crumb(title: plan.title, url: .plan(plan.id), isData: true), Crumb(title: m.title)], content: [
            .h1(s.dataLang, text: plan.title),
            Forms.errorSummary(model.error, language: context.language),
            .dl(.class("meta")) {
                Node.dt(text: s.status)
                Node.dd(text: s.planStatus(plan.status))
                for status in Plan.Status.allCases {
                    if let date = plan.stages.date(of: status) {
                        Node.dt(text: s.stage(status))
                        Node.dd { Node.time(.datetime(date.iso), text: date.iso) }
                    }
                }
            },
            .ul {
                Node.li { Node.a(.href(SiteURL.planExport(plan.id, format: "xlsx").path), text: s.planImport.exportXLSX) }
                Node.li { Node.a(.href(SiteURL.planCharters(plan.id).path), text: s.taskWork.overviewLink) }
                if plan.status == .issued {
                    Node.li { Node.a(.href(SiteURL.interpretationEdit(plan.id).path), text: s.disclosure.interpretation) }
                }
                if plan.status != .issued {
                    Node.li { Node.a(.href(SiteURL.planEdit(plan.id).path), text: s.directory.editPlan) }
                    Node.li { Node.a(.href(SiteURL.partNew(plan.id).path), text: s.directory.newPart) }
                    Node.li { Node.a(.href(SiteURL.planNewTask(plan.id).path), text: s.taskWork.newTask) }
                }
            },
            parts(model, context),
            nextStep(model, context),
            disclosure(model, context),
            versions(model, context),
            comparison(model, context),
        ])
    }

    /// The plan's parts and their task counts, with edit links before issue.
    private static func parts(_ model: Model, _ context: PageContext) -> Node {
        let s = context.strings
        guard !model.parts.isEmpty else { return .empty }
        return .fragment {
            Node.h2(text: s.tasksByPart)
            Node.ul {
                for part in model.parts {
                    Node.li {
                        Node.text("\(s.partTitle(part.number))　")
                        s.data(part.title)
                        Node.text("（\(s.taskCount(model.taskCounts[part.number] ?? 0))）")
                        if model.plan.status != .issued {
                            Node.text("　")
                            Node.a(.href(SiteURL.partEdit(planID: model.plan.id, number: part.number).path),
                                   .ariaLabel(s.directory.editPart(part.number)), text: s.directory.edit)
                        }
                    }
                }
            }
        }
    }

    private static func nextStep(_ model: Model, _ context: PageContext) -> Node {
        let s = context.strings, m = s.planManage, language = context.language
        let step: String? = switch model.plan.status {
        case .draft: "circulate"
        case .consultation: "approve"
        case .approved: "issue"
        case .issued: nil
        }
        guard let step else { return .p(text: m.issuedAlready) }
        return .fragment {
            Node.h2(text: m.nextStep)
            Node.form(.method("post"), .action(SiteURL.planTransition(model.plan.id).path), .class("stacked-form")) {
                Forms.csrf(model.csrfToken)
                Node.input(.type("hidden"), .name("step"), .value(step))
                Node.input(.type("hidden"), .name("version"), .value(String(model.version)))
                Forms.field(m.date, name: "date", type: "date", value: model.today.iso, required: true, error: model.error, language: language)
                if step == "approve" {
                    Forms.field(m.meeting, name: "meeting", required: true, hint: m.meetingHint, error: model.error, language: language)
                }
                if step == "issue" {
                    Forms.field(m.documentNumber, name: "documentNumber", required: true, hint: m.documentNumberHint, error: model.error, language: language)
                }
                Forms.submit(m.stepLabel(step))
            }
        }
    }

    /// 公开信息: what the public metadata block says of the plan besides its stages.
    private static func disclosure(_ model: Model, _ context: PageContext) -> Node {
        let s = context.strings, d = s.disclosure, language = context.language, plan = model.plan
        return .fragment {
            Node.h2(text: d.metadata)
            Node.p(text: "\(d.indexNumber)：\(plan.indexNumber ?? s.none)")
            Node.form(.method("post"), .action(SiteURL.planDisclosure(plan.id).path), .class("stacked-form")) {
                Forms.csrf(model.csrfToken)
                Node.input(.type("hidden"), .name("version"), .value(String(model.version)))
                Forms.field(d.subjectWords, name: "subjectWords", value: plan.subjectWords ?? "", error: model.error, language: language)
                Forms.select(d.disclosureMode, name: "disclosureMode",
                             options: Disclosure.Mode.allCases.map { ($0.rawValue, $0.text.text(in: language)) }, selected: plan.disclosureMode.rawValue,
                             error: model.error, language: language)
                Forms.field(d.writtenOn, name: "writtenOn", type: "date", value: plan.writtenOn?.iso ?? "", error: model.error, language: language)
                Forms.select(d.validity, name: "validity",
                             options: Disclosure.Validity.allCases.map { ($0.rawValue, $0.text.text(in: language)) }, selected: plan.validity.rawValue,
                             error: model.error, language: language)
                Forms.submit(d.saveMetadata)
            }
        }
    }

    private static func versions(_ model: Model, _ context: PageContext) -> Node {
        let s = context.strings, m = s.planManage
        return .fragment {
            Node.h2(text: m.versions)
            Node.table(.class("stack")) {
                Node.caption(.class("visually-hidden"), text: m.versions)
                Tables.head([m.versionNumber, s.status, m.savedAt, m.savedBy])
                Node.tbody {
                    for version in model.versions {
                        Node.tr {
                            Node.th(.scope("row"), text: "v\(version.number)")
                            Node.td(.data("label", s.status), text: s.planStatus(version.status))
                            Node.td(.data("label", m.savedAt), text: version.createdAt.map(Display.beijingTime) ?? "")
                            Node.td(.data("label", m.savedBy), text: version.createdBy)
                        }
                    }
                }
            }
            if model.versions.count > 1 {
                Node.form(.method("get"), .action(SiteURL.planManage(model.plan.id).path), .class("filter-form"), .ariaLabel(m.compare)) {
                    let options = model.versions.map { (value: String($0.number), text: "v\($0.number)") }
                    Forms.select(m.from, name: "from", options: options, selected: String(model.versions[model.versions.count - 2].number),
                                 error: nil, language: context.language)
                    Forms.select(m.to, name: "to", options: options, selected: String(model.versions[model.versions.count - 1].number),
                                 error: nil, language: context.language)
                    Forms.submit(m.compare)
                }
            }
        }
    }

    private static func comparison(_ model: Model, _ context: PageContext) -> Node {
        guard let comparison = model.comparison else { return .empty }
        let s = context.strings, m = s.planManage
        return .section(.ariaLabelledBy("comparison")) {
            Node.h2(.id("comparison"), text: m.comparisonHeading(comparison.from, comparison.to))
            if comparison.changes.isEmpty {
                Node.p(text: m.noChanges)
            } else {
                PlanDiffTable.render(comparison.changes, caption: m.comparisonHeading(comparison.from, comparison.to), s)
            }
        }
    }
}

/// UI strings of plan management: part of the one catalogue (`Strings.planManage`).
struct PlanManageStrings: Sendable {
    let title: String
    let nextStep: String
    let issuedAlready: String
    let date: String
    let meeting: String
    let meetingHint: String
    let documentNumber: String
    let documentNumberHint: String
    let stepLabel: @Sendable (String) -> String
    let versions: String
    let versionNumber: String
    let savedAt: String
    let savedBy: String
    let compare: String
    let from: String
    let to: String
    let comparisonHeading: @Sendable (Int, Int) -> String
    let noChanges: String
    let change: String
    let before: String
    let after: String
    let changeLabel: @Sendable (PlanDiff.Change.Kind, String?) -> String
    let manageLink: String

    static let fieldNamesZh = ["content": "任务内容", "kind": "任务类型", "deadline": "完成时限", "annualTarget": "年度目标", "measures": "工作措施",
                               "leadUnits": "牵头单位", "cooperatingUnits": "配合单位", "leaders": "责任领导", "milestones": "节点计划"]
    static let fieldNamesEn = ["content": "content", "kind": "kind", "deadline": "deadline", "annualTarget": "annual target", "measures": "measures",
                               "leadUnits": "lead units", "cooperatingUnits": "cooperating units", "leaders": "leaders", "milestones": "milestones"]

    static let chinese = PlanManageStrings(
        title: "方案管理", nextStep: "下一步", issuedAlready: "方案已印发，基准已冻结；此后调整目标或时限须经变更审批。",
        date: "日期", meeting: "审议会议", meetingHint: "如“县政府2023年第一次常务会议”", documentNumber: "文号", documentNumberHint: "如“沂政办字〔2023〕6号”",
        stepLabel: { step in
            switch step {
            case "circulate": "印发征求意见稿"
            case "approve": "记录审议通过"
            default: "印发方案"
            }
        },
        versions: "版本记录", versionNumber: "版本", savedAt: "保存时间（北京时间）", savedBy: "操作人", compare: "比较版本", from: "从", to: "到",
        comparisonHeading: { "v\($0) 与 v\($1) 的差异" }, noChanges: "两个版本的任务没有差异。", change: "变化", before: "原内容", after: "新内容",
        changeLabel: { kind, field in
            switch kind {
            case .added: "新增任务"
            case .removed: "删除任务"
            case .changed: "修改：\(fieldNamesZh[field ?? ""] ?? field ?? "")"
            }
        },
        manageLink: "管理")

    static let english = PlanManageStrings(
        title: "Manage the plan", nextStep: "Next step", issuedAlready: "The plan is issued and its baseline frozen; targets and deadlines now change only by approved request.",
        date: "Date", meeting: "Approving meeting", meetingHint: "e.g. 县政府2023年第一次常务会议", documentNumber: "Document number", documentNumberHint: "e.g. 沂政办字〔2023〕6号",
        stepLabel: { step in
            switch step {
            case "circulate": "Circulate for comments"
            case "approve": "Record the approval"
            default: "Issue the plan"
            }
        },
        versions: "Versions", versionNumber: "Version", savedAt: "Saved (Beijing time)", savedBy: "By", compare: "Compare versions", from: "From", to: "To",
        comparisonHeading: { "Differences between v\($0) and v\($1)" }, noChanges: "The two versions have the same tasks.", change: "Change", before: "Before", after: "After",
        changeLabel: { kind, field in
            switch kind {
            case .added: "Task added"
            case .removed: "Task removed"
            case .changed: "Changed: \(fieldNamesEn[field ?? ""] ?? field ?? "")"
            }
        },
        manageLink: "Manage")
}
