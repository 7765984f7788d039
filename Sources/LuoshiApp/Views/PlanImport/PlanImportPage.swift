import Foundation
import LuoshiDomain
import LuoshiHTML

/// 导入方案: upload a 分工方案 spreadsheet, see how every row was read and every problem with its
/// sheet, row and column, then apply it (all or nothing) as a draft plan.
enum PlanImportPage {
    struct Model: Sendable {
        var jurisdictions: [(code: String, name: String)]
        var year: Int
        var csrfToken: String
        var error: DomainError?
        /// After an upload: the stored import and its reading.
        var importID: UUID?
        var fileName: String?
        var reading: PlanSheetImport.Reading?
        var problems: [PlanSheetImport.Problem] = []
        var newUnits: [String] = []
        var newLeaders: [String] = []
        /// Errors of the name-mapping form, each naming its select.
        var errors: [DomainError] = []
        var notice: String?
        /// Names the directory lacks, and the directory's units to map them to.
        var unknownUnits: [String] = []
        var directory: [(id: UUID, name: String)] = []
        /// The stored plan this sheet would update, with the changes.
        var existing: PlanFiles.Existing?
        var applied = false
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, p = s.planImport
        return Layout.page(title: p.title, context: context, content: [
            .h1(text: p.title),
            .p(.class("hint"), text: p.explanation),
            Forms.success(model.notice),
            model.errors.isEmpty ? Forms.errorSummary(model.error, language: context.language)
                                 : Forms.errorSummary(model.errors, language: context.language),
            model.reading.map { result($0, model, context) } ?? .empty,
            .h2(text: p.uploadHeading),
            uploadForm(model, context),
        ])
    }

    private static func uploadForm(_ model: Model, _ context: PageContext) -> Node {
        let p = context.strings.planImport
        let language = context.language
        return .form(.method("post"), .action(SiteURL.planImport.path), .custom("enctype", "multipart/form-data"), .class("stacked-form")) {
            Forms.csrf(model.csrfToken)
            Forms.field(p.file, name: "file", type: "file", required: true, hint: p.fileHint, error: model.error, language: language)
            Forms.select(p.jurisdiction, name: "jurisdiction", options: model.jurisdictions.map { (value: $0.code, text: "\($0.name)（\($0.code)）") },
                         selected: model.jurisdictions.first?.code, error: model.error, language: language)
            Forms.field(p.year, name: "year", type: "number", value: String(model.year), required: true, error: model.error, language: language)
            Forms.field(p.planTitle, name: "title", hint: p.planTitleHint, error: model.error, language: language)
            Forms.checkbox(p.createMissing, name: "createMissing", checked: false)
            Forms.submit(p.dryRun)
        }
    }

    private static func result(_ reading: PlanSheetImport.Reading, _ model: Model, _ context: PageContext) -> Node {
        let s = context.strings, p = s.planImport
        return .section(.ariaLabelledBy("dry-run-heading")) {
            Node.h2(.id("dry-run-heading"), text: p.dryRunHeading(model.fileName ?? ""))
            Node.p(text: p.summary(reading.parts.count, reading.tasks.count))
            if !model.problems.isEmpty {
                Node.div(.class("error-summary"), .role("alert")) {
                    Node.p(text: p.problemsFound(model.problems.count))
                    Node.ul {
                        for problem in model.problems {
                            Node.li {
                                Node.strong(text: problem.location)
                                Node.text(" " + problem.message.text(in: context.language))
                            }
                        }
                    }
                }
            }
            nameMapping(model, context)
            if let existing = model.existing { comparison(existing, context) }
            if model.problems.isEmpty, let id = model.importID, !model.applied, model.existing?.refusal == nil {
                if !model.newUnits.isEmpty { Node.p(text: p.willCreateUnits(model.newUnits.joined(separator: "、"))) }
                if !model.newLeaders.isEmpty { Node.p(text: p.willCreateLeaders(model.newLeaders.joined(separator: "、"))) }
                if let existing = model.existing {
                    Forms.button(p.applyUpdate, action: .planImportApply(id), csrf: model.csrfToken, hidden: [("basis", existing.basis)])
                } else {
                    Forms.button(p.apply, action: .planImportApply(id), csrf: model.csrfToken)
                }
            }
            for part in reading.parts {
                Node.table(.class("stack")) {
                    Node.caption(s.dataLang, text: "\(s.partTitle(part.number))　\(part.title)")
                    Tables.head([s.number, p.source, s.content, s.leadUnits, s.cooperatingUnits, s.leaders, s.deadlineOrTarget])
                    Node.tbody {
                        for row in part.tasks {
                            Node.tr {
                                Node.th(.scope("row"), text: row.number.description)
                                Node.td(.data("label", p.source), text: "\(row.sheet)!\(row.row)")
                                Node.td(.data("label", s.content)) { s.data(row.content) }
                                Node.td(.data("label", s.leadUnits)) { s.data(row.leadUnits.joined(separator: "、")) }
                                Node.td(.data("label", s.cooperatingUnits)) { s.data(row.cooperatingUnits.joined(separator: "、")) }
                                Node.td(.data("label", s.leaders)) { s.data(row.leaders.joined(separator: "、")) }
                                Node.td(.data("label", s.deadlineOrTarget),
                                        text: row.kind == .ongoing ? s.taskKind(.ongoing) : row.deadline?.iso ?? "")
                            }
                        }
                    }
                }
            }
        }
    }
}

