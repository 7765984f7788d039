import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LuoshiOffice
import Testing
import ZIPFoundation

/// The Word file is a valid package: every part is there, every XML part is well-formed, and
/// the layout is GB/T 9704's (A4, margins, 3号 仿宋_GB2312 body, red masthead, page numbers on
/// alternating sides). LibreOffice renders it in the browser suite.
@Suite struct DOCXWriterTests {
    let document = DOCXWriter.Document(
        masthead: "督查通报", issueLine: "第3期", issuer: "沂水县人民政府督查室", date: "2023年7月3日",
        title: "关于2023年6月份政府工作报告重点任务落实情况的通报",
        blocks: [.heading("一、总体情况"), .paragraph("纳入本期调度的重点任务共91项 <含“引号”& 符号>。"),
                 .table(caption: "表1　分部分推进情况", columns: ["部分", "任务数", "已完成"], rows: [["一、经济", "2", "0"], ["二、交通\u{1}", "4", "1"]], numeric: [false, true, true])],
        signature: ["沂水县人民政府督查室", "2023年7月3日"], imprint: "沂水县人民政府督查室　　2023年7月3日印发")

    func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    @Test func everyPartIsPresentAndWellFormed() throws {
        let data = try DOCXWriter.write(document)
        let parts = try parts(data)
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "word/_rels/document.xml.rels",
                                    "word/document.xml", "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml"])
        for (path, xml) in parts {
            let parser = XMLParser(data: Data(xml.utf8))
            #expect(parser.parse(), "\(path) is not well-formed: \(String(describing: parser.parserError))")
        }
        #expect(try DOCXWriter.write(document) == data, "the same document gives the same bytes")
    }

    @Test func theLayoutFollowsGBT9704() throws {
        let parts = try parts(try DOCXWriter.write(document))
        let body = try #require(parts["word/document.xml"])
        #expect(body.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4")
        #expect(body.contains(#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#), "37 mm top, 26 mm outer, 35 mm bottom, 28 mm binding side")
        #expect(body.contains(#"w:eastAsia="仿宋_GB2312""#) && body.contains(#"<w:sz w:val="32"/>"#), "3号 仿宋_GB2312 body")
        #expect(body.contains(#"<w:color w:val="FF0000"/>"#) && body.contains("督查通报"), "the red masthead")
        #expect(body.contains(#"w:eastAsia="方正小标宋简体""#) && body.contains(#"<w:sz w:val="44"/>"#), "the title in 2号 小标宋")
        #expect(body.contains("纳入本期调度的重点任务共91项 &lt;含“引号”&amp; 符号&gt;。"), "text is escaped")
        #expect(!body.contains("\u{1}"), "control characters are dropped")
        #expect(body.contains("<w:tblHeader/>"), "the table's header row repeats on each page")
        #expect(parts["word/settings.xml"]?.contains("<w:evenAndOddHeaders/>") == true)
        #expect(parts["word/footer1.xml"]?.contains(#"<w:jc w:val="right"/>"#) == true && parts["word/footer2.xml"]?.contains(#"<w:jc w:val="left"/>"#) == true,
                "page numbers to the outside edge: odd pages right, even pages left")
        #expect(parts["word/footer1.xml"]?.contains(" PAGE ") == true && parts["word/footer1.xml"]?.contains("— ") == true)
        #expect(parts["word/fontTable.xml"]?.contains(#"<w:altName w:val="仿宋"/>"#) == true, "a fallback for 仿宋_GB2312")
    }
}
