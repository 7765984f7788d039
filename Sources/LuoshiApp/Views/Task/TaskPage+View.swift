import LuoshiDomain
import LuoshiHTML

extension TaskPage {
    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings
        let task = model.listing.task
        let heading = s.taskHeading(task.number.description)
        var crumbs = [Crumb(title: model.plan.title, url: .plan(model.plan.id), isData: true)]
        if let part = model.part {
            crumbs.append(Crumb(title: s.partTitle(part.number), url: .part(planID: model.plan.id, number: part.number)))
        }
        crumbs.append(Crumb(title: heading))
        return Layout.page(title: heading, context: context, crumbs: crumbs, content: [
            .h1(text: heading),
            .p(.class("lead"), s.dataLang, text: task.content),
            .dl(.class("meta")) {
                if let part = model.part {
                    Node.dt(text: s.inPart)
                    Node.dd {
                        Node.a(.href(SiteURL.part(planID: model.plan.id, number: part.number).path)) {
                            Node.text("\(s.partTitle(part.number))　")
                            s.data(part.title)
                        }
                    }
                }
                Node.dt(text: s.kind)
                Node.dd(text: s.taskKind(task.kind))
                Node.dt(text: s.leadUnits)
                Node.dd { TaskTable.unitList(model.listing.leadUnits, s) }
                Node.dt(text: s.cooperatingUnits)
                Node.dd { TaskTable.unitList(model.listing.cooperatingUnits, s) }
                Node.dt(text: s.leaders)
                Node.dd { TaskTable.leaderList(model.listing.leaders, s) }
                switch task.kind {
                case .phased:
                    Node.dt(text: s.deadline)
                    if let deadline = task.deadline {
                        Node.dd { Node.time(.datetime(deadline.iso), text: deadline.iso) }
                    } else {
                        Node.dd(text: s.none)
                    }
                    Node.dt(text: s.measures)
                    Node.dd { task.measures.map(s.data) ?? .text(s.none) }
                case .ongoing:
                    Node.dt(text: s.annualTarget)
                    Node.dd { task.annualTarget.map(s.data) ?? .text(s.none) }
                }
            },
            .h2(text: s.milestones),
            milestones(task.milestones, s),
        ])
    }

    private static func milestones(_ milestones: [Milestone], _ s: Strings) -> Node {
        if milestones.isEmpty { return .p(text: s.noMilestones) }
        return .table(.class("stack")) {
            Node.caption(.class("visually-hidden"), text: s.milestones)
            Node.thead {
                Node.tr {
                    Node.th(.scope("col"), text: s.milestoneDue)
                    Node.th(.scope("col"), text: s.milestoneTitle)
                }
            }
            Node.tbody {
                for milestone in milestones {
                    Node.tr {
                        Node.td(.data("label", s.milestoneDue)) { Node.time(.datetime(milestone.due.iso), text: milestone.due.iso) }
                        Node.td(.data("label", s.milestoneTitle)) { s.data(milestone.title) }
                    }
                }
            }
        }
    }
}
