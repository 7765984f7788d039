import Foundation
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

    @Test func whatIsWrittenReadsBackWithoutTheByteOrderMark() {
        let rows = [["1.1", "a,b"], ["1.2", "two\nlines"]]
        let sheet = CSVReader.read(CSV.render(header: ["序号", "内容"], rows: rows))
        #expect(sheet.rows == [["序号", "内容"]] + rows)
    }

    @Test func plainCellsAreUnchanged() {
        #expect(CSV.cell("沂水县发展和改革局") == "沂水县发展和改革局")
    }
}

@Suite struct XLSXFormatTests {
    @Test(arguments: [("yyyy-mm-dd", true), (#"yyyy"年"m"月"d"日""#, true), ("m/d/yy", true), ("0.00", false),
                      (#"0.00"d""#, false), ("[Red]0", false), ("General", false)])
    func recognisesDateFormats(_ code: String, _ isDate: Bool) {
        #expect(StylesParser.isDateFormat(code) == isDate)
    }

    @Test func excelSerialDates() {
        #expect(SheetParser.isoDate(serial: 45107) == "2023-06-30")
        #expect(SheetParser.isoDate(serial: 1) == "1900-01-01")
        #expect(SheetParser.isoDate(serial: 0) == nil)
    }

    @Test func writtenWorkbooksReadBack() throws {
        let data = try XLSXWriter.write(sheetName: "分解方案", columns: [.init("序号", width: 6), .init("工作任务", width: 40)],
                                        rows: [["1.1", "推进 <重点> & \"项目\""], ["1.2", "第二行\n换行"]])
        let sheets = try XLSXReader.read(data)
        #expect(sheets == [Sheet(name: "分解方案", rows: [["序号", "工作任务"], ["1.1", "推进 <重点> & \"项目\""], ["1.2", "第二行\n换行"]])])
        #expect(try XLSXWriter.write(sheetName: "S", columns: [.init("A", width: 5)], rows: [["x"]])
                == XLSXWriter.write(sheetName: "S", columns: [.init("A", width: 5)], rows: [["x"]]), "same content, same bytes")
        #expect(throws: OfficeError.self) { try XLSXReader.read(Data("序号,工作任务".utf8)) }
    }
}
