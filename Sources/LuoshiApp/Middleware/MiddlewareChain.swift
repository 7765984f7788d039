import NIOCore
import Vapor

/// The application's middlewares, run as one, in one task per request, on the request's event loop.
///
/// Vapor turns every `AsyncMiddleware` into a future and back: each starts a task of its own per
/// request, and the route's closure one more, so a request crossed eight tasks and every crossing
/// woke a thread of the concurrency pool and one of the event loop. Chained here, the first
/// middleware calls the next one's `async` method directly, down to the route's closure.
///
/// The task prefers the request's event loop as its executor, so that what a database call resumes
/// (its future completes on that loop) runs on the same thread instead of waking one of the pool's.
/// Under a load of writes most of the server's time was spent switching threads.
struct MiddlewareChain: AsyncMiddleware {
    let middlewares: [any AsyncMiddleware]

    init(_ middlewares: [any AsyncMiddleware]) { self.middlewares = middlewares }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let route = (next as? any AsyncResponder) ?? AsyncBasicResponder { try await next.respond(to: $0).get() }
        let promise = request.eventLoop.makePromise(of: Response.self)
        Task(executorPreference: EventLoopTaskExecutor(request.eventLoop)) {
            do { promise.succeed(try await respond(to: request, chainingTo: route)) } catch { promise.fail(error) }
        }
        return promise.futureResult
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await respond(to: request, from: 0, then: next)
    }

    private func respond(to request: Request, from index: Int, then route: any AsyncResponder) async throws -> Response {
        guard index < middlewares.count else { return try await route.respond(to: request) }
        return try await middlewares[index].respond(to: request, chainingTo: AsyncBasicResponder {
            try await respond(to: $0, from: index + 1, then: route)
        })
    }
}
