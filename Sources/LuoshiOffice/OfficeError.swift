/// Why a file could not be read. File formats only: no domain words here.
public enum OfficeError: Error, Sendable, Equatable {
    /// The bytes are not the format the name says (not a ZIP, no workbook inside …).
    case notASpreadsheet(String)
    /// The archive has more entries, or inflates to more bytes, than allowed.
    case tooLarge(String)
    /// Text in neither UTF-8 nor GB18030/GBK.
    case unknownEncoding
    /// A part of the package is malformed XML.
    case malformed(part: String, reason: String)
}

/// Bounds on what a reader will inflate, so a small upload cannot become a huge one (zip bomb).
public struct ReadLimits: Sendable {
    public var maximumEntries: Int
    public var maximumUncompressedBytes: UInt64
    public var maximumRows: Int

    public init(maximumEntries: Int = 1_000, maximumUncompressedBytes: UInt64 = 200 * 1024 * 1024, maximumRows: Int = 100_000) {
        self.maximumEntries = maximumEntries
        self.maximumUncompressedBytes = maximumUncompressedBytes
        self.maximumRows = maximumRows
    }
}

/// One sheet as rows of cell texts (dense: missing cells are ""), with merged ranges already
/// filled in so every covered cell carries the range's value. Dates in date-formatted cells are
/// written `YYYY-MM-DD`.
public struct Sheet: Sendable, Equatable {
    public var name: String
    public var rows: [[String]]

    public init(name: String, rows: [[String]]) {
        self.name = name
        self.rows = rows
    }

    /// "A", "B", … "Z", "AA" for a zero-based column index.
    public static func columnLetter(_ index: Int) -> String {
        var index = index
        var letters = ""
        repeat {
            letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
            index = index / 26 - 1
        } while index >= 0
        return letters
    }

    /// The zero-based column of a reference like "AB12".
    public static func columnIndex(of reference: String) -> Int? {
        var index = 0
        var sawLetter = false
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) || (97...122).contains(scalar.value) else { break }
            index = index * 26 + Int((scalar.value & 0xDF) - 64)
            sawLetter = true
        }
        return sawLetter ? index - 1 : nil
    }
}
