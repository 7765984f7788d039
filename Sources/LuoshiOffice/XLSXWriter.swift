import Foundation
import ZIPFoundation

/// Writes a one-sheet workbook that Excel, WPS and LibreOffice open: a bold, frozen header row,
/// set column widths, wrapped text and inline strings (no shared-string table to keep in step).
public enum XLSXWriter {
    public struct Column: Sendable {
        public var title: String
        /// Width in characters (a CJK character counts about 2).
        public var width: Double

        public init(_ title: String, width: Double) {
            self.title = title
            self.width = width
        }
    }

    public static func write(sheetName: String, columns: [Column], rows: [[String]]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", contentTypes)
        try add("_rels/.rels", packageRelationships)
        try add("docProps/app.xml", appProperties)
        try add("docProps/core.xml", coreProperties)
        try add("xl/workbook.xml", workbook(sheetName))
        try add("xl/_rels/workbook.xml.rels", workbookRelationships)
        try add("xl/styles.xml", styles)
        try add("xl/worksheets/sheet1.xml", worksheet(columns: columns, rows: rows))
        guard let data = archive.data else { throw OfficeError.malformed(part: "package", reason: "could not be written") }
        return data
    }

    /// Entries carry a fixed time so the same content gives the same bytes.
    static let fixedDate = Date(timeIntervalSince1970: 1_672_531_200)

    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            // Control characters are not allowed in XML 1.0.
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): continue
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    static func worksheet(columns: [Column], rows: [[String]]) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        let lastColumn = Sheet.columnLetter(max(columns.count - 1, 0))
        xml += #"<dimension ref="A1:\#(lastColumn)\#(rows.count + 1)"/>"#
        xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        xml += #"<sheetFormatPr defaultRowHeight="15"/><cols>"#
        for (index, column) in columns.enumerated() {
            xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(column.width)" customWidth="1"/>"#
        }
        xml += "</cols><sheetData>"
        func row(_ number: Int, _ cells: [String], style: Int) {
            xml += #"<row r="\#(number)">"#
            for (index, cell) in cells.enumerated() {
                let reference = "\(Sheet.columnLetter(index))\(number)"
                xml += #"<c r="\#(reference)" t="inlineStr" s="\#(style)"><is><t xml:space="preserve">\#(escape(cell))</t></is></c>"#
            }
            xml += "</row>"
        }
        row(1, columns.map(\.title), style: 1)
        for (index, cells) in rows.enumerated() { row(index + 2, cells, style: 2) }
        xml += "</sheetData>"
        if !rows.isEmpty { xml += #"<autoFilter ref="A1:\#(lastColumn)\#(rows.count + 1)"/>"# }
        xml += #"<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        xml += #"<pageSetup paperSize="9" orientation="landscape"/></worksheet>"#
        return xml
    }

    static func workbook(_ sheetName: String) -> String {
        // Sheet names: at most 31 characters, none of : \ / ? * [ ]
        let name = String(sheetName.filter { !":\\/?*[]".contains($0) }.prefix(31))
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets><sheet name="\#(escape(name.isEmpty ? "Sheet1" : name))" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    }

    static let contentTypes = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#

    static let packageRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#

    static let workbookRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#

    static let appProperties = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Luoshi</Application></Properties>"#

    static let coreProperties = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Luoshi</dc:creator></cp:coreProperties>"#

    /// Style 0 default, 1 the header (bold, shaded, wrapped, bordered), 2 body cells (wrapped, bordered, top-aligned).
    static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
}
