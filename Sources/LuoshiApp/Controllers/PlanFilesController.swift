import Fluent
import Foundation
import LuoshiDomain
import LuoshiHTML
import Vapor

/// Plan spreadsheets: the supervision office imports them (dry run, then apply); anyone may
/// export an issued plan, internal users a draft of their jurisdiction.
enum PlanFilesController {
    static func register(_ app: Application) {
        let routes: any RoutesBuilder = app
        routes.on(.GET, SiteURL.Route.planImport, requires: .managePlans, use: importForm)
        // Uploads larger than the configured limit are refused (413) before they are read whole.
        routes.on(.POST, SiteURL.Route.planImport, requires: .managePlans,
                  body: .collect(maxSize: ByteCount(value: app.luoshiConfig.maxBodySize + 64 * 1024)), use: upload)
        routes.on(.GET, SiteURL.Route.planImportShow, requires: .managePlans, use: show)
        routes.on(.POST, SiteURL.Route.planImportAliases, requires: .managePlans, use: mapNames)
        routes.on(.POST, SiteURL.Route.planImportApply, requires: .managePlans, use: apply)
        routes.on(.GET, SiteURL.Route.planExport, requires: .readPublic, use: export)
    }

    private static func model(_ req: Request, error: DomainError? = nil) async throws -> PlanImportPage.Model {
        let user = try req.requireUser()
        let snapshot = try await req.catalog()
        let code = user.actor.jurisdictionCode
        let jurisdictions = snapshot.jurisdictions.values
            .filter { $0.code == code || $0.parentCode == code }
            .sorted { $0.code < $1.code }
            .map { (code: $0.code, name: $0.name) }
        return PlanImportPage.Model(jurisdictions: jurisdictions, year: CalendarDate(date: req.now).year,
                                    csrfToken: user.csrfToken ?? "", error: error)
    }

    @Sendable static func importForm(_ req: Request) async throws -> Response {
        req.htmlResponse(PlanImportPage.render(try await model(req), context: req.pageContext(section: .workbench)))
    }

    struct UploadForm: Content {
        var file: File?
        var jurisdiction: String?
        var year: String?
        var title: String?
        var createMissing: String?
    }

