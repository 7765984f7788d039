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
    /// Bcrypt work factor for passwords (`LUOSHI_BCRYPT_COST`, 10–14, default 12); tests use 4.
    public var bcryptCost: Int = 12

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
        return config
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