extension PlanImportPage {
    /// Unknown unit names, each with a choice of the directory's units; a choice is remembered as an alias.
    static func nameMapping(_ model: Model, _ context: PageContext) -> Node {
        let s = context.strings, p = s.planImport
        guard !model.unknownUnits.isEmpty, let id = model.importID, !model.applied, !model.directory.isEmpty else { return .empty }
        let options = [(value: "", text: p.noMapping)] + model.directory.map { (value: $0.id.uuidString, text: $0.name) }
        return .section(.ariaLabelledBy("name-mapping")) {
            Node.h3(.id("name-mapping"), text: p.mappingHeading)
            Node.p(.class("hint"), text: p.mappingHint)
            Node.form(.method("post"), .action(SiteURL.planImportAliases(id).path), .class("stacked-form")) {
                Forms.csrf(model.csrfToken)
                for (index, name) in model.unknownUnits.enumerated() {
                    Node.input(.type("hidden"), .name("name.\(index)"), .value(name))
                    Forms.select(p.mapName(name), name: "unit.\(index)", options: options, selected: nil,
                                 error: model.errors.first { $0.field == "unit.\(index)" }, language: context.language)
                }
                Forms.submit(p.saveMapping)
            }
        }
    }

    /// What applying this sheet would change in the stored plan of the same year.
    static func comparison(_ existing: PlanFiles.Existing, _ context: PageContext) -> Node {
        let s = context.strings, p = s.planImport
        let (added, removed, changed) = PlanDiff.summary(existing.changes)
        return .section(.ariaLabelledBy("update-preview")) {
            Node.h3(.id("update-preview"), text: p.updateHeading)
            Node.p(text: p.updateSummary(existing.plan.title, added, removed, changed))
            if !existing.partChanges.isEmpty {
                Node.ul {
                    for part in existing.partChanges {
                        Node.li(text: p.partChange(part.number, part.before, part.after))
                    }
                }
            }
            if !existing.changes.isEmpty {
                PlanDiffTable.render(existing.changes, caption: p.updateHeading, s)
            }
        }
    }
}

/// UI strings of plan import and export: part of the one catalogue (`Strings.planImport`).
struct PlanImportStrings: Sendable {
    let title: String
    let explanation: String
    let uploadHeading: String
    let file: String
    let fileHint: String
    let jurisdiction: String
    let year: String
    let planTitle: String
    let planTitleHint: String
    let createMissing: String
    let dryRun: String
    let apply: String
    let applyUpdate: String
    let source: String
    let mappingHeading: String
    let mappingHint: String
    let mapName: @Sendable (String) -> String
    let noMapping: String
    let saveMapping: String
    let aliasesSaved: String
    let updateHeading: String
    let updateSummary: @Sendable (_ title: String, _ added: Int, _ removed: Int, _ changed: Int) -> String
    let partChange: @Sendable (Int, String?, String?) -> String
    let dryRunHeading: @Sendable (String) -> String
    let summary: @Sendable (Int, Int) -> String
    let problemsFound: @Sendable (Int) -> String
    let willCreateUnits: @Sendable (String) -> String
    let willCreateLeaders: @Sendable (String) -> String
    let export: String
    let exportXLSX: String
    let exportCSV: String

