import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// Writes of a plan's 政策解读: the office starts a draft (drafted from the plan by
/// `Interpretation.draft`, or, after a publication, a revision of the published text), edits it
/// at its version, and publishes it. A published version is never edited; a later edit is the
/// next version with its own date. Only an issued plan is interpreted. Every step is audited.
enum InterpretationService {
    struct Save: Sendable {
        var texts: [String]
        var contact: Interpretation.Contact
        var version: Int?
    }

    /// What the draft is made from: the plan, its counts, and the county head as presenter.
    static func facts(_ plan: Plan, snapshot: CatalogSnapshot) -> Interpretation.Facts {
        let jurisdiction = snapshot.jurisdictionName(plan.jurisdictionCode)
        let head = snapshot.leaders.first { $0.jurisdictionCode == plan.jurisdictionCode && Interpretation.presenterPosts.contains($0.post) }
        let statistics = snapshot.statisticsByPlan[plan.id]
            ?? PlanStatistics(parts: snapshot.partsByPlan[plan.id] ?? [], tasks: snapshot.tasksByPlan[plan.id] ?? [],
                              unitKind: { snapshot.unitsByID[$0]?.kind })
        return Interpretation.Facts(plan: plan, statistics: statistics, jurisdictionName: jurisdiction,
                                    draftingOffice: Bulletin.issuer(jurisdictionName: jurisdiction), presenter: head.map { "\($0.name)\($0.post)" })
    }

    /// The plan's versions, oldest first.
    static func versions(planID: UUID, on db: any Database) async throws -> [InterpretationModel] {
        try await InterpretationModel.query(on: db).filter(\.$plan.$id == planID).sort(\.$number).all()
    }

    private static func authorise(_ writer: Writer, _ plan: Plan) throws {
        guard writer.may(.managePlans, in: plan.jurisdictionCode) else { throw DomainError.planNotFound(plan.id) }
        guard plan.isPublic else {
            throw DomainError(.conflict, zh: "方案尚未印发，不能起草或发布解读", en: "The plan is not issued yet: it cannot be interpreted", field: "plan")
        }
    }

    /// The plan's draft: the one in progress, else a new version.
    @discardableResult
    static func startDraft(plan: Plan, snapshot: CatalogSnapshot, by writer: Writer, on db: any Database) async throws -> InterpretationModel {
        try authorise(writer, plan)
        let existing = try await versions(planID: plan.id, on: db)
        if let draft = existing.last, draft.status == .draft { return draft }
        let facts = facts(plan, snapshot: snapshot)
        let published = existing.last
        let model = InterpretationModel()
        model.$plan.id = plan.id
        model.number = (published?.number ?? 0) + 1
        model.status = .draft
        model.title = published?.title ?? Interpretation.title(of: plan.title)
        model.sectionsJSON = try InterpretationModel.json(published?.sections ?? Interpretation.draft(facts))
        model.contactJSON = try InterpretationModel.json(published?.contact
            ?? Interpretation.Contact(office: facts.draftingOffice, person: "", address: "", phone: ""))
        model.figuresJSON = try InterpretationModel.json(published?.figures ?? facts.figures)
        model.createdBy = writer.username
        model.version = 1
        try await db.writeTransaction { db in
            try await model.create(on: db)
            try await AuditLog.append(.init(action: "interpretation.draft", targetType: "plan", targetID: plan.id.uuidString,
                                            summary: "version \(model.number)"), by: writer.who, at: writer.now, on: db)
        }
        return model
    }

    static func save(_ command: Save, draft model: InterpretationModel, plan: Plan, by writer: Writer, on db: any Database) async throws {
        try authorise(writer, plan)
        try requireDraft(model)
        let (sections, contact) = try Interpretation.checked(texts: command.texts, headings: model.sections.map(\.heading), contact: command.contact).get()
        let sectionsJSON = try InterpretationModel.json(sections), contactJSON = try InterpretationModel.json(contact)
        let id = try model.requireID()
        try await db.writeTransaction { db in
            try await OptimisticLock.update(InterpretationModel.schema, id: id, from: command.version, current: model.version, at: writer.now, on: db) {
                $0.set("sections", to: sectionsJSON).set("contact", to: contactJSON)
            }
            try await AuditLog.append(.init(action: "interpretation.save", targetType: "plan", targetID: plan.id.uuidString,
                                            summary: "version \(model.number)"), by: writer.who, at: writer.now, on: db)
        }
    }

    /// Publishes the draft (numbered for disclosure by the plan's issuing body's scheme, if any).
    static func publish(version: Int?, draft model: InterpretationModel, plan: Plan, by writer: Writer, indexSchemes: Disclosure.IndexSchemes,
                        on db: any Database) async throws {
        try authorise(writer, plan)
        try requireDraft(model)
        _ = try Interpretation.checked(texts: model.sections.map(\.text), headings: model.sections.map(\.heading), contact: model.contact).get()
        let id = try model.requireID()
        try await db.writeTransaction { db in
            try await OptimisticLock.update(InterpretationModel.schema, id: id, from: version, current: model.version, at: writer.now, on: db) {
                $0.set("status", to: InterpretationModel.Status.published.rawValue).set("published_at", to: writer.now)
                    .set("published_by", to: writer.username)
            }
            if let scheme = indexSchemes.scheme(for: plan.issuingBody) {
                _ = try await IndexNumbers.assign(scheme, year: writer.today.year, targetType: "interpretation", targetID: id, on: db)
            }
            try await AuditLog.append(.init(action: "interpretation.publish", targetType: "plan", targetID: plan.id.uuidString,
                                            summary: "version \(model.number)"), by: writer.who, at: writer.now, on: db)
        }
    }

    private static func requireDraft(_ model: InterpretationModel) throws {
        guard model.status == .draft else {
            throw DomainError(.conflict, zh: "该版本已发布，不能再修改；请起草新版本", en: "This version is published; start a new version to change it",
                              field: "status")
        }
    }
}
