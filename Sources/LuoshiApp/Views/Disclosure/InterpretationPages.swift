import Foundation
import LuoshiDomain
import LuoshiHTML

/// 政策解读: the public page of a published version, and the office's editor of the draft.
enum InterpretationPages {
    /// One version as it reads.
    struct Document: Sendable {
        var title: String
        var number: Int
        var publishedOn: CalendarDate?
        var sections: [Interpretation.Section]
        var contact: Interpretation.Contact
    }

    /// A published version, for the list of versions.
    struct Published: Sendable {
        var number: Int
        var publishedOn: CalendarDate?
    }

    static func publicPage(plan: Plan, document: Document, versions: [Published], metadata: DisclosureMetadataView.Fields,
                           context: PageContext) -> Node {
        let s = context.strings, d = s.disclosure
        return Layout.page(title: document.title, context: context, crumbs: [
            Crumb(title: plan.title, url: .plan(plan.id), isData: true), Crumb(title: d.interpretation),
        ], content: [
            .h1(s.dataLang, text: document.title),
            DisclosureMetadataView.block(metadata, context: context),
            .p(text: d.versionLine(document.number, document.publishedOn)),
            body(document, context),
            versions.count > 1 ? .section(.ariaLabelledBy("versions")) {
                Node.h2(.id("versions"), text: d.versions)
                Node.ul {
                    for version in versions.reversed() {
                        Node.li {
                            if version.number == document.number {
                                Node.span(.ariaCurrent("page"), text: d.versionLine(version.number, version.publishedOn))
                            } else {
                                Node.a(.href(SiteURL.interpretation(plan.id, version: version.number).path), text: d.versionLine(version.number, version.publishedOn))
                            }
                        }
                    }
                }
            } : .empty,
        ])
    }

    /// The sections and the interpreting office's block, as the public reads them.
    static func body(_ document: Document, _ context: PageContext) -> Node {
        let s = context.strings, d = s.disclosure
        return .div(.class("interpretation")) {
            Node.div(s.dataLang) {  // the text is Chinese in either language; the labels below are not
                for section in document.sections {
                    Node.h2(text: section.heading)
                    for paragraph in section.text.components(separatedBy: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !paragraph.isEmpty {
                        Node.p(text: paragraph)
                    }
                }
            }
            Node.h2(text: d.contactTitle)
            Node.dl(.class("meta")) {
                for (label, value) in [(d.contactOffice, document.contact.office), (d.contactPerson, document.contact.person),
                                       (d.contactAddress, document.contact.address), (d.contactPhone, document.contact.phone)] where !value.isEmpty {
                    Node.dt(text: label)
                    Node.dd(s.dataLang, text: value)
                }
            }
        }
    }

    struct Editor: Sendable {
        var plan: Plan
        var draft: Document?
        var draftVersion: Int
        var published: [Published]
        /// Figures the latest text states that the plan no longer matches.
        var mismatches: [LocalizedText]
        var csrfToken: String
        var error: DomainError?
        var notice: String?
    }

    static func editor(_ model: Editor, context: PageContext) -> Node {
        let s = context.strings, d = s.disclosure, language = context.language, plan = model.plan
        return Layout.page(title: d.interpretationEditor, context: context, crumbs: [
            Crumb(title: plan.title, url: .planManage(plan.id), isData: true), Crumb(title: d.interpretationEditor),
        ], content: [
            .h1(text: d.interpretationEditor),
            Forms.errorSummary(model.error, language: language),
            model.notice.map { Node.p(.class("notice"), .role("status"), text: $0) } ?? .empty,
            model.mismatches.isEmpty ? .empty : .div(.class("notice"), .role("note")) {
                Node.p { Node.strong(text: d.figuresChanged) }
                Node.ul { for mismatch in model.mismatches { Node.li(text: mismatch.text(in: language)) } }
            },
            model.published.isEmpty ? .p(text: d.nothingPublished) : .p {
                Node.text(d.latestPublished + " ")
                Node.a(.href(SiteURL.interpretation(plan.id).path), text: d.versionLine(model.published.last!.number, model.published.last!.publishedOn))
            },
            draftSection(model, context),
        ])
    }

    private static func draftSection(_ model: Editor, _ context: PageContext) -> Node {
        let s = context.strings, d = s.disclosure, language = context.language, plan = model.plan
        guard let draft = model.draft else {
            return .form(.method("post"), .action(SiteURL.interpretationDraft(plan.id).path), .class("stacked-form")) {
                Forms.csrf(model.csrfToken)
                Node.p(text: model.published.isEmpty ? d.startHint : d.reviseHint)
                Forms.submit(model.published.isEmpty ? d.start : d.revise)
            }
        }
        return .fragment {
            Node.h2(text: d.draftOf(draft.number))
            Node.form(.method("post"), .action(SiteURL.interpretationSave(plan.id).path), .class("stacked-form")) {
                Forms.csrf(model.csrfToken)
                Node.input(.type("hidden"), .name("version"), .value(String(model.draftVersion)))
                for (index, section) in draft.sections.enumerated() {
                    Forms.textarea(section.heading, name: "section\(index + 1)", value: section.text, rows: 8, required: true, error: model.error, language: language)
                }
                Forms.field(d.contactOffice, name: "office", value: draft.contact.office, required: true, error: model.error, language: language)
                Forms.field(d.contactPerson, name: "person", value: draft.contact.person, error: model.error, language: language)
                Forms.field(d.contactAddress, name: "address", value: draft.contact.address, error: model.error, language: language)
                Forms.field(d.contactPhone, name: "phone", type: "tel", value: draft.contact.phone, required: true, error: model.error, language: language)
                Forms.submit(d.saveDraft)
            }
            Node.h2(text: d.preview)
            Node.div(.class("preview")) { body(draft, context) }
            Forms.button(d.publish, action: .interpretationPublish(plan.id), csrf: model.csrfToken, hidden: [("version", String(model.draftVersion))])
        }
    }
}
