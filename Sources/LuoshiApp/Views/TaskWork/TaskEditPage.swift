import Foundation
import LuoshiDomain
import LuoshiHTML

/// 编辑任务 / 新增任务 (supervision office, before issue): every field of one task in one form.
enum TaskEditPage {
    struct Model: Sendable {
        var plan: Plan
        /// nil for a new task.
        var taskID: UUID?
        var number: String?
        var version: Int?
        var form: TaskForm
        var csrfToken: String
        var errors: [DomainError]

        func error(_ field: String) -> DomainError? { errors.first { $0.field == field } }
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, w = s.taskWork, language = context.language
        let heading = model.number.map(w.editHeading) ?? w.newTask
        let action: SiteURL = model.taskID.map(SiteURL.taskEdit) ?? .planNewTask(model.plan.id)
        let form = model.form
        return Layout.page(title: heading, context: context, crumbs: [
            Crumb(title: s.planManage.title, url: .planManage(model.plan.id)), Crumb(title: heading),
        ], content: [
            .h1(text: heading),
            .p(s.dataLang, text: model.plan.title),
            Forms.errorSummary(model.errors, language: language),
            TaskEditing.editProblem(model.plan).map { Node.p(text: $0.message.text(in: language)) } ?? .empty,
            .form(.method("post"), .action(action.path), .class("stacked-form")) {
                Forms.csrf(model.csrfToken)
                if let version = model.version { Node.input(.type("hidden"), .name("version"), .value(String(version))) }
                Forms.field(s.number, name: "number", value: form.number, required: true, hint: w.numberHint, error: model.error("number"), language: language)
                Forms.textarea(s.content, name: "content", value: form.content, rows: 4, required: true, error: model.error("content"), language: language)
                Forms.select(w.kindLabel, name: "kind", options: TaskKind.allCases.map { ($0.rawValue, s.taskKind($0)) }, selected: form.kind,
                             error: model.error("kind"), language: language)
                Forms.field(s.deadline, name: "deadline", type: "date", value: form.deadline, hint: w.deadlineHint, error: model.error("deadline"), language: language)
                Forms.textarea(s.annualTarget, name: "annualTarget", value: form.annualTarget, error: model.error("annualTarget"), language: language)
                Forms.textarea(s.measures, name: "measures", value: form.measures, rows: 4, error: model.error("measures"), language: language)
                Forms.field(s.leadUnits, name: "leadUnits", value: form.leadUnits, required: true, hint: w.unitsHint, error: model.error("leadUnits"), language: language)
                Forms.field(s.cooperatingUnits, name: "cooperatingUnits", value: form.cooperatingUnits, hint: w.unitsHint,
                            error: model.error("cooperatingUnits"), language: language)
                Forms.field(s.leaders, name: "leaders", value: form.leaders, hint: w.leadersHint, error: model.error("leaders"), language: language)
                Forms.textarea(s.milestones, name: "milestones", value: form.milestones, rows: 4, hint: w.milestonesHint,
                               error: model.error("milestones"), language: language)
                Forms.submit(w.saveTask)
            },
        ])
    }
}
