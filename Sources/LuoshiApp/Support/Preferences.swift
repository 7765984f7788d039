import LuoshiHTML
import LuoshiDomain
import Vapor

/// The reader's language and display mode, remembered in two cookies.
enum Preferences {
    static let languageCookie = "luoshi_lang"
    static let modeCookie = "luoshi_mode"
    static let elderValue = "elder"

    /// Only a local path may be returned to: "/units", never "//evil.example" or "https://…".
    static func safeReturnPath(_ candidate: String?) -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.hasPrefix("/\\"),
              !candidate.contains(where: { $0.isNewline || $0 == "\\" }), candidate.utf8.count <= 2_048 else { return "/" }
        return candidate
    }
}

extension Request {
    var language: Language { Language(preference: cookies[Preferences.languageCookie]?.string) }
    var elderMode: Bool { cookies[Preferences.modeCookie]?.string == Preferences.elderValue }

    func pageContext(section: PageContext.Section, notice: LocalizedText? = nil) -> PageContext {
        PageContext(language: language, elder: elderMode, currentPath: Preferences.safeReturnPath(url.string),
                    section: section, notice: notice)
    }

    /// Renders a page through the response cache: the page's query and view run only when this
    /// URL, language and mode have not been rendered for the current snapshot.
    func page(
        _ section: PageContext.Section, _ build: (CatalogSnapshot, PageContext) throws -> Node
    ) async throws -> Response {
        let snapshot = try await catalog()
        let context = pageContext(section: section)
        return try cachedResponse(snapshot, variant: "\(context.language.rawValue)|\(context.elder)") {
            let html = try build(snapshot, context).renderDocument()
            return (ByteBuffer(string: html), .html)
        }
    }
}

extension PageContext {
    func with(notice: LocalizedText?) -> PageContext {
        var copy = self
        copy.notice = notice
        return copy
    }
}
