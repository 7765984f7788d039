import LuoshiDomain
import LuoshiHTML

/// Form parts shared by every page with a form: the CSRF field, labelled inputs that point at
/// their error, and the error summary a screen reader announces.
enum Forms {
    static let csrfFieldName = "_csrf"

    static func csrf(_ token: String) -> Node {
        .input(.type("hidden"), .name(csrfFieldName), .value(token))
    }

    /// A label and an input; when `error` names this field its message is tied to the input.
    static func field(
        _ label: String, name: String, type: String = "text", value: String = "", required: Bool = false,
        autocomplete: String? = nil, hint: String? = nil, error: DomainError?, language: Language, id customID: String? = nil
    ) -> Node {
        let id = customID ?? "field-\(name)"
        let hasError = error?.field == name
        var describedBy: [String] = []
        if hint != nil { describedBy.append("\(id)-hint") }
        if hasError { describedBy.append("\(id)-error") }
        var attributes: [Attribute] = [.type(type), .id(id), .name(name)]
        if type != "password" { attributes.append(.value(value)) }
        if required { attributes.append(.boolean("required")) }
        if let autocomplete { attributes.append(.custom("autocomplete", autocomplete)) }
        if !describedBy.isEmpty { attributes.append(.ariaDescribedBy(describedBy.joined(separator: " "))) }
        if hasError { attributes.append(.custom("aria-invalid", "true")) }
        return .div(.class(hasError ? "field field-error" : "field")) {
            Node.label(.for(id), text: label)
            if let hint { Node.p(.class("hint"), .id("\(id)-hint"), text: hint) }
            if hasError, let error { Node.p(.class("error-message"), .id("\(id)-error"), text: error.message.text(in: language)) }
            Node.voidElement("input", attributes)
        }
    }

    /// A select with its label; `options` are (value, text) pairs.
    static func select(_ label: String, name: String, options: [(value: String, text: String)], selected: String?,
                       error: DomainError?, language: Language, id customID: String? = nil) -> Node {
        let id = customID ?? "field-\(name)"
        let hasError = error?.field == name
        return .div(.class(hasError ? "field field-error" : "field")) {
            Node.label(.for(id), text: label)
            if hasError, let error { Node.p(.class("error-message"), .id("\(id)-error"), text: error.message.text(in: language)) }
            Node.element("select", hasError ? [.id(id), .name(name), .ariaDescribedBy("\(id)-error")] : [.id(id), .name(name)], options.map { option in
                option.value == selected
                    ? Node.option(.value(option.value), .boolean("selected"), text: option.text)
                    : Node.option(.value(option.value), text: option.text)
            })
        }
    }

    /// A label and a multi-line text box; `error` naming this field is tied to it as in `field`.
    static func textarea(_ label: String, name: String, value: String = "", rows: Int = 3, required: Bool = false, hint: String? = nil,
                         error: DomainError?, language: Language, id customID: String? = nil) -> Node {
        let id = customID ?? "field-\(name)"
        let hasError = error?.field == name
        var describedBy: [String] = []
        if hint != nil { describedBy.append("\(id)-hint") }
        if hasError { describedBy.append("\(id)-error") }
        var attributes: [Attribute] = [.id(id), .name(name), .custom("rows", String(rows))]
        if required { attributes.append(.boolean("required")) }
        if !describedBy.isEmpty { attributes.append(.ariaDescribedBy(describedBy.joined(separator: " "))) }
        if hasError { attributes.append(.custom("aria-invalid", "true")) }
        return .div(.class(hasError ? "field field-error" : "field")) {
            Node.label(.for(id), text: label)
            if let hint { Node.p(.class("hint"), .id("\(id)-hint"), text: hint) }
            if hasError, let error { Node.p(.class("error-message"), .id("\(id)-error"), text: error.message.text(in: language)) }
            Node.element("textarea", attributes, [.text(value)])
        }
    }

    static func checkbox(_ label: String, name: String, checked: Bool) -> Node {
        let id = "field-\(name)"
        return .div(.class("field field-check")) {
            checked ? Node.input(.type("checkbox"), .id(id), .name(name), .value("1"), .boolean("checked"))
                    : Node.input(.type("checkbox"), .id(id), .name(name), .value("1"))
            Node.label(.for(id), text: label)
        }
    }

    /// The error at the top of a form, announced by screen readers, linking to the field.
    static func errorSummary(_ error: DomainError?, language: Language) -> Node {
        guard let error else { return .empty }
        return .div(.class("error-summary"), .role("alert"), .tabindex(-1), .id("error-summary")) {
            if let field = error.field {
                Node.a(.href("#field-\(field)"), text: error.message.text(in: language))
            } else {
                Node.p(text: error.message.text(in: language))
            }
        }
    }

    /// Several errors at once, each linking to its field (`fieldID` gives the field's element id).
    static func errorSummary(_ errors: [DomainError], language: Language, fieldID: (String) -> String = { "field-\($0)" }) -> Node {
        guard errors.count > 1 else { return errorSummary(errors.first, language: language) }
        return .div(.class("error-summary"), .role("alert"), .tabindex(-1), .id("error-summary")) {
            Node.ul {
                for error in errors {
                    Node.li {
                        if let field = error.field {
                            Node.a(.href("#" + fieldID(field)), text: error.message.text(in: language))
                        } else {
                            Node.text(error.message.text(in: language))
                        }
                    }
                }
            }
        }
    }

    /// A confirmation shown after a successful action.
    static func success(_ text: String?) -> Node {
        guard let text else { return .empty }
        return .p(.class("success"), .role("status"), text: text)
    }

    static func submit(_ label: String) -> Node {
        .button(.type("submit"), text: label)
    }

    /// A one-button form that posts to `action` (sign out, revoke, unlock).
    static func button(_ label: String, action: SiteURL, csrf token: String, hidden: [(String, String)] = []) -> Node {
        .form(.method("post"), .action(action.path), .class("inline-form")) {
            csrf(token)
            for (name, value) in hidden { Node.input(.type("hidden"), .name(name), .value(value)) }
            Node.button(.type("submit"), text: label)
        }
    }
}
