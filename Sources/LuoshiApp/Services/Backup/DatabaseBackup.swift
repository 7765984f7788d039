import Fluent
import Foundation
import LuoshiDomain
import SQLKit
import Vapor

/// `luoshi backup` and `luoshi restore`: every table of the database (and evidence kept in a
/// directory) copied into one `BackupArchive` file from one consistent snapshot, taken while the
/// servers keep running, and restored into an empty database on either engine in one transaction.
///
/// Tables are read from the database's own catalogue, not from a list kept here, so a table a
/// later migration adds is backed up without a change to this file. Two tables are left out:
/// `_fluent_migrations` (the header names the migrations instead) and `data_versions` (restoring
/// bumps them, so a server that was watching the empty database rebuilds its read models).
enum DatabaseBackup {
    static let notCopied: Set<String> = ["_fluent_migrations", "data_versions"]
    /// Tables whose rows a migration creates (defaults, the audit head): a restore replaces them.
    static let seededByMigrations: Set<String> = [SecuritySettingsModel.schema, AuditHeadModel.schema]

    struct Summary: Equatable {
        var tables: Int
        var rows: Int
        var evidence: Int
    }

    // MARK: Backup

    static func backup(_ app: Application, to path: String) async throws -> Summary {
        let partial = path + ".part"
        let writer = try BackupArchive.Writer(path: partial)
        do {
            try await app.db.writeTransaction { db in
                let sql = db as! any SQLDatabase
                if sql.dialect.name == "postgresql" {
                    // One snapshot for every table: a consistent copy while others keep writing.
                    try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
                }
                let schema = try await Schema.read(sql)
                try writer.write(BackupArchive.Header(luoshiBackup: BackupArchive.formatVersion, engine: sql.dialect.name,
                                                      takenAt: BackupArchive.Value.timestampFormat.string(from: app.clock.now),
                                                      migrations: try await appliedMigrations(sql)))
                for table in schema.insertionOrder where !notCopied.contains(table.name) {
                    try writer.write(BackupArchive.TableStart(table: table.name, columns: table.columns.map(\.name)))
                    try await copyRows(of: table, from: sql) { try writer.write(row: $0) }
                }
                if let directory = app.luoshiConfig.attachmentDirectory {
                    for (id, data) in try evidenceFiles(in: directory) { try writer.write(BackupArchive.Evidence(evidence: id, data: data)) }
                }
            }
            try writer.finish()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        return Summary(tables: writer.tables, rows: writer.rows, evidence: writer.evidence)
    }

    /// The rows of `table`, a page at a time in storage order (SQLite's rowid, PostgreSQL's ctid:
    /// stable within the snapshot), each value typed.
    private static func copyRows(of table: Schema.Table, from sql: any SQLDatabase, _ each: ([BackupArchive.Value]) throws -> Void) async throws {
        let postgres = sql.dialect.name == "postgresql"
        let selections = table.columns.enumerated().map { index, column in
            postgres ? Schema.postgresSelection(column, index) : Schema.sqliteSelection(column, index)
        }.joined(separator: ", ")
        // Keyset pages in storage order: PostgreSQL's ctid, SQLite's rowid (both stable within the snapshot).
        var after: any Encodable & Sendable = postgres ? "(0,0)" : Int64(0)
        while true {
            let page = try await sql.raw(postgres ? """
                SELECT ctid::text AS luoshi_position, \(unsafeRaw: selections) FROM \(ident: table.name)
                WHERE ctid > \(bind: after)::tid ORDER BY ctid LIMIT 500
                """ : """
                SELECT rowid AS luoshi_position, \(unsafeRaw: selections) FROM \(ident: table.name)
                WHERE rowid > \(bind: after) ORDER BY rowid LIMIT 500
                """).all()
            for row in page {
                try each(try table.columns.enumerated().map { index, column in
                    try postgres ? Schema.postgresValue(row, column, index) : Schema.sqliteValue(row, index)
                })
            }
            guard page.count == 500, let last = page.last else { return }
            after = postgres ? try last.decode(column: "luoshi_position", as: String.self) : try last.decode(column: "luoshi_position", as: Int64.self)
        }
    }

    private static func evidenceFiles(in directory: String) throws -> [(UUID, Data)] {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        guard let shards = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return [] }
        var files: [(UUID, Data)] = []
        for shard in shards.sorted() {
            let folder = root.appendingPathComponent(shard, isDirectory: true)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? [] {
                guard let id = UUID(uuidString: name) else { continue } // `.part` files are not yet evidence
                files.append((id, try Data(contentsOf: folder.appendingPathComponent(name))))
            }
        }
        return files
    }

