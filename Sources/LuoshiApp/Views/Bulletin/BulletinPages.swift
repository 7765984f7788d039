import Foundation
import LuoshiDomain
import LuoshiHTML

/// A bulletin as a page: the same `Bulletin.Document` the Word file is written from, in the
/// order of a 督查通报 (masthead, issue line, issuer and date over a red rule, title, body,
/// signature, imprint). Always Chinese (`lang="zh-CN"`): it is an official document.
enum BulletinDocumentView {
    /// `titleLevel` is 1 on the public page (the bulletin is the page) and 2 inside the office's page.
    static func render(_ document: Bulletin.Document, titleLevel: Int) -> Node {
        let title = titleLevel == 1 ? Node.h1(.class("bulletin-title"), text: document.title) : Node.h2(.class("bulletin-title"), text: document.title)
        let sectionHeading = { (text: String) in titleLevel == 1 ? Node.h2(text: text) : Node.h3(text: text) }
        return .article(.class("bulletin"), .lang("zh-CN")) {
            Node.header(.class("bulletin-head")) {
                Node.p(.class("bulletin-masthead"), text: document.masthead)
                Node.p(.class("bulletin-issue"), text: document.issueLine)
                Node.p(.class("bulletin-rule")) {
                    Node.span(text: document.issuer)
                    Node.span(text: document.date)
                }
            }
            title
            for block in document.blocks {
                switch block {
                case .addressee(let text): Node.p(.class("bulletin-addressee"), text: text)
                case .heading(let text): sectionHeading(text)
                case .paragraph(let text): Node.p(.class("bulletin-text"), text: text)
                case .table(let table): self.table(table)
                }
            }
            Node.div(.class("bulletin-signature")) {
                for line in document.signature { Node.p(text: line) }
            }
            Node.p(.class("bulletin-imprint"), text: document.imprint)
        }
    }

    private static func table(_ table: Bulletin.Table) -> Node {
        let numeric = table.numericColumns
        return .table(.class("stack bulletin-table")) {
            Node.caption(text: table.caption)
            Tables.head(table.columns)
            Node.tbody {
                for row in table.rows {
                    Node.tr {
                        for (index, cell) in row.enumerated() {
                            if index == 0 {
                                Node.th(.scope("row"), text: cell)
                            } else {
                                numeric[index] ? Node.td(.class("num"), .data("label", table.columns[index]), text: cell)
                                    : Node.td(.data("label", table.columns[index]), text: cell)
                            }
                        }
                    }
                }
            }
        }
    }

    /// A whole HTML file of the public version (the CLI's `--format html`): the document with
    /// its own screen and A4 print styles, readable offline.
    static func standalone(_ document: Bulletin.Document) -> String {
        Node.html(.lang("zh-CN")) {
            Node.head {
                Node.meta(.charset("utf-8"))
                Node.meta(.name("viewport"), .content("width=device-width, initial-scale=1"))
                Node.title(text: document.title)
                Node.element("style", [], [.trustedMarkup(Stylesheet.bulletin)])
            }
            Node.body {
                Node.main { render(document, titleLevel: 1) }
            }
        }.renderDocument()
    }
}

/// 督查通报 of a plan for internal users: every issue and draft, and (for the office) the form
/// that generates a draft from a round.
enum BulletinsPage {
    struct Entry: Sendable {
        var id: UUID
        var issue: Int?
        var month: YearMonth
        var title: String
        var status: Bulletin.Status
        var date: CalendarDate
    }

    struct Model: Sendable {
        var plan: Plan
        var entries: [Entry]
        var rounds: [DispatchStore.Round]
        var managesPlans: Bool
        var csrfToken: String
        var errors: [DomainError]
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, b = s.bulletins, d = s.dispatch
        return Layout.page(title: b.title, context: context, crumbs: [
            Crumb(title: s.account.workbench, url: .workbench), Crumb(title: d.roundsTitle, url: .planRounds(model.plan.id)), Crumb(title: b.title),
        ], content: [
            .h1(text: b.title),
            .p(s.dataLang, text: model.plan.title),
            Forms.errorSummary(model.errors, language: context.language),
            model.plan.isPublic ? .p { Node.a(.href(SiteURL.publicBulletins(model.plan.id).path), text: b.publicVersion) } : .empty,
            model.entries.isEmpty ? .p(text: b.none) : .table(.class("stack")) {
                Node.caption(.class("visually-hidden"), text: b.title)
                Tables.head([b.issue, b.month, b.documentTitle, b.status, b.date])
                Node.tbody {
                    for entry in model.entries {
                        Node.tr {
                            Node.th(.scope("row")) { Node.a(.href(SiteURL.bulletin(entry.id).path), text: b.issueName(entry.issue)) }
                            Node.td(.data("label", b.month), text: d.roundName(entry.month))
                            Node.td(.data("label", b.documentTitle), .lang("zh-CN"), text: entry.title)
                            Node.td(.data("label", b.status), text: b.statusName(entry.status))
                            Node.td(.data("label", b.date)) { Node.time(.datetime(entry.date.iso), text: entry.date.iso) }
                        }
                    }
                }
            },
            model.managesPlans && !model.rounds.isEmpty ? .form(.method("post"), .action(SiteURL.bulletins(model.plan.id).path), .class("stacked-form")) {
                Node.h2(text: b.generate)
                Forms.csrf(model.csrfToken)
                Forms.select(b.round, name: "round", options: model.rounds.reversed().map { ($0.id.uuidString, d.roundName($0.month)) },
                             selected: nil, error: model.errors.first { $0.field == "round" }, language: context.language)
                Node.p(.class("hint"), text: b.generateHint)
                Forms.submit(b.generate)
            } : .empty,
        ])
    }
}

