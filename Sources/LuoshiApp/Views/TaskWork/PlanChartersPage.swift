import Foundation
import LuoshiDomain
import LuoshiHTML

/// 任务书与调整申请 (supervision office): for each task and lead unit, where its charter stands;
/// which tasks have change requests or comments waiting. By default only what is outstanding.
enum PlanChartersPage {
    struct Row: Sendable {
        var task: PlanTask
        var unit: Unit
        var status: CharterStatus?
        var pendingChanges: Int
        var pendingComments: Int

        var isOutstanding: Bool { status != .approved || pendingChanges > 0 || pendingComments > 0 }
    }

    struct Model: Sendable {
        var plan: Plan
        var rows: [Row]
        var showAll: Bool

        var approved: Int { rows.filter { $0.status == .approved }.count }
        var submitted: Int { rows.filter { $0.status == .submitted }.count }
    }

    /// The rows for `plan`: one per task and lead unit, in task order.
    static func rows(plan: Plan, snapshot: CatalogSnapshot, charters: [UUID: [UUID: CharterStatus]],
                     pendingChanges: [UUID: Int], pendingComments: [UUID: Int]) -> [Row] {
        (snapshot.tasksByPlan[plan.id] ?? []).flatMap { task in
            task.leadUnitIDs.compactMap { unitID in
                snapshot.unitsByID[unitID].map { unit in
                    Row(task: task, unit: unit, status: charters[task.id]?[unitID],
                        pendingChanges: pendingChanges[task.id] ?? 0, pendingComments: pendingComments[task.id] ?? 0)
                }
            }
        }
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, w = s.taskWork
        let plan = model.plan
        let shown = model.showAll ? model.rows : model.rows.filter(\.isOutstanding)
        let changes = Set(model.rows.filter { $0.pendingChanges > 0 }.map(\.task.id)).count
        let comments = Dictionary(model.rows.map { ($0.task.id, $0.pendingComments) }, uniquingKeysWith: { first, _ in first }).values.reduce(0, +)
        return Layout.page(title: w.overviewTitle, context: context, crumbs: [
            Crumb(title: s.planManage.title, url: .planManage(plan.id)), Crumb(title: w.overviewTitle),
        ], content: [
            .h1(text: w.overviewTitle),
            .p(s.dataLang, text: plan.title),
            .p(text: w.overviewIntro),
            .p(.class("lead"), text: w.overviewSummary(model.rows.count, model.approved, model.submitted, changes, comments)),
            .p {
                model.showAll ? Node.a(.href(SiteURL.planCharters(plan.id).path), text: w.showOutstanding)
                              : Node.a(.href(SiteURL.planCharters(plan.id, all: true).path), text: w.showAll)
            },
            shown.isEmpty ? .p(text: w.allApproved) : table(shown, s),
        ])
    }

    private static func table(_ rows: [Row], _ s: Strings) -> Node {
        let w = s.taskWork
        return .table(.class("stack")) {
            Node.caption(.class("visually-hidden"), text: w.overviewTitle)
            Tables.head([s.number, s.content, s.leadUnits, w.charter, w.pendingChanges, w.pendingComments])
            Node.tbody {
                for row in rows {
                    Node.tr {
                        Node.th(.scope("row")) {
                            Node.a(.href(SiteURL.taskWork(row.task.id).path), .ariaLabel(w.heading(row.task.number.description)),
                                   text: row.task.number.description)
                        }
                        Node.td(.data("label", s.content)) { s.data(row.task.content) }
                        Node.td(.data("label", s.leadUnits)) { s.data(row.unit.shortName) }
                        Node.td(.data("label", w.charter), text: row.status.map(w.charterStatus) ?? w.noCharter)
                        Node.td(.class("num"), .data("label", w.pendingChanges), text: String(row.pendingChanges))
                        Node.td(.class("num"), .data("label", w.pendingComments), text: String(row.pendingComments))
                    }
                }
            }
        }
    }
}
