import Fluent
import Foundation
import LuoshiDomain
import SQLKit
import Vapor

/// Writes a user makes to their own account. (An administrator's writes to other accounts are
/// `UserAdministration`'s.)
enum AccountService {
    struct ChangePassword: Sendable {
        var current: String
        var new: String
        var repeated: String
    }

    /// Changes the writer's own password after checking the current one and the policy; the
    /// new hash, the cleared "must change" flag and the audit row are one transaction. A wrong
    /// current password is audited as a failure.
    static func changePassword(_ command: ChangePassword, by writer: Writer, policy: PasswordPolicy, hasher: AsyncPasswordHasher,
                               on database: any Database) async throws {
        guard let actor = writer.actor, let user = try await UserModel.find(actor.userID, on: database) else { throw DomainError.signInRequired }
        let limit = Accounts.maximumInputLength
        if command.current.count > limit || command.new.count > limit {
            throw DomainError.invalid("newPassword", zh: "密码不能超过 \(limit) 个字符", en: "A password has at most \(limit) characters")
        }
        let userID = try user.requireID()
        guard try await hasher.verify(command.current, created: user.passwordHash).get() else {
            try await AuditLog.append(AuditLog.Event(action: "password.change", targetType: "user", targetID: userID.uuidString,
                                                     outcome: .failure, summary: "current password wrong"), by: writer.who, at: writer.now, on: database)
            throw DomainError.invalid("currentPassword", zh: "当前密码不正确", en: "The current password is not correct")
        }
        guard command.new == command.repeated else {
            throw DomainError.invalid("repeatPassword", zh: "两次输入的新密码不一致", en: "The two new passwords differ")
        }
        if command.new == command.current {
            throw DomainError.invalid("newPassword", zh: "新密码不能与当前密码相同", en: "The new password must differ from the current one")
        }
        if let problem = policy.problems(password: command.new, username: user.username, field: "newPassword").first { throw problem }
        let hash = try await hasher.hash(command.new).get()
        try await database.writeTransaction { db in
            try await OptimisticLock.update(UserModel.schema, id: userID, from: user.version, current: user.version, at: writer.now, on: db) {
                $0.set("password_hash", to: hash).set("must_change_password", to: false).set("password_changed_at", to: writer.now)
            }
            try await AuditLog.append(AuditLog.Event(action: "password.change", targetType: "user", targetID: userID.uuidString),
                                      by: writer.who, at: writer.now, on: db)
        }
    }

    /// Sets (or, blank, clears) the address the writer's email reminders go to.
    static func changeEmail(_ email: String, by writer: Writer, on database: any Database) async throws {
        guard let actor = writer.actor, let user = try await UserModel.find(actor.userID, on: database) else { throw DomainError.signInRequired }
        let address = try EmailAddress.parse(email)
        try await database.writeTransaction { db in
            try await OptimisticLock.update(UserModel.schema, id: actor.userID, from: user.version, current: user.version, at: writer.now, on: db) {
                $0.set("email", to: address)
            }
            try await AuditLog.append(AuditLog.Event(action: "account.email", targetType: "user", targetID: actor.userID.uuidString,
                                                     summary: address == nil ? "cleared" : "set"), by: writer.who, at: writer.now, on: db)
        }
    }

    /// Revokes one of the writer's own API tokens; revoking a revoked token changes nothing.
    static func revokeToken(_ tokenID: UUID, by writer: Writer, on database: any Database) async throws {
        guard let actor = writer.actor,
              let token = try await AccessTokenModel.query(on: database).filter(\.$id == tokenID).filter(\.$user.$id == actor.userID).first() else {
            throw DomainError.notFound("tokenID", zh: "令牌不存在", en: "No such token")
        }
        guard token.revokedAt == nil else { return }
        try await database.writeTransaction { db in
            guard let sql = db as? any SQLDatabase else { return }
            try await sql.update(AccessTokenModel.schema).set("revoked_at", to: writer.now)
                .where("id", .equal, tokenID).where("revoked_at", .is, SQLLiteral.null).run()
            try await AuditLog.append(AuditLog.Event(action: "token.revoke", targetType: "access_token", targetID: tokenID.uuidString,
                                                     summary: token.name), by: writer.who, at: writer.now, on: db)
        }
    }
}
