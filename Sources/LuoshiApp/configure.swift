import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import LuoshiDomain
import SQLKit
import Vapor

/// Configures an application from `config`: database, migrations, middleware, routes, commands.
/// Tests call it once per application; it bootstraps no global system.
public func configure(_ app: Application, config: AppConfig) async throws {
    app.luoshiConfig = config
    switch config.database {
    case .sqlite(let path):
        // One writer at a time per file: this process's write transactions queue in memory
        // (SerialWrites.swift) instead of contending for the file's lock.
        app.databases.use(.serialWrites(.sqlite(.file(path), sqlLogLevel: .debug)), as: .sqlite)
    case .postgres(let url):
        var configuration = try SQLPostgresConfiguration(url: url)
        if let schema = config.postgresSchema { configuration.searchPath = [schema] }
        app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: config.connectionsPerEventLoop ?? 8, sqlLogLevel: .debug),
                          as: .psql)
    }
    app.migrations.add(LuoshiMigrations.all)
    // The read models, made once here (not lazily by concurrent requests), all asking one watcher.
    app.dataVersions = DataVersionWatcher()
    _ = (app.catalog, app.ledgerCache, app.securitySettings, app.sessionCache, app.inboxCounts, app.pageViews)
    app.lifecycle.use(DataVersionLifecycle())

    app.routes.defaultMaxBodySize = ByteCount(value: config.maxBodySize)
    app.middleware = Middlewares()
    app.middleware.use(MiddlewareChain([
        MetricsMiddleware(registry: app.metricsRegistry),
        // Outside the error middleware, so error pages and API errors carry the headers too.
        SecurityHeadersMiddleware(),
        LuoshiErrorMiddleware(),
        DataVersionMiddleware(),
        AuthenticationMiddleware(),
        CSRFMiddleware(),
        AuthorizationMiddleware(),
    ]))
    app.passwords.use(.bcrypt(cost: config.bcryptCost))

    try routes(app)

    app.asyncCommands.use(LuoshiServeCommand(), as: "serve", isDefault: true)
    app.asyncCommands.use(LuoshiMigrateCommand(), as: "migrate")
    app.asyncCommands.use(SampleCommand(), as: "sample")
    app.asyncCommands.use(UserCommands(), as: "user")
    app.asyncCommands.use(TokenCommands(), as: "token")
    app.asyncCommands.use(AuditCommands(), as: "audit")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(PlanCommands(), as: "plan")
    app.asyncCommands.use(ExportCommand(), as: "export")
    app.asyncCommands.use(BulletinCommand(), as: "bulletin")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
}

/// SQLite: write-ahead logging and a busy timeout on every connection (each event loop's and the writer's), so readers
/// never block writers and a busy database waits instead of spinning (STACK-NOTES.md).
func prepareSQLite(_ app: Application) async throws {
    guard case .sqlite = app.luoshiConfig.database else { return }
    for eventLoop in app.eventLoopGroup.makeIterator() {
        guard let sql = app.databases.database(.sqlite, logger: app.logger, on: eventLoop) as? any SQLDatabase else { continue }
        try await sql.raw("PRAGMA journal_mode = WAL").run()
        try await sql.raw("PRAGMA busy_timeout = \(literal: 5_000)").run()
    }
    // The writer's connection, which every transaction uses (SerialWrites.swift).
    try await app.db.writeTransaction { db in try await (db as? any SQLDatabase)?.raw("PRAGMA busy_timeout = \(literal: 5_000)").run() }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    var luoshiConfig: AppConfig {
        get { storage[ConfigKey.self] ?? AppConfig(database: .sqlite(path: "luoshi.sqlite")) }
        set { storage[ConfigKey.self] = newValue }
    }

    /// Runs pending migrations and prepares the database for serving.
    public func prepareDatabase() async throws {
        try await prepareSQLite(self)
        try await autoMigrate()
    }
}
