import Foundation
import LuoshiDomain

/// Every setting Luoshi reads from the environment, read in one place.
public struct AppConfig: Sendable {
    public enum Database: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public var database: Database
    /// Marks cookies `Secure`; set `LUOSHI_SECURE_COOKIES=1` when served over HTTPS.
    public var secureCookies: Bool
    /// Bodies larger than this are refused with 413 (`LUOSHI_MAX_BODY`, default 20 MB).
    public var maxBodySize: Int
    /// PostgreSQL only: the schema to use (tests give each test its own).
    public var postgresSchema: String?
    /// PostgreSQL connections per event loop (`LUOSHI_DB_CONNECTIONS`, default 8): two instances
    /// with 2 event loops each hold 2 × 2 × 8 = 32 of the server's connections. (The SQLite driver
    /// keeps one per event loop.)
    public var connectionsPerEventLoop: Int?
    /// Bcrypt work factor for passwords (`LUOSHI_BCRYPT_COST`, 10–14, default 12); tests use 4.
    public var bcryptCost: Int = 12
    /// Where evidence files are kept: in the database (the default, every instance reads them and
    /// a backup of the database holds them), or, with `LUOSHI_ATTACHMENT_DIR`, in that directory,
    /// which every instance must share.
    public var attachmentDirectory: String?
    /// The largest evidence attachment accepted (`LUOSHI_ATTACHMENT_MAX_BYTES`, default 20 MB).
    public var attachmentMaxBytes: Int = 20 * 1024 * 1024
    /// Email for reminders; nil (no `LUOSHI_SMTP_HOST`) sends none.
    public var smtp: SMTPSettings?
    /// Webhooks (JSON POST) for reminders, e.g. DingTalk or WeCom group bots (`LUOSHI_WEBHOOK_URLS`,
    /// separated by commas or spaces).
    public var webhookURLs: [String] = []
    /// The address the public reaches the site at (`LUOSHI_PUBLIC_URL`, e.g. `https://dc.yishui.gov.cn`),
    /// for the QR code of every public page. Unset, it is the address `serve` listens on.
    public var publicBaseURL: String?
    /// 索引号 schemes per issuing body (`LUOSHI_INDEX_SCHEMES`, e.g.
    /// `沂水县人民政府办公室=yishuixfbgs:7; yishuixzf`): a plan issued by a body with a scheme is
    /// numbered when it is issued.
    public var indexSchemes = Disclosure.IndexSchemes()
    /// Who runs the site, as every page's footer states it (`LUOSHI_SITE_*`).
    public var site = SiteIdentity()
    /// When reminders go out (`LUOSHI_REMIND_DAYS_BEFORE`, default 3; `LUOSHI_DEADLINE_ALERT_DAYS`, default 7).
    public var reminders: Reminders.Settings = .standard
    /// Seconds between the in-server scheduler's runs (`LUOSHI_SCHEDULER_INTERVAL`, default 60; 0 turns it off).
    public var schedulerInterval: Int = 60
    /// Proxies whose `X-Forwarded-For` is believed (`LUOSHI_TRUSTED_PROXIES`: addresses separated
    /// by commas or spaces; none by default).
    public var trustedProxies: Set<String> = []
    /// What proposes a 督办 step: yellow in this many rounds in a row proposes a supervision order
    /// (`LUOSHI_ESCALATE_YELLOW_ROUNDS`, default 2; 0 never); red proposes a rectification
    /// (`LUOSHI_ESCALATE_RED`, 1 or 0, default 1).
    public var supervision = Supervision.Rules()
    /// 考核 weights (`LUOSHI_ASSESSMENT_WEIGHTS`, e.g. "onTime=30,progress=40,lights=15,rectification=10,criticism=5")
    /// and the share of units rated 优秀 (`LUOSHI_EXCELLENT_PERCENT`, default 20).
    public var assessment = Assessment.Weights.standard

