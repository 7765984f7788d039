import LuoshiDomain
import LuoshiHTML

/// The task table shared by part, unit and leader pages. On narrow screens each row becomes a
/// card whose cells carry their column names (`data-label`).
enum TaskTable {
    /// `captionHidden` keeps the caption for screen readers when a heading already shows it.
    /// `workLinks` points each number at the task's internal work page instead of its public page.
    static func render(_ tasks: [TaskListing], caption: String, captionHidden: Bool = false, workLinks: Bool = false, strings s: Strings) -> Node {
        .table(.class("stack")) {
            Node.caption(.class(captionHidden ? "visually-hidden" : ""), text: caption)
            Tables.head([s.number, s.content, s.leadUnits, s.cooperatingUnits, s.leaders, s.deadlineOrTarget])
            Node.tbody {
                for listing in tasks { row(listing, workLinks: workLinks, s) }
            }
        }
    }

    private static func row(_ listing: TaskListing, workLinks: Bool, _ s: Strings) -> Node {
        let task = listing.task
        return .tr {
            Node.th(.scope("row")) {
                Node.a(.href((workLinks ? SiteURL.taskWork(task.id) : .task(task.id)).path),
                       .ariaLabel(workLinks ? s.taskWork.heading(task.number.description) : s.taskHeading(task.number.description)),
                       text: task.number.description)
            }
            Node.td(.data("label", s.content)) {
                s.data(task.content)
                Node.text(" ")
                Node.span(.class("tag"), text: s.taskKind(task.kind))
            }
            Node.td(.data("label", s.leadUnits)) { unitList(listing.leadUnits, s) }
            Node.td(.data("label", s.cooperatingUnits)) { unitList(listing.cooperatingUnits, s) }
            Node.td(.data("label", s.leaders)) { leaderList(listing.leaders, s) }
            Node.td(.data("label", s.deadlineOrTarget)) { deadlineOrTarget(task, s) }
        }
    }

    static func deadlineOrTarget(_ task: PlanTask, _ s: Strings) -> Node {
        switch task.kind {
        case .phased:
            guard let deadline = task.deadline else { return .text(s.none) }
            return .fragment {
                Node.text("\(s.deadline)：")
                Node.time(.datetime(deadline.iso), text: deadline.iso)
            }
        case .ongoing:
            guard let target = task.annualTarget else { return .text(s.none) }
            return .fragment {
                Node.text("\(s.annualTarget)：")
                s.data(target)
            }
        }
    }

    static func unitList(_ units: [Unit], _ s: Strings) -> Node {
        if units.isEmpty { return .text(s.none) }
        return .ul(.class("inline-list"), s.dataLang) {
            for unit in units {
                Node.li { Node.a(.href(SiteURL.unit(unit.id).path), .title(unit.name), text: unit.shortName) }
            }
        }
    }

    static func leaderList(_ leaders: [Leader], _ s: Strings) -> Node {
        if leaders.isEmpty { return .text(s.none) }
        return .ul(.class("inline-list"), s.dataLang) {
            for leader in leaders {
                Node.li { Node.a(.href(SiteURL.leader(leader.id).path), text: leader.name) }
            }
        }
    }
}
