import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// 佐证材料: a lead unit attaches evidence to its report while it may edit it (draft, or returned);
/// whoever may read the report may download it.
extension DispatchController {
    @Sendable static func uploadAttachment(_ req: Request) async throws -> Response {
        let scope = try await roundTask(req)
        return try await savingForm({
            _ = try await storeAttachment(req, scope)
            let anchor = "attachments-" + (scope.user.actor.unitID?.uuidString.lowercased() ?? "")
            return req.redirect(to: SiteURL.roundTask(roundID: scope.round.id, taskID: scope.task.id).path + "?done=attached#\(anchor)",
                                redirectType: .normal)
        }, showAgain: { try await renderReport(req, scope, errors: $0, drafts: [:]) })
    }

    /// Stores the request's `file` as evidence of the acting unit's editable report.
    static func storeAttachment(_ req: Request, _ scope: ReportScope) async throws -> AttachmentModel {
        try await DispatchService.attachEvidence(req.evidenceUpload, to: scope, by: try req.writer, storage: req.application.evidenceStorage, on: req.db)
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
              let plan = snapshot.plansByID[round.$plan.id], Policy.can(user.actor, .readInternal, jurisdictionCode: plan.jurisdictionCode),
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
        let (attachment, report, _) = try await visibleAttachment(req)
        try await DispatchService.removeEvidence(attachment, of: report, by: try req.writer, storage: req.application.evidenceStorage, on: req.db)
        return req.redirect(to: SiteURL.roundTask(roundID: report.$round.id, taskID: report.taskID).path + "?done=detached#attachments-\(report.unitID.uuidString.lowercased())",
                            redirectType: .normal)
    }
}
