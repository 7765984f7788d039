import Foundation

/// 月通报: a round's bulletin. Its numbers come from a frozen snapshot of verified data taken at a
/// stated time (`Snapshot`), its free texts are edited by the office (`Texts`), and `document`
/// lays both out as the sections of a 督查通报 — the HTML page, the print view and the Word file
/// all render that one document, so they cannot disagree. Pure.
public enum Bulletin {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case draft, published
    }

    /// A task named in the bulletin (lagging or overdue), with its lead units.
    public struct TaskLine: Sendable, Hashable, Codable {
        public var number: TaskNumber
        public var content: String
        public var leadUnits: [String]
        public var verified: Double?
        public var expected: Double
    }

    /// A lead unit whose reports in the round were missing or late.
    public struct Reporting: Sendable, Hashable, Codable {
        public var unit: String
        public var missing: Int
        public var late: Int

        public init(unit: String, missing: Int, late: Int) {
            self.unit = unit
            self.missing = missing
            self.late = late
        }
    }

    /// 通报批评: a unit named with the reason, carried into the next bulletin.
    public struct Criticism: Sendable, Hashable, Codable {
        /// The recorded 通报批评 step, marked as carried when the bulletin is published.
        public var id: UUID?
        public var unit: String
        public var reason: String

        public init(id: UUID? = nil, unit: String, reason: String) {
            self.id = id
            self.unit = unit
            self.reason = reason
        }
    }

    /// What a lead unit did in the round for one task: whether its report counts as submitted,
    /// and whether it came late.
    public struct ReportFact: Sendable, Hashable {
        public var taskID: UUID
        public var unitID: UUID
        public var submitted: Bool
        public var late: Bool

        public init(taskID: UUID, unitID: UUID, submitted: Bool, late: Bool) {
            self.taskID = taskID
            self.unitID = unitID
            self.submitted = submitted
            self.late = late
        }
    }

    /// The numbers of a bulletin, frozen when taken: viewing or regenerating the bulletin later
    /// reads these, never the live reports.
    public struct Snapshot: Sendable, Hashable, Codable {
        public var month: YearMonth
        /// The date the ledger was computed for (the round's due date).
        public var asOf: CalendarDate
        /// When the snapshot was taken.
        public var takenAt: Date
        public var ruleSet: String
        public var overall: BulletinFigures.Tally
        public var byPart: [BulletinFigures.Line]
        public var byLeader: [BulletinFigures.Line]
        public var byUnit: [BulletinFigures.Line]
        public var lagging: [TaskLine]
        public var overdue: [TaskLine]
        public var reporting: [Reporting]
        public var praised: [String]
        public var criticisms: [Criticism]
        /// Every task's verified state, for the public progress pages (nil in snapshots taken
        /// before it was kept).
        public var tasks: [TaskState]?
    }

    /// A task as the bulletin verified it: its colour, status and verified progress.
    public struct TaskState: Sendable, Hashable, Codable {
        public var taskID: UUID
        public var colour: Colour
        public var status: ProgressStatus
        public var verified: Double?

        public init(taskID: UUID, colour: Colour, status: ProgressStatus, verified: Double?) {
            self.taskID = taskID
            self.colour = colour
            self.status = status
            self.verified = verified
        }
    }

    /// Takes a snapshot of `rows` (the ledger as of the round's due date) and the round's
    /// `reports`; `criticisms` are those recorded since the last published bulletin.
    public static func snapshot(month: YearMonth, asOf: CalendarDate, takenAt: Date, ruleSet: String, rows: [Ledger.Row],
                                parts: [Part], leaders: [Leader], units: [Unit], reports: [ReportFact],
                                criticisms: [Criticism]) -> Snapshot {
        let unitsByID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func line(_ row: Ledger.Row) -> TaskLine {
            TaskLine(number: row.task.number, content: row.task.content, leadUnits: row.task.leadUnitIDs.compactMap { unitsByID[$0]?.shortName },
                     verified: row.verified, expected: (row.expected * 10).rounded() / 10)
        }
        let reporting = reportingByUnit(reports, units: units)
        return Snapshot(month: month, asOf: asOf, takenAt: takenAt, ruleSet: ruleSet, overall: BulletinFigures.tally(rows),
                        byPart: BulletinFigures.byPart(rows, parts: parts), byLeader: BulletinFigures.byLeader(rows, leaders: leaders),
                        byUnit: BulletinFigures.byUnit(rows, units: units),
                        lagging: BulletinFigures.tasks(rows, in: .lagging).map(line), overdue: BulletinFigures.tasks(rows, in: .overdue).map(line),
                        reporting: reporting, praised: praised(rows, units: units, reporting: reporting), criticisms: criticisms,
                        tasks: rows.map { TaskState(taskID: $0.task.id, colour: $0.colour, status: $0.status, verified: $0.verified) })
    }

    /// Lead units with missing or late reports, in the directory's order.
    public static func reportingByUnit(_ reports: [ReportFact], units: [Unit]) -> [Reporting] {
        units.compactMap { unit in
            let mine = reports.filter { $0.unitID == unit.id }
            let missing = mine.count { !$0.submitted }
            let late = mine.count { $0.submitted && $0.late }
            return missing + late == 0 ? nil : Reporting(unit: unit.shortName, missing: missing, late: late)
        }
    }

    /// Units proposed for praise: every task they lead is completed, ahead or on track, at least
    /// one is completed or ahead, and all their reports came in on time. Most completed-or-ahead
    /// first, at most ten.
    public static func praised(_ rows: [Ledger.Row], units: [Unit], reporting: [Reporting]) -> [String] {
        let flagged = Set(reporting.map(\.unit))
        let good: Set<ProgressStatus> = [.completed, .ahead, .onTrack]
        let candidates: [(name: String, strong: Int)] = units.compactMap { unit in
            let led = rows.filter { $0.task.leadUnitIDs.contains(unit.id) }
            guard !led.isEmpty, !flagged.contains(unit.shortName), led.allSatisfy({ good.contains($0.status) }) else { return nil }
            let strong = led.count { $0.status == .completed || $0.status == .ahead }
            return strong == 0 ? nil : (unit.shortName, strong)
        }
        return candidates.enumerated().sorted { ($0.element.strong, -$0.offset) > ($1.element.strong, -$1.offset) }
            .prefix(10).map(\.element.name)
    }

    /// Drafts are for the office, the leaders and internal viewers; units read published issues.
    public static func draftsVisible(to role: Role) -> Bool { [.supervisor, .leader, .viewer].contains(role) }

    // MARK: Texts

    /// The texts the office edits before publishing.
    public struct Texts: Sendable, Hashable, Codable {
        public var title: String
        /// 导语: why and on what data.
        public var intro: String
        /// 表扬: may be empty (no praise section).
        public var praise: String
        /// 下步工作要求.
        public var requirements: String
        /// 内部备注: shown to internal users only, never in the public version or the Word file.
        public var internalNote: String
        /// The issuing office as signed (落款).
        public var issuer: String
        public var signedOn: CalendarDate

        public init(title: String, intro: String, praise: String, requirements: String, internalNote: String, issuer: String,
                    signedOn: CalendarDate) {
            self.title = title
            self.intro = intro
            self.praise = praise
            self.requirements = requirements
            self.internalNote = internalNote
            self.issuer = issuer
            self.signedOn = signedOn
        }
    }

    /// The office that issues a jurisdiction's bulletins, e.g. 沂水县人民政府督查室.
    public static func issuer(jurisdictionName: String) -> String { "\(jurisdictionName)人民政府督查室" }

    /// The texts a new bulletin starts with; `dueDay` is the monthly reporting day.
    public static func defaultTexts(_ snapshot: Snapshot, issuer: String, signedOn: CalendarDate, dueDay: Int) -> Texts {
        let month = snapshot.month
        let praise = snapshot.praised.isEmpty ? ""
            : "\(snapshot.praised.joined(separator: "、"))\(snapshot.praised.count > 1 ? "等\(snapshot.praised.count)个单位" : "")牵头的任务均达到或超过序时进度，且按时报送进展情况，予以通报表扬。"
        return Texts(
            title: "关于\(month.year)年\(month.month)月份政府工作报告重点任务落实情况的通报",
            intro: "为推动政府工作报告确定的各项重点任务落实落地，\(issuer)对\(month.year)年\(month.month)月份重点任务推进情况进行了调度。"
                + "本期数据以牵头单位报送、督查室核实的进度为准，截至\(snapshot.asOf.chinese)。现将有关情况通报如下：",
            praise: praise,
            requirements: "各牵头单位要对照本期通报，逐项查找差距、分析原因，倒排工期、挂图作战，确保滞后任务尽快赶上序时进度。"
                + "主要负责同志要亲自研究、亲自调度，配合单位要主动对接、密切协作。"
                + "请各单位于下月\(dueDay)日前按时报送进展情况，督查室将对进度滞后、逾期未完成的任务跟进督办。",
            internalNote: "", issuer: issuer, signedOn: signedOn)
    }

    /// The longest a title may be, and any other text.
    public static let maximumTitleLength = 100
    public static let maximumTextLength = 4_000

    /// The editable texts as a form posts them.
    public struct Form: Sendable, Hashable {
        public var title: String
        public var intro: String
        public var praise: String
        public var requirements: String
        public var internalNote: String
        public var issuer: String
        public var signedOn: String

        public init(title: String, intro: String, praise: String, requirements: String, internalNote: String, issuer: String, signedOn: String) {
            self.title = title
            self.intro = intro
            self.praise = praise
            self.requirements = requirements
            self.internalNote = internalNote
            self.issuer = issuer
            self.signedOn = signedOn
        }

        public init(_ texts: Texts) {
            self.init(title: texts.title, intro: texts.intro, praise: texts.praise, requirements: texts.requirements,
                      internalNote: texts.internalNote, issuer: texts.issuer, signedOn: texts.signedOn.iso)
        }
    }

    /// Checks a posted form: a title, an introduction, requirements and an issuer are needed, the
    /// signing date is a date, nothing is too long. Every problem names its field.
    public static func texts(_ form: Form) -> Result<Texts, Problems> {
        func clean(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
        var problems: [DomainError] = []
        let required: [(field: String, text: String, zh: String, en: String)] = [
            ("title", form.title, "请填写通报标题", "Give the bulletin a title"),
            ("intro", form.intro, "请填写导语", "Write the introduction"),
            ("requirements", form.requirements, "请填写下步工作要求", "Write next month's requirements"),
            ("issuer", form.issuer, "请填写落款单位", "Name the issuing office"),
        ]
        for item in required where item.text.isBlank {
            problems.append(.missing(item.field, zh: item.zh, en: item.en))
        }
        if clean(form.title).count > maximumTitleLength || clean(form.issuer).count > maximumTitleLength {
            let field = clean(form.title).count > maximumTitleLength ? "title" : "issuer"
            problems.append(.invalid(field, zh: "不能超过 \(maximumTitleLength) 字", en: "At most \(maximumTitleLength) characters"))
        }
        for (field, text) in [("intro", form.intro), ("praise", form.praise), ("requirements", form.requirements), ("internalNote", form.internalNote)]
        where clean(text).count > maximumTextLength {
            problems.append(.invalid(field, zh: "不能超过 \(maximumTextLength) 字", en: "At most \(maximumTextLength) characters"))
        }
        let signedOn = CalendarDate(iso: clean(form.signedOn))
        if signedOn == nil {
            problems.append(.invalid("signedOn", zh: "落款日期应写作 YYYY-MM-DD", en: "Write the signing date as YYYY-MM-DD"))
        }
        guard problems.isEmpty, let signedOn else { return .failure(Problems(problems)) }
        return .success(Texts(title: clean(form.title), intro: clean(form.intro), praise: clean(form.praise), requirements: clean(form.requirements),
                              internalNote: clean(form.internalNote), issuer: clean(form.issuer), signedOn: signedOn))
    }

    // MARK: The document

    /// A laid-out 督查通报: masthead, issue line, issuer and date, title, body, signature and
    /// imprint (版记). The same for the page, the print view and the Word file.
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
        /// 主送: the addressee, flush left, ending in a colon.
        case addressee(String)
        /// 一、总体情况 (the numbering is part of the text).
        case heading(String)
        case paragraph(String)
        case table(Table)
    }

    public struct Table: Sendable, Hashable {
        public var caption: String
        public var columns: [String]
        public var rows: [[String]]

        /// Columns after the first whose every cell is a number, a percentage or "—": set
        /// narrow and right-aligned.
        public var numericColumns: [Bool] {
            columns.indices.map { index in
                index > 0 && !rows.isEmpty && rows.allSatisfy { row in
                    index < row.count && row[index].allSatisfy { $0.isNumber || $0 == "." || $0 == "%" || $0 == "—" }
                }
            }
        }
    }

    /// What distinguishes an issue: its number (nil while a draft), and the issue it corrects.
    public struct Issue: Sendable, Hashable {
        public var number: Int?
        /// The number it would get if published now (shown on drafts).
        public var nextNumber: Int
        public var corrects: Int?

        public init(number: Int?, nextNumber: Int, corrects: Int?) {
            self.number = number
            self.nextNumber = nextNumber
            self.corrects = corrects
        }
    }

    static let tallyColumns = ["任务数", "已完成", "超进度", "序时推进", "进度滞后", "逾期未完成", "未启动", "未报送"]

    static func tallyCells(_ tally: BulletinFigures.Tally) -> [String] {
        [tally.total, tally.completed, tally.ahead, tally.onTrack, tally.lagging, tally.overdue, tally.notStarted, tally.missing].map(String.init)
    }

    /// The overview sentence: "纳入本期调度的重点任务共91项。其中，已完成6项，占6.6%；…".
    public static func overview(_ tally: BulletinFigures.Tally) -> String {
        let parts: [(String, Int)] = [("已完成", tally.completed), ("超进度推进", tally.ahead), ("序时推进", tally.onTrack),
                                      ("进度滞后", tally.lagging), ("逾期未完成", tally.overdue), ("未启动", tally.notStarted),
                                      ("未报送进展", tally.missing)]
        let clauses = parts.filter { $0.1 > 0 }.map { "\($0.0)\($0.1)项，占\(tally.share($0.1))%" }
        return "纳入本期调度的重点任务共\(tally.total)项。" + (clauses.isEmpty ? "" : "其中，" + clauses.joined(separator: "；") + "。")
    }

    static func percent(_ value: Double?) -> String { value.map { ProgressRules.percentText($0) + "%" } ?? "—" }

    /// Lays out `snapshot` and `texts` as issue `issue`.
    public static func document(_ snapshot: Snapshot, texts: Texts, issue: Issue) -> Document {
        var blocks: [Block] = []
        if let corrects = issue.corrects {
            blocks.append(.paragraph("本期对第\(corrects)期通报有关内容予以更正，请以本期为准。"))
        }
        blocks.append(.paragraph(texts.intro))
        var section = 0
        func heading(_ title: String) {
            section += 1
            blocks.append(.heading("\(ChineseNumerals.text(section))、\(title)"))
        }
        heading("总体情况")
        blocks.append(.paragraph(overview(snapshot.overall)))
        if !snapshot.byPart.isEmpty {
            heading("分部分推进情况")
            blocks.append(.table(Table(caption: "表1　分部分推进情况", columns: ["部分"] + tallyColumns,
                                       rows: snapshot.byPart.map { [$0.title] + tallyCells($0.tally) })))
        }
        if !snapshot.byLeader.isEmpty {
            heading("分管县领导牵头任务推进情况")
            blocks.append(.table(Table(caption: "表2　分管县领导牵头任务推进情况", columns: ["县领导"] + tallyColumns,
                                       rows: snapshot.byLeader.map { [$0.title] + tallyCells($0.tally) })))
        }
        if !snapshot.byUnit.isEmpty {
            heading("牵头单位推进情况")
            blocks.append(.table(Table(caption: "表3　牵头单位推进情况", columns: ["牵头单位"] + tallyColumns,
                                       rows: snapshot.byUnit.map { [$0.title] + tallyCells($0.tally) })))
        }
        heading("进度滞后和逾期未完成的任务")
        let named = snapshot.lagging.map { ($0, "进度滞后") } + snapshot.overdue.map { ($0, "逾期未完成") }
        if named.isEmpty {
            blocks.append(.paragraph("本期无进度滞后或逾期未完成的任务。"))
        } else {
            blocks.append(.paragraph("进度滞后的任务\(snapshot.lagging.count)项，逾期未完成的任务\(snapshot.overdue.count)项，按任务序号列示如下："))
            blocks.append(.table(Table(caption: "表4　进度滞后和逾期未完成的任务", columns: ["序号", "任务", "牵头单位", "核实进度", "序时进度", "状态"],
                                       rows: named.sorted { $0.0.number < $1.0.number }.map { line, state in
                                           [line.number.description, line.content, line.leadUnits.joined(separator: "、"), percent(line.verified),
                                            percent(line.expected), state]
                                       })))
        }
        heading("进展情况报送")
        let missing = snapshot.reporting.filter { $0.missing > 0 }
        let late = snapshot.reporting.filter { $0.late > 0 }
        if missing.isEmpty && late.isEmpty {
            blocks.append(.paragraph("各牵头单位均按时报送了本月进展情况。"))
        } else {
            if !missing.isEmpty {
                blocks.append(.paragraph("未报送或报送后被退回未重报的单位：" + missing.map { "\($0.unit)（\($0.missing)项）" }.joined(separator: "、") + "。"))
            }
            if !late.isEmpty {
                blocks.append(.paragraph("逾期报送的单位：" + late.map { "\($0.unit)（\($0.late)项）" }.joined(separator: "、") + "。"))
            }
        }
        if !texts.praise.isEmpty {
            heading("通报表扬")
            blocks.append(contentsOf: paragraphs(texts.praise))
        }
        if !snapshot.criticisms.isEmpty {
            heading("通报批评")
            blocks.append(contentsOf: snapshot.criticisms.map { .paragraph("\($0.unit)：\($0.reason)") })
        }
        heading("下步工作要求")
        blocks.append(contentsOf: paragraphs(texts.requirements))
        let date = texts.signedOn.chinese
        return Document(
            masthead: "督查通报",
            issueLine: issue.number.map { "第\($0)期" } ?? "第\(issue.nextNumber)期（草稿）",
            issuer: texts.issuer, date: date, title: texts.title, blocks: blocks,
            signature: [texts.issuer, date], imprint: "\(texts.issuer)　　\(date)印发")
    }

    /// One paragraph per non-blank line of an edited text.
    static func paragraphs(_ text: String) -> [Block] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(Block.paragraph)
    }
}
