import Foundation
import LuoshiDomain
import LuoshiHTML

/// 任务办理: one task's consultation comments, charters and change requests, with the forms the
/// signed-in user may use — a unit comments, writes its charter and requests changes; the office
/// replies, reviews and decides.
enum TaskWorkPage {
    /// What the user typed into a refused form, shown again with the errors.
    struct Drafts: Sendable {
        var fields: [String: String] = [:]
        /// The comment, request or charter unit whose own form was refused.
        var commentID: UUID?
        var requestID: UUID?
    }

    struct Model: Sendable {
        var plan: Plan
        var part: Part?
        var listing: TaskListing
        var revisions: [ChangeControl.Revision]
        var record: TaskWorkRecord
        var actor: Actor
        var unitRole: TaskUnitRole?
        var unitName: @Sendable (UUID) -> String
        var csrfToken: String
        var errors: [DomainError]
        var drafts: Drafts
        /// The step just done, from the redirect after a successful post.
        var notice: String?
        /// Leaders' instructions on the task and its reports, newest first.
        var instructions: [InstructionViews.Summary] = []

        var isOffice: Bool { actor.role == .supervisor }
        var task: PlanTask { listing.task }
        func error(_ field: String) -> DomainError? { errors.first { $0.field == field } }
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, w = s.taskWork
        let task = model.task
        let heading = w.heading(task.number.description)
        var crumbs = [Crumb(title: s.account.workbench, url: .workbench)]
        crumbs.append(Crumb(title: heading))
        return Layout.page(title: heading, context: context, crumbs: crumbs, content: [
            .h1(text: heading),
            Forms.success(model.notice.flatMap(w.doneMessage)),
            Forms.errorSummary(model.errors, language: context.language, fieldID: { fieldID($0, model) }),
            .p(.class("lead"), s.dataLang, text: task.content),
            .p {
                Node.text("\(model.plan.title)　\(s.planStatus(model.plan.status))　")
                if model.plan.isPublic { Node.a(.href(SiteURL.task(task.id).path), text: w.publicPage) }
                if model.isOffice && model.plan.status != .issued {
                    Node.text("　")
                    Node.a(.href(SiteURL.taskEdit(task.id).path), text: w.editTask)
                }
            },
            TaskPage.details(model.listing, part: model.part, planID: model.plan.id, s),
            TaskPage.revisions(model.revisions, s),
            comments(model, context),
            charters(model, context),
            changes(model, context),
            .section(.ariaLabelledBy("instructions")) {
                Node.h2(.id("instructions"), text: "\(s.instructions.title)（\(model.instructions.count)）")
                InstructionViews.list(model.instructions, context: context)
                if Policy.can(model.actor, .instruct) {
                    InstructionViews.form([("target", "task"), ("taskID", task.id.uuidString)], label: s.instructions.text, csrfToken: model.csrfToken,
                                          context: context)
                }
            },
        ])
    }

    /// Element ids of fields that sit in one of several forms of a kind on the page.
    static func fieldID(_ field: String, _ model: Model) -> String {
        if let id = model.drafts.commentID, ["decision", "reply"].contains(field) { return "reply-\(id.uuidString.lowercased())-\(field)" }
        if let id = model.drafts.requestID, field == "note" { return "decide-\(id.uuidString.lowercased())-\(field)" }
        if field == "comment", let unit = model.drafts.fields["unitID"] { return "review-\(unit.lowercased())-comment" }
        return "field-\(field)"
    }

    // MARK: Consultation

