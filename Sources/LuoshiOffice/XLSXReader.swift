import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the sheets of an Office Open XML workbook (.xlsx, as Excel, WPS and LibreOffice save
/// it): shared and inline strings, numbers, booleans, dates in date-formatted cells, and merged
/// ranges. Formulas give their cached value. Styles other than date formats are ignored.
public enum XLSXReader {
    public static func read(_ data: Data, limits: ReadLimits = ReadLimits()) throws(OfficeError) -> [Sheet] {
        let archive: Archive
        do {
            guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { throw OfficeError.notASpreadsheet("not a ZIP package") }
            archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        } catch {
            throw .notASpreadsheet("not a ZIP package")
        }
        var entries: [String: Entry] = [:]
        var total: UInt64 = 0
        for entry in archive {
            entries[entry.path] = entry
            total += entry.uncompressedSize
            if entries.count > limits.maximumEntries { throw .tooLarge("more than \(limits.maximumEntries) entries") }
            if total > limits.maximumUncompressedBytes { throw .tooLarge("inflates to more than \(limits.maximumUncompressedBytes) bytes") }
        }
        func part(_ path: String) throws(OfficeError) -> Data? {
            guard let entry = entries[path] else { return nil }
            var content = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { content.append($0) }
            } catch {
                throw .malformed(part: path, reason: "cannot inflate")
            }
            return content
        }
        guard let workbook = try part("xl/workbook.xml") else { throw .notASpreadsheet("no xl/workbook.xml") }
        let sheets = try WorkbookParser.parse(workbook)
        let relations = try part("xl/_rels/workbook.xml.rels").map(RelationshipsParser.parse) ?? [:]
        let strings = try part("xl/sharedStrings.xml").map(SharedStringsParser.parse) ?? []
        let dateStyles = try part("xl/styles.xml").map(StylesParser.dateStyleIndexes) ?? []
        var result: [Sheet] = []
        for (name, relationID) in sheets {
            guard let target = relations[relationID] else { continue }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let xml = try part(path) else { throw .malformed(part: path, reason: "sheet missing") }
            let rows = try SheetParser.parse(xml, part: path, strings: strings, dateStyles: dateStyles, limits: limits)
            result.append(Sheet(name: name, rows: rows))
        }
        return result
    }
}

// MARK: - Parts

/// A small event parser base: subclasses override `start` and `end`. (The delegate methods
/// live here: on Linux only the conforming class's own methods are the protocol's witnesses.)
class PartParser: NSObject, XMLParserDelegate {
    var text = ""
    var failure: String?
    private(set) weak var currentParser: XMLParser?

    func start(_ name: String, _ attributes: [String: String]) {}
    func end(_ name: String) {}

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        currentParser = parser
        start(name, attributes)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        end(name)
    }

    func parse(_ data: Data, part: String) throws(OfficeError) {
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldResolveExternalEntities = false
        if !parser.parse() {
            throw .malformed(part: part, reason: failure ?? parser.parserError.map { "\($0)" } ?? "invalid XML")
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

final class WorkbookParser: PartParser {
    var sheets: [(String, String)] = []

    static func parse(_ data: Data) throws(OfficeError) -> [(String, String)] {
        let parser = WorkbookParser()
        try parser.parse(data, part: "xl/workbook.xml")
        return parser.sheets
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        guard name == "sheet" || name.hasSuffix(":sheet") else { return }
        let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
        sheets.append((attributes["name"] ?? "Sheet\(sheets.count + 1)", id))
    }
}

final class RelationshipsParser: PartParser {
    var targets: [String: String] = [:]

    static func parse(_ data: Data) throws(OfficeError) -> [String: String] {
        let parser = RelationshipsParser()
        try parser.parse(data, part: "xl/_rels/workbook.xml.rels")
        return parser.targets
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
}

final class SharedStringsParser: PartParser {
    var strings: [String] = []
    var current = ""
    var inPhonetic = false

    static func parse(_ data: Data) throws(OfficeError) -> [String] {
        let parser = SharedStringsParser()
        try parser.parse(data, part: "xl/sharedStrings.xml")
        return parser.strings
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t": text = ""
        default: break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "t" where !inPhonetic: current += text
        case "rPh": inPhonetic = false
        case "si": strings.append(current)
        default: break
        }
    }
}

/// Which cell style indexes (`s` attributes) show a date.
final class StylesParser: PartParser {
    var customDateFormats: Set<Int> = []
    var cellFormats: [Int] = []
    var inCellXfs = false

    static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47).union(27...36).union(50...58)

    static func dateStyleIndexes(_ data: Data) throws(OfficeError) -> Set<Int> {
        let parser = StylesParser()
        try parser.parse(data, part: "xl/styles.xml")
        let dates = builtInDateFormats.union(parser.customDateFormats)
        return Set(parser.cellFormats.enumerated().filter { dates.contains($0.element) }.map(\.offset))
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"], Self.isDateFormat(code) {
                customDateFormats.insert(id)
            }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    override func end(_ name: String) {
        if name == "cellXfs" { inCellXfs = false }
    }

    /// A format with y, m or d outside quotes and brackets (so "0.00" is not, "yyyy-mm-dd" is).
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false
        for character in code.lowercased() {
            switch character {
            case "\"": inQuotes.toggle()
            case "[": inBrackets = true
            case "]": inBrackets = false
            case "y", "d", "m": if !inQuotes && !inBrackets { return true }
            default: continue
            }
        }
        return false
    }
}

