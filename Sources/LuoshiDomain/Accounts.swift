import Foundation

/// A working role or one of the three separated administrator roles (三员分立).
public enum Role: String, Sendable, Codable, CaseIterable {
    /// 督查室: runs plans, rounds, reviews, orders and bulletins for its jurisdiction.
    case supervisor
    /// 县领导: reads everything in a portfolio (the head: the whole plan).
    case leader
    /// A responsible unit's staff member; `isUnitHead` marks the 第一责任人.
    case unitStaff
    /// Internal read-only.
    case viewer
    /// 系统管理员: users, units, jurisdictions.
    case systemAdmin
    /// 安全管理员: policy, locks, role grants.
    case securityAdmin
    /// 审计管理员: reads and exports the audit log, nothing else.
    case auditAdmin

    public var isAdministrator: Bool { [.systemAdmin, .securityAdmin, .auditAdmin].contains(self) }

    public var title: LocalizedText {
        switch self {
        case .supervisor: LocalizedText(zh: "督查室", en: "Supervision office")
        case .leader: LocalizedText(zh: "县领导", en: "County leader")
        case .unitStaff: LocalizedText(zh: "责任单位", en: "Unit staff")
        case .viewer: LocalizedText(zh: "只读用户", en: "Viewer")
        case .systemAdmin: LocalizedText(zh: "系统管理员", en: "System administrator")
        case .securityAdmin: LocalizedText(zh: "安全管理员", en: "Security administrator")
        case .auditAdmin: LocalizedText(zh: "审计管理员", en: "Audit administrator")
        }
    }
}

/// Who is acting: a signed-in user, as the rules see them.
public struct Actor: Sendable, Hashable {
    public var userID: UUID
    public var username: String
    public var role: Role
    public var jurisdictionCode: String
    public var unitID: UUID?
    public var leaderID: UUID?
    public var isUnitHead: Bool

    public init(userID: UUID, username: String, role: Role, jurisdictionCode: String, unitID: UUID? = nil,
                leaderID: UUID? = nil, isUnitHead: Bool = false) {
        self.userID = userID
        self.username = username
        self.role = role
        self.jurisdictionCode = jurisdictionCode
        self.unitID = unitID
        self.leaderID = leaderID
        self.isUnitHead = isUnitHead
    }
}

/// Everything a user may ask to do. One decision function (`Policy.can`) answers for all of them,
/// for pages and API alike.
public enum Action: String, Sendable, CaseIterable {
    /// Read published material: issued plans, public bulletins.
    case readPublic
    /// Read internal pages: the workbench and everything not yet public in the jurisdiction.
    case readInternal
    /// Read the work of one unit (its tasks, later its reports).
    case readUnitWork
    /// 督查室: draft, import, edit and issue plans; review comments, charters and change requests.
    case managePlans
    /// 责任单位: comment on a circulated plan, write charters, request changes — for its own tasks.
    case submitUnitWork
    /// 县领导: write an instruction (批示) on a task, a report or a bulletin.
    case instruct
    /// Own account: change password, manage personal tokens.
    case manageOwnAccount
    /// 系统管理员: create and disable users, reset passwords.
    case manageUsers
    /// 安全管理员: password and lockout policy, unlocking accounts, role grants.
    case manageSecurity
    /// 审计管理员: browse and export the audit log.
    case readAudit
}

/// The authorisation rules, written once.
public enum Policy {
    /// Whether `actor` (nil: an anonymous visitor) may perform `action`. `unitID` names the unit
    /// whose work is read, `jurisdictionCode` where the object lives, and `draft` whether it is
    /// not yet issued (a draft plan, its tasks and their work).
    ///
    /// Over the jurisdiction tree: an office (督查室) reads what its descendants have issued —
    /// plans, progress, bulletins — but never their drafts, and acts in no jurisdiction but its
    /// own; everyone else stays inside their own jurisdiction. Siblings and other provinces see
    /// nothing internal of each other.
    public static func can(
        _ actor: Actor?, _ action: Action, unitID: UUID? = nil, jurisdictionCode: String? = nil, draft: Bool = false
    ) -> Bool {
        if action == .readPublic { return true }
        guard let actor else { return false }
        if let code = jurisdictionCode, code != actor.jurisdictionCode {
            guard actor.role == .supervisor, action == .readInternal || action == .readUnitWork, !draft,
                  Jurisdiction.contains(actor.jurisdictionCode, code) else { return false }
        }
        switch action {
        case .readPublic:
            return true
        case .manageOwnAccount:
            return true
        case .readInternal:
            return [.supervisor, .leader, .unitStaff, .viewer].contains(actor.role)
        case .readUnitWork:
            switch actor.role {
            case .supervisor, .leader, .viewer: return true
            case .unitStaff: return unitID != nil && unitID == actor.unitID
            default: return false
            }
        case .managePlans:
            return actor.role == .supervisor
        case .instruct:
            return actor.role == .leader
        case .submitUnitWork:
            return actor.role == .unitStaff && actor.unitID != nil && (unitID == nil || unitID == actor.unitID)
        case .manageUsers:
            return actor.role == .systemAdmin
        case .manageSecurity:
            return actor.role == .securityAdmin
        case .readAudit:
            return actor.role == .auditAdmin
        }
    }
}