    private static func comments(_ model: Model, _ context: PageContext) -> Node {
        let s = context.strings, w = s.taskWork, language = context.language
        let open = model.plan.status == .consultation
        guard open || !model.record.comments.isEmpty else { return .empty }
        return .section(.ariaLabelledBy("comments")) {
            Node.h2(.id("comments"), text: w.comments)
            if model.record.comments.isEmpty { Node.p(text: w.noComments) }
            for comment in model.record.comments {
                Node.article(.class("card")) {
                    Node.h3(text: "\(model.unitName(comment.unitID))：\(w.stance(comment.stance))")
                    if !comment.text.isEmpty { Node.p(s.dataLang, text: comment.text) }
                    Node.p(.class("hint"), text: w.byAt(comment.author, comment.createdAt))
                    Node.p {
                        Node.strong(text: "\(w.decisionLabel)：")
                        Node.text(w.decision(comment.decision))
                        if let reply = comment.reply {
                            Node.text("　")
                            s.data(reply)
                        }
                    }
                    if model.isOffice && open {
                        let prefix = "reply-\(comment.id.uuidString.lowercased())"
                        let mine = model.drafts.commentID == comment.id
                        let error: DomainError? = mine ? model.errors.first : nil
                        Node.form(.method("post"), .action(SiteURL.taskCommentReply(taskID: model.task.id, commentID: comment.id).path),
                                  .class("stacked-form"), .ariaLabel(w.replyTo(model.unitName(comment.unitID)))) {
                            Forms.csrf(model.csrfToken)
                            Node.input(.type("hidden"), .name("version"), .value(String(comment.version)))
                            Forms.select(w.decisionLabel, name: "decision",
                                         options: [("adopted", w.decision(.adopted)), ("notAdopted", w.decision(.notAdopted))],
                                         selected: mine ? model.drafts.fields["decision"] : (comment.decision == .pending ? nil : comment.decision.rawValue),
                                         error: error, language: language, id: "\(prefix)-decision")
                            Forms.textarea(w.reply, name: "reply", value: mine ? model.drafts.fields["reply"] ?? "" : comment.reply ?? "",
                                           required: true, error: error, language: language, id: "\(prefix)-reply")
                            Forms.submit(w.saveReply)
                        }
                    }
                }
            }
            if open && model.unitRole != nil {
                Node.h3(text: w.addComment)
                Node.form(.method("post"), .action(SiteURL.taskComment(model.task.id).path), .class("stacked-form"), .ariaLabel(w.addComment)) {
                    Forms.csrf(model.csrfToken)
                    Forms.select(w.stanceLabel, name: "stance", options: [("agree", w.stance(.agree)), ("propose", w.stance(.propose))],
                                 selected: model.drafts.fields["stance"], error: model.error("stance"), language: language)
                    Forms.textarea(w.commentText, name: "text", value: model.drafts.fields["text"] ?? "", rows: 4, hint: w.commentHint,
                                   error: model.error("text"), language: language)
                    Forms.submit(w.submitComment)
                }
            }
        }
    }

    // MARK: Charters

    private static func charters(_ model: Model, _ context: PageContext) -> Node {
        let s = context.strings, w = s.taskWork
        guard model.plan.status == .issued else { return .empty }
        let myUnit = model.unitRole == .lead ? model.actor.unitID : nil
        return .section(.ariaLabelledBy("charter")) {
            Node.h2(.id("charter"), text: w.charter)
            Node.p(.class("hint"), text: w.charterHint)
            for unitID in model.task.leadUnitIDs where model.actor.role != .unitStaff || unitID == myUnit {
                let entry = model.record.charters.first { $0.unitID == unitID }
                Node.h3(text: "\(model.unitName(unitID))：\(entry.map { w.charterStatus($0.status) } ?? w.noCharter)")
                if let entry {
                    charterContent(entry.charter, model.task, s)
                    history(entry, s)
                    if model.isOffice && entry.status == .submitted { review(model, entry, context) }
                }
                if unitID == myUnit, entry.map({ [.draft, .returned].contains($0.status) }) ?? true {
                    charterForm(model, entry, context)
                }
            }
        }
    }

    private static func charterContent(_ charter: Charter, _ task: PlanTask, _ s: Strings) -> Node {
        let w = s.taskWork
        return .fragment {
            Node.table(.class("stack")) {
                Node.caption(text: w.quarterTargets)
                Tables.head([w.quarter, w.target, w.expectedPercent])
                Node.tbody {
                    for (index, quarter) in charter.quarters.enumerated() {
                        Node.tr {
                            Node.th(.scope("row"), text: w.quarterName(index + 1))
                            Node.td(.data("label", w.target)) { s.data(quarter.target) }
                            Node.td(.data("label", w.expectedPercent), text: "\(quarter.expectedPercent)%")
                        }
                    }
                }
            }
            Node.table(.class("stack")) {
                Node.caption(text: w.monthlyPlan)
                Tables.head([w.month, w.plannedWork])
                Node.tbody {
                    for (index, month) in charter.months.enumerated() where !month.isEmpty {
                        Node.tr {
                            Node.th(.scope("row"), text: w.monthName(index + 1))
                            Node.td(.data("label", w.plannedWork)) { s.data(month) }
                        }
                    }
                }
            }
            Node.dl(.class("meta")) {
                Node.dt(text: w.roadmap)
                Node.dd { s.data(charter.roadmap) }
                if task.kind == .phased {
                    Node.dt(text: s.measures)
                    Node.dd { s.data(charter.measures) }
                    Node.dt(text: w.completesOn)
                    Node.dd(text: charter.completesOn?.iso ?? s.none)
                } else {
                    Node.dt(text: s.annualTarget)
                    Node.dd { s.data(charter.annualTarget) }
                }
                Node.dt(text: s.milestones)
                Node.dd { s.data(TaskEditing.milestoneText(charter.milestones).replacingOccurrences(of: "\n", with: "；")) }
                Node.dt(text: w.owner)
                Node.dd { s.data("\(charter.owner.leader)　\(charter.owner.section)　\(charter.owner.staff)　\(charter.owner.contact)") }
            }
        }
    }

