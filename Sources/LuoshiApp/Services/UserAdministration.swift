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
}
