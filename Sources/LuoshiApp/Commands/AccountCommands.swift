import SQLKit
import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// `luoshi user create|reset-password`, `luoshi token create`, `luoshi audit verify`.
struct UserCommands: AsyncCommandGroup {
    var help: String { "Creates users and resets passwords." }
    var commands: [String: any AnyAsyncCommand] { ["create": CreateUserCommand(), "reset-password": ResetPasswordCommand()] }
}

struct TokenCommands: AsyncCommandGroup {
    var help: String { "Creates personal access tokens." }
    var commands: [String: any AnyAsyncCommand] { ["create": CreateTokenCommand()] }
}

struct AuditCommands: AsyncCommandGroup {
    var help: String { "Checks the audit log." }
    var commands: [String: any AnyAsyncCommand] { ["verify": VerifyAuditCommand()] }
}

/// `luoshi user create --username U --role ROLE [--unit "单位全称"] [--leader "姓名"] [--jurisdiction CODE] [--unit-head] [--password-stdin]`
struct CreateUserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Login name: 3–64 letters, digits, . _ -") var username: String?
        @Option(name: "role", help: "supervisor, leader, unitStaff, viewer, systemAdmin, securityAdmin or auditAdmin") var role: String?
        @Option(name: "display-name", help: "The person's name") var displayName: String?
        @Option(name: "unit", help: "Unit staff: the unit's full name (or short name or alias)") var unit: String?
        @Option(name: "leader", help: "Leaders: the leader's name") var leader: String?
        @Option(name: "jurisdiction", help: "Jurisdiction code; defaults to the only county in the database") var jurisdiction: String?
        @Flag(name: "unit-head", help: "Marks the head of the unit (第一责任人)") var unitHead: Bool
        @Flag(name: "password-stdin", help: "Read the password from standard input; otherwise a one-time password is printed") var passwordStdin: Bool
    }

    var help: String { "Creates a user." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard let username = signature.username else { throw DomainError.missing("username", zh: "请用 --username 指定用户名", en: "Give --username") }
        guard let roleText = signature.role, let role = Role(rawValue: roleText) else {
            throw DomainError.invalid("role", zh: "--role 应为：\(Role.allCases.map(\.rawValue).joined(separator: "、"))",
                                      en: "--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let snapshot = try await app.catalog.snapshot(app.db as! any SQLDatabase)
        let jurisdiction = try signature.jurisdiction ?? CommandSupport.defaultJurisdiction(snapshot)
        let unitID = try signature.unit.map { name in
            guard let unit = snapshot.units.first(where: { $0.jurisdictionCode == jurisdiction && $0.allNames.contains(name) }) else {
                throw DomainError(.unknownReference, zh: "找不到单位“\(name)”", en: "No unit named \"\(name)\"", field: "unit")
            }
            return unit.id
        }
        let leaderID = try signature.leader.map { name in
            guard let leader = snapshot.leaders.first(where: { $0.jurisdictionCode == jurisdiction && $0.name == name }) else {
                throw DomainError(.unknownReference, zh: "找不到县领导“\(name)”", en: "No leader named \"\(name)\"", field: "leader")
            }
            return leader.id
        }
        let password = signature.passwordStdin ? CommandSupport.readPasswordFromStandardInput() : nil
        let settings = try await app.securitySettings.current(app.db)
        let (user, oneTime) = try await UserAdministration.create(
            .init(username: username, displayName: signature.displayName ?? "", role: role, jurisdictionCode: jurisdiction,
                  unitID: unitID, leaderID: leaderID, isUnitHead: signature.unitHead, password: password),
            policy: settings.password, hasher: app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()),
            now: app.clock.now, on: app.db, by: .system("cli"))
        context.console.info("已创建用户 \(user.username)（\(role.title.zh)）/ Created user \(user.username) (\(role.rawValue)).")
        if let oneTime {
            context.console.print("一次性密码（首次登录须修改）/ One-time password (must be changed at first sign-in): \(oneTime)")
        }
    }
}

/// `luoshi user reset-password --username U`
struct ResetPasswordCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "The user whose password is reset") var username: String?
    }

    var help: String { "Gives a user a new one-time password that must be changed at the next sign-in." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let user = try await CommandSupport.user(signature.username, on: app.db)
        let password = try await UserAdministration.resetPassword(
            user, hasher: app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()), now: app.clock.now,
            on: app.db, by: .system("cli"))
        context.console.print("\(user.username) 的一次性密码 / One-time password for \(user.username): \(password)")
    }
}

/// `luoshi token create --username U [--days N] [--name TEXT]`
struct CreateTokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "The token acts as this user") var username: String?
        @Option(name: "days", help: "Days until it expires (1–365, default 30)") var days: Int?
        @Option(name: "name", help: "What it is for") var name: String?
    }

    var help: String { "Creates a personal access token and prints it once." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let user = try await CommandSupport.user(signature.username, on: app.db)
        let (token, model) = try await Accounts.createToken(
            for: try user.requireID(), name: signature.name ?? "CLI", days: signature.days ?? 30, now: app.clock.now,
            on: app.db, by: .system("cli"))
        context.console.print(token)
        context.console.info("有效期至 / Expires \(AuditLog.timestamp(model.expiresAt))")
    }
}

/// `luoshi audit verify`: walks the chain; exit code 1 and the first broken row when broken.
struct VerifyAuditCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Verifies the audit log's hash chain and names the first broken row." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let count = try await AuditLogModel.query(on: app.db).count()
        if let broken = try await AuditLog.verify(on: app.db) {
            throw DomainError(.conflict, zh: "审计日志校验失败：\(broken.reason.zh)", en: "The audit log is broken: \(broken.reason.en)",
                              field: "audit_log#\(broken.sequence)")
        }
        context.console.info("审计日志完整，共 \(count) 条 / The audit log is intact: \(count) rows.")
    }
}

enum CommandSupport {
    static func user(_ username: String?, on database: any Database) async throws -> UserModel {
        guard let username else { throw DomainError.missing("username", zh: "请用 --username 指定用户名", en: "Give --username") }
        guard let user = try await UserModel.query(on: database).filter(\.$username == username).first() else {
            throw DomainError.notFound("username", zh: "用户“\(username)”不存在", en: "No user \"\(username)\"")
        }
        return user
    }

    /// The only county-level (or lower) jurisdiction in the database, or the deployment root.
    static func defaultJurisdiction(_ snapshot: CatalogSnapshot) throws -> String {
        let counties = snapshot.jurisdictions.values.filter { $0.level == .county || $0.level == .township }
        if counties.count == 1, let only = counties.first { return only.code }
        if counties.isEmpty { return Jurisdiction.deploymentRoot }
        throw DomainError.missing("jurisdiction", zh: "库中有多个行政区划，请用 --jurisdiction 指定", en: "Several jurisdictions exist; give --jurisdiction")
    }

    static func readPasswordFromStandardInput() -> String {
        (readLine(strippingNewline: true) ?? "")
    }
}
