import LuoshiDomain
import LuoshiHTML

/// 工作台: the signed-in user's tasks — their unit's, their portfolio or the whole jurisdiction's,
/// drafts included — by plan.
enum WorkbenchPage {
    struct Model: Sendable {
        var heading: String
        var managesPlans = false
        var groups: [(plan: Plan, tasks: [TaskListing])]
    }

    static func query(_ snapshot: CatalogSnapshot, scope: WorkScope, strings s: Strings) -> Model {
        let tasks = snapshot.plans.flatMap { plan in
            (snapshot.tasksByPlan[plan.id] ?? []).filter { scope.includes($0, planJurisdiction: plan.jurisdictionCode) }
        }
        let heading: String = switch scope {
        case .unit(let id): "\(s.account.myTasks)：\(snapshot.unitsByID[id]?.name ?? "")"
        case .portfolio: s.account.portfolioTasks
        case .jurisdiction(let code): "\(s.account.allTasks)：\(snapshot.jurisdictionName(code))"
        }
        return Model(heading: heading, groups: snapshot.groupedByPlan(tasks))
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings
        return Layout.page(title: s.account.workbench, context: context, content: [
            .h1(text: s.account.workbench),
            .p(.class("hint"), text: s.account.internalNotice),
            model.managesPlans ? Node.ul(.class("links")) {
                Node.li { Node.a(.href(SiteURL.planNew.path), text: s.directory.newPlan) }
                Node.li { Node.a(.href(SiteURL.planImport.path), text: s.planImport.title) }
                Node.li { Node.a(.href(SiteURL.directoryUnits.path), text: s.directory.unitsTitle) }
                Node.li { Node.a(.href(SiteURL.directoryLeaders.path), text: s.directory.leadersTitle) }
                Node.li { Node.a(.href(SiteURL.reminderLog.path), text: s.reminders.logTitle) }
            } : .empty,
            UnitPage.section(model.heading, model.groups, s, manageLinks: model.managesPlans, workLinks: true),
        ])
    }
}
