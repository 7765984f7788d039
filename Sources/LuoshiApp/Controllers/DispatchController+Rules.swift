import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// 预警规则设置: every internal user reads the rules in force; the office saves a new version.
extension DispatchController {
    @Sendable static func rulesPage(_ req: Request) async throws -> Response {
        try await renderRules(req, form: nil, errors: [])
    }

    private static func renderRules(_ req: Request, form: DispatchSettings.Form?, errors: [DomainError]) async throws -> Response {
        let (plan, _, user) = try await plan(req)
        let current = try await DispatchStore.settings(for: plan, cache: req.application.ledgerCache, on: req.db)
        let versions = try await DispatchStore.ruleSets(for: plan, on: req.db).all()
        let model = RuleSettingsPage.Model(
            plan: plan, current: current,
            versions: versions.map { .init(settings: $0.settings, note: $0.note, createdBy: $0.createdBy, createdAt: $0.createdAt) },
            canEdit: Policy.can(user.actor, .managePlans, jurisdictionCode: plan.jurisdictionCode), csrfToken: user.csrfToken ?? "", form: form ?? .init(current), errors: errors,
            saved: req.query[String.self, at: "done"] == "saved")
        return req.htmlResponse(RuleSettingsPage.render(model, context: req.pageContext(section: .workbench)), status: errors.first?.status ?? .ok)
    }

    @Sendable static func saveRules(_ req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let form = DispatchSettings.Form(yellowFrom: fields["yellowFrom"] ?? "", redFrom: fields["redFrom"] ?? "", aheadFrom: fields["aheadFrom"] ?? "",
                                         blueWithinDays: fields["blueWithinDays"] ?? "", roundDueDay: fields["roundDueDay"] ?? "", note: fields["note"] ?? "")
        let (plan, _, _) = try await plan(req)
        return try await savingForm({
            try await DispatchService.saveRules(.init(form: form, version: fields["version"].flatMap { Int($0) }), plan: plan, by: try req.writer,
                                                cache: req.application.ledgerCache, on: req.db)
            return req.redirect(to: SiteURL.planRules(plan.id).path + "?done=saved", redirectType: .normal)
        }, showAgain: { try await renderRules(req, form: form, errors: $0) })
    }
}
