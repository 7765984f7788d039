import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// Creating users and resetting, locking and re-roling them: what the system and security
/// administrators do, from pages or the CLI. Each change writes an audit row.
enum UserAdministration {
    struct NewUser: Sendable {
        var username: String
        var displayName: String
        var role: Role
        var jurisdictionCode: String
        var unitID: UUID?
        var leaderID: UUID?
        var isUnitHead = false
        /// nil: a random one-time password is made and must be changed at first sign-in.
        var password: String?
    }

    /// Creates a user. Returns the user and the one-time password, if one was made.
    static func create(_ new: NewUser, policy: PasswordPolicy, hasher: AsyncPasswordHasher, now: Date, on database: any Database,
                       by who: AuditLog.Who) async throws -> (user: UserModel, oneTimePassword: String?) {
        let username = new.username.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = AccountRules.usernameProblems(username) + AccountRules.linkProblems(role: new.role, unitID: new.unitID, leaderID: new.leaderID)
        if new.displayName.count > 100 {
            problems.append(.invalid("displayName", zh: "姓名不能超过 100 个字符", en: "A name has at most 100 characters"))
        }
        if let password = new.password {
            problems += policy.problems(password: password, username: username)
        }
        if let first = problems.first { throw first }
        if try await UserModel.query(on: database).filter(\.$username == username).first() != nil {
            throw DomainError(.alreadyExists, zh: "用户名“\(username)”已被使用", en: "The username \"\(username)\" is taken", field: "username")
        }
        if let unitID = new.unitID, try await UnitModel.find(unitID, on: database) == nil {
            throw DomainError.unitNotFound(unitID)
        }
        if let leaderID = new.leaderID, try await LeaderModel.find(leaderID, on: database) == nil {
            throw DomainError.leaderNotFound(leaderID)
        }
        let oneTimePassword = new.password == nil ? Secrets.oneTimePassword() : nil
        let user = UserModel()
        user.username = username
        user.displayName = new.displayName.nonBlank ?? username
        user.passwordHash = try await hasher.hash(new.password ?? oneTimePassword ?? "").get()
        user.role = new.role
        user.jurisdictionCode = new.jurisdictionCode
        user.$unit.id = new.unitID
        user.$leader.id = new.leaderID
        user.isUnitHead = new.role == .unitStaff && new.isUnitHead
        user.mustChangePassword = new.password == nil
        user.passwordChangedAt = now
        user.failedLogins = 0
        user.disabled = false
        user.version = 1
        try await user.create(on: database)
        try await AuditLog.append(
            AuditLog.Event(action: "user.create", targetType: "user", targetID: user.id?.uuidString ?? "",
                           summary: "username=\(username) role=\(new.role.rawValue) jurisdiction=\(new.jurisdictionCode)"
                               + (new.unitID.map { " unit=\($0.uuidString.lowercased())" } ?? "")
                               + (new.leaderID.map { " leader=\($0.uuidString.lowercased())" } ?? "")),
            by: who, at: now, on: database)
        return (user, oneTimePassword)
    }

    /// Sets a new one-time password that must be changed at the next sign-in; ends the user's sessions.
    static func resetPassword(_ user: UserModel, hasher: AsyncPasswordHasher, now: Date, on database: any Database,
                              by who: AuditLog.Who) async throws -> String {
        let password = Secrets.oneTimePassword()
        user.passwordHash = try await hasher.hash(password).get()
        user.mustChangePassword = true
        user.passwordChangedAt = now
        user.failedLogins = 0
        user.lockedUntil = nil
        user.version += 1
        try await user.save(on: database)
        try await SessionModel.query(on: database).filter(\.$user.$id == user.requireID()).delete()
        try await AuditLog.append(AuditLog.Event(action: "password.reset", targetType: "user", targetID: user.id?.uuidString ?? "",
                                                 summary: "username=\(user.username)"), by: who, at: now, on: database)
        return password
    }

    static func unlock(_ user: UserModel, now: Date, on database: any Database, by who: AuditLog.Who) async throws {
        user.lockedUntil = nil
        user.failedLogins = 0
        user.version += 1
        try await user.save(on: database)
        try await AuditLog.append(AuditLog.Event(action: "account.unlock", targetType: "user", targetID: user.id?.uuidString ?? "",
                                                 summary: "username=\(user.username)"), by: who, at: now, on: database)
    }

    static func setDisabled(_ user: UserModel, _ disabled: Bool, now: Date, on database: any Database, by who: AuditLog.Who) async throws {
        user.disabled = disabled
        user.version += 1
        try await user.save(on: database)
        if disabled { try await SessionModel.query(on: database).filter(\.$user.$id == user.requireID()).delete() }
        try await AuditLog.append(AuditLog.Event(action: disabled ? "user.disable" : "user.enable", targetType: "user",
                                                 targetID: user.id?.uuidString ?? "", summary: "username=\(user.username)"),
                                  by: who, at: now, on: database)
    }