/// One bulletin for internal users: its facts, the office's actions (edit, refresh, publish,
/// correct), the internal note and the document itself.
enum BulletinPage {
    struct Model: Sendable {
        var plan: Plan
        var id: UUID
        var status: Bulletin.Status
        var issue: Bulletin.Issue
        var snapshot: Bulletin.Snapshot
        var texts: Bulletin.Texts
        var document: Bulletin.Document
        var version: Int
        var correctsID: UUID?
        var correctedBy: [(id: UUID, issue: Int?)]
        var publishedBy: String?
        var publishedAt: Date?
        var managesPlans: Bool
        var csrfToken: String
        var form: Bulletin.Form
        var errors: [DomainError]
        var notice: String?
        var instructions: [InstructionViews.Summary] = []
        var mayInstruct = false

        func error(_ field: String) -> DomainError? { errors.first { $0.field == field } }
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, b = s.bulletins, language = context.language
        let heading = "\(model.issue.number.map { b.issueName($0) } ?? b.draftName(model.issue.nextNumber)) · \(s.dispatch.roundName(model.snapshot.month))"
        let draft = model.status == .draft
        return Layout.page(title: heading, context: context, crumbs: [
            Crumb(title: s.account.workbench, url: .workbench), Crumb(title: b.title, url: .bulletins(model.plan.id)), Crumb(title: heading),
        ], content: [
            .h1(text: heading),
            Forms.success(model.notice.flatMap(b.done)),
            Forms.errorSummary(model.errors, language: language),
            .dl(.class("meta")) {
                Node.dt(text: b.status)
                Node.dd(text: b.statusName(model.status) + (draft ? "" : "（\(b.immutable)）"))
                Node.dt(text: b.asOf)
                Node.dd { Node.time(.datetime(model.snapshot.asOf.iso), text: model.snapshot.asOf.iso) }
                Node.dt(text: b.takenAt)
                Node.dd(text: Display.beijingTime(model.snapshot.takenAt))
                Node.dt(text: b.ruleSet)
                Node.dd(text: model.snapshot.ruleSet)
                if let corrects = model.issue.corrects, let id = model.correctsID {
                    Node.dt(text: b.corrects)
                    Node.dd { Node.a(.href(SiteURL.bulletin(id).path), text: b.issueName(corrects)) }
                }
                if !model.correctedBy.isEmpty {
                    Node.dt(text: b.correctedBy)
                    Node.dd {
                        for entry in model.correctedBy { Node.a(.href(SiteURL.bulletin(entry.id).path), text: b.issueName(entry.issue)); Node.text(" ") }
                    }
                }
                if let by = model.publishedBy, let at = model.publishedAt {
                    Node.dt(text: b.publishedBy)
                    Node.dd(text: "\(by)　\(Display.beijingTime(at))")
                }
            },
            .p(.class("actions")) {
                Node.a(.href(SiteURL.bulletinWord(model.id).path), text: b.word)
                if let number = model.issue.number, model.plan.isPublic {
                    Node.a(.href(SiteURL.publicBulletin(planID: model.plan.id, issue: number).path), text: b.publicVersion)
                }
            },
            model.managesPlans ? actions(model, b) : .empty,
            model.texts.internalNote.isEmpty ? .empty : .div(.class("notice")) {
                Node.strong(text: b.internalNote)
                Node.span(.lang("zh-CN"), text: model.texts.internalNote)
            },
            model.managesPlans && draft ? editForm(model, b, language: language) : .empty,
            .section(.ariaLabelledBy("instructions")) {
                Node.h2(.id("instructions"), text: "\(s.instructions.title)（\(model.instructions.count)）")
                InstructionViews.list(model.instructions, context: context)
                if model.mayInstruct {
                    InstructionViews.form([("target", "bulletin"), ("bulletinID", model.id.uuidString)], label: s.instructions.text,
                                          csrfToken: model.csrfToken, context: context)
                }
            },
            .h2(text: b.preview),
            BulletinDocumentView.render(model.document, titleLevel: 2),
        ])
    }

