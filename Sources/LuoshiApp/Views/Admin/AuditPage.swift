import Foundation
import LuoshiDomain
import LuoshiHTML

/// 审计日志 (audit administrator): filter by user, action, target, outcome and dates; export CSV.
enum AuditPage {
    struct Filter: Sendable, Equatable {
        var user = ""
        var action = ""
        var target = ""
        var outcome: AuditRecord.Outcome?
        var from: CalendarDate?
        var to: CalendarDate?

        /// The filter as query items, for the CSV link.
        var queryString: String {
            var items: [(String, String)] = []
            if !user.isEmpty { items.append(("user", user)) }
            if !action.isEmpty { items.append(("action", action)) }
            if !target.isEmpty { items.append(("target", target)) }
            if let outcome { items.append(("outcome", outcome.rawValue)) }
            if let from { items.append(("from", from.iso)) }
            if let to { items.append(("to", to.iso)) }
            return items.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")" }.joined(separator: "&")
        }
    }

    struct Model: Sendable {
        var filter: Filter
        var rows: [AuditRecord]
        var total: Int
        var error: DomainError?
    }

    static let pageSize = 200

    static func render(_ model: Model, context: PageContext) -> Node {
        let a = context.strings.account
        let language = context.language
        let f = model.filter
        let outcomes = [(value: "", text: a.any)] + AuditRecord.Outcome.allCases.map { (value: $0.rawValue, text: a.outcome($0)) }
        return Layout.page(title: a.audit, context: context, content: [
            .h1(text: a.audit),
            Forms.errorSummary(model.error, language: language),
            .form(.method("get"), .action(SiteURL.adminAudit.path), .class("filter-form"), .ariaLabel(a.auditFilters)) {
                Forms.field(a.auditUser, name: "user", value: f.user, error: model.error, language: language)
                Forms.field(a.auditAction, name: "action", value: f.action, error: model.error, language: language)
                Forms.field(a.auditTarget, name: "target", value: f.target, error: model.error, language: language)
                Forms.select(a.auditOutcome, name: "outcome", options: outcomes, selected: f.outcome?.rawValue ?? "", error: model.error, language: language)
                Forms.field(a.auditFrom, name: "from", type: "date", value: f.from?.iso ?? "", error: model.error, language: language)
                Forms.field(a.auditTo, name: "to", type: "date", value: f.to?.iso ?? "", error: model.error, language: language)
                Forms.submit(a.filter)
            },
            .p {
                Node.text(a.showingRows(model.rows.count, model.total) + " ")
                Node.a(.href(SiteURL.adminAuditCSV.path + (f.queryString.isEmpty ? "" : "?" + f.queryString)), text: a.exportCSV)
            },
            model.rows.isEmpty ? .p(text: a.noRows) : table(model.rows, context),
        ])
    }

    private static func table(_ rows: [AuditRecord], _ context: PageContext) -> Node {
        let a = context.strings.account
        return .table(.class("stack")) {
            Node.caption(.class("visually-hidden"), text: a.audit)
            Tables.head(["#", a.auditTime, a.auditUser, a.auditIP, a.auditAction, a.auditTarget, a.auditOutcome, a.auditSummary])
            Node.tbody {
                for row in rows {
                    Node.tr {
                        Node.th(.scope("row"), text: String(row.sequence))
                        Node.td(.data("label", a.auditTime), text: row.occurredAt)
                        Node.td(.data("label", a.auditUser), text: row.username)
                        Node.td(.data("label", a.auditIP), text: row.clientIP)
                        Node.td(.data("label", a.auditAction), text: row.action)
                        Node.td(.data("label", a.auditTarget), text: row.targetType.isEmpty ? "" : "\(row.targetType) \(row.targetID)")
                        Node.td(.data("label", a.auditOutcome), text: a.outcome(row.outcome))
                        Node.td(.data("label", a.auditSummary), text: row.summary)
                    }
                }
            }
        }
    }
}
