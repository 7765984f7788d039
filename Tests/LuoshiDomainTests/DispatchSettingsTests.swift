import Foundation
import LuoshiDomain
import Testing

@Suite struct DispatchSettingsTests {
    let standard = DispatchSettings.standard(jurisdiction: "371323", year: 2023)

    @Test func theDefaultsAreVersionOne() {
        #expect(standard.rules.name == "371323-2023-v1" && standard.version == 1 && standard.roundDueDay == 25)
        #expect(DispatchSettings.Form(standard) == .init(yellowFrom: "10", redFrom: "30", aheadFrom: "10", blueWithinDays: "15", roundDueDay: "25"))
    }

    @Test func aSaveIsTheNextVersion() throws {
        let form = DispatchSettings.Form(yellowFrom: "5", redFrom: "20.5", aheadFrom: "10", blueWithinDays: "10", roundDueDay: "20", note: "县政府常务会议要求从严")
        let (next, note) = try DispatchSettings.next(after: standard, jurisdiction: "371323", year: 2023, form: form).get()
        #expect(next.version == 2 && next.rules.name == "371323-2023-v2" && next.roundDueDay == 20)
        #expect(next.rules.yellowFrom == 5 && next.rules.redFrom == 20.5 && next.rules.blueWithinDays == 10 && note == "县政府常务会议要求从严")
    }

    static let refusals: [(DispatchSettings.Form, String)] = [
        (.init(yellowFrom: "a", redFrom: "30", aheadFrom: "10", blueWithinDays: "15", roundDueDay: "25", note: "x"), "yellowFrom"),
        (.init(yellowFrom: "30", redFrom: "10", aheadFrom: "10", blueWithinDays: "15", roundDueDay: "25", note: "x"), "redFrom"),
        (.init(yellowFrom: "10", redFrom: "30", aheadFrom: "0", blueWithinDays: "15", roundDueDay: "25", note: "x"), "aheadFrom"),
        (.init(yellowFrom: "10", redFrom: "30", aheadFrom: "10", blueWithinDays: "91", roundDueDay: "25", note: "x"), "blueWithinDays"),
        (.init(yellowFrom: "10", redFrom: "30", aheadFrom: "10", blueWithinDays: "15", roundDueDay: "31", note: "x"), "roundDueDay"),
        (.init(yellowFrom: "10", redFrom: "30", aheadFrom: "10", blueWithinDays: "15", roundDueDay: "25", note: " "), "note"),
    ]

    @Test(arguments: refusals)
    func everyProblemNamesItsField(_ form: DispatchSettings.Form, _ field: String) {
        guard case .failure(let problems) = DispatchSettings.next(after: standard, jurisdiction: "371323", year: 2023, form: form) else {
            Issue.record("accepted \(form)")
            return
        }
        #expect(problems.all.map(\.field) == [field])
    }
}
