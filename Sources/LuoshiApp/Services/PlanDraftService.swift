import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// Writes of a plan before it is issued: the office creates a plan from nothing, edits its own
/// fields, creates, renumbers and retitles its parts (a part's tasks follow its number; their ids
/// stay), and creates and edits its tasks (every field, owners and milestones). Web forms and the JSON API decode into the same commands; each checks the office's
/// right over the jurisdiction, that the plan is still editable (`TaskEditing.editProblem`), the
/// rules in `DirectoryRules` and the version edited (409 naming the current one), and writes with
/// its audit row in one transaction.
enum PlanDraftService {
    struct SavePlan: Sendable {
        var year: String
        var title: String
        var issuingBody: String
        var reportApprovedOn: String
        var reportApprovedBy: String
        /// The version edited; ignored when creating.
        var version: Int?
    }

    struct SavePart: Sendable {
        var number: String
        var title: String
        var version: Int?
    }

    struct SaveTask: Sendable {
        var form: TaskForm
        /// The version edited; ignored when creating.
        var version: Int?
    }

    /// Creates (no `model`) or updates a plan's own fields; returns its id. A new plan belongs to
    /// the writer's jurisdiction.
    static func savePlan(_ command: SavePlan, editing model: PlanModel?, in jurisdictionCode: String, catalog: CatalogSnapshot,
                         by writer: Writer, on database: any Database) async throws -> UUID {
        guard writer.may(.managePlans, in: jurisdictionCode) else { throw DomainError.forbidden }
        let stored = model.flatMap { $0.id.flatMap { catalog.plansByID[$0] } }
        if let stored, let problem = TaskEditing.editProblem(stored) { throw problem }
        let today = writer.today
        let base = stored ?? Plan(id: UUID(), jurisdictionCode: jurisdictionCode, year: today.year, title: "", status: .draft,
                                  stages: .init(draft: today), documentNumber: nil, indexNumber: nil, issuingBody: "",
                                  reportApprovedOn: nil, reportApprovedBy: nil, approvalMeeting: nil, illustrativeNotice: nil)
        let plan = try DirectoryRules.plan(year: command.year, title: command.title, issuingBody: command.issuingBody,
                                           reportApprovedOn: command.reportApprovedOn, reportApprovedBy: command.reportApprovedBy,
                                           base: base).get()
        if let taken = DirectoryRules.yearTaken(by: plan, among: catalog.plans) { throw taken }
        try await database.writeTransaction { db in
            if let model {
                try await OptimisticLock.update(PlanModel.schema, id: plan.id, from: command.version, current: model.version, at: writer.now, on: db) {
                    $0.set("year", to: plan.year).set("title", to: plan.title).set("issuing_body", to: plan.issuingBody)
                        .set("report_approved_on", to: plan.reportApprovedOn?.iso).set("report_approved_by", to: plan.reportApprovedBy)
                }
            } else {
                try await PlanModel(plan).create(on: db)
                let jurisdiction = try await PlanFiles.jurisdictionEntry(plan.jurisdictionCode, on: db)
                let document = PlanDocument(plan: plan, jurisdiction: jurisdiction, parts: [], tasks: [], unitName: { _ in nil }, leaderName: { _ in nil })
                try await PlanVersions.record(document, planID: plan.id, status: .draft, by: writer.username, on: db)
            }
            try await AuditLog.append(.init(action: model == nil ? "plan.create" : "plan.update", targetType: "plan", targetID: plan.id.uuidString,
                                            summary: "\(plan.jurisdictionCode) \(plan.year) \(plan.title)"), by: writer.who, at: writer.now, on: db)
        }
        return plan.id
    }

    /// Creates (no `model`) or updates (renumbers, retitles) a part of `plan`; returns its id.
    static func savePart(_ command: SavePart, editing model: PartModel?, of plan: Plan, catalog: CatalogSnapshot,
                         by writer: Writer, on database: any Database) async throws -> UUID {
        guard writer.may(.managePlans, in: plan.jurisdictionCode) else { throw DomainError.forbidden }
        if let problem = TaskEditing.editProblem(plan) { throw problem }
        let id = try model?.requireID() ?? UUID()
        let others = (catalog.partsByPlan[plan.id] ?? []).filter { $0.id != id }
        let part = try DirectoryRules.part(number: command.number, title: command.title, id: id, planID: plan.id, others: others).get()
        try await database.writeTransaction { db in
            if let model {
                try await OptimisticLock.update(PartModel.schema, id: id, from: command.version, current: model.version, at: writer.now, on: db) {
                    $0.set("number", to: part.number).set("title", to: part.title)
                }
            } else {
                try await PartModel(part).create(on: db)
            }
            let renumbered = model.map { $0.number != part.number ? " (was \($0.number))" : "" } ?? ""
            try await AuditLog.append(.init(action: model == nil ? "part.create" : "part.update", targetType: "plan", targetID: plan.id.uuidString,
                                            summary: "part \(part.number)\(renumbered): \(part.title)"), by: writer.who, at: writer.now, on: db)
        }
        return id
    }

    /// Creates (no `editing`) or replaces a task of `plan` from its form; returns its id.
    /// `editing` is the stored task with its stored version.
    static func saveTask(_ command: SaveTask, editing stored: (task: PlanTask, version: Int)?, of plan: Plan, catalog: CatalogSnapshot,
                         by writer: Writer, on database: any Database) async throws -> UUID {
        guard writer.may(.managePlans, in: plan.jurisdictionCode) else { throw DomainError.forbidden }
        if let problem = TaskEditing.editProblem(plan) { throw problem }
        if let stored, command.version != stored.version { throw DomainError.staleEdit(current: stored.version) }
        let parts = catalog.partsByPlan[plan.id] ?? []
        let id = stored?.task.id ?? UUID()
        let task = try TaskEditing.task(
            from: command.form, id: id, planID: plan.id, units: catalog.units(in: plan.jurisdictionCode),
            leaders: catalog.leaders(in: plan.jurisdictionCode),
            otherTasks: (catalog.tasksByPlan[plan.id] ?? []).filter { $0.id != id }, partNumbers: Set(parts.map(\.number))).get()
        guard let partID = parts.first(where: { $0.number == task.number.part })?.id else { throw DomainError.planNotFound(plan.id) }
        try await database.writeTransaction { db in
            try await TaskStore.save(task, partID: partID, version: stored?.version, at: writer.now, on: db)
            let summary = stored.map { old in old.task.number == task.number ? "\(task.number)" : "\(old.task.number) → \(task.number)" } ?? "\(task.number)"
            try await AuditLog.append(.init(action: stored == nil ? "task.create" : "task.update", targetType: "task",
                                            targetID: id.uuidString, summary: summary), by: writer.who, at: writer.now, on: db)
        }
        return id
    }
}

/// The commands as a web form sends them.
extension PlanDraftService.SavePlan {
    init(form fields: [String: String]) {
        self.init(year: fields["year"] ?? "", title: fields["title"] ?? "", issuingBody: fields["issuingBody"] ?? "",
                  reportApprovedOn: fields["reportApprovedOn"] ?? "", reportApprovedBy: fields["reportApprovedBy"] ?? "",
                  version: fields["version"].flatMap { Int($0) })
    }
}

extension PlanDraftService.SavePart {
    init(form fields: [String: String]) {
        self.init(number: fields["number"] ?? "", title: fields["title"] ?? "", version: fields["version"].flatMap { Int($0) })
    }
}
