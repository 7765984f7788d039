import Foundation

/// CSV as offices open it: RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark so Excel
/// and WPS read Chinese correctly, and cells that a spreadsheet would run as a formula
/// (starting with = + - @, tab or carriage return) prefixed with an apostrophe.
public enum CSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func render(header: [String], rows: [[String]]) -> String {
        var output = byteOrderMark
        for row in [header] + rows {
            output += row.map(cell).joined(separator: ",")
            output += "\r\n"
        }
        return output
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