    private static func actions(_ model: Model, _ b: BulletinStrings) -> Node {
        func form(_ url: SiteURL, _ label: String, hint: String) -> Node {
            .form(.method("post"), .action(url.path), .class("inline-form")) {
                Forms.csrf(model.csrfToken)
                Node.input(.type("hidden"), .name("version"), .value(String(model.version)))
                Forms.submit(label)
                Node.p(.class("hint"), text: hint)
            }
        }
        return .div(.class("card")) {
            if model.status == .draft {
                form(.bulletinPublish(model.id), b.publish, hint: b.publishHint)
                form(.bulletinRefresh(model.id), b.refresh, hint: b.refreshHint)
            } else {
                form(.bulletinCorrect(model.id), b.correct, hint: b.correctHint)
            }
        }
    }

    private static func editForm(_ model: Model, _ b: BulletinStrings, language: Language) -> Node {
        .form(.method("post"), .action(SiteURL.bulletin(model.id).path), .class("stacked-form"), .ariaLabel(b.edit)) {
            Node.h2(text: b.edit)
            Forms.csrf(model.csrfToken)
            Node.input(.type("hidden"), .name("version"), .value(String(model.version)))
            Forms.field(b.fieldTitle, name: "title", value: model.form.title, required: true, error: model.error("title"), language: language)
            Forms.textarea(b.fieldIntro, name: "intro", value: model.form.intro, rows: 4, required: true, error: model.error("intro"), language: language)
            Forms.textarea(b.fieldPraise, name: "praise", value: model.form.praise, rows: 3, hint: b.fieldPraiseHint, error: model.error("praise"),
                           language: language)
            Forms.textarea(b.fieldRequirements, name: "requirements", value: model.form.requirements, rows: 5, required: true,
                           hint: b.fieldRequirementsHint, error: model.error("requirements"), language: language)
            Forms.textarea(b.fieldInternalNote, name: "internalNote", value: model.form.internalNote, rows: 2, hint: b.fieldInternalNoteHint,
                           error: model.error("internalNote"), language: language)
            Forms.field(b.fieldIssuer, name: "issuer", value: model.form.issuer, required: true, error: model.error("issuer"), language: language)
            Forms.field(b.fieldSignedOn, name: "signedOn", type: "date", value: model.form.signedOn, required: true, error: model.error("signedOn"),
                        language: language)
            Forms.submit(b.save)
        }
    }
}

/// The public list of a plan's published bulletins.
enum PublicBulletinsPage {
    struct Entry: Sendable {
        var issue: Int
        var title: String
        var signedOn: CalendarDate
    }

    static func render(plan: Plan, entries: [Entry], context: PageContext) -> Node {
        let s = context.strings, b = s.bulletins
        return Layout.page(title: b.publicTitle, context: context, crumbs: [
            Crumb(title: plan.title, url: .plan(plan.id), isData: true), Crumb(title: b.publicTitle),
        ], content: [
            .h1(text: b.publicTitle),
            .p(s.dataLang, text: plan.title),
            entries.isEmpty ? .p(text: b.nonePublished) : .ul(.class("cards")) {
                for entry in entries {
                    Node.li {
                        Node.a(.href(SiteURL.publicBulletin(planID: plan.id, issue: entry.issue).path)) {
                            Node.strong(text: b.issueName(entry.issue))
                            Node.text(" ")
                            Node.span(.lang("zh-CN"), text: entry.title)
                        }
                        Node.p { Node.time(.datetime(entry.signedOn.iso), text: entry.signedOn.iso) }
                    }
                }
            },
        ])
    }
}

/// One published bulletin as the public reads it: the document without internal notes, its
/// Word file, and where a later issue corrects it.
enum PublicBulletinPage {
    static func render(plan: Plan, issue: Int, title: String, content: Prerendered, correctedBy: [Int],
                       metadata: DisclosureMetadataView.Fields, context: PageContext) -> Node {
        let s = context.strings, b = s.bulletins
        return Layout.page(title: title, context: context, crumbs: [
            Crumb(title: plan.title, url: .plan(plan.id), isData: true), Crumb(title: b.publicTitle, url: .publicBulletins(plan.id)),
            Crumb(title: b.issueName(issue)),
        ], content: [
            correctedBy.isEmpty ? .empty : .div(.class("notice")) {
                Node.strong(text: b.correctedBy)
                for number in correctedBy {
                    Node.a(.href(SiteURL.publicBulletin(planID: plan.id, issue: number).path), text: b.issueName(number))
                    Node.text(" ")
                }
            },
            DisclosureMetadataView.block(metadata, context: context),
            .p(.class("no-print")) { Node.a(.href(SiteURL.publicBulletinWord(planID: plan.id, issue: issue).path), text: b.word) },
            .prerendered(content),
        ])
    }
}
