import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// 批示: a leader writes an instruction on a task, a report or a bulletin; each recipient (the
/// task's lead units, the reporting unit, or the office) is told, acknowledges it and reports back.
/// Instructions show in the task's history, on the leader's dashboard and on the recipients'.
enum InstructionController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.POST, SiteURL.Route.instructions, requires: .instruct, use: create)
        routes.on(.GET, SiteURL.Route.instruction, requires: .readInternal, use: page)
        routes.on(.POST, SiteURL.Route.instructionRespond, requires: .readInternal, use: respond)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let command = InstructionService.Create(form: try req.content.decode([String: String].self))
        let id = try await InstructionService.create(command, catalog: try await req.catalog(), by: try req.writer, app: req.application, on: req.db)
        return req.redirect(to: SiteURL.instruction(id).path + "?done=created", redirectType: .normal)
    }

    /// The instruction named in the path, if the user may read it (unit staff: a recipient's).
    private static func instruction(_ req: Request) async throws -> (InstructionModel, [InstructionResponseModel], CatalogSnapshot, CurrentUser) {
        let id = try req.uuidParameter("instructionID")
        let user = try req.requireUser()
        let catalog = try await req.catalog()
        guard let model = try await InstructionModel.find(id, on: req.db), Policy.can(user.actor, .readInternal, jurisdictionCode: model.jurisdictionCode) else {
            throw DomainError.notFound("instructionID", zh: "批示不存在", en: "No such instruction")
        }
        let responses = try await InstructionResponseModel.query(on: req.db).filter(\.$instruction.$id == id).sort(\.$createdAt).all()
        if user.actor.role == .unitStaff && !responses.contains(where: { $0.unitID != nil && $0.unitID == user.actor.unitID }) {
            throw DomainError.notFound("instructionID", zh: "批示不存在", en: "No such instruction")
        }
        return (model, responses, catalog, user)
    }

    static func recipientName(_ response: InstructionResponseModel, catalog: CatalogSnapshot, _ strings: InstructionStrings) -> String {
        response.unitID.map { catalog.unitsByID[$0]?.shortName ?? "" } ?? strings.office
    }

    @Sendable static func page(_ req: Request) async throws -> Response {
        let (model, responses, catalog, user) = try await instruction(req)
        return try await render(req, model, responses, catalog: catalog, user: user, draftReply: "", errors: [])
    }

    private static func render(_ req: Request, _ model: InstructionModel, _ responses: [InstructionResponseModel], catalog: CatalogSnapshot,
                               user: CurrentUser, draftReply: String, errors: [DomainError]) async throws -> Response {
        let context = req.pageContext(section: .workbench)
        let strings = context.strings.instructions
        var targetName = "", targetURL: SiteURL?
        if let taskID = model.taskID, let task = catalog.tasksByID[taskID] {
            targetName = "\(task.number) \(task.content.prefix(30))"
            if let roundID = model.roundID, let unitID = model.reportUnitID {
                targetName += "（\(catalog.unitsByID[unitID]?.shortName ?? "")）"
                targetURL = .roundTask(roundID: roundID, taskID: taskID)
            } else {
                targetURL = .taskWork(taskID)
            }
        } else if let bulletinID = model.bulletinID, let bulletin = try await BulletinModel.find(bulletinID, on: req.db) {
            targetName = "\(context.strings.bulletins.issueName(bulletin.issueNumber)) \(bulletin.title)"
            targetURL = .bulletin(bulletinID)
        }
        let page = InstructionPage.Model(
            summary: try summary(model, responses, catalog: catalog, strings), targetName: targetName, targetURL: targetURL,
            responses: responses.compactMap { response in
                response.id.map {
                    .init(id: $0, recipient: recipientName(response, catalog: catalog, strings), status: response.status, reply: response.reply,
                          answeredBy: response.repliedBy ?? response.acknowledgedBy, answeredAt: response.repliedAt ?? response.acknowledgedAt,
                          version: response.version, mine: Instruction.answers(recipientUnit: response.unitID, user.actor))
                }
            },
            csrfToken: user.csrfToken ?? "", errors: errors, draftReply: draftReply, notice: req.query[String.self, at: "done"])
        return req.htmlResponse(InstructionPage.render(page, context: context), status: errors.first?.status ?? .ok)
    }

    static func summary(_ model: InstructionModel, _ responses: [InstructionResponseModel], catalog: CatalogSnapshot,
                        _ strings: InstructionStrings) throws -> InstructionViews.Summary {
        InstructionViews.Summary(id: try model.requireID(), leader: model.leaderName, at: model.createdAt, target: model.target, text: model.text,
                                 responses: responses.map { (recipientName($0, catalog: catalog, strings), $0.status, $0.reply) })
    }

    @Sendable static func respond(_ req: Request) async throws -> Response {
        let command = InstructionService.Respond(form: try req.content.decode([String: String].self))
        let (model, responses, catalog, user) = try await instruction(req)
        return try await savingForm({
            let step = try await InstructionService.respond(command, to: model, responses: responses, by: try req.writer, on: req.db)
            return req.redirect(to: SiteURL.instruction(try model.requireID()).path + "?done=\(step == .reply ? "replied" : "acknowledged")",
                                redirectType: .normal)
        }, showAgain: {
            try await render(req, model, responses, catalog: catalog, user: user,
                             draftReply: command.text.trimmingCharacters(in: .whitespacesAndNewlines), errors: $0)
        })
    }

    /// The instructions `query` selects (at most 50, newest first), with their responses.
    static func summaries(_ query: QueryBuilder<InstructionModel>, catalog: CatalogSnapshot, strings: InstructionStrings, on db: any Database) async throws -> [InstructionViews.Summary] {
        let models = try await query.sort(\.$createdAt, .descending).limit(50).all()
        let ids = models.compactMap(\.id)
        let responses = ids.isEmpty ? [] : try await InstructionResponseModel.query(on: db).filter(\.$instruction.$id ~~ ids).sort(\.$createdAt).all()
        return try models.map { model in try summary(model, responses.filter { $0.$instruction.id == model.id }, catalog: catalog, strings) }
    }
}
