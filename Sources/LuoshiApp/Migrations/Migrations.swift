import Fluent

/// Every migration in the order it runs. Append only; never edit one that has landed.
enum LuoshiMigrations {
    static let all: [any Migration] = [
        // 001: the plan model
        CreateJurisdiction(), CreateUnit(), CreateUnitAlias(), CreateLeader(), CreatePlan(), CreatePart(),
        CreatePlanTask(), CreateTaskUnit(), CreateTaskLeader(), CreateMilestone(),
        // 002: accounts, sessions, tokens, the audit log and security settings
        CreateUser(), CreateSession(), CreateAccessToken(), CreateAuditLog(), CreateSecuritySettings(),
        // 003: the audit log is append-only in the database too
        ProtectAuditLog(),
        // 004: uploaded plan spreadsheets between dry run and apply
        CreatePlanImport(),
        // 005: a version of the whole plan at each lifecycle step
        CreatePlanVersion(),
        // 006: consultation comments, charters, change requests and revisions
        CreateTaskWork(),
        // 007: monthly dispatch — rounds, reports with history, cooperating inputs
        CreateDispatch(),
        // 008: reminders (inbox, email, webhook deliveries, the scheduler's lease), users' email,
        // evidence attachments
        CreateReminders(),
        // 009: dispatch settings (colour thresholds, due day) per jurisdiction and year, versioned
        CreateRuleSets(),
        // 010: monthly bulletins (frozen snapshots, issue numbers, the published Word file)
        CreateBulletins(),
        // 011: the escalation ladder (督办) — steps, their history and evidence, dismissed
        // proposals — and special inspections (专项督查) with their findings
        CreateSupervision(),
        // 012: leaders' instructions (批示) and their recipients' responses
        CreateInstructions(),
        // 013: data versions bumped by triggers (coherent read models across processes), sign-in
        // failures per address, evidence bytes in the database
        CreateDataVersions(), CreateSignInFailures(), CreateStoredFiles(),
        // 014: revoking an API token moves the accounts version (tokens are remembered like sessions)
        WatchAccessTokenRevocation(),
        // 015: saving a draft moves its own data version, not dispatch's; report history and
        // evidence are indexed by report
        WatchDraftsApart(), IndexReportHistory(),
        // 016: the audit head takes the appended row's hash by a trigger
        AuditHeadFollowsLog(),
        // 017: view counts of public pages, once per visitor and day
        CreatePageViews(),
        // 018: disclosure metadata of plans, and every 索引号 assigned
        AddDisclosureMetadata(),
        // 019: interpretations (政策解读) of plans, in numbered versions
        CreateInterpretations(), WatchInterpretations(),
        // 020: public questions (政民互动) on tasks, and the questions asked per address
        CreatePublicQuestions(),
    ]
}
