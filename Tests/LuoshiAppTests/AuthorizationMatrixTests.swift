import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

/// The authorisation matrix, built from the app's own route table: every route × every role
/// (and anonymous) against the expected allow/deny table below. A new route without a row here
/// fails the suite.
@Suite("Authorisation matrix")
struct AuthorizationMatrixTests {
    /// The decision for every route: the action it requires.
    static let routes: [String: Action] = [
        "GET /": .readPublic,
        "GET /plans/:planID": .readPublic,
        "GET /plans/:planID/parts/:number": .readPublic,
        "GET /tasks/:taskID": .readPublic,
        "GET /units": .readPublic,
        "GET /units/:unitID": .readPublic,
        "GET /leaders": .readPublic,
        "GET /leaders/:leaderID": .readPublic,
        "GET /preferences": .readPublic,
        "GET /assets/:stylesheet": .readPublic,
        "GET /health": .readPublic,
        "GET /metrics": .readPublic,
        "GET /api/v1/plans": .readPublic,
        "GET /api/v1/plans/:planID": .readPublic,
        "GET /api/v1/plans/:planID/tasks": .readPublic,
        "GET /api/v1/tasks/:taskID": .readPublic,
        "GET /api/v1/units": .readPublic,
        "GET /api/v1/units/:unitID": .readPublic,
        "GET /api/v1/leaders": .readPublic,
        "GET /api/openapi.json": .readPublic,
        "GET /login": .readPublic,
        "POST /login": .readPublic,
        "POST /api/v1/session": .readPublic,
        "POST /logout": .manageOwnAccount,
        "GET /account": .manageOwnAccount,
        "POST /account/tokens": .manageOwnAccount,
        "POST /account/email": .manageOwnAccount,
        "POST /account/tokens/:tokenID/revoke": .manageOwnAccount,
        "GET /account/password": .manageOwnAccount,
        "POST /account/password": .manageOwnAccount,
        "GET /api/v1/me": .manageOwnAccount,
        "GET /workbench": .readInternal,
        "GET /admin/users": .manageUsers,
        "POST /admin/users": .manageUsers,
        "POST /admin/users/:userID/reset-password": .manageUsers,
        "POST /admin/users/:userID/disable": .manageUsers,
        "GET /admin/security": .manageSecurity,
        "POST /admin/security/policy": .manageSecurity,
        "POST /admin/security/users/:userID/unlock": .manageSecurity,
        "POST /admin/security/role": .manageSecurity,
        "GET /admin/audit": .readAudit,
        "GET /admin/audit.csv": .readAudit,
        "GET /plans/:planID/export": .readPublic,
        "GET /open-data": .readPublic,
        "GET /open-data/dictionary": .readPublic,
        "GET /plans/:planID/progress.csv": .readPublic,
        "GET /plans/:planID/progress.json": .readPublic,
        "GET /feed.atom": .readPublic,
        "GET /plans/import": .managePlans,
        "POST /plans/import": .managePlans,
        "POST /plans/import/:importID/apply": .managePlans,
        "GET /plans/import/:importID": .managePlans,
        "POST /plans/import/:importID/aliases": .managePlans,
        "GET /plans/:planID/manage": .managePlans,
        "POST /plans/:planID/transition": .managePlans,
        "POST /plans/:planID/disclosure": .managePlans,
        "GET /plans/:planID/interpretation": .readPublic,
        "GET /plans/:planID/interpretation/edit": .managePlans,
        "POST /plans/:planID/interpretation/draft": .managePlans,
        "POST /plans/:planID/interpretation/save": .managePlans,
        "POST /plans/:planID/interpretation/publish": .managePlans,
        "GET /tasks/:taskID/ask": .readPublic,
        "POST /tasks/:taskID/ask": .readPublic,
        "GET /questions": .readInternal,
        "GET /questions/:questionID": .readInternal,
        "POST /questions/:questionID/route": .managePlans,
        "POST /questions/:questionID/answer": .submitUnitWork,
        "POST /questions/:questionID/approve": .managePlans,
        "POST /questions/:questionID/return": .managePlans,
        "POST /questions/:questionID/decline": .managePlans,
        "GET /plans/:planID/charters": .managePlans,
        "GET /plans/:planID/rounds": .readInternal,
        "POST /plans/:planID/rounds": .managePlans,
        "GET /rounds/:roundID": .readInternal,
        "POST /rounds/:roundID/close": .managePlans,
        "POST /rounds/:roundID/remind": .managePlans,
        "POST /rounds/:roundID/tasks/:taskID/attachments": .submitUnitWork,
        "GET /attachments/:attachmentID": .readInternal,
        "POST /attachments/:attachmentID/delete": .submitUnitWork,
        "GET /inbox": .manageOwnAccount,
        "POST /inbox/read": .manageOwnAccount,
        "GET /reminders": .managePlans,
        "GET /rounds/:roundID/tasks/:taskID": .readInternal,
        "POST /rounds/:roundID/tasks/:taskID/report": .submitUnitWork,
        "POST /rounds/:roundID/tasks/:taskID/input": .submitUnitWork,
        "POST /rounds/:roundID/tasks/:taskID/review": .managePlans,
        "GET /plans/:planID/ledger": .readInternal,
        "GET /plans/:planID/dashboard": .readInternal,
        "GET /api/v1/plans/:planID/rounds": .readInternal,
        "GET /plans/:planID/rules": .readInternal,
        "GET /plans/:planID/ledger/export": .readInternal,
        "POST /plans/:planID/rules": .managePlans,
        "GET /plans/:planID/bulletin-issues": .readInternal,
        "POST /plans/:planID/bulletin-issues": .managePlans,
        "GET /bulletins/:bulletinID": .readInternal,
        "POST /bulletins/:bulletinID": .managePlans,
        "POST /bulletins/:bulletinID/refresh": .managePlans,
        "POST /bulletins/:bulletinID/publish": .managePlans,
        "POST /bulletins/:bulletinID/correct": .managePlans,
        "GET /bulletins/:bulletinID/word": .readInternal,
        "GET /plans/:planID/bulletins": .readPublic,
        "GET /plans/:planID/bulletins/:issue": .readPublic,
        "GET /plans/:planID/bulletins/:issue/word": .readPublic,
        "GET /plans/:planID/supervision": .readInternal,
        "POST /plans/:planID/supervision": .managePlans,
        "POST /plans/:planID/supervision/dismiss": .managePlans,
        "GET /supervision/:itemID": .readInternal,
        "POST /supervision/:itemID/reply": .submitUnitWork,
        "POST /supervision/:itemID/files": .submitUnitWork,
        "POST /supervision/:itemID/review": .managePlans,
        "GET /supervision-files/:fileID": .readInternal,
        "GET /supervision/:itemID/word": .readInternal,
        "GET /plans/:planID/assessment": .readInternal,
        "GET /plans/:planID/inspections": .readInternal,
        "POST /instructions": .instruct,
        "GET /instructions/:instructionID": .readInternal,
        "POST /instructions/:instructionID/respond": .readInternal,
        "POST /plans/:planID/inspections": .managePlans,
        "GET /inspections/:inspectionID": .readInternal,
        "POST /inspections/:inspectionID/findings": .managePlans,
        "POST /inspection-findings/:findingID/files": .managePlans,
        "POST /inspection-findings/:findingID/rectify": .managePlans,
        "GET /plans/:planID/assessment/export": .readInternal,
        "POST /api/v1/plans/:planID/rounds": .managePlans,
        "GET /api/v1/plans/:planID/dashboard": .readInternal,
        "GET /api/v1/rounds/:roundID": .readInternal,
        "GET /api/v1/rounds/:roundID/tasks/:taskID": .readInternal,
        "PUT /api/v1/rounds/:roundID/tasks/:taskID/report": .submitUnitWork,
        "PUT /api/v1/rounds/:roundID/tasks/:taskID/input": .submitUnitWork,
        "POST /api/v1/rounds/:roundID/tasks/:taskID/review": .managePlans,
        "POST /api/v1/rounds/:roundID/tasks/:taskID/attachments": .submitUnitWork,
        "GET /api/v1/plans/:planID/ledger": .readInternal,
        "POST /api/v1/plans": .managePlans,
        "PUT /api/v1/plans/:planID": .managePlans,
        "POST /api/v1/plans/:planID/parts": .managePlans,
        "PUT /api/v1/plans/:planID/parts/:number": .managePlans,
        "POST /api/v1/units": .managePlans,
        "PUT /api/v1/units/:unitID": .managePlans,
        "POST /api/v1/leaders": .managePlans,
        "PUT /api/v1/leaders/:leaderID": .managePlans,
        "GET /plans/new": .managePlans,
        "POST /plans/new": .managePlans,
        "GET /plans/:planID/edit": .managePlans,
        "POST /plans/:planID/edit": .managePlans,
        "GET /plans/:planID/parts/new": .managePlans,
        "POST /plans/:planID/parts/new": .managePlans,
        "GET /plans/:planID/parts/:number/edit": .managePlans,
        "POST /plans/:planID/parts/:number/edit": .managePlans,
        "GET /directory/units": .managePlans,
        "GET /directory/units/new": .managePlans,
        "POST /directory/units/new": .managePlans,
        "GET /directory/units/:unitID/edit": .managePlans,
        "POST /directory/units/:unitID/edit": .managePlans,
        "GET /directory/leaders": .managePlans,
        "GET /directory/leaders/new": .managePlans,
        "POST /directory/leaders/new": .managePlans,
        "GET /directory/leaders/:leaderID/edit": .managePlans,
        "POST /directory/leaders/:leaderID/edit": .managePlans,
        "GET /plans/:planID/tasks/new": .managePlans,
        "POST /plans/:planID/tasks/new": .managePlans,
        "GET /tasks/:taskID/edit": .managePlans,
        "POST /tasks/:taskID/edit": .managePlans,
        "GET /tasks/:taskID/work": .readInternal,
        "POST /tasks/:taskID/comments": .submitUnitWork,
        "POST /tasks/:taskID/comments/:commentID/reply": .managePlans,
        "POST /tasks/:taskID/charter": .submitUnitWork,
        "POST /tasks/:taskID/charter/review": .managePlans,
        "POST /tasks/:taskID/changes": .submitUnitWork,
        "POST /tasks/:taskID/changes/:requestID/decide": .managePlans,
        "GET /api/v1/tasks/:taskID/work": .readInternal,
        "PUT /api/v1/tasks/:taskID": .managePlans,
        "POST /api/v1/plans/:planID/tasks": .managePlans,
        "GET /api/v1/plans/:planID/versions": .managePlans,
        "GET /api/v1/plans/:planID/versions/compare": .managePlans,
    ]