    public init(database: Database, secureCookies: Bool = false, maxBodySize: Int = 20 * 1024 * 1024,
                postgresSchema: String? = nil) {
        self.database = database
        self.secureCookies = secureCookies
        self.maxBodySize = maxBodySize
        self.postgresSchema = postgresSchema
    }

    /// Reads the configuration. Throws a `DomainError` naming the variable that is wrong.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(DomainError) -> AppConfig {
        let database = try parseDatabaseURL(environment["DATABASE_URL"])
        let secure = ["1", "true", "yes"].contains(environment["LUOSHI_SECURE_COOKIES"]?.lowercased() ?? "")
        var maxBody = 20 * 1024 * 1024
        if let text = environment["LUOSHI_MAX_BODY"] {
            guard let value = Int(text), value > 0 else {
                throw .invalid("LUOSHI_MAX_BODY", zh: "LUOSHI_MAX_BODY 应为正整数（字节数），实际为“\(text)”",
                               en: "LUOSHI_MAX_BODY must be a positive number of bytes; got \"\(text)\"")
            }
            maxBody = value
        }
        var config = AppConfig(database: database, secureCookies: secure, maxBodySize: maxBody)
        if let text = environment["LUOSHI_BCRYPT_COST"] {
            guard let cost = Int(text), (10...14).contains(cost) else {
                throw .invalid("LUOSHI_BCRYPT_COST", zh: "LUOSHI_BCRYPT_COST 应为 10–14 的整数", en: "LUOSHI_BCRYPT_COST must be a whole number from 10 to 14")
            }
            config.bcryptCost = cost
        }
        if let directory = environment["LUOSHI_ATTACHMENT_DIR"]?.nonBlank { config.attachmentDirectory = directory }
        config.connectionsPerEventLoop = try positiveNumber(environment, "LUOSHI_DB_CONNECTIONS")
        config.attachmentMaxBytes = try positiveNumber(environment, "LUOSHI_ATTACHMENT_MAX_BYTES") ?? config.attachmentMaxBytes
        guard config.attachmentMaxBytes <= config.maxBodySize else {
            throw .invalid("LUOSHI_ATTACHMENT_MAX_BYTES", zh: "LUOSHI_ATTACHMENT_MAX_BYTES 不能大于请求体上限 LUOSHI_MAX_BODY（\(config.maxBodySize) 字节）",
                           en: "LUOSHI_ATTACHMENT_MAX_BYTES cannot exceed the request body limit LUOSHI_MAX_BODY (\(config.maxBodySize) bytes)")
        }
        config.smtp = try SMTPSettings.fromEnvironment(environment)
        config.webhookURLs = try webhookURLs(environment["LUOSHI_WEBHOOK_URLS"])
        config.publicBaseURL = try publicBaseURL(environment["LUOSHI_PUBLIC_URL"])
        config.site = try SiteIdentity.fromEnvironment(environment)
        if let schemes = environment["LUOSHI_INDEX_SCHEMES"] {
            config.indexSchemes = try Disclosure.IndexSchemes.parse(schemes, field: "LUOSHI_INDEX_SCHEMES")
        }
        config.reminders.daysBeforeDue = try positiveNumber(environment, "LUOSHI_REMIND_DAYS_BEFORE", allowZero: true) ?? config.reminders.daysBeforeDue
        config.reminders.daysBeforeDeadline = try positiveNumber(environment, "LUOSHI_DEADLINE_ALERT_DAYS", allowZero: true)
            ?? config.reminders.daysBeforeDeadline
        config.schedulerInterval = try positiveNumber(environment, "LUOSHI_SCHEDULER_INTERVAL", allowZero: true) ?? config.schedulerInterval
        if let proxies = environment["LUOSHI_TRUSTED_PROXIES"] {
            let addresses = proxies.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            guard addresses.allSatisfy(ClientAddress.isTrustableProxy) else {
                throw .invalid("LUOSHI_TRUSTED_PROXIES", zh: "LUOSHI_TRUSTED_PROXIES 应为以逗号分隔的 IP 地址", en: "LUOSHI_TRUSTED_PROXIES must be IP addresses separated by commas")
            }
            config.trustedProxies = Set(addresses)
        }
        config.supervision.yellowRoundsForOrder = try positiveNumber(environment, "LUOSHI_ESCALATE_YELLOW_ROUNDS", allowZero: true)
            ?? config.supervision.yellowRoundsForOrder
        if let red = try positiveNumber(environment, "LUOSHI_ESCALATE_RED", allowZero: true) {
            guard red <= 1 else {
                throw DomainError.invalid("LUOSHI_ESCALATE_RED", zh: "LUOSHI_ESCALATE_RED 应为 1（红灯提议限期整改）或 0（不提议）",
                                          en: "LUOSHI_ESCALATE_RED is 1 (red proposes a rectification) or 0 (it does not)")
            }
            config.supervision.redProposesRectification = red == 1
        }
        if let text = environment["LUOSHI_ASSESSMENT_WEIGHTS"] {
            let share = config.assessment.excellentShare
            config.assessment = try Assessment.Weights.parse(text).get()
            config.assessment.excellentShare = share
        }
        if let percent = try positiveNumber(environment, "LUOSHI_EXCELLENT_PERCENT", allowZero: true) {
            guard percent <= 100 else {
                throw DomainError.invalid("LUOSHI_EXCELLENT_PERCENT", zh: "LUOSHI_EXCELLENT_PERCENT 应为 0–100", en: "LUOSHI_EXCELLENT_PERCENT is 0–100")
            }
            config.assessment.excellentShare = Double(percent) / 100
        }
        return config
    }

    /// A whole number from `name`, or nil when unset.
    static func positiveNumber(_ environment: [String: String], _ name: String, allowZero: Bool = false) throws(DomainError) -> Int? {
        guard let text = environment[name] else { return nil }
        guard let value = Int(text), allowZero ? value >= 0 : value > 0 else {
            throw .invalid(name, zh: "\(name) 应为\(allowZero ? "非负" : "正")整数，实际为“\(text)”",
                           en: "\(name) must be a \(allowZero ? "non-negative" : "positive") whole number; got \"\(text)\"")
        }
        return value
    }

    /// `LUOSHI_PUBLIC_URL`: an http(s) address without query or fragment; the trailing slash is dropped.
    static func publicBaseURL(_ value: String?) throws(DomainError) -> String? {
        guard let value = value?.nonBlank else { return nil }
        guard let components = URLComponents(string: value), ["http", "https"].contains(components.scheme?.lowercased() ?? ""),
              components.host?.isEmpty == false, components.query == nil, components.fragment == nil else {
            throw .invalid("LUOSHI_PUBLIC_URL", zh: "LUOSHI_PUBLIC_URL 应为 http(s) 地址（不含查询参数），实际为“\(value)”",
                           en: "LUOSHI_PUBLIC_URL must be an http(s) address without a query; got \"\(value)\"")
        }
        return value.hasSuffix("/") ? String(value.dropLast()) : value
    }

    /// `LUOSHI_WEBHOOK_URLS`: http(s) addresses separated by commas or whitespace.
    static func webhookURLs(_ value: String?) throws(DomainError) -> [String] {
        let urls = (value ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        for url in urls {
            guard let components = URLComponents(string: url), ["http", "https"].contains(components.scheme?.lowercased() ?? ""),
                  components.host?.isEmpty == false else {
                throw .invalid("LUOSHI_WEBHOOK_URLS", zh: "LUOSHI_WEBHOOK_URLS 中的“\(url)”不是 http(s) 地址",
                               en: "\"\(url)\" in LUOSHI_WEBHOOK_URLS is not an http(s) address")
            }
        }
        return urls
    }

    /// `nil` or empty → `./luoshi.sqlite`; `sqlite:///abs/path` or `sqlite://rel/path` → that file;
    /// `postgres://` or `postgresql://user:pass@host:port/db` → PostgreSQL.
    public static func parseDatabaseURL(_ value: String?) throws(DomainError) -> Database {
        guard let value = value?.nonBlank else { return .sqlite(path: "luoshi.sqlite") }
        let field = "DATABASE_URL"
        if value.hasPrefix("sqlite://") {
            let path = String(value.dropFirst("sqlite://".count))
            guard !path.isEmpty, path != "/" else {
                throw .invalid(field, zh: "DATABASE_URL 缺少 SQLite 文件路径（例如 sqlite:///var/lib/luoshi/luoshi.sqlite）",
                               en: "DATABASE_URL has no SQLite file path (e.g. sqlite:///var/lib/luoshi/luoshi.sqlite)")
            }
            return .sqlite(path: path)
        }
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: value), let host = components.host, !host.isEmpty,
                  components.user != nil, components.path.count > 1 else {
                throw .invalid(field, zh: "DATABASE_URL 格式不正确，应为 postgres://用户:密码@主机:端口/数据库",
                               en: "DATABASE_URL is malformed; expected postgres://user:password@host:port/database")
            }
            return .postgres(url: value)
        }
        throw .invalid(field, zh: "DATABASE_URL 只支持 sqlite:// 或 postgres://",
                       en: "DATABASE_URL must start with sqlite:// or postgres://")
    }
}