final class SheetParser: PartParser {
    let strings: [String]
    let dateStyles: Set<Int>
    let limits: ReadLimits
    var rows: [Int: [Int: String]] = [:]
    var merges: [String] = []
    var row = 0
    var column = 0
    var type = ""
    var style = 0
    var value = ""
    var inValue = false
    var inInline = false
    var nextRow = 1

    init(strings: [String], dateStyles: Set<Int>, limits: ReadLimits) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.limits = limits
    }

    static func parse(_ data: Data, part: String, strings: [String], dateStyles: Set<Int>, limits: ReadLimits) throws(OfficeError) -> [[String]] {
        let parser = SheetParser(strings: strings, dateStyles: dateStyles, limits: limits)
        try parser.parse(data, part: part)
        return parser.denseRows()
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "row":
            row = attributes["r"].flatMap(Int.init) ?? nextRow
            nextRow = row + 1
            column = 0
            if row > limits.maximumRows {
                failure = "more than \(limits.maximumRows) rows"
                currentParser?.abortParsing()
            }
        case "c":
            column = attributes["r"].flatMap(Sheet.columnIndex(of:)) ?? column
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
        case "v":
            text = ""
            inValue = true
        case "is":
            inInline = true
            value = ""
        case "t" where inInline:
            text = ""
        case "mergeCell":
            if let reference = attributes["ref"] { merges.append(reference) }
        default:
            break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "v":
            value = text
            inValue = false
        case "t" where inInline:
            value += text
        case "is":
            inInline = false
        case "c":
            rows[row, default: [:]][column] = cellText()
            column += 1
        default:
            break
        }
    }

    private func cellText() -> String {
        switch type {
        case "s": return Int(value).flatMap { $0 < strings.count ? strings[$0] : nil } ?? ""
        case "inlineStr", "str": return value
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "e": return ""
        default:
            if dateStyles.contains(style), let serial = Double(value) { return Self.isoDate(serial: serial) ?? value }
            if let number = Double(value), number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return value
        }
    }

    /// Excel's 1900 date system: serial 1 is 1900-01-01, with the fictional 1900-02-29.
    static func isoDate(serial: Double) -> String? {
        guard serial >= 1, serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down))
        let base = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                  year: 1899, month: 12, day: 30)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let start = calendar.date(from: base),
              let date = calendar.date(byAdding: .day, value: days < 60 ? days + 1 : days, to: start) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = c.year, let month = c.month, let day = c.day else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Rows 1…n, columns 0…m, with merged ranges filled from their top-left cell.
    private func denseRows() -> [[String]] {
        for reference in merges {
            let ends = reference.split(separator: ":").map(String.init)
            guard ends.count == 2, let (firstRow, firstColumn) = Self.cell(ends[0]), let (lastRow, lastColumn) = Self.cell(ends[1]),
                  lastRow - firstRow < 10_000, lastColumn - firstColumn < 1_000 else { continue }
            let value = rows[firstRow]?[firstColumn] ?? ""
            for row in firstRow...lastRow {
                for column in firstColumn...lastColumn { rows[row, default: [:]][column] = value }
            }
        }
        guard let lastRow = rows.keys.max() else { return [] }
        let width = (rows.values.compactMap { $0.keys.max() }.max() ?? -1) + 1
        return (1...lastRow).map { row in (0..<width).map { rows[row]?[$0] ?? "" } }
    }

    static func cell(_ reference: String) -> (Int, Int)? {
        guard let column = Sheet.columnIndex(of: reference), let row = Int(reference.drop { $0.isLetter }) else { return nil }
        return (row, column)
    }
}