    private static func history(_ entry: TaskWorkRecord.CharterEntry, _ s: Strings) -> Node {
        let w = s.taskWork
        return .fragment {
            Node.h4(text: w.history)
            Node.ol {
                for event in entry.history {
                    Node.li {
                        Node.text("\(event.at.map(Display.beijingTime) ?? "")　\(event.actor)　\(w.step(event.step))")
                        if !event.comment.isEmpty {
                            Node.text("：")
                            s.data(event.comment)
                        }
                    }
                }
            }
        }
    }

    private static func review(_ model: Model, _ entry: TaskWorkRecord.CharterEntry, _ context: PageContext) -> Node {
        let w = context.strings.taskWork
        let unit = entry.unitID.uuidString.lowercased()
        let mine = model.drafts.fields["unitID"]?.lowercased() == unit
        return .form(.method("post"), .action(SiteURL.taskCharterReview(model.task.id).path), .class("stacked-form"),
                     .ariaLabel(w.reviewOf(model.unitName(entry.unitID)))) {
            Forms.csrf(model.csrfToken)
            Node.input(.type("hidden"), .name("unitID"), .value(unit))
            Node.input(.type("hidden"), .name("version"), .value(String(entry.version)))
            Forms.textarea(w.reviewComment, name: "comment", value: mine ? model.drafts.fields["comment"] ?? "" : "", hint: w.reviewHint,
                           error: mine ? model.error("comment") : nil, language: context.language, id: "review-\(unit)-comment")
            Node.div(.class("actions")) {
                Node.button(.type("submit"), .name("step"), .value("approve"), text: w.approve)
                Node.button(.type("submit"), .name("step"), .value("return"), text: w.returnCharter)
            }
        }
    }

    private static func charterForm(_ model: Model, _ entry: TaskWorkRecord.CharterEntry?, _ context: PageContext) -> Node {
        let s = context.strings, w = s.taskWork, language = context.language
        let fields = model.drafts.fields.isEmpty || model.drafts.fields["q1Target"] == nil
            ? (entry?.charter ?? Charter.blank(for: model.task)).formFields : model.drafts.fields
        func value(_ name: String) -> String { fields[name] ?? "" }
        return .form(.method("post"), .action(SiteURL.taskCharter(model.task.id).path), .class("stacked-form"), .ariaLabel(w.charterForm)) {
            Forms.csrf(model.csrfToken)
            Node.input(.type("hidden"), .name("version"), .value(String(entry?.version ?? 0)))
            Node.fieldset {
                Node.legend(text: w.quarterTargets)
                for q in 1...4 {
                    Forms.textarea(w.quarterTargetLabel(q), name: "q\(q)Target", value: value("q\(q)Target"), rows: 2,
                                   error: model.error("q\(q)Target"), language: language)
                    Forms.field(w.quarterPercentLabel(q), name: "q\(q)Percent", type: "number", value: value("q\(q)Percent"),
                                error: model.error("q\(q)Percent"), language: language)
                }
            }
            Node.fieldset {
                Node.legend(text: w.monthlyPlan)
                for month in 1...12 {
                    Forms.field(w.monthName(month), name: "month\(month)", value: value("month\(month)"), error: model.error("month\(month)"), language: language)
                }
            }
            Forms.textarea(w.roadmap, name: "roadmap", value: value("roadmap"), rows: 4, error: model.error("roadmap"), language: language)
            if model.task.kind == .phased {
                Forms.textarea(s.measures, name: "measures", value: value("measures"), rows: 4, error: model.error("measures"), language: language)
                Forms.field(w.completesOn, name: "completesOn", type: "date", value: value("completesOn"), hint: w.completesOnHint,
                            error: model.error("completesOn"), language: language)
            } else {
                Forms.textarea(s.annualTarget, name: "annualTarget", value: value("annualTarget"), error: model.error("annualTarget"), language: language)
            }
            Forms.textarea(s.milestones, name: "milestones", value: value("milestones"), rows: 4, hint: w.milestonesHint,
                           error: model.error("milestones"), language: language)
            Node.fieldset {
                Node.legend(text: w.owner)
                Forms.field(w.ownerLeader, name: "ownerLeader", value: value("ownerLeader"), error: model.error("ownerLeader"), language: language)
                Forms.field(w.ownerSection, name: "ownerSection", value: value("ownerSection"), error: model.error("ownerSection"), language: language)
                Forms.field(w.ownerStaff, name: "ownerStaff", value: value("ownerStaff"), error: model.error("ownerStaff"), language: language)
                Forms.field(w.ownerContact, name: "ownerContact", type: "tel", value: value("ownerContact"), autocomplete: "tel",
                            error: model.error("ownerContact"), language: language)
            }
            Node.div(.class("actions")) {
                Node.button(.type("submit"), .name("step"), .value("save"), .custom("formnovalidate", "formnovalidate"), text: w.saveDraft)
                Node.button(.type("submit"), .name("step"), .value("submit"), text: w.submitCharter)
            }
        }
    }