    /// The security administrator's role grant. Unit and leader links must suit the new role.
    static func changeRole(_ user: UserModel, to role: Role, unitID: UUID?, leaderID: UUID?, now: Date,
                           on database: any Database, by who: AuditLog.Who) async throws {
        if let problem = AccountRules.linkProblems(role: role, unitID: unitID, leaderID: leaderID).first { throw problem }
        let before = "role=\(user.role.rawValue)"
        user.role = role
        user.$unit.id = unitID
        user.$leader.id = leaderID
        if role != .unitStaff { user.isUnitHead = false }
        user.version += 1
        try await user.save(on: database)
        try await SessionModel.query(on: database).filter(\.$user.$id == user.requireID()).delete()
        try await AuditLog.append(AuditLog.Event(action: "role.change", targetType: "user", targetID: user.id?.uuidString ?? "",
                                                 summary: "\(before) → role=\(role.rawValue)"), by: who, at: now, on: database)
    }

    /// The security policy as the form sends it: whole numbers as text, each named by its field.
    struct SavePolicy: Sendable {
        var passwordMinLength: String
        var passwordMinClasses: String
        /// Blank: passwords do not expire.
        var passwordExpiryDays: String
        var lockoutFailures: String
        var lockoutMinutes: String
        var sessionIdleMinutes: String
        var sessionAbsoluteMinutes: String
        var auditRetentionDays: String
        var version: Int?
    }

    /// Changes the security policy at the version edited (409 naming the current one), within the
    /// limits `SecuritySettings.problems(changingFrom:)` sets; the settings and the audit row,
    /// which names every change, are one transaction.
    static func savePolicy(_ command: SavePolicy, by writer: Writer, on database: any Database) async throws {
        if let actor = writer.actor, !writer.may(.manageSecurity, in: actor.jurisdictionCode) { throw DomainError.forbidden }
        func number(_ text: String, _ field: String) throws(DomainError) -> Int {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else { throw .invalid(field, zh: "请填写整数", en: "Enter a whole number") }
            return value
        }
        guard let model = try await SecuritySettingsModel.find(SecuritySettingsModel.singletonID, on: database) else {
            throw DomainError(.notFound, zh: "安全设置缺失", en: "The security settings are missing")
        }
        guard command.version == model.version else { throw DomainError.staleEdit(current: model.version) }
        let expiry = command.passwordExpiryDays.nonBlank
        let new = SecuritySettings(
            password: PasswordPolicy(minimumLength: try number(command.passwordMinLength, "passwordMinLength"),
                                     minimumClasses: try number(command.passwordMinClasses, "passwordMinClasses"),
                                     expiryDays: try expiry.map { text throws(DomainError) in try number(text, "passwordExpiryDays") }),
            lockout: LockoutPolicy(maximumFailures: try number(command.lockoutFailures, "lockoutFailures"),
                                   lockDuration: TimeInterval(try number(command.lockoutMinutes, "lockoutMinutes") * 60)),
            session: SessionPolicy(idleTimeout: TimeInterval(try number(command.sessionIdleMinutes, "sessionIdleMinutes") * 60),
                                   absoluteTimeout: TimeInterval(try number(command.sessionAbsoluteMinutes, "sessionAbsoluteMinutes") * 60)),
            auditRetentionDays: try number(command.auditRetentionDays, "auditRetentionDays"))
        let old = model.settings
        if let problem = new.problems(changingFrom: old).first { throw problem }
        try await database.writeTransaction { db in
            try await OptimisticLock.update(SecuritySettingsModel.schema, id: SecuritySettingsModel.singletonID, from: command.version,
                                            current: model.version, at: writer.now, on: db) {
                $0.set("password_min_length", to: new.password.minimumLength).set("password_min_classes", to: new.password.minimumClasses)
                    .set("password_expiry_days", to: new.password.expiryDays).set("lockout_failures", to: new.lockout.maximumFailures)
                    .set("lockout_minutes", to: Int(new.lockout.lockDuration / 60)).set("session_idle_minutes", to: Int(new.session.idleTimeout / 60))
                    .set("session_absolute_minutes", to: Int(new.session.absoluteTimeout / 60)).set("audit_retention_days", to: new.auditRetentionDays)
            }
            try await AuditLog.append(AuditLog.Event(action: "policy.change", targetType: "security_settings", targetID: "1",
                                                     summary: SecuritySettings.changeSummary(from: old, to: new)), by: writer.who, at: writer.now, on: db)
        }
    }
}
