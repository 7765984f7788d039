import Foundation
import LuoshiDomain
import Testing

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

@Suite struct ProgressRulesTests {
    let rules = RuleSet.standard(jurisdiction: "371323", year: 2023)
    let ongoing = ProgressRules.TaskFacts(kind: .ongoing, year: 2023, deadline: nil)
    let yearLong = ProgressRules.TaskFacts(kind: .phased, year: 2023, deadline: day("2023-12-31"))

    static let yearShares: [(String, Double)] = [
        ("2023-01-30", 0), ("2023-01-31", 100.0 / 12), ("2023-06-30", 50), ("2023-08-25", 700.0 / 12),
        ("2023-11-30", 1100.0 / 12), ("2023-12-31", 100), ("2024-03-01", 100), ("2022-12-31", 0),
    ]

    @Test(arguments: yearShares)
    func anOngoingTaskExpectsTheShareOfTheYearGone(_ iso: String, _ expected: Double) {
        #expect(abs(ProgressRules.expected(ongoing, on: day(iso)).percent - expected) < 0.0001, "\(iso)")
    }

    @Test func theEndOfNovemberExpects91Point7() {
        let assessment = ProgressRules.assess(ongoing, verified: 91.7, on: day("2023-11-30"), rules: rules)
        #expect(ProgressRules.percentText(assessment.expected) == "91.7")
        #expect(assessment.colour == .green && assessment.status == .onTrack)
    }

    @Test func aPhasedTaskIsLinearToItsDeadline() {
        let task = ProgressRules.TaskFacts(kind: .phased, year: 2023, deadline: day("2023-06-30"))
        #expect(ProgressRules.expected(task, on: day("2023-06-30")).percent == 100)
        #expect(abs(ProgressRules.expected(task, on: day("2023-03-31")).percent - 90.0 / 181 * 100) < 0.0001)
        #expect(ProgressRules.expected(task, on: day("2023-09-30")).percent == 100)
    }

    @Test func charterPointsAreInterpolatedByMonth() {
        let task = ProgressRules.TaskFacts(kind: .ongoing, year: 2023, deadline: nil, quarterPercents: [10, 40, 70, 100])
        #expect(ProgressRules.expected(task, on: day("2023-03-31")).percent == 10)
        #expect(ProgressRules.expected(task, on: day("2023-04-30")).percent == 20)
        #expect(ProgressRules.expected(task, on: day("2023-05-31")).percent == 30)
        #expect(ProgressRules.expected(task, on: day("2023-02-28")).percent < 7)
        #expect(ProgressRules.expected(task, on: day("2023-12-31")).percent == 100)
    }

    /// At the end of June an ongoing task expects 50%: the borders at 10 and 30 points below, 10 above.
    static let borders: [(Double, Colour, ProgressStatus)] = [
        (40, .green, .onTrack), (39.9, .yellow, .lagging), (20, .yellow, .lagging), (19.9, .red, .lagging),
        (60, .green, .ahead), (59.9, .green, .onTrack), (100, .green, .completed), (0, .red, .notStarted),
    ]

    @Test(arguments: borders)
    func bordersOfColoursAndStatuses(_ verified: Double, _ colour: Colour, _ status: ProgressStatus) {
        let assessment = ProgressRules.assess(ongoing, verified: verified, on: day("2023-06-30"), rules: rules)
        #expect(assessment.colour == colour, "\(verified)%")
        #expect(assessment.status == status, "\(verified)%")
    }

    @Test func pastTheDeadlineUnfinishedIsRedAndOverdue() {
        let task = ProgressRules.TaskFacts(kind: .phased, year: 2023, deadline: day("2023-05-31"))
        let assessment = ProgressRules.assess(task, verified: 95, on: day("2023-06-25"), rules: rules)
        #expect(assessment.colour == .red && assessment.status == .overdue)
        #expect(assessment.explanation.zh.contains("已过完成时限 2023-05-31"))
    }

