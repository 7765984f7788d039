import LuoshiDomain
import LuoshiHTML

extension PartPage {
    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings
        let heading = "\(s.partTitle(model.part.number))　\(model.part.title)"
        let headingNode: Node = .h1 {
            Node.text("\(s.partTitle(model.part.number))　")
            s.data(model.part.title)
        }
        return Layout.page(
            title: heading, context: context,
            crumbs: [Crumb(title: model.plan.title, url: .plan(model.plan.id), isData: true), Crumb(title: s.partTitle(model.part.number))],
            content: [
                headingNode,
                .p(text: s.taskCount(model.tasks.count)),
                TaskTable.render(model.tasks, caption: heading, captionHidden: true, strings: s),
                neighbours(model, s),
            ])
    }

    private static func neighbours(_ model: Model, _ s: Strings) -> Node {
        .nav(.ariaLabel(s.partColumn)) {
            Node.ul(.class("cards")) {
                for part in [model.previous, model.next].compactMap({ $0 }) {
                    Node.li {
                        Node.a(.href(SiteURL.part(planID: model.plan.id, number: part.number).path)) {
                            Node.text("\(s.partTitle(part.number))　")
                            s.data(part.title)
                        }
                    }
                }
            }
        }
    }
}
