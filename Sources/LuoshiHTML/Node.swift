/// A node of an HTML document.
///
/// Text and attribute values are escaped when rendered; tag and attribute names come only from
/// this module's functions or compile-time literals, and the one way to emit raw markup
/// (`Node.trustedMarkup`) takes a `StaticString`, so no runtime string can inject markup.
/// `Prerendered` markup can only come from this builder's own rendering, so it keeps that promise.
public struct Node: Sendable {
    enum Storage: Sendable {
        case element(tag: String, attributes: [Attribute], children: [Node])
        case void(tag: String, attributes: [Attribute])
        case text(String)
        case trusted(StaticString)
        case fragment([Node])
        case prerendered(String)
    }

    let storage: Storage

    init(_ storage: Storage) { self.storage = storage }

    /// Escaped text.
    public static func text(_ value: String) -> Node { Node(.text(value)) }

    /// Markup this builder rendered earlier (escaped by construction), placed again without
    /// building its tree: for fragments cached between requests.
    public static func prerendered(_ fragment: Prerendered) -> Node { Node(.prerendered(fragment.markup)) }

    /// Renders these nodes once, to be placed later with `Node.prerendered`.
    public static func prerender(_ nodes: [Node]) -> Prerendered {
        var output = ""
        output.reserveCapacity(16_384)
        for node in nodes { node.write(into: &output) }
        return Prerendered(markup: output)
    }

    /// Markup written in the source code, emitted verbatim (for instance an SVG path or a
    /// doctype). It can never carry data from a request.
    public static func trustedMarkup(_ markup: StaticString) -> Node { Node(.trusted(markup)) }

    /// Several nodes without a wrapping element.
    public static func fragment(_ nodes: [Node]) -> Node { Node(.fragment(nodes)) }

    public static func fragment(@NodeBuilder _ content: () -> [Node]) -> Node { Node(.fragment(content())) }

    public static let empty = Node(.fragment([]))

    /// An element with children. `tag` is a compile-time literal.
    public static func element(
        _ tag: StaticString, _ attributes: [Attribute], _ children: [Node]
    ) -> Node {
        Node(.element(tag: tag.description, attributes: attributes, children: children))
    }

    /// An element without an end tag (`<br>`, `<img>`, `<input>`, `<meta>`, `<link>`).
    public static func voidElement(_ tag: StaticString, _ attributes: [Attribute]) -> Node {
        Node(.void(tag: tag.description, attributes: attributes))
    }
}

@resultBuilder
public enum NodeBuilder {
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Node]?) -> [Node] { part ?? [] }
    public static func buildEither(first part: [Node]) -> [Node] { part }
    public static func buildEither(second part: [Node]) -> [Node] { part }
    public static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
    public static func buildLimitedAvailability(_ part: [Node]) -> [Node] { part }
}

/// Markup rendered by this builder. Only `Node.prerender` makes one, so it never holds a string
/// from anywhere else.
public struct Prerendered: Sendable {
    let markup: String

    /// Its size in bytes, for bounding caches.
    public var byteCount: Int { markup.utf8.count }
}
