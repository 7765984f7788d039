import Foundation

/// Reading a 分工方案 spreadsheet: the rules offices' sheets follow, as pure functions over rows
/// of cell texts. File formats (XLSX, CSV, encodings) are read elsewhere; this turns rows into
/// parts and tasks, and every problem into a message naming its sheet, row and column.
public enum PlanSheetImport {
    /// One sheet's rows: `rows[0]` is spreadsheet row 1.
    public struct Table: Sendable, Equatable {
        public var name: String
        public var rows: [[String]]

        public init(name: String, rows: [[String]]) {
            self.name = name
            self.rows = rows
        }
    }

    public enum Column: String, Sendable, CaseIterable {
        case number, content, leaders, leadUnits, cooperatingUnits, responsibleUnits, deadline, annualTarget, measures, milestones
    }

    /// Header words offices use, for each column.
    public static let headerNames: [Column: [String]] = [
        .number: ["序号", "编号"],
        .content: ["工作任务", "具体内容", "任务内容", "重点任务", "工作内容", "主要任务"],
        .leaders: ["牵头县领导", "责任领导", "牵头领导", "分管县领导", "责任县领导", "分管领导"],
        .leadUnits: ["牵头单位", "牵头部门"],
        .cooperatingUnits: ["配合单位", "配合部门", "协办单位"],
        .responsibleUnits: ["责任单位", "责任部门"],
        .deadline: ["完成时限", "时限", "完成时间"],
        .annualTarget: ["年度目标"],
        .measures: ["工作措施", "推进措施", "主要措施"],
        .milestones: ["节点计划", "时间节点"],
    ]

    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public enum Code: String, Sendable {
            case noHeader = "no_header", emptySheet = "empty_sheet", missingLeadUnit = "missing_lead_unit"
            case badDeadline = "bad_deadline", missingContent = "missing_content", unknownUnit = "unknown_unit"
            case unknownLeader = "unknown_leader", notASpreadsheet = "not_a_spreadsheet", tooLarge = "too_large"
            case duplicateNumber = "duplicate_number"
        }

        public var sheet: String
        /// 1-based, as the spreadsheet shows it.
        public var row: Int
        /// "A", "B", …
        public var column: String
        public var code: Code
        public var message: LocalizedText

        public init(sheet: String, row: Int, column: String, code: Code, message: LocalizedText) {
            self.sheet = sheet
            self.row = row
            self.column = column
            self.code = code
            self.message = message
        }