    /// Who may do what. nil stands for an anonymous visitor. Written out, not derived from `Policy`.
    static let allowed: [Action: Set<Role?>] = [
        .readPublic: Set(Role.allCases.map(Optional.some) + [nil]),
        .manageOwnAccount: Set(Role.allCases.map(Optional.some)),
        .readInternal: [.supervisor, .leader, .unitStaff, .viewer],
        .manageUsers: [.systemAdmin],
        .manageSecurity: [.securityAdmin],
        .readAudit: [.auditAdmin],
        .instruct: [.leader],
        .readUnitWork: [.supervisor, .leader, .unitStaff, .viewer],
        .managePlans: [.supervisor],
        .submitUnitWork: [.unitStaff],
    ]

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    /// The headers and body of a request to `path` as the holder of `session` and `token` (both nil:
    /// an anonymous visitor, who still carries a form token of its own, so only the decision refuses).
    /// API writes take bearer tokens only (a cookie there is ignored; see the CSRF test).
    static func request(_ method: HTTPMethod, _ path: String, session: TestSession?, token: String?) -> (HTTPHeaders, ByteBuffer?) {
        var headers = session?.headers ?? HTTPHeaders()
        let csrf = session?.csrf ?? "anonymous-form-token"
        if let token, AuthenticationMiddleware.isAPIWrite(method, path) { headers = ["Authorization": "Bearer \(token)"] }
        guard method != .GET else { return (headers, nil) }
        if session == nil { headers.add(name: "Cookie", value: "\(CSRFMiddleware.cookieName)=\(csrf)") }
        if path.hasPrefix("/api/") {
            headers.contentType = .json
            return (headers, ByteBuffer(string: "{}"))
        }
        headers.contentType = .urlEncodedForm
        return (headers, ByteBuffer(string: "_csrf=\(csrf)"))
    }

