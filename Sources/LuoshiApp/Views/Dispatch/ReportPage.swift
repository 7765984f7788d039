import Foundation
import LuoshiDomain
import LuoshiHTML

/// One task in one round: each lead unit's report (form while it may be edited), the cooperating
/// units' inputs, and the office's verification.
enum ReportPage {
    typealias Entry = ReportRows.TaskWork.Entry

    struct Model: Sendable {
        var plan: Plan
        var round: DispatchStore.Round
        var listing: TaskListing
        var reports: [Entry]
        var inputs: [ReportRows.Input]
        var actor: Actor
        var unitRole: TaskUnitRole?
        var unitName: @Sendable (UUID) -> String
        var csrfToken: String
        var errors: [DomainError]
        var drafts: [String: String]
        var notice: String?
        var today: CalendarDate
        var attachmentMaxBytes: Int = Evidence.defaultMaxBytes

        var task: PlanTask { listing.task }
        func error(_ field: String) -> DomainError? { errors.first { $0.field == field } }
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, d = s.dispatch
        let task = model.task
        let title = d.reportTitle(task.number.description, model.round.month)
        return Layout.page(title: title, context: context, crumbs: [
            Crumb(title: d.roundsTitle, url: .planRounds(model.plan.id)), Crumb(title: d.roundName(model.round.month), url: .round(model.round.id)),
            Crumb(title: title),
        ], content: [
            .h1(text: title),
            Forms.success(model.notice.flatMap(d.doneMessage)),
            Forms.errorSummary(model.errors, language: context.language, fieldID: { fieldID($0, model) }),
            .p(.class("lead"), s.dataLang, text: task.content),
            .p(text: d.roundFacts(model.round.dueDate.iso, d.roundStatus(model.round.isClosed(today: model.today)))),
            .p { Node.a(.href(SiteURL.taskWork(task.id).path), text: s.taskWork.heading(task.number.description)) },
            inputs(model, context),
            reports(model, context),
            Policy.can(model.actor, .instruct) && !model.reports.isEmpty ? .section(.ariaLabelledBy("instruct")) {
                Node.h2(.id("instruct"), text: s.instructions.write)
                for entry in model.reports {
                    InstructionViews.form([("target", "report"), ("taskID", task.id.uuidString), ("roundID", model.round.id.uuidString),
                                           ("unitID", entry.report.unitID.uuidString)],
                                          label: "\(s.instructions.text)（\(model.unitName(entry.report.unitID))）", csrfToken: model.csrfToken, context: context)
                }
            } : .empty,
        ])
    }

    /// Element ids of the office's review fields, one set per lead unit.
    static func fieldID(_ field: String, _ model: Model) -> String {
        if ["verifiedProgress", "verifiedStatus", "note", "reason"].contains(field), let unit = model.drafts["unitID"] {
            return "review-\(unit.lowercased())-\(field)"
        }
        return "field-\(field)"
    }

    private static func statusOptions(_ s: Strings) -> [(value: String, text: String)] {
        ProgressStatus.allCases.filter { $0 != .missing }.map { ($0.rawValue, s.dispatch.status($0)) }
    }

    // MARK: Inputs

    private static func inputs(_ model: Model, _ context: PageContext) -> Node {
        let s = context.strings, d = s.dispatch
        let mine = model.unitRole == .cooperating ? model.inputs.first { $0.unitID == model.actor.unitID } : nil
        guard !model.task.cooperatingUnitIDs.isEmpty else { return .empty }
        return .section(.ariaLabelledBy("inputs")) {
            Node.h2(.id("inputs"), text: d.inputs)
            if model.inputs.isEmpty { Node.p(text: d.noInputs) }
            for input in model.inputs {
                Node.article(.class("card")) {
                    Node.h3(text: model.unitName(input.unitID))
                    Node.p(s.dataLang, text: input.text)
                    Node.p(.class("hint"), text: input.updatedBy)
                }
            }
            if model.unitRole == .cooperating && model.actor.role == .unitStaff {
                Node.form(.method("post"), .action(SiteURL.roundInput(roundID: model.round.id, taskID: model.task.id).path), .class("stacked-form"),
                          .ariaLabel(d.inputForm)) {
                    Forms.csrf(model.csrfToken)
                    Node.input(.type("hidden"), .name("version"), .value(String(mine?.version ?? 0)))
                    Forms.textarea(d.inputForm, name: "text", value: model.drafts["text"] ?? mine?.text ?? "", rows: 4, required: true,
                                   error: model.error("text"), language: context.language)
                    Forms.submit(d.saveInput)
                }
            }
        }
    }

