/// Reads CSV as offices write it: RFC 4180 quotes, cells spanning lines, CRLF or LF, and the
/// comma, semicolon or tab as separator (whichever the header line uses most).
public enum CSVReader {
    public static func read(_ text: String, sheetName: String = "CSV") -> Sheet {
        // A byte-order mark left in the text (Excel and WPS write one) is not part of the first cell.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let separator = detectSeparator(text)
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var inQuotes = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = iterator.next()
        while let character = pending {
            pending = iterator.next()
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" {
                        cell.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    cell.append(character)
                }
                continue
            }
            switch character {
            case "\"" where cell.isEmpty:
                inQuotes = true
            case separator:
                row.append(cell)
                cell = ""
            case "\r\n", "\n", "\r":
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            default:
                cell.append(character)
            }
        }
        if !cell.isEmpty || !row.isEmpty {
            row.append(cell)
            rows.append(row)
        }
        let width = rows.map(\.count).max() ?? 0
        return Sheet(name: sheetName, rows: rows.map { $0 + Array(repeating: "", count: width - $0.count) })
    }

    static func detectSeparator(_ text: String) -> Character {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let candidates: [Character] = [",", "\t", ";"]
        return candidates.max { lhs, rhs in firstLine.count { $0 == lhs } < firstLine.count { $0 == rhs } } ?? ","
    }
}
