import LuoshiDomain
import LuoshiHTML

extension UnitPage {
    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings
        let unit = model.unit
        return Layout.page(
            title: unit.name, context: context,
            crumbs: [Crumb(title: s.unitsTitle, url: .units), Crumb(title: unit.shortName, isData: true)],
            content: [
                .h1(s.dataLang, text: unit.name),
                .dl(.class("meta")) {
                    Node.dt(text: s.jurisdiction)
                    Node.dd(s.dataLang, text: model.jurisdictionName)
                    Node.dt(text: s.kind)
                    Node.dd(text: s.unitKind(unit.kind))
                    Node.dt(text: s.shortName)
                    Node.dd(s.dataLang, text: unit.shortName)
                    if !unit.aliases.isEmpty {
                        Node.dt(text: s.aliases)
                        Node.dd(s.dataLang, text: unit.aliases.joined(separator: "、"))
                    }
                },
                section(s.tasksLed, model.led, s),
                section(s.tasksCooperated, model.cooperated, s),
            ])
    }

    /// A heading and one table per plan; `manageLinks` adds each plan's management page, and
    /// `workLinks` (internal users) its monthly dispatch and ledger once it is issued.
    static func section(_ title: String, _ groups: [(plan: Plan, tasks: [TaskListing])], _ s: Strings, manageLinks: Bool = false,
                        workLinks: Bool = false) -> Node {
        .fragment {
            Node.h2(text: "\(title)（\(groups.reduce(0) { $0 + $1.tasks.count })）")
            if groups.isEmpty {
                Node.p(text: s.noTasks)
            }
            for group in groups {
                if manageLinks || (workLinks && group.plan.status == .issued) {
                    Node.p {
                        Node.text("\(s.planStatus(group.plan.status))　")
                        if manageLinks {
                            Node.a(.href(SiteURL.planManage(group.plan.id).path), .ariaLabel("\(s.planManage.title)：\(group.plan.title)"),
                                   text: s.planManage.manageLink)
                            Node.text("　")
                        }
                        if workLinks && group.plan.status == .issued {
                            Node.a(.href(SiteURL.planRounds(group.plan.id).path), .ariaLabel("\(s.dispatch.roundsTitle)：\(group.plan.title)"),
                                   text: s.dispatch.roundsTitle)
                            Node.text("　")
                            Node.a(.href(SiteURL.planLedger(group.plan.id).path), .ariaLabel("\(s.dispatch.ledgerTitle)：\(group.plan.title)"),
                                   text: s.dispatch.ledgerTitle)
                            Node.text("　")
                            Node.a(.href(SiteURL.planDashboard(group.plan.id).path), .ariaLabel("\(s.dispatch.dashboardTitle)：\(group.plan.title)"),
                                   text: s.dispatch.dashboardTitle)
                        }
                    }
                }
                TaskTable.render(group.tasks, caption: "\(title)：\(group.plan.title)", workLinks: workLinks, strings: s)
            }
        }
    }
}
