import LuoshiDomain
import LuoshiHTML

extension LeadersPage {
    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings
        return Layout.page(title: s.leadersTitle, context: context, content: [
            .h1(text: s.leadersTitle),
            .table(.class("stack")) {
                Node.caption(.class("visually-hidden"), text: s.leadersTitle)
                Node.thead {
                    Node.tr {
                        Node.th(.scope("col"), text: s.leaderName)
                        Node.th(.scope("col"), text: s.post)
                        Node.th(.scope("col"), text: s.portfolio)
                        Node.th(.scope("col"), .class("num"), text: s.portfolioTasks)
                    }
                }
                Node.tbody {
                    for row in model.rows {
                        Node.tr {
                            Node.th(.scope("row")) { Node.a(.href(SiteURL.leader(row.leader.id).path), s.dataLang, text: row.leader.name) }
                            Node.td(.data("label", s.post)) { s.data(row.leader.post) }
                            Node.td(.data("label", s.portfolio)) { s.data(row.leader.portfolio) }
                            Node.td(.class("num"), .data("label", s.portfolioTasks), text: String(row.taskCount))
                        }
                    }
                }
            },
        ])
    }
}
