import LuoshiDomain
import LuoshiHTML

/// The differences between two versions of a plan, task by task and field by field: on the
/// management page (any two versions) and in an import's preview (the stored plan and the sheet).
enum PlanDiffTable {
    static func render(_ changes: [PlanDiff.Change], caption: String, _ s: Strings) -> Node {
        let m = s.planManage
        return .table(.class("stack")) {
            Node.caption(.class("visually-hidden"), text: caption)
            Tables.head([s.number, m.change, m.before, m.after])
            Node.tbody {
                for change in changes {
                    Node.tr {
                        Node.th(.scope("row"), text: change.task.description)
                        Node.td(.data("label", m.change), text: m.changeLabel(change.kind, change.field))
                        Node.td(.data("label", m.before)) { s.data(change.before ?? "") }
                        Node.td(.data("label", m.after)) { s.data(change.after ?? "") }
                    }
                }
            }
        }
    }
}
