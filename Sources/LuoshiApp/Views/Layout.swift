import LuoshiDomain
import LuoshiHTML

/// What every page needs besides its own model: the reader's language and display mode,
/// where they are (for the switches to return to), and the sample notice, if any.
struct PageContext: Sendable {
    enum Section: Sendable { case home, units, leaders, workbench, inbox, account, admin, none }

    /// The signed-in user as the header shows them: name, sign-out token, and the pages their
    /// role may use.
    struct SignedInUser: Sendable {
        var displayName: String
        var csrfToken: String?
        var links: [(title: String, url: SiteURL, section: Section)]
        /// Unread messages in the inbox.
        var unread: Int = 0
    }

    var language: Language
    var elder: Bool
    /// 无障碍浏览: light text on black, yellow links, white rules.
    var highContrast = false
    /// The path and query of this page, for the language and mode switches to return to.
    var currentPath: String
    var section: Section
    /// Shown on every page whose data is illustrative.
    var notice: LocalizedText?
    var user: SignedInUser?
    /// A public page's absolute address, printed as a QR code in the footer (nil on internal pages).
    var shareURL: String?
    /// A public page's 浏览次数.
    var viewCount: Int64?
    /// Who runs the site, for the footer.
    var site = SiteIdentity()

    var strings: Strings { .for(language) }

    /// What a cached page differs by besides its data: language, type size and colours.
    var displayKey: String { "\(language.rawValue)|\(elder)|\(highContrast)" }
}

struct Crumb: Sendable {
    var title: String
    var url: SiteURL?
    /// The title is Chinese data (a plan's title, a unit's name) rather than UI text.
    var isData = false
}

/// The one shared layout: language, skip link, landmarks, switches, breadcrumbs, footer.
enum Layout {
    static func page(title: String, context: PageContext, crumbs: [Crumb] = [], content: [Node]) -> Node {
        let s = context.strings
        return .html(.lang(context.language.tag), .class((context.elder ? "elder" : "standard") + (context.highContrast ? " contrast" : ""))) {
            Node.head {
                Node.meta(.charset("utf-8"))
                Node.meta(.name("viewport"), .content("width=device-width, initial-scale=1"))
                Node.title(text: "\(title) - \(s.siteName) · \(s.siteTagline)")
                Node.link(.rel("stylesheet"), .href(SiteURL.stylesheet.path))
                Node.link(.rel("alternate"), .type("application/atom+xml"), .title(s.disclosure.feedTitle), .href(SiteURL.feed.path))
            }
            Node.body {
                Node.a(.class("skip-link"), .href("#main"), text: s.skipToContent)
                header(context)
                switches(context)
                Node.main(.id("main"), .tabindex(-1)) {
                    if let notice = context.notice {
                        Node.p(.class("notice"), .role("note"), text: notice.text(in: context.language))
                    }
                    if !crumbs.isEmpty { breadcrumbs(crumbs, context) }
                    content
                }
                Node.footer(.class("site-footer")) {
                    Node.div(.class("bar")) {
                        Node.div {
                            Node.p(text: s.footerNote)
                            Node.p {
                                Node.a(.href(SiteURL.openData.path), text: s.disclosure.openDataTitle)
                                Node.text("　")
                                Node.a(.href(SiteURL.feed.path), .type("application/atom+xml"), text: s.disclosure.feedLink)
                            }
                            if let views = context.viewCount { Node.p(.class("view-count"), text: s.viewCount(views)) }
                        }
                        if let shareURL = context.shareURL { PageQRCode.figure(url: shareURL, strings: s) }
                    }
                    siteIdentity(context)
                }
            }
        }
    }

    private static func header(_ context: PageContext) -> Node {
        let s = context.strings
        func item(_ title: String, _ url: SiteURL, _ section: PageContext.Section) -> Node {
            .li {
                if context.section == section {
                    Node.a(.href(url.path), .ariaCurrent("page"), text: title)
                } else {
                    Node.a(.href(url.path), text: title)
                }
            }
        }
        return .header(.class("site-header")) {
            Node.div(.class("bar")) {
                Node.a(.class("brand"), .href(SiteURL.home.path)) {
                    Node.span(text: s.siteName)
                    Node.small(text: s.siteTagline)
                }
                Node.nav(.ariaLabel(s.mainNavigation)) {
                    Node.ul {
                        item(s.navHome, .home, .home)
                        item(s.navUnits, .units, .units)
                        item(s.navLeaders, .leaders, .leaders)
                        if let user = context.user {
                            for link in user.links { item(link.title, link.url, link.section) }
                            item(s.reminders.inboxLink(user.unread), .inbox, .inbox)
                        } else {
                            item(s.account.signIn, .login(next: nil), .none)
                        }
                    }
                }
                if let user = context.user, let token = user.csrfToken {
                    Node.div(.class("user")) {
                        Node.span(text: s.account.signedInAs(user.displayName))
                        Forms.button(s.account.signOut, action: .logout, csrf: token)
                    }
                }
            }
        }
    }

