import Fluent
import Foundation
import LuoshiDomain

/// Illustrative April, May and June 2023 rounds for the sample plan: every lead unit reports on
/// every task with a realistic spread — most on track, some lagging, a few far behind or ahead,
/// some late, some missing, some returned — so a newcomer sees a living ledger — and the
/// bulletins of April and May published as 第1期 and 第2期 (June's is the office's to make).
/// Deterministic: the same sample every time. The texts say they are illustrative.
enum SampleRounds {
    static let months = [4, 5, 6]

    /// Loads the rounds into the sample plan unless it already has rounds. Returns whether it loaded.
    @discardableResult
    static func loadIfMissing(into database: any Database, snapshot: CatalogSnapshot) async throws -> Bool {
        guard let plan = snapshot.plans.first(where: { $0.illustrativeNotice != nil && $0.status == .issued }) else { return false }
        guard try await ReportRoundModel.query(on: database).filter(\.$plan.$id == plan.id).count() == 0 else { return false }
        let tasks = snapshot.tasksByPlan[plan.id] ?? []
        try await database.writeTransaction { db in
            for month in months {
                guard let yearMonth = YearMonth(year: plan.year, month: month),
                      let due = CalendarDate(year: plan.year, month: month, day: Dispatch.defaultDueDay) else { continue }
                let round = ReportRoundModel()
                round.$plan.id = plan.id
                round.month = yearMonth.description
                round.dueDate = due.iso
                round.status = .closed
                round.openedBy = "duchashi"
                round.version = 1
                try await round.create(on: db)
                let roundID = try round.requireID()
                for (index, task) in tasks.enumerated() {
                    for (position, unitID) in task.leadUnitIDs.enumerated() {
                        guard let report = sampleReport(task: task, index: index, position: position, month: month, due: due, year: plan.year) else { continue }
                        let model = ProgressReportModel()
                        model.$round.id = roundID
                        model.taskID = task.id
                        model.unitID = unitID
                        model.status = report.status
                        model.workDone = "（示例）\(month)月按计划推进：\(task.content.prefix(18))……"
                        model.progress = report.reported
                        model.milestonesReached = ""
                        model.problems = report.verified.map { Double($0) < report.expected - 10 } == true ? "（示例）资金、用地等要素保障滞后" : ""
                        model.nextPlan = "（示例）\(month + 1)月继续推进，确保按期完成"
                        model.selfStatus = report.selfStatus
                        model.submittedOn = report.submittedOn.iso
                        model.late = Dispatch.isLate(submittedOn: report.submittedOn, dueDate: due)
                        model.returnReason = report.status == .returned ? "（示例）请补充佐证材料" : ""
                        model.verifiedProgress = report.verified
                        model.verifiedStatus = report.verified.map { _ in report.verifiedStatus }
                        model.reviewNote = report.verified.map { $0 != report.reported } == true ? "（示例）按佐证材料核定" : ""
                        model.reviewedBy = report.status == .accepted || report.status == .returned ? "duchashi" : nil
                        model.reviewedOn = model.reviewedBy.map { _ in due.adding(days: 3).iso }
                        model.updatedBy = "sample"
                        model.version = 1
                        try await model.create(on: db)
                    }
                }
                if month == months.last {
                    for (index, task) in tasks.enumerated() where index % 3 == 0 {
                        guard let unitID = task.cooperatingUnitIDs.first else { continue }
                        let input = ReportInputModel()
                        input.roundID = roundID
                        input.taskID = task.id
                        input.unitID = unitID
                        input.text = "（示例）本月配合牵头单位完成相关工作，提供数据和要素保障。"
                        input.updatedBy = "sample"
                        input.version = 1
                        try await input.create(on: db)
                    }
                }
            }
        }
        let cache = LedgerCache(versions: DataVersionWatcher())  // knows no version: keeps nothing
        for round in try await DispatchStore.rounds(planID: plan.id, on: database).prefix(months.count - 1) {
            let at = round.dueDate.adding(days: 8).beijing(hour: 10)
            let draft = try await BulletinStore.createDraft(plan: plan, round: round, catalog: snapshot, cache: cache, by: .system("sample"), now: at, on: database)
            try await BulletinStore.publish(draft, formVersion: 1, by: .system("sample"), now: at, on: database)
        }
        return true
    }

    struct SampleReport {
        var status: Dispatch.ReportStatus
        var reported: Int
        var verified: Int?
        var selfStatus: ProgressStatus
        var verifiedStatus: ProgressStatus
        var submittedOn: CalendarDate
        var expected: Double
    }

    /// One lead unit's report on task number `index` for `month`, or nil when it is missing.
    static func sampleReport(task: PlanTask, index: Int, position: Int, month: Int, due: CalendarDate, year: Int) -> SampleReport? {
        let seed = (index * 37 + position * 11 + month * 5) % 100
        // About one in twelve reports is missing in June, one in twenty-five earlier.
        if seed < (month == 6 ? 8 : 4) { return nil }
        let expected = ProgressRules.expected(.init(task, year: year), on: due).percent
        // Each task keeps its pace over the months: most on track, some lagging, a few far behind or ahead.
        let pace: Double = switch index % 12 {
        case 0, 1, 2, 3, 4, 5, 6: Double(seed % 9) - 4
        case 7, 8: -18
        case 9: -38
        default: 14
        }
        let reported = Int(min(100, max(0, (expected + pace + 6).rounded())))
        let verified = Int(min(100, max(0, (expected + pace).rounded())))
        let late = seed % 17 == 0
        let submittedOn = late ? due.adding(days: 2 + seed % 3) : due.adding(days: -(seed % 5))
        let status: Dispatch.ReportStatus = month < 6 ? .accepted : (seed % 13 == 0 ? .returned : seed % 7 == 0 ? .submitted : .accepted)
        let assessment = ProgressRules.assess(.init(task, year: year), verified: Double(verified), on: due, rules: .standard(jurisdiction: "", year: year))
        let selfAssessment = ProgressRules.assess(.init(task, year: year), verified: Double(reported), on: due, rules: .standard(jurisdiction: "", year: year))
        return SampleReport(status: status, reported: reported, verified: status == .accepted ? verified : nil,
                            selfStatus: selfAssessment.status == .missing ? .onTrack : selfAssessment.status,
                            verifiedStatus: assessment.status == .missing ? .onTrack : assessment.status,
                            submittedOn: submittedOn, expected: expected)
    }
}