    static func appliedMigrations(_ sql: any SQLDatabase) async throws -> [String] {
        let tables = try await Schema.tableNames(sql)
        guard tables.contains("_fluent_migrations") else { return [] }
        return try await sql.raw("SELECT name FROM _fluent_migrations ORDER BY batch, name").all().map { try $0.decode(column: "name", as: String.self) }
    }

    // MARK: Restore

    /// Restores `path` into this database, which must hold no data: the file is checked whole
    /// first (header, every line, counts and checksum), then every row is written in one
    /// transaction. A database with no migrations yet is migrated to the backup's, restored, then
    /// migrated to this version's; one already migrated must match the backup's migrations.
    static func restore(_ app: Application, from path: String) async throws -> Summary {
        let header = try await BackupArchive.read(path: path) { _, _ in }
        let known = LuoshiMigrations.all.map(\.name)
        if let unknown = header.migrations.first(where: { !known.contains($0) }) {
            throw DomainError.invalid("migrations", zh: "备份来自更新的版本（含本版本没有的迁移 \(unknown)），请用相同或更新的版本恢复",
                                      en: "The backup was taken by a newer version (migration \(unknown) is unknown here): restore with that version or newer")
        }
        let sql = app.db as! any SQLDatabase
        let applied = try await appliedMigrations(sql)
        if applied.isEmpty {
            let migrations = Migrations()
            migrations.add(LuoshiMigrations.all.filter { header.migrations.contains($0.name) })
            let migrator = Migrator(databases: app.databases, migrations: migrations, logger: app.logger, on: app.eventLoopGroup.any())
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
        } else if Set(applied) != Set(header.migrations) {
            throw DomainError.invalid("migrations", zh: "数据库已按另一版本迁移，请恢复到一个全新的空数据库",
                                      en: "This database was migrated by a different version: restore into a new, empty database")
        }
        let schema = try await Schema.read(sql)
        for table in schema.tables.values where !notCopied.contains(table.name) && !seededByMigrations.contains(table.name) {
            let count = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table.name)").first()?.decode(column: "n", as: Int.self) ?? 0
            guard count == 0 else {
                throw DomainError(.conflict, zh: "数据库不是空的：表 \(table.name) 已有 \(count) 行，恢复只能写入空数据库",
                                  en: "The database is not empty: table \(table.name) has \(count) rows; restore needs an empty database", field: table.name)
            }
        }
        let directory = app.luoshiConfig.attachmentDirectory, now = app.clock.now
        let written = WrittenFiles()
        let summary: Summary
        do {
            summary = try await app.db.writeTransaction { db in
                let sql = db as! any SQLDatabase
                if sql.dialect.name == "sqlite" { try await sql.raw("PRAGMA defer_foreign_keys = ON").run() }
                var inserter = Inserter(sql: sql, schema: schema, directory: directory, written: written, now: now)
                _ = try await BackupArchive.read(path: path) { record, line in try await inserter.take(record, line: line) }
                try await inserter.flush()
                return inserter.summary
            }
        } catch {
            for path in written.paths { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
        try await app.autoMigrate()
        return summary
    }

    /// Evidence files a restore wrote, removed again if its transaction fails.
    final class WrittenFiles: @unchecked Sendable {
        var paths: [String] = []
    }

    /// Turns records into batched INSERTs against the target's own column types.
    private struct Inserter {
        let sql: any SQLDatabase
        let schema: Schema
        let directory: String?
        let written: WrittenFiles
        let now: Date
        var table: Schema.Table?
        var columns: [Schema.Column] = []
        var batch: [[any SQLExpression]] = []
        var batchBytes = 0
        var summary = Summary(tables: 0, rows: 0, evidence: 0)

        var filesInsteadOfRows: Bool { directory != nil && table?.name == StoredFileModel.schema }

        mutating func take(_ record: BackupArchive.Record, line: Int) async throws {
            switch record {
            case .header, .end:
                return
            case .table(let start):
                try await flush()
                guard let target = schema.tables[start.table] else {
                    throw DomainError.invalid(start.table, zh: "备份中的表 \(start.table) 在本数据库中不存在", en: "Table \(start.table) of the backup is not in this database")
                }
                columns = try start.columns.map { name in
                    guard let column = target.columns.first(where: { $0.name == name }) else {
                        throw DomainError.invalid("\(start.table).\(name)", zh: "备份中的列 \(start.table).\(name) 在本数据库中不存在",
                                                  en: "Column \(start.table).\(name) of the backup is not in this database")
                    }
                    return column
                }
                table = target
                summary.tables += 1
                if DatabaseBackup.seededByMigrations.contains(target.name) { try await sql.raw("DELETE FROM \(ident: target.name)").run() }
            case .row(let values):
                guard let table else { throw DomainError.invalid("line \(line)", zh: "第 \(line) 行的数据不属于任何表", en: "Line \(line) is a row outside any table") }
                guard values.count == columns.count else {
                    throw DomainError.invalid("line \(line)", zh: "第 \(line) 行有 \(values.count) 个值，表 \(table.name) 有 \(columns.count) 列",
                                              en: "Line \(line) has \(values.count) values; table \(table.name) has \(columns.count) columns")
                }
                summary.rows += 1
                if filesInsteadOfRows {
                    let fields = Dictionary(uniqueKeysWithValues: zip(columns.map(\.name), values))
                    guard let id = fields["id"]?.uuidValue, case .bytes(let data)? = fields["data"] else {
                        throw DomainError.invalid("line \(line)", zh: "第 \(line) 行不是有效的佐证材料", en: "Line \(line) is not a valid stored file")
                    }
                    try writeFile(id, data)
                    return
                }
                batch.append(try zip(columns, values).map { column, value in
                    try Schema.expression(value, for: column, dialect: sql.dialect.name, field: "\(table.name).\(column.name) (line \(line))")
                })
                batchBytes += values.reduce(0) { $0 + $1.approximateSize }
                if batch.count >= max(1, 4_000 / max(columns.count, 1)) || batchBytes > 8 << 20 { try await flush() }
            case .evidence(let file):
                summary.evidence += 1
                if directory != nil {
                    try writeFile(file.evidence, file.data)
                } else {
                    try await flush()
                    try await sql.insert(into: StoredFileModel.schema).columns("id", "data", "size", "created_at")
                        .values(SQLBind(file.evidence), SQLBind(file.data), SQLBind(file.data.count), SQLBind(now)).run()
                }
            }
        }

        mutating func flush() async throws {
            guard let table, !batch.isEmpty else { return }
            var insert = sql.insert(into: table.name).columns(columns.map(\.name))
            for row in batch { insert = insert.values(row) }
            try await insert.run()
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
        }

        func writeFile(_ id: UUID, _ data: Data) throws {
            guard let directory else { return }
            let path = AttachmentStore.path(for: id, directory: directory)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard !FileManager.default.fileExists(atPath: path) else {
                throw DomainError(.conflict, zh: "佐证材料目录中已有文件 \(id.uuidString.lowercased())，恢复只能写入空目录",
                                  en: "The evidence directory already holds \(id.uuidString.lowercased()): restore needs an empty one", field: "evidence")
            }
            try data.write(to: URL(fileURLWithPath: path))
            written.paths.append(path)
        }
    }
}

extension BackupArchive.Value {
    var uuidValue: UUID? {
        switch self {
        case .uuid(let id): return id
        case .text(let text): return UUID(uuidString: text)
        case .bytes(let data) where data.count == 16: return data.withUnsafeBytes { UUID(uuid: $0.load(as: uuid_t.self)) }
        default: return nil
        }
    }

    var approximateSize: Int {
        switch self {
        case .text(let text), .timestamp(let text): return text.utf8.count
        case .bytes(let data): return data.count
        default: return 8
        }
    }
}
