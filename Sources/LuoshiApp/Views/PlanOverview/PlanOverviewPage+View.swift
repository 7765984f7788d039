import LuoshiDomain
import LuoshiHTML

extension PlanOverviewPage {
    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings
        guard let plan = model.plan, let statistics = model.statistics else {
            return Layout.page(title: s.navHome, context: context, content: [
                .h1(text: s.siteTagline), .p(text: s.noPlans),
            ])
        }
        return Layout.page(title: plan.title, context: context, content: [
            .h1(s.dataLang, text: plan.title),
            facts(plan, model.jurisdictionName, s),
            DisclosureMetadataView.block(.init(plan: plan, views: context.viewCount, procedure: "#plan-timeline"), context: context),
            .p {
                Node.a(.href(SiteURL.planExport(plan.id, format: "xlsx").path), text: s.planImport.exportXLSX)
                Node.text("　")
                Node.a(.href(SiteURL.planExport(plan.id, format: "csv").path), text: s.planImport.exportCSV)
                Node.text("　")
                Node.a(.href(SiteURL.publicBulletins(plan.id).path), text: s.bulletins.publicTitle)
                if model.interpreted {
                    Node.text("　")
                    Node.a(.href(SiteURL.interpretation(plan.id).path), text: s.disclosure.interpretationLink)
                }
            },
            .h2(text: s.overview),
            .p(.class("lead"), text: s.overviewSentence(statistics.parts.count, statistics.taskCount,
                                                         statistics.leadingDepartments, statistics.townshipsInvolved)),
            partsTable(plan, statistics, s),
            kindsTable(statistics, s),
            unitKindsTable(statistics, s),
            PublicProgressView.plan(model.progress, planID: plan.id, context),
            .h2(.id("plan-timeline"), text: s.progressOfPlan),
            timeline(plan, s),
            others(model.otherPlans, s),
        ])
    }

    private static func facts(_ plan: Plan, _ jurisdictionName: String, _ s: Strings) -> Node {
        .dl(.class("meta")) {
            Node.dt(text: s.jurisdiction)
            Node.dd(s.dataLang, text: "\(jurisdictionName)（\(plan.jurisdictionCode)）")
            Node.dt(text: s.status)
            Node.dd {
                Node.text(s.planStatus(plan.status))
                if let date = plan.stages.date(of: plan.status) {
                    Node.text("（")
                    Node.time(.datetime(date.iso), text: date.iso)
                    Node.text("）")
                }
            }
        }
    }

    private static func partsTable(_ plan: Plan, _ statistics: PlanStatistics, _ s: Strings) -> Node {
        .table(.class("stack")) {
            Node.caption(text: s.tasksByPart)
            Node.thead {
                Node.tr {
                    Node.th(.scope("col"), text: s.partColumn)
                    Node.th(.scope("col"), .class("num"), text: s.taskCountColumn)
                    Node.th(.scope("col"), .class("num"), text: s.taskKind(.phased))
                    Node.th(.scope("col"), .class("num"), text: s.taskKind(.ongoing))
                }
            }
            Node.tbody {
                for part in statistics.parts {
                    Node.tr {
                        Node.th(.scope("row")) {
                            Node.a(.href(SiteURL.part(planID: plan.id, number: part.number).path)) {
                                Node.text("\(s.partTitle(part.number))　")
                                s.data(part.title)
                            }
                        }
                        Node.td(.class("num"), .data("label", s.taskCountColumn), text: String(part.tasks))
                        Node.td(.class("num"), .data("label", s.taskKind(.phased)), text: String(part.phased))
                        Node.td(.class("num"), .data("label", s.taskKind(.ongoing)), text: String(part.ongoing))
                    }
                }
            }
            Node.tfoot {
                Node.tr {
                    Node.th(.scope("row"), text: s.total)
                    Node.td(.class("num"), .data("label", s.taskCountColumn), text: String(statistics.taskCount))
                    Node.td(.class("num"), .data("label", s.taskKind(.phased)), text: String(statistics.tasksByKind[.phased] ?? 0))
                    Node.td(.class("num"), .data("label", s.taskKind(.ongoing)), text: String(statistics.tasksByKind[.ongoing] ?? 0))
                }
            }
        }
    }

    private static func kindsTable(_ statistics: PlanStatistics, _ s: Strings) -> Node {
        .table {
            Node.caption(text: s.tasksByKind)
            Node.thead {
                Node.tr {
                    Node.th(.scope("col"), text: s.kind)
                    Node.th(.scope("col"), .class("num"), text: s.taskCountColumn)
                }
            }
            Node.tbody {
                for kind in TaskKind.allCases {
                    Node.tr {
                        Node.th(.scope("row"), text: s.taskKind(kind))
                        Node.td(.class("num"), .data("label", s.taskCountColumn), text: String(statistics.tasksByKind[kind] ?? 0))
                    }
                }
            }
        }
    }

    private static func unitKindsTable(_ statistics: PlanStatistics, _ s: Strings) -> Node {
        .table(.class("stack")) {
            Node.caption(text: s.unitsByKind)
            Node.thead {
                Node.tr {
                    Node.th(.scope("col"), text: s.unitKindColumn)
                    Node.th(.scope("col"), .class("num"), text: s.leadingUnits)
                    Node.th(.scope("col"), .class("num"), text: s.involvedUnits)
                }
            }
            Node.tbody {
                for count in statistics.unitKinds {
                    Node.tr {
                        Node.th(.scope("row"), text: s.unitKind(count.kind))
                        Node.td(.class("num"), .data("label", s.leadingUnits), text: String(count.leading))
                        Node.td(.class("num"), .data("label", s.involvedUnits), text: String(count.involved))
                    }
                }
            }
        }
    }

    private static func timeline(_ plan: Plan, _ s: Strings) -> Node {
        .ol(.class("timeline")) {
            if let approvedOn = plan.reportApprovedOn {
                Node.li {
                    Node.time(.datetime(approvedOn.iso), text: approvedOn.iso)
                    Node.text(s.reportApproved)
                    if let body = plan.reportApprovedBy { s.data("（\(body)）") }
                }
            }
            for status in Plan.Status.allCases {
                if let date = plan.stages.date(of: status) {
                    Node.li {
                        Node.time(.datetime(date.iso), text: date.iso)
                        Node.text(s.stage(status))
                        if status == .approved, let meeting = plan.approvalMeeting { s.data("（\(meeting)）") }
                    }
                } else {
                    Node.li(.class("pending"), text: "\(s.stage(status))：\(s.notReached)")
                }
            }
        }
    }

    private static func others(_ plans: [(plan: Plan, jurisdictionName: String)], _ s: Strings) -> Node {
        if plans.isEmpty { return .empty }
        return .fragment {
            Node.h2(text: s.otherPlans)
            Node.ul {
                for entry in plans {
                    Node.li {
                        Node.a(.href(SiteURL.plan(entry.plan.id).path), s.dataLang, text: "\(entry.jurisdictionName) \(entry.plan.title)")
                    }
                }
            }
        }
    }
}
