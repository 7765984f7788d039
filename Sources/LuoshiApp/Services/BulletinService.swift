import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// Writes of monthly bulletins (督查通报): generate a draft from a round, edit its texts,
/// refresh its numbers, publish it, correct a published issue. The pages decode their forms into
/// these commands; each checks the office's right over the plan's jurisdiction, that a draft is
/// still a draft, the version the form was made from (409 naming the current one), and writes
/// with its audit row in one transaction (`BulletinStore` holds the persistence).
enum BulletinService {
    struct Generate: Sendable {
        /// The round of the plan to report on.
        var roundID: UUID?
    }

    struct SaveTexts: Sendable {
        var form: Bulletin.Form
        var version: Int?
    }

    /// Retake the draft's snapshot, or publish it, from the version the page showed.
    struct Refresh: Sendable { var version: Int? }
    struct Publish: Sendable { var version: Int? }

    static func generate(_ command: Generate, plan: Plan, catalog: CatalogSnapshot, by writer: Writer, cache: LedgerCache,
                         on db: any Database) async throws -> BulletinModel {
        try authorise(writer, plan)
        let rounds = try await DispatchStore.rounds(planID: plan.id, on: db)
        guard let round = rounds.first(where: { $0.id == command.roundID }) else {
            throw DomainError.invalid("round", zh: "请选择本方案的一轮调度", en: "Choose one of this plan's rounds")
        }
        return try await BulletinStore.createDraft(plan: plan, round: round, catalog: catalog, cache: cache, by: writer.who, now: writer.now, on: db)
    }

    static func saveTexts(_ command: SaveTexts, bulletin model: BulletinModel, plan: Plan, by writer: Writer, on db: any Database) async throws {
        try authorise(writer, plan)
        try requireDraft(model)
        let texts = try Bulletin.texts(command.form).get()
        let id = try model.requireID()
        try await db.writeTransaction { db in
            try await OptimisticLock.update(BulletinModel.schema, id: id, from: command.version, current: model.version, at: writer.now, on: db) {
                $0.set("title", to: texts.title).set("intro", to: texts.intro).set("praise", to: texts.praise)
                    .set("requirements", to: texts.requirements).set("internal_note", to: texts.internalNote)
                    .set("issuer", to: texts.issuer).set("signed_on", to: texts.signedOn.iso)
            }
            try await AuditLog.append(.init(action: "bulletin.edit", targetType: "bulletin", targetID: id.uuidString, summary: texts.title),
                                      by: writer.who, at: writer.now, on: db)
        }
    }

    static func refresh(_ command: Refresh, bulletin model: BulletinModel, plan: Plan, catalog: CatalogSnapshot, by writer: Writer,
                        cache: LedgerCache, on db: any Database) async throws {
        try authorise(writer, plan)
        try requireDraft(model)
        let round = try await round(of: model, on: db)
        let snapshot = try await BulletinStore.takeSnapshot(plan: plan, round: round, catalog: catalog, cache: cache, on: db, now: writer.now)
        let id = try model.requireID()
        let json = try BulletinStore.encode(snapshot)
        try await db.writeTransaction { db in
            try await OptimisticLock.update(BulletinModel.schema, id: id, from: command.version, current: model.version, at: writer.now, on: db) {
                $0.set("snapshot", to: json)
            }
            try await AuditLog.append(.init(action: "bulletin.refresh", targetType: "bulletin", targetID: id.uuidString,
                                            summary: "\(round.month) taken \(Display.beijingTime(snapshot.takenAt))"),
                                      by: writer.who, at: writer.now, on: db)
        }
    }

    static func publish(_ command: Publish, bulletin model: BulletinModel, plan: Plan, by writer: Writer, indexSchemes: Disclosure.IndexSchemes = .init(),
                        on db: any Database) async throws {
        try authorise(writer, plan)
        try requireDraft(model)
        try await BulletinStore.publish(model, formVersion: command.version, by: writer.who, now: writer.now, indexSchemes: indexSchemes, on: db)
    }

    /// A new draft correcting published `model`, from its snapshot and texts.
    static func correct(bulletin model: BulletinModel, plan: Plan, catalog: CatalogSnapshot, by writer: Writer, cache: LedgerCache,
                        on db: any Database) async throws -> BulletinModel {
        try authorise(writer, plan)
        guard model.status == .published else {
            throw DomainError(.conflict, zh: "只有已发布的通报可以更正；草稿请直接修改", en: "Only a published bulletin is corrected; edit a draft instead", field: "status")
        }
        return try await BulletinStore.createDraft(plan: plan, round: try await round(of: model, on: db), catalog: catalog, cache: cache,
                                                   correcting: model, by: writer.who, now: writer.now, on: db)
    }

    private static func authorise(_ writer: Writer, _ plan: Plan) throws {
        guard writer.may(.managePlans, in: plan.jurisdictionCode) else { throw DomainError.planNotFound(plan.id) }
    }

    private static func requireDraft(_ model: BulletinModel) throws {
        guard model.status == .draft else {
            throw DomainError(.conflict, zh: "本期已发布，内容不再改变；如需更正请发布更正一期", en: "This issue is published and never changes; publish a correction instead",
                              field: "status")
        }
    }

    private static func round(of model: BulletinModel, on db: any Database) async throws -> DispatchStore.Round {
        guard let round = try await DispatchStore.round(model.roundID, on: db) else {
            throw DomainError.notFound("round", zh: "调度不存在", en: "No such round")
        }
        return round
    }
}

extension BulletinService.SaveTexts {
    init(form fields: [String: String]) {
        self.init(form: Bulletin.Form(title: fields["title"] ?? "", intro: fields["intro"] ?? "", praise: fields["praise"] ?? "",
                                      requirements: fields["requirements"] ?? "", internalNote: fields["internalNote"] ?? "",
                                      issuer: fields["issuer"] ?? "", signedOn: fields["signedOn"] ?? ""),
                  version: fields["version"].flatMap { Int($0) })
    }
}