    @Sendable static func upload(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let limit = req.application.luoshiConfig.maxBodySize
        do {
            if (req.body.data?.readableBytes ?? 0) > limit + 64 * 1024 { throw DomainError.fileTooLarge(limit) }
            let form: UploadForm
            do {
                form = try req.content.decode(UploadForm.self)
            } catch {
                throw DomainError.invalid("file", zh: "请选择要上传的表格文件", en: "Choose a spreadsheet to upload")
            }
            guard let file = form.file, file.data.readableBytes > 0 else {
                throw DomainError.missing("file", zh: "请选择要上传的表格文件", en: "Choose a spreadsheet to upload")
            }
            guard file.data.readableBytes <= limit else { throw DomainError.fileTooLarge(limit) }
            guard let year = form.year.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), (2000...2100).contains(year) else {
                throw DomainError.invalid("year", zh: "年度应为 2000–2100 之间的整数", en: "The year must be a whole number from 2000 to 2100")
            }
            let code = form.jurisdiction ?? user.actor.jurisdictionCode
            let upload = PlanService.ImportPlan(data: Data(buffer: file.data), fileName: file.filename, jurisdictionCode: code, year: year,
                                                title: form.title, createMissing: form.createMissing == "1", basis: nil)
            let stored = try await PlanService.storeUpload(upload, by: try req.writer, snapshot: try await req.catalog(), on: req.db)
            return try await dryRun(req, stored)
        } catch let error as DomainError {
            return req.htmlResponse(PlanImportPage.render(try await model(req, error: error), context: req.pageContext(section: .workbench)),
                                    status: error.status)
        }
    }

    /// The stored upload as the import command (`basis`: the fingerprint the confirming form sends).
    private static func command(_ stored: PlanImportModel, basis: String? = nil) -> PlanService.ImportPlan {
        PlanService.ImportPlan(data: stored.data, fileName: stored.fileName, jurisdictionCode: stored.jurisdictionCode, year: stored.year,
                               title: stored.title, createMissing: stored.createMissing, basis: basis)
    }

    private static func reread(_ req: Request, _ stored: PlanImportModel) async throws -> PlanFiles.ImportResult {
        try await PlanService.preview(command(stored), snapshot: try await req.catalog(), on: req.db, today: CalendarDate(date: req.now))
    }

    private static func dryRun(_ req: Request, _ stored: PlanImportModel, errors: [DomainError] = [], notice: String? = nil) async throws -> Response {
        let result = try await reread(req, stored)
        let snapshot = try await req.catalog()
        var page = try await model(req, error: errors.first ?? result.existing?.refusal)
        page.errors = errors
        page.notice = notice
        page.importID = stored.id
        page.fileName = stored.fileName
        page.reading = result.reading
        page.problems = result.problems
        page.newUnits = result.document.units.map(\.name)
        page.newLeaders = result.document.leaders.map(\.name)
        page.unknownUnits = result.unknownUnits
        page.directory = snapshot.units(in: stored.jurisdictionCode).map { (id: $0.id, name: $0.shortName == $0.name ? $0.name : "\($0.shortName)（\($0.name)）") }
        page.existing = result.existing
        page.applied = stored.appliedPlanID != nil
        let status: HTTPStatus = errors.first?.status ?? (result.problems.isEmpty && result.existing?.refusal == nil ? .ok : .unprocessableEntity)
        return req.htmlResponse(PlanImportPage.render(page, context: req.pageContext(section: .workbench)), status: status)
    }

    /// The uploader's own stored import.
    private static func storedImport(_ req: Request) async throws -> PlanImportModel {
        let user = try req.requireUser()
        let id = try req.uuidParameter("importID")
        guard let stored = try await PlanImportModel.query(on: req.db).filter(\.$id == id)
            .filter(\.$user.$id == user.actor.userID).first() else {
            throw DomainError.notFound("importID", zh: "导入记录不存在", en: "No such import")
        }
        return stored
    }

    /// `GET /plans/import/{id}`: the dry run of a stored upload, read again against the directory now.
    @Sendable static func show(_ req: Request) async throws -> Response {
        let done = req.query[String.self, at: "done"] == "aliases" ? req.pageContext(section: .workbench).strings.planImport.aliasesSaved : nil
        return try await dryRun(req, try await storedImport(req), notice: done)
    }

    /// Remembers unknown names as aliases of the units chosen for them, then shows the dry run again.
    @Sendable static func mapNames(_ req: Request) async throws -> Response {
        let stored = try await storedImport(req)
        let fields = try req.content.decode([String: String].self)
        let units = try await PlanWriter.existingUnits(jurisdiction: stored.jurisdictionCode, on: req.db)
        var pairs: [(alias: String, unitID: UUID)] = []
        var errors: [DomainError] = []
        for index in 0..<200 {
            guard let name = fields["name.\(index)"] else { break }
            guard let choice = fields["unit.\(index)"]?.nonBlank else { continue }
            guard let unitID = UUID(uuidString: choice) else {
                errors.append(.invalid("unit.\(index)", zh: "所选单位无效", en: "Invalid unit"))
                continue
            }
            if let problem = UnitAliasRules.problem(alias: name, unitID: unitID, units: units, field: "unit.\(index)") {
                errors.append(problem)
            } else {
                pairs.append((name.trimmingCharacters(in: .whitespacesAndNewlines), unitID))
            }
        }
        guard errors.isEmpty else { return try await dryRun(req, stored, errors: errors) }
        guard !pairs.isEmpty else {
            return try await dryRun(req, stored, errors: [.missing("unit.0", zh: "请至少为一个名称选择对应的单位", en: "Choose a unit for at least one name")])
        }
        try await DirectoryService.addAliases(.init(pairs: pairs), in: stored.jurisdictionCode, units: units, catalog: try await req.catalog(),
                                              by: try req.writer, on: req.db)
        return req.redirect(to: SiteURL.planImportShow(try stored.requireID()).path + "?done=aliases", redirectType: .normal)
    }

    @Sendable static func apply(_ req: Request) async throws -> Response {
        let stored = try await storedImport(req)
        if stored.appliedPlanID != nil {
            throw DomainError(.conflict, zh: "该表格已经导入过", en: "This spreadsheet has already been applied", field: "importID")
        }
        // Read again against the directory as it is now: what was clean may no longer be.
        let basis = try req.content.decode([String: String].self)["basis"] ?? ""
        var command = command(stored, basis: basis)
        command.uploadID = try stored.requireID()
        let snapshot = try await req.catalog()
        let result = try await PlanService.preview(command, snapshot: snapshot, on: req.db, today: CalendarDate(date: req.now))
        do {
            let imported = try await PlanService.importPlan(command, read: result, by: try req.writer, snapshot: snapshot, on: req.db)
            if case .created = imported { return req.redirect(to: SiteURL.workbench.path, redirectType: .normal) }
            return req.redirect(to: SiteURL.planManage(imported.planID).path, redirectType: .normal)
        } catch is PlanService.ImportProblems {
            return try await dryRun(req, stored)
        } catch let error as DomainError where error.field == "basis" {
            return try await dryRun(req, stored, errors: [error])
        } catch let error as DomainError {
            var page = try await model(req, error: error)
            page.reading = result.reading
            page.fileName = stored.fileName
            return req.htmlResponse(PlanImportPage.render(page, context: req.pageContext(section: .workbench)), status: error.status)
        }
    }

    /// `GET /plans/{id}/export?format=xlsx|csv`
    @Sendable static func export(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter("planID")
        let format = try PlanFiles.Format(rawValue: req.query[String.self, at: "format"] ?? "xlsx")
            ?? { throw DomainError.invalid("format", zh: "format 只能是 xlsx 或 csv", en: "format must be xlsx or csv") }()
        let snapshot = try await req.catalog()
        guard let plan = snapshot.plansByID[id],
              plan.isPublic || Policy.can(req.currentUser?.actor, .readInternal, jurisdictionCode: plan.jurisdictionCode, draft: true) else {
            throw DomainError.planNotFound(id)
        }
        let (data, fileName) = try PlanFiles.export(planID: id, format: format, snapshot: snapshot)
        var headers = HTTPHeaders()
        headers.contentType = format == .xlsx
            ? HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            : HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

extension DomainError {
    static func fileTooLarge(_ limit: Int) -> DomainError {
        DomainError(.payloadTooLarge, zh: "文件超过 \(limit / 1_048_576) MB 的上传上限", en: "The file is over the \(limit / 1_048_576) MB upload limit",
                    field: "file")
    }
}
