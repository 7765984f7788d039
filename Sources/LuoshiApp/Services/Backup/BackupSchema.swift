import Foundation
import LuoshiDomain
import SQLKit

extension DatabaseBackup {
    /// The tables, columns and foreign keys of a database, read from its own catalogue (SQLite's
    /// `sqlite_master` and pragmas, PostgreSQL's `information_schema` for the current schema), and
    /// how each column's values are read into and written from `BackupArchive.Value`.
    struct Schema {
        struct Column: Equatable {
            var name: String
            /// The declared type, lower-cased: `text`, `real`, `blob`… on SQLite; `uuid`,
            /// `timestamp with time zone`, `bytea`… on PostgreSQL.
            var type: String
        }

        struct Table {
            var name: String
            var columns: [Column]
            /// Tables this one's foreign keys point to.
            var references: Set<String>
        }

        var tables: [String: Table]

        /// Parents before children (then by name), so rows insert without breaking a foreign key.
        var insertionOrder: [Table] {
            var placed: Set<String> = [], order: [Table] = []
            var remaining = tables.values.sorted { $0.name < $1.name }
            while !remaining.isEmpty {
                let ready = remaining.filter { $0.references.subtracting([$0.name]).isSubset(of: placed) }
                let next = ready.isEmpty ? remaining : ready // a cycle: keep going; the engine will name it
                order += next
                placed.formUnion(next.map(\.name))
                remaining.removeAll { placed.contains($0.name) }
            }
            return order
        }

        static func tableNames(_ sql: any SQLDatabase) async throws -> [String] {
            let query: SQLQueryString = sql.dialect.name == "postgresql"
                ? "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            return try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
        }

        static func read(_ sql: any SQLDatabase) async throws -> Schema {
            let postgres = sql.dialect.name == "postgresql"
            var tables: [String: Table] = [:]
            for name in try await tableNames(sql) {
                let columns = try await sql.raw(postgres
                    ? "SELECT column_name::text AS name, data_type::text AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = \(bind: name) ORDER BY ordinal_position"
                    : "SELECT name, type FROM pragma_table_info(\(bind: name)) ORDER BY cid").all()
                    .map { Column(name: try $0.decode(column: "name", as: String.self), type: try $0.decode(column: "type", as: String.self).lowercased()) }
                tables[name] = Table(name: name, columns: columns, references: [])
            }
            let references = try await sql.raw(postgres ? """
                SELECT tc.table_name::text AS child, ccu.table_name::text AS parent
                FROM information_schema.table_constraints tc
                JOIN information_schema.constraint_column_usage ccu
                  ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
                WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
                """ : """
                SELECT m.name AS child, f."table" AS parent FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
                """).all()
            for row in references {
                let child = try row.decode(column: "child", as: String.self), parent = try row.decode(column: "parent", as: String.self)
                tables[child]?.references.insert(parent)
            }
            return Schema(tables: tables)
        }

        // MARK: Reading values

        /// SQLite: each value with its storage class, blobs as hex (typed by the value, not the
        /// column, since SQLite lets a column hold any class).
        static func sqliteSelection(_ column: Column, _ index: Int) -> String {
            let name = quoted(column.name)
            return "typeof(\(name)) AS k\(index), CASE WHEN typeof(\(name)) = 'blob' THEN hex(\(name)) ELSE \(name) END AS v\(index)"
        }

        static func sqliteValue(_ row: any SQLRow, _ index: Int) throws -> BackupArchive.Value {
            switch try row.decode(column: "k\(index)", as: String.self) {
            case "null": return .null
            case "integer": return .integer(try row.decode(column: "v\(index)", as: Int64.self))
            case "real": return .real(try row.decode(column: "v\(index)", as: Double.self))
            case "blob": return .bytes(try bytes(hex: try row.decode(column: "v\(index)", as: String.self)))
            default: return .text(try row.decode(column: "v\(index)", as: String.self))
            }
        }

        /// PostgreSQL: typed by the column; timestamps as text to the microsecond, bytes as hex.
        static func postgresSelection(_ column: Column, _ index: Int) -> String {
            let name = quoted(column.name)
            switch column.type {
            case "timestamp with time zone": return #"to_char(\#(name) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS v\#(index)"#
            case "timestamp without time zone": return #"to_char(\#(name), 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS v\#(index)"#
            case "bytea": return "encode(\(name), 'hex') AS v\(index)"
            case "uuid", "boolean": return "\(name) AS v\(index)"
            case "bigint", "integer", "smallint": return "\(name)::bigint AS v\(index)"
            case "double precision", "real", "numeric": return "\(name)::double precision AS v\(index)"
            default: return "\(name)::text AS v\(index)"
            }
        }

        static func postgresValue(_ row: any SQLRow, _ column: Column, _ index: Int) throws -> BackupArchive.Value {
            let key = "v\(index)"
            if try row.decodeNil(column: key) { return .null }
            switch column.type {
            case "timestamp with time zone", "timestamp without time zone": return .timestamp(try row.decode(column: key, as: String.self))
            case "bytea": return .bytes(try bytes(hex: try row.decode(column: key, as: String.self)))
            case "uuid": return .uuid(try row.decode(column: key, as: UUID.self))
            case "boolean": return .bool(try row.decode(column: key, as: Bool.self))
            case "bigint", "integer", "smallint": return .integer(try row.decode(column: key, as: Int64.self))
            case "double precision", "real", "numeric": return .real(try row.decode(column: key, as: Double.self))
            default: return .text(try row.decode(column: key, as: String.self))
            }
        }

