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
        let fields = try req.content.decode([String: String].self)
        let user = try req.requireUser()
        let catalog = try await req.catalog()
        guard let target = fields["target"].flatMap(Instruction.Target.init(rawValue:)) else {
            throw DomainError.invalid("target", zh: "批示对象应为任务、进展报告或督查通报", en: "An instruction is on a task, a report or a bulletin")
        }
        let text = try Instruction.text(fields["text"] ?? "", field: "text")
        let notFound = DomainError.notFound("target", zh: "批示对象不存在", en: "No such task, report or bulletin")
        let model = InstructionModel()
        var task: PlanTask?, reportUnit: UUID?
        switch target {
        case .task, .report:
            guard let id = fields["taskID"].flatMap(UUID.init(uuidString:)), let found = catalog.tasksByID[id],
                  let plan = catalog.plansByID[found.planID], plan.jurisdictionCode == user.actor.jurisdictionCode else { throw notFound }
            task = found
            model.$plan.id = plan.id
            model.taskID = id
            if target == .report {
                guard let roundID = fields["roundID"].flatMap(UUID.init(uuidString:)), let unitID = fields["unitID"].flatMap(UUID.init(uuidString:)),
                      try await ProgressReportModel.query(on: req.db).filter(\.$round.$id == roundID).filter(\.$taskID == id)
                        .filter(\.$unitID == unitID).first() != nil else { throw notFound }
                model.roundID = roundID
                model.reportUnitID = unitID
                reportUnit = unitID
            }
        case .bulletin:
            guard let id = fields["bulletinID"].flatMap(UUID.init(uuidString:)), let bulletin = try await BulletinModel.find(id, on: req.db),
                  bulletin.jurisdictionCode == user.actor.jurisdictionCode else { throw notFound }
            model.$plan.id = bulletin.$plan.id
            model.bulletinID = id
        }
        let leader = user.actor.leaderID.flatMap { catalog.leadersByID[$0] }
        model.jurisdictionCode = user.actor.jurisdictionCode
        model.leaderID = leader?.id
        model.leaderName = leader.map { "\($0.post) \($0.name)" } ?? user.actor.username
        model.author = user.actor.username
        model.target = target
        model.text = text
        let recipients = Instruction.recipients(target, task: task, reportUnit: reportUnit)
        try await req.db.transaction { db in
            try await model.create(on: db)
            for recipient in recipients {
                let response = InstructionResponseModel()
                response.$instruction.id = try model.requireID()
                response.unitID = recipient.unitID
                response.status = .pending
                response.reply = ""
                response.version = 1
                try await response.create(on: db)
            }
            try await req.audit(.init(action: "instruction.create", targetType: target.rawValue,
                                      targetID: (model.taskID ?? model.bulletinID)?.uuidString ?? "",
                                      summary: "\(model.leaderName) → \(recipients.count) recipient(s)"), on: db)
        }
        let id = try model.requireID()
        // The recipient units hear of it in their inbox (and by email and webhook where set).
        let notices = recipients.compactMap(\.unitID).map { unitID in
            Instruction.notice(id: id, leader: model.leaderName, text: text, unitID: unitID, task: task, roundID: model.roundID, link: SiteURL.instruction(id).path)
        }
        if try await ReminderCenter.store(notices, jurisdiction: model.jurisdictionCode, sentBy: user.actor.username, app: req.application, now: req.now) > 0 {
            req.application.reminderScheduler.deliverSoon(req.application)
        }
        return req.redirect(to: SiteURL.instruction(id).path + "?done=created", redirectType: .normal)
    }

    /// The instruction named in the path, if the user may read it (unit staff: a recipient's).
    private static func instruction(_ req: Request) async throws -> (InstructionModel, [InstructionResponseModel], CatalogSnapshot, CurrentUser) {
        let id = try req.uuidParameter("instructionID")
        let user = try req.requireUser()
        let catalog = try await req.catalog()
        guard let model = try await InstructionModel.find(id, on: req.db), model.jurisdictionCode == user.actor.jurisdictionCode else {
            throw DomainError.notFound("instructionID", zh: "批示不存在", en: "No such instruction")
        }
        let responses = try await InstructionResponseModel.query(on: req.db).filter(\.$instruction.$id == id).sort(\.$createdAt).all()
        if user.actor.role == .unitStaff && !responses.contains(where: { $0.unitID != nil && $0.unitID == user.actor.unitID }) {
            throw DomainError.notFound("instructionID", zh: "批示不存在", en: "No such instruction")
        }
        return (model, responses, catalog, user)
    }

    /// Whether `user` answers `response`: staff of its unit, or the office for the office's.
    static func answers(_ response: InstructionResponseModel, _ user: CurrentUser) -> Bool {
        response.unitID.map { $0 == user.actor.unitID && user.actor.role == .unitStaff } ?? (user.actor.role == .supervisor)
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
                          version: response.version, mine: answers(response, user))
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
        let fields = try req.content.decode([String: String].self)
        let (model, responses, catalog, user) = try await instruction(req)
        let reply = (fields["reply"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return try await savingForm({
            guard let response = responses.first(where: { $0.id?.uuidString == fields["response"]?.uppercased() }) else {
                throw DomainError.notFound("response", zh: "没有这一接收单位", en: "No such recipient")
            }
            guard answers(response, user) else {
                throw DomainError(.forbidden, zh: "只有批示的接收单位可以签收、反馈", en: "Only a recipient acknowledges and reports back", field: "response")
            }
            let step: Instruction.Step = fields["step"] == "reply" ? .reply : .acknowledge
            let status = try Instruction.next(after: response.status, step)
            let text = step == .reply ? try Instruction.text(reply, field: "reply") : ""
            let responseID = try response.requireID(), now = req.now, username = user.actor.username
            try await req.db.transaction { db in
                try await OptimisticLock.update(InstructionResponseModel.schema, id: responseID, from: fields["version"], current: response.version, at: req.now, on: db) {
                    var update = $0.set("status", to: status.rawValue)
                    if response.acknowledgedAt == nil { update = update.set("acknowledged_by", to: username).set("acknowledged_at", to: now) }
                    if step == .reply { update = update.set("reply", to: text).set("replied_by", to: username).set("replied_at", to: now) }
                    return update
                }
                try await req.audit(.init(action: "instruction.\(step.rawValue)", targetType: "instruction", targetID: try model.requireID().uuidString,
                                          summary: recipientName(response, catalog: catalog, req.pageContext(section: .none).strings.instructions)), on: db)
            }
            return req.redirect(to: SiteURL.instruction(try model.requireID()).path + "?done=\(step == .reply ? "replied" : "acknowledged")", redirectType: .normal)
        }, showAgain: { try await render(req, model, responses, catalog: catalog, user: user, draftReply: reply, errors: $0) })
    }

    /// The instructions `query` selects (at most 50, newest first), with their responses.
    static func summaries(_ query: QueryBuilder<InstructionModel>, catalog: CatalogSnapshot, strings: InstructionStrings, on db: any Database) async throws -> [InstructionViews.Summary] {
        let models = try await query.sort(\.$createdAt, .descending).limit(50).all()
        let ids = models.compactMap(\.id)
        let responses = ids.isEmpty ? [] : try await InstructionResponseModel.query(on: db).filter(\.$instruction.$id ~~ ids).sort(\.$createdAt).all()
        return try models.map { model in try summary(model, responses.filter { $0.$instruction.id == model.id }, catalog: catalog, strings) }
    }
}