/// The mail server reminders are sent through. Plain SMTP on a trusted network, or SMTP over
/// TLS (`LUOSHI_SMTP_TLS=1`, usually port 465). A password is sent only over TLS.
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var from: String
    public var username: String?
    public var password: String?
    public var tls: Bool
    /// The name this server gives itself in EHLO.
    public var heloName: String

    public init(host: String, port: Int, from: String, username: String? = nil, password: String? = nil, tls: Bool = false,
                heloName: String = "luoshi.localdomain") {
        self.host = host
        self.port = port
        self.from = from
        self.username = username
        self.password = password
        self.tls = tls
        self.heloName = heloName
    }

    /// Reads `LUOSHI_SMTP_HOST` (unset: no email), `_PORT` (default 25, or 465 with TLS), `_FROM`
    /// (required), `_USERNAME`/`_PASSWORD` (both or neither; TLS required) and `_TLS`.
    static func fromEnvironment(_ environment: [String: String]) throws(DomainError) -> SMTPSettings? {
        guard let host = environment["LUOSHI_SMTP_HOST"]?.nonBlank else { return nil }
        let tls = ["1", "true", "yes"].contains(environment["LUOSHI_SMTP_TLS"]?.lowercased() ?? "")
        let port = try AppConfig.positiveNumber(environment, "LUOSHI_SMTP_PORT") ?? (tls ? 465 : 25)
        guard port <= 65_535 else { throw .invalid("LUOSHI_SMTP_PORT", zh: "LUOSHI_SMTP_PORT 应为 1–65535", en: "LUOSHI_SMTP_PORT must be 1–65535") }
        guard let from = environment["LUOSHI_SMTP_FROM"]?.nonBlank, EmailAddress.isValid(from) else {
            throw .invalid("LUOSHI_SMTP_FROM", zh: "设置 LUOSHI_SMTP_HOST 时须设置发件地址 LUOSHI_SMTP_FROM（如 duchashi@example.gov.cn）",
                           en: "LUOSHI_SMTP_FROM (a sender address) is required with LUOSHI_SMTP_HOST")
        }
        let username = environment["LUOSHI_SMTP_USERNAME"]?.nonBlank
        let password = environment["LUOSHI_SMTP_PASSWORD"]?.nonBlank
        guard (username == nil) == (password == nil) else {
            throw .invalid("LUOSHI_SMTP_USERNAME", zh: "LUOSHI_SMTP_USERNAME 与 LUOSHI_SMTP_PASSWORD 须同时设置",
                           en: "Set both LUOSHI_SMTP_USERNAME and LUOSHI_SMTP_PASSWORD, or neither")
        }
        guard username == nil || tls else {
            throw .invalid("LUOSHI_SMTP_TLS", zh: "使用用户名密码登录邮件服务器时须启用 TLS（LUOSHI_SMTP_TLS=1），以免密码明文传输",
                           en: "Signing in to the mail server needs TLS (LUOSHI_SMTP_TLS=1) so the password is not sent in clear")
        }
        return SMTPSettings(host: host, port: port, from: from, username: username, password: password, tls: tls)
    }
}