        // MARK: Writing values

        /// `value` as the target column takes it; a value that cannot be one (text in a UUID
        /// column, say) is refused naming `field`.
        static func expression(_ value: BackupArchive.Value, for column: Column, dialect: String, field: String) throws -> any SQLExpression {
            if value == .null { return SQLLiteral.null }
            let mismatch = DomainError.invalid(field, zh: "备份中 \(field) 的值不是该列的类型（\(column.type)）",
                                               en: "The value of \(field) in the backup is not of the column's type (\(column.type))")
            guard dialect == "postgresql" else { return try sqliteExpression(value, for: column, mismatch: mismatch) }
            switch (column.type, value) {
            case ("uuid", _):
                guard let id = value.uuidValue else { throw mismatch }
                return SQLBind(id)
            case ("timestamp with time zone", .timestamp(let text)), ("timestamp without time zone", .timestamp(let text)):
                return SQLQueryString("\(bind: text)::\(unsafeRaw: column.type)")
            case ("timestamp with time zone", _), ("timestamp without time zone", _):
                guard let date = value.date else { throw mismatch }
                return SQLBind(date)
            case ("boolean", .bool(let v)): return SQLBind(v)
            case ("boolean", .integer(let v)): return SQLBind(v != 0)
            case ("bytea", .bytes(let v)): return SQLBind(v)
            case ("bigint", .integer(let v)), ("integer", .integer(let v)), ("smallint", .integer(let v)): return SQLBind(v)
            case ("bigint", .bool(let v)), ("integer", .bool(let v)), ("smallint", .bool(let v)): return SQLBind(Int64(v ? 1 : 0))
            case ("double precision", .real(let v)), ("real", .real(let v)), ("numeric", .real(let v)): return SQLBind(v)
            case ("double precision", .integer(let v)), ("real", .integer(let v)), ("numeric", .integer(let v)): return SQLBind(Double(v))
            case ("text", .text(let v)), ("character varying", .text(let v)): return SQLBind(v)
            case ("text", .uuid(let v)), ("character varying", .uuid(let v)): return SQLBind(v.uuidString)
            case (let type, .text(let v)) where ["jsonb", "json", "date"].contains(type): return SQLQueryString("\(bind: v)::\(unsafeRaw: type)")
            default: throw mismatch
            }
        }

        /// SQLite keeps any value in any column, so the check is the declared type's: a UUID
        /// column takes a UUID (kept as the text it was, or as Fluent writes one), a REAL column a
        /// number or a timestamp, an INTEGER column an integer or boolean, a TEXT column text.
        private static func sqliteExpression(_ value: BackupArchive.Value, for column: Column, mismatch: DomainError) throws -> any SQLExpression {
            let type = column.type
            switch value {
            case .null:
                return SQLLiteral.null
            case .text(let text) where type == "uuid":
                guard UUID(uuidString: text) != nil else { throw mismatch }
                return SQLBind(text)
            case _ where type == "uuid":
                guard let id = value.uuidValue else { throw mismatch }
                return SQLBind(id)
            case .real, .integer, .timestamp where ["real", "double", "float"].contains(type):
                if case .integer(let v) = value { return SQLBind(Double(v)) }
                if case .real(let v) = value { return SQLBind(v) }
                guard let date = value.date else { throw mismatch }
                return SQLBind(date)
            case .integer(let v) where type.hasPrefix("int") || type == "bigint": return SQLBind(v)
            case .bool(let v) where type.hasPrefix("int") || type == "bigint": return SQLBind(v)
            case .text(let v) where type == "text" || type.hasPrefix("varchar"): return SQLBind(v)
            case .bytes(let v) where type == "blob": return SQLBind(v)
            case _ where ["real", "double", "float", "text", "blob", "bigint"].contains(type) || type.hasPrefix("int") || type.hasPrefix("varchar"):
                throw mismatch
            // A type this file does not know (a column added by raw SQL): the value as it was.
            case .integer(let v): return SQLBind(v)
            case .bool(let v): return SQLBind(v)
            case .text(let v): return SQLBind(v)
            case .real(let v): return SQLBind(v)
            case .timestamp: guard let date = value.date else { throw mismatch }; return SQLBind(date)
            case .uuid(let v): return SQLBind(v)
            case .bytes(let v): return SQLBind(v)
            }
        }

        static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

        static func bytes(hex: String) throws -> Data {
            var data = Data(capacity: hex.utf8.count / 2)
            var high: UInt8?
            for byte in hex.utf8 {
                let nibble: UInt8
                switch byte {
                case 0x30...0x39: nibble = byte - 0x30
                case 0x41...0x46: nibble = byte - 0x41 + 10
                case 0x61...0x66: nibble = byte - 0x61 + 10
                default: throw DomainError.invalid("hex", zh: "十六进制数据无效", en: "Invalid hex data")
                }
                if let h = high { data.append(h << 4 | nibble); high = nil } else { high = nibble }
            }
            return data
        }
    }
}
