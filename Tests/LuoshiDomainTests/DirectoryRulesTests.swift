import Foundation
import LuoshiDomain
import Testing

@Suite struct DirectoryRulesTests {
    let fgj = Unit(id: UUID(), jurisdictionCode: "371323", name: "沂水县发展和改革局", shortName: "县发改局", aliases: ["发改局"], kind: .department)

    @Test func aUnitsNamesMustBeFreeAndItsAliasesAreTidied() throws {
        let id = UUID()
        let unit = try DirectoryRules.unit(name: " 沂水县财政局 ", shortName: "", kind: "department", aliases: "财政局\n县财政局、财政局、沂水县财政局",
                                           id: id, jurisdictionCode: "371323", others: [fgj]).get()
        #expect(unit.name == "沂水县财政局" && unit.shortName == "沂水县财政局" && unit.aliases == ["财政局", "县财政局"])
        guard case .failure(let problems) = DirectoryRules.unit(name: "县发改局", shortName: "", kind: "bureau", aliases: "发改局",
                                                                 id: id, jurisdictionCode: "371323", others: [fgj]) else {
            Issue.record("a taken name was accepted"); return
        }
        #expect(problems.all.map(\.field) == ["kind", "name", "shortName", "aliases"])
        #expect(problems.all[1].message.zh.contains("沂水县发展和改革局"))
    }

    @Test func leadersHaveAFreeNameAndAPost() {
        let liu = Leader(id: UUID(), jurisdictionCode: "371323", name: "刘铭", post: "县长", portfolio: "")
        guard case .failure(let problems) = DirectoryRules.leader(name: "刘铭", post: " ", portfolio: "", id: UUID(), jurisdictionCode: "371323", others: [liu]) else {
            Issue.record("accepted"); return
        }
        #expect(problems.all.map(\.field) == ["name", "post"])
        #expect((try? DirectoryRules.leader(name: "王芳", post: "副县长", portfolio: "教育、卫生", id: UUID(), jurisdictionCode: "371323", others: [liu]).get())?.post == "副县长")
    }

    @Test func partsHaveAFreeNumberAndATitle() {
        let planID = UUID()
        let one = Part(id: UUID(), planID: planID, number: 1, title: "稳增长")
        #expect((try? DirectoryRules.part(number: "2", title: "惠民生", id: UUID(), planID: planID, others: [one]).get())?.number == 2)
        for (number, title, fields) in [("1", "x", ["number"]), ("0", "x", ["number"]), ("二", " ", ["number", "title"])] {
            guard case .failure(let problems) = DirectoryRules.part(number: number, title: title, id: UUID(), planID: planID, others: [one]) else {
                Issue.record("\(number) accepted"); continue
            }
            #expect(problems.all.map(\.field) == fields)
        }
    }

    @Test func aPlansFieldsNameTheirProblems() {
        let base = PlanLifecycleTests.draft()
        guard case .failure(let problems) = DirectoryRules.plan(year: "二〇二四", title: " ", issuingBody: "", reportApprovedOn: "1月5日",
                                                                 reportApprovedBy: "", base: base) else {
            Issue.record("accepted"); return
        }
        #expect(Set(problems.all.compactMap(\.field)) == ["year", "reportApprovedOn", "title", "issuingBody"])
        let plan = try? DirectoryRules.plan(year: "2024", title: "2024年方案", issuingBody: "沂水县人民政府办公室", reportApprovedOn: "2024-01-18",
                                            reportApprovedBy: "县十九届人大三次会议", base: base).get()
        #expect(plan?.year == 2024 && plan?.reportApprovedOn == CalendarDate(iso: "2024-01-18"))
    }

    @Test func aJurisdictionHasOnePlanAYear() {
        let plan = PlanLifecycleTests.draft()
        var sibling = plan
        sibling.id = UUID()
        #expect(DirectoryRules.yearTaken(by: plan, among: [plan]) == nil, "the plan itself does not take its year")
        #expect(DirectoryRules.yearTaken(by: plan, among: [plan, sibling])?.field == "year")
        #expect(DirectoryRules.yearTaken(by: plan, among: [plan, sibling])?.code == .alreadyExists)
        var nextYear = sibling
        nextYear.year += 1
        var otherCounty = sibling
        otherCounty.jurisdictionCode = "371322"
        #expect(DirectoryRules.yearTaken(by: plan, among: [nextYear, otherCounty]) == nil)
    }
}
