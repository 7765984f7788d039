import Foundation
import LuoshiDomain
import Testing

@Suite struct CalendarDateTests {
    @Test(arguments: ["2023-03-06", "2024-02-29", "2023-12-31"])
    func parsesAndPrintsISODates(_ text: String) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.iso == text)
    }

    @Test(arguments: ["2023-02-29", "2023-13-01", "2023-00-10", "2023-3-6", "23-03-06", "2023/03/06", "", "２０２３-03-06", "2023-03-06T00:00"])
    func rejectsMalformedDates(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func ordersChronologicallyAndWritesChinese() throws {
        let earlier = try #require(CalendarDate(iso: "2023-02-22"))
        let later = try #require(CalendarDate(iso: "2023-03-04"))
        #expect(earlier < later)
        #expect(later.chinese == "2023年3月4日")
    }

    @Test func decodingNamesTheBadValue() {
        let data = Data(#"{"due":"2023-02-30"}"#.utf8)
        struct Holder: Decodable { var due: CalendarDate }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Holder.self, from: data) }
    }
}

@Suite struct TaskNumberTests {
    @Test func parsesPartAndItem() throws {
        let number = try #require(TaskNumber("3.14"))
        #expect(number.part == 3)
        #expect(number.item == 14)
        #expect(number.description == "3.14")
    }

    @Test(arguments: ["3", "3.", ".4", "3.14.1", "0.1", "3.0", "03.1", "a.b", "-1.2", "3.14 ", ""])
    func rejectsMalformedNumbers(_ text: String) {
        #expect(TaskNumber(text) == nil)
    }

    @Test func sortsNumericallyNotAsText() throws {
        let numbers = ["3.10", "3.9", "10.1", "2.21"].compactMap(TaskNumber.init)
        #expect(numbers.sorted().map(\.description) == ["2.21", "3.9", "3.10", "10.1"])
    }
}

@Suite struct ChineseNumeralsTests {
    @Test(arguments: [(1, "一"), (8, "八"), (10, "十"), (12, "十二"), (20, "二十"), (21, "二十一"), (99, "九十九"), (120, "120")])
    func writesHeadingNumerals(_ number: Int, _ text: String) {
        #expect(ChineseNumerals.text(number) == text)
    }
}

@Suite struct JurisdictionTests {
    @Test(arguments: [("371323", true), ("370000", true), ("37132", false), ("3713230", false), ("071323", false), ("37132a", false), ("３７１３２３", false)])
    func validatesSixDigitCodes(_ code: String, _ valid: Bool) {
        #expect(Jurisdiction.isValidCode(code) == valid)
    }
}

@Suite struct LeaderOrderTests {
    @Test func headThenExecutiveDeputyThenDeputies() {
        let leaders = [("王五", "副县长"), ("赵六", "副县长（挂职）"), ("刘铭", "县长"), ("张三", "常务副县长")].map {
            Leader(id: UUID(), jurisdictionCode: "371323", name: $0.0, post: $0.1, portfolio: "")
        }
        #expect(leaders.sorted(by: Leader.protocolOrder).map(\.name) == ["刘铭", "张三", "王五", "赵六"])
    }
}

@Suite struct LanguageTests {
    @Test func unknownPreferencesMeanChinese() {
        #expect(Language(preference: "en") == .english)
        #expect(Language(preference: "fr") == .chinese)
        #expect(Language(preference: nil) == .chinese)
        #expect(LocalizedText(zh: "任务", en: "Task").text(in: .english) == "Task")
    }
}