    // MARK: Reports

    private static func reports(_ model: Model, _ context: PageContext) -> Node {
        let s = context.strings, d = s.dispatch
        let myUnit = model.unitRole == .lead ? model.actor.unitID : nil
        return .section(.ariaLabelledBy("report")) {
            Node.h2(.id("report"), text: d.reports)
            for unitID in model.task.leadUnitIDs where model.actor.role != .unitStaff || model.actor.unitID == unitID || model.unitRole == .cooperating {
                let entry = model.reports.first { $0.report.unitID == unitID }
                Node.h3(text: "\(model.unitName(unitID))：\(entry.map { d.reportStatus($0.report.status, $0.report.late) } ?? d.notReported)")
                if let entry {
                    reportContent(entry, context)
                    attachments(model, entry, editable: unitID == myUnit && Dispatch.unitMayEdit(entry.report.status), context)
                }
                if model.actor.role == .supervisor, let entry, entry.report.status == .submitted { reviewForm(model, entry, context) }
                if unitID == myUnit, Dispatch.unitMayEdit(entry?.report.status) {
                    reportForm(model, entry, context)
                }
            }
        }
    }

    private static func reportContent(_ entry: Entry, _ context: PageContext) -> Node {
        let s = context.strings, d = s.dispatch
        let report = entry.report
        return .fragment {
            Node.dl(.class("meta")) {
                Node.dt(text: d.workDone)
                Node.dd { s.data(report.workDone.isEmpty ? s.none : report.workDone) }
                Node.dt(text: d.reportedProgress)
                Node.dd(text: report.progress.map { "\($0)%" } ?? s.none)
                Node.dt(text: d.selfStatus)
                Node.dd(text: report.selfStatus.map(d.status) ?? s.none)
                if !report.milestonesReached.isEmpty {
                    Node.dt(text: d.milestonesReached)
                    Node.dd { s.data(report.milestonesReached) }
                }
                if !report.problems.isEmpty {
                    Node.dt(text: d.problems)
                    Node.dd { s.data(report.problems) }
                }
                Node.dt(text: d.nextPlan)
                Node.dd { s.data(report.nextPlan.isEmpty ? s.none : report.nextPlan) }
                if let submitted = report.submittedOn {
                    Node.dt(text: d.submittedOn)
                    Node.dd(text: submitted + (report.late ? "（\(d.late)）" : ""))
                }
                if report.status == .returned {
                    Node.dt(text: d.returnReason)
                    Node.dd { s.data(report.returnReason) }
                }
                if let verified = report.verifiedProgress {
                    Node.dt(text: d.verifiedProgress)
                    Node.dd(text: "\(verified)%　\(report.verifiedStatus.map(d.status) ?? "")")
                    if !report.reviewNote.isEmpty {
                        Node.dt(text: d.reviewNote)
                        Node.dd { s.data(report.reviewNote) }
                    }
                }
            }
            if !entry.history.isEmpty {
                Node.h4(text: s.taskWork.history)
                Node.ol {
                    for event in entry.history {
                        Node.li {
                            Node.text("\(event.at.map(Display.beijingTime) ?? "")　\(event.actor)　\(d.step(event.step))")
                            if !event.comment.isEmpty && event.comment != "late" {
                                Node.text("：")
                                s.data(event.comment)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The report's evidence files; its own unit may add and remove them while it may edit.
    private static func attachments(_ model: Model, _ entry: Entry, editable: Bool, _ context: PageContext) -> Node {
        let s = context.strings, r = s.reminders
        let anchor = "attachments-\(entry.report.unitID.uuidString.lowercased())"
        return .fragment {
            Node.h4(.id(anchor), text: r.attachments)
            if entry.attachments.isEmpty { Node.p(text: r.noAttachments) }
            if !entry.attachments.isEmpty {
                Node.ul(.class("attachments")) {
                    for file in entry.attachments {
                        Node.li {
                            Node.a(.href(SiteURL.attachment(file.id).path), .lang("zh-CN"), text: file.fileName)
                            Node.text("（\(r.fileSize(file.size))）")
                            if editable {
                                Forms.button(r.remove + " " + file.fileName, action: .attachmentDelete(file.id), csrf: model.csrfToken)
                            }
                        }
                    }
                }
            }
            if editable {
                Node.form(.method("post"), .action(SiteURL.roundAttachments(roundID: model.round.id, taskID: model.task.id).path),
                          .custom("enctype", "multipart/form-data"), .class("stacked-form"), .ariaLabel(r.attachFile)) {
                    Forms.csrf(model.csrfToken)
                    Forms.field(r.attachFile, name: "file", type: "file", required: true, hint: r.attachHint(model.attachmentMaxBytes / 1_048_576),
                                error: model.error("file"), language: context.language)
                    Forms.submit(r.upload)
                }
            }
        }
    }

    private static func reportForm(_ model: Model, _ entry: Entry?, _ context: PageContext) -> Node {
        let s = context.strings, d = s.dispatch, language = context.language
        let report = entry?.report
        func value(_ name: String, _ stored: String?) -> String { model.drafts[name] ?? stored ?? "" }
        return .form(.method("post"), .action(SiteURL.roundReport(roundID: model.round.id, taskID: model.task.id).path), .class("stacked-form"),
                     .ariaLabel(d.reportForm)) {
            Forms.csrf(model.csrfToken)
            Node.input(.type("hidden"), .name("version"), .value(String(report?.version ?? 0)))
            Forms.textarea(d.workDone, name: "workDone", value: value("workDone", report?.workDone), rows: 4, required: true,
                           error: model.error("workDone"), language: language)
            Forms.field(d.progressLabel, name: "progress", type: "number", value: value("progress", report?.progress.map(String.init)), required: true,
                        hint: d.progressHint, error: model.error("progress"), language: language)
            Forms.textarea(d.milestonesReached, name: "milestonesReached", value: value("milestonesReached", report?.milestonesReached), rows: 2,
                           error: model.error("milestonesReached"), language: language)
            Forms.textarea(d.problems, name: "problems", value: value("problems", report?.problems), rows: 3, error: model.error("problems"), language: language)
            Forms.textarea(d.nextPlan, name: "nextPlan", value: value("nextPlan", report?.nextPlan), rows: 3, required: true,
                           error: model.error("nextPlan"), language: language)
            Forms.select(d.selfStatus, name: "selfStatus", options: [("", d.choose)] + statusOptions(s),
                         selected: value("selfStatus", report?.selfStatus?.rawValue), error: model.error("selfStatus"), language: language)
            Node.div(.class("actions")) {
                Node.button(.type("submit"), .name("step"), .value("save"), .custom("formnovalidate", "formnovalidate"), text: s.taskWork.saveDraft)
                Node.button(.type("submit"), .name("step"), .value("submit"), text: d.submitReport)
            }
        }
    }

    private static func reviewForm(_ model: Model, _ entry: Entry, _ context: PageContext) -> Node {
        let s = context.strings, d = s.dispatch, language = context.language
        let unit = entry.report.unitID.uuidString.lowercased()
        let mine = model.drafts["unitID"]?.lowercased() == unit
        func value(_ name: String, _ stored: String) -> String { mine ? model.drafts[name] ?? stored : stored }
        func error(_ field: String) -> DomainError? { mine ? model.error(field) : nil }
        return .form(.method("post"), .action(SiteURL.roundReview(roundID: model.round.id, taskID: model.task.id).path), .class("stacked-form"),
                     .ariaLabel(d.reviewOf(model.unitName(entry.report.unitID)))) {
            Forms.csrf(model.csrfToken)
            Node.input(.type("hidden"), .name("unitID"), .value(unit))
            Node.input(.type("hidden"), .name("version"), .value(String(entry.report.version)))
            Forms.field(d.verifiedProgress, name: "verifiedProgress", type: "number", value: value("verifiedProgress", entry.report.progress.map(String.init) ?? ""),
                        error: error("verifiedProgress"), language: language, id: "review-\(unit)-verifiedProgress")
            Forms.select(d.verifiedStatus, name: "verifiedStatus", options: statusOptions(s),
                         selected: value("verifiedStatus", entry.report.selfStatus?.rawValue ?? ""), error: error("verifiedStatus"), language: language,
                         id: "review-\(unit)-verifiedStatus")
            Forms.textarea(d.reviewNote, name: "note", value: value("note", ""), rows: 2, hint: d.reviewNoteHint, error: error("note"),
                           language: language, id: "review-\(unit)-note")
            Forms.textarea(d.returnReason, name: "reason", value: value("reason", ""), rows: 2, hint: d.returnReasonHint, error: error("reason"),
                           language: language, id: "review-\(unit)-reason")
            Node.div(.class("actions")) {
                Node.button(.type("submit"), .name("step"), .value("accept"), text: d.accept)
                Node.button(.type("submit"), .name("step"), .value("return"), text: d.returnReport)
            }
        }
    }
}
