import Fluent
import Foundation
import LuoshiDomain
import LuoshiHTML
import Vapor

/// The three administrators' pages (三员分立): users (system), security (security), audit (audit).
enum AdminController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.adminUsers, requires: .manageUsers, use: users)
        routes.on(.POST, SiteURL.Route.adminUsers, requires: .manageUsers, use: createUser)
        routes.on(.POST, SiteURL.Route.adminUserReset, requires: .manageUsers, use: resetPassword)
        routes.on(.POST, SiteURL.Route.adminUserDisable, requires: .manageUsers, use: setDisabled)
        routes.on(.GET, SiteURL.Route.adminSecurity, requires: .manageSecurity, use: security)
        routes.on(.POST, SiteURL.Route.adminSecurityPolicy, requires: .manageSecurity, use: savePolicy)
        routes.on(.POST, SiteURL.Route.adminUnlock, requires: .manageSecurity, use: unlock)
        routes.on(.POST, SiteURL.Route.adminRole, requires: .manageSecurity, use: changeRole)
        routes.on(.GET, SiteURL.Route.adminAudit, requires: .readAudit, use: audit)
        routes.on(.GET, SiteURL.Route.adminAuditCSV, requires: .readAudit, use: auditCSV)
    }

    // MARK: Users (system administrator)

    private static func userRows(_ req: Request, snapshot: CatalogSnapshot) async throws -> [UsersPage.Row] {
        try await UserModel.query(on: req.db).sort(\.$username).all().compactMap { user in
            user.id.map {
                UsersPage.Row(id: $0, username: user.username, displayName: user.displayName, role: user.role,
                              unitName: user.$unit.id.flatMap { snapshot.unitsByID[$0]?.name }, disabled: user.disabled,
                              lockedUntil: user.lockedUntil)
            }
        }
    }

    private static func renderUsers(_ req: Request, oneTimePassword: (String, String)? = nil, error: DomainError? = nil) async throws -> Response {
        let user = try req.requireUser()
        let snapshot = try await req.catalog()
        let model = UsersPage.Model(
            rows: try await userRows(req, snapshot: snapshot),
            units: snapshot.units(in: user.actor.jurisdictionCode), leaders: snapshot.leaders(in: user.actor.jurisdictionCode),
            oneTimePassword: oneTimePassword.map { (username: $0.0, password: $0.1) }, csrfToken: user.csrfToken ?? "",
            error: error, now: req.now)
        return req.htmlResponse(UsersPage.render(model, context: req.pageContext(section: .admin)), status: error?.status ?? .ok)
    }

    @Sendable static func users(_ req: Request) async throws -> Response { try await renderUsers(req) }

    struct NewUserForm: Content {
        var username: String?
        var displayName: String?
        var role: String?
        var unit: String?
        var leader: String?
        var isUnitHead: String?
    }

    @Sendable static func createUser(_ req: Request) async throws -> Response {
        let admin = try req.requireUser()
        let form = try req.content.decode(NewUserForm.self)
        do {
            guard let role = form.role.flatMap(Role.init(rawValue:)) else {
                throw DomainError.invalid("role", zh: "未知的角色", en: "Unknown role")
            }
            let new = UserAdministration.NewUser(
                username: form.username ?? "", displayName: form.displayName ?? "", role: role,
                jurisdictionCode: admin.actor.jurisdictionCode,
                unitID: try optionalUUID(form.unit, field: "unit"), leaderID: try optionalUUID(form.leader, field: "leader"),
                isUnitHead: form.isUnitHead == "1")
            let (user, password) = try await UserAdministration.create(
                new, policy: try await req.application.securitySettings.current(req.db).password,
                hasher: req.password.async, now: req.now, on: req.db, by: req.auditWho)
            return try await renderUsers(req, oneTimePassword: (user.username, password ?? ""))
        } catch let error as DomainError {
            return try await renderUsers(req, error: error)
        }
    }

    @Sendable static func resetPassword(_ req: Request) async throws -> Response {
        let user = try await targetUser(req)
        let password = try await UserAdministration.resetPassword(user, hasher: req.password.async, now: req.now, on: req.db, by: req.auditWho)
        return try await renderUsers(req, oneTimePassword: (user.username, password))
    }

    @Sendable static func setDisabled(_ req: Request) async throws -> Response {
        let user = try await targetUser(req)
        let disabled = (try? req.content.get(String.self, at: "disabled")) == "1"
        if user.id == req.currentUser?.actor.userID {
            return try await renderUsers(req, error: .invalid("disabled", zh: "不能停用自己的账号", en: "You cannot disable your own account"))
        }
        try await UserAdministration.setDisabled(user, disabled, now: req.now, on: req.db, by: req.auditWho)
        return req.redirect(to: SiteURL.adminUsers.path, redirectType: .normal)
    }

    private static func targetUser(_ req: Request) async throws -> UserModel {
        let id = try req.uuidParameter("userID")
        guard let user = try await UserModel.find(id, on: req.db) else {
            throw DomainError.notFound("userID", zh: "用户不存在", en: "No such user")
        }
        return user
    }

    private static func optionalUUID(_ text: String?, field: String) throws(DomainError) -> UUID? {
        guard let text = text?.nonBlank else { return nil }
        guard let id = UUID(uuidString: text) else { throw .invalid(field, zh: "\(field) 应为 UUID", en: "\(field) must be a UUID") }
        return id
    }

    // MARK: Security (security administrator)

    private static func renderSecurity(_ req: Request, error: DomainError? = nil, saved: Bool = false) async throws -> Response {
        let user = try req.requireUser()
        let snapshot = try await req.catalog()
        let settingsModel = try await SecuritySettingsModel.find(SecuritySettingsModel.singletonID, on: req.db)
        let rows = try await userRows(req, snapshot: snapshot)
        let model = SecurityPage.Model(
            settings: settingsModel?.settings ?? .standard, version: settingsModel?.version ?? 0,
            locked: rows.filter { ($0.lockedUntil ?? .distantPast) > req.now }, users: rows,
            units: snapshot.units(in: user.actor.jurisdictionCode), leaders: snapshot.leaders(in: user.actor.jurisdictionCode),
            csrfToken: user.csrfToken ?? "", error: error, saved: saved, now: req.now)
        return req.htmlResponse(SecurityPage.render(model, context: req.pageContext(section: .admin)), status: error?.status ?? .ok)
    }

    @Sendable static func security(_ req: Request) async throws -> Response { try await renderSecurity(req) }

    struct PolicyForm: Content {
        var version: String?
        var passwordMinLength: String?
        var passwordMinClasses: String?
        var passwordExpiryDays: String?
        var lockoutFailures: String?
        var lockoutMinutes: String?
        var sessionIdleMinutes: String?
        var sessionAbsoluteMinutes: String?
        var auditRetentionDays: String?
    }

    @Sendable static func savePolicy(_ req: Request) async throws -> Response {
        let form = try req.content.decode(PolicyForm.self)
        do {
            let command = UserAdministration.SavePolicy(
                passwordMinLength: form.passwordMinLength ?? "", passwordMinClasses: form.passwordMinClasses ?? "",
                passwordExpiryDays: form.passwordExpiryDays ?? "", lockoutFailures: form.lockoutFailures ?? "",
                lockoutMinutes: form.lockoutMinutes ?? "", sessionIdleMinutes: form.sessionIdleMinutes ?? "",
                sessionAbsoluteMinutes: form.sessionAbsoluteMinutes ?? "", auditRetentionDays: form.auditRetentionDays ?? "",
                version: form.version.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
            try await UserAdministration.savePolicy(command, by: try req.writer, on: req.db)
            return try await renderSecurity(req, saved: true)
        } catch let error as DomainError {
            return try await renderSecurity(req, error: error)
        }
    }

    @Sendable static func unlock(_ req: Request) async throws -> Response {
        let user = try await targetUser(req)
        try await UserAdministration.unlock(user, now: req.now, on: req.db, by: req.auditWho)
        return req.redirect(to: SiteURL.adminSecurity.path, redirectType: .normal)
    }

    struct RoleForm: Content {
        var user: String?
        var role: String?
        var unit: String?
        var leader: String?
    }

    @Sendable static func changeRole(_ req: Request) async throws -> Response {
        let form = try req.content.decode(RoleForm.self)
        do {
            guard let id = try optionalUUID(form.user, field: "user"), let user = try await UserModel.find(id, on: req.db) else {
                throw DomainError.invalid("user", zh: "请选择用户", en: "Choose a user")
            }
            guard let role = form.role.flatMap(Role.init(rawValue:)) else {
                throw DomainError.invalid("role", zh: "未知的角色", en: "Unknown role")
            }
            if user.id == req.currentUser?.actor.userID {
                throw DomainError.invalid("user", zh: "不能调整自己的角色", en: "You cannot change your own role")
            }
            try await UserAdministration.changeRole(user, to: role, unitID: try optionalUUID(form.unit, field: "unit"),
                                                    leaderID: try optionalUUID(form.leader, field: "leader"),
                                                    now: req.now, on: req.db, by: req.auditWho)
            return try await renderSecurity(req, saved: true)
        } catch let error as DomainError {
            return try await renderSecurity(req, error: error)
        }
    }

    // MARK: Audit (audit administrator)

    private static func auditQuery(_ req: Request) throws(DomainError) -> (AuditPage.Filter, QueryBuilder<AuditLogModel>) {
        func text(_ key: String) -> String { String((req.query[String.self, at: key] ?? "").prefix(256)).trimmingCharacters(in: .whitespaces) }
        func date(_ key: String) throws(DomainError) -> CalendarDate? {
            let value = text(key)
            if value.isEmpty { return nil }
            guard let date = CalendarDate(iso: value) else { throw .invalid(key, zh: "日期格式应为 YYYY-MM-DD", en: "Dates are written YYYY-MM-DD") }
            return date
        }
        var filter = AuditPage.Filter(user: text("user"), action: text("action"), target: text("target"))
        let outcome = text("outcome")
        if !outcome.isEmpty {
            guard let parsed = AuditRecord.Outcome(rawValue: outcome) else {
                throw .invalid("outcome", zh: "未知的结果", en: "Unknown outcome")
            }
            filter.outcome = parsed
        }
        filter.from = try date("from")
        filter.to = try date("to")
        let query = AuditLogModel.query(on: req.db)
        if !filter.user.isEmpty { query.filter(\.$username == filter.user) }
        if !filter.action.isEmpty { query.filter(\.$action == filter.action) }
        if !filter.target.isEmpty {
            let target = filter.target
            query.group(.or) { $0.filter(\.$targetType == target).filter(\.$targetID == target) }
        }
        if let outcome = filter.outcome { query.filter(\.$outcome == outcome) }
        if let from = filter.from { query.filter(\.$occurredAt >= from.iso) }
        if let to = filter.to { query.filter(\.$occurredAt < to.iso + "T99") }
        return (filter, query)
    }

    @Sendable static func audit(_ req: Request) async throws -> Response {
        do {
            let (filter, query) = try auditQuery(req)
            let total = try await query.copy().count()
            let rows = try await query.sort(\.$sequence, .descending).limit(AuditPage.pageSize).all().map(\.record)
            return req.htmlResponse(AuditPage.render(.init(filter: filter, rows: rows, total: total, error: nil),
                                                     context: req.pageContext(section: .admin)))
        } catch let error as DomainError {
            return req.htmlResponse(AuditPage.render(.init(filter: .init(), rows: [], total: 0, error: error),
                                                     context: req.pageContext(section: .admin)), status: .badRequest)
        }
    }

    @Sendable static func auditCSV(_ req: Request) async throws -> Response {
        let (_, query) = try auditQuery(req)
        let rows = try await query.sort(\.$sequence).all().map(\.record)
        try await req.audit(AuditLog.Event(action: "audit.export", targetType: "audit_log", summary: "\(rows.count) rows"))
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"audit-log.csv\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: AuditCSV.render(rows)))
    }
}
