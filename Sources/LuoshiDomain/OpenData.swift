import Foundation

/// 开放数据: the datasets Luoshi publishes for each issued plan, their fields as the data
/// dictionary (数据说明) states them, and the licence they are offered under.
public enum OpenData {
    /// The licence every dataset is published under (the statement on the open-data page).
    public static let licence = LocalizedText(
        zh: "本站开放数据按知识共享署名 4.0 国际许可协议（CC BY 4.0）提供：可自由复制、分发和加工利用，须注明来源为本站及发布机构。数据以发布机构公开的文件为准。",
        en: "The open data on this site is offered under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): copy, share and adapt it freely, naming this site and the issuing body as the source. The documents the issuing body published prevail.")
    public static let licenceURL = "https://creativecommons.org/licenses/by/4.0/deed.zh-hans"

    /// One column of a CSV download and the same key of its JSON twin.
    public struct Field: Sendable, Hashable {
        /// The CSV header (Chinese, as the offices' own sheets name it).
        public var column: String
        /// The JSON key.
        public var key: String
        public var type: LocalizedText
        public var meaning: LocalizedText
    }

    static let text = LocalizedText(zh: "文本", en: "text")
    static let number = LocalizedText(zh: "数值", en: "number")
    static let date = LocalizedText(zh: "日期（YYYY-MM-DD）", en: "date (YYYY-MM-DD)")

    /// The plan's tasks (the columns of the plan export, `PlanSheetExport.header`).
    public static let planFields: [Field] = [
        Field(column: "序号", key: "number", type: text, meaning: LocalizedText(zh: "任务编号：部分序号.任务序号，如 3.14", en: "Task number: part.task, e.g. 3.14")),
        Field(column: "工作任务", key: "content", type: text, meaning: LocalizedText(zh: "任务内容，按方案原文", en: "The task as the plan words it")),
        Field(column: "牵头县领导", key: "leaders", type: text, meaning: LocalizedText(zh: "责任县领导，多人以“、”分隔", en: "Responsible county leaders, separated by 、")),
        Field(column: "牵头单位", key: "leadUnits", type: text, meaning: LocalizedText(zh: "牵头单位简称，多个以“、”分隔", en: "Lead units (short names), separated by 、")),
        Field(column: "配合单位", key: "cooperatingUnits", type: text, meaning: LocalizedText(zh: "配合单位简称，多个以“、”分隔", en: "Cooperating units, separated by 、")),
        Field(column: "完成时限", key: "deadline", type: date, meaning: LocalizedText(zh: "阶段性任务的完成日期；长期性任务为“长期坚持”", en: "A phased task's deadline; 长期坚持 for an ongoing task")),
        Field(column: "年度目标", key: "annualTarget", type: text, meaning: LocalizedText(zh: "长期性任务的年度目标", en: "An ongoing task's annual target")),
        Field(column: "工作措施", key: "measures", type: text, meaning: LocalizedText(zh: "阶段性任务的工作措施", en: "A phased task's measures")),
        Field(column: "节点计划", key: "milestones", type: text, meaning: LocalizedText(zh: "节点日期与内容，每行一个", en: "Milestones, one per line: date and content")),
    ]

    /// The plan's published progress: one row per task, from the latest published bulletin.
    public static let progressFields: [Field] = [
        Field(column: "序号", key: "number", type: text, meaning: LocalizedText(zh: "任务编号：部分序号.任务序号", en: "Task number: part.task")),
        Field(column: "工作任务", key: "content", type: text, meaning: LocalizedText(zh: "任务内容", en: "The task")),
        Field(column: "牵头单位", key: "leadUnits", type: text, meaning: LocalizedText(zh: "牵头单位简称，多个以“、”分隔", en: "Lead units, separated by 、")),
        Field(column: "月份", key: "month", type: LocalizedText(zh: "年月（YYYY-MM）", en: "month (YYYY-MM)"),
              meaning: LocalizedText(zh: "进度所属的调度月份", en: "The reporting month the state refers to")),
        Field(column: "通报期号", key: "bulletinIssue", type: number, meaning: LocalizedText(zh: "核实该进度的督查通报期号", en: "The bulletin that verified it")),
        Field(column: "核实状态", key: "status", type: text,
              meaning: LocalizedText(zh: "已完成、超进度、序时推进、进度滞后、逾期未完成、未启动、未报送（JSON 中为 completed、ahead、onTrack、lagging、overdue、notStarted、missing）",
                                    en: "已完成 completed, 超进度 ahead, 序时推进 onTrack, 进度滞后 lagging, 逾期未完成 overdue, 未启动 notStarted, 未报送 missing (the JSON uses the English codes)")),
        Field(column: "灯色", key: "colour", type: text, meaning: LocalizedText(zh: "绿灯、蓝灯（临近时限）、黄灯、红灯（JSON 中为 green、blue、yellow、red）",
                                    en: "绿灯 green, 蓝灯 blue (deadline close), 黄灯 yellow, 红灯 red (the JSON uses the English codes)")),
        Field(column: "核实进度", key: "verifiedProgress", type: LocalizedText(zh: "数值（百分比，0–100）或空", en: "number (percent, 0–100) or empty"),
              meaning: LocalizedText(zh: "督查室核实的完成进度", en: "Progress as the office verified it")),
    ]

    /// A row of the progress dataset.
    public struct ProgressRow: Sendable, Hashable {
        public var number: String
        public var content: String
        public var leadUnits: [String]
        public var month: YearMonth
        public var bulletinIssue: Int
        public var status: ProgressStatus
        public var colour: Colour
        public var verifiedProgress: Double?

        /// The CSV cells, in `progressFields` order (status and colour in Chinese, as in the bulletin).
        public var cells: [String] {
            [number, content, leadUnits.joined(separator: "、"), month.description, String(bulletinIssue), status.text.zh, colour.text.zh,
             verifiedProgress.map(ProgressRules.percentText) ?? ""]
        }
    }

    /// The progress rows of `tasks` (in plan order) that the bulletin verified.
    public static func progressRows(_ progress: PublicProgress, tasks: [PlanTask], unitName: (UUID) -> String?) -> [ProgressRow] {
        tasks.sorted { $0.number < $1.number }.compactMap { task in
            progress.tasks[task.id].map { state in
                ProgressRow(number: task.number.description, content: task.content, leadUnits: task.leadUnitIDs.compactMap(unitName),
                            month: progress.month, bulletinIssue: progress.issue, status: state.status, colour: state.colour,
                            verifiedProgress: state.verified)
            }
        }
    }
}
