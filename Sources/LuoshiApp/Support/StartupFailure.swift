import Foundation
import LuoshiDomain
import NIOCore
import NIOPosix
import PostgresNIO
import SQLiteNIO

/// Turns an error that stops `luoshi` into one line a person can act on.
public enum StartupFailure {
    public static func describe(_ error: any Error) -> String {
        switch error {
        case let domain as DomainError:
            let field = domain.field.map { "[\($0)] " } ?? ""
            return "\(field)\(domain.message.zh) / \(domain.message.en)"
        case let io as IOError where io.errnoCode == EADDRINUSE:
            return "端口已被占用，请用 --port 指定其他端口 / The port is already in use; choose another with --port"
        case let io as IOError where io.errnoCode == EADDRNOTAVAIL:
            return "无法绑定该主机地址 / Cannot bind to that host address"
        case let psql as PSQLError:
            return "无法使用 PostgreSQL 数据库，请检查 DATABASE_URL 与数据库服务 / Cannot use the PostgreSQL database; check DATABASE_URL and the server (\(psql.code))"
        case is SQLiteError:
            return "无法打开 SQLite 数据库，请检查 DATABASE_URL 的文件路径与权限 / Cannot open the SQLite database; check the path in DATABASE_URL and its permissions (\(error))"
        case let connect as NIOConnectionError:
            return "无法连接数据库 \(connect.host):\(connect.port) / Cannot connect to the database at \(connect.host):\(connect.port)"
        default:
            let text = String(describing: error)
            if text.localizedCaseInsensitiveContains("connection refused") || text.contains("connect(") {
                return "无法连接数据库，请检查 DATABASE_URL / Cannot connect to the database; check DATABASE_URL (\(text))"
            }
            return "启动失败 / Start-up failed: \(text)"
        }
    }
}
