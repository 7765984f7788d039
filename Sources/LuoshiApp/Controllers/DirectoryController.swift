import Fluent
import Foundation
import LuoshiDomain
import LuoshiHTML
import SQLKit
import Vapor

/// 单位名录 and 县领导名录: the supervision office keeps its jurisdiction's units (with aliases)
/// and county leaders. Every save is checked against the version the form was made from.
enum DirectoryController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.directoryUnits, requires: .managePlans, use: units)
        routes.on(.GET, SiteURL.Route.directoryNewUnit, requires: .managePlans, use: unitForm)
        routes.on(.POST, SiteURL.Route.directoryNewUnit, requires: .managePlans, use: saveUnit)
        routes.on(.GET, SiteURL.Route.directoryEditUnit, requires: .managePlans, use: unitForm)
        routes.on(.POST, SiteURL.Route.directoryEditUnit, requires: .managePlans, use: saveUnit)
        routes.on(.GET, SiteURL.Route.directoryLeaders, requires: .managePlans, use: leaders)
        routes.on(.GET, SiteURL.Route.directoryNewLeader, requires: .managePlans, use: leaderForm)
        routes.on(.POST, SiteURL.Route.directoryNewLeader, requires: .managePlans, use: saveLeader)
        routes.on(.GET, SiteURL.Route.directoryEditLeader, requires: .managePlans, use: leaderForm)
        routes.on(.POST, SiteURL.Route.directoryEditLeader, requires: .managePlans, use: saveLeader)
        routes.on(.POST, SiteURL.Route.apiUnits, requires: .managePlans, use: createUnitAPI)
        routes.on(.PUT, SiteURL.Route.apiUnit, requires: .managePlans, use: updateUnitAPI)
        routes.on(.POST, SiteURL.Route.apiLeaders, requires: .managePlans, use: createLeaderAPI)
        routes.on(.PUT, SiteURL.Route.apiLeader, requires: .managePlans, use: updateLeaderAPI)
    }

    private static func code(_ req: Request) throws -> String { try req.requireUser().actor.jurisdictionCode }

    private static func saved(_ req: Request) -> String? {
        req.query[String.self, at: "done"] == "1" ? req.pageContext(section: .workbench).strings.directory.saved : nil
    }

    @Sendable static func units(_ req: Request) async throws -> Response {
        let snapshot = try await req.catalog()
        let model = DirectoryPage.Model(units: snapshot.units(in: try code(req)), leaders: [], notice: saved(req))
        return req.htmlResponse(DirectoryPage.renderUnits(model, context: req.pageContext(section: .workbench)))
    }

    @Sendable static func leaders(_ req: Request) async throws -> Response {
        let snapshot = try await req.catalog()
        let model = DirectoryPage.Model(units: [], leaders: snapshot.leaders(in: try code(req)), notice: saved(req))
        return req.htmlResponse(DirectoryPage.renderLeaders(model, context: req.pageContext(section: .workbench)))
    }

    // MARK: Units

    /// The unit being edited (nil: a new one), if it is in the office's jurisdiction.
    private static func unitModel(_ req: Request) async throws -> UnitModel? {
        guard req.parameters.get("unitID") != nil else { return nil }
        let id = try req.uuidParameter("unitID")
        guard let model = try await UnitModel.find(id, on: req.db), Policy.can(try req.requireUser().actor, .managePlans, jurisdictionCode: model.jurisdictionCode) else {
            throw DomainError.unitNotFound(id)
        }
        return model
    }

    @Sendable static func unitForm(_ req: Request) async throws -> Response {
        let model = try await unitModel(req)
        let snapshot = try await req.catalog()
        let unit = model?.id.flatMap { snapshot.unitsByID[$0] }
        let values = ["name": unit?.name ?? "", "shortName": unit?.shortName ?? "", "kind": unit?.kind.rawValue ?? Unit.Kind.department.rawValue,
                      "aliases": unit?.aliases.joined(separator: "\n") ?? ""]
        return renderUnit(req, model, values: values, errors: [])
    }

    private static func renderUnit(_ req: Request, _ model: UnitModel?, values: [String: String], errors: [DomainError]) -> Response {
        let context = req.pageContext(section: .workbench)
        let s = context.strings, d = s.directory
        let title = model == nil ? d.newUnit : d.editUnit
        let page = RecordFormPage.Model(
            title: title, subtitle: model?.name, crumbs: [Crumb(title: d.unitsTitle, url: .directoryUnits), Crumb(title: title)],
            action: model?.id.map(SiteURL.directoryEditUnit) ?? .directoryNewUnit,
            hidden: model.map { [("version", String($0.version))] } ?? [],
            fields: [
                .init(label: d.fullName, name: "name", value: values["name"] ?? "", required: true),
                .init(label: d.shortName, name: "shortName", value: values["shortName"] ?? "", hint: d.shortNameHint),
                .init(label: d.kind, name: "kind", value: values["kind"] ?? "",
                      input: .select(Unit.Kind.allCases.map { .init(value: $0.rawValue, text: d.unitKind($0)) })),
                .init(label: d.aliases, name: "aliases", value: values["aliases"] ?? "", input: .textarea(rows: 4), hint: d.aliasesHint),
            ],
            submit: d.save, errors: errors, csrfToken: req.currentUser?.csrfToken ?? "")
        return req.htmlResponse(RecordFormPage.render(page, context: context), status: errors.first?.status ?? .ok)
    }

    @Sendable static func saveUnit(_ req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let model = try await unitModel(req)
        return try await savingForm({
            _ = try await writeUnit(req, model, .init(form: fields))
            return req.redirect(to: SiteURL.directoryUnits.path + "?done=1", redirectType: .normal)
        }, showAgain: { renderUnit(req, model, values: fields, errors: $0) })
    }

    /// Creates (no `model`) or updates a unit of the user's jurisdiction; returns its id.
    static func writeUnit(_ req: Request, _ model: UnitModel?, _ command: DirectoryService.SaveUnit) async throws -> UUID {
        try await DirectoryService.saveUnit(command, editing: model, in: try code(req), catalog: try await req.catalog(), by: try req.writer, on: req.db)
    }

    // MARK: Leaders

    private static func leaderModel(_ req: Request) async throws -> LeaderModel? {
        guard req.parameters.get("leaderID") != nil else { return nil }
        let id = try req.uuidParameter("leaderID")
        guard let model = try await LeaderModel.find(id, on: req.db), Policy.can(try req.requireUser().actor, .managePlans, jurisdictionCode: model.jurisdictionCode) else {
            throw DomainError.leaderNotFound(id)
        }
        return model
    }

    @Sendable static func leaderForm(_ req: Request) async throws -> Response {
        let model = try await leaderModel(req)
        return renderLeader(req, model, values: ["name": model?.name ?? "", "post": model?.post ?? "", "portfolio": model?.portfolio ?? ""], errors: [])
    }

    private static func renderLeader(_ req: Request, _ model: LeaderModel?, values: [String: String], errors: [DomainError]) -> Response {
        let context = req.pageContext(section: .workbench)
        let d = context.strings.directory
        let title = model == nil ? d.newLeader : d.editLeader
        let page = RecordFormPage.Model(
            title: title, subtitle: model?.name, crumbs: [Crumb(title: d.leadersTitle, url: .directoryLeaders), Crumb(title: title)],
            action: model?.id.map(SiteURL.directoryEditLeader) ?? .directoryNewLeader,
            hidden: model.map { [("version", String($0.version))] } ?? [],
            fields: [
                .init(label: d.leaderName, name: "name", value: values["name"] ?? "", required: true),
                .init(label: d.post, name: "post", value: values["post"] ?? "", required: true),
                .init(label: d.portfolio, name: "portfolio", value: values["portfolio"] ?? "", input: .textarea(rows: 3)),
            ],
            submit: d.save, errors: errors, csrfToken: req.currentUser?.csrfToken ?? "")
        return req.htmlResponse(RecordFormPage.render(page, context: context), status: errors.first?.status ?? .ok)
    }

    @Sendable static func saveLeader(_ req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let model = try await leaderModel(req)
        return try await savingForm({
            _ = try await writeLeader(req, model, .init(form: fields))
            return req.redirect(to: SiteURL.directoryLeaders.path + "?done=1", redirectType: .normal)
        }, showAgain: { renderLeader(req, model, values: fields, errors: $0) })
    }

    /// Creates (no `model`) or updates a leader of the user's jurisdiction; returns its id.
    static func writeLeader(_ req: Request, _ model: LeaderModel?, _ command: DirectoryService.SaveLeader) async throws -> UUID {
        try await DirectoryService.saveLeader(command, editing: model, in: try code(req), catalog: try await req.catalog(), by: try req.writer, on: req.db)
    }

    // MARK: API

    /// Unit and leader bodies of the API, decoded into the forms' commands.
    struct UnitBody: Content {
        var name: String
        var shortName: String?
        var kind: Unit.Kind
        var aliases: [String]?
        var version: Int?
        var command: DirectoryService.SaveUnit {
            .init(name: name, shortName: shortName ?? "", kind: kind.rawValue, aliases: (aliases ?? []).joined(separator: "\n"), version: version)
        }
    }

    struct LeaderBody: Content {
        var name: String
        var post: String
        var portfolio: String?
        var version: Int?
        var command: DirectoryService.SaveLeader { .init(name: name, post: post, portfolio: portfolio ?? "", version: version) }
    }

    struct Saved: Content {
        var id: UUID
        var version: Int
    }

    /// Runs an API write (refusals answer as their first problem: 400 naming the field, 409 when stale).
    static func apiWrite(_ req: Request, created: Bool, _ write: () async throws -> (UUID, Int)) async throws -> Response {
        let (id, version) = try await write()
        let response = Response(status: created ? .created : .ok)
        try response.content.encode(Saved(id: id, version: version))
        return response
    }

    @Sendable static func createUnitAPI(_ req: Request) async throws -> Response {
        let body = try req.content.decode(UnitBody.self)
        return try await apiWrite(req, created: true) { (try await writeUnit(req, nil, body.command), 1) }
    }

    @Sendable static func updateUnitAPI(_ req: Request) async throws -> Response {
        guard let model = try await unitModel(req) else { throw DomainError.unitNotFound(UUID()) }
        let body = try req.content.decode(UnitBody.self)
        guard body.version != nil else { throw DomainError.missing("version", zh: "请提供所编辑记录的版本号", en: "Give the version you edited") }
        return try await apiWrite(req, created: false) { (try await writeUnit(req, model, body.command), model.version + 1) }
    }

    @Sendable static func createLeaderAPI(_ req: Request) async throws -> Response {
        let body = try req.content.decode(LeaderBody.self)
        return try await apiWrite(req, created: true) { (try await writeLeader(req, nil, body.command), 1) }
    }

    @Sendable static func updateLeaderAPI(_ req: Request) async throws -> Response {
        guard let model = try await leaderModel(req) else { throw DomainError.leaderNotFound(UUID()) }
        let body = try req.content.decode(LeaderBody.self)
        guard body.version != nil else { throw DomainError.missing("version", zh: "请提供所编辑记录的版本号", en: "Give the version you edited") }
        return try await apiWrite(req, created: false) { (try await writeLeader(req, model, body.command), model.version + 1) }
    }
}
