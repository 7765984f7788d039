import LuoshiDomain
import LuoshiHTML

extension LeaderPage {
    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings
        let leader = model.leader
        return Layout.page(
            title: "\(leader.name)（\(leader.post)）", context: context,
            crumbs: [Crumb(title: s.leadersTitle, url: .leaders), Crumb(title: leader.name, isData: true)],
            content: [
                .h1(s.dataLang, text: "\(leader.post)　\(leader.name)"),
                .dl(.class("meta")) {
                    Node.dt(text: s.post)
                    Node.dd(s.dataLang, text: leader.post)
                    Node.dt(text: s.portfolio)
                    Node.dd { leader.portfolio.isEmpty ? .text(s.none) : s.data(leader.portfolio) }
                },
                UnitPage.section(s.portfolioTasks, model.tasks, s),
            ])
    }
}