/// How a unit stands to a task: it leads it, cooperates on it, or neither.
public enum TaskUnitRole: String, Sendable, Hashable {
    case lead, cooperating

    public static func of(_ unitID: UUID?, on task: PlanTask) -> TaskUnitRole? {
        guard let unitID else { return nil }
        if task.leadUnitIDs.contains(unitID) { return .lead }
        if task.cooperatingUnitIDs.contains(unitID) { return .cooperating }
        return nil
    }
}

/// What a unit does on one task, and the role on the task it takes: the lead unit writes the
/// charter, requests changes and reports; a cooperating unit adds its input to the report.
public enum UnitWork: Sendable, CaseIterable {
    case charter, changeRequest, report, input

    public var role: TaskUnitRole { self == .input ? .cooperating : .lead }

    /// The acting unit when its role on the task allows this work.
    public func actingUnit(_ unitID: UUID?, role: TaskUnitRole?) throws(DomainError) -> UUID {
        guard let unitID, role == self.role else {
            switch self {
            case .charter: throw DomainError(.conflict, zh: "只有牵头单位填报任务书；配合单位请在牵头单位的任务书中协同", en: "Only lead units write charters", field: "status")
            case .changeRequest: throw DomainError(.conflict, zh: "只有牵头单位可以申请调整", en: "Only lead units request changes", field: "kind")
            case .report: throw DomainError(.conflict, zh: "只有牵头单位报送进展；配合单位请填写配合情况", en: "Only lead units report; cooperating units add their input", field: "status")
            case .input: throw DomainError(.conflict, zh: "只有配合单位填写配合情况", en: "Only cooperating units add input", field: "text")
            }
        }
        return unitID
    }
}

/// Rules for accounts themselves.
public enum AccountRules {
    /// 3–64 characters: letters, digits, dot, underscore, hyphen; starting with a letter or digit.
    public static func usernameProblems(_ username: String, field: String = "username") -> [DomainError] {
        if username.isEmpty { return [.missing(field, zh: "请填写用户名", en: "Enter a username")] }
        let allowed = username.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_" || scalar == "-")
        }
        guard (3...64).contains(username.count), allowed,
              let first = username.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else {
            return [.invalid(field, zh: "用户名应为 3–64 位字母、数字、点、下划线或连字符，并以字母或数字开头",
                             en: "A username has 3–64 letters, digits, dots, underscores or hyphens, starting with a letter or digit")]
        }
        return []
    }

    /// What each role must be linked to: unit staff to a unit, a leader to a leader record.
    public static func linkProblems(role: Role, unitID: UUID?, leaderID: UUID?) -> [DomainError] {
        switch role {
        case .unitStaff where unitID == nil:
            return [.missing("unit", zh: "责任单位用户需要指定所在单位", en: "Unit staff must belong to a unit")]
        case .leader where leaderID == nil:
            return [.missing("leader", zh: "县领导用户需要关联县领导", en: "A leader account must be linked to a leader")]
        case .unitStaff, .leader:
            return []
        default:
            return unitID != nil || leaderID != nil
                ? [.invalid("role", zh: "只有责任单位和县领导用户可以关联单位或县领导", en: "Only unit staff and leaders are linked to a unit or leader")]
                : []
        }
    }
}

/// Which tasks a signed-in user works on: their unit's, their portfolio, or the jurisdiction's.
public enum WorkScope: Sendable, Hashable {
    case unit(UUID)
    case portfolio(UUID)
    case jurisdiction(String)

    /// The scope of `actor`'s workbench; `leaderIsHead` is true for the county head (whose
    /// portfolio is the whole plan). Administrators do no business work: nil.
    public static func of(_ actor: Actor, leaderIsHead: Bool) -> WorkScope? {
        switch actor.role {
        case .unitStaff: actor.unitID.map(WorkScope.unit)
        case .leader: leaderIsHead ? .jurisdiction(actor.jurisdictionCode) : actor.leaderID.map(WorkScope.portfolio)
        case .supervisor, .viewer: .jurisdiction(actor.jurisdictionCode)
        case .systemAdmin, .securityAdmin, .auditAdmin: nil
        }
    }

    public func includes(_ task: PlanTask, planJurisdiction: String) -> Bool {
        switch self {
        case .unit(let id): task.leadUnitIDs.contains(id) || task.cooperatingUnitIDs.contains(id)
        case .portfolio(let id): task.leaderIDs.contains(id)
        case .jurisdiction(let code): planJurisdiction == code
        }
    }
}
