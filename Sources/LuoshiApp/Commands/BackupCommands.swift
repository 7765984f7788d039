import Foundation
import LuoshiDomain
import Vapor

/// `luoshi backup --output FILE`: one consistent copy of the whole database (and of evidence kept
/// in a directory), taken while servers keep running (DatabaseBackup.swift).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", help: "The backup file to write (written to FILE.part, then renamed)") var output: String?
    }

    var help: String { "Writes a consistent backup of the database and its evidence to one file." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let output = signature.output?.nonBlank else { throw DomainError.missing("output", zh: "请用 --output 指定备份文件", en: "Give --output") }
        let app = context.application
        try await app.prepareDatabase()
        let summary = try await DatabaseBackup.backup(app, to: output)
        context.console.info("已备份 \(summary.tables) 张表、\(summary.rows) 行、\(summary.evidence) 个目录中的佐证材料到 \(output) / "
            + "Backed up \(summary.tables) tables, \(summary.rows) rows and \(summary.evidence) evidence files from the directory to \(output)")
    }
}

/// `luoshi restore FILE`: restores a backup into an empty database (either engine).
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A file written by `luoshi backup`") var file: String
    }

    var help: String { "Restores a backup into an empty database: checked whole first, then written in one transaction." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareSQLite(app)
        let summary = try await DatabaseBackup.restore(app, from: signature.file)
        context.console.info("已恢复 \(summary.tables) 张表、\(summary.rows) 行、\(summary.evidence) 个佐证材料 / "
            + "Restored \(summary.tables) tables, \(summary.rows) rows and \(summary.evidence) evidence files")
    }
}
