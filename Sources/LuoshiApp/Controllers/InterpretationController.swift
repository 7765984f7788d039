import Fluent
import Foundation
import LuoshiDomain
import LuoshiHTML
import Vapor

/// 政策解读: the public page of a plan's published interpretation (the latest version, or
/// `?version=N`), and the office's editor: start a draft, save it, publish it.
enum InterpretationController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.interpretation, requires: .readPublic, use: publicPage)
        routes.on(.GET, SiteURL.Route.interpretationEdit, requires: .managePlans, use: editor)
        routes.on(.POST, SiteURL.Route.interpretationDraft, requires: .managePlans, use: startDraft)
        routes.on(.POST, SiteURL.Route.interpretationSave, requires: .managePlans, use: save)
        routes.on(.POST, SiteURL.Route.interpretationPublish, requires: .managePlans, use: publish)
    }

    private static func document(_ model: InterpretationModel) -> InterpretationPages.Document {
        .init(title: model.title, number: model.number, publishedOn: model.publishedAt.map(CalendarDate.init(date:)), sections: model.sections,
              contact: model.contact)
    }

    @Sendable static func publicPage(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter("planID")
        guard let plan = try await req.catalog().plansByID[id], plan.isPublic else { throw DomainError.planNotFound(id) }
        let published = try await InterpretationService.versions(planID: id, on: req.db).filter { $0.status == .published }
        let wanted = try req.query.get(Int?.self, at: "version")
        guard let shown = wanted.map({ number in published.first { $0.number == number } }) ?? published.last else {
            throw DomainError.notFound("version", zh: "该方案尚无已发布的解读", en: "No published interpretation of this plan")
        }
        let number = try await IndexNumbers.number(of: "interpretation", id: try shown.requireID(), on: req.db)
        let versions = published.map { InterpretationPages.Published(number: $0.number, publishedOn: $0.publishedAt.map(CalendarDate.init(date:))) }
        return try await req.page(.home, variant: "interpretation=\(shown.number)") { _, context in
            let metadata = DisclosureMetadataView.Fields(
                indexNumber: number, subjectWords: plan.subjectWords, mode: .proactive, documentNumber: nil, issuingBody: plan.issuingBody,
                publishedOn: shown.publishedAt.map(CalendarDate.init(date:)), views: context.viewCount,
                validity: shown.number == published.last?.number ? .valid : .superseded,
                writtenOn: shown.publishedAt.map(CalendarDate.init(date:)), procedure: SiteURL.plan(plan.id).path + "#plan-timeline")
            return InterpretationPages.publicPage(plan: plan, document: document(shown), versions: versions, metadata: metadata,
                                                  context: context.with(notice: plan.illustrativeNotice))
        }
    }

    /// The office's plan, if it lies in its jurisdiction.
    private static func plan(_ req: Request) async throws -> (Plan, CatalogSnapshot) {
        let id = try req.uuidParameter("planID")
        let snapshot = try await req.catalog()
        guard let plan = snapshot.plansByID[id], Policy.can(try req.requireUser().actor, .managePlans, jurisdictionCode: plan.jurisdictionCode) else {
            throw DomainError.planNotFound(id)
        }
        return (plan, snapshot)
    }

    @Sendable static func editor(_ req: Request) async throws -> Response {
        try await render(req, error: nil, posted: nil)
    }

    private static func render(_ req: Request, error: DomainError?, posted: InterpretationService.Save?) async throws -> Response {
        let (plan, snapshot) = try await plan(req)
        let versions = try await InterpretationService.versions(planID: plan.id, on: req.db)
        let published = versions.filter { $0.status == .published }
        let draftModel = versions.last.flatMap { $0.status == .draft ? $0 : nil }
        var draft = draftModel.map(document)
        if let posted, var shown = draft {  // a refused form shows what was typed
            shown.sections = zip(shown.sections, posted.texts).map { Interpretation.Section(heading: $0.heading, text: $1) }
            shown.contact = posted.contact
            draft = shown
        }
        let stated = (draftModel ?? published.last)?.figures
        let current = InterpretationService.facts(plan, snapshot: snapshot).figures
        let context = req.pageContext(section: .workbench)
        let model = InterpretationPages.Editor(
            plan: plan, draft: draft, draftVersion: draftModel?.version ?? 0,
            published: published.map { .init(number: $0.number, publishedOn: $0.publishedAt.map(CalendarDate.init(date:))) },
            mismatches: stated?.mismatches(against: current) ?? [], csrfToken: req.currentUser?.csrfToken ?? "", error: error,
            notice: req.query[String.self, at: "done"].flatMap(context.strings.disclosure.notices))
        return req.htmlResponse(InterpretationPages.editor(model, context: context), status: error?.status ?? .ok)
    }

    @Sendable static func startDraft(_ req: Request) async throws -> Response {
        let (plan, snapshot) = try await plan(req)
        do {
            try await InterpretationService.startDraft(plan: plan, snapshot: snapshot, by: try req.writer, on: req.db)
        } catch let error as DomainError {
            return try await render(req, error: error, posted: nil)
        }
        return req.redirect(to: SiteURL.interpretationEdit(plan.id, done: "drafted").path, redirectType: .normal)
    }

    struct SaveForm: Content {
        var section1: String?, section2: String?, section3: String?, section4: String?, section5: String?
        var office: String?, person: String?, address: String?, phone: String?
        var version: String?

        var command: InterpretationService.Save {
            .init(texts: [section1, section2, section3, section4, section5].map { $0 ?? "" },
                  contact: .init(office: office ?? "", person: person ?? "", address: address ?? "", phone: phone ?? ""),
                  version: version.flatMap { Int($0) })
        }
    }

    private static func currentDraft(_ plan: Plan, on db: any Database) async throws -> InterpretationModel {
        guard let draft = try await InterpretationService.versions(planID: plan.id, on: db).last, draft.status == .draft else {
            throw DomainError(.conflict, zh: "没有正在起草的解读版本", en: "No version is being drafted", field: "status")
        }
        return draft
    }

    @Sendable static func save(_ req: Request) async throws -> Response {
        let command = try req.content.decode(SaveForm.self).command
        let (plan, _) = try await plan(req)
        do {
            try await InterpretationService.save(command, draft: try await currentDraft(plan, on: req.db), plan: plan, by: try req.writer, on: req.db)
        } catch let error as DomainError {
            return try await render(req, error: error, posted: command)
        }
        return req.redirect(to: SiteURL.interpretationEdit(plan.id, done: "saved").path, redirectType: .normal)
    }

    struct PublishForm: Content { var version: String? }

    @Sendable static func publish(_ req: Request) async throws -> Response {
        let version = try req.content.decode(PublishForm.self).version.flatMap { Int($0) }
        let (plan, _) = try await plan(req)
        do {
            try await InterpretationService.publish(version: version, draft: try await currentDraft(plan, on: req.db), plan: plan, by: try req.writer,
                                                    indexSchemes: req.application.luoshiConfig.indexSchemes, on: req.db)
        } catch let error as DomainError {
            return try await render(req, error: error, posted: nil)
        }
        return req.redirect(to: SiteURL.interpretationEdit(plan.id, done: "published").path, redirectType: .normal)
    }
}
