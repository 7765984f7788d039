import SQLKit
import Vapor

/// `luoshi serve [--sample] [--hostname H] [--port P]`: migrates, loads the sample with
/// `--sample` when the database has no plan, then hands over to Vapor's server.
struct LuoshiServeCommand: AnyAsyncCommand {
    var help: String {
        "Migrates the database and serves Luoshi. --sample loads the illustrative Yishui 2023 plan into an empty database."
    }

    func outputAutoComplete(using context: inout CommandContext) {}
    func outputHelp(using context: inout CommandContext) {
        context.console.print("Usage: luoshi serve [--sample] [--hostname H] [--port P]")
        context.console.print(help)
    }
    func renderCompletionFunctions(using context: CommandContext, shell: Shell) -> String { "" }

    func run(using context: inout CommandContext) async throws {
        let app = context.application
        let withSample = context.input.arguments.contains("--sample")
        context.input.arguments.removeAll { $0 == "--sample" }

        try await app.prepareDatabase()
        if withSample {
            if try await SampleData.loadIfEmpty(into: app.db, at: app.clock.now) {
                try await app.dataVersions.refresh(app.db as! any SQLDatabase)
                try await SampleRounds.loadIfMissing(into: app.db, snapshot: try await app.catalog.snapshot(app.db as! any SQLDatabase))
                try await SampleInterpretation.loadIfMissing(into: app.db, snapshot: try await app.catalog.snapshot(app.db as! any SQLDatabase))
                try await app.dataVersions.refresh(app.db as! any SQLDatabase)
                context.console.info("已载入示例数据：沂水县2023年重点工作任务分解方案及4—6月调度（示例）/ Loaded the illustrative Yishui 2023 sample plan with its April–June rounds.")
            } else {
                context.console.print("数据库中已有方案，未重复载入示例 / The database already holds a plan; the sample was not loaded again.")
            }
        }
        let accounts = try await InitialAccounts.createIfNoUsers(app, sample: withSample)
        InitialAccounts.print(accounts, to: context.console)
        app.dataVersions.start(app)
        app.lifecycle.use(ReminderSchedulerLifecycle())
        app.reminderScheduler.start(app)
        try await app.servers.asyncCommand.run(using: &context)
    }
}

/// `luoshi migrate`: runs pending migrations without asking.
struct LuoshiMigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Runs pending database migrations." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.prepareDatabase()
        context.console.info("数据库迁移完成 / Migrations are up to date.")
    }
}

/// `luoshi sample`: loads the illustrative sample into the current database, refusing if the
/// sample's plan (Yishui, 2023) is already there.
struct SampleCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Loads the illustrative Yishui County 2023 plan into the current database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let resolved = try await PlanWriter.save(try SampleData.document(), on: app.db, by: .system("cli"), at: app.clock.now)
        try await app.dataVersions.refresh(app.db as! any SQLDatabase)
        try await SampleRounds.loadIfMissing(into: app.db, snapshot: try await app.catalog.snapshot(app.db as! any SQLDatabase))
        try await SampleInterpretation.loadIfMissing(into: app.db, snapshot: try await app.catalog.snapshot(app.db as! any SQLDatabase))
        context.console.info("已载入示例方案：\(resolved.plan.title)，\(resolved.parts.count) 个部分、\(resolved.tasks.count) 项任务 / Loaded the sample plan.")
    }
}