/// The identity a government website shows in its footer: who runs it (主办单位), the national
/// website code (网站标识码, 10 digits), the ICP filing (ICP备案号) and the public-security filing
/// (公安机关备案号), and a contact address. Each is optional; an unset one is not shown.
public struct SiteIdentity: Sendable, Equatable {
    /// `LUOSHI_SITE_ORGANISER`, e.g. 沂水县人民政府办公室.
    public var organiser: String?
    /// `LUOSHI_SITE_CODE`, e.g. 3713230001.
    public var websiteCode: String?
    /// `LUOSHI_SITE_ICP`, e.g. 鲁ICP备05000000号-1.
    public var icpFiling: String?
    /// `LUOSHI_SITE_PSB`, e.g. 鲁公网安备37132302000001号.
    public var publicSecurityFiling: String?
    /// `LUOSHI_SITE_EMAIL`.
    public var contactEmail: String?

    public init(organiser: String? = nil, websiteCode: String? = nil, icpFiling: String? = nil, publicSecurityFiling: String? = nil,
                contactEmail: String? = nil) {
        self.organiser = organiser
        self.websiteCode = websiteCode
        self.icpFiling = icpFiling
        self.publicSecurityFiling = publicSecurityFiling
        self.contactEmail = contactEmail
    }

    /// The digits of the public-security filing, which its query page is addressed by.
    public var publicSecurityNumber: String? {
        publicSecurityFiling.map { String($0.filter(\.isASCII).filter(\.isNumber)) }.flatMap(\.nonBlank)
    }

