import FluentKit
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit

/// SQLite takes one writer at a time per file. fluent-sqlite-driver opens one connection per event
/// loop and begins transactions deferred, so two write transactions of one process contend for the
/// file's lock: one sleeps in the busy handler, and one whose snapshot is older than the other's
/// commit fails outright (SQLITE_BUSY_SNAPSHOT). This configuration wraps the SQLite one so that a
/// process's write transactions queue in memory, in order, and each begins only when the one before
/// has committed. Other processes on the same file still wait in the busy handler (`busy_timeout`).
///
/// Transactions run on a connection of their own, on an event loop of their own (the writer), and
/// reads on the event loops' connections. With the event loops' connections, a transaction that
/// had passed the queue still waited for its loop's one connection behind that loop's reads, and
/// every write behind it waited too: under 64 writers the queue was held mostly by waiting.
/// Reads never queue behind writes.
struct SerialWritesConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration
    let gate = WriteGate()

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        let writerLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let writerThread = NIOThreadPool(numberOfThreads: 1)
        writerThread.start()
        return SerialWritesDriver(base: base.makeDriver(for: databases),
                                  writer: base.makeDriver(for: Databases(threadPool: writerThread, on: writerLoop)),
                                  writerLoop: writerLoop, writerThread: writerThread, gate: gate)
    }
}

extension DatabaseConfigurationFactory {
    /// `factory`'s databases, with their write transactions taken one at a time.
    static func serialWrites(_ factory: DatabaseConfigurationFactory) -> DatabaseConfigurationFactory {
        DatabaseConfigurationFactory { SerialWritesConfiguration(base: factory.make()) }
    }
}

struct SerialWritesDriver: DatabaseDriver {
    let base: any DatabaseDriver
    /// The same database with one connection, on `writerLoop`: every transaction of the process runs there.
    let writer: any DatabaseDriver
    let writerLoop: MultiThreadedEventLoopGroup
    /// The thread the writer's SQLite calls block on, so that they never queue behind the reads'
    /// calls in the application's thread pool.
    let writerThread: NIOThreadPool
    let gate: WriteGate

    func makeDatabase(with context: DatabaseContext) -> any Database {
        let database = base.makeDatabase(with: context)
        let writerContext = DatabaseContext(configuration: context.configuration, logger: context.logger, eventLoop: writerLoop.next(),
                                            history: context.history, pageSizeLimit: context.pageSizeLimit, shouldTrace: context.shouldTrace)
        guard let sql = database as? any Database & SQLDatabase,
              let writer = writer.makeDatabase(with: writerContext) as? any Database & SQLDatabase else { return database }
        return SerialWritesDatabase(base: sql, writer: writer, gate: gate)
    }

    func shutdown() {
        base.shutdown()
        writer.shutdown()
        try? writerThread.syncShutdownGracefully()
        try? writerLoop.syncShutdownGracefully()
    }

    func shutdownAsync() async {
        await base.shutdownAsync()
        await writer.shutdownAsync()
        try? await writerThread.shutdownGracefully()
        try? await writerLoop.shutdownGracefully()
    }
}

/// A database whose transactions pass the gate first and run on the writer's connection;
/// everything else goes straight through.
struct SerialWritesDatabase: Database, SQLDatabase {
    let base: any Database & SQLDatabase
    let writer: any Database & SQLDatabase
    let gate: WriteGate

    var context: DatabaseContext { base.context }
    var inTransaction: Bool { base.inTransaction }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        base.execute(query: query, onOutput: onOutput)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { base.execute(schema: schema) }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { base.execute(enum: `enum`) }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        if base.inTransaction { return base.transaction(closure) }
        let writer = writer, gate = gate
        return gate.enter(on: writer.eventLoop).flatMap { writer.transaction(closure) }.always { _ in gate.leave() }
            .hop(to: base.eventLoop)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let writer = writer, gate = gate
        return base.withConnection { connection in
            guard let sql = connection as? any Database & SQLDatabase else { return closure(connection) }
            return closure(SerialWritesDatabase(base: sql, writer: writer, gate: gate))
        }
    }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        base.execute(sql: query, onRow)
    }
}

/// A first-come, first-served lock for futures: `enter` succeeds when every earlier holder has left.
final class WriteGate: Sendable {
    private struct State {
        var held = false
        var waiting: [EventLoopPromise<Void>] = []
        var next = 0
    }

    private let state = NIOLockedValueBox(State())

    func enter(on eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        state.withLockedValue { state in
            if !state.held {
                state.held = true
                return eventLoop.makeSucceededVoidFuture()
            }
            let promise = eventLoop.makePromise(of: Void.self)
            state.waiting.append(promise)
            return promise.futureResult
        }
    }

    func leave() {
        let next: EventLoopPromise<Void>? = state.withLockedValue { state in
            guard state.next < state.waiting.count else {
                state.held = false
                state.waiting.removeAll(keepingCapacity: true)
                state.next = 0
                return nil
            }
            let promise = state.waiting[state.next]
            state.next += 1
            if state.next >= 64, state.next * 2 >= state.waiting.count {  // drop the served ones now and then
                state.waiting.removeFirst(state.next)
                state.next = 0
            }
            return promise
        }
        next?.succeed()
    }
}
