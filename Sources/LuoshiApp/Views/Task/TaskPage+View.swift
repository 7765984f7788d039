import Foundation
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
            details(model.listing, part: model.part, planID: model.plan.id, s),
            PublicProgressView.task(model.progress, taskID: task.id, planID: model.plan.id, context),
            revisions(model.revisions, s),
            QuestionPages.taskSection(model.questions, taskID: task.id, unitName: { model.unitNames[$0] }, s),
        ])
    }

    /// The task's owners, kind, deadline or target, measures and milestones.
    static func details(_ listing: TaskListing, part: Part?, planID: UUID, _ s: Strings) -> Node {
        let task = listing.task
        return .fragment {
            Node.dl(.class("meta")) {
                if let part {
                    Node.dt(text: s.inPart)
                    Node.dd {
                        Node.a(.href(SiteURL.part(planID: planID, number: part.number).path)) {
                            Node.text("\(s.partTitle(part.number))　")
                            s.data(part.title)
                        }
                    }
                }
                Node.dt(text: s.kind)
                Node.dd(text: s.taskKind(task.kind))
                Node.dt(text: s.leadUnits)
                Node.dd { TaskTable.unitList(listing.leadUnits, s) }
                Node.dt(text: s.cooperatingUnits)
                Node.dd { TaskTable.unitList(listing.cooperatingUnits, s) }
                Node.dt(text: s.leaders)
                Node.dd { TaskTable.leaderList(listing.leaders, s) }
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
            }
            Node.h2(text: s.milestones)
            milestones(task.milestones, s)
        }
    }

    /// "changed from … to … on … (approved by …)" for each approved change; the baseline is the first "from".
    static func revisions(_ revisions: [ChangeControl.Revision], _ s: Strings) -> Node {
        guard !revisions.isEmpty else { return .empty }
        return .section(.ariaLabelledBy("revisions")) {
            Node.h2(.id("revisions"), text: s.taskWork.revisions)
            Node.ul {
                for revision in revisions { Node.li(text: s.taskWork.revisionSentence(revision)) }
            }
        }
    }

    private static func milestones(_ milestones: [Milestone], _ s: Strings) -> Node {
        if milestones.isEmpty { return .p(text: s.noMilestones) }
        return .table(.class("stack")) {
            Node.caption(.class("visually-hidden"), text: s.milestones)
            Tables.head([s.milestoneDue, s.milestoneTitle])
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