    @Test func aDeadlineWithinFifteenDaysIsBlueUnlessWorse() {
        let task = ProgressRules.TaskFacts(kind: .phased, year: 2023, deadline: day("2023-07-10"))
        #expect(ProgressRules.assess(task, verified: 95, on: day("2023-06-30"), rules: rules).colour == .blue)
        #expect(ProgressRules.assess(task, verified: 60, on: day("2023-06-30"), rules: rules).colour == .red)
        #expect(ProgressRules.assess(task, verified: 100, on: day("2023-06-30"), rules: rules).colour == .green)
        #expect(ProgressRules.assess(task, verified: 95, on: day("2023-06-20"), rules: rules).colour == .green, "16 days out")
    }

    @Test func aMissingReportIsSaidButTheColourFollowsTheLastVerifiedValue() {
        let assessment = ProgressRules.assess(ongoing, verified: 45, reportMissing: true, on: day("2023-06-30"), rules: rules)
        #expect(assessment.status == .missing && assessment.colour == .green)
    }

    @Test func theExplanationSaysWhy() {
        let assessment = ProgressRules.assess(ongoing, verified: 35, on: day("2023-08-25"), rules: rules)
        #expect(assessment.explanation.zh == "应达序时进度 58.3%（2023-08-25，全年已过 7/12），核实进度 35%，低 23.3 个百分点 → 黄灯，进度滞后（规则 371323-2023-v1）")
        #expect(assessment.explanation.en == "Expected 58.3% (2023-08-25, 7/12 of the year gone); verified 35%, 23.3 points below → yellow, lagging (rules 371323-2023-v1)")
        let never = ProgressRules.assess(yearLong, verified: nil, on: day("2023-01-31"), rules: rules)
        #expect(never.explanation.zh.contains("尚无核实进度") && never.explanation.zh.contains("至完成时限已过 31/365 天"))
    }

    @Test func thresholdsAreConfigurable() {
        let strict = RuleSet(name: "371323-2023-v2", yellowFrom: 5, redFrom: 20)
        #expect(ProgressRules.assess(ongoing, verified: 44, on: day("2023-06-30"), rules: strict).colour == .yellow)
        #expect(ProgressRules.assess(ongoing, verified: 29, on: day("2023-06-30"), rules: strict).colour == .red)
        #expect(RuleSet(name: "x", yellowFrom: 30, redFrom: 10).problems.map(\.field) == ["redFrom"])
        #expect(strict.problems.isEmpty)
    }

    // MARK: Properties

    static let dates = stride(from: 0, to: 400, by: 7).map { CalendarDate(iso: "2023-01-01")!.adding(days: $0) }
    static let tasks = [
        ProgressRules.TaskFacts(kind: .ongoing, year: 2023, deadline: nil),
        ProgressRules.TaskFacts(kind: .phased, year: 2023, deadline: CalendarDate(iso: "2023-06-30")),
        ProgressRules.TaskFacts(kind: .phased, year: 2023, deadline: CalendarDate(iso: "2023-12-31")),
        ProgressRules.TaskFacts(kind: .ongoing, year: 2023, deadline: nil, quarterPercents: [20, 45, 75, 100]),
    ]

    @Test func aCompletedTaskIsNeverRed() {
        for task in Self.tasks {
            for date in Self.dates {
                let assessment = ProgressRules.assess(task, verified: 100, on: date, rules: rules)
                #expect(assessment.colour == .green && assessment.status == .completed, "\(date)")
            }
        }
    }

    @Test func theColourNeverImprovesWhenProgressFalls() {
        for task in Self.tasks {
            for date in Self.dates {
                var previous = Colour.green
                for progress in stride(from: 100.0, through: 0, by: -2.5) {
                    let colour = ProgressRules.assess(task, verified: progress, on: date, rules: rules).colour
                    #expect(colour >= previous, "\(date) at \(progress)%: \(colour) after \(previous)")
                    previous = colour
                }
            }
        }
    }

    // MARK: Trajectory

