import Foundation
import ZIPFoundation

/// Writes a Word document (.docx) laid out after GB/T 9704-2012 《党政机关公文格式》, as a
/// bulletin (简报式公文) is: a red masthead with the issue line, the issuer and date above a red
/// rule, the title in 2号 小标宋, the body in 3号 仿宋_GB2312 (22 lines of 28 characters on
/// A4 with 37 mm top, 28 mm binding-side, 26 mm outer and 35 mm bottom margins), first-level
/// headings in 黑体, the signature and date set off to the right, the imprint (版记) between
/// rules, and page numbers "— N —" in 4号 宋体 to the outside edge (odd pages right, even
/// left). Word, WPS and LibreOffice open it; fonts fall back to 仿宋 / 宋体 / 黑体 where the
/// GB2312 faces are not installed.
public enum DOCXWriter {
    public struct Document: Sendable, Hashable {
        public var masthead: String
        public var issueLine: String
        public var issuer: String
        public var date: String
        public var title: String
        public var blocks: [Block]
        public var signature: [String]
        public var imprint: String

        public init(masthead: String, issueLine: String, issuer: String, date: String, title: String, blocks: [Block], signature: [String],
                    imprint: String) {
            self.masthead = masthead
            self.issueLine = issueLine
            self.issuer = issuer
            self.date = date
            self.title = title
            self.blocks = blocks
            self.signature = signature
            self.imprint = imprint
        }
    }

    public enum Block: Sendable, Hashable {
        /// 主送机关: flush left.
        case addressee(String)
        case heading(String)
        case paragraph(String)
        /// A table with a caption above it; the header row repeats on each page. `numeric` marks
        /// the narrow, centred number columns.
        case table(caption: String, columns: [String], rows: [[String]], numeric: [Bool])
    }

