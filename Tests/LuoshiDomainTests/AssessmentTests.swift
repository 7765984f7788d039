import Foundation
import LuoshiDomain
import Testing

/// Assessment scores against hand-computed fixtures (default weights: on time 30, progress 40,
/// lights 15 less 3 per red and 1 per yellow, rectifications 10, criticisms 5 less 5 each).
@Suite struct AssessmentTests {
    let a = UUID(), b = UUID(), c = UUID()

    /// 县交通运输局: 4 reports, 3 on time; tasks at 40/41.7 (green), 20/41.7 (yellow), 0/50 unreported (red);
    /// 2 rectifications due, 1 closed on time; 1 criticism.
    func transport() -> Assessment.UnitFacts {
        .init(unitID: a, unitName: "县交通运输局", reportsDue: 4, reportsOnTime: 3,
              tasks: [.init(expected: 41.7, verified: 40, colour: .green), .init(expected: 41.7, verified: 20, colour: .yellow),
                      .init(expected: 50, verified: nil, colour: .red)],
              rectificationsDue: 2, rectificationsOnTime: 1, criticisms: 1)
    }

    @Test func aMonthsScoreAddsItsWeightedCriteria() {
        let score = Assessment.score(transport())
        // on time 30 × 3/4 = 22.5; progress 40 × mean(40/41.7, 20/41.7, 0) = 40 × 0.4796… = 19.2;
        // lights 15 − 3 − 1 = 11; rectifications 10 × 1/2 = 5; criticisms 5 − 5 = 0 → 57.7.
        #expect(score.parts.map(\.points) == [22.5, 19.2, 11, 5, 0])
        #expect(score.total == 57.7)
        #expect(score.parts[0].detail.zh == "应报 4 份，按时 3 份" && score.parts[2].detail.zh == "红灯 1 项、黄灯 1 项")
        #expect(score.parts[1].detail.zh == "3 项任务核实进度平均达到序时进度的 48%")
        #expect(score.parts.map(\.maximum).reduce(0, +) == 100)
    }

    @Test func aSpotlessUnitGetsFullMarksAndDeductionsStopAtZero() {
        let spotless = Assessment.UnitFacts(unitID: b, unitName: "县财政局", reportsDue: 2, reportsOnTime: 2,
                                            tasks: [.init(expected: 41.7, verified: 60, colour: .green)], rectificationsDue: 0, rectificationsOnTime: 0, criticisms: 0)
        #expect(Assessment.score(spotless).total == 100, "progress above expected counts as 100%")
        var poor = transport()
        poor.tasks = Array(repeating: .init(expected: 50, verified: 0, colour: .red), count: 6)
        poor.criticisms = 3
        let score = Assessment.score(poor)
        #expect(score.points(.lights) == 0 && score.points(.criticism) == 0 && score.points(.progress) == 0)
    }

    @Test func weightsAreConfigurable() throws {
        let weights = try Assessment.Weights.parse("onTime=50, progress=50,lights=0,rectification=0,criticism=0").get()
        #expect(Assessment.score(transport(), weights: weights).total == 61.5, "50 × 3/4 + 50 × 0.4796…")
        #expect(throws: DomainError.self) { try Assessment.Weights.parse("speed=10").get() }
        #expect(throws: DomainError.self) { try Assessment.Weights.parse("onTime=150").get() }
    }

    @Test func theYearIsTheMeanOfTheMonthsAndTheRankingMarksTheTopBand() {
        func score(_ id: UUID, _ name: String, _ total: Double) -> Assessment.Score {
            .init(unitID: id, unitName: name, total: total, parts: [.init(criterion: .onTime, points: total, maximum: 100, detail: .init(zh: "", en: ""))])
        }
        let year = Assessment.year([[score(a, "甲", 80), score(b, "乙", 90)], [score(a, "甲", 91), score(b, "乙", 70), score(c, "丙", 60)]])
        #expect(year.map(\.total) == [85.5, 80, 60] && year[0].parts[0].detail.zh == "2 个月平均" && year[2].parts[0].detail.zh == "1 个月平均")
        let ranked = Assessment.rank(year, excellentShare: 0.2)
        #expect(ranked.map(\.score.unitName) == ["甲", "乙", "丙"] && ranked.map(\.rank) == [1, 2, 3] && ranked.map(\.excellent) == [true, false, false])
        let tied = Assessment.rank([score(a, "甲", 90), score(b, "乙", 90), score(c, "丙", 80)], excellentShare: 0.34)
        #expect(tied.map(\.rank) == [1, 1, 3] && tied.map(\.excellent) == [true, true, false], "a tie with the band's last is 优秀 too")
        #expect(Assessment.rank([score(a, "甲", 90)], excellentShare: 0).map(\.excellent) == [false])
    }

    @Test func aUnitsFactsAreCountedForItsMonth() {
        let unit = LuoshiDomain.Unit(id: a, jurisdictionCode: "371323", name: "沂水县交通运输局", shortName: "县交通运输局", aliases: [], kind: .department)
        let june = YearMonth(year: 2023, month: 6)!
        func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
        let reports = [Bulletin.ReportFact(taskID: UUID(), unitID: a, submitted: true, late: false), .init(taskID: UUID(), unitID: a, submitted: true, late: true),
                       .init(taskID: UUID(), unitID: a, submitted: false, late: false), .init(taskID: UUID(), unitID: b, submitted: true, late: false)]
        let steps = [Assessment.Step(kind: .rectification, deadline: day("2023-06-20"), closedOn: day("2023-06-18"), createdOn: day("2023-06-01")),
                     .init(kind: .rectification, deadline: day("2023-06-20"), closedOn: day("2023-07-02"), createdOn: day("2023-06-01")),
                     .init(kind: .rectification, deadline: day("2023-07-20"), closedOn: nil, createdOn: day("2023-06-01")),
                     .init(kind: .criticism, deadline: nil, closedOn: nil, createdOn: day("2023-06-30")),
                     .init(kind: .criticism, deadline: nil, closedOn: nil, createdOn: day("2023-07-01"))]
        let facts = Assessment.facts(unit: unit, month: june, reports: reports, rows: [], steps: steps)
        #expect((facts.reportsDue, facts.reportsOnTime) == (3, 1), "another unit's report is not counted; late and missing are not on time")
        #expect((facts.rectificationsDue, facts.rectificationsOnTime) == (2, 1), "July's rectification is not due in June; one closed late")
        #expect(facts.criticisms == 1 && facts.tasks.isEmpty)
    }
}
