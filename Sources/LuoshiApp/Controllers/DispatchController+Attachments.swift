import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// 佐证材料: a lead unit attaches evidence to its report while it may edit it (draft, or returned);
/// whoever may read the report may download it.
extension DispatchController {
    /// How many files one report may carry.
    static let attachmentsPerReport = 20

    @Sendable static func uploadAttachment(_ req: Request) async throws -> Response {
        let scope = try await roundTask(req)
        return try await savingForm({
            _ = try await storeAttachment(req, scope)
            let anchor = "attachments-" + (scope.user.actor.unitID?.uuidString.lowercased() ?? "")
            return req.redirect(to: SiteURL.roundTask(roundID: scope.round.id, taskID: scope.task.id).path + "?done=attached#\(anchor)",
                                redirectType: .normal)
        }, showAgain: { try await renderReport(req, scope, errors: $0, drafts: [:]) })
    }

    /// Checks and stores the request's `file` for the acting unit's editable report.
    static func storeAttachment(_ req: Request, _ scope: ReportScope) async throws -> AttachmentModel {
        let unitID = try UnitWork.report.actingUnit(scope.user.actor.unitID, role: scope.unitRole)
        guard let report = try await ProgressReportModel.query(on: req.db).filter(\.$round.$id == scope.round.id)
            .filter(\.$taskID == scope.task.id).filter(\.$unitID == unitID).first(), let reportID = report.id,
            Dispatch.unitMayEdit(report.status) else {
            throw DomainError(.conflict, zh: "请先保存报送草稿再上传佐证材料；已报送的进展退回后才能补充",
                              en: "Save a draft of the report first; a submitted report takes evidence only after it is returned", field: "file")
        }
        guard try await AttachmentModel.query(on: req.db).filter(\.$report.$id == reportID).count() < attachmentsPerReport else {
            throw DomainError(.conflict, zh: "每份报送最多 \(attachmentsPerReport) 个佐证材料", en: "A report takes at most \(attachmentsPerReport) files", field: "file")
        }
        let model = AttachmentModel()
        let username = scope.user.actor.username
        try await AttachmentStore.store(req) { id, accepted, data, db in
            model.id = id
            model.$report.id = reportID
            model.fileName = accepted.fileName
            model.contentType = accepted.contentType
            model.size = data.readableBytes
            model.sha256 = Secrets.sha256Hex(data: data)
            model.uploadedBy = username
            try await model.create(on: db)
            try await req.audit(.init(action: "attachment.upload", targetType: "report", targetID: reportID.uuidString,
                                      summary: "\(accepted.fileName) (\(data.readableBytes) bytes)"), on: db)
        }
        return model
    }

    /// The attachment named in the path, if the user may read its report (404 otherwise).
    private static func visibleAttachment(_ req: Request) async throws -> (AttachmentModel, ProgressReportModel, CurrentUser) {
        let id = try req.uuidParameter("attachmentID")
        let user = try req.requireUser()
        let snapshot = try await req.catalog()
        let notFound = DomainError.notFound("attachmentID", zh: "佐证材料不存在", en: "No such attachment")
        guard let attachment = try await AttachmentModel.find(id, on: req.db),
              let report = try await ProgressReportModel.find(attachment.$report.id, on: req.db),
              let round = try await ReportRoundModel.find(report.$round.id, on: req.db),
              let plan = snapshot.plansByID[round.$plan.id], plan.jurisdictionCode == user.actor.jurisdictionCode,
              let task = snapshot.tasksByID[report.taskID] else { throw notFound }
        if user.actor.role == .unitStaff && TaskUnitRole.of(user.actor.unitID, on: task) == nil { throw notFound }
        return (attachment, report, user)
    }

    @Sendable static func attachment(_ req: Request) async throws -> Response {
        let (attachment, _, _) = try await visibleAttachment(req)
        return try await AttachmentStore.download(try attachment.requireID(), fileName: attachment.fileName,
                                                  contentType: attachment.contentType, field: "attachmentID", req)
    }

    @Sendable static func deleteAttachment(_ req: Request) async throws -> Response {
        let (attachment, report, user) = try await visibleAttachment(req)
        guard user.actor.unitID == report.unitID, Dispatch.unitMayEdit(report.status) else {
            throw DomainError(.conflict, zh: "只有报送单位可在报送前（或退回后）删除佐证材料", en: "Only the reporting unit removes evidence, before submitting or after a return",
                              field: "attachmentID")
        }
        let id = try attachment.requireID()
        try await req.db.writeTransaction { db in
            try await attachment.delete(on: db)
            try await AttachmentStore.remove(id, on: db, req.application)
            try await req.audit(.init(action: "attachment.delete", targetType: "report", targetID: try report.requireID().uuidString,
                                      summary: attachment.fileName), on: db)
        }
        AttachmentStore.removeFile(id, req.application)
        return req.redirect(to: SiteURL.roundTask(roundID: report.$round.id, taskID: report.taskID).path + "?done=detached#attachments-\(report.unitID.uuidString.lowercased())",
                            redirectType: .normal)
    }
}

/// Where evidence bytes live: rows of `stored_files` (the default), or files under
/// `{LUOSHI_ATTACHMENT_DIR}/{first two hex digits}/{id}`, written to a temporary name and renamed.
/// Either way a file without its row never shows, and a failed row leaves no file behind.
enum AttachmentStore {
    static func path(for id: UUID, directory: String) -> String {
        let name = id.uuidString.lowercased()
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        return root.appendingPathComponent(String(name.prefix(2)), isDirectory: true).appendingPathComponent(name).path
    }

    /// Checks the request's `file` (its kind by content, its size), stores it under a new id and
    /// runs `record` (its row and audit entry) in one transaction (with the bytes, when they go to
    /// the database); if that fails nothing is kept.
    static func store(_ req: Request, record: @escaping @Sendable (UUID, Evidence.Accepted, ByteBuffer, any Database) async throws -> Void) async throws {
        let file = try? req.content.get(File.self, at: "file")
        let data = file?.data ?? ByteBuffer()
        let accepted = try Evidence.check(fileName: file?.filename ?? "", size: data.readableBytes,
                                          leadingBytes: Array(data.readableBytesView.prefix(16)),
                                          maxBytes: req.application.luoshiConfig.attachmentMaxBytes).get()
        let id = UUID()
        guard let directory = req.application.luoshiConfig.attachmentDirectory else {
            try await req.db.writeTransaction { db in
                try await StoredFileModel(id: id, data: Data(buffer: data)).create(on: db)
                try await record(id, accepted, data, db)
            }
            return
        }
        let path = path(for: id, directory: directory)
        try await write(data, to: path, req)
        do {
            try await req.db.writeTransaction { db in try await record(id, accepted, data, db) }
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
    static func remove(_ id: UUID, on db: any Database, _ app: Application) async throws {
        if app.luoshiConfig.attachmentDirectory == nil {
            try await StoredFileModel.query(on: db).filter(\.$id == id).delete()
        }
    }

    static func removeFile(_ id: UUID, _ app: Application) {
        guard let directory = app.luoshiConfig.attachmentDirectory else { return }
        try? FileManager.default.removeItem(atPath: path(for: id, directory: directory))
    }

    static func write(_ data: ByteBuffer, to path: String, _ req: Request) async throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let partial = path + ".part"
        try await req.fileio.writeFile(data, at: partial)
        try FileManager.default.moveItem(atPath: partial, toPath: path)
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
