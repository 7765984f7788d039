import Fluent
import Foundation
import LuoshiDomain
import LuoshiOffice
import Vapor

/// Takes a round's snapshot, stores drafts, numbers and publishes issues, and lays a stored
/// bulletin out as its document and Word file. The pages, the CLI and the sample use it.
enum BulletinStore {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()

    /// The numbers of `round` now: the ledger as of its due date, its lead units' reports, and
    /// the criticisms recorded since the jurisdiction's last published bulletin.
    static func takeSnapshot(plan: Plan, round: DispatchStore.Round, catalog: CatalogSnapshot, cache: LedgerCache, on db: any Database,
                             now: Date) async throws -> Bulletin.Snapshot {
        let rows = try await DispatchStore.ledger(plan: plan, snapshot: catalog, asOf: round.dueDate, cache: cache, on: db)
        let facts = try await DispatchStore.reportFacts(round, tasks: catalog.tasksByPlan[plan.id] ?? [], on: db)
        let rules = try await DispatchStore.rules(for: plan, cache: cache, on: db)
        return Bulletin.snapshot(month: round.month, asOf: round.dueDate, takenAt: now, ruleSet: rules.name, rows: rows,
                                 parts: catalog.partsByPlan[plan.id] ?? [], leaders: catalog.leaders(in: plan.jurisdictionCode),
                                 units: catalog.units(in: plan.jurisdictionCode), reports: facts,
                                 criticisms: try await SupervisionStore.pendingCriticisms(plan.jurisdictionCode, catalog: catalog, on: db))
    }

    static func encode(_ snapshot: Bulletin.Snapshot) throws -> String {
        String(decoding: try encoder.encode(snapshot), as: UTF8.self)
    }

    /// 公开进度 of a plan, from its published bulletins only; kept until the data moves.
    static func publicProgress(planID: UUID, cache: LedgerCache, on db: any Database) async throws -> PublicProgress? {
        try await cache.publicProgress(planID) {
            let published = try await BulletinModel.query(on: db).filter(\.$plan.$id == planID).filter(\.$status == .published)
                .field(\.$id).field(\.$issueNumber).field(\.$snapshotJSON).all()  // not the Word files
            return PublicProgress.latest(try published.compactMap { model in try model.issueNumber.map { (issue: $0, snapshot: try snapshot(of: model)) } })
        }
    }

    static func snapshot(of model: BulletinModel) throws -> Bulletin.Snapshot {
        try decoder.decode(Bulletin.Snapshot.self, from: Data(model.snapshotJSON.utf8))
    }

    /// Issue numbers already given in a jurisdiction's year.
    static func publishedNumbers(jurisdiction: String, year: Int, on db: any Database) async throws -> [Int] {
        try await BulletinModel.query(on: db).filter(\.$jurisdictionCode == jurisdiction).filter(\.$year == year)
            .filter(\.$status == .published).all().compactMap(\.issueNumber)
    }

    static func issue(of model: BulletinModel, on db: any Database) async throws -> Bulletin.Issue {
        let next = BulletinFigures.nextIssue(after: try await publishedNumbers(jurisdiction: model.jurisdictionCode, year: model.year, on: db))
        let corrects = try await model.correctsID.asyncFlatMap { try await BulletinModel.find($0, on: db)?.issueNumber }
        return Bulletin.Issue(number: model.issueNumber, nextNumber: next, corrects: corrects)
    }

    static func document(of model: BulletinModel, on db: any Database) async throws -> Bulletin.Document {
        Bulletin.document(try snapshot(of: model), texts: model.texts, issue: try await issue(of: model, on: db))
    }

    /// The Word file of `document` (GB/T 9704 layout).
    static func word(_ document: Bulletin.Document) throws -> Data {
        try DOCXWriter.write(DOCXWriter.Document(
            masthead: document.masthead, issueLine: document.issueLine, issuer: document.issuer, date: document.date, title: document.title,
            blocks: document.blocks.map { block in
                switch block {
                case .addressee(let text): .addressee(text)
                case .heading(let text): .heading(text)
                case .paragraph(let text): .paragraph(text)
                case .table(let table): .table(caption: table.caption, columns: table.columns, rows: table.rows, numeric: table.numericColumns)
                }
            },
            signature: document.signature, imprint: document.imprint), subject: "督查通报")
    }

