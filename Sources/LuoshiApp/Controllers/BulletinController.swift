import Fluent
import Foundation
import LuoshiDomain
import LuoshiHTML
import Vapor

/// 月通报: the office generates a draft from a round's frozen snapshot, edits its texts, and
/// publishes it (number and Word file given once); a correction is a new issue. Internal users
/// read drafts; everyone reads published issues of public plans.
enum BulletinController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.bulletins, requires: .readInternal, use: listPage)
        routes.on(.POST, SiteURL.Route.bulletins, requires: .managePlans, use: generate)
        routes.on(.GET, SiteURL.Route.bulletin, requires: .readInternal, use: bulletinPage)
        routes.on(.POST, SiteURL.Route.bulletin, requires: .managePlans, use: saveTexts)
        routes.on(.POST, SiteURL.Route.bulletinRefresh, requires: .managePlans, use: refresh)
        routes.on(.POST, SiteURL.Route.bulletinPublish, requires: .managePlans, use: publish)
        routes.on(.POST, SiteURL.Route.bulletinCorrect, requires: .managePlans, use: correct)
        routes.on(.GET, SiteURL.Route.bulletinWord, requires: .readInternal, use: word)
        routes.on(.GET, SiteURL.Route.publicBulletins, requires: .readPublic, use: publicList)
        routes.on(.GET, SiteURL.Route.publicBulletin, requires: .readPublic, use: publicBulletin)
        routes.on(.GET, SiteURL.Route.publicBulletinWord, requires: .readPublic, use: publicWord)
    }

    // MARK: The office's pages

    @Sendable static func listPage(_ req: Request) async throws -> Response {
        try await renderList(req, errors: [])
    }

    private static func renderList(_ req: Request, errors: [DomainError]) async throws -> Response {
        let (plan, _, user) = try await DispatchController.plan(req)
        let rounds = try await DispatchStore.rounds(planID: plan.id, on: req.db)
        let months = Dictionary(uniqueKeysWithValues: rounds.map { ($0.id, $0.month) })
        var query = BulletinModel.query(on: req.db).filter(\.$plan.$id == plan.id)
        if !Bulletin.draftsVisible(to: user.actor.role) { query = query.filter(\.$status == .published) }
        let entries = try await query.sort(\.$createdAt, .descending).all().compactMap { model -> BulletinsPage.Entry? in
            guard let id = model.id, let month = months[model.roundID] else { return nil }
            return .init(id: id, issue: model.issueNumber, month: month, title: model.title, status: model.status,
                         date: model.publishedAt.map(CalendarDate.init(date:)) ?? model.createdAt.map(CalendarDate.init(date:)) ?? DispatchController.today(req))
        }
        let model = BulletinsPage.Model(plan: plan, entries: entries, rounds: rounds, managesPlans: Policy.can(user.actor, .managePlans, jurisdictionCode: plan.jurisdictionCode),
                                        csrfToken: user.csrfToken ?? "", errors: errors)
        return req.htmlResponse(BulletinsPage.render(model, context: req.pageContext(section: .workbench)), status: errors.first?.status ?? .ok)
    }

    @Sendable static func generate(_ req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let (plan, catalog, _) = try await DispatchController.plan(req)
        return try await savingForm({
            let command = BulletinService.Generate(roundID: fields["round"].flatMap(UUID.init(uuidString:)))
            let model = try await BulletinService.generate(command, plan: plan, catalog: catalog, by: try req.writer,
                                                           cache: req.application.ledgerCache, on: req.db)
            return req.redirect(to: SiteURL.bulletin(try model.requireID()).path + "?done=generated", redirectType: .normal)
        }, showAgain: { try await renderList(req, errors: $0) })
    }

    /// The bulletin named in the path, in the user's jurisdiction; drafts only for those who may see them.
    static func bulletin(_ req: Request) async throws -> (BulletinModel, Plan, CurrentUser) {
        let id = try req.uuidParameter("bulletinID")
        let user = try req.requireUser()
        let catalog = try await req.catalog()
        guard let model = try await BulletinModel.find(id, on: req.db),
              Policy.can(user.actor, .readInternal, jurisdictionCode: model.jurisdictionCode, draft: model.status != .published),
              let plan = catalog.plansByID[model.$plan.id],
              model.status == .published || Bulletin.draftsVisible(to: user.actor.role) else {
            throw DomainError.notFound("bulletinID", zh: "通报不存在", en: "No such bulletin")
        }
        return (model, plan, user)
    }

    @Sendable static func bulletinPage(_ req: Request) async throws -> Response {
        let (model, plan, user) = try await bulletin(req)
        return try await renderBulletin(req, model: model, plan: plan, user: user, form: nil, errors: [])
    }

    private static func renderBulletin(_ req: Request, model: BulletinModel, plan: Plan, user: CurrentUser, form: Bulletin.Form?,
                                       errors: [DomainError]) async throws -> Response {
        let id = try model.requireID()
        let issue = try await BulletinStore.issue(of: model, on: req.db)
        let snapshot = try BulletinStore.snapshot(of: model)
        let corrections = try await BulletinModel.query(on: req.db).filter(\.$correctsID == id).sort(\.$createdAt).all()
            .filter { $0.status == .published || Bulletin.draftsVisible(to: user.actor.role) }
        let page = BulletinPage.Model(
            plan: plan, id: id, status: model.status, issue: issue, snapshot: snapshot, texts: model.texts,
            document: Bulletin.document(snapshot, texts: model.texts, issue: issue), version: model.version, correctsID: model.correctsID,
            correctedBy: corrections.compactMap { correction in correction.id.map { ($0, correction.issueNumber) } },
            publishedBy: model.publishedBy, publishedAt: model.publishedAt, managesPlans: Policy.can(user.actor, .managePlans, jurisdictionCode: plan.jurisdictionCode),
            csrfToken: user.csrfToken ?? "", form: form ?? Bulletin.Form(model.texts), errors: errors, notice: req.query[String.self, at: "done"],
            instructions: try await InstructionController.summaries(InstructionModel.query(on: req.db).filter(\.$bulletinID == id), catalog: try await req.catalog(),
                                                                   strings: req.pageContext(section: .workbench).strings.instructions, on: req.db),
            mayInstruct: Policy.can(user.actor, .instruct))
        return req.htmlResponse(BulletinPage.render(page, context: req.pageContext(section: .workbench)), status: errors.first?.status ?? .ok)
    }

    /// Runs an office action on a draft; a refused one shows the page again.
    private static func onDraft(_ req: Request, form: Bulletin.Form? = nil,
                                _ action: (BulletinModel, Plan, [String: String], Writer) async throws -> String) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let (model, plan, user) = try await bulletin(req)
        return try await savingForm({
            let done = try await action(model, plan, fields, try req.writer)
            return req.redirect(to: SiteURL.bulletin(try model.requireID()).path + "?done=\(done)", redirectType: .normal)
        }, showAgain: { try await renderBulletin(req, model: model, plan: plan, user: user, form: form, errors: $0) })
    }

    @Sendable static func saveTexts(_ req: Request) async throws -> Response {
        let command = BulletinService.SaveTexts(form: try req.content.decode([String: String].self))
        return try await onDraft(req, form: command.form) { model, plan, _, writer in
            try await BulletinService.saveTexts(command, bulletin: model, plan: plan, by: writer, on: req.db)
            return "saved"
        }
    }

    @Sendable static func refresh(_ req: Request) async throws -> Response {
        try await onDraft(req) { model, plan, fields, writer in
            try await BulletinService.refresh(.init(version: fields["version"].flatMap { Int($0) }), bulletin: model, plan: plan,
                                              catalog: try await req.catalog(), by: writer, cache: req.application.ledgerCache, on: req.db)
            return "refreshed"
        }
    }

    @Sendable static func publish(_ req: Request) async throws -> Response {
        try await onDraft(req) { model, plan, fields, writer in
            try await BulletinService.publish(.init(version: fields["version"].flatMap { Int($0) }), bulletin: model, plan: plan, by: writer,
                                              indexSchemes: req.application.luoshiConfig.indexSchemes, on: req.db)
            return "published"
        }
    }

    @Sendable static func correct(_ req: Request) async throws -> Response {
        let (model, plan, _) = try await bulletin(req)
        let draft = try await BulletinService.correct(bulletin: model, plan: plan, catalog: try await req.catalog(), by: try req.writer,
                                                      cache: req.application.ledgerCache, on: req.db)
        return req.redirect(to: SiteURL.bulletin(try draft.requireID()).path + "?done=corrected", redirectType: .normal)
    }

    /// The Word file: the stored one of a published issue, or the draft's as it stands.
    @Sendable static func word(_ req: Request) async throws -> Response {
        let (model, _, _) = try await bulletin(req)
        let file: Data
        if let stored = model.docx { file = stored } else { file = try BulletinStore.word(try await BulletinStore.document(of: model, on: req.db)) }
        return wordResponse(file, name: "督查通报-\(model.year)-\(model.issueNumber.map { "第\($0)期" } ?? "草稿").docx")
    }

    static func wordResponse(_ file: Data, name: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document")
        headers.replaceOrAdd(name: .contentDisposition, value: AttachmentStore.contentDisposition(name))
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: file))
    }

    // MARK: Public

    /// A public plan named in the path.
    private static func publicPlan(_ req: Request) async throws -> Plan {
        let id = try req.uuidParameter("planID")
        guard let plan = try await req.catalog().plansByID[id], plan.isPublic else { throw DomainError.planNotFound(id) }
        return plan
    }

    /// A published issue of a public plan, by number.
    private static func publishedIssue(_ req: Request) async throws -> (BulletinModel, Plan) {
        let plan = try await publicPlan(req)
        let issue = try req.intParameter("issue")
        guard let model = try await BulletinModel.query(on: req.db).filter(\.$plan.$id == plan.id).filter(\.$status == .published)
            .filter(\.$issueNumber == issue).first() else {
            throw DomainError.notFound("issue", zh: "该期通报不存在", en: "No such issue")
        }
        return (model, plan)
    }

    @Sendable static func publicList(_ req: Request) async throws -> Response {
        let plan = try await publicPlan(req)
        let context = await req.publicPageContext(section: .home)
        let render = {
            let entries = try await BulletinModel.query(on: req.db).filter(\.$plan.$id == plan.id).filter(\.$status == .published)
                .sort(\.$issueNumber, .descending).all().compactMap { model in
                    model.issueNumber.map { PublicBulletinsPage.Entry(issue: $0, title: model.title, signedOn: model.texts.signedOn) }
                }
            return PublicBulletinsPage.render(plan: plan, entries: entries, context: context.with(notice: plan.illustrativeNotice))
        }
        guard req.currentUser == nil else { return req.htmlResponse(try await render()) }
        return req.htmlResponse(try await req.application.ledgerCache.document("public-bulletins|\(plan.id)|\(context.displayKey)|\(context.viewCount ?? -1)") {
            ByteBuffer(string: try await render().renderDocument())
        })
    }

    /// The public page of an issue. For visitors it is kept whole per language and mode until the
    /// next write (a publication may add a correction notice); signed-in users get their own header.
    @Sendable static func publicBulletin(_ req: Request) async throws -> Response {
        let plan = try await publicPlan(req)
        let issue = try req.intParameter("issue")
        let context = await req.publicPageContext(section: .home)
        let render = {
            let (model, plan) = try await publishedIssue(req)
            let id = try model.requireID()
            let content = Node.prerender([BulletinDocumentView.render(try await BulletinStore.document(of: model, on: req.db), titleLevel: 1)])
            let correctedBy = try await BulletinModel.query(on: req.db).filter(\.$correctsID == id).filter(\.$status == .published).all().compactMap(\.issueNumber)
            let metadata = DisclosureMetadataView.Fields(
                indexNumber: try await IndexNumbers.number(of: "bulletin", id: id, on: req.db), subjectWords: nil, mode: .proactive, documentNumber: nil,
                issuingBody: model.issuer, publishedOn: model.publishedAt.map(CalendarDate.init(date:)), views: context.viewCount,
                validity: correctedBy.isEmpty ? .valid : .superseded, writtenOn: model.texts.signedOn, procedure: nil)
            return PublicBulletinPage.render(plan: plan, issue: issue, title: model.title, content: content, correctedBy: correctedBy.sorted(),
                                             metadata: metadata, context: context.with(notice: plan.illustrativeNotice))
        }
        guard req.currentUser == nil else { return req.htmlResponse(try await render()) }
        return req.htmlResponse(try await req.application.ledgerCache.document("public-bulletin|\(plan.id)|\(issue)|\(context.displayKey)|\(context.viewCount ?? -1)") {
            ByteBuffer(string: try await render().renderDocument())
        })
    }

    @Sendable static func publicWord(_ req: Request) async throws -> Response {
        let (model, _) = try await publishedIssue(req)
        guard let file = model.docx else { throw DomainError.notFound("issue", zh: "该期通报没有 Word 文件", en: "This issue has no Word file") }
        return wordResponse(file, name: "督查通报-\(model.year)-第\(model.issueNumber ?? 0)期.docx")
    }
}
