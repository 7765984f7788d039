import Foundation

/// 台账导出: the ledger as a sheet — every task with its owners, its deadline or target, the
/// latest verified progress, status, colour and explanation, then one column per round with the
/// verified progress of that month.
public enum LedgerSheetExport {
    public static let header = ["序号", "工作任务", "牵头单位", "配合单位", "责任县领导", "任务类型", "完成时限或年度目标",
                                "序时进度", "核实进度", "报送进度", "状态", "预警", "预计难以按期完成", "判定依据"]
    public static let widths: [Double] = [7, 60, 22, 26, 12, 10, 30, 9, 9, 9, 12, 7, 10, 70]

    /// A round as a history column: its month and each task's verified progress then.
    public struct Month: Sendable {
        public var month: YearMonth
        public var verified: [UUID: Double]

        public init(month: YearMonth, verified: [UUID: Double]) {
            self.month = month
            self.verified = verified
        }
    }

    public static func header(months: [Month]) -> [String] {
        header + months.map { "\($0.month.chinese)核实进度" }
    }

    public static func widths(months: [Month]) -> [Double] {
        widths + months.map { _ in 12 }
    }

    public static func rows(_ rows: [Ledger.Row], months: [Month], unitName: (UUID) -> String?, leaderName: (UUID) -> String?) -> [[String]] {
        func percent(_ value: Double?) -> String { value.map { ProgressRules.percentText($0) + "%" } ?? "" }
        func names(_ ids: [UUID], _ name: (UUID) -> String?) -> String { ids.compactMap(name).joined(separator: "、") }
        return rows.map { row in
            let task = row.task
            let due = task.kind == .phased ? task.deadline?.chinese ?? "" : task.annualTarget ?? PlanSheetExport.ongoingDeadline
            return [
                task.number.description, task.content, names(task.leadUnitIDs, unitName), names(task.cooperatingUnitIDs, unitName),
                names(task.leaderIDs, leaderName), task.kind == .phased ? "阶段性" : "长期性", due,
                percent(row.expected), percent(row.verified), percent(row.reported), row.status.text.zh, row.colour.text.zh,
                row.likelyToMiss ? "是" : "", row.explanation.zh,
            ] + months.map { percent($0.verified[task.id]) }
        }
    }
}
