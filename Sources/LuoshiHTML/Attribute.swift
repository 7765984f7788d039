/// One attribute of an element. Names are compile-time literals; values are escaped on render.
/// A URL attribute whose value is not a safe URL is dropped (`isDropped`).
public struct Attribute: Sendable {
    let name: String
    /// `nil` renders a boolean attribute (`hidden`, `required`).
    let value: String?
    let isDropped: Bool

    init(name: String, value: String?, isDropped: Bool = false) {
        self.name = name
        self.value = value
        self.isDropped = isDropped
    }

    /// Any attribute with a literal name. Use the named helpers below when one exists.
    /// Event-handler names (`on…`) are refused at run time: scripts never come from attributes.
    public static func custom(_ name: StaticString, _ value: String) -> Attribute {
        let key = name.description
        return Attribute(name: key, value: value, isDropped: key.lowercased().hasPrefix("on"))
    }

    public static func boolean(_ name: StaticString) -> Attribute {
        Attribute(name: name.description, value: nil)
    }

    public static func `class`(_ value: String) -> Attribute { Attribute(name: "class", value: value) }
    public static func id(_ value: String) -> Attribute { Attribute(name: "id", value: value) }
    public static func lang(_ value: String) -> Attribute { Attribute(name: "lang", value: value) }
    public static func title(_ value: String) -> Attribute { Attribute(name: "title", value: value) }
    public static func role(_ value: String) -> Attribute { Attribute(name: "role", value: value) }
    public static func name(_ value: String) -> Attribute { Attribute(name: "name", value: value) }
    public static func content(_ value: String) -> Attribute { Attribute(name: "content", value: value) }
    public static func charset(_ value: String) -> Attribute { Attribute(name: "charset", value: value) }
    public static func rel(_ value: String) -> Attribute { Attribute(name: "rel", value: value) }
    public static func type(_ value: String) -> Attribute { Attribute(name: "type", value: value) }
    public static func value(_ value: String) -> Attribute { Attribute(name: "value", value: value) }
    public static func alt(_ value: String) -> Attribute { Attribute(name: "alt", value: value) }
    public static func scope(_ value: String) -> Attribute { Attribute(name: "scope", value: value) }
    public static func method(_ value: String) -> Attribute { Attribute(name: "method", value: value) }
    public static func `for`(_ value: String) -> Attribute { Attribute(name: "for", value: value) }
    public static func tabindex(_ value: Int) -> Attribute { Attribute(name: "tabindex", value: String(value)) }
    public static func colspan(_ value: Int) -> Attribute { Attribute(name: "colspan", value: String(value)) }
    public static func datetime(_ value: String) -> Attribute { Attribute(name: "datetime", value: value) }
    public static func hreflang(_ value: String) -> Attribute { Attribute(name: "hreflang", value: value) }
    public static func viewBox(_ value: String) -> Attribute { Attribute(name: "viewBox", value: value) }
    public static func ariaLabel(_ value: String) -> Attribute { Attribute(name: "aria-label", value: value) }
    public static func ariaLabelledBy(_ value: String) -> Attribute { Attribute(name: "aria-labelledby", value: value) }
    public static func ariaDescribedBy(_ value: String) -> Attribute { Attribute(name: "aria-describedby", value: value) }
    public static func ariaCurrent(_ value: String) -> Attribute { Attribute(name: "aria-current", value: value) }
    public static func ariaHidden() -> Attribute { Attribute(name: "aria-hidden", value: "true") }
    /// `data-…` with a literal suffix.
    public static func data(_ name: StaticString, _ value: String) -> Attribute {
        Attribute(name: "data-" + name.description, value: value)
    }

    /// `href`, kept only for a safe URL (see `SafeURL`).
    public static func href(_ url: String) -> Attribute { urlAttribute("href", url) }
    public static func src(_ url: String) -> Attribute { urlAttribute("src", url) }
    public static func action(_ url: String) -> Attribute { urlAttribute("action", url) }

    static func urlAttribute(_ name: String, _ url: String) -> Attribute {
        if let safe = SafeURL.validated(url) {
            return Attribute(name: name, value: safe)
        }
        return Attribute(name: name, value: nil, isDropped: true)
    }
}

/// The URL policy for `href`, `src` and `action`: relative references and the http, https,
/// mailto and tel schemes only. Anything else (`javascript:`, `data:`, `vbscript:` …) is refused.
public enum SafeURL {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    public static func validated(_ url: String) -> String? {
        // Fast path for what views write most: a root-relative path ("/tasks/…") whose first
        // character is "/" cannot start a scheme, unless it is "//" (a scheme-relative URL, which
        // the full check below handles like any other).
        let bytes = url.utf8
        if bytes.first == 0x2F, bytes.dropFirst().first != 0x2F, bytes.dropFirst().first != 0x5C {
            return url
        }
        // Browsers ignore ASCII whitespace and control characters inside a scheme, so strip
        // them before looking for one ("java\tscript:" is still javascript:).
        let significant = url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        let normalized = String(String.UnicodeScalarView(significant))
        guard let colon = normalized.firstIndex(of: ":") else { return url }
        let beforeColon = normalized[..<colon]
        // A colon after the first "/", "?" or "#" belongs to a path, query or fragment.
        if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return url }
        return allowedSchemes.contains(beforeColon.lowercased()) ? url : nil
    }
}