    static let chinese = PlanImportStrings(
        title: "导入方案",
        explanation: "上传《重点工作任务分解方案》表格（.xlsx 或 .csv，UTF-8 或 GBK 编码）。系统先试导入并逐行显示解读结果和问题（工作表、行、列），确认无误后整体导入为草稿方案；有任何问题都不会写入。",
        uploadHeading: "上传表格", file: "表格文件", fileHint: "支持 .xlsx、.csv，最大 20 MB。表头可包含：序号、工作任务、牵头县领导、牵头单位、配合单位、完成时限。",
        jurisdiction: "行政区划", year: "年度", planTitle: "方案名称", planTitleHint: "留空则为“某年政府工作报告重点工作任务分解方案”",
        createMissing: "新建名录中没有的单位和县领导", dryRun: "试导入", apply: "确认导入为草稿方案", applyUpdate: "确认按表格更新方案", source: "来源",
        mappingHeading: "单位名称对照",
        mappingHint: "表格中的以下单位名称不在单位名录中。可将其对应到已有单位，系统会记住这一别称，今后导入自动识别；不对应的名称须新建单位或修改表格。",
        mapName: { "“\($0)”对应的单位" }, noMapping: "不对应", saveMapping: "保存名称对照", aliasesSaved: "名称对照已保存，以下为重新试导入的结果。",
        updateHeading: "与现有方案比较",
        updateSummary: { title, added, removed, changed in "该年度已有方案“\(title)”。按任务编号比较，确认后将新增 \(added) 项、删除 \(removed) 项、修改 \(changed) 项任务。" },
        partChange: { number, before, after in
            switch (before, after) {
            case (nil, let after?): "新增第 \(number) 部分：\(after)"
            case (let before?, nil): "删除第 \(number) 部分：\(before)"
            default: "第 \(number) 部分标题由“\(before ?? "")”改为“\(after ?? "")”"
            }
        },
        dryRunHeading: { "试导入结果：\($0)" },
        summary: { parts, tasks in "共解读出 \(parts) 个部分、\(tasks) 项任务。" },
        problemsFound: { "发现 \($0) 个问题，请修改表格后重新上传（或勾选新建单位）：" },
        willCreateUnits: { "将新建单位：\($0)" }, willCreateLeaders: { "将新建县领导：\($0)" },
        export: "导出", exportXLSX: "导出 Excel（.xlsx）", exportCSV: "导出 CSV")

    static let english = PlanImportStrings(
        title: "Import a plan",
        explanation: "Upload a task decomposition plan spreadsheet (.xlsx or .csv, UTF-8 or GBK). A dry run shows how every row was read and every problem (sheet, row, column); once it is clean you apply it as a draft plan, all at once. Nothing is written while there is a problem.",
        uploadHeading: "Upload a spreadsheet", file: "Spreadsheet", fileHint: ".xlsx or .csv, at most 20 MB. Header words such as 序号, 工作任务, 牵头县领导, 牵头单位, 配合单位, 完成时限.",
        jurisdiction: "Jurisdiction", year: "Year", planTitle: "Plan title", planTitleHint: "Empty: \"YYYY年政府工作报告重点工作任务分解方案\"",
        createMissing: "Create units and leaders the directory lacks", dryRun: "Dry run", apply: "Apply as a draft plan", applyUpdate: "Apply the changes to the plan", source: "Source",
        mappingHeading: "Unit names",
        mappingHint: "These unit names are not in the directory. Map each to a known unit and it is remembered as an alias for later imports; names left unmapped need a new unit or a fixed sheet.",
        mapName: { "Unit for \"\($0)\"" }, noMapping: "Not mapped", saveMapping: "Save the mapping", aliasesSaved: "The mapping was saved; below is the dry run read again.",
        updateHeading: "Compared with the existing plan",
        updateSummary: { title, added, removed, changed in "A plan for this year exists (\(title)). Matched by task number, applying adds \(added), removes \(removed) and changes \(changed) tasks." },
        partChange: { number, before, after in
            switch (before, after) {
            case (nil, let after?): "New part \(number): \(after)"
            case (let before?, nil): "Part \(number) removed: \(before)"
            default: "Part \(number) retitled from \"\(before ?? "")\" to \"\(after ?? "")\""
            }
        },
        dryRunHeading: { "Dry run: \($0)" },
        summary: { parts, tasks in "Read \(parts) parts and \(tasks) tasks." },
        problemsFound: { "\($0) problems: fix the sheet and upload it again (or allow creating units):" },
        willCreateUnits: { "Units to create: \($0)" }, willCreateLeaders: { "Leaders to create: \($0)" },
        export: "Export", exportXLSX: "Export Excel (.xlsx)", exportCSV: "Export CSV")
}
