import LuoshiDomain
import LuoshiHTML

/// The page for 400, 404 and 5xx responses to a browser.
enum ErrorPage {
    struct Model: Sendable {
        var status: Int
        /// The domain's own explanation, when there is one.
        var detail: LocalizedText?
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings
        let message: String = switch model.status {
        case 404: s.notFoundMessage
        case 400..<500: s.badRequestMessage
        default: s.serverErrorMessage
        }
        return Layout.page(title: s.errorTitle(model.status), context: context, content: [
            .h1(text: s.errorTitle(model.status)),
            .p(text: message),
            model.detail.map { Node.p(text: $0.text(in: context.language)) } ?? .empty,
            .p { Node.a(.href(SiteURL.home.path), text: s.backHome) },
        ])
    }
}
