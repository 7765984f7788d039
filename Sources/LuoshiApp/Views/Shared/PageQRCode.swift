import LuoshiDomain
import LuoshiHTML

/// 扫一扫在手机打开当前页面: a public page's absolute address as a QR code, one SVG path of
/// dark modules inside the four-module quiet zone the standard asks for.
enum PageQRCode {
    static let quietZone = 4

    static func figure(url: String, strings: Strings) -> Node {
        guard let code = QRCode.encode(url) else { return .fragment([]) }
        let side = code.size + 2 * quietZone
        var path = ""
        path.reserveCapacity(code.modules.count * 4)
        for y in 0..<code.size {
            for x in 0..<code.size where code[x, y] { path += "M\(x + quietZone) \(y + quietZone)h1v1h-1z" }
        }
        return .figure(.class("page-qr")) {
            Node.element("svg", [.viewBox("0 0 \(side) \(side)"), .role("img"), .ariaLabel(strings.qrCodeOf(url)),
                                 .custom("shape-rendering", "crispEdges"), .data("qr", url)],
                         [.element("path", [.custom("d", path)], [])])
            Node.figcaption(text: strings.scanToOpen)
        }
    }
}
