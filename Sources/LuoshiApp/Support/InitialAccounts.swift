import Fluent
import Foundation
import LuoshiDomain
import SQLKit
import Vapor

/// The accounts an empty database starts with, each with a random one-time password that is
/// printed once and must be changed at first sign-in.
enum InitialAccounts {
    struct Created: Sendable {
        var username: String
        var role: Role
        var description: String
        var password: String
    }

    /// With the sample: one account per role for the sample county. Without: one system
    /// administrator. Does nothing when any user exists.
    static func createIfNoUsers(_ app: Application, sample: Bool) async throws -> [Created] {
        guard try await UserModel.query(on: app.db).count() == 0 else { return [] }
        let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
        let policy = try await app.securitySettings.current(app.db).password
        var created: [Created] = []
        func make(_ username: String, _ role: Role, _ description: String, jurisdiction: String, unit: UUID? = nil,
                  leader: UUID? = nil, head: Bool = false) async throws {
            let (_, password) = try await UserAdministration.create(
                .init(username: username, displayName: description, role: role, jurisdictionCode: jurisdiction,
                      unitID: unit, leaderID: leader, isUnitHead: head),
                policy: policy, hasher: hasher, now: app.clock.now, on: app.db, by: .system())
            created.append(Created(username: username, role: role, description: description, password: password ?? ""))
        }
        let snapshot = try await app.catalog.snapshot(app.db as! any SQLDatabase)
        guard sample, let plan = snapshot.plans.first(where: { $0.illustrativeNotice != nil }) else {
            try await make("admin", .systemAdmin, "系统管理员", jurisdiction: Jurisdiction.deploymentRoot)
            return created
        }
        let code = plan.jurisdictionCode
        let leaders = snapshot.leaders.filter { $0.jurisdictionCode == code }
        func unit(_ shortName: String) -> UUID? { snapshot.units.first { $0.jurisdictionCode == code && $0.shortName == shortName }?.id }
        try await make("duchashi", .supervisor, "县政府督查室", jurisdiction: code)
        if let head = leaders.first(where: { $0.precedence == 0 }) {
            try await make("xianzhang", .leader, "\(head.post) \(head.name)", jurisdiction: code, leader: head.id)
        }
        if let deputy = leaders.first(where: { $0.precedence == 2 }) {
            try await make("fuxianzhang", .leader, "\(deputy.post) \(deputy.name)", jurisdiction: code, leader: deputy.id)
        }
        if let id = unit("县发改局") { try await make("fagaiju", .unitStaff, "县发改局（主要负责人）", jurisdiction: code, unit: id, head: true) }
        if let id = unit("县工信局") { try await make("gongxinju", .unitStaff, "县工信局", jurisdiction: code, unit: id) }
        if let id = unit("县交通运输局") { try await make("jiaotongju", .unitStaff, "县交通运输局", jurisdiction: code, unit: id) }
        if let id = unit("县统计局") { try await make("tongjiju", .unitStaff, "县统计局（配合单位）", jurisdiction: code, unit: id) }
        try await make("chayue", .viewer, "只读用户", jurisdiction: code)
        try await make("xitong", .systemAdmin, "系统管理员", jurisdiction: code)
        try await make("anquan", .securityAdmin, "安全管理员", jurisdiction: code)
        try await make("shenji", .auditAdmin, "审计管理员", jurisdiction: code)
        return created
    }

    /// The printed table: once, at start-up.
    static func print(_ created: [Created], to console: any Console) {
        guard !created.isEmpty else { return }
        console.print("")
        console.info("初始账号（一次性密码只显示这一次，首次登录须修改）/ Initial accounts (one-time passwords, shown once; change at first sign-in):")
        for account in created {
            console.print("  \(account.username.padding(toLength: 12, withPad: " ", startingAt: 0)) \(account.password)  \(account.role.rawValue) · \(account.description)")
        }
        console.print("")
    }
}
