import LuoshiDomain
import LuoshiHTML

extension UnitsPage {
    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings
        return Layout.page(title: s.unitsTitle, context: context, content: [
            .h1(text: s.unitsTitle),
            .fragment {
                for group in model.groups {
                    if model.groups.count > 1 { Node.h2(s.dataLang, text: group.jurisdictionName) }
                    for (kind, rows) in group.kinds {
                        table(kind: kind, rows: rows, s)
                    }
                }
            },
        ])
    }

    private static func table(kind: Unit.Kind, rows: [Row], _ s: Strings) -> Node {
        .table(.class("stack")) {
            Node.caption(text: "\(s.unitKind(kind))（\(rows.count)）")
            Node.thead {
                Node.tr {
                    Node.th(.scope("col"), text: s.unitName)
                    Node.th(.scope("col"), text: s.shortName)
                    Node.th(.scope("col"), .class("num"), text: s.tasksLed)
                    Node.th(.scope("col"), .class("num"), text: s.tasksCooperated)
                }
            }
            Node.tbody {
                for row in rows {
                    Node.tr {
                        Node.th(.scope("row")) { Node.a(.href(SiteURL.unit(row.unit.id).path), s.dataLang, text: row.unit.name) }
                        Node.td(.data("label", s.shortName)) { s.data(row.unit.shortName) }
                        Node.td(.class("num"), .data("label", s.tasksLed), text: String(row.led))
                        Node.td(.class("num"), .data("label", s.tasksCooperated), text: String(row.cooperated))
                    }
                }
            }
        }
    }
}
