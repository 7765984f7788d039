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

/// The tree read from GB/T 2260 codes, and the one authorisation decision over it.
@Suite struct JurisdictionTreeTests {
    @Test(arguments: [("370000", "37", Jurisdiction.Level.province), ("371300", "3713", .city), ("371323", "371323", .county),
                      ("110101", "110101", .county), ("000000", "", .province)])
    func aCodeNamesItsSubtreeAndLevel(_ code: String, _ prefix: String, _ level: Jurisdiction.Level) {
        #expect(Jurisdiction.subtreePrefix(of: code) == prefix)
        #expect(Jurisdiction.level(of: code) == level)
    }

    @Test func containmentFollowsTheCodes() {
        #expect(Jurisdiction.contains("370000", "371300"))
        #expect(Jurisdiction.contains("370000", "371323"))
        #expect(Jurisdiction.contains("371300", "371323"))
        #expect(!Jurisdiction.contains("371323", "371323"), "a jurisdiction does not contain itself")
        #expect(!Jurisdiction.contains("371323", "371300"), "a county does not contain its city")
        #expect(!Jurisdiction.contains("371324", "371323"), "siblings contain each other not")
        #expect(!Jurisdiction.contains("371400", "371323"), "another city")
        #expect(!Jurisdiction.contains("320000", "371323"), "another province")
        #expect(Jurisdiction.contains("371000", "371023"), "a city whose code ends in 0 still contains its counties")
        #expect(Jurisdiction.contains(Jurisdiction.deploymentRoot, "370000"))
        #expect(Jurisdiction.isWithin("371323", "371323") && Jurisdiction.isWithin("371323", "370000"))
    }

    @Test(arguments: [("371300", "371323", true), ("370000", "371323", true), ("371324", "371323", false),
                      ("371323", "371323", false), ("371323", "371300", false), ("320000", "371300", false)])
    func aDeclaredParentMustContainItsChildSoNoCycleCanBeStored(_ parent: String, _ child: String, _ valid: Bool) {
        #expect(((try? Jurisdiction.validateParent(parent, of: child, field: "parent")) != nil) == valid)
    }

    @Test func anOfficeReadsWhatItsDescendantsIssuedButNeverTheirDraftsAndActsOnlyAtHome() {
        func actor(_ role: Role, _ code: String) -> Actor {
            Actor(userID: UUID(), username: "u", role: role, jurisdictionCode: code, unitID: role == .unitStaff ? UUID() : nil)
        }
        let county = "371323"
        for office in [actor(.supervisor, "371300"), actor(.supervisor, "370000")] {
            #expect(Policy.can(office, .readInternal, jurisdictionCode: county))
            #expect(Policy.can(office, .readUnitWork, unitID: UUID(), jurisdictionCode: county))
            #expect(!Policy.can(office, .readInternal, jurisdictionCode: county, draft: true), "a descendant's draft stays its own")
            #expect(!Policy.can(office, .managePlans, jurisdictionCode: county), "a parent office reads, it does not act")
        }
        for stranger in [actor(.supervisor, "371324"), actor(.supervisor, "320000"), actor(.supervisor, "371400"),
                         actor(.leader, "371300"), actor(.viewer, "370000"), actor(.unitStaff, "371300")] {
            #expect(!Policy.can(stranger, .readInternal, jurisdictionCode: county), "\(stranger.role) of \(stranger.jurisdictionCode)")
            #expect(!Policy.can(stranger, .readUnitWork, unitID: stranger.unitID, jurisdictionCode: county))
            #expect(Policy.can(stranger, .readPublic, jurisdictionCode: county))
        }
        let home = actor(.supervisor, county)
        #expect(Policy.can(home, .readInternal, jurisdictionCode: county, draft: true), "an office reads its own drafts")
        #expect(!Policy.can(actor(.supervisor, county), .readInternal, jurisdictionCode: "371300"), "a county does not read its city")
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
