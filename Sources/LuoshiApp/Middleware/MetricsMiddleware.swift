import Prometheus
import Vapor

/// Counts requests and records their latency by method, route pattern and status, into the
/// application's Prometheus registry (served at `/metrics`).
struct MetricsMiddleware: AsyncMiddleware {
    let registry: PrometheusCollectorRegistry

    static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
    ]

    // MetricNameDescriptor is not Sendable, so these are made on use (two small structs).
    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "luoshi", subsystem: "http", metricName: "requests", unitName: "total",
                             helpText: "HTTP requests by method, route and status")
    }
    static var latency: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "luoshi", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                             helpText: "HTTP request latency by method and route")
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            let failure = LuoshiErrorMiddleware.response(for: error, request: request)
            record(request, failure.status, since: start)
            return failure
        }
        record(request, response.status, since: start)
        return response
    }

    private func record(_ request: Request, _ status: HTTPResponseStatus, since start: ContinuousClock.Instant) {
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        let labels = [("method", request.method.rawValue), ("route", route), ("status", String(status.code))]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        registry.makeDurationHistogram(descriptor: Self.latency, labels: [("method", request.method.rawValue), ("route", route)],
                                       buckets: Self.buckets)
            .recordNanoseconds((ContinuousClock.now - start).nanoseconds)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

extension Application {
    private struct RegistryKey: StorageKey { typealias Value = PrometheusCollectorRegistry }

    /// This application's metrics; tests get a fresh one per application.
    var metricsRegistry: PrometheusCollectorRegistry {
        if let existing = storage[RegistryKey.self] { return existing }
        let registry = PrometheusCollectorRegistry()
        storage[RegistryKey.self] = registry
        return registry
    }
}
