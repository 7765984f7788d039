import Foundation

/// A plan as the spreadsheet offices keep: part heading rows ("一、…") and one row per task,
/// in columns the importer reads back, so export → import gives the same plan.
public enum PlanSheetExport {
    public static let header = ["序号", "工作任务", "牵头县领导", "牵头单位", "配合单位", "完成时限", "年度目标", "工作措施", "节点计划"]
    /// Column widths in characters.
    public static let widths: [Double] = [7, 60, 12, 22, 30, 13, 30, 30, 36]
    public static let ongoingDeadline = "长期坚持"

    public static func rows(parts: [Part], tasks: [PlanTask], unitName: (UUID) -> String?, leaderName: (UUID) -> String?) -> [[String]] {
        let byPart = Dictionary(grouping: tasks, by: \.number.part)
        var rows: [[String]] = []
        for part in parts.sorted(by: { $0.number < $1.number }) {
            rows.append(["", "\(ChineseNumerals.text(part.number))、\(part.title)", "", "", "", "", "", "", ""])
            for task in (byPart[part.number] ?? []).sorted(by: { $0.number < $1.number }) {
                rows.append([
                    task.number.description,
                    task.content,
                    task.leaderIDs.compactMap(leaderName).joined(separator: "、"),
                    task.leadUnitIDs.compactMap(unitName).joined(separator: "、"),
                    task.cooperatingUnitIDs.compactMap(unitName).joined(separator: "、"),
                    task.kind == .ongoing ? ongoingDeadline : task.deadline?.iso ?? "",
                    task.annualTarget ?? "",
                    task.measures ?? "",
                    task.milestones.map { "\($0.due.iso) \($0.title)" }.joined(separator: "；"),
                ])
            }
        }
        return rows
    }
}