    @Test func thePaceProjectsACompletionDate() {
        let history = [(date: day("2023-04-25"), progress: 30.0), (date: day("2023-05-25"), progress: 40.0)]
        #expect(ProgressRules.projectedCompletion(history: history, year: 2023) == day("2023-05-25").adding(days: 180))
        let task = ProgressRules.TaskFacts(kind: .phased, year: 2023, deadline: day("2023-09-30"))
        #expect(ProgressRules.likelyToMiss(task, history: history), "40% in May at 10 points a month misses September")
        let brisk = [(date: day("2023-04-25"), progress: 30.0), (date: day("2023-05-25"), progress: 55.0)]
        #expect(!ProgressRules.likelyToMiss(task, history: brisk))
        #expect(ProgressRules.likelyToMiss(task, history: [(date: day("2023-05-25"), progress: 30.0), (date: day("2023-06-25"), progress: 30.0)]),
                "no progress in a month")
        #expect(!ProgressRules.likelyToMiss(task, history: [(date: day("2023-05-25"), progress: 100.0)]))
    }

    @Test func dayArithmeticMatchesTheCalendar() {
        #expect(day("2023-01-01").days(to: day("2023-12-31")) == 364)
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2023-12-31").adding(days: 1) == day("2024-01-01"))
        #expect(CalendarDate(date: Date(timeIntervalSince1970: 1_700_000_000)) == day("2023-11-15"))
    }
}

@Suite struct LedgerTests {
    let rules = RuleSet.standard(jurisdiction: "371323", year: 2023)

    func task(_ item: Int, kind: TaskKind = .ongoing, deadline: String? = nil) -> PlanTask {
        PlanTask(id: UUID(), planID: UUID(), number: TaskNumber(part: 1, item: item), content: "任务\(item)", kind: kind,
                 deadline: deadline.flatMap(CalendarDate.init(iso:)), measures: nil, annualTarget: "目标", leadUnitIDs: [UUID()],
                 cooperatingUnitIDs: [], leaderIDs: [], milestones: [])
    }

    @Test func rowsUseTheLatestVerifiedValueUpToTheDate() {
        let a = task(1), b = task(2), c = task(3, kind: .phased, deadline: "2023-05-31")
        let evidence: [UUID: [Ledger.Evidence]] = [
            a.id: [.init(roundDue: CalendarDate(iso: "2023-04-25")!, verified: 30, reported: 35),
                   .init(roundDue: CalendarDate(iso: "2023-05-25")!, verified: 40, reported: 45),
                   .init(roundDue: CalendarDate(iso: "2023-06-25")!, verified: 90, reported: 90)],
            c.id: [.init(roundDue: CalendarDate(iso: "2023-04-25")!, verified: 95, reported: 95)],
        ]
        let rows = Ledger.rows(tasks: [a, b, c], year: 2023, asOf: CalendarDate(iso: "2023-05-31")!, rules: rules, evidence: evidence, missing: [b.id])
        #expect(rows[0].verified == 40 && rows[0].reported == 45, "the June round is after the date")
        #expect(rows[0].colour == .green && rows[0].status == .onTrack)
        #expect(rows[1].verified == nil && rows[1].status == .missing && rows[1].colour == .red)
        #expect(rows[2].colour == .blue, "due today, unfinished")
        #expect(Ledger.Filter(colour: .red).matches(rows[1]) && !Ledger.Filter(colour: .red).matches(rows[0]))
        #expect(Ledger.Filter(text: "任务3").matches(rows[2]) && !Ledger.Filter(part: 2).matches(rows[2]))
    }

    @Test func likelyToMissWarnsBeforeRed() {
        let slow = task(1, kind: .phased, deadline: "2023-09-30")
        let evidence: [UUID: [Ledger.Evidence]] = [slow.id: [.init(roundDue: CalendarDate(iso: "2023-04-25")!, verified: 28, reported: 30),
                                                             .init(roundDue: CalendarDate(iso: "2023-05-25")!, verified: 33, reported: 35)]]
        let row = Ledger.rows(tasks: [slow], year: 2023, asOf: CalendarDate(iso: "2023-05-25")!, rules: rules, evidence: evidence, missing: [])[0]
        #expect(row.colour != .red && row.likelyToMiss)
    }
}
