import Fluent
import Foundation
import LuoshiDomain
import LuoshiOffice
import SQLKit
import Vapor

/// 开放数据 and the feed: the open-data page and its data dictionary, each issued plan's
/// published progress as CSV and JSON (the plan itself is `PlanFilesController.export`), and an
/// Atom feed of publications. Everything here is public and built from issued plans and
/// published bulletins only.
enum OpenDataController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.openData, requires: .readPublic, use: index)
        routes.on(.GET, SiteURL.Route.openDataDictionary, requires: .readPublic, use: dictionary)
        routes.on(.GET, SiteURL.Route.planProgressCSV, requires: .readPublic, use: progressCSV)
        routes.on(.GET, SiteURL.Route.planProgressJSON, requires: .readPublic, use: progressJSON)
        routes.on(.GET, SiteURL.Route.feed, requires: .readPublic, use: feed)
    }

    @Sendable static func index(_ req: Request) async throws -> Response {
        let snapshot = try await req.catalog()
        var datasets: [OpenDataPages.Dataset] = []
        for plan in snapshot.publicPlans {
            datasets.append(.init(plan: plan, jurisdictionName: snapshot.jurisdictionName(plan.jurisdictionCode),
                                  progress: try await progress(req, plan)))
        }
        let variant = datasets.map { "\($0.progress?.issue ?? 0)" }.joined(separator: ",")
        return try await req.page(.none, variant: variant) { _, context in OpenDataPages.index(datasets, context: context) }
    }

    @Sendable static func dictionary(_ req: Request) async throws -> Response {
        try await req.page(.none) { _, context in OpenDataPages.dictionary(context: context) }
    }

    @Sendable static func progressCSV(_ req: Request) async throws -> Response {
        let (plan, progress, snapshot) = try await publishedProgress(req)
        let body = try await req.application.ledgerCache.document("progress.csv|\(plan.id)") {
            let rows = rows(of: plan, progress, snapshot)
            return ByteBuffer(string: CSV.render(header: OpenData.progressFields.map(\.column), rows: rows.map(\.cells)))
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(plan.year)-\(plan.jurisdictionCode)-progress.csv\"")
        return Response(status: .ok, headers: headers, body: .init(buffer: body))
    }

    /// The progress dataset as JSON: the plan, the bulletin the states come from, the licence,
    /// and one object per task.
    struct ProgressDocument: Encodable {
        struct PlanReference: Encodable {
            var id: UUID
            var title: String
            var documentNumber: String?
            var issuingBody: String
        }
        struct Task: Encodable {
            var number: String
            var content: String
            var leadUnits: [String]
            var month: String
            var bulletinIssue: Int
            var status: String
            var statusText: String
            var colour: String
            var verifiedProgress: Double?

            func encode(to encoder: any Encoder) throws {  // a missing verified figure is null, not left out
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(number, forKey: .number)
                try c.encode(content, forKey: .content)
                try c.encode(leadUnits, forKey: .leadUnits)
                try c.encode(month, forKey: .month)
                try c.encode(bulletinIssue, forKey: .bulletinIssue)
                try c.encode(status, forKey: .status)
                try c.encode(statusText, forKey: .statusText)
                try c.encode(colour, forKey: .colour)
                try c.encode(verifiedProgress, forKey: .verifiedProgress)
            }
            enum CodingKeys: String, CodingKey { case number, content, leadUnits, month, bulletinIssue, status, statusText, colour, verifiedProgress }
        }
        var plan: PlanReference
        var month: String?
        var bulletinIssue: Int?
        var asOf: String?
        var licence: String
        var licenceURL: String
        var dictionary: String
        var tasks: [Task]

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(plan, forKey: .plan)
            try c.encode(month, forKey: .month)
            try c.encode(bulletinIssue, forKey: .bulletinIssue)
            try c.encode(asOf, forKey: .asOf)
            try c.encode(licence, forKey: .licence)
            try c.encode(licenceURL, forKey: .licenceURL)
            try c.encode(dictionary, forKey: .dictionary)
            try c.encode(tasks, forKey: .tasks)
        }
        enum CodingKeys: String, CodingKey { case plan, month, bulletinIssue, asOf, licence, licenceURL, dictionary, tasks }
    }

    @Sendable static func progressJSON(_ req: Request) async throws -> Response {
        let (plan, progress, snapshot) = try await publishedProgress(req)
        let body = try await req.application.ledgerCache.document("progress.json|\(plan.id)") {
            let rows = rows(of: plan, progress, snapshot)
            let document = ProgressDocument(
                plan: .init(id: plan.id, title: plan.title, documentNumber: plan.documentNumber, issuingBody: plan.issuingBody),
                month: progress?.month.description, bulletinIssue: progress?.issue, asOf: progress?.asOf.iso,
                licence: "CC BY 4.0", licenceURL: OpenData.licenceURL, dictionary: req.publicBaseURL + SiteURL.openDataDictionary.path,
                tasks: rows.map { row in
                    .init(number: row.number, content: row.content, leadUnits: row.leadUnits, month: row.month.description,
                          bulletinIssue: row.bulletinIssue, status: row.status.rawValue, statusText: row.status.text.zh,
                          colour: row.colour.rawValue, verifiedProgress: row.verifiedProgress)
                })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return ByteBuffer(data: try encoder.encode(document))
        }
        return .json(body)
    }

    /// Publications, newest first: issued plans, published interpretations (each version) and
    /// published bulletins.
    @Sendable static func feed(_ req: Request) async throws -> Response {
        let base = req.publicBaseURL
        let body = try await req.application.ledgerCache.document("feed|\(base)") {
            let snapshot = try await req.catalog()
            let plans = snapshot.publicPlans
            let strings = Strings.for(.chinese)
            var entries = plans.map { plan in
                AtomFeed.Entry(id: "urn:uuid:\(plan.id.uuidString.lowercased())", title: plan.title, link: base + SiteURL.plan(plan.id).path,
                               updated: (plan.stages.issued ?? CalendarDate(date: req.now)).beijing(hour: 9), author: plan.issuingBody,
                               summary: [plan.documentNumber, plan.issuingBody.nonBlank].compactMap { $0 }.joined(separator: "　"))
            }
            for interpretation in try await publishedInterpretations(planIDs: plans.map(\.id), on: req.db) {
                let title = interpretation.number > 1
                    ? "\(interpretation.title)（\(strings.disclosure.versionLine(interpretation.number, nil))）" : interpretation.title
                entries.append(AtomFeed.Entry(
                    id: "urn:uuid:\(interpretation.id.uuidString.lowercased())", title: title,
                    link: base + SiteURL.interpretation(interpretation.planID, version: interpretation.number > 1 ? interpretation.number : nil).path,
                    updated: interpretation.publishedAt, author: interpretation.contact.office.nonBlank ?? strings.disclosure.interpretation,
                    summary: strings.disclosure.interpretation))
            }
            for bulletin in try await publishedBulletins(planIDs: plans.map(\.id), on: req.db) {
                entries.append(AtomFeed.Entry(
                    id: "urn:uuid:\(bulletin.id.uuidString.lowercased())", title: "\(bulletin.title)（\(strings.bulletins.issueName(bulletin.issue))）",
                    link: base + SiteURL.publicBulletin(planID: bulletin.planID, issue: bulletin.issue).path,
                    updated: bulletin.publishedAt ?? bulletin.signedOn.beijing(hour: 9), author: bulletin.issuer,
                    summary: "\(bulletin.issuer) \(bulletin.signedOn.chinese)"))
            }
            let feed = AtomFeed(id: base + SiteURL.feed.path, title: "\(strings.siteName) · \(strings.disclosure.feedTitle)",
                                selfLink: base + SiteURL.feed.path, siteLink: base + "/", language: "zh-CN", entries: entries)
            return ByteBuffer(string: feed.render(fallbackUpdated: Date(timeIntervalSince1970: 0)))
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(buffer: body))
    }

    // MARK: Reading

    private static func progress(_ req: Request, _ plan: Plan) async throws -> PublicProgress? {
        try await BulletinStore.publicProgress(planID: plan.id, cache: req.application.ledgerCache, on: req.db)
    }

    /// The public plan of the request and its published progress (nil: no bulletin yet).
    private static func publishedProgress(_ req: Request) async throws -> (Plan, PublicProgress?, CatalogSnapshot) {
        let id = try req.uuidParameter("planID")
        let snapshot = try await req.catalog()
        guard let plan = snapshot.plansByID[id], plan.isPublic else { throw DomainError.planNotFound(id) }
        return (plan, try await progress(req, plan), snapshot)
    }

    /// The progress dataset's rows (built only when the cached download is not current).
    private static func rows(of plan: Plan, _ progress: PublicProgress?, _ snapshot: CatalogSnapshot) -> [OpenData.ProgressRow] {
        guard let progress else { return [] }
        return OpenData.progressRows(progress, tasks: snapshot.tasksByPlan[plan.id] ?? [], unitName: { snapshot.unitsByID[$0]?.shortName })
    }

    private struct PublishedBulletin {
        var id: UUID, planID: UUID, issue: Int, title: String, issuer: String, signedOn: CalendarDate, publishedAt: Date?
    }

    private struct PublishedInterpretation {
        var id: UUID, planID: UUID, number: Int, title: String, contact: Interpretation.Contact, publishedAt: Date
    }

    /// The published versions of the plans' interpretations.
    private static func publishedInterpretations(planIDs: [UUID], on db: any Database) async throws -> [PublishedInterpretation] {
        guard !planIDs.isEmpty else { return [] }
        return try await InterpretationModel.query(on: db).filter(\.$plan.$id ~~ planIDs).filter(\.$status == .published).all().compactMap { model in
            guard let id = model.id, let publishedAt = model.publishedAt else { return nil }
            return PublishedInterpretation(id: id, planID: model.$plan.id, number: model.number, title: model.title, contact: model.contact,
                                           publishedAt: publishedAt)
        }
    }

    /// The feed's fields of the published bulletins (not their snapshots or Word files).
    private static func publishedBulletins(planIDs: [UUID], on db: any Database) async throws -> [PublishedBulletin] {
        guard !planIDs.isEmpty else { return [] }
        return try await (db as! any SQLDatabase).raw("""
            SELECT id, plan_id, issue_number, title, issuer, signed_on, published_at FROM bulletins
            WHERE status = 'published' AND issue_number IS NOT NULL AND plan_id IN (\(binds: planIDs))
            """).all().map { row in
            PublishedBulletin(id: try row.decode(column: "id", as: UUID.self), planID: try row.decode(column: "plan_id", as: UUID.self),
                              issue: try row.decode(column: "issue_number", as: Int.self), title: try row.decode(column: "title", as: String.self),
                              issuer: try row.decode(column: "issuer", as: String.self),
                              signedOn: CalendarDate(iso: try row.decode(column: "signed_on", as: String.self)) ?? CalendarDate(year: 1970, month: 1, day: 1)!,
                              publishedAt: try row.decode(column: "published_at", as: Date?.self))
        }
    }
}