    public static func write(_ document: Document, subject: String = "") throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: XLSXWriter.fixedDate,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", contentTypes)
        try add("_rels/.rels", packageRelationships)
        try add("docProps/app.xml", appProperties)
        try add("docProps/core.xml", coreProperties(title: document.title, subject: subject))
        try add("word/_rels/document.xml.rels", documentRelationships)
        try add("word/document.xml", body(document))
        try add("word/styles.xml", styles)
        try add("word/settings.xml", settings)
        try add("word/fontTable.xml", fontTable)
        try add("word/footer1.xml", footer(alignment: "right", indent: #"w:right="280""#))
        try add("word/footer2.xml", footer(alignment: "left", indent: #"w:left="280""#))
        guard let data = archive.data else { throw OfficeError.malformed(part: "package", reason: "could not be written") }
        return data
    }

    // MARK: Measures (twentieths of a point; 1 mm = 56.7)

    static let pageWidth = 11906, pageHeight = 16838
    static let marginTop = 2098, marginBottom = 1984, marginInside = 1587, marginOutside = 1474
    /// The type area's width (156 mm).
    static let textWidth = pageWidth - marginInside - marginOutside
    /// 225 mm / 22 lines.
    static let linePitch = 579
    static let red = "FF0000"

    // MARK: Body

    static func run(_ text: String, font: String, size: Int, bold: Bool = false, colour: String? = nil, spacing: Int? = nil) -> String {
        var properties = #"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="\#(font)" w:cs="Times New Roman"/>"#
        if bold { properties += "<w:b/>" }
        if let colour { properties += #"<w:color w:val="\#(colour)"/>"# }
        if let spacing { properties += #"<w:spacing w:val="\#(spacing)"/>"# }
        properties += #"<w:sz w:val="\#(size)"/><w:szCs w:val="\#(size)"/>"#
        return #"<w:r><w:rPr>\#(properties)</w:rPr><w:t xml:space="preserve">\#(XLSXWriter.escape(text))</w:t></w:r>"#
    }

    static func paragraph(_ runs: String, alignment: String = "both", firstLineChars: Int = 0, exactLine: Int? = linePitch,
                          before: Int = 0, after: Int = 0, extra: String = "", rightChars: Int = 0) -> String {
        var properties = extra
        properties += #"<w:spacing w:before="\#(before)" w:after="\#(after)""# + (exactLine.map { #" w:line="\#($0)" w:lineRule="exact""# } ?? "") + "/>"
        if firstLineChars > 0 || rightChars > 0 {
            properties += "<w:ind" + (firstLineChars > 0 ? #" w:firstLineChars="\#(firstLineChars * 100)" w:firstLine="\#(firstLineChars * 320)""# : "")
                + (rightChars > 0 ? #" w:rightChars="\#(rightChars * 100)" w:right="\#(rightChars * 320)""# : "") + "/>"
        }
        properties += #"<w:jc w:val="\#(alignment)"/>"#
        return "<w:p><w:pPr>\(properties)</w:pPr>\(runs)</w:p>"
    }

    static let body = "仿宋_GB2312", title = "方正小标宋简体", heading = "黑体", pageNumber = "宋体"

    static func body(_ document: Document) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#
        // 版头: the masthead in red, the issue line, then the issuer and date above a red rule.
        xml += paragraph(run(document.masthead, font: title, size: 84, colour: red, spacing: 40), alignment: "center", exactLine: nil, before: 240, after: 120)
        xml += paragraph(run(document.issueLine, font: body, size: 32), alignment: "center")
        let rule = #"<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="4" w:color="\#(red)"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="\#(textWidth)"/></w:tabs>"#
        xml += paragraph(run(document.issuer, font: body, size: 32) + "<w:r><w:tab/></w:r>" + run(document.date, font: body, size: 32),
                         alignment: "left", after: 0, extra: rule)
        // 标题: one blank line below the rule, 2号 小标宋, centred.
        xml += paragraph("", alignment: "center")
        xml += paragraph(run(document.title, font: title, size: 44), alignment: "center", exactLine: 700, after: linePitch)
        for block in document.blocks {
            switch block {
            case .addressee(let text):
                xml += paragraph(run(text, font: body, size: 32), alignment: "left")
            case .heading(let text):
                xml += paragraph(run(text, font: heading, size: 32), firstLineChars: 2)
            case .paragraph(let text):
                xml += paragraph(run(text, font: body, size: 32), firstLineChars: 2)
            case .table(let caption, let columns, let rows, let numeric):
                xml += paragraph(run(caption, font: heading, size: 28), alignment: "center", exactLine: nil, before: 120, after: 60,
                                 extra: #"<w:keepNext/><w:snapToGrid w:val="0"/>"#)
                xml += table(columns: columns, rows: rows, numeric: numeric)
            }
        }
        // 落款: the issuer and date to the right, four characters in from the edge.
        xml += paragraph("", alignment: "left")
        for line in document.signature {
            xml += paragraph(run(line, font: body, size: 32), alignment: "right", rightChars: 4)
        }
        // 版记: between rules at the end.
        xml += paragraph("", alignment: "left")
        let imprintBorders = #"<w:pBdr><w:top w:val="single" w:sz="8" w:space="1" w:color="000000"/><w:bottom w:val="single" w:sz="8" w:space="1" w:color="000000"/></w:pBdr>"#
        xml += paragraph(run(document.imprint, font: body, size: 28), alignment: "left", extra: "<w:keepLines/>" + imprintBorders)
        xml += #"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>"#
            + #"<w:pgSz w:w="\#(pageWidth)" w:h="\#(pageHeight)"/>"#
            + #"<w:pgMar w:top="\#(marginTop)" w:right="\#(marginOutside)" w:bottom="\#(marginBottom)" w:left="\#(marginInside)" w:header="851" w:footer="992" w:gutter="0"/>"#
            + #"<w:pgNumType w:fmt="decimal" w:start="1"/><w:docGrid w:type="lines" w:linePitch="\#(linePitch)"/></w:sectPr>"#
        xml += "</w:body></w:document>"
        return xml
    }

    /// A bordered table the width of the type area: number columns are narrow, the text columns
    /// share the rest; the header row repeats on every page.
    static func table(columns: [String], rows: [[String]], numeric: [Bool]) -> String {
        let isNumeric = columns.indices.map { $0 < numeric.count && numeric[$0] }
        let numericCount = isNumeric.count { $0 }
        let textCount = max(1, columns.count - numericCount)
        // Number columns are narrow (a heading of four characters wraps to two lines); text
        // columns share what is left.
        let numericWidth = min(640, textWidth / max(1, columns.count))
        let textWidthEach = (textWidth - numericWidth * numericCount) / textCount
        let widths = isNumeric.map { $0 ? numericWidth : textWidthEach }
        func cell(_ text: String, width: Int, bold: Bool, centred: Bool) -> String {
            "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                + paragraph(run(text, font: body, size: 24, bold: bold), alignment: centred ? "center" : "left", exactLine: nil,
                            extra: #"<w:snapToGrid w:val="0"/>"#)
                + "</w:tc>"
        }
        var xml = #"<w:tbl><w:tblPr><w:tblW w:w="\#(textWidth)" w:type="dxa"/><w:jc w:val="center"/>"#
            + #"<w:tblBorders><w:top w:val="single" w:sz="4" w:color="000000"/><w:left w:val="single" w:sz="4" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:color="000000"/><w:right w:val="single" w:sz="4" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:color="000000"/></w:tblBorders>"#
            + #"<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#
        xml += widths.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined() + "</w:tblGrid>"
        xml += #"<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"#
        xml += zip(columns, widths).map { cell($0, width: $1, bold: true, centred: true) }.joined() + "</w:tr>"
        for row in rows {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            xml += widths.indices.map { index in cell(index < row.count ? row[index] : "", width: widths[index], bold: false, centred: isNumeric[index]) }.joined()
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    static func footer(alignment: String, indent: String) -> String {
        let size = 28
        let font = #"<w:rPr><w:rFonts w:ascii="\#(pageNumber)" w:hAnsi="\#(pageNumber)" w:eastAsia="\#(pageNumber)"/><w:sz w:val="\#(size)"/></w:rPr>"#
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:ind \#(indent)/><w:jc w:val="\#(alignment)"/></w:pPr>"#
            + #"<w:r>\#(font)<w:t xml:space="preserve">— </w:t></w:r><w:r>\#(font)<w:fldChar w:fldCharType="begin"/></w:r><w:r>\#(font)<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>\#(font)<w:fldChar w:fldCharType="separate"/></w:r><w:r>\#(font)<w:t>1</w:t></w:r><w:r>\#(font)<w:fldChar w:fldCharType="end"/></w:r><w:r>\#(font)<w:t xml:space="preserve"> —</w:t></w:r>"#
            + "</w:p></w:ftr>"
    }

    // MARK: Package parts

    static let contentTypes = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#

    static let packageRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#

    static let documentRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/></Relationships>"#

    static let appProperties = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Luoshi</Application></Properties>"#

    static func coreProperties(title: String, subject: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\#(XLSXWriter.escape(title))</dc:title><dc:subject>\#(XLSXWriter.escape(subject))</dc:subject><dc:creator>Luoshi</dc:creator></cp:coreProperties>"#
    }

    /// Odd and even pages get their own footers (page numbers to the outside edge).
    static let settings = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="640"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#

    /// The body defaults to 3号 仿宋_GB2312.
    static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#

    /// The GB/T 9704 faces with the common faces that stand in for them (altName).
    static let fontTable = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font><w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="variable"/></w:font><w:font w:name="黑体"><w:altName w:val="SimHei"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font><w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font><w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"#
}