    /// Stores a new draft for `round` from a fresh snapshot (or, correcting `corrected`, from its
    /// snapshot and texts).
    static func createDraft(plan: Plan, round: DispatchStore.Round, catalog: CatalogSnapshot, cache: LedgerCache, correcting corrected: BulletinModel? = nil,
                            by who: AuditLog.Who, now: Date, on db: any Database) async throws -> BulletinModel {
        let snapshot: Bulletin.Snapshot
        let texts: Bulletin.Texts
        if let corrected {
            snapshot = try self.snapshot(of: corrected)
            texts = corrected.texts
        } else {
            snapshot = try await takeSnapshot(plan: plan, round: round, catalog: catalog, cache: cache, on: db, now: now)
            let dueDay = try await DispatchStore.settings(for: plan, cache: cache, on: db).roundDueDay
            texts = Bulletin.defaultTexts(snapshot, issuer: Bulletin.issuer(jurisdictionName: catalog.jurisdictions[plan.jurisdictionCode]?.name ?? ""),
                                          signedOn: CalendarDate(date: now), dueDay: dueDay)
        }
        let model = BulletinModel()
        model.$plan.id = plan.id
        model.roundID = round.id
        model.jurisdictionCode = plan.jurisdictionCode
        model.year = plan.year
        model.status = .draft
        model.correctsID = try corrected?.requireID()
        model.snapshotJSON = try encode(snapshot)
        model.setTexts(texts)
        model.createdBy = who.username
        model.version = 1
        try await db.writeTransaction { db in
            try await model.create(on: db)
            try await AuditLog.append(.init(action: corrected == nil ? "bulletin.generate" : "bulletin.correct", targetType: "bulletin",
                                            targetID: try model.requireID().uuidString,
                                            summary: "\(plan.jurisdictionCode) \(round.month)\(corrected?.issueNumber.map { " corrects No. \($0)" } ?? "")"),
                                      by: who, at: now, on: db)
        }
        return model
    }

    /// Publishes draft `model` (at version `formVersion`): gives it the next issue number of its
    /// jurisdiction's year and writes its Word file, once. Another publication taking the same
    /// number first, or a stale form, is a 409. With a 索引号 scheme for its issuer in
    /// `indexSchemes`, the issue is numbered for disclosure too.
    static func publish(_ model: BulletinModel, formVersion: Int?, by who: AuditLog.Who, now: Date, indexSchemes: Disclosure.IndexSchemes = .init(),
                        on db: any Database) async throws {
        guard model.status == .draft else {
            throw DomainError(.conflict, zh: "本期已发布，不能再次发布", en: "This issue is already published", field: "status")
        }
        let id = try model.requireID()
        do {
            try await db.writeTransaction { db in
                let number = BulletinFigures.nextIssue(after: try await publishedNumbers(jurisdiction: model.jurisdictionCode, year: model.year, on: db))
                let corrects = try await model.correctsID.asyncFlatMap { try await BulletinModel.find($0, on: db)?.issueNumber }
                let snapshot = try snapshot(of: model)
                let document = Bulletin.document(snapshot, texts: model.texts, issue: .init(number: number, nextNumber: number, corrects: corrects))
                let file = try word(document)
                try await OptimisticLock.update(BulletinModel.schema, id: id, from: formVersion, current: model.version, at: now, on: db) {
                    $0.set("status", to: Bulletin.Status.published.rawValue).set("issue_number", to: number)
                        .set("docx", to: file).set("docx_sha256", to: Secrets.sha256Hex(data: ByteBuffer(data: file)))
                        .set("published_by", to: who.username).set("published_at", to: now)
                }
                if let scheme = indexSchemes.scheme(for: model.issuer) {
                    _ = try await IndexNumbers.assign(scheme, year: CalendarDate(date: now).year, targetType: "bulletin", targetID: id, on: db)
                }
                try await SupervisionStore.markCarried(snapshot.criticisms, by: id, on: db)
                try await AuditLog.append(.init(action: "bulletin.publish", targetType: "bulletin", targetID: id.uuidString,
                                                summary: "\(model.jurisdictionCode) \(model.year) No. \(number): \(model.title)"),
                                          by: who, at: now, on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw DomainError(.conflict, zh: "期号已被同时发布的另一期占用，请刷新后重试", en: "Another issue took this number at the same time; reload and try again",
                              field: "status")
        }
    }
}
