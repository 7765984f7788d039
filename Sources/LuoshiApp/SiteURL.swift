import Foundation
import LuoshiDomain
import Vapor

/// Every page and API path. Routes are registered from `Route` and links are built from
/// `SiteURL`, so no view writes a path by hand.
enum SiteURL: Sendable, Hashable {
    case home
    case plan(UUID)
    case part(planID: UUID, number: Int)
    case task(UUID)
    case units
    case unit(UUID)
    case leaders
    case leader(UUID)
    /// Sets the language or display mode and returns to `returnTo`.
    case preferences(language: Language? = nil, elder: Bool? = nil, highContrast: Bool? = nil, returnTo: String)
    case stylesheet
    case login(next: String?)
    case logout
    case workbench
    case account
    case accountPassword
    case accountTokens
    case accountEmail
    case revokeToken(UUID)
    case adminUsers
    case adminUserReset(UUID)
    case adminUserDisable(UUID)
    case adminSecurity
    case adminSecurityPolicy
    case adminUnlock(UUID)
    case adminRole
    case adminAudit
    case adminAuditCSV
    case planImport
    case planImportApply(UUID)
    case planImportShow(UUID)
    case planImportAliases(UUID)
    case planExport(UUID, format: String)
    /// 开放数据: the datasets, the data dictionary, a plan's published progress, the feed.
    case openData
    case openDataDictionary
    case planProgressCSV(UUID)
    case planProgressJSON(UUID)
    case feed
    case planManage(UUID)
    case planTransition(UUID)
    case planDisclosure(UUID)
    /// 政策解读: the public page (a published version), and the office's editor and its actions.
    case interpretation(UUID, version: Int? = nil)
    case interpretationEdit(UUID, done: String? = nil)
    case interpretationDraft(UUID)
    case interpretationSave(UUID)
    case interpretationPublish(UUID)
    case planCharters(UUID, all: Bool = false)
    case planNewTask(UUID)
    case taskWork(UUID)
    case taskEdit(UUID)
    case taskComment(UUID)
    case taskCommentReply(taskID: UUID, commentID: UUID)
    case taskCharter(UUID)
    case taskCharterReview(UUID)
    case taskChange(UUID)
    case taskChangeDecision(taskID: UUID, requestID: UUID)
    case directoryUnits
    case directoryNewUnit
    case directoryEditUnit(UUID)
    case directoryLeaders
    case directoryNewLeader
    case directoryEditLeader(UUID)
    case planNew
    case planEdit(UUID)
    case partNew(UUID)
    case partEdit(planID: UUID, number: Int)
    case planRounds(UUID)
    case round(UUID)
    case roundClose(UUID)
    case roundTask(roundID: UUID, taskID: UUID)
    case roundReport(roundID: UUID, taskID: UUID)
    case roundInput(roundID: UUID, taskID: UUID)
    case roundReview(roundID: UUID, taskID: UUID)
    case roundRemind(UUID)
    case roundAttachments(roundID: UUID, taskID: UUID)
    case attachment(UUID)
    case attachmentDelete(UUID)
    case inbox
    case inboxRead
    case reminderLog
    case planLedger(UUID)
    case planRules(UUID)
    case planLedgerExport(UUID, query: String)
    case planDashboard(UUID)
    /// The office's list of a plan's bulletins (drafts too); POST generates a draft.
    case bulletins(UUID)
    case bulletin(UUID)
    case bulletinRefresh(UUID)
    case bulletinPublish(UUID)
    case bulletinCorrect(UUID)
    case bulletinWord(UUID)
    /// The public list of a plan's published bulletins, one issue, and its Word file.
    case publicBulletins(UUID)
    case publicBulletin(planID: UUID, issue: Int)
    case publicBulletinWord(planID: UUID, issue: Int)
    /// 督办 of a plan: proposals, steps, the form (prefilled from a proposal or a step to escalate).
    case supervision(UUID, proposal: String? = nil, previous: UUID? = nil)
    case supervisionDismiss(UUID)
    case supervisionItem(UUID)
    case supervisionReply(UUID)
    case supervisionReview(UUID)
    case supervisionFiles(UUID)
    case supervisionFile(UUID)
    case supervisionWord(UUID)
    /// 单位考核 for a period ("2023-06" or "year"), and its export.
    case assessment(UUID, period: String?)
    case assessmentExport(UUID, period: String)
    /// 专项督查 of a plan, one inspection, its findings.
    case inspections(UUID)
    case inspection(UUID)
    case inspectionFindings(UUID)
    case inspectionFindingFiles(UUID)
    case inspectionFindingRectify(UUID)
    /// 批示: POST writes one; one instruction; a recipient's answer.
    case instructions
    case instruction(UUID)
    case instructionRespond(UUID)
    /// 政民互动: the public's form to ask about a task; the office's and units' list of questions
    /// (of one status, or the open ones), one question, and a step on it.
    case taskAsk(UUID)
    case questions(status: String? = nil)
    case question(UUID, done: String? = nil)
    case questionStep(UUID, PublicQuestion.Step)
    case health
    case metrics
    case api(API)

