import Fluent
import Foundation
import LuoshiDomain
import LuoshiHTML
import LuoshiOffice
import Vapor

/// 月调度: the office opens a round for a month; each lead unit reports on each of its tasks,
/// cooperating units add their input, the office verifies (accepts or returns); the ledger shows
/// every task's colour, as of a date, with its explanation.
enum DispatchController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.planRounds, requires: .readInternal, use: roundsPage)
        routes.on(.POST, SiteURL.Route.planRounds, requires: .managePlans, use: openRound)
        routes.on(.GET, SiteURL.Route.round, requires: .readInternal, use: roundPage)
        routes.on(.POST, SiteURL.Route.roundClose, requires: .managePlans, use: closeRound)
        routes.on(.POST, SiteURL.Route.roundRemind, requires: .managePlans, use: remind)
        routes.on(.GET, SiteURL.Route.roundTask, requires: .readInternal, use: reportPage)
        routes.on(.POST, SiteURL.Route.roundReport, requires: .submitUnitWork, use: saveReport)
        routes.on(.POST, SiteURL.Route.roundInput, requires: .submitUnitWork, use: saveInput)
        routes.on(.POST, SiteURL.Route.roundReview, requires: .managePlans, use: review)
        routes.on(.POST, SiteURL.Route.roundAttachments, requires: .submitUnitWork, use: uploadAttachment)
        routes.on(.GET, SiteURL.Route.attachment, requires: .readInternal, use: attachment)
        routes.on(.POST, SiteURL.Route.attachmentDelete, requires: .submitUnitWork, use: deleteAttachment)
        routes.on(.GET, SiteURL.Route.planRules, requires: .readInternal, use: rulesPage)
        routes.on(.POST, SiteURL.Route.planRules, requires: .managePlans, use: saveRules)
        routes.on(.GET, SiteURL.Route.planLedger, requires: .readInternal, use: ledgerPage)
        routes.on(.GET, SiteURL.Route.planLedgerExport, requires: .readInternal, use: ledgerExport)
        routes.on(.GET, SiteURL.Route.planDashboard, requires: .readInternal, use: dashboard)
        routes.on(.GET, SiteURL.Route.apiPlanRounds, requires: .readInternal, use: roundsAPI)
        routes.on(.GET, SiteURL.Route.apiPlanLedger, requires: .readInternal, use: ledgerAPI)
    }

    // MARK: Scope

    /// The plan named in the path, if it is in the user's jurisdiction.
    static func plan(_ req: Request) async throws -> (Plan, CatalogSnapshot, CurrentUser) {
        let id = try req.uuidParameter("planID")
        let user = try req.requireUser()
        let snapshot = try await req.catalog()
        guard let plan = snapshot.plansByID[id], Policy.can(user.actor, .readInternal, jurisdictionCode: plan.jurisdictionCode, draft: !plan.isPublic) else {
            throw DomainError.planNotFound(id)
        }
        return (plan, snapshot, user)
    }

    /// The round named in the path, with its plan.
    static func round(_ req: Request) async throws -> (DispatchStore.Round, Plan, CatalogSnapshot, CurrentUser) {
        let id = try req.uuidParameter("roundID")
        let user = try req.requireUser()
        let snapshot = try await req.catalog()
        guard let round = try await DispatchStore.round(id, on: req.db),
              let plan = snapshot.plansByID[round.planID], Policy.can(user.actor, .readInternal, jurisdictionCode: plan.jurisdictionCode) else {
            throw DomainError.notFound("roundID", zh: "调度不存在", en: "No such round")
        }
        return (round, plan, snapshot, user)
    }

    /// The round and one of its plan's tasks the user may see (unit staff: only their unit's).
    static func roundTask(_ req: Request) async throws -> ReportScope {
        let (round, plan, snapshot, user) = try await round(req)
        let taskID = try req.uuidParameter("taskID")
        guard let task = snapshot.tasksByID[taskID], task.planID == plan.id else { throw DomainError.taskNotFound(taskID) }
        let unitRole = TaskUnitRole.of(user.actor.unitID, on: task)
        if user.actor.role == .unitStaff && unitRole == nil { throw DomainError.taskNotFound(taskID) }
        return ReportScope(round: round, plan: plan, snapshot: snapshot, user: user, task: task, unitRole: unitRole)
    }

    struct ReportScope {
        var round: DispatchStore.Round
        var plan: Plan
        var snapshot: CatalogSnapshot
        var user: CurrentUser
        var task: PlanTask
        var unitRole: TaskUnitRole?
    }

    static func today(_ req: Request) -> CalendarDate { CalendarDate(date: req.now) }

    // MARK: Rounds

    @Sendable static func roundsPage(_ req: Request) async throws -> Response {
        try await renderRounds(req, errors: [], values: [:])
    }

    private static func renderRounds(_ req: Request, errors: [DomainError], values: [String: String]) async throws -> Response {
        let (plan, _, user) = try await plan(req)
        let rounds = try await DispatchStore.rounds(planID: plan.id, on: req.db)
        let submitted = try await DispatchStore.submittedCounts(planID: plan.id, on: req.db)
        let model = RoundsPage.Model(plan: plan, rounds: rounds, submittedCount: submitted, today: today(req),
                                     managesPlans: Policy.can(user.actor, .managePlans, jurisdictionCode: plan.jurisdictionCode), csrfToken: user.csrfToken ?? "",
                                     errors: errors, values: values)
        return req.htmlResponse(RoundsPage.render(model, context: req.pageContext(section: .workbench)), status: errors.first?.status ?? .ok)
    }

    @Sendable static func openRound(_ req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let (plan, _, _) = try await plan(req)
        return try await savingForm({
            let command = DispatchService.OpenRound(month: fields["month"] ?? "", dueDate: fields["dueDate"] ?? "")
            let round = try await DispatchService.openRound(command, plan: plan, by: try req.writer, cache: req.application.ledgerCache, on: req.db)
            return req.redirect(to: SiteURL.round(round.id).path, redirectType: .normal)
        }, showAgain: { try await renderRounds(req, errors: $0, values: fields) })
    }

    @Sendable static func roundPage(_ req: Request) async throws -> Response {
        let (round, plan, snapshot, user) = try await round(req)
        let today = today(req)
        let rows: [RoundPage.Row] = try await DispatchStore.pipeline(round, tasks: visibleTasks(plan, snapshot, user), on: req.db).compactMap { entry in
            snapshot.unitsByID[entry.unitID].map {
                RoundPage.Row(task: entry.task, unit: $0, stage: entry.stage(in: round, today: today), late: entry.late, owed: Reminders.isOwed(entry.status))
            }
        }
        let model = RoundPage.Model(plan: plan, round: round, rows: rows, today: today, managesPlans: Policy.can(user.actor, .managePlans, jurisdictionCode: plan.jurisdictionCode),
                                    csrfToken: user.csrfToken ?? "", notice: req.query[String.self, at: "done"])
        return req.htmlResponse(RoundPage.render(model, context: req.pageContext(section: .workbench)))
    }

    /// The plan's tasks in the user's work scope (unit staff: their units' tasks; a deputy: their portfolio).
    static func visibleTasks(_ plan: Plan, _ snapshot: CatalogSnapshot, _ user: CurrentUser) -> [PlanTask] {
        let scope = WorkScope.of(user.actor, leaderIsHead: user.actor.leaderID.flatMap { snapshot.leadersByID[$0] }?.precedence == 0)
        return (snapshot.tasksByPlan[plan.id] ?? []).filter { scope?.includes($0, planJurisdiction: plan.jurisdictionCode) ?? false }
    }

    @Sendable static func closeRound(_ req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let (round, plan, _, _) = try await round(req)
        try await DispatchService.closeRound(round, version: fields["version"].flatMap { Int($0) }, plan: plan, by: try req.writer, on: req.db)
        return req.redirect(to: SiteURL.round(round.id).path + "?done=closed", redirectType: .normal)
    }

    /// 催报: reminds every unit that still owes reports in the round, or one (`unit`).
    @Sendable static func remind(_ req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let (round, plan, snapshot, _) = try await round(req)
        var units: Set<UUID>?
        if let text = fields["unit"]?.nonBlank {
            guard let unitID = UUID(uuidString: text), snapshot.units(in: plan.jurisdictionCode).contains(where: { $0.id == unitID }) else {
                throw DomainError.invalid("unit", zh: "请选择要提醒的单位", en: "Choose a unit to remind")
            }
            units = [unitID]
        }
        let stored = try await ReminderCenter.remind(round: round, plan: plan, catalog: snapshot, units: units, by: try req.writer, app: req.application)
        return req.redirect(to: SiteURL.round(round.id).path + "?done=reminded-\(stored)", redirectType: .normal)
    }

    // MARK: Reports

    @Sendable static func reportPage(_ req: Request) async throws -> Response {
        try await renderReport(req, try await roundTask(req), errors: [], drafts: [:])
    }

    static func renderReport(_ req: Request, _ scope: ReportScope, errors: [DomainError], drafts: [String: String]) async throws -> Response {
        let work = try await ReportRows.taskWork(round: scope.round.id, task: scope.task.id, on: req.db)
        let model = ReportPage.Model(
            plan: scope.plan, round: scope.round, listing: scope.snapshot.listing(scope.task), reports: work.reports,
            inputs: work.inputs, actor: scope.user.actor, unitRole: scope.unitRole, unitName: { scope.snapshot.unitsByID[$0]?.shortName ?? "" },
            csrfToken: scope.user.csrfToken ?? "", errors: errors, drafts: drafts, notice: req.query[String.self, at: "done"],
            today: today(req), attachmentMaxBytes: req.application.luoshiConfig.attachmentMaxBytes)
        return req.htmlResponse(ReportPage.render(model, context: req.pageContext(section: .workbench)), status: errors.first?.status ?? .ok)
    }

    /// Runs a write on a report page; a refused one shows the page again with what was typed.
    private static func handle(_ req: Request, anchor: String, _ action: (ReportScope, [String: String]) async throws -> String) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let scope = try await roundTask(req)
        return try await savingForm({
            let done = try await action(scope, fields)
            return req.redirect(to: SiteURL.roundTask(roundID: scope.round.id, taskID: scope.task.id).path + "?done=\(done)#\(anchor)",
                                redirectType: .normal)
        }, showAgain: { try await renderReport(req, scope, errors: $0, drafts: fields) })
    }

    @Sendable static func saveReport(_ req: Request) async throws -> Response {
        try await handle(req, anchor: "report") { scope, fields in
            try await DispatchService.saveReport(.init(form: fields), in: scope, by: try req.writer, on: req.db).rawValue
        }
    }

    @Sendable static func saveInput(_ req: Request) async throws -> Response {
        try await handle(req, anchor: "inputs") { scope, fields in
            try await DispatchService.saveInput(.init(form: fields), in: scope, by: try req.writer, on: req.db)
            return "input"
        }
    }

    @Sendable static func review(_ req: Request) async throws -> Response {
        try await handle(req, anchor: "report") { scope, fields in
            try await DispatchService.review(.init(form: fields), in: scope, by: try req.writer, on: req.db)
        }
    }

    // MARK: Dashboard

    /// 督查看板 for the signed-in user's scope: the whole plan (office, viewers, the county head),
    /// a leader's portfolio, or a unit's tasks.
    @Sendable static func dashboard(_ req: Request) async throws -> Response {
        let (plan, snapshot, user) = try await plan(req)
        let asOf = try await asOf(req, plan: plan)
        let scope = try dashboardScope(user, snapshot: snapshot)
        let cache = req.application.ledgerCache
        let context = req.pageContext(section: .workbench)
        let key = "dashboard|\(plan.id)|\(asOf.iso)|\(scope.cacheKey)|\(context.displayKey)|\(snapshot.version)"
        return try await req.personalPage(key) {
            let content = try await cache.fragment(key) {
                Node.prerender(DashboardPage.content(try await dashboardModel(req, plan: plan, snapshot: snapshot, asOf: asOf, scope: scope,
                                                                             language: context.language), context: context))
            }
            return DashboardPage.page(content: content, instructions: try await dashboardInstructions(req, user: user, plan: plan, snapshot: snapshot,
                                                                                                    strings: context.strings.instructions),
                                      context: context)
        }
    }

    /// A leader's instructions in the plan; or those the user's unit (or, for the office, the
    /// office) has still to answer.
    static func dashboardInstructions(_ req: Request, user: CurrentUser, plan: Plan, snapshot: CatalogSnapshot,
                                      strings: InstructionStrings) async throws -> (title: String, items: [InstructionViews.Summary])? {
        let inPlan = InstructionModel.query(on: req.db).filter(\.$plan.$id == plan.id)
        switch user.actor.role {
        case .leader:
            let mine = user.actor.leaderID.map { inPlan.filter(\.$leaderID == $0) } ?? inPlan.filter(\.$author == user.actor.username)
            return (strings.written, try await InstructionController.summaries(mine, catalog: snapshot, strings: strings, on: req.db))
        case .unitStaff, .supervisor:
            let unitID = user.actor.role == .unitStaff ? user.actor.unitID : nil
            if user.actor.role == .unitStaff && unitID == nil { return nil }
            let open = try await InstructionResponseModel.query(on: req.db).filter(\.$unitID == unitID).filter(\.$status != .replied).all()
            let ids = Set(open.map(\.$instruction.id))
            guard !ids.isEmpty else { return (strings.awaiting, []) }
            return (strings.awaiting, try await InstructionController.summaries(inPlan.filter(\.$id ~~ ids), catalog: snapshot, strings: strings, on: req.db))
        default:
            return nil
        }
    }

    /// The user's dashboard scope: the whole plan, a leader's portfolio or a unit's tasks.
    static func dashboardScope(_ user: CurrentUser, snapshot: CatalogSnapshot) throws -> WorkScope {
        let head = user.actor.leaderID.flatMap { snapshot.leadersByID[$0] }
        guard let scope = WorkScope.of(user.actor, leaderIsHead: head?.precedence == 0) else { throw DomainError.forbidden }
        return scope
    }

    static func scopeTitle(_ scope: WorkScope, snapshot: CatalogSnapshot, _ d: DispatchStrings) -> String {
        switch scope {
        case .jurisdiction: d.wholePlan
        case .portfolio(let id): d.portfolio(snapshot.leadersByID[id]?.name ?? "")
        case .unit(let id): d.unitTasks(snapshot.unitsByID[id]?.shortName ?? "")
        }
    }

    /// What a dashboard shows for `scope` as of `asOf`: the page and the API read it.
    static func dashboardModel(_ req: Request, plan: Plan, snapshot: CatalogSnapshot, asOf: CalendarDate, scope: WorkScope,
                               language: Language) async throws -> DashboardPage.Model {
        let scopeTitle = scopeTitle(scope, snapshot: snapshot, Strings.for(language).dispatch)
        let cache = req.application.ledgerCache
        let inScope = { (row: Ledger.Row) in scope.includes(row.task, planJurisdiction: plan.jurisdictionCode) }
        let rows = try await DispatchStore.ledger(plan: plan, snapshot: snapshot, asOf: asOf, cache: cache, on: req.db).filter(inScope)
        let rounds = try await cache.rounds(plan.id) { try await DispatchStore.rounds(planID: plan.id, on: req.db) }
        var trend: [DashboardPage.Trend] = []
        for round in rounds where round.dueDate <= asOf {
            let then = try await DispatchStore.ledger(plan: plan, snapshot: snapshot, asOf: round.dueDate, cache: cache, on: req.db).filter(inScope)
            trend.append(.init(label: round.month.description, counts: Dictionary(grouping: then, by: \.colour).mapValues(\.count)))
        }
        var unitWork: DashboardPage.UnitWork?
        if case .unit(let unitID) = scope, let latest = rounds.last {
            let reports = try await ProgressReportModel.query(on: req.db).filter(\.$round.$id == latest.id).filter(\.$unitID == unitID).all()
            let status = Dictionary(reports.map { ($0.taskID, $0.status) }, uniquingKeysWith: { first, _ in first })
            let led = snapshot.tasksLedByUnit[unitID]?.filter { $0.planID == plan.id } ?? []
            let reminders = try await ReminderModel.query(on: req.db).filter(\.$unitID == unitID).sort(\.$createdAt, .descending).limit(10).all()
            let steps = try await SupervisionItemModel.query(on: req.db).filter(\.$plan.$id == plan.id).filter(\.$unitID == unitID)
                .filter(\.$status ~~ [.open, .replied]).sort(\.$createdAt).all()
            unitWork = .init(round: latest, due: led.filter { !Dispatch.isSubmitted(status[$0.id]) && status[$0.id] != .returned },
                             returned: led.filter { status[$0.id] == .returned },
                             reminders: reminders.map { .init(title: $0.title, kind: $0.kind, sentAt: $0.createdAt, link: $0.link) },
                             supervision: steps.compactMap { SupervisionController.row($0, catalog: snapshot, today: today(req)) })
        }
        return DashboardPage.Model(plan: plan, scopeTitle: scopeTitle, asOf: asOf, rules: try await DispatchStore.rules(for: plan, cache: req.application.ledgerCache, on: req.db), rows: rows,
                                   parts: snapshot.partsByPlan[plan.id] ?? [], trend: trend,
                                   unitName: { snapshot.unitsByID[$0]?.shortName ?? "" }, unitWork: unitWork)
    }

    // MARK: Ledger

    /// The ledger's date: `asOf` if given (YYYY-MM-DD), else the latest closed round's due date.
    static func asOf(_ req: Request, plan: Plan) async throws -> CalendarDate {
        if let text = req.query[String.self, at: "asOf"]?.nonBlank {
            guard let date = CalendarDate(iso: text) else {
                throw DomainError.invalid("asOf", zh: "日期应写作 YYYY-MM-DD", en: "Write the date as YYYY-MM-DD")
            }
            return date
        }
        return DispatchStore.defaultAsOf(try await req.application.ledgerCache.rounds(plan.id) {
            try await DispatchStore.rounds(planID: plan.id, on: req.db)
        }, today: today(req))
    }

    @Sendable static func ledgerPage(_ req: Request) async throws -> Response {
        let (plan, snapshot, _) = try await plan(req)
        let asOf = try await asOf(req, plan: plan)
        let context = req.pageContext(section: .workbench)
        let key = "ledger|\(plan.id)|\(asOf.iso)|\(req.url.query ?? "")|\(context.displayKey)|\(snapshot.version)"
        return try await req.personalPage(key) { try await ledgerPage(req, plan: plan, snapshot: snapshot, asOf: asOf, key: key, context: context) }
    }

    private static func ledgerPage(_ req: Request, plan: Plan, snapshot: CatalogSnapshot, asOf: CalendarDate, key: String,
                                   context: PageContext) async throws -> Node {
        let content = try await req.application.ledgerCache.fragment(key) {
            let filter = ledgerFilter(req)
            let rows = try await DispatchStore.ledger(plan: plan, snapshot: snapshot, asOf: asOf, cache: req.application.ledgerCache, on: req.db)
            let model = LedgerPage.Model(plan: plan, asOf: asOf, rules: try await DispatchStore.rules(for: plan, cache: req.application.ledgerCache, on: req.db), rows: rows.filter(filter.matches),
                                         total: rows.count, filter: filter, parts: snapshot.partsByPlan[plan.id] ?? [],
                                         units: snapshot.units(in: plan.jurisdictionCode), leaders: snapshot.leaders(in: plan.jurisdictionCode),
                                         unitName: { snapshot.unitsByID[$0]?.shortName ?? "" })
            return Node.prerender(LedgerPage.content(model, context: context))
        }
        return LedgerPage.page(planID: plan.id, content: content, context: context)
    }

    /// The ledger page's filters from the query (part, unit, leader, colour, status, q).
    static func ledgerFilter(_ req: Request) -> Ledger.Filter {
        Ledger.Filter(part: req.query[Int.self, at: "part"], unitID: req.query[String.self, at: "unit"].flatMap(UUID.init(uuidString:)),
                      leaderID: req.query[String.self, at: "leader"].flatMap(UUID.init(uuidString:)),
                      colour: req.query[String.self, at: "colour"].flatMap(Colour.init(rawValue:)),
                      status: req.query[String.self, at: "status"].flatMap(ProgressStatus.init(rawValue:)),
                      text: req.query[String.self, at: "q"])
    }

    /// 台账导出: the ledger as of the date, with the page's filters, and each round's verified
    /// progress, as an Excel workbook.
    @Sendable static func ledgerExport(_ req: Request) async throws -> Response {
        let (plan, snapshot, _) = try await plan(req)
        let asOf = try await asOf(req, plan: plan)
        let cache = req.application.ledgerCache
        let rows = try await DispatchStore.ledger(plan: plan, snapshot: snapshot, asOf: asOf, cache: cache, on: req.db).filter(ledgerFilter(req).matches)
        var months: [LedgerSheetExport.Month] = []
        for round in try await cache.rounds(plan.id, load: { try await DispatchStore.rounds(planID: plan.id, on: req.db) }) where round.dueDate <= asOf {
            let then = try await DispatchStore.ledger(plan: plan, snapshot: snapshot, asOf: round.dueDate, cache: cache, on: req.db)
            months.append(.init(month: round.month, verified: Dictionary(then.compactMap { row in row.verified.map { (row.task.id, $0) } },
                                                                          uniquingKeysWith: { first, _ in first })))
        }
        let columns = zip(LedgerSheetExport.header(months: months), LedgerSheetExport.widths(months: months)).map { XLSXWriter.Column($0, width: $1) }
        let data = try XLSXWriter.write(sheetName: "任务台账（截至\(asOf.iso)）", columns: columns,
                                        rows: LedgerSheetExport.rows(rows, months: months, unitName: { snapshot.unitsByID[$0]?.shortName },
                                                                     leaderName: { snapshot.leadersByID[$0]?.name }))
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(plan.year)-\(plan.jurisdictionCode)-ledger-\(asOf.iso).xlsx\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    struct RoundDTO: Content {
        var id: UUID
        var month: String
        var dueDate: String
        var status: Dispatch.RoundStatus
    }

    @Sendable static func roundsAPI(_ req: Request) async throws -> [RoundDTO] {
        let (plan, _, _) = try await plan(req)
        let today = today(req)
        return try await DispatchStore.rounds(planID: plan.id, on: req.db).map {
            RoundDTO(id: $0.id, month: $0.month.description, dueDate: $0.dueDate.iso, status: $0.isClosed(today: today) ? .closed : .open)
        }
    }

    struct LedgerDTO: Content {
        struct Row: Content {
            var taskID: UUID
            var number: String
            var expectedProgress: Double
            var verifiedProgress: Double?
            var reportedProgress: Double?
            var status: ProgressStatus
            var colour: Colour
            var explanation: String
            var likelyToMiss: Bool

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(taskID, forKey: .taskID)
                try c.encode(number, forKey: .number)
                try c.encode(expectedProgress, forKey: .expectedProgress)
                try c.encode(verifiedProgress, forKey: .verifiedProgress)
                try c.encode(reportedProgress, forKey: .reportedProgress)
                try c.encode(status, forKey: .status)
                try c.encode(colour, forKey: .colour)
                try c.encode(explanation, forKey: .explanation)
                try c.encode(likelyToMiss, forKey: .likelyToMiss)
            }
        }
        var asOf: String
        var ruleSet: String
        var rows: [Row]
    }

    @Sendable static func ledgerAPI(_ req: Request) async throws -> Response {
        let (plan, snapshot, _) = try await plan(req)
        let asOf = try await asOf(req, plan: plan)
        let language = req.pageContext(section: .workbench).language
        let body = try await req.application.ledgerCache.document("ledger|\(plan.id)|\(asOf.iso)|\(language.rawValue)|\(snapshot.version)") {
            let rows = try await DispatchStore.ledger(plan: plan, snapshot: snapshot, asOf: asOf, cache: req.application.ledgerCache, on: req.db)
            let dto = LedgerDTO(asOf: asOf.iso, ruleSet: try await DispatchStore.rules(for: plan, cache: req.application.ledgerCache, on: req.db).name, rows: rows.map { row in
                LedgerDTO.Row(taskID: row.task.id, number: row.task.number.description, expectedProgress: (row.expected * 10).rounded() / 10,
                              verifiedProgress: row.verified, reportedProgress: row.reported, status: row.status, colour: row.colour,
                              explanation: row.explanation.text(in: language), likelyToMiss: row.likelyToMiss)
            })
            return ByteBuffer(data: try JSONEncoder().encode(dto))
        }
        return .json(body)
    }

}
