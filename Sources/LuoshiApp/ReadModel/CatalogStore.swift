import Foundation
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Vapor

/// Holds the current `CatalogSnapshot` and the responses rendered from it.
///
/// Reads never touch the database once the snapshot is loaded. The snapshot and every cached
/// response belong to the `catalog` data version they were built from: when any process commits
/// a catalog write the version moves, and the next read loads a fresh snapshot (once, however
/// many requests ask at the same moment).
final class CatalogStore: Sendable {
    struct CachedResponse: Sendable {
        let body: ByteBuffer
        let contentType: HTTPMediaType
        let etag: String
    }

    private struct State {
        var responsesVersion = 0
        var responses: [String: CachedResponse] = [:]
        var cachedBytes = 0
    }

    /// Cached responses are dropped all at once past this many, or past this many bytes
    /// (filters make many URLs; memory stays bounded whatever clients ask for).
    static let responseLimit = 2_048
    static let byteLimit = 48 * 1024 * 1024

    private let state = NIOLockedValueBox(State())
    private let versions: DataVersionWatcher
    private let snapshots = VersionedValue<CatalogSnapshot>()

    init(versions: DataVersionWatcher) {
        self.versions = versions
    }

    /// The snapshot of the current catalog version.
    func snapshot(_ sql: any SQLDatabase) async throws -> CatalogSnapshot {
        let stamp = try await versions.stamp(sql).restricted(to: [.catalog])
        if let kept = snapshots.kept(for: stamp) { return kept }
        let version = Int(stamp[.catalog])
        return try await snapshots.value(for: stamp) { try await CatalogLoader.load(from: sql, version: version) }
    }

    /// The response cached under `key` for the snapshot `version`, or renders and caches it.
    func response(key: String, version: Int, render: () throws -> (ByteBuffer, HTTPMediaType)) rethrows -> CachedResponse {
        let fullKey = "\(version)|\(key)"
        if let hit = state.withLockedValue({ $0.responses[fullKey] }) { return hit }
        let (body, contentType) = try render()
        let etag = "W/\"\(version)-\(UInt32(truncatingIfNeeded: fullKey.hashValue ^ body.readableBytes))\""
        let cached = CachedResponse(body: body, contentType: contentType, etag: etag)
        state.withLockedValue { state in
            if version > state.responsesVersion {
                state.responses.removeAll()
                state.cachedBytes = 0
                state.responsesVersion = version
            }
            guard state.responsesVersion == version else { return }
            if state.responses.count >= Self.responseLimit || state.cachedBytes + body.readableBytes > Self.byteLimit {
                state.responses.removeAll()
                state.cachedBytes = 0
            }
            state.responses[fullKey] = cached
            state.cachedBytes += body.readableBytes
        }
        return cached
    }
}

extension Application {
    private struct CatalogStoreKey: StorageKey { typealias Value = CatalogStore }

    var catalog: CatalogStore {
        if let existing = storage[CatalogStoreKey.self] { return existing }
        let store = CatalogStore(versions: dataVersions)
        storage[CatalogStoreKey.self] = store
        return store
    }
}

extension Request {
    /// The current snapshot of plans, tasks, units and leaders. A request that may write (not
    /// GET or HEAD) reads the data versions first, so what it reads after its own write shows it.
    func catalog() async throws -> CatalogSnapshot {
        if method != .GET && method != .HEAD { try await application.dataVersions.refresh(sql) }
        return try await application.catalog.snapshot(sql)
    }

    /// Serves a cached response for this URL and `variant` (language, mode), answering
    /// `304 Not Modified` when the client already has it.
    func cachedResponse(
        _ snapshot: CatalogSnapshot, variant: String, render: () throws -> (ByteBuffer, HTTPMediaType)
    ) rethrows -> Response {
        let cached = try application.catalog.response(key: "\(variant)|\(url.string)", version: snapshot.version, render: render)
        var headers = HTTPHeaders()
        headers.contentType = cached.contentType
        headers.replaceOrAdd(name: .eTag, value: cached.etag)
        headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        headers.replaceOrAdd(name: .vary, value: "Cookie")
        if self.headers.first(name: .ifNoneMatch) == cached.etag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(buffer: cached.body))
    }
}