    enum API: Sendable, Hashable {
        case plans, plan(UUID), planTasks(UUID), task(UUID), units, unit(UUID), leaders, openAPI, session, me
        case planVersions(UUID), planVersionComparison(UUID, from: Int, to: Int), taskWork(UUID), planRounds(UUID), planLedger(UUID)
    }

    var path: String {
        switch self {
        case .home: "/"
        case .plan(let id): "/plans/\(id.uuidString.lowercased())"
        case .part(let planID, let number): "/plans/\(planID.uuidString.lowercased())/parts/\(number)"
        case .task(let id): "/tasks/\(id.uuidString.lowercased())"
        case .units: "/units"
        case .unit(let id): "/units/\(id.uuidString.lowercased())"
        case .leaders: "/leaders"
        case .leader(let id): "/leaders/\(id.uuidString.lowercased())"
        case .preferences(let language, let elder, let highContrast, let returnTo):
            "/preferences?" + [
                language.map { "lang=\($0.rawValue)" },
                elder.map { "elder=\($0 ? 1 : 0)" },
                highContrast.map { "contrast=\($0 ? 1 : 0)" },
                "return=" + (returnTo.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "/"),
            ].compactMap { $0 }.joined(separator: "&")
        case .stylesheet: "/assets/luoshi-\(Stylesheet.fingerprint).css"
        case .login(let next):
            next.map { "/login?next=" + ($0.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "/") } ?? "/login"
        case .logout: "/logout"
        case .workbench: "/workbench"
        case .account: "/account"
        case .accountPassword: "/account/password"
        case .accountTokens: "/account/tokens"
        case .accountEmail: "/account/email"
        case .revokeToken(let id): "/account/tokens/\(id.uuidString.lowercased())/revoke"
        case .adminUsers: "/admin/users"
        case .adminUserReset(let id): "/admin/users/\(id.uuidString.lowercased())/reset-password"
        case .adminUserDisable(let id): "/admin/users/\(id.uuidString.lowercased())/disable"
        case .adminSecurity: "/admin/security"
        case .adminSecurityPolicy: "/admin/security/policy"
        case .adminUnlock(let id): "/admin/security/users/\(id.uuidString.lowercased())/unlock"
        case .adminRole: "/admin/security/role"
        case .adminAudit: "/admin/audit"
        case .adminAuditCSV: "/admin/audit.csv"
        case .planImport: "/plans/import"
        case .planImportApply(let id): "/plans/import/\(id.uuidString.lowercased())/apply"
        case .planImportShow(let id): "/plans/import/\(id.uuidString.lowercased())"
        case .planImportAliases(let id): "/plans/import/\(id.uuidString.lowercased())/aliases"
        case .planExport(let id, let format): "/plans/\(id.uuidString.lowercased())/export?format=\(format)"
        case .openData: "/open-data"
        case .openDataDictionary: "/open-data/dictionary"
        case .planProgressCSV(let id): "/plans/\(id.uuidString.lowercased())/progress.csv"
        case .planProgressJSON(let id): "/plans/\(id.uuidString.lowercased())/progress.json"
        case .feed: "/feed.atom"
        case .planManage(let id): "/plans/\(id.uuidString.lowercased())/manage"
        case .planTransition(let id): "/plans/\(id.uuidString.lowercased())/transition"
        case .planDisclosure(let id): "/plans/\(id.uuidString.lowercased())/disclosure"
        case .interpretation(let id, let version):
            "/plans/\(id.uuidString.lowercased())/interpretation" + (version.map { "?version=\($0)" } ?? "")
        case .interpretationEdit(let id, let done):
            "/plans/\(id.uuidString.lowercased())/interpretation/edit" + (done.map { "?done=\($0)" } ?? "")
        case .interpretationDraft(let id): "/plans/\(id.uuidString.lowercased())/interpretation/draft"
        case .interpretationSave(let id): "/plans/\(id.uuidString.lowercased())/interpretation/save"
        case .interpretationPublish(let id): "/plans/\(id.uuidString.lowercased())/interpretation/publish"
        case .planCharters(let id, let all): "/plans/\(id.uuidString.lowercased())/charters" + (all ? "?all=1" : "")
        case .planNewTask(let id): "/plans/\(id.uuidString.lowercased())/tasks/new"
        case .taskWork(let id): "/tasks/\(id.uuidString.lowercased())/work"
        case .taskEdit(let id): "/tasks/\(id.uuidString.lowercased())/edit"
        case .taskComment(let id): "/tasks/\(id.uuidString.lowercased())/comments"
        case .taskCommentReply(let taskID, let commentID):
            "/tasks/\(taskID.uuidString.lowercased())/comments/\(commentID.uuidString.lowercased())/reply"
        case .taskCharter(let id): "/tasks/\(id.uuidString.lowercased())/charter"
        case .taskCharterReview(let id): "/tasks/\(id.uuidString.lowercased())/charter/review"
        case .taskChange(let id): "/tasks/\(id.uuidString.lowercased())/changes"
        case .taskChangeDecision(let taskID, let requestID):
            "/tasks/\(taskID.uuidString.lowercased())/changes/\(requestID.uuidString.lowercased())/decide"
        case .directoryUnits: "/directory/units"
        case .directoryNewUnit: "/directory/units/new"
        case .directoryEditUnit(let id): "/directory/units/\(id.uuidString.lowercased())/edit"
        case .directoryLeaders: "/directory/leaders"
        case .directoryNewLeader: "/directory/leaders/new"
        case .directoryEditLeader(let id): "/directory/leaders/\(id.uuidString.lowercased())/edit"
        case .planNew: "/plans/new"
        case .planEdit(let id): "/plans/\(id.uuidString.lowercased())/edit"
        case .partNew(let id): "/plans/\(id.uuidString.lowercased())/parts/new"
        case .partEdit(let planID, let number): "/plans/\(planID.uuidString.lowercased())/parts/\(number)/edit"
        case .planRounds(let id): "/plans/\(id.uuidString.lowercased())/rounds"
        case .round(let id): "/rounds/\(id.uuidString.lowercased())"
        case .roundClose(let id): "/rounds/\(id.uuidString.lowercased())/close"
        case .roundTask(let roundID, let taskID): "/rounds/\(roundID.uuidString.lowercased())/tasks/\(taskID.uuidString.lowercased())"
        case .roundReport(let roundID, let taskID): "/rounds/\(roundID.uuidString.lowercased())/tasks/\(taskID.uuidString.lowercased())/report"
        case .roundInput(let roundID, let taskID): "/rounds/\(roundID.uuidString.lowercased())/tasks/\(taskID.uuidString.lowercased())/input"
        case .roundReview(let roundID, let taskID): "/rounds/\(roundID.uuidString.lowercased())/tasks/\(taskID.uuidString.lowercased())/review"
        case .roundRemind(let id): "/rounds/\(id.uuidString.lowercased())/remind"
        case .roundAttachments(let roundID, let taskID): "/rounds/\(roundID.uuidString.lowercased())/tasks/\(taskID.uuidString.lowercased())/attachments"
        case .attachment(let id): "/attachments/\(id.uuidString.lowercased())"
        case .attachmentDelete(let id): "/attachments/\(id.uuidString.lowercased())/delete"
        case .inbox: "/inbox"
        case .inboxRead: "/inbox/read"
        case .reminderLog: "/reminders"
        case .planLedger(let id): "/plans/\(id.uuidString.lowercased())/ledger"
        case .planRules(let id): "/plans/\(id.uuidString.lowercased())/rules"
        case .planLedgerExport(let id, let query): "/plans/\(id.uuidString.lowercased())/ledger/export" + (query.isEmpty ? "" : "?" + query)
        case .planDashboard(let id): "/plans/\(id.uuidString.lowercased())/dashboard"
        case .bulletins(let id): "/plans/\(id.uuidString.lowercased())/bulletin-issues"
        case .bulletin(let id): "/bulletins/\(id.uuidString.lowercased())"
        case .bulletinRefresh(let id): "/bulletins/\(id.uuidString.lowercased())/refresh"
        case .bulletinPublish(let id): "/bulletins/\(id.uuidString.lowercased())/publish"
        case .bulletinCorrect(let id): "/bulletins/\(id.uuidString.lowercased())/correct"
        case .bulletinWord(let id): "/bulletins/\(id.uuidString.lowercased())/word"
        case .publicBulletins(let id): "/plans/\(id.uuidString.lowercased())/bulletins"
        case .publicBulletin(let planID, let issue): "/plans/\(planID.uuidString.lowercased())/bulletins/\(issue)"
        case .publicBulletinWord(let planID, let issue): "/plans/\(planID.uuidString.lowercased())/bulletins/\(issue)/word"
        case .supervision(let id, let proposal, let previous):
            "/plans/\(id.uuidString.lowercased())/supervision" + (proposal.map { "?proposal=" + ($0.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "") + "#new-step" }
                ?? previous.map { "?previous=\($0.uuidString.lowercased())#new-step" } ?? "")
        case .supervisionDismiss(let id): "/plans/\(id.uuidString.lowercased())/supervision/dismiss"
        case .supervisionItem(let id): "/supervision/\(id.uuidString.lowercased())"
        case .supervisionReply(let id): "/supervision/\(id.uuidString.lowercased())/reply"
        case .supervisionReview(let id): "/supervision/\(id.uuidString.lowercased())/review"
        case .supervisionFiles(let id): "/supervision/\(id.uuidString.lowercased())/files"
        case .supervisionFile(let id): "/supervision-files/\(id.uuidString.lowercased())"
        case .supervisionWord(let id): "/supervision/\(id.uuidString.lowercased())/word"
        case .assessment(let id, let period): "/plans/\(id.uuidString.lowercased())/assessment" + (period.map { "?period=\($0)" } ?? "")
        case .assessmentExport(let id, let period): "/plans/\(id.uuidString.lowercased())/assessment/export?period=\(period)"
        case .inspections(let id): "/plans/\(id.uuidString.lowercased())/inspections"
        case .inspection(let id): "/inspections/\(id.uuidString.lowercased())"
        case .inspectionFindings(let id): "/inspections/\(id.uuidString.lowercased())/findings"
        case .inspectionFindingFiles(let id): "/inspection-findings/\(id.uuidString.lowercased())/files"
        case .inspectionFindingRectify(let id): "/inspection-findings/\(id.uuidString.lowercased())/rectify"
        case .instructions: "/instructions"
        case .instruction(let id): "/instructions/\(id.uuidString.lowercased())"
        case .instructionRespond(let id): "/instructions/\(id.uuidString.lowercased())/respond"
        case .taskAsk(let id): "/tasks/\(id.uuidString.lowercased())/ask"
        case .questions(let status): "/questions" + (status.map { "?status=\($0)" } ?? "")
        case .question(let id, let done): "/questions/\(id.uuidString.lowercased())" + (done.map { "?done=\($0)" } ?? "")
        case .questionStep(let id, let step): "/questions/\(id.uuidString.lowercased())/\(step.rawValue)"
        case .health: "/health"
        case .metrics: "/metrics"
        case .api(let api):
            switch api {
            case .plans: "/api/v1/plans"
            case .plan(let id): "/api/v1/plans/\(id.uuidString.lowercased())"
            case .planTasks(let id): "/api/v1/plans/\(id.uuidString.lowercased())/tasks"
            case .task(let id): "/api/v1/tasks/\(id.uuidString.lowercased())"
            case .units: "/api/v1/units"
            case .unit(let id): "/api/v1/units/\(id.uuidString.lowercased())"
            case .leaders: "/api/v1/leaders"
            case .openAPI: "/api/openapi.json"
            case .session: "/api/v1/session"
            case .me: "/api/v1/me"
            case .planVersions(let id): "/api/v1/plans/\(id.uuidString.lowercased())/versions"
            case .planVersionComparison(let id, let from, let to): "/api/v1/plans/\(id.uuidString.lowercased())/versions/compare?from=\(from)&to=\(to)"
            case .taskWork(let id): "/api/v1/tasks/\(id.uuidString.lowercased())/work"
            case .planRounds(let id): "/api/v1/plans/\(id.uuidString.lowercased())/rounds"
            case .planLedger(let id): "/api/v1/plans/\(id.uuidString.lowercased())/ledger"
            }
        }
    }

