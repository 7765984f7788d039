import FluentPostgresDriver
import Foundation
import NIOConcurrencyHelpers
import PostgresNIO
import SQLKit
import Vapor

/// What a write changed, as far as read models care. A database trigger bumps the scope of every
/// table a transaction writes (migration 013 lists them), and `any` with it.
enum DataScope: String, CaseIterable, Sendable {
    /// Any of the scopes below.
    case any
    /// Plans, parts, tasks, units, leaders and the work on tasks (charters, changes, comments).
    case catalog
    /// Rounds, reports, rules, bulletins, supervision, inspections, reminders, instructions.
    case dispatch
    /// Reports not handed in (drafts, returned reports being revised) and their saves: no read
    /// model counts them, so saving one leaves every cache valid (migration 015).
    case drafts
    /// Inbox items.
    case inbox
    /// Users, security settings, ended sessions.
    case accounts
}

/// The versions of every scope at one moment: what a read model was built from.
struct DataStamp: Sendable, Hashable {
    var versions: [DataScope: Int64]

    static let unknown = DataStamp(versions: [:])

    subscript(scope: DataScope) -> Int64 { versions[scope] ?? 0 }

    var isKnown: Bool { !versions.isEmpty }

    /// A part of the stamp: the versions of `scopes` only (a cache that reads the catalog and
    /// dispatch need not move when an inbox item is read).
    func restricted(to scopes: [DataScope]) -> DataStamp {
        DataStamp(versions: versions.filter { scopes.contains($0.key) })
    }
}

/// This process's knowledge of the data versions. Read models ask it which versions are current
/// and rebuild when those move; nothing is invalidated by hand.
///
/// It learns of changes three ways: right after each write request of this process (one small
/// query, before the response leaves, so a redirect shows the write); on PostgreSQL from
/// `LISTEN/NOTIFY` (the committing transaction notifies); on SQLite by reading the versions
/// table every `pollInterval` (another process's commit shows within that), and on PostgreSQL
/// the same read every few seconds as a safety net should the listening connection drop.
/// Requests never wait for a poll.
final class DataVersionWatcher: Sendable {
    static let channel = "luoshi_data_versions"
    static let pollInterval: Duration = .milliseconds(250)
    /// PostgreSQL: how often the table is read although notifications arrive.
    static let safetyPollInterval: Duration = .seconds(5)

    private let state = NIOLockedValueBox(DataStamp.unknown)
    private let tasks = NIOLockedValueBox<[Task<Void, Never>]>([])

    /// The versions last read. `unknown` until the first read.
    var current: DataStamp { state.withLockedValue { $0 } }

    /// The current versions, reading them first if this process has never read them.
    func stamp(_ sql: any SQLDatabase) async throws -> DataStamp {
        let known = current
        if known.isKnown { return known }
        return try await refresh(sql)
    }

    /// Callers waiting for a read of the versions table that has not started yet.
    private struct Reads {
        var reading = false
        var waiting: [CheckedContinuation<DataStamp, any Error>] = []
    }

    private let reads = NIOLockedValueBox(Reads())

    /// Reads the versions table and returns what it found, from a read that starts after this
    /// call (so it sees every commit made before it). Versions only move forward here.
    ///
    /// Callers who ask while a read is running share the next one: under 64 concurrent writes
    /// that is a read or two per batch instead of one per write (a read in flight may have
    /// started before the caller's commit, so it is never shared).
    @discardableResult
    func refresh(_ sql: any SQLDatabase) async throws -> DataStamp {
        try await withCheckedThrowingContinuation { continuation in
            let leads = reads.withLockedValue { reads in
                if reads.reading { reads.waiting.append(continuation); return false }
                reads.reading = true
                return true
            }
            guard leads else { return }
            Task { await self.readWhileWaited(sql, first: [continuation]) }
        }
    }

    /// Reads for `first`, then once for everyone who asked meanwhile, until no one waits.
    private func readWhileWaited(_ sql: any SQLDatabase, first: [CheckedContinuation<DataStamp, any Error>]) async {
        var batch = first
        while !batch.isEmpty {
            let result: Result<DataStamp, any Error>
            do { result = .success(merge(try await Self.read(sql))) } catch { result = .failure(error) }
            for continuation in batch { continuation.resume(with: result) }
            batch = reads.withLockedValue { reads in
                defer { reads.waiting = [] }
                if reads.waiting.isEmpty { reads.reading = false }
                return reads.waiting
            }
        }
    }

    private func merge(_ read: DataStamp) -> DataStamp {
        state.withLockedValue { stamp in
            for (scope, version) in read.versions where version > stamp[scope] || stamp.versions[scope] == nil {
                stamp.versions[scope] = version
            }
            return stamp
        }
    }

    private struct Row: Decodable { var scope: String; var version: Int64 }

    private static func read(_ sql: any SQLDatabase) async throws -> DataStamp {
        let rows = try await sql.raw("SELECT scope, version FROM data_versions").all(decoding: Row.self)
        var stamp = DataStamp.unknown
        for row in rows { if let scope = DataScope(rawValue: row.scope) { stamp.versions[scope] = row.version } }
        return stamp
    }