        public var location: String { "\(sheet)!\(column)\(row)" }
        public var description: String { "\(location) \(code.rawValue): \(message.zh) / \(message.en)" }
    }

    /// A task as read from one row, before unit and leader names are matched.
    public struct Row: Sendable, Hashable {
        public var sheet: String
        public var row: Int
        public var number: TaskNumber
        public var content: String
        public var kind: TaskKind
        public var deadline: CalendarDate?
        public var deadlineText: String
        public var leadUnits: [String]
        public var cooperatingUnits: [String]
        public var leaders: [String]
        public var annualTarget: String?
        public var measures: String?
        public var milestones: [Milestone]
        /// Column letters, for problems found later (unknown names).
        public var leadColumn: String
        public var cooperatingColumn: String
        public var leaderColumn: String
    }

    public struct ReadPart: Sendable, Hashable {
        public var number: Int
        public var title: String
        public var tasks: [Row]
    }

    public struct Reading: Sendable {
        public var parts: [ReadPart]
        public var problems: [Problem]

        public var tasks: [Row] { parts.flatMap(\.tasks) }
    }

    // MARK: Reading the rows

    /// Reads every sheet in order; parts continue across sheets. Sheets that are empty or have
    /// no header (the blank Sheet2 and Sheet3 of many workbooks, a notes sheet) are passed over
    /// when another sheet holds the plan, and are problems when none does.
    public static func read(_ tables: [Table], year: Int) -> Reading {
        var parts: [ReadPart] = []
        var problems: [Problem] = []
        var skipped: [Problem] = []
        for table in tables {
            var sheetProblems: [Problem] = []
            read(table, year: year, parts: &parts, problems: &sheetProblems)
            if sheetProblems.count == 1, [.emptySheet, .noHeader].contains(sheetProblems[0].code) {
                skipped += sheetProblems
            } else {
                problems += sheetProblems
            }
        }
        let tasksRead = parts.contains { !$0.tasks.isEmpty }
        return Reading(parts: parts.filter { !$0.tasks.isEmpty }, problems: (tasksRead ? [] : skipped) + problems)
    }

    private static func read(_ table: Table, year: Int, parts: inout [ReadPart], problems: inout [Problem]) {
        let nonEmpty = table.rows.contains { $0.contains { !$0.isBlank } }
        guard nonEmpty else {
            problems.append(Problem(sheet: table.name, row: 1, column: "A", code: .emptySheet,
                                    message: LocalizedText(zh: "工作表“\(table.name)”是空的", en: "Sheet \"\(table.name)\" is empty")))
            return
        }
        guard let (headerRow, columns) = detectHeader(table.rows) else {
            problems.append(Problem(sheet: table.name, row: 1, column: "A", code: .noHeader, message: LocalizedText(
                zh: "工作表“\(table.name)”前 10 行中找不到表头（如 序号、工作任务、牵头单位、完成时限）",
                en: "Sheet \"\(table.name)\" has no header row in its first 10 rows (such as 序号, 工作任务, 牵头单位, 完成时限)")))
            return
        }
        // 责任单位 is the lead when no 牵头单位 column exists, otherwise it cooperates.
        let leadColumn = columns[.leadUnits] ?? columns[.responsibleUnits]
        let cooperatingColumns = [columns[.cooperatingUnits], columns[.leadUnits] != nil ? columns[.responsibleUnits] : nil].compactMap { $0 }
        let contentColumn = columns[.content] ?? 0
        func letter(_ column: Int?) -> String { column.map(columnLetter) ?? columnLetter(contentColumn) }

        for index in (headerRow + 1)..<table.rows.count {
            let cells = table.rows[index]
            let rowNumber = index + 1
            func cell(_ column: Int?) -> String {
                guard let column, column < cells.count else { return "" }
                return cells[column].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let filled = cells.enumerated().filter { !$0.element.isBlank }
            if filled.isEmpty { continue }
            // One text in the row (or the same text across a merged row).
            let single = Set(filled.map(\.element)).count == 1 ? filled[0].element.trimmingCharacters(in: .whitespacesAndNewlines) : nil
            // A part heading: one text reading like 一、… （一）… 第一部分 …
            if let single, let title = partTitle(single) {
                parts.append(ReadPart(number: parts.count + 1, title: title, tasks: []))
                continue
            }
            // A note under the table: 注：… / 备注：…
            if let single, single.hasPrefix("注") || single.hasPrefix("备注") || single.hasPrefix("说明：") { continue }
            let rawContent = cell(contentColumn)
            let otherFilled = filled.contains { $0.offset != contentColumn && $0.offset != columns[.number] }
            if rawContent.isEmpty {
                if otherFilled {
                    problems.append(Problem(sheet: table.name, row: rowNumber, column: letter(contentColumn), code: .missingContent,
                                            message: LocalizedText(zh: "第 \(rowNumber) 行缺少任务内容", en: "Row \(rowNumber) has no task content")))
                }
                continue
            }
            if parts.isEmpty { parts.append(ReadPart(number: 1, title: table.name, tasks: [])) }
            let inline = InlineOwners(text: stripNumbering(rawContent))
            var leads = splitNames(cell(leadColumn))
            var cooperating = cooperatingColumns.flatMap { splitNames(cell($0)) }
            var leaders = splitNames(cell(columns[.leaders]))
            if leads.isEmpty {
                leads = inline.lead.isEmpty ? inline.responsible : inline.lead
            }
            cooperating += inline.cooperating + (inline.lead.isEmpty ? [] : inline.responsible)
            leaders += inline.leaders
            cooperating = unique(cooperating.filter { !leads.contains($0) })
            leads = unique(leads)
            leaders = unique(leaders)
            if leads.isEmpty {
                problems.append(Problem(sheet: table.name, row: rowNumber, column: letter(leadColumn), code: .missingLeadUnit,
                                        message: LocalizedText(zh: "第 \(rowNumber) 行的任务没有牵头单位", en: "The task in row \(rowNumber) has no lead unit")))
            }
            let deadlineText = cell(columns[.deadline])
            var kind = TaskKind.phased
            var deadline: CalendarDate?
            switch parseDeadline(deadlineText, year: year) {
            case .date(let date): deadline = date
            case .ongoing: kind = .ongoing
            case .none: deadline = CalendarDate(year: year, month: 12, day: 31)
            case .unreadable:
                problems.append(Problem(sheet: table.name, row: rowNumber, column: letter(columns[.deadline]), code: .badDeadline,
                                        message: LocalizedText(zh: "第 \(rowNumber) 行的完成时限“\(deadlineText)”无法识别",
                                                               en: "Row \(rowNumber): the deadline \"\(deadlineText)\" cannot be read")))
            }
            var milestones: [Milestone] = []
            let milestonesText = cell(columns[.milestones])
            if !milestonesText.isEmpty {
                for entry in milestonesText.split(whereSeparator: { "；;\n".contains($0) }) {
                    let words = entry.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
                    if words.count == 2, case .date(let due) = parseDeadline(words[0], year: year) {
                        milestones.append(Milestone(title: words[1], due: due))
                    } else {
                        problems.append(Problem(sheet: table.name, row: rowNumber, column: letter(columns[.milestones]), code: .badDeadline,
                                                message: LocalizedText(zh: "第 \(rowNumber) 行的节点“\(entry)”应写作“日期 内容”",
                                                                       en: "Row \(rowNumber): the milestone \"\(entry)\" should read \"date title\"")))
                    }
                }
            }
            let annualTarget = cell(columns[.annualTarget]).nonBlank ?? (kind == .ongoing ? inline.content : nil)
            // A 序号 written as the task's full number ("3.12", as Luoshi exports) keeps that number, so a
            // re-imported sheet matches tasks by number; other 序号 ("1", "（一）") number rows in order.
            let part = parts.count
            let nextItem = (parts[part - 1].tasks.map(\.number.item).max() ?? 0) + 1
            var item = nextItem
            if let written = TaskNumber(cell(columns[.number])), written.part == part {
                if parts[part - 1].tasks.contains(where: { $0.number == written }) {
                    problems.append(Problem(sheet: table.name, row: rowNumber, column: letter(columns[.number]), code: .duplicateNumber,
                                            message: LocalizedText(zh: "第 \(rowNumber) 行的序号 \(written) 与前面的任务重复",
                                                                   en: "Row \(rowNumber): number \(written) repeats an earlier task")))
                } else {
                    item = written.item
                }
            }
            parts[part - 1].tasks.append(Row(
                sheet: table.name, row: rowNumber, number: TaskNumber(part: part, item: item), content: inline.content,
                kind: kind, deadline: deadline, deadlineText: deadlineText, leadUnits: leads, cooperatingUnits: cooperating,
                leaders: leaders, annualTarget: annualTarget, measures: cell(columns[.measures]).nonBlank,
                milestones: milestones.sorted { $0.due < $1.due },
                leadColumn: letter(leadColumn), cooperatingColumn: letter(cooperatingColumns.first ?? leadColumn),
                leaderColumn: letter(columns[.leaders] ?? contentColumn)))
        }
    }

    /// The first row among the first ten naming at least two known columns, and where each is.
    public static func detectHeader(_ rows: [[String]]) -> (row: Int, columns: [Column: Int])? {
        for (index, row) in rows.prefix(10).enumerated() {
            var columns: [Column: Int] = [:]
            for (position, cell) in row.enumerated() {
                let name = cell.filter { !$0.isWhitespace }
                for (column, names) in headerNames where columns[column] == nil && names.contains(name) {
                    columns[column] = position
                }
            }
            if columns.count >= 2 { return (index, columns) }
        }
        return nil
    }

    public static func columnLetter(_ index: Int) -> String {
        var index = index
        var letters = ""
        repeat {
            letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
            index = index / 26 - 1
        } while index >= 0
        return letters
    }

    // MARK: Parts and numbering

    private static let chineseDigits: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零"]

    /// "一、主要预期目标", "（一）…", "(一)…", "第一部分 …", "第二部分：…" → the title; nil otherwise.
    public static func partTitle(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("第"), let range = trimmed.range(of: "部分") {
            let numeral = trimmed[trimmed.index(after: trimmed.startIndex)..<range.lowerBound]
            if !numeral.isEmpty, numeral.allSatisfy({ chineseDigits.contains($0) || $0.isASCII && $0.isNumber }) {
                return cleanTitle(trimmed[range.upperBound...])
            }
        }
        let numeral = trimmed.prefix { chineseDigits.contains($0) }
        if !numeral.isEmpty {
            let rest = trimmed.dropFirst(numeral.count)
            if let first = rest.first, "、.．".contains(first) { return cleanTitle(rest.dropFirst()) }
        }
        for (open, close) in [("（", "）"), ("(", ")")] where trimmed.hasPrefix(open) {
            let inner = trimmed.dropFirst().prefix { String($0) != close }
            if !inner.isEmpty, inner.allSatisfy({ chineseDigits.contains($0) }),
               trimmed.dropFirst(1 + inner.count).hasPrefix(close) {
                return cleanTitle(trimmed.dropFirst(2 + inner.count))
            }
        }
        return nil
    }

    private static func cleanTitle(_ text: Substring) -> String? {
        let title = String(text).trimmingCharacters(in: CharacterSet(charactersIn: "：:、 　").union(.whitespacesAndNewlines))
        return title.isEmpty ? nil : title
    }

    /// Drops leading numbering: "1." "1、" "1．" "(1)" "（1）" "（一）" "一、".
    public static func stripNumbering(_ text: String) -> String {
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        for (open, close) in [("（", "）"), ("(", ")")] where rest.hasPrefix(open) {
            let inner = rest.dropFirst().prefix { String($0) != close }
            if !inner.isEmpty, inner.count <= 4, inner.allSatisfy({ $0.isNumber || chineseDigits.contains($0) }),
               rest.dropFirst(1 + inner.count).hasPrefix(close) {
                rest = rest.dropFirst(2 + inner.count)
                return String(rest).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        let digits = rest.prefix { $0.isNumber || chineseDigits.contains($0) }
        if !digits.isEmpty, digits.count <= 4 {
            let after = rest.dropFirst(digits.count)
            if let first = after.first, "、.．".contains(first) {
                // "1.5万亩" is not numbering: a digit right after the dot means a decimal.
                let next = after.dropFirst().first
                if !(first == "." && (next?.isNumber ?? false)) {
                    return String(after.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
                }
            }
        }
        return String(rest)
    }

    // MARK: Owners

    /// Names packed in one cell: separated by 、，,；; or white space.
    public static func splitNames(_ cell: String) -> [String] {
        cell.split(whereSeparator: { "、，,；;/／".contains($0) || $0.isWhitespace })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "。.")) }
            .filter { !$0.isEmpty }
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    /// Owners written inside the task text: "(牵头单位:市经贸委;配合单位:市发改委、国土房管局)" or a
    /// trailing "牵头单位:区发改局 责任单位:…". The owners are removed from the content.
    public struct InlineOwners: Sendable, Equatable {
        public var content: String
        public var lead: [String] = []
        public var cooperating: [String] = []
        public var responsible: [String] = []
        public var leaders: [String] = []

        enum Slot: Sendable { case lead, cooperating, responsible, leaders }

        static let keys: [(String, Slot)] = [
            ("牵头单位", .lead), ("牵头部门", .lead), ("配合单位", .cooperating), ("配合部门", .cooperating),
            ("责任单位", .responsible), ("责任部门", .responsible), ("责任领导", .leaders), ("牵头县领导", .leaders),
            ("牵头领导", .leaders), ("分管县领导", .leaders),
        ]

        private mutating func append(_ names: [String], to slot: Slot) {
            switch slot {
            case .lead: lead += names
            case .cooperating: cooperating += names
            case .responsible: responsible += names
            case .leaders: leaders += names
            }
        }

        public init(text: String) {
            content = text
            // Find the earliest key followed by a colon; everything from there (or from the
            // bracket before it) is the owners' part.
            var earliest: (String.Index, String.Index)?  // (cut start, first key start)
            for (key, _) in Self.keys {
                var searchStart = text.startIndex
                while let range = text.range(of: key, range: searchStart..<text.endIndex) {
                    searchStart = range.upperBound
                    guard let colon = text[range.upperBound...].first, colon == ":" || colon == "：" else { continue }
                    var cut = range.lowerBound
                    let before = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                    if before.hasSuffix("(") || before.hasSuffix("（") {
                        cut = text[..<range.lowerBound].lastIndex { $0 == "(" || $0 == "（" } ?? range.lowerBound
                    }
                    if earliest == nil || cut < earliest!.0 { earliest = (cut, range.lowerBound) }
                    break
                }
            }
            guard let (cut, ownersStart) = earliest else { return }
            let owners = text[ownersStart...].trimmingCharacters(in: CharacterSet(charactersIn: ")）。 ").union(.whitespaces))
            content = String(text[..<cut]).trimmingCharacters(in: .whitespacesAndNewlines)
            // Split owners into "key:value" segments at each key.
            var segments: [(Slot, String)] = []
            var index = owners.startIndex
            var current: (Slot, String.Index)?
            while index < owners.endIndex {
                if let (key, path) = Self.keys.first(where: { owners[index...].hasPrefix($0.0 + ":") || owners[index...].hasPrefix($0.0 + "：") }) {
                    if let current { segments.append((current.0, String(owners[current.1..<index]))) }
                    let valueStart = owners.index(index, offsetBy: key.count + 1)
                    current = (path, valueStart)
                    index = valueStart
                    continue
                }
                index = owners.index(after: index)
            }
            if let current { segments.append((current.0, String(owners[current.1...]))) }
            for (slot, value) in segments {
                append(PlanSheetImport.splitNames(value.trimmingCharacters(in: CharacterSet(charactersIn: "；;)）").union(.whitespaces))), to: slot)
            }
        }
    }

    // MARK: Deadlines

    public enum DeadlineReading: Sendable, Equatable {
        case date(CalendarDate)
        case ongoing
        case none
        case unreadable
    }

    /// "2023-06-30", "2023/6/30", "2023年6月30日", "2023年6月底前", "6月底前", "年底前", "年内",
    /// "第一季度", "上半年", "三季度末", "长期坚持", "持续推进"; empty → `.none`.
    public static func parseDeadline(_ text: String, year: Int) -> DeadlineReading {
        let value = text.filter { !$0.isWhitespace }
        if value.isEmpty { return .none }
        if ["长期坚持", "长期", "持续推进", "长期推进", "持续", "常态化推进"].contains(value) { return .ongoing }
        if ["年底前", "年内", "年底", "全年", "年底完成", "12月底前"].contains(value) {
            return CalendarDate(year: year, month: 12, day: 31).map(DeadlineReading.date) ?? .unreadable
        }
        let quarters: [(String, Int)] = [("第一季度", 3), ("一季度", 3), ("上半年", 6), ("第二季度", 6), ("二季度", 6),
                                         ("第三季度", 9), ("三季度", 9), ("三季度末", 9), ("前三季度", 9), ("第四季度", 12),
                                         ("四季度", 12), ("下半年", 12)]
        for (word, month) in quarters where value == word || value == word + "末" || value == word + "前" || value == word + "内" {
            return lastDay(year: year, month: month)
        }
        // Numbers: "2023-06-30", "2023/6/30", "2023.6.30", "2023年6月30日", "2023年6月底前", "6月底前", "6月"
        let digits = value.split(whereSeparator: { !$0.isNumber || !$0.isASCII }).compactMap { Int($0) }
        switch digits.count {
        case 3:
            guard let date = CalendarDate(year: digits[0], month: digits[1], day: digits[2]) else { return .unreadable }
            return .date(date)
        case 2 where digits[0] > 1900:
            return value.contains("月") || value.contains("-") || value.contains("/") ? lastDay(year: digits[0], month: digits[1]) : .unreadable
        case 1 where value.contains("月") && (1...12).contains(digits[0]):
            return lastDay(year: year, month: digits[0])
        default:
            return .unreadable
        }
    }

    private static func lastDay(year: Int, month: Int) -> DeadlineReading {
        guard (1...12).contains(month), let date = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)) else {
            return .unreadable
        }
        return .date(date)
    }
}
