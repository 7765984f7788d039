import FluentKit
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import SQLKit

/// SQLite takes one writer at a time per file. fluent-sqlite-driver opens one connection per event
/// loop and begins transactions deferred, so two write transactions of one process contend for the
/// file's lock: one sleeps in the busy handler, and one whose snapshot is older than the other's
/// commit fails outright (SQLITE_BUSY_SNAPSHOT). This configuration wraps the SQLite one so that a
/// process's write transactions queue in memory, in order, and each begins only when the one before
/// has committed. Other processes on the same file still wait in the busy handler (`busy_timeout`).
/// Reads never queue.
struct SerialWritesConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration
    let gate = WriteGate()

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        SerialWritesDriver(base: base.makeDriver(for: databases), gate: gate)
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
    let gate: WriteGate

    func makeDatabase(with context: DatabaseContext) -> any Database {
        let database = base.makeDatabase(with: context)
        guard let sql = database as? any Database & SQLDatabase else { return database }
        return SerialWritesDatabase(base: sql, gate: gate)
    }

    func shutdown() { base.shutdown() }
    func shutdownAsync() async { await base.shutdownAsync() }
}

/// A database whose transactions pass the gate first; everything else goes straight through.
struct SerialWritesDatabase: Database, SQLDatabase {
    let base: any Database & SQLDatabase
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
        let base = base, gate = gate
        return gate.enter(on: base.eventLoop).flatMap { base.transaction(closure) }.always { _ in gate.leave() }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let gate = gate
        return base.withConnection { connection in
            guard let sql = connection as? any Database & SQLDatabase else { return closure(connection) }
            return closure(SerialWritesDatabase(base: sql, gate: gate))
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
