import LuoshiDomain
import LuoshiHTML

extension LeaderPage {
    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings
        let leader = model.leader
        return Layout.page(
            title: "\(leader.name)（\(leader.post)）", context: context,
            crumbs: [Crumb(title: s.leadersTitle, url: .leaders), Crumb(title: leader.name)],
            content: [
                .h1(text: "\(leader.post)　\(leader.name)"),
                .dl(.class("meta")) {
                    Node.dt(text: s.post)
                    Node.dd(text: leader.post)
                    Node.dt(text: s.portfolio)
                    Node.dd(text: leader.portfolio.isEmpty ? s.none : leader.portfolio)
                },
                UnitPage.section(s.portfolioTasks, model.tasks, s),
            ])
    }
}
