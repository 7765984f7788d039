import FluentKit
import NIOCore

/// An event loop as the executor of tasks that prefer it: their jobs run on the loop's thread.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) { self.eventLoop = eventLoop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

extension Database {
    /// Runs `body` in a transaction, in a task that prefers the transaction's event loop: each
    /// statement's result resumes the body on the connection's own thread. (FluentKit's `async`
    /// `transaction` runs the body on the concurrency pool, and every statement hops there and back.)
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await transaction { db -> EventLoopFuture<T> in
            let promise = db.eventLoop.makePromise(of: T.self)
            Task(executorPreference: EventLoopTaskExecutor(db.eventLoop)) {
                do { promise.succeed(try await body(db)) } catch { promise.fail(error) }
            }
            return promise.futureResult
        }.get()
    }
}