    /// Starts listening (PostgreSQL) and polling; `serve` calls it, tests that need another
    /// process's writes to arrive by themselves too.
    func start(_ app: Application) {
        let sql = app.db as! any SQLDatabase
        let logger = app.logger
        var started: [Task<Void, Never>] = []
        switch app.luoshiConfig.database {
        case .sqlite:
            started.append(poll(sql, every: Self.pollInterval, logger))
        case .postgres(let url):
            started.append(poll(sql, every: Self.safetyPollInterval, logger))
            if let configuration = try? SQLPostgresConfiguration(url: url) {
                started.append(listen(configuration.coreConfiguration, sql, app.eventLoopGroup.any(), logger))
            }
        }
        tasks.withLockedValue { $0 += started }
    }

    func stop() async {
        let running = tasks.withLockedValue { tasks in defer { tasks = [] }; return tasks }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    private func poll(_ sql: any SQLDatabase, every interval: Duration, _ logger: Logger) -> Task<Void, Never> {
        Task {
            var failing = false
            while !Task.isCancelled {
                do {
                    try await self.refresh(sql)
                    if failing { logger.info("Data versions readable again") }
                    failing = false
                } catch {
                    if !failing { logger.warning("Cannot read data versions: \(String(reflecting: error))") }
                    failing = true
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One connection that `LISTEN`s; each notification reads the table. When the connection is
    /// lost it reconnects after a second and reads the table (whatever was missed meanwhile).
    private func listen(_ configuration: PostgresConnection.Configuration, _ sql: any SQLDatabase,
                        _ eventLoop: any EventLoop, _ logger: Logger) -> Task<Void, Never> {
        Task {
            var attempt = 0
            while !Task.isCancelled {
                attempt += 1
                do {
                    let connection = try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: attempt, logger: logger)
                    defer { Task { try? await connection.close() } }
                    try await connection.listen(on: Self.channel) { notifications in
                        try await self.refresh(sql)
                        for try await _ in notifications {
                            try await self.refresh(sql)
                        }
                    }
                } catch {
                    if !Task.isCancelled { logger.warning("Data version notifications interrupted: \(String(reflecting: error))") }
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}

extension Application {
    private struct DataVersionWatcherKey: StorageKey { typealias Value = DataVersionWatcher }

    var dataVersions: DataVersionWatcher {
        get {
            if let existing = storage[DataVersionWatcherKey.self] { return existing }
            let watcher = DataVersionWatcher()
            storage[DataVersionWatcherKey.self] = watcher
            return watcher
        }
        set { storage[DataVersionWatcherKey.self] = newValue }
    }
}

/// Stops the watcher's tasks when the application shuts down.
struct DataVersionLifecycle: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.dataVersions.stop()
    }
}

/// Makes this process see its own writes at once: the first request reads the versions, and
/// after every request that may write (anything but GET and HEAD) the versions are read again
/// before the response leaves, so the page a redirect leads to is built from the new data.
struct DataVersionMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let watcher = request.application.dataVersions
        if !watcher.current.isKnown { try? await watcher.refresh(request.sql) }
        if request.method == .GET || request.method == .HEAD { return try await next.respond(to: request) }
        do {
            let response = try await next.respond(to: request)
            await Self.refresh(request)
            return response
        } catch {
            await Self.refresh(request)  // a refused write may still have written (an audit row, a lockout)
            throw error
        }
    }

    private static func refresh(_ request: Request) async {
        do { try await request.application.dataVersions.refresh(request.sql) } catch {
            request.logger.warning("Cannot read data versions after a write: \(String(reflecting: error))")
        }
    }
}

/// One value per data stamp, rebuilt once when the stamp moves however many ask at once.
/// Used by the read models for their whole state.
final class VersionedValue<Value: Sendable>: Sendable {
    private struct State {
        var value: Value?
        var stamp: DataStamp = .unknown
        var building: (stamp: DataStamp, task: Task<Value, any Error>)?
    }

    private let state = NIOLockedValueBox(State())

    /// The value for `stamp`: the kept one if it was built from `stamp`, else the result of the
    /// build already running for `stamp`, else a new build.
    func value(for stamp: DataStamp, build: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task: Task<Value, any Error> = state.withLockedValue { state in
            if let building = state.building, building.stamp == stamp { return building.task }
            let task = Task { try await build() }
            state.building = (stamp, task)
            return task
        } 
        do {
            let value = try await task.value
            state.withLockedValue { state in
                if state.building?.stamp == stamp { state.building = nil }
                if !state.stamp.isKnown || !Self.isOlder(stamp, than: state.stamp) {
                    state.value = value
                    state.stamp = stamp
                }
            }
            return value
        } catch {
            state.withLockedValue { state in if state.building?.stamp == stamp { state.building = nil } }
            throw error
        }
    }

    /// The kept value if it was built from `stamp`.
    func kept(for stamp: DataStamp) -> Value? {
        state.withLockedValue { $0.stamp == stamp ? $0.value : nil }
    }

    private static func isOlder(_ a: DataStamp, than b: DataStamp) -> Bool {
        a.versions.contains { scope, version in version < b[scope] }
    }
}