    @Test func everyRouteHasADecisionAndDeclaresIt() async throws {
        try await withLuoshiApp(sample: false) { app in
            let registered = Dictionary(app.routes.all.map { (Self.key($0), $0.requiredAction) }, uniquingKeysWith: { first, _ in first })
            #expect(Set(registered.keys).subtracting(Self.routes.keys).isEmpty, "routes without a decision in this table")
            #expect(Set(Self.routes.keys).subtracting(registered.keys).isEmpty, "decisions for routes that do not exist")
            for (key, action) in registered {
                #expect(action == Self.routes[key], "\(key) declares \(String(describing: action))")
            }
        }
    }

    @Test func policyAgreesWithTheTable() {
        for action in Action.allCases {
            for role in Role.allCases.map(Optional.some) + [nil] {
                let actor = role.map { Actor(userID: UUID(), username: "u", role: $0, jurisdictionCode: "371323", unitID: UUID(), leaderID: UUID()) }
                let expected = Self.allowed[action]?.contains(role) ?? false
                if action == .readUnitWork { continue }  // depends on the unit; see the unit-scope test
                #expect(Policy.can(actor, action) == expected, "\(action) for \(String(describing: role))")
            }
        }
    }

    @Test func everyRouteAnswersEveryRoleAsTheTableSays() async throws {
        try await withLuoshiApp { app in
            let snapshot = try await app.snapshot()
            let plan = try #require(snapshot.plans.first)
            let target = try await app.makeUser("target.user", .viewer)
            var sessions: [Role: TestSession] = [:]
            var tokens: [Role: String] = [:]
            for role in Role.allCases {
                let name = "matrix.\(role.rawValue)"
                try await app.makeUser(name, role, unit: role == .unitStaff ? "县发改局" : nil, leaderPrecedence: role == .leader ? 2 : nil)
                sessions[role] = try await app.signIn(name)
                tokens[role] = try await app.apiToken(name)
            }
            let values = [":planID": plan.id.uuidString, ":number": "1",
                          ":taskID": try #require(snapshot.tasksByPlan[plan.id]?.first).id.uuidString,
                          ":unitID": try #require(snapshot.units.first).id.uuidString,
                          ":leaderID": try #require(snapshot.leaders.first).id.uuidString,
                          ":stylesheet": "luoshi-\(Stylesheet.fingerprint).css",
                          ":userID": try target.requireID().uuidString, ":tokenID": UUID().uuidString,
                          ":commentID": UUID().uuidString, ":requestID": UUID().uuidString, ":importID": UUID().uuidString, ":roundID": UUID().uuidString]
            // Sign-out last, so each role's session lives through the other routes.
            let routes = app.routes.all.sorted { (Self.key($0) == "POST /logout" ? 1 : 0) < (Self.key($1) == "POST /logout" ? 1 : 0) }
            for route in routes {
                let key = Self.key(route)
                let action = try #require(Self.routes[key], "no decision for \(key)")
                let path = "/" + route.path.map { values[$0.description] ?? $0.description }.joined(separator: "/")
                for role in Role.allCases.map(Optional.some) + [nil] {
                    let (headers, body) = Self.request(route.method, path, session: role.flatMap { sessions[$0] }, token: role.flatMap { tokens[$0] })
                    let expected = Self.allowed[action]?.contains(role) ?? false
                    try await app.testing().test(route.method, path, headers: headers, body: body) { res in
                        let location = res.headers.first(name: .location) ?? ""
                        let refused = [.unauthorized, .forbidden].contains(res.status) || location.hasPrefix("/login")
                        #expect(refused != expected, "\(key) as \(role?.rawValue ?? "anonymous"): \(res.status) \(location)")
                        #expect(res.status.code < 500, "\(key) as \(role?.rawValue ?? "anonymous") answered \(res.status)")
                    }
                }
            }
        }
    }

