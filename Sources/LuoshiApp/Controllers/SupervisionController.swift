import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// 督办: the office takes steps on the escalation ladder (from the rules' proposals or by hand),
/// the addressed unit replies with evidence, the office closes (销号), returns or escalates.
/// Internal users read every step of their jurisdiction; unit staff their own unit's.
enum SupervisionController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.supervision, requires: .readInternal, use: page)
        routes.on(.POST, SiteURL.Route.supervision, requires: .managePlans, use: create)
        routes.on(.POST, SiteURL.Route.supervisionDismiss, requires: .managePlans, use: dismiss)
        routes.on(.GET, SiteURL.Route.supervisionItem, requires: .readInternal, use: itemPage)
        routes.on(.POST, SiteURL.Route.supervisionReply, requires: .submitUnitWork, use: reply)
        routes.on(.POST, SiteURL.Route.supervisionFiles, requires: .submitUnitWork, use: attach)
        routes.on(.POST, SiteURL.Route.supervisionReview, requires: .managePlans, use: review)
        routes.on(.GET, SiteURL.Route.supervisionFile, requires: .readInternal, use: file)
        routes.on(.GET, SiteURL.Route.supervisionWord, requires: .readInternal, use: word)
    }

    static func row(_ item: SupervisionItemModel, catalog: CatalogSnapshot, today: CalendarDate) -> SupervisionPage.ItemRow? {
        guard let id = item.id, let task = catalog.tasksByID[item.taskID] else { return nil }
        return .init(id: id, kind: item.kind, number: item.documentNumber, task: task, unit: catalog.unitsByID[item.unitID]?.shortName ?? "",
                     deadline: item.deadlineDate, status: item.status,
                     overdue: Supervision.isOverdue(item.status, deadline: item.deadlineDate, today: today))
    }

    // MARK: The plan's page

    @Sendable static func page(_ req: Request) async throws -> Response {
        try await render(req, form: nil, previousID: req.query[String.self, at: "previous"].flatMap(UUID.init(uuidString:)), errors: [])
    }

    /// The page; `posted` is a refused form to show again, `previousID` the step being escalated.
    private static func render(_ req: Request, form posted: Supervision.Form?, previousID: UUID?, errors: [DomainError]) async throws -> Response {
        let (plan, catalog, user) = try await DispatchController.plan(req)
        let today = DispatchController.today(req)
        let manages = Policy.can(user.actor, .managePlans, jurisdictionCode: plan.jurisdictionCode)
        var items = try await SupervisionStore.items(planID: plan.id, on: req.db)
        if user.actor.role == .unitStaff { items = items.filter { $0.unitID == user.actor.unitID } }
        let proposals = manages ? try await SupervisionStore.proposals(plan: plan, catalog: catalog, items: items, app: req.application, today: today, on: req.db) : []
        // A form prefilled from a proposal or from the step being escalated.
        let proposalKey = posted == nil ? req.query[String.self, at: "proposal"] : nil
        let proposal = proposalKey.flatMap { key in proposals.first { $0.key == key } }
        let previous = previousID.flatMap { id in items.first { $0.id == id } }
        var form = posted ?? Supervision.Form(kind: Supervision.Kind.order.rawValue, taskID: "", unitID: "", facts: "", demands: "", deadline: "")
        if posted == nil, let source = proposal.map({ ($0.kind, $0.taskID, $0.unitID, $0.reason.zh) })
            ?? previous.flatMap({ item in item.kind.next.map { ($0, item.taskID, item.unitID, Supervision.escalationReason(from: item.kind, number: item.documentNumber)) } }),
           let task = catalog.tasksByID[source.1] {
            let texts = Supervision.suggestedTexts(source.0, task: task, reason: source.3)
            form = .init(kind: source.0.rawValue, taskID: task.id.uuidString, unitID: source.2.uuidString, facts: texts.facts, demands: texts.demands,
                         deadline: source.0.defaultDays.map { today.adding(days: $0).iso } ?? "")
        }
        let model = SupervisionPage.Model(
            plan: plan,
            proposals: proposals.compactMap { proposal in
                catalog.tasksByID[proposal.taskID].map { .init(proposal: proposal, task: $0, unit: catalog.unitsByID[proposal.unitID]?.shortName ?? "") }
            },
            items: items.compactMap { row($0, catalog: catalog, today: today) }, managesPlans: manages, csrfToken: user.csrfToken ?? "",
            tasks: catalog.tasksByPlan[plan.id] ?? [], units: catalog.units(in: plan.jurisdictionCode).map { ($0.id, $0.shortName) }, form: form,
            previous: previous.flatMap { row($0, catalog: catalog, today: today) }, errors: errors,
            notice: req.query[String.self, at: "done"])
        return req.htmlResponse(SupervisionPage.render(model, context: req.pageContext(section: .workbench)), status: errors.first?.status ?? .ok)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let command = SupervisionService.OpenStep(form: fields)
        let (plan, catalog, _) = try await DispatchController.plan(req)
        return try await savingForm({
            let item = try await SupervisionService.open(command, plan: plan, catalog: catalog, by: try req.writer, app: req.application, on: req.db)
            return req.redirect(to: SiteURL.supervisionItem(try item.requireID()).path + "?done=created", redirectType: .normal)
        }, showAgain: { try await render(req, form: command.form, previousID: fields["previous"].flatMap(UUID.init(uuidString:)), errors: $0) })
    }

    @Sendable static func dismiss(_ req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let (plan, catalog, _) = try await DispatchController.plan(req)
        try await SupervisionService.dismiss(.init(key: fields["key"] ?? "", reason: fields["reason"] ?? ""), plan: plan, catalog: catalog,
                                             by: try req.writer, app: req.application, on: req.db)
        return req.redirect(to: SiteURL.supervision(plan.id).path + "?done=dismissed", redirectType: .normal)
    }

    // MARK: One step

    /// The step named in the path, if the user may read it (unit staff: their unit's; 404 otherwise).
    static func item(_ req: Request) async throws -> (SupervisionItemModel, Plan, CatalogSnapshot, CurrentUser) {
        let id = try req.uuidParameter("itemID")
        let user = try req.requireUser()
        let catalog = try await req.catalog()
        guard let item = try await SupervisionItemModel.find(id, on: req.db), Policy.can(user.actor, .readInternal, jurisdictionCode: item.jurisdictionCode),
              let plan = catalog.plansByID[item.$plan.id], user.actor.role != .unitStaff || user.actor.unitID == item.unitID else {
            throw DomainError.notFound("itemID", zh: "督办事项不存在", en: "No such supervision step")
        }
        return (item, plan, catalog, user)
    }

    @Sendable static func itemPage(_ req: Request) async throws -> Response {
        let (item, plan, catalog, user) = try await item(req)
        return try await renderItem(req, item: item, plan: plan, catalog: catalog, user: user, draftReply: nil, errors: [])
    }

    private static func renderItem(_ req: Request, item: SupervisionItemModel, plan: Plan, catalog: CatalogSnapshot, user: CurrentUser,
                                   draftReply: String?, errors: [DomainError]) async throws -> Response {
        let today = DispatchController.today(req)
        guard let itemRow = row(item, catalog: catalog, today: today) else { throw DomainError.notFound("itemID", zh: "督办事项不存在", en: "No such supervision step") }
        let id = try item.requireID()
        let events = try await SupervisionEventModel.query(on: req.db).filter(\.$item.$id == id).sort(\.$createdAt).all()
        let files = try await SupervisionFileModel.query(on: req.db).filter(\.$item.$id == id).sort(\.$createdAt).all()
        let previous = try await item.previousID.asyncFlatMap { try await SupervisionItemModel.find($0, on: req.db) }
        let model = SupervisionItemPage.Model(
            plan: plan, item: itemRow, facts: item.facts, demands: item.demands, reply: item.reply, repliedBy: item.repliedBy, repliedOn: item.repliedOn,
            reviewNote: item.reviewNote, createdBy: item.createdBy, createdAt: item.createdAt,
            previous: previous.flatMap { row($0, catalog: catalog, today: today) },
            files: files.compactMap { file in file.id.map { .init(id: $0, name: file.fileName, size: file.size) } },
            events: events.map { .init(step: $0.step, status: $0.status, note: $0.note, actor: $0.actor, at: $0.createdAt) },
            version: item.version, mayReply: Policy.can(user.actor, .submitUnitWork, unitID: item.unitID, jurisdictionCode: plan.jurisdictionCode) && item.status == .open,
            managesPlans: Policy.can(user.actor, .managePlans, jurisdictionCode: plan.jurisdictionCode), csrfToken: user.csrfToken ?? "", draftReply: draftReply ?? "", errors: errors,
            notice: req.query[String.self, at: "done"])
        return req.htmlResponse(SupervisionItemPage.render(model, context: req.pageContext(section: .workbench)), status: errors.first?.status ?? .ok)
    }

    /// Runs a write on a step; a refused one shows the step again with what was typed.
    private static func handle(_ req: Request, draftReply: String? = nil,
                               _ action: (SupervisionItemModel, CurrentUser) async throws -> String) async throws -> Response {
        let (item, plan, catalog, user) = try await item(req)
        return try await savingForm({
            let done = try await action(item, user)
            return req.redirect(to: SiteURL.supervisionItem(try item.requireID()).path + "?done=\(done)", redirectType: .normal)
        }, showAgain: { try await renderItem(req, item: item, plan: plan, catalog: catalog, user: user, draftReply: draftReply, errors: $0) })
    }

    @Sendable static func reply(_ req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let command = SupervisionService.ReplyToStep(reply: fields["reply"] ?? "", version: fields["version"].flatMap { Int($0) })
        return try await handle(req, draftReply: command.reply.trimmingCharacters(in: .whitespacesAndNewlines)) { item, _ in
            try await SupervisionService.reply(command, to: item, by: try req.writer, on: req.db)
        }
    }

    @Sendable static func attach(_ req: Request) async throws -> Response {
        try await handle(req) { item, _ in
            try await SupervisionService.attachEvidence(req.evidenceUpload, to: item, by: try req.writer, storage: req.application.evidenceStorage, on: req.db)
        }
    }

    @Sendable static func review(_ req: Request) async throws -> Response {
        let command = SupervisionService.ReviewStep(form: try req.content.decode([String: String].self))
        return try await handle(req) { item, _ in
            try await SupervisionService.review(command, of: item, by: try req.writer, on: req.db)
        }
    }

    /// The step as a Word document (督办单, 限期整改通知 …), laid out like the bulletin.
    @Sendable static func word(_ req: Request) async throws -> Response {
        let (item, plan, catalog, _) = try await item(req)
        guard let task = catalog.tasksByID[item.taskID] else { throw DomainError.taskNotFound(item.taskID) }
        let document = Supervision.document(kind: item.kind, number: item.documentNumber, unit: catalog.unitsByID[item.unitID]?.name ?? "", task: task,
                                            facts: item.facts, demands: item.demands, deadline: item.deadlineDate,
                                            issuer: Bulletin.issuer(jurisdictionName: catalog.jurisdictions[plan.jurisdictionCode]?.name ?? ""),
                                            date: CalendarDate(date: item.createdAt ?? req.now))
        return BulletinController.wordResponse(try BulletinStore.word(document), name: "\(item.kind.text.zh)-\(item.documentNumber ?? String(item.sequence)).docx")
    }

    @Sendable static func file(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter("fileID")
        let user = try req.requireUser()
        let notFound = DomainError.notFound("fileID", zh: "佐证材料不存在", en: "No such file")
        guard let file = try await SupervisionFileModel.find(id, on: req.db) else { throw notFound }
        // A step's evidence: whoever may read the step; a finding's: whoever may read the finding.
        var unitID: UUID?, jurisdiction: String?
        if let item = try await file.$item.id.asyncFlatMap({ try await SupervisionItemModel.find($0, on: req.db) }) {
            (unitID, jurisdiction) = (item.unitID, item.jurisdictionCode)
        } else if let finding = try await file.$finding.id.asyncFlatMap({ try await InspectionFindingModel.find($0, on: req.db) }),
                  let inspection = try await InspectionModel.find(finding.$inspection.id, on: req.db) {
            (unitID, jurisdiction) = (finding.unitID, inspection.jurisdictionCode)
        }
        guard let jurisdiction, Policy.can(user.actor, .readUnitWork, unitID: unitID, jurisdictionCode: jurisdiction) else { throw notFound }
        return try await AttachmentStore.download(id, fileName: file.fileName, contentType: file.contentType, field: "fileID", req)
    }
}