    /// 主办单位, 网站标识码, the two filings and the contact address, those that are configured.
    private static func siteIdentity(_ context: PageContext) -> Node {
        let s = context.strings, site = context.site
        var items: [Node] = []
        if let organiser = site.organiser { items.append(.li(text: s.siteOrganiser(organiser))) }
        if let code = site.websiteCode { items.append(.li(text: s.websiteCode(code))) }
        if let icp = site.icpFiling { items.append(.li { Node.a(.href("https://beian.miit.gov.cn/"), text: icp) }) }
        if let filing = site.publicSecurityFiling, let number = site.publicSecurityNumber {
            items.append(.li { Node.a(.href("https://beian.mps.gov.cn/#/query/webSearch?code=\(number)"), text: filing) })
        }
        if let email = site.contactEmail {
            items.append(.li { Node.span(text: s.contactEmail); Node.a(.href("mailto:\(email)"), text: email) })
        }
        guard !items.isEmpty else { return .fragment([]) }
        return .div(.class("bar site-identity")) { Node.ul(.ariaLabel(s.siteIdentity)) { items } }
    }

    /// Language and display mode as plain links: they work without JavaScript.
    private static func switches(_ context: PageContext) -> Node {
        let s = context.strings
        func languageLink(_ language: Language, _ label: String) -> Node {
            let url = SiteURL.preferences(language: language, returnTo: context.currentPath).path
            return .li {
                if context.language == language {
                    Node.a(.href(url), .lang(language.tag), .ariaCurrent("true"), text: label)
                } else {
                    Node.a(.href(url), .lang(language.tag), .hreflang(language.tag), text: label)
                }
            }
        }
        func modeLink(_ elder: Bool, _ label: String) -> Node {
            let url = SiteURL.preferences(elder: elder, returnTo: context.currentPath).path
            return .li {
                if context.elder == elder {
                    Node.a(.href(url), .ariaCurrent("true"), text: label)
                } else {
                    Node.a(.href(url), text: label)
                }
            }
        }
        func contrastLink(_ high: Bool, _ label: String) -> Node {
            let url = SiteURL.preferences(highContrast: high, returnTo: context.currentPath).path
            return .li {
                if context.highContrast == high {
                    Node.a(.href(url), .ariaCurrent("true"), text: label)
                } else {
                    Node.a(.href(url), text: label)
                }
            }
        }
        return .div(.class("switches")) {
            Node.div(.class("bar")) {
                Node.nav(.ariaLabel(s.languageSwitch)) {
                    Node.ul {
                        languageLink(.chinese, "简体中文")
                        languageLink(.english, "English")
                    }
                }
                Node.nav(.ariaLabel(s.displayMode)) {
                    Node.ul {
                        modeLink(false, s.elderModeOff)
                        modeLink(true, s.elderModeOn)
                    }
                }
                Node.nav(.ariaLabel(s.contrastSwitch)) {
                    Node.ul {
                        contrastLink(false, s.contrastOff)
                        contrastLink(true, s.contrastOn)
                    }
                }
            }
        }
    }

    private static func breadcrumbs(_ crumbs: [Crumb], _ context: PageContext) -> Node {
        .nav(.class("crumbs"), .ariaLabel(context.strings.breadcrumb)) {
            Node.ol {
                for (index, crumb) in crumbs.enumerated() {
                    let lang: Attribute = crumb.isData ? context.strings.dataLang : .lang(context.language.tag)
                    if let url = crumb.url, index < crumbs.count - 1 {
                        Node.li { Node.a(.href(url.path), lang, text: crumb.title) }
                    } else {
                        Node.li { Node.span(.ariaCurrent("page"), lang, text: crumb.title) }
                    }
                }
            }
        }
    }
}