    /// Every form route (every non-GET route outside `/api/`), posted by a signed-in office with
    /// no CSRF token, with another session's token, and anonymously with a cookie that does not
    /// match: exactly 403 each time, one `csrf.refused` audit row each, and nothing else in the
    /// database changes (every table but the audit log, its head and the sessions' last-seen time).
    @Test func everyFormRouteRefusesAMissingOrForeignCSRFTokenAndWritesNothing() async throws {
        try await withLuoshiApp { app in
            let snapshot = try await app.snapshot()
            try await SampleRounds.loadIfMissing(into: app.db, snapshot: snapshot)
            let plan = try #require(snapshot.plans.first)
            let target = try await app.makeUser("target.user", .viewer)
            try await app.makeUser("csrf.office", .supervisor)
            try await app.makeUser("csrf.other", .supervisor)
            let office = try await app.signIn("csrf.office"), other = try await app.signIn("csrf.other")
            let round = try #require(try await DispatchStore.rounds(planID: plan.id, on: app.db).first)
            let values = [":planID": plan.id.uuidString, ":number": "1",
                          ":taskID": try #require(snapshot.tasksByPlan[plan.id]?.first).id.uuidString,
                          ":unitID": try #require(snapshot.units.first).id.uuidString,
                          ":leaderID": try #require(snapshot.leaders.first).id.uuidString,
                          ":userID": try target.requireID().uuidString, ":roundID": round.id.uuidString]
            let untouched: Set<String> = [AuditLogModel.schema, AuditHeadModel.schema, SessionModel.schema]
            let before = try await BackupTests.contents(app).filter { !untouched.contains($0.key) }
            let auditBefore = try await AuditLogModel.query(on: app.db).count()
            let forms = app.routes.all.filter { ![.GET, .HEAD].contains($0.method) && $0.path.first?.description != "api" }
            #expect(forms.count > 60, "\(forms.count) form routes")
            for route in forms {
                let key = Self.key(route)
                let path = "/" + route.path.map { part in
                    part.description.hasPrefix(":") ? values[part.description] ?? UUID().uuidString.lowercased() : part.description
                }.joined(separator: "/")
                let attempts: [(String, HTTPHeaders, String)] = [
                    ("no token", office.headers, "note=x"),
                    ("another session's token", office.headers, "_csrf=\(other.csrf)&note=x"),
                    ("anonymous, cookie and field differ", ["Cookie": "\(CSRFMiddleware.cookieName)=cookie-token"], "_csrf=field-token"),
                ]
                for (label, baseHeaders, body) in attempts {
                    var headers = baseHeaders
                    headers.contentType = .urlEncodedForm
                    try await app.testing().test(route.method, path, headers: headers, body: ByteBuffer(string: body)) { res in
                        #expect(res.status == .forbidden, "\(key), \(label): \(res.status)")
                    }
                }
            }
            let auditAfter = try await AuditLogModel.query(on: app.db).all()
            #expect(auditAfter.count == auditBefore + 3 * forms.count, "one audit row per refusal")
            #expect(auditAfter.sorted { $0.sequence < $1.sequence }.suffix(3 * forms.count).allSatisfy { $0.action == "csrf.refused" })
            #expect(try await AuditLog.verify(on: app.db) == nil)
            let after = try await BackupTests.contents(app).filter { !untouched.contains($0.key) }
            for (table, rows) in before where after[table] != rows { Issue.record("\(table) changed") }
        }
    }

