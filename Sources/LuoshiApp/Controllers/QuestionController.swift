import Fluent
import Foundation
import LuoshiDomain
import LuoshiHTML
import Vapor

/// 政民互动: the public asks about a task (no account; a limit per address), the office routes
/// and approves, the unit answers. The ask page is never cached: it carries the double-submit
/// CSRF cookie, which a cached public page cannot.
enum QuestionController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.taskAsk, requires: .readPublic, use: askForm)
        routes.on(.POST, SiteURL.Route.taskAsk, requires: .readPublic, use: ask)
        routes.on(.GET, SiteURL.Route.questions, requires: .readInternal, use: list)
        routes.on(.GET, SiteURL.Route.question, requires: .readInternal, use: page)
        for step in PublicQuestion.Step.allCases {
            routes.on(.POST, SiteURL.Route.questionStep(step), requires: step.isOffice ? .managePlans : .submitUnitWork) { req in
                try await act(req, step)
            }
        }
    }

    // MARK: The public's form

    private static func publicTask(_ req: Request) async throws -> (Plan, PlanTask, CatalogSnapshot) {
        let id = try req.uuidParameter("taskID")
        let snapshot = try await req.catalog()
        guard let task = snapshot.tasksByID[id], let plan = snapshot.plansByID[task.planID], plan.isPublic else { throw DomainError.taskNotFound(id) }
        return (plan, task, snapshot)
    }

    @Sendable static func askForm(_ req: Request) async throws -> Response {
        let (plan, task, _) = try await publicTask(req)
        return renderAsk(req, .init(plan: plan, task: task, csrfToken: ""), status: .ok)
    }

    /// The form with a double-submit CSRF token for a visitor (the session's for a signed-in user).
    private static func renderAsk(_ req: Request, _ model: QuestionPages.AskForm, status: HTTPResponseStatus) -> Response {
        let token = req.currentUser?.csrfToken ?? req.cookies[CSRFMiddleware.cookieName]?.string.nonBlank ?? Secrets.token()
        var model = model
        model.csrfToken = token
        let context = req.pageContext(section: .home).with(notice: model.plan.illustrativeNotice)
        let response = req.htmlResponse(QuestionPages.ask(model, context: context), status: status)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        if req.currentUser == nil {
            response.cookies[CSRFMiddleware.cookieName] = HTTPCookies.Value(
                string: token, path: "/", isSecure: req.application.luoshiConfig.secureCookies, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    struct AskFields: Content {
        var name: String?
        var contact: String?
        var text: String?
    }

    @Sendable static func ask(_ req: Request) async throws -> Response {
        let (plan, task, snapshot) = try await publicTask(req)
        let fields = try req.content.decode(AskFields.self)
        let command = PublicQuestionService.Ask(taskID: task.id, name: fields.name ?? "", contact: fields.contact ?? "", text: fields.text ?? "")
        do {
            let question = try await PublicQuestionService.ask(command, catalog: snapshot, asker: .init(address: req.clientIP, who: req.auditWho, now: req.now),
                                                               throttle: req.application.questionThrottle, on: req.db)
            let context = req.pageContext(section: .home).with(notice: plan.illustrativeNotice)
            let response = req.htmlResponse(QuestionPages.received(receipt: question.receipt, plan: plan, task: task, context: context))
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch let error as DomainError {
            // What was typed comes back, cut to a length the form can hold.
            return renderAsk(req, .init(plan: plan, task: task, name: String(command.name.prefix(100)), contact: String(command.contact.prefix(100)),
                                        text: String(command.text.prefix(PublicQuestion.maximumQuestionLength * 2)), csrfToken: "", error: error),
                             status: error.status)
        }
    }

    // MARK: The office's and units' pages

    /// The question named in the path, if the user may read it.
    private static func question(_ req: Request) async throws -> (PublicQuestionModel, CurrentUser) {
        let id = try req.uuidParameter("questionID")
        let user = try req.requireUser()
        guard let model = try await PublicQuestionModel.find(id, on: req.db), PublicQuestionService.mayRead(user.actor, model) else {
            throw DomainError.notFound("questionID", zh: "留言不存在", en: "No such question")
        }
        return (model, user)
    }

    @Sendable static func list(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let snapshot = try await req.catalog()
        let filter = req.query[String.self, at: "status"]
        if let filter, filter != "all", PublicQuestion.Status(rawValue: filter) == nil {
            throw DomainError.invalid("status", zh: "状态应为 submitted、routed、answered、published、declined 或 all",
                                      en: "status is one of submitted, routed, answered, published, declined, all")
        }
        // Scoped in SQL to the jurisdictions the policy lets the user read, then row by row.
        let readable = snapshot.jurisdictions.keys.filter { Policy.can(user.actor, .readInternal, jurisdictionCode: $0) }
        var query = PublicQuestionModel.query(on: req.db).filter(\.$jurisdictionCode ~~ readable)
        if user.actor.role == .unitStaff {
            query = query.filter(\.$unitID == user.actor.unitID)
        }
        let visible = try await query.sort(\.$askedAt, .descending).all().filter { PublicQuestionService.mayRead(user.actor, $0) }
        let shown = visible.filter { question in
            switch filter {
            case nil: question.status.isOpen
            case "all": true
            default: question.status.rawValue == filter
            }
        }
        let model = QuestionPages.List(
            rows: shown.compactMap { question in
                question.id.map {
                    .init(id: $0, receipt: question.receipt, task: snapshot.tasksByID[question.taskID], askedOn: CalendarDate(date: question.askedAt),
                          status: question.status, unitName: question.unitID.flatMap { snapshot.unitsByID[$0]?.shortName })
                }
            },
            filter: filter, counts: Dictionary(grouping: visible, by: \.status).mapValues(\.count))
        let response = req.htmlResponse(QuestionPages.list(model, context: req.pageContext(section: .workbench)))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable static func page(_ req: Request) async throws -> Response {
        let (model, user) = try await question(req)
        return try await render(req, model, user: user, error: nil, typed: [:])
    }

    private static func render(_ req: Request, _ model: PublicQuestionModel, user: CurrentUser, error: DomainError?,
                               typed: [String: String]) async throws -> Response {
        let snapshot = try await req.catalog()
        guard let task = snapshot.tasksByID[model.taskID], let plan = snapshot.plansByID[task.planID] else { throw DomainError.taskNotFound(model.taskID) }
        let actor = user.actor
        let context = req.pageContext(section: .workbench)
        let q = context.strings.questions
        let may = { (step: PublicQuestion.Step) in
            PublicQuestionService.mayTake(step, actor, model) && (try? PublicQuestion.next(after: model.status, step)) != nil
        }
        let events: [(String, String?, Date?)] = [
            (q.asked, model.askerName.isEmpty ? q.anonymous : model.askerName, model.askedAt), (q.routed, model.routedBy, model.routedAt),
            (q.answered, model.answeredBy, model.answeredAt), (q.decided, model.decidedBy, model.decidedAt),
        ]
        let detail = QuestionPages.Detail(
            id: try model.requireID(), receipt: model.receipt, plan: plan, task: task, status: model.status, name: model.askerName,
            contact: Policy.can(actor, .managePlans, jurisdictionCode: model.jurisdictionCode) ? model.contact : nil,
            question: model.question, publicQuestion: model.publicQuestion, unitName: model.unitID.flatMap { snapshot.unitsByID[$0]?.name },
            answer: model.answer, note: model.note,
            events: events.compactMap { label, by, at in at.map { (label, by ?? "", $0) } },
            routeChoices: may(.route) ? PublicQuestion.routableUnits(task).compactMap { id in
                snapshot.unitsByID[id].map { (id, $0.name, task.leadUnitIDs.contains(id)) }
            } : [],
            selectedUnit: model.unitID, mayAnswer: may(.answer), mayDecide: may(.approve), mayDecline: may(.decline), version: model.version,
            csrfToken: user.csrfToken ?? "", error: error, typed: typed,
            notice: req.query[String.self, at: "done"].flatMap(q.notices))
        let response = req.htmlResponse(QuestionPages.detail(detail, context: context), status: error?.status ?? .ok)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    struct StepFields: Content {
        var unit: String?
        var answer: String?
        var question: String?
        var returnNote: String?
        var declineNote: String?
        var version: String?
    }

    static func act(_ req: Request, _ step: PublicQuestion.Step) async throws -> Response {
        let (model, user) = try await question(req)
        let fields = try req.content.decode(StepFields.self)
        let (field, text): (String, String?) = switch step {
        case .route: ("unit", nil)
        case .answer: ("answer", fields.answer)
        case .approve: ("question", fields.question)
        case .return: ("returnNote", fields.returnNote)
        case .decline: ("declineNote", fields.declineNote)
        }
        let command = PublicQuestionService.Act(step: step, unitID: fields.unit.flatMap(UUID.init(uuidString:)), text: text ?? "",
                                                version: fields.version.flatMap { Int($0) })
        do {
            try await PublicQuestionService.act(command, on: model, catalog: try await req.catalog(), by: try req.writer, app: req.application, on: req.db)
        } catch let error as DomainError {
            let typed = text.map { [field: String($0.prefix(PublicQuestion.maximumAnswerLength * 2))] } ?? [:]
            return try await render(req, model, user: user, error: error, typed: typed)
        }
        return req.redirect(to: SiteURL.question(try model.requireID(), done: step.rawValue).path, redirectType: .normal)
    }
}
