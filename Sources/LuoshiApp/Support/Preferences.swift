import LuoshiHTML
import LuoshiDomain
import Vapor

/// The reader's language and display mode, remembered in two cookies.
enum Preferences {
    static let languageCookie = "luoshi_lang"
    static let modeCookie = "luoshi_mode"
    static let elderValue = "elder"
    static let contrastCookie = "luoshi_contrast"
    static let highContrastValue = "high"

    /// Only a local path may be returned to: "/units", never "//evil.example" or "https://…".
    static func safeReturnPath(_ candidate: String?) -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.hasPrefix("/\\"),
              !candidate.contains(where: { $0.isNewline || $0 == "\\" }), candidate.utf8.count <= 2_048 else { return "/" }
        return candidate
    }
}

extension Request {
    var language: Language { Language(preference: parsedCookies[Preferences.languageCookie]?.string) }
    var elderMode: Bool { parsedCookies[Preferences.modeCookie]?.string == Preferences.elderValue }
    var highContrast: Bool { parsedCookies[Preferences.contrastCookie]?.string == Preferences.highContrastValue }

    private struct CookiesKey: StorageKey { typealias Value = HTTPCookies }

    /// The request's cookies, parsed once (`cookies` parses the header on every access, and a
    /// signed-in page reads three of them).
    var parsedCookies: HTTPCookies {
        if let parsed = storage[CookiesKey.self] { return parsed }
        let parsed = cookies
        storage[CookiesKey.self] = parsed
        return parsed
    }

    func pageContext(section: PageContext.Section, notice: LocalizedText? = nil) -> PageContext {
        PageContext(language: language, elder: elderMode, highContrast: highContrast, currentPath: Preferences.safeReturnPath(url.string),
                    section: section, notice: notice, user: signedInHeader, site: application.luoshiConfig.site)
    }

    /// The context of a public page: `pageContext` with the page's absolute address for its QR
    /// code (the configured public address, else the one this server listens on, and the path
    /// without its query, so every visitor's copy of a cached page shows the same code), and its
    /// view count, this view counted.
    func publicPageContext(section: PageContext.Section) async -> PageContext {
        var context = pageContext(section: section)
        context.shareURL = publicBaseURL + url.path
        context.viewCount = await countedView()
        return context
    }

    /// The address the public reaches this site at: `LUOSHI_PUBLIC_URL`, else the one this
    /// server listens on.
    var publicBaseURL: String {
        if let configured = application.luoshiConfig.publicBaseURL { return configured }
        let server = application.http.server.configuration
        return "http://\(server.hostname):\(server.port)"
    }

    /// The header's view of the signed-in user: only the pages their role may use.
    private var signedInHeader: PageContext.SignedInUser? {
        guard let user = currentUser else { return nil }
        let candidates = language == .chinese ? Self.headerLinksChinese : Self.headerLinksEnglish
        return PageContext.SignedInUser(
            displayName: user.displayName, csrfToken: user.csrfToken,
            links: candidates.filter { Policy.can(user.actor, $0.3) }.map { (title: $0.0, url: $0.1, section: $0.2) },
            unread: user.unread)
    }

    /// The header's role-dependent links in each language, built once (the string catalogue is
    /// large: copying it on every request showed up in profiles).
    private static let headerLinksChinese = headerLinks(.chinese)
    private static let headerLinksEnglish = headerLinks(.english)

    private static func headerLinks(_ language: Language) -> [(String, SiteURL, PageContext.Section, Action)] {
        let s = Strings.for(language), a = s.account
        return [
            (a.workbench, .workbench, .workbench, .readInternal),
            (s.questions.listTitle, .questions(), .workbench, .readInternal),
            (s.planImport.title, .planImport, .workbench, .managePlans),
            (a.users, .adminUsers, .admin, .manageUsers),
            (a.security, .adminSecurity, .admin, .manageSecurity),
            (a.audit, .adminAudit, .admin, .readAudit),
            (a.myAccount, .account, .account, .manageOwnAccount),
        ]
    }

    /// Renders a page through the response cache: the page's query and view run only when this
    /// URL, language and mode have not been rendered for the current snapshot.
    /// `variant` names what else the page shows besides the catalogue (e.g. the bulletin its
    /// progress comes from), so that a change of it is not served from the cache.
    func page(
        _ section: PageContext.Section, variant: String = "", _ build: (CatalogSnapshot, PageContext) throws -> Node
    ) async throws -> Response {
        let snapshot = try await catalog()
        let context = await publicPageContext(section: section)
        // A signed-in visitor's header carries their name and sign-out token: render it for them
        // alone, uncached (the cache serves the public, whose pages are all alike).
        if currentUser != nil {
            return htmlResponse(try build(snapshot, context))
        }
        return try cachedResponse(snapshot, variant: "\(context.displayKey)|\(context.viewCount ?? -1)|\(variant)") {
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
