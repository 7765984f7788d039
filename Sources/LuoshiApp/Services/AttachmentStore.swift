import Fluent
import Foundation
import LuoshiDomain
import NIOPosix
import Vapor

/// Where evidence bytes live: rows of `stored_files` (the default), or files under
/// `{LUOSHI_ATTACHMENT_DIR}/{first two hex digits}/{id}`, written to a temporary name and renamed.
/// Either way a file without its row never shows, and a failed row leaves no file behind.
enum AttachmentStore {
    /// A file as a form or the API sent it: the command the evidence services take.
    struct Upload: Sendable {
        var fileName: String
        var data: ByteBuffer
    }

    /// Where the bytes go, and the limit on their size.
    struct Storage: Sendable {
        /// nil: the database.
        var directory: String?
        var maxBytes: Int
        var threadPool: NIOThreadPool
    }

    static func path(for id: UUID, directory: String) -> String {
        let name = id.uuidString.lowercased()
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        return root.appendingPathComponent(String(name.prefix(2)), isDirectory: true).appendingPathComponent(name).path
    }

    /// Checks `upload` (its kind by content, its size), stores it under a new id and runs `record`
    /// (its row and audit entry) in one transaction (with the bytes, when they go to the
    /// database); if that fails nothing is kept.
    static func store(_ upload: Upload, in storage: Storage, on database: any Database,
                      record: @escaping @Sendable (UUID, Evidence.Accepted, ByteBuffer, any Database) async throws -> Void) async throws {
        let data = upload.data
        let accepted = try Evidence.check(fileName: upload.fileName, size: data.readableBytes, leadingBytes: Array(data.readableBytesView.prefix(16)),
                                          maxBytes: storage.maxBytes).get()
        let id = UUID()
        guard let directory = storage.directory else {
            try await database.writeTransaction { db in
                try await StoredFileModel(id: id, data: Data(buffer: data)).create(on: db)
                try await record(id, accepted, data, db)
            }
            return
        }
        let path = path(for: id, directory: directory)
        try await write(data, to: path, storage.threadPool)
        do {
            try await database.writeTransaction { db in try await record(id, accepted, data, db) }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// The stored file as a download (`private, no-store`), or 404 naming `field` when its bytes
    /// are missing.
    static func download(_ id: UUID, fileName: String, contentType: String, field: String, _ req: Request) async throws -> Response {
        let missing = DomainError.notFound(field, zh: "佐证材料文件已不在存储中，请联系管理员", en: "The file is missing from storage")
        let response: Response
        if let directory = req.application.luoshiConfig.attachmentDirectory {
            let path = path(for: id, directory: directory)
            guard FileManager.default.fileExists(atPath: path) else { throw missing }
            response = try await req.fileio.asyncStreamFile(at: path, mediaType: mediaType(contentType))
        } else {
            guard let stored = try await StoredFileModel.find(id, on: req.db) else { throw missing }
            response = Response(status: .ok, body: .init(data: stored.data))
            response.headers.contentType = mediaType(contentType)
        }
        response.headers.replaceOrAdd(name: .contentDisposition, value: contentDisposition(fileName))
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    /// Removes the bytes of `id` in the caller's transaction (database), or after it (directory).
    static func remove(_ id: UUID, in storage: Storage, on db: any Database) async throws {
        if storage.directory == nil {
            try await StoredFileModel.query(on: db).filter(\.$id == id).delete()
        }
    }

    static func removeFile(_ id: UUID, in storage: Storage) {
        guard let directory = storage.directory else { return }
        try? FileManager.default.removeItem(atPath: path(for: id, directory: directory))
    }

    static func write(_ data: ByteBuffer, to path: String, _ threadPool: NIOThreadPool) async throws {
        try await threadPool.runIfActive {
            let directory = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let partial = path + ".part"
            try Data(buffer: data).write(to: URL(fileURLWithPath: partial))
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        }
    }

    static func mediaType(_ contentType: String) -> HTTPMediaType {
        let parts = contentType.split(separator: "/", maxSplits: 1).map(String.init)
        return parts.count == 2 ? HTTPMediaType(type: parts[0], subType: parts[1]) : .binary
    }

    /// `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987).
    static func contentDisposition(_ fileName: String) -> String {
        let ascii = String(fileName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

extension Application {
    /// Where this deployment keeps evidence (configuration).
    var evidenceStorage: AttachmentStore.Storage {
        AttachmentStore.Storage(directory: luoshiConfig.attachmentDirectory, maxBytes: luoshiConfig.attachmentMaxBytes, threadPool: threadPool)
    }
}

extension Request {
    /// The request's `file` field (empty when there is none: the check names the field).
    var evidenceUpload: AttachmentStore.Upload {
        let file = try? content.get(File.self, at: "file")
        return AttachmentStore.Upload(fileName: file?.filename ?? "", data: file?.data ?? ByteBuffer())
    }
}