    // MARK: Change control

    private static func changes(_ model: Model, _ context: PageContext) -> Node {
        let s = context.strings, w = s.taskWork, language = context.language
        guard model.plan.status == .issued else { return .empty }
        return .section(.ariaLabelledBy("changes")) {
            Node.h2(.id("changes"), text: w.changeRequests)
            if model.record.changeRequests.isEmpty { Node.p(text: w.noChangeRequests) }
            for request in model.record.changeRequests {
                Node.article(.class("card")) {
                    Node.h3(text: "\(w.changeKind(request.kind))：\(w.requestStatus(request.status))")
                    Node.dl(.class("meta")) {
                        Node.dt(text: w.currentValue)
                        Node.dd { s.data(request.currentValue.isEmpty ? s.none : request.currentValue) }
                        Node.dt(text: w.proposed)
                        Node.dd { s.data(request.proposed) }
                        Node.dt(text: w.reason)
                        Node.dd { s.data(request.reason) }
                        Node.dt(text: w.requestedBy)
                        Node.dd(text: "\(model.unitName(request.unitID))　\(w.byAt(request.requestedBy, request.createdAt))")
                        if let decidedBy = request.decidedBy {
                            Node.dt(text: w.decidedBy)
                            Node.dd(text: "\(decidedBy)　\(request.decidedOn ?? "")")
                            Node.dt(text: w.decisionNote)
                            Node.dd { s.data(request.note.isEmpty ? s.none : request.note) }
                        }
                    }
                    if model.isOffice && request.status == .pending {
                        let prefix = "decide-\(request.id.uuidString.lowercased())"
                        let mine = model.drafts.requestID == request.id
                        Node.form(.method("post"), .action(SiteURL.taskChangeDecision(taskID: model.task.id, requestID: request.id).path),
                                  .class("stacked-form"), .ariaLabel(w.decideOn(w.changeKind(request.kind)))) {
                            Forms.csrf(model.csrfToken)
                            Node.input(.type("hidden"), .name("version"), .value(String(request.version)))
                            Forms.textarea(w.decisionNote, name: "note", value: mine ? model.drafts.fields["note"] ?? "" : "", hint: w.decisionNoteHint,
                                           error: mine ? model.error("note") : nil, language: language, id: "\(prefix)-note")
                            Node.div(.class("actions")) {
                                Node.button(.type("submit"), .name("decision"), .value("approve"), text: w.approveChange)
                                Node.button(.type("submit"), .name("decision"), .value("reject"), text: w.rejectChange)
                            }
                        }
                    }
                }
            }
            if model.unitRole == .lead && model.actor.role == .unitStaff {
                Node.h3(text: w.newChangeRequest)
                Node.form(.method("post"), .action(SiteURL.taskChange(model.task.id).path), .class("stacked-form"), .ariaLabel(w.newChangeRequest)) {
                    Forms.csrf(model.csrfToken)
                    Forms.select(w.changeKindLabel, name: "kind",
                                 options: ChangeControl.Kind.allCases.map { ($0.rawValue, w.changeKind($0)) },
                                 selected: model.drafts.fields["kind"], error: model.error("kind"), language: language)
                    Forms.textarea(w.proposed, name: "proposed", value: model.drafts.fields["proposed"] ?? "", rows: 2, hint: w.proposedHint,
                                   error: model.error("proposed"), language: language)
                    Forms.textarea(w.reason, name: "reason", value: model.drafts.fields["reason"] ?? "", rows: 4,
                                   error: model.error("reason"), language: language)
                    Forms.submit(w.submitChangeRequest)
                }
            }
        }
    }
}
