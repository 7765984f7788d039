import LuoshiDomain
import LuoshiHTML

/// One record in one form: a task, a unit, a leader, a part, a plan's own fields. Every field is
/// labelled, a refused save shows every problem at the top and beside its field, and what was
/// typed stays in the form. Hidden fields carry the version the form was made from.
enum RecordFormPage {
    enum Input: Sendable {
        case text(type: String = "text")
        case textarea(rows: Int)
        case select([Option])
    }

    struct Option: Sendable {
        var value: String
        var text: String
    }

    struct Field: Sendable {
        var label: String
        var name: String
        var value: String
        var input: Input = .text()
        var required = false
        var hint: String?
    }

    struct Model: Sendable {
        var title: String
        /// A line under the heading (the plan's title, a notice).
        var subtitle: String?
        var subtitleIsData = true
        var crumbs: [Crumb]
        var action: SiteURL
        var hidden: [(name: String, value: String)] = []
        var fields: [Field]
        var submit: String
        var errors: [DomainError]
        var csrfToken: String
        /// Shown instead of the form's fields when nothing may be saved (e.g. an issued plan).
        var lockedReason: String?

        func error(_ name: String) -> DomainError? { errors.first { $0.field == name } }
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, language = context.language
        return Layout.page(title: model.title, context: context, crumbs: model.crumbs, content: [
            .h1(text: model.title),
            model.subtitle.map { model.subtitleIsData ? Node.p(s.dataLang, text: $0) : Node.p(text: $0) } ?? .empty,
            Forms.errorSummary(model.errors, language: language),
            model.lockedReason.map { Node.p(.class("lead"), text: $0) } ?? .empty,
            .form(.method("post"), .action(model.action.path), .class("stacked-form")) {
                Forms.csrf(model.csrfToken)
                for (name, value) in model.hidden { Node.input(.type("hidden"), .name(name), .value(value)) }
                for field in model.fields {
                    switch field.input {
                    case .text(let type):
                        Forms.field(field.label, name: field.name, type: type, value: field.value, required: field.required, hint: field.hint,
                                    error: model.error(field.name), language: language)
                    case .textarea(let rows):
                        Forms.textarea(field.label, name: field.name, value: field.value, rows: rows, required: field.required, hint: field.hint,
                                       error: model.error(field.name), language: language)
                    case .select(let options):
                        Forms.select(field.label, name: field.name, options: options.map { ($0.value, $0.text) }, selected: field.value,
                                     error: model.error(field.name), language: language)
                    }
                }
                if model.lockedReason == nil { Forms.submit(model.submit) }
            },
        ])
    }
}
