import Testing
@testable import LuoshiHTML

private let hostileValues = [#""><script>alert(1)</script>"#, #"" onmouseover="alert(1)"#, "'><img src=x onerror=alert(1)>"]

/// No hostile value may leave a quote or angle bracket unescaped.
private func expectInert(_ html: String, _ hostile: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!html.contains("<script"), sourceLocation: sourceLocation)
    #expect(!html.contains(#"" onmouseover"#), sourceLocation: sourceLocation)
    #expect(!html.contains("<img src=x"), sourceLocation: sourceLocation)
    #expect(!html.contains("'>"), sourceLocation: sourceLocation)
}

@Suite struct EscapingTests {
    @Test func textIsEscaped() {
        #expect(Node.text(#"a & b < c > d " e ' f"#).render() == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
    }

    @Test func plainTextIsUnchanged() {
        #expect(Node.text("沂水县 2023").render() == "沂水县 2023")
    }

    @Test(arguments: hostileValues)
    func everyElementEscapesItsText(_ hostile: String) {
        for make in ElementCatalogue.withText {
            expectInert(make(hostile).render(), hostile)
        }
    }

    @Test(arguments: hostileValues)
    func everyAttributeEscapesItsValue(_ hostile: String) {
        let attributes: [Attribute] = [
            .class(hostile), .id(hostile), .lang(hostile), .title(hostile), .role(hostile), .name(hostile),
            .content(hostile), .charset(hostile), .rel(hostile), .type(hostile), .value(hostile), .alt(hostile),
            .scope(hostile), .method(hostile), .for(hostile), .datetime(hostile), .hreflang(hostile),
            .viewBox(hostile), .ariaLabel(hostile), .ariaLabelledBy(hostile), .ariaDescribedBy(hostile),
            .ariaCurrent(hostile), .data("x", hostile), .custom("placeholder", hostile),
            .href("/p?q=" + hostile), .src("/img/" + hostile), .action("/f" + hostile),
        ]
        for attribute in attributes {
            let html = Node.div(attribute).render()
            expectInert(html, hostile)
            #expect(html.hasPrefix("<div "), "attribute \(attribute.name) should be rendered")
        }
        for make in ElementCatalogue.withAttribute {
            expectInert(make(.title(hostile)).render(), hostile)
        }
    }

    @Test func attributeRendering() {
        let html = Node.a(.href("/units?x=1&y=2"), .class("c"), text: "单位").render()
        #expect(html == #"<a href="/units?x=1&amp;y=2" class="c">单位</a>"#)
        #expect(Node.input(.type("checkbox"), .boolean("checked")).render() == #"<input type="checkbox" checked>"#)
    }

    @Test func eventHandlerAttributesAreDropped() {
        #expect(Node.div(.custom("onclick", "alert(1)")).render() == "<div></div>")
        #expect(Node.div(.custom("ONLOAD", "alert(1)")).render() == "<div></div>")
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "\u{0}javascript:x",
    ])
    func unsafeURLsAreDropped(_ url: String) {
        #expect(Node.a(.href(url), text: "x").render() == "<a>x</a>")
        #expect(Node.img(.src(url)).render() == "<img>")
        #expect(Node.form(.action(url)).render() == "<form></form>")
    }

    @Test(arguments: [
        "/tasks/1", "#main", "?lang=en", "https://www.gov.cn/", "http://example.org/a:b",
        "mailto:office@example.org", "tel:0539-2266629", "relative/path:with-colon", "/a?b=c:d",
    ])
    func safeURLsAreKept(_ url: String) {
        #expect(SafeURL.validated(url) == url)
    }

    @Test func trustedMarkupIsVerbatimAndFragmentsConcatenate() {
        let node = Node.fragment {
            Node.trustedMarkup("<path d=\"M0 0\"/>")
            Node.text("<")
        }
        #expect(node.render() == "<path d=\"M0 0\"/>&lt;")
    }

    @Test func builderControlFlow() {
        let items = ["一", "二"]
        let showEmpty = false
        let node = Node.ul {
            for item in items { Node.li(text: item) }
            if showEmpty { Node.li(text: "无") } else { Node.li(text: "完") }
        }
        #expect(node.render() == "<ul><li>一</li><li>二</li><li>完</li></ul>")
    }

    @Test func documentStartsWithDoctype() {
        #expect(Node.html(.lang("zh-CN")).renderDocument() == #"<!DOCTYPE html><html lang="zh-CN"></html>"#)
    }
}

@Suite struct PrerenderedTests {
    @Test func aPrerenderedFragmentIsTheSameEscapedMarkup() {
        let nodes: [Node] = [.p(text: "<script>alert(1)</script>"), .a(.href("/tasks/1"), .title("\" onmouseover=\"x"), text: "任务")]
        let fragment = Node.prerender(nodes)
        let placed = Node.div(.class("wrap")) { Node.prerendered(fragment) }.render()
        #expect(placed == "<div class=\"wrap\">" + nodes.map { $0.render() }.joined() + "</div>")
        #expect(!placed.contains("<script>") && placed.contains("&lt;script&gt;"))
        #expect(fragment.byteCount == nodes.map { $0.render() }.joined().utf8.count)
    }
}
