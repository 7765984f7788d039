// Element helpers. Generated once by hand from the list of elements the views use;
// each has a builder form and a `text:` form.
extension Node {
    public static func html(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("html", attributes, content())
    }
    public static func html(_ attributes: Attribute..., text: String) -> Node {
        .element("html", attributes, [.text(text)])
    }
    public static func head(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("head", attributes, content())
    }
    public static func head(_ attributes: Attribute..., text: String) -> Node {
        .element("head", attributes, [.text(text)])
    }
    public static func body(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("body", attributes, content())
    }
    public static func body(_ attributes: Attribute..., text: String) -> Node {
        .element("body", attributes, [.text(text)])
    }
    public static func title(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("title", attributes, content())
    }
    public static func title(_ attributes: Attribute..., text: String) -> Node {
        .element("title", attributes, [.text(text)])
    }
    public static func style(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("style", attributes, content())
    }
    public static func style(_ attributes: Attribute..., text: String) -> Node {
        .element("style", attributes, [.text(text)])
    }
    public static func header(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("header", attributes, content())
    }
    public static func header(_ attributes: Attribute..., text: String) -> Node {
        .element("header", attributes, [.text(text)])
    }
    public static func nav(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("nav", attributes, content())
    }
    public static func nav(_ attributes: Attribute..., text: String) -> Node {
        .element("nav", attributes, [.text(text)])
    }
    public static func main(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("main", attributes, content())
    }
    public static func main(_ attributes: Attribute..., text: String) -> Node {
        .element("main", attributes, [.text(text)])
    }
    public static func footer(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("footer", attributes, content())
    }
    public static func footer(_ attributes: Attribute..., text: String) -> Node {
        .element("footer", attributes, [.text(text)])
    }
    public static func section(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("section", attributes, content())
    }
    public static func section(_ attributes: Attribute..., text: String) -> Node {
        .element("section", attributes, [.text(text)])
    }
    public static func article(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("article", attributes, content())
    }
    public static func article(_ attributes: Attribute..., text: String) -> Node {
        .element("article", attributes, [.text(text)])
    }
    public static func aside(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("aside", attributes, content())
    }
    public static func aside(_ attributes: Attribute..., text: String) -> Node {
        .element("aside", attributes, [.text(text)])
    }
    public static func h1(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("h1", attributes, content())
    }
    public static func h1(_ attributes: Attribute..., text: String) -> Node {
        .element("h1", attributes, [.text(text)])
    }
    public static func h2(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("h2", attributes, content())
    }
    public static func h2(_ attributes: Attribute..., text: String) -> Node {
        .element("h2", attributes, [.text(text)])
    }
    public static func h3(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("h3", attributes, content())
    }
    public static func h3(_ attributes: Attribute..., text: String) -> Node {
        .element("h3", attributes, [.text(text)])
    }
    public static func h4(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("h4", attributes, content())
    }
    public static func h4(_ attributes: Attribute..., text: String) -> Node {
        .element("h4", attributes, [.text(text)])
    }
    public static func p(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("p", attributes, content())
    }
    public static func p(_ attributes: Attribute..., text: String) -> Node {
        .element("p", attributes, [.text(text)])
    }
    public static func a(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("a", attributes, content())
    }
    public static func a(_ attributes: Attribute..., text: String) -> Node {
        .element("a", attributes, [.text(text)])
    }
    public static func ul(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("ul", attributes, content())
    }
    public static func ul(_ attributes: Attribute..., text: String) -> Node {
        .element("ul", attributes, [.text(text)])
    }
    public static func ol(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("ol", attributes, content())
    }
    public static func ol(_ attributes: Attribute..., text: String) -> Node {
        .element("ol", attributes, [.text(text)])
    }
    public static func li(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("li", attributes, content())
    }
    public static func li(_ attributes: Attribute..., text: String) -> Node {
        .element("li", attributes, [.text(text)])
    }
    public static func dl(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("dl", attributes, content())
    }
    public static func dl(_ attributes: Attribute..., text: String) -> Node {
        .element("dl", attributes, [.text(text)])
    }
    public static func dt(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("dt", attributes, content())
    }
    public static func dt(_ attributes: Attribute..., text: String) -> Node {
        .element("dt", attributes, [.text(text)])
    }
    public static func dd(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("dd", attributes, content())
    }
    public static func dd(_ attributes: Attribute..., text: String) -> Node {
        .element("dd", attributes, [.text(text)])
    }
    public static func table(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("table", attributes, content())
    }
    public static func table(_ attributes: Attribute..., text: String) -> Node {
        .element("table", attributes, [.text(text)])
    }
    public static func caption(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("caption", attributes, content())
    }
    public static func caption(_ attributes: Attribute..., text: String) -> Node {
        .element("caption", attributes, [.text(text)])
    }
    public static func thead(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("thead", attributes, content())
    }
    public static func thead(_ attributes: Attribute..., text: String) -> Node {
        .element("thead", attributes, [.text(text)])
    }
    public static func tbody(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("tbody", attributes, content())
    }
    public static func tbody(_ attributes: Attribute..., text: String) -> Node {
        .element("tbody", attributes, [.text(text)])
    }
    public static func tfoot(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("tfoot", attributes, content())
    }
    public static func tfoot(_ attributes: Attribute..., text: String) -> Node {
        .element("tfoot", attributes, [.text(text)])
    }
    public static func tr(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("tr", attributes, content())
    }
    public static func tr(_ attributes: Attribute..., text: String) -> Node {
        .element("tr", attributes, [.text(text)])
    }
    public static func th(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("th", attributes, content())
    }
    public static func th(_ attributes: Attribute..., text: String) -> Node {
        .element("th", attributes, [.text(text)])
    }
    public static func td(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("td", attributes, content())
    }
    public static func td(_ attributes: Attribute..., text: String) -> Node {
        .element("td", attributes, [.text(text)])
    }
    public static func form(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("form", attributes, content())
    }
    public static func form(_ attributes: Attribute..., text: String) -> Node {
        .element("form", attributes, [.text(text)])
    }
    public static func label(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("label", attributes, content())
    }
    public static func label(_ attributes: Attribute..., text: String) -> Node {
        .element("label", attributes, [.text(text)])
    }
    public static func select(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("select", attributes, content())
    }
    public static func select(_ attributes: Attribute..., text: String) -> Node {
        .element("select", attributes, [.text(text)])
    }
    public static func option(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("option", attributes, content())
    }
    public static func option(_ attributes: Attribute..., text: String) -> Node {
        .element("option", attributes, [.text(text)])
    }
    public static func button(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("button", attributes, content())
    }
    public static func button(_ attributes: Attribute..., text: String) -> Node {
        .element("button", attributes, [.text(text)])
    }
    public static func span(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("span", attributes, content())
    }
    public static func span(_ attributes: Attribute..., text: String) -> Node {
        .element("span", attributes, [.text(text)])
    }
    public static func div(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("div", attributes, content())
    }
    public static func div(_ attributes: Attribute..., text: String) -> Node {
        .element("div", attributes, [.text(text)])
    }
    public static func strong(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("strong", attributes, content())
    }
    public static func strong(_ attributes: Attribute..., text: String) -> Node {
        .element("strong", attributes, [.text(text)])
    }
    public static func em(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("em", attributes, content())
    }
    public static func em(_ attributes: Attribute..., text: String) -> Node {
        .element("em", attributes, [.text(text)])
    }
    public static func small(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("small", attributes, content())
    }
    public static func small(_ attributes: Attribute..., text: String) -> Node {
        .element("small", attributes, [.text(text)])
    }
    public static func time(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("time", attributes, content())
    }
    public static func time(_ attributes: Attribute..., text: String) -> Node {
        .element("time", attributes, [.text(text)])
    }
    public static func abbr(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("abbr", attributes, content())
    }
    public static func abbr(_ attributes: Attribute..., text: String) -> Node {
        .element("abbr", attributes, [.text(text)])
    }
    public static func figure(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("figure", attributes, content())
    }
    public static func figure(_ attributes: Attribute..., text: String) -> Node {
        .element("figure", attributes, [.text(text)])
    }
    public static func figcaption(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("figcaption", attributes, content())
    }
    public static func figcaption(_ attributes: Attribute..., text: String) -> Node {
        .element("figcaption", attributes, [.text(text)])
    }
    public static func details(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("details", attributes, content())
    }
    public static func details(_ attributes: Attribute..., text: String) -> Node {
        .element("details", attributes, [.text(text)])
    }
    public static func summary(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("summary", attributes, content())
    }
    public static func summary(_ attributes: Attribute..., text: String) -> Node {
        .element("summary", attributes, [.text(text)])
    }
    public static func svg(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("svg", attributes, content())
    }
    public static func svg(_ attributes: Attribute..., text: String) -> Node {
        .element("svg", attributes, [.text(text)])
    }
    public static func g(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("g", attributes, content())
    }
    public static func g(_ attributes: Attribute..., text: String) -> Node {
        .element("g", attributes, [.text(text)])
    }
    public static func rect(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("rect", attributes, content())
    }
    public static func rect(_ attributes: Attribute..., text: String) -> Node {
        .element("rect", attributes, [.text(text)])
    }
    public static func circle(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("circle", attributes, content())
    }
    public static func circle(_ attributes: Attribute..., text: String) -> Node {
        .element("circle", attributes, [.text(text)])
    }
    public static func path(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("path", attributes, content())
    }
    public static func path(_ attributes: Attribute..., text: String) -> Node {
        .element("path", attributes, [.text(text)])
    }
    public static func svgText(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("text", attributes, content())
    }
    public static func svgText(_ attributes: Attribute..., text: String) -> Node {
        .element("text", attributes, [.text(text)])
    }
    public static func tspan(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("tspan", attributes, content())
    }
    public static func tspan(_ attributes: Attribute..., text: String) -> Node {
        .element("tspan", attributes, [.text(text)])
    }
    public static func fieldset(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("fieldset", attributes, content())
    }
    public static func fieldset(_ attributes: Attribute..., text: String) -> Node {
        .element("fieldset", attributes, [.text(text)])
    }
    public static func legend(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("legend", attributes, content())
    }
    public static func legend(_ attributes: Attribute..., text: String) -> Node {
        .element("legend", attributes, [.text(text)])
    }
    public static func textarea(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("textarea", attributes, content())
    }
    public static func textarea(_ attributes: Attribute..., text: String) -> Node {
        .element("textarea", attributes, [.text(text)])
    }
    public static func blockquote(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("blockquote", attributes, content())
    }
    public static func blockquote(_ attributes: Attribute..., text: String) -> Node {
        .element("blockquote", attributes, [.text(text)])
    }
    public static func pre(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("pre", attributes, content())
    }
    public static func pre(_ attributes: Attribute..., text: String) -> Node {
        .element("pre", attributes, [.text(text)])
    }
    public static func code(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("code", attributes, content())
    }
    public static func code(_ attributes: Attribute..., text: String) -> Node {
        .element("code", attributes, [.text(text)])
    }
    public static func mark(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
        .element("mark", attributes, content())
    }
    public static func mark(_ attributes: Attribute..., text: String) -> Node {
        .element("mark", attributes, [.text(text)])
    }
    public static func meta(_ attributes: Attribute...) -> Node { .voidElement("meta", attributes) }
    public static func link(_ attributes: Attribute...) -> Node { .voidElement("link", attributes) }
    public static func br(_ attributes: Attribute...) -> Node { .voidElement("br", attributes) }
    public static func hr(_ attributes: Attribute...) -> Node { .voidElement("hr", attributes) }
    public static func img(_ attributes: Attribute...) -> Node { .voidElement("img", attributes) }
    public static func input(_ attributes: Attribute...) -> Node { .voidElement("input", attributes) }
}