    /// Route patterns for registration, one per case.
    enum Route {
        static let home: [PathComponent] = []
        static let plan: [PathComponent] = ["plans", ":planID"]
        static let part: [PathComponent] = ["plans", ":planID", "parts", ":number"]
        static let task: [PathComponent] = ["tasks", ":taskID"]
        static let units: [PathComponent] = ["units"]
        static let unit: [PathComponent] = ["units", ":unitID"]
        static let leaders: [PathComponent] = ["leaders"]
        static let leader: [PathComponent] = ["leaders", ":leaderID"]
        static let preferences: [PathComponent] = ["preferences"]
        static let stylesheet: [PathComponent] = ["assets", ":stylesheet"]
        static let login: [PathComponent] = ["login"]
        static let logout: [PathComponent] = ["logout"]
        static let workbench: [PathComponent] = ["workbench"]
        static let account: [PathComponent] = ["account"]
        static let accountPassword: [PathComponent] = ["account", "password"]
        static let accountTokens: [PathComponent] = ["account", "tokens"]
        static let accountEmail: [PathComponent] = ["account", "email"]
        static let revokeToken: [PathComponent] = ["account", "tokens", ":tokenID", "revoke"]
        static let adminUsers: [PathComponent] = ["admin", "users"]
        static let adminUserReset: [PathComponent] = ["admin", "users", ":userID", "reset-password"]
        static let adminUserDisable: [PathComponent] = ["admin", "users", ":userID", "disable"]
        static let adminSecurity: [PathComponent] = ["admin", "security"]
        static let adminSecurityPolicy: [PathComponent] = ["admin", "security", "policy"]
        static let adminUnlock: [PathComponent] = ["admin", "security", "users", ":userID", "unlock"]
        static let adminRole: [PathComponent] = ["admin", "security", "role"]
        static let adminAudit: [PathComponent] = ["admin", "audit"]
        static let adminAuditCSV: [PathComponent] = ["admin", "audit.csv"]
        static let planImport: [PathComponent] = ["plans", "import"]
        static let planImportApply: [PathComponent] = ["plans", "import", ":importID", "apply"]
        static let planImportShow: [PathComponent] = ["plans", "import", ":importID"]
        static let planImportAliases: [PathComponent] = ["plans", "import", ":importID", "aliases"]
        static let planExport: [PathComponent] = ["plans", ":planID", "export"]
        static let openData: [PathComponent] = ["open-data"]
        static let openDataDictionary: [PathComponent] = ["open-data", "dictionary"]
        static let planProgressCSV: [PathComponent] = ["plans", ":planID", "progress.csv"]
        static let planProgressJSON: [PathComponent] = ["plans", ":planID", "progress.json"]
        static let feed: [PathComponent] = ["feed.atom"]
        static let planManage: [PathComponent] = ["plans", ":planID", "manage"]
        static let planTransition: [PathComponent] = ["plans", ":planID", "transition"]
        static let planDisclosure: [PathComponent] = ["plans", ":planID", "disclosure"]
        static let interpretation: [PathComponent] = ["plans", ":planID", "interpretation"]
        static let interpretationEdit: [PathComponent] = ["plans", ":planID", "interpretation", "edit"]
        static let interpretationDraft: [PathComponent] = ["plans", ":planID", "interpretation", "draft"]
        static let interpretationSave: [PathComponent] = ["plans", ":planID", "interpretation", "save"]
        static let interpretationPublish: [PathComponent] = ["plans", ":planID", "interpretation", "publish"]
        static let planCharters: [PathComponent] = ["plans", ":planID", "charters"]
        static let planNewTask: [PathComponent] = ["plans", ":planID", "tasks", "new"]
        static let taskWork: [PathComponent] = ["tasks", ":taskID", "work"]
        static let taskEdit: [PathComponent] = ["tasks", ":taskID", "edit"]
        static let taskComment: [PathComponent] = ["tasks", ":taskID", "comments"]
        static let taskCommentReply: [PathComponent] = ["tasks", ":taskID", "comments", ":commentID", "reply"]
        static let taskCharter: [PathComponent] = ["tasks", ":taskID", "charter"]
        static let taskCharterReview: [PathComponent] = ["tasks", ":taskID", "charter", "review"]
        static let taskChange: [PathComponent] = ["tasks", ":taskID", "changes"]
        static let taskChangeDecision: [PathComponent] = ["tasks", ":taskID", "changes", ":requestID", "decide"]
        static let apiPlanVersions: [PathComponent] = ["api", "v1", "plans", ":planID", "versions"]
        static let apiPlanVersionComparison: [PathComponent] = ["api", "v1", "plans", ":planID", "versions", "compare"]
        static let apiTaskWork: [PathComponent] = ["api", "v1", "tasks", ":taskID", "work"]
        static let directoryUnits: [PathComponent] = ["directory", "units"]
        static let directoryNewUnit: [PathComponent] = ["directory", "units", "new"]
        static let directoryEditUnit: [PathComponent] = ["directory", "units", ":unitID", "edit"]
        static let directoryLeaders: [PathComponent] = ["directory", "leaders"]
        static let directoryNewLeader: [PathComponent] = ["directory", "leaders", "new"]
        static let directoryEditLeader: [PathComponent] = ["directory", "leaders", ":leaderID", "edit"]
        static let planNew: [PathComponent] = ["plans", "new"]
        static let planEdit: [PathComponent] = ["plans", ":planID", "edit"]
        static let partNew: [PathComponent] = ["plans", ":planID", "parts", "new"]
        static let partEdit: [PathComponent] = ["plans", ":planID", "parts", ":number", "edit"]
        static let planRounds: [PathComponent] = ["plans", ":planID", "rounds"]
        static let round: [PathComponent] = ["rounds", ":roundID"]
        static let roundClose: [PathComponent] = ["rounds", ":roundID", "close"]
        static let roundTask: [PathComponent] = ["rounds", ":roundID", "tasks", ":taskID"]
        static let roundReport: [PathComponent] = ["rounds", ":roundID", "tasks", ":taskID", "report"]
        static let roundInput: [PathComponent] = ["rounds", ":roundID", "tasks", ":taskID", "input"]
        static let roundReview: [PathComponent] = ["rounds", ":roundID", "tasks", ":taskID", "review"]
        static let roundRemind: [PathComponent] = ["rounds", ":roundID", "remind"]
        static let roundAttachments: [PathComponent] = ["rounds", ":roundID", "tasks", ":taskID", "attachments"]
        static let attachment: [PathComponent] = ["attachments", ":attachmentID"]
        static let attachmentDelete: [PathComponent] = ["attachments", ":attachmentID", "delete"]
        static let inbox: [PathComponent] = ["inbox"]
        static let inboxRead: [PathComponent] = ["inbox", "read"]
        static let reminderLog: [PathComponent] = ["reminders"]
        static let planLedger: [PathComponent] = ["plans", ":planID", "ledger"]
        static let planRules: [PathComponent] = ["plans", ":planID", "rules"]
        static let planLedgerExport: [PathComponent] = ["plans", ":planID", "ledger", "export"]
        static let planDashboard: [PathComponent] = ["plans", ":planID", "dashboard"]
        static let bulletins: [PathComponent] = ["plans", ":planID", "bulletin-issues"]
        static let bulletin: [PathComponent] = ["bulletins", ":bulletinID"]
        static let bulletinRefresh: [PathComponent] = ["bulletins", ":bulletinID", "refresh"]
        static let bulletinPublish: [PathComponent] = ["bulletins", ":bulletinID", "publish"]
        static let bulletinCorrect: [PathComponent] = ["bulletins", ":bulletinID", "correct"]
        static let bulletinWord: [PathComponent] = ["bulletins", ":bulletinID", "word"]
        static let publicBulletins: [PathComponent] = ["plans", ":planID", "bulletins"]
        static let publicBulletin: [PathComponent] = ["plans", ":planID", "bulletins", ":issue"]
        static let publicBulletinWord: [PathComponent] = ["plans", ":planID", "bulletins", ":issue", "word"]
        static let supervision: [PathComponent] = ["plans", ":planID", "supervision"]
        static let supervisionDismiss: [PathComponent] = ["plans", ":planID", "supervision", "dismiss"]
        static let supervisionItem: [PathComponent] = ["supervision", ":itemID"]
        static let supervisionReply: [PathComponent] = ["supervision", ":itemID", "reply"]
        static let supervisionReview: [PathComponent] = ["supervision", ":itemID", "review"]
        static let supervisionFiles: [PathComponent] = ["supervision", ":itemID", "files"]
        static let supervisionFile: [PathComponent] = ["supervision-files", ":fileID"]
        static let supervisionWord: [PathComponent] = ["supervision", ":itemID", "word"]
        static let assessment: [PathComponent] = ["plans", ":planID", "assessment"]
        static let assessmentExport: [PathComponent] = ["plans", ":planID", "assessment", "export"]
        static let inspections: [PathComponent] = ["plans", ":planID", "inspections"]
        static let inspection: [PathComponent] = ["inspections", ":inspectionID"]
        static let inspectionFindings: [PathComponent] = ["inspections", ":inspectionID", "findings"]
        static let inspectionFindingFiles: [PathComponent] = ["inspection-findings", ":findingID", "files"]
        static let inspectionFindingRectify: [PathComponent] = ["inspection-findings", ":findingID", "rectify"]
        static let instructions: [PathComponent] = ["instructions"]
        static let instruction: [PathComponent] = ["instructions", ":instructionID"]
        static let instructionRespond: [PathComponent] = ["instructions", ":instructionID", "respond"]
        static let taskAsk: [PathComponent] = ["tasks", ":taskID", "ask"]
        static let questions: [PathComponent] = ["questions"]
        static let question: [PathComponent] = ["questions", ":questionID"]
        static func questionStep(_ step: PublicQuestion.Step) -> [PathComponent] { ["questions", ":questionID", .constant(step.rawValue)] }
        static let apiPlanRounds: [PathComponent] = ["api", "v1", "plans", ":planID", "rounds"]
        static let apiPlanLedger: [PathComponent] = ["api", "v1", "plans", ":planID", "ledger"]
        static let apiPlanDashboard: [PathComponent] = ["api", "v1", "plans", ":planID", "dashboard"]
        static let apiRound: [PathComponent] = ["api", "v1", "rounds", ":roundID"]
        static let apiRoundTask: [PathComponent] = ["api", "v1", "rounds", ":roundID", "tasks", ":taskID"]
        static let apiRoundReport: [PathComponent] = ["api", "v1", "rounds", ":roundID", "tasks", ":taskID", "report"]
        static let apiRoundInput: [PathComponent] = ["api", "v1", "rounds", ":roundID", "tasks", ":taskID", "input"]
        static let apiRoundReview: [PathComponent] = ["api", "v1", "rounds", ":roundID", "tasks", ":taskID", "review"]
        static let apiRoundAttachments: [PathComponent] = ["api", "v1", "rounds", ":roundID", "tasks", ":taskID", "attachments"]
        static let apiSession: [PathComponent] = ["api", "v1", "session"]
        static let apiMe: [PathComponent] = ["api", "v1", "me"]
        static let health: [PathComponent] = ["health"]
        static let metrics: [PathComponent] = ["metrics"]
        static let apiPlans: [PathComponent] = ["api", "v1", "plans"]
        static let apiPlan: [PathComponent] = ["api", "v1", "plans", ":planID"]
        static let apiPlanTasks: [PathComponent] = ["api", "v1", "plans", ":planID", "tasks"]
        static let apiTask: [PathComponent] = ["api", "v1", "tasks", ":taskID"]
        static let apiUnits: [PathComponent] = ["api", "v1", "units"]
        static let apiUnit: [PathComponent] = ["api", "v1", "units", ":unitID"]
        static let apiLeaders: [PathComponent] = ["api", "v1", "leaders"]
        static let apiLeader: [PathComponent] = ["api", "v1", "leaders", ":leaderID"]
        static let apiParts: [PathComponent] = ["api", "v1", "plans", ":planID", "parts"]
        static let apiPart: [PathComponent] = ["api", "v1", "plans", ":planID", "parts", ":number"]
        static let openAPI: [PathComponent] = ["api", "openapi.json"]
    }
}

extension CharacterSet {
    /// Characters allowed unescaped in a query value (RFC 3986 unreserved plus "/").
    static let urlQueryValueAllowed: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        set.insert(charactersIn: "-._~/")
        return set
    }()
}
