import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// Writes of special inspections (专项督查): the office plans one, records findings per task and
/// unit, and turns a finding into a rectification (限期整改) in one step. Each checks the rules in
/// `Inspection` (LuoshiDomain) and the office's right over the plan's jurisdiction, writes with
/// its audit row in one transaction, and answers with the result or a typed error naming the field.
enum InspectionService {
    struct PlanInspection: Sendable {
        var form: Inspection.Form
    }

    struct RecordFinding: Sendable {
        var taskID: UUID?
        var unitID: UUID?
        var text: String
    }

    /// Plans an inspection of `plan`; returns its id.
    static func plan(_ command: PlanInspection, plan: Plan, catalog: CatalogSnapshot, by writer: Writer,
                     on database: any Database) async throws -> UUID {
        guard writer.may(.managePlans, in: plan.jurisdictionCode) else { throw DomainError.planNotFound(plan.id) }
        let planned = try Inspection.plan(command.form, tasks: catalog.tasksByPlan[plan.id] ?? [],
                                          units: catalog.units(in: plan.jurisdictionCode)).get()
        let model = InspectionModel()
        model.id = UUID()
        model.$plan.id = plan.id
        model.jurisdictionCode = plan.jurisdictionCode
        model.topic = planned.topic
        model.team = planned.team
        model.startsOn = planned.startsOn.iso
        model.endsOn = planned.endsOn.iso
        model.taskIDsText = planned.tasks.map(\.id.uuidString).joined(separator: ",")
        model.unitIDsText = planned.unitIDs.map(\.uuidString).joined(separator: ",")
        model.createdBy = writer.username
        try await database.writeTransaction { db in
            try await model.create(on: db)
            try await AuditLog.append(.init(action: "inspection.plan", targetType: "plan", targetID: plan.id.uuidString,
                                            summary: "\(planned.topic): \(planned.tasks.count) task(s), \(planned.unitIDs.count) unit(s), \(planned.startsOn.iso)–\(planned.endsOn.iso)"),
                                      by: writer.who, at: writer.now, on: db)
        }
        return try model.requireID()
    }

    /// Records what the inspection found about one of its tasks at one of its units.
    static func recordFinding(_ command: RecordFinding, in inspection: InspectionModel, by writer: Writer, on database: any Database) async throws {
        guard writer.may(.managePlans, in: inspection.jurisdictionCode) else {
            throw DomainError.notFound("inspectionID", zh: "专项督查不存在", en: "No such inspection")
        }
        guard let taskID = command.taskID, inspection.taskIDs.contains(taskID) else {
            throw DomainError.invalid("taskID", zh: "请选择本次督查的任务", en: "Choose a task this inspection covers")
        }
        guard let unitID = command.unitID, inspection.unitIDs.contains(unitID) else {
            throw DomainError.invalid("unitID", zh: "请选择本次督查的单位", en: "Choose a unit this inspection covers")
        }
        let text = command.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= Supervision.maximumTextLength else {
            throw DomainError.missing("text", zh: "请写明发现的问题（不超过 \(Supervision.maximumTextLength) 字）",
                                      en: "Describe the finding (at most \(Supervision.maximumTextLength) characters)")
        }
        let finding = InspectionFindingModel()
        finding.$inspection.id = try inspection.requireID()
        finding.taskID = taskID
        finding.unitID = unitID
        finding.text = text
        finding.createdBy = writer.username
        try await database.writeTransaction { db in
            try await finding.create(on: db)
            try await AuditLog.append(.init(action: "inspection.finding", targetType: "task", targetID: taskID.uuidString,
                                            summary: "\(inspection.topic): unit \(unitID.uuidString)"), by: writer.who, at: writer.now, on: db)
        }
    }

    /// Turns `finding` into a rectification addressed to its unit, due in the ladder's default
    /// time; the finding links to it and the unit is told. A finding already rectified answers
    /// with its rectification.
    static func rectify(_ finding: InspectionFindingModel, of inspection: InspectionModel, plan: Plan, catalog: CatalogSnapshot,
                        by writer: Writer, app: Application, on database: any Database) async throws -> UUID {
        guard writer.may(.managePlans, in: plan.jurisdictionCode) else { throw DomainError.planNotFound(plan.id) }
        if let existing = finding.rectificationID { return existing }
        guard let task = catalog.tasksByID[finding.taskID] else { throw DomainError.taskNotFound(finding.taskID) }
        let draft = Inspection.rectification(topic: inspection.topic, finding: finding.text, task: task, unitID: finding.unitID, today: writer.today)
        let findingID = try finding.requireID()
        let item = try await SupervisionStore.create(draft, plan: plan, previous: nil, by: writer.who, now: writer.now, on: database) { itemID, db in
            try await InspectionFindingModel.query(on: db).filter(\.$id == findingID).set(\.$rectificationID, to: itemID).update()
        }
        try await SupervisionStore.notify(item, catalog: catalog, app: app, sentBy: writer.username, now: writer.now)
        return try item.requireID()
    }

    /// The office attaches evidence (photos, records) to a finding of an inspection in its jurisdiction.
    static func attachEvidence(_ upload: AttachmentStore.Upload, to finding: InspectionFindingModel, of inspection: InspectionModel, plan: Plan,
                               by writer: Writer, storage: AttachmentStore.Storage, on database: any Database) async throws {
        guard writer.may(.managePlans, in: plan.jurisdictionCode) else { throw DomainError.forbidden }
        let findingID = try finding.requireID(), taskID = finding.taskID, topic = inspection.topic
        try await AttachmentStore.store(upload, in: storage, on: database) { id, accepted, data, db in
            try await SupervisionFileModel(id: id, finding: findingID, accepted: accepted, size: data.readableBytes,
                                           sha256: Secrets.sha256Hex(data: data), by: writer.username).create(on: db)
            try await AuditLog.append(.init(action: "inspection.attach", targetType: "task", targetID: taskID.uuidString,
                                            summary: "\(topic): \(accepted.fileName) (\(data.readableBytes) bytes)"), by: writer.who, at: writer.now, on: db)
        }
    }
}

/// The commands as a web form sends them.
extension InspectionService.PlanInspection {
    init(form fields: [String: String]) {
        self.init(form: Inspection.Form(topic: fields["topic"] ?? "", team: fields["team"] ?? "", startsOn: fields["startsOn"] ?? "",
                                        endsOn: fields["endsOn"] ?? "", tasks: fields["tasks"] ?? "", units: fields["units"] ?? ""))
    }
}

extension InspectionService.RecordFinding {
    init(form fields: [String: String]) {
        self.init(taskID: fields["taskID"].flatMap(UUID.init(uuidString:)), unitID: fields["unitID"].flatMap(UUID.init(uuidString:)),
                  text: fields["text"] ?? "")
    }
}
