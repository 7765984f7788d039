import Foundation
import LuoshiDomain
import Testing

/// The sample plan shipped with the app: the real facts of the seed and illustrative tasks.
private func sampleDocument() throws -> PlanDocument {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/LuoshiApp/Resources/Sample/yishui-2023.json")
    return try PlanDocument.decode(json: try Data(contentsOf: url))
}

@Suite struct SampleDocumentTests {
    @Test func theSampleResolvesWithoutProblems() throws {
        let document = try sampleDocument()
        #expect(document.problems().isEmpty)
        let resolved = try document.resolve()
        #expect(resolved.tasks.count == 91)
        #expect(resolved.parts.map(\.number) == Array(1...8))
        #expect(resolved.jurisdictions.map(\.code) == ["370000", "371300", "371323"])
        #expect(resolved.newUnits.count == 47)
        #expect(resolved.plan.illustrativeNotice != nil, "the sample is labelled illustrative")
    }

    @Test func theSampleKeepsTheSeedsRealFacts() throws {
        let document = try sampleDocument()
        let plan = document.plan
        #expect(plan.status == .issued)
        #expect(plan.issuingBody == "沂水县人民政府办公室")
        #expect(plan.reportApprovedOn?.iso == "2023-01-19")
        #expect([plan.stages.draft, plan.stages.consultation, plan.stages.approved, plan.stages.issued].map { $0?.iso }
                == ["2023-02-08", "2023-02-22", "2023-03-04", "2023-03-06"])
        #expect(document.parts.map(\.tasks.count) == [5, 12, 21, 12, 17, 13, 7, 4])
        #expect(document.parts.map(\.title) == [
            "主要预期目标", "坚定不移抓项目、扩投资，增强经济发展后劲支撑", "坚定不移壮产业、提能级，推动实体经济提质增效",
            "坚定不移强基础、塑优势，打造乡村振兴沂水模式", "坚定不移提品质、树形象，建设生态宜居秀美沂水",
            "坚定不移惠民生、办实事，促进民生事业持续改善", "坚定不移防风险、守底线，营造安全稳定发展环境", "加强政府自身建设",
        ])
        let towns = document.units.filter { $0.kind == .township || $0.kind == .street }
        #expect(towns.count == 6)
        #expect(document.units.count - towns.count == 41)
    }

    @Test func statisticsCountPartsKindsAndUnits() throws {
        let resolved = try sampleDocument().resolve()
        let kinds = Dictionary(uniqueKeysWithValues: resolved.newUnits.map { ($0.id, $0.kind) })
        let statistics = PlanStatistics(parts: resolved.parts, tasks: resolved.tasks, unitKind: { kinds[$0] })
        #expect(statistics.taskCount == 91)
        #expect(statistics.parts.map(\.tasks) == [5, 12, 21, 12, 17, 13, 7, 4])
        #expect(statistics.parts.allSatisfy { $0.phased + $0.ongoing == $0.tasks })
        #expect((statistics.tasksByKind[.phased] ?? 0) + (statistics.tasksByKind[.ongoing] ?? 0) == 91)
        let departmentsLeading = statistics.unitKinds.filter { $0.kind == .department || $0.kind == .developmentZone }
            .reduce(0) { $0 + $1.leading }
        #expect(departmentsLeading == 41)
    }
}

@Suite struct PlanDocumentValidationTests {
    @Test func unknownUnitsAndLeadersAreNamedWithTheirField() throws {
        var document = try sampleDocument()
        document.parts[2].tasks[13].leadUnits = ["县不存在局"]
        document.parts[0].tasks[0].leaders = ["无名氏"]
        let problems = document.problems()
        #expect(problems.contains { $0.field == "parts[2].tasks[13].leadUnits" && $0.code == .unknownReference && $0.message.zh.contains("县不存在局") })
        #expect(problems.contains { $0.field == "parts[0].tasks[0].leaders" && $0.message.en.contains("无名氏") })
        #expect(throws: DomainError.self) { try document.resolve() }
    }

    @Test func duplicateNumbersAndMisplacedTasksAreFound() throws {
        var document = try sampleDocument()
        document.parts[0].tasks[1].number = TaskNumber(part: 1, item: 1)
        document.parts[1].tasks[0].number = TaskNumber(part: 3, item: 99)
        let problems = document.problems()
        #expect(problems.contains { $0.code == .duplicate && $0.field == "parts[0].tasks[1].number" })
        #expect(problems.contains { $0.field == "parts[1].tasks[0].number" && $0.message.zh.contains("不属于第 2 部分") })
    }

    @Test func duplicateUnitNamesAreFound() throws {
        var document = try sampleDocument()
        document.units[1].aliases = [document.units[0].shortName ?? document.units[0].name]
        #expect(document.problems().contains { $0.code == .duplicate && $0.field == "units[1].name" })
    }

    @Test func existingUnitsAndLeadersAreReused() throws {
        let document = try sampleDocument()
        let first = try document.resolve()
        let again = try document.resolve(existingUnits: first.newUnits, existingLeaders: first.newLeaders)
        #expect(again.newUnits.isEmpty)
        #expect(again.newLeaders.isEmpty)
        #expect(Set(again.tasks.flatMap(\.leadUnitIDs)).isSubset(of: Set(first.newUnits.map(\.id))))
    }

    @Test func aBadJurisdictionCodeIsNamed() throws {
        var document = try sampleDocument()
        document.jurisdiction.code = "37132"
        #expect(document.problems().contains { $0.field == "jurisdiction.code" })
    }

    @Test func aParentThatDoesNotContainTheJurisdictionIsNamed() throws {
        var document = try sampleDocument()
        document.jurisdiction.parent = Box(.init(code: "371400", name: "德州市", level: .city))  // not 沂水县's city
        let problem = try #require(document.problems().first { $0.field == "jurisdiction.parent.code" })
        #expect(problem.message.en.contains("371400 is not a parent of 371323"))
    }

    @Test(arguments: [
        (#"{"jurisdiction": 1}"#, "jurisdiction"),
        ("not json", nil),
    ] as [(String, String?)])
    func decodingFailuresNameTheField(_ json: String, _ field: String?) {
        do {
            _ = try PlanDocument.decode(json: Data(json.utf8))
            Issue.record("expected a decoding failure")
        } catch {
            #expect(error.field == field)
        }
    }

    @Test func aMissingKeyDeepInsideIsNamedByPath() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(try sampleDocument())) as? [String: Any])
        var parts = try #require(object["parts"] as? [[String: Any]])
        var tasks = try #require(parts[1]["tasks"] as? [[String: Any]])
        tasks[4]["kind"] = "monthly"
        parts[1]["tasks"] = tasks
        object["parts"] = parts
        let data = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try PlanDocument.decode(json: data)
            Issue.record("expected a decoding failure")
        } catch {
            #expect(error.field == "parts[1].tasks[4].kind")
        }
    }
}
