import Foundation
import LuoshiDomain
import LuoshiHTML

/// 开放数据 and 数据说明.
enum OpenDataPages {
    struct Dataset: Sendable {
        var plan: Plan
        var jurisdictionName: String
        var progress: PublicProgress?
    }

    static func index(_ datasets: [Dataset], context: PageContext) -> Node {
        let s = context.strings, d = s.disclosure
        return Layout.page(title: d.openDataTitle, context: context, content: [
            .h1(text: d.openDataTitle),
            .p(text: d.openDataIntro),
            .p {
                Node.a(.href(SiteURL.openDataDictionary.path), text: d.dictionaryTitle)
                Node.text("　")
                Node.a(.href(SiteURL.feed.path), .type("application/atom+xml"), text: d.feedLink)
            },
            datasets.isEmpty ? .p(text: d.noPlans) : .fragment(datasets.map { dataset(in: $0, context) }),
            .h2(text: d.licenceTitle),
            .p(text: OpenData.licence.text(in: context.language)),
            .p { Node.a(.href(OpenData.licenceURL), text: d.licenceLink) },
        ])
    }

    private static func dataset(in dataset: Dataset, _ context: PageContext) -> Node {
        let s = context.strings, d = s.disclosure, plan = dataset.plan
        let headingID = "datasets-\(plan.id.uuidString.lowercased())"
        return .section(.ariaLabelledBy(headingID)) {
            Node.h2(.id(headingID), s.dataLang, text: d.datasetsOf(plan.title))
            Node.table(.class("stack")) {
                Node.caption(.class("visually-hidden"), text: d.datasetsOf(plan.title))
                Node.thead {
                    Node.tr {
                        Node.th(.scope("col"), text: d.openDataTitle)
                        Node.th(.scope("col"), text: d.formats)
                    }
                }
                Node.tbody {
                    Node.tr {
                        Node.th(.scope("row"), text: d.planDataset)
                        Node.td(.data("label", d.formats)) {
                            Node.a(.href(SiteURL.planExport(plan.id, format: "csv").path), text: "CSV")
                            Node.text("　")
                            Node.a(.href(SiteURL.planExport(plan.id, format: "xlsx").path), text: "XLSX")
                        }
                    }
                    Node.tr {
                        Node.th(.scope("row")) {
                            Node.text(d.progressDataset)
                            Node.br()
                            Node.small(text: dataset.progress.map { d.progressFrom($0.issue, $0.month) } ?? d.progressNotYet)
                        }
                        Node.td(.data("label", d.formats)) {
                            Node.a(.href(SiteURL.planProgressCSV(plan.id).path), text: "CSV")
                            Node.text("　")
                            Node.a(.href(SiteURL.planProgressJSON(plan.id).path), text: "JSON")
                        }
                    }
                }
            }
        }
    }

    static func dictionary(context: PageContext) -> Node {
        let s = context.strings, d = s.disclosure
        return Layout.page(title: d.dictionaryTitle, context: context, crumbs: [Crumb(title: d.openDataTitle, url: .openData), Crumb(title: d.dictionaryTitle)],
                           content: [
                               .h1(text: d.dictionaryTitle),
                               .p(text: d.dictionaryIntro),
                               fields(d.planDataset, id: "plan-fields", OpenData.planFields, context),
                               fields(d.progressDataset, id: "progress-fields", OpenData.progressFields, context),
                               .h2(text: d.licenceTitle),
                               .p(text: OpenData.licence.text(in: context.language)),
                           ])
    }

    private static func fields(_ title: String, id: String, _ fields: [OpenData.Field], _ context: PageContext) -> Node {
        let d = context.strings.disclosure
        return .section(.ariaLabelledBy(id)) {
            Node.h2(.id(id), text: title)
            Node.table(.class("stack")) {
                Node.caption(.class("visually-hidden"), text: title)
                Node.thead {
                    Node.tr {
                        for heading in [d.column, d.jsonKey, d.type, d.meaning] { Node.th(.scope("col"), text: heading) }
                    }
                }
                Node.tbody {
                    for field in fields {
                        Node.tr {
                            Node.th(.scope("row"), .lang("zh-CN"), text: field.column)
                            Node.td(.data("label", d.jsonKey)) { Node.code(text: field.key) }
                            Node.td(.data("label", d.type), text: field.type.text(in: context.language))
                            Node.td(.data("label", d.meaning), text: field.meaning.text(in: context.language))
                        }
                    }
                }
            }
        }
    }
}