    static func fromEnvironment(_ environment: [String: String]) throws(DomainError) -> SiteIdentity {
        func text(_ name: String) throws(DomainError) -> String? {
            guard let value = environment[name]?.trimmingCharacters(in: .whitespaces).nonBlank else { return nil }
            guard value.count <= 80, !value.contains(where: { $0.isNewline }) else {
                throw .invalid(name, zh: "\(name) 应为一行、不超过 80 字", en: "\(name) must be one line of at most 80 characters")
            }
            return value
        }
        let site = SiteIdentity(organiser: try text("LUOSHI_SITE_ORGANISER"), websiteCode: try text("LUOSHI_SITE_CODE"),
                                icpFiling: try text("LUOSHI_SITE_ICP"), publicSecurityFiling: try text("LUOSHI_SITE_PSB"),
                                contactEmail: try text("LUOSHI_SITE_EMAIL"))
        if let code = site.websiteCode, code.count != 10 || !code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw .invalid("LUOSHI_SITE_CODE", zh: "LUOSHI_SITE_CODE（网站标识码）应为 10 位数字，实际为“\(code)”",
                           en: "LUOSHI_SITE_CODE (the website code) must be 10 digits; got \"\(code)\"")
        }
        if let filing = site.publicSecurityFiling, site.publicSecurityNumber == nil {
            throw .invalid("LUOSHI_SITE_PSB", zh: "LUOSHI_SITE_PSB（公安机关备案号）应含备案编号，实际为“\(filing)”",
                           en: "LUOSHI_SITE_PSB (the public-security filing) must contain its number; got \"\(filing)\"")
        }
        if let email = site.contactEmail, !EmailAddress.isValid(email) {
            throw .invalid("LUOSHI_SITE_EMAIL", zh: "LUOSHI_SITE_EMAIL 不是有效的邮箱地址", en: "LUOSHI_SITE_EMAIL is not an email address")
        }
        return site
    }
}