    /// Actors of other jurisdictions against 沂水县 (371323)'s own resources: a sibling county's
    /// office, viewer, unit staff and leader, the parent city's office and leader, the province's
    /// office and another province's. Public reads and one's own account answer
    /// as for anyone; a parent's office reads what the county issued; nobody else gets in, and no
    /// one outside acts on it.
    static let strangers: [(code: String, name: String, role: Role)] = [
        ("371324", "兰陵县", .supervisor), ("371324", "兰陵县", .viewer), ("371324", "兰陵县", .unitStaff), ("371324", "兰陵县", .leader),
        ("371300", "临沂市", .supervisor), ("371300", "临沂市", .leader),
        ("370000", "山东省", .supervisor), ("320000", "江苏省", .supervisor),
    ]
    /// Path parameters naming a resource of the county; routes with them are checked for strangers.
    static let countyResources: Set<String> = [":planID", ":number", ":taskID", ":roundID", ":bulletinID", ":unitID", ":leaderID"]

    static func strangerMayReach(_ action: Action, role: Role, code: String) -> Bool {
        switch action {
        case .readPublic, .manageOwnAccount: true
        case .readInternal, .readUnitWork: role == .supervisor && Jurisdiction.contains(code, "371323")
        default: false
        }
    }

    @Test func everyCountyResourceAnswersOtherJurisdictionsAsTheTreeSays() async throws {
        try await withLuoshiApp { app in
            var snapshot = try await app.snapshot()
            try await SampleRounds.loadIfMissing(into: app.db, snapshot: snapshot)
            snapshot = try await app.snapshot()
            let plan = try #require(snapshot.plans.first { $0.isPublic })
            let round = try #require(try await ReportRoundModel.query(on: app.db).filter(\.$plan.$id == plan.id).first())
            let bulletin = try #require(try await BulletinModel.query(on: app.db).filter(\.$status == .published).first())
            let task = try #require(snapshot.tasksByPlan[plan.id]?.first)
            let values = [":planID": plan.id.uuidString, ":number": "1", ":taskID": task.id.uuidString,
                          ":roundID": try round.requireID().uuidString, ":bulletinID": try bulletin.requireID().uuidString,
                          ":unitID": try #require(snapshot.units.first).id.uuidString,
                          ":leaderID": try #require(snapshot.leaders.first).id.uuidString]
            var actors: [(label: String, code: String, role: Role, session: TestSession, token: String)] = []
            for (index, stranger) in Self.strangers.enumerated() {
                if try await JurisdictionModel.query(on: app.db).filter(\.$code == stranger.code).first() == nil {
                    try await JurisdictionModel(Jurisdiction(code: stranger.code, name: stranger.name, level: Jurisdiction.level(of: stranger.code),
                                                             parentCode: nil)).create(on: app.db)
                }
                // Unit staff and leaders there are linked to a unit and a leader of their own jurisdiction.
                if try await UnitModel.query(on: app.db).filter(\.$jurisdictionCode == stranger.code).first() == nil {
                    try await UnitModel(Unit(id: UUID(), jurisdictionCode: stranger.code, name: "\(stranger.name)发展和改革局", shortName: "发改局",
                                             aliases: [], kind: .department)).create(on: app.db)
                    try await LeaderModel(Leader(id: UUID(), jurisdictionCode: stranger.code, name: "\(stranger.name)副职（测试）",
                                                 post: "副县长", portfolio: "")).create(on: app.db)
                }
                let name = "stranger\(index).\(stranger.role.rawValue)"
                try await app.makeUser(name, stranger.role, unit: stranger.role == .unitStaff ? "发改局" : nil,
                                       leaderPrecedence: stranger.role == .leader ? 2 : nil, jurisdiction: stranger.code)
                actors.append(("\(stranger.name) \(stranger.role.rawValue)", stranger.code, stranger.role, try await app.signIn(name), try await app.apiToken(name)))
            }
            var checked = 0
            let routes = app.routes.all.filter { Self.key($0) != "POST /logout" }
            for route in routes {
                let parameters = route.path.map(\.description).filter { $0.hasPrefix(":") }
                guard !parameters.isEmpty, parameters.allSatisfy({ values[$0] != nil }),
                      parameters.contains(where: Self.countyResources.contains) else { continue }
                let key = Self.key(route)
                let action = try #require(Self.routes[key], "no decision for \(key)")
                let path = "/" + route.path.map { values[$0.description] ?? $0.description }.joined(separator: "/")
                checked += 1
                for actor in actors {
                    let (headers, body) = Self.request(route.method, path, session: actor.session, token: actor.token)
                    let expected = Self.strangerMayReach(action, role: actor.role, code: actor.code)
                    try await app.testing().test(route.method, path, headers: headers, body: body) { res in
                        let location = res.headers.first(name: .location) ?? ""
                        // Outside its jurisdiction a resource is not found; a public one that the sample
                        // lacks (no interpretation yet) is a 404 to everyone, not a refusal.
                        let hidden: Set<HTTPStatus> = action == .readPublic ? [.unauthorized, .forbidden] : [.unauthorized, .forbidden, .notFound]
                        let refused = hidden.contains(res.status) || location.hasPrefix("/login")
                        #expect(refused != expected, "\(key) as \(actor.label): \(res.status) \(location)")
                        #expect(res.status.code < 500, "\(key) as \(actor.label) answered \(res.status)")
                    }
                }
            }
            #expect(checked >= 90, "county resource routes checked: \(checked)")
        }
    }

    @Test func unitStaffReadOnlyTheirOwnUnitsWork() throws {
        let unit = UUID(), other = UUID()
        let staff = Actor(userID: UUID(), username: "s", role: .unitStaff, jurisdictionCode: "371323", unitID: unit)
        #expect(Policy.can(staff, .readUnitWork, unitID: unit))
        #expect(!Policy.can(staff, .readUnitWork, unitID: other))
        let supervisor = Actor(userID: UUID(), username: "d", role: .supervisor, jurisdictionCode: "371323")
        #expect(Policy.can(supervisor, .readUnitWork, unitID: other))
        #expect(!Policy.can(supervisor, .readInternal, jurisdictionCode: "371324"))
        #expect(Policy.can(Actor(userID: UUID(), username: "c", role: .supervisor, jurisdictionCode: "371300"),
                           .readInternal, jurisdictionCode: "371323"))
        #expect(!Policy.can(Actor(userID: UUID(), username: "a", role: .auditAdmin, jurisdictionCode: "371323"), .readUnitWork, unitID: unit))
    }
}
