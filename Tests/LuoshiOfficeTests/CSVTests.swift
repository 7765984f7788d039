@testable import LuoshiOffice
import Testing

@Suite struct CSVTests {
    @Test func quotesWhatNeedsQuotingAndStartsWithABOM() {
        let text = CSV.render(header: ["序号", "内容"], rows: [["1", "a,b"], ["2", "say \"hi\""], ["3", "two\nlines"]])
        #expect(text.hasPrefix("\u{FEFF}序号,内容\r\n"))
        #expect(text.contains("1,\"a,b\"\r\n"))
        #expect(text.contains("2,\"say \"\"hi\"\"\"\r\n"))
        #expect(text.contains("3,\"two\nlines\"\r\n"))
    }

    @Test(arguments: ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx"])
    func formulaLikeCellsAreDefused(_ value: String) {
        #expect(CSV.cell(value).hasPrefix("'") || CSV.cell(value).hasPrefix("\"'"))
    }

    @Test func plainCellsAreUnchanged() {
        #expect(CSV.cell("沂水县发展和改革局") == "沂水县发展和改革局")
    }
}
