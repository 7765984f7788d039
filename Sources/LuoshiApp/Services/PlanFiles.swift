import Fluent
import Foundation
import LuoshiDomain
import LuoshiOffice
import SQLKit
import Vapor

/// Spreadsheet import and export of plans: file formats from LuoshiOffice, rules from
/// LuoshiDomain, persistence through `PlanWriter` (all or nothing).
enum PlanFiles {
    enum Format: String, Sendable { case xlsx, csv }

    /// The sheets of an uploaded or given file. The name's extension says what it should be;
    /// the bytes must agree.
    static func tables(from data: Data, fileName: String, limits: ReadLimits = ReadLimits()) throws(DomainError) -> [PlanSheetImport.Table] {
        let lower = fileName.lowercased()
        do {
            if lower.hasSuffix(".xlsx") {
                return try XLSXReader.read(data, limits: limits).map { PlanSheetImport.Table(name: $0.name, rows: $0.rows) }
            }
            if lower.hasSuffix(".csv") || lower.hasSuffix(".txt") {
                if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.prefix(4096).contains(0) {
                    throw OfficeError.notASpreadsheet("binary content in a text file")
                }
                let name = (fileName as NSString).deletingPathExtension
                let sheet = CSVReader.read(try TextDecoding.decode(data), sheetName: (name as NSString).lastPathComponent)
                guard sheet.rows.count <= limits.maximumRows else { throw OfficeError.tooLarge("more than \(limits.maximumRows) rows") }
                return [PlanSheetImport.Table(name: sheet.name, rows: sheet.rows)]
            }
        } catch let error as OfficeError {
            throw DomainError(office: error, fileName: fileName)
        } catch {
            throw DomainError(.badRequest, zh: "无法读取文件“\(fileName)”", en: "Cannot read \"\(fileName)\"", field: "file")
        }
        throw DomainError.invalid("file", zh: "只支持 .xlsx 和 .csv 文件（“\(fileName)”）", en: "Only .xlsx and .csv files can be imported (\"\(fileName)\")")
    }

    /// The stored plan a sheet for the same jurisdiction and year would update, and how.
    struct Existing: Sendable {
        var plan: Plan
        var changes: [PlanDiff.Change]
        var partChanges: [(number: Int, before: String?, after: String?)]
        /// A fingerprint of the stored plan the preview was made from; applying checks it.
        var basis: String
        /// Why the plan cannot be updated (it is issued), if so.
        var refusal: DomainError?
    }

    struct ImportResult: Sendable {
        var reading: PlanSheetImport.Reading
        var document: PlanDocument
        var problems: [PlanSheetImport.Problem]
        /// Unit names the directory does not know (mappable to existing units as aliases).
        var unknownUnits: [String]
        var existing: Existing?
    }

    /// Reads the file into a draft plan for `jurisdiction` and `year`, without writing anything;
    /// if that plan exists, also what re-importing would change in it.
    static func dryRun(data: Data, fileName: String, jurisdictionCode: String, year: Int, title: String?, createMissing: Bool,
                       snapshot: CatalogSnapshot, on database: any Database, today: CalendarDate) async throws -> ImportResult {
        let tables = try tables(from: data, fileName: fileName)
        let reading = PlanSheetImport.read(tables, year: year)
        let jurisdiction = try await jurisdictionEntry(jurisdictionCode, on: database)
        let units = try await PlanWriter.existingUnits(jurisdiction: jurisdictionCode, on: database)
        let (document, problems) = PlanSheetImport.document(
            from: reading, facts: PlanSheetImport.PlanFacts(jurisdiction: jurisdiction, year: year, title: title),
            units: units, leaders: try await PlanWriter.existingLeaders(jurisdiction: jurisdictionCode, on: database),
            createMissing: createMissing, draftDate: today)
        var existing: Existing?
        if let plan = snapshot.plans.first(where: { $0.jurisdictionCode == jurisdictionCode && $0.year == year }) {
            let stored = storedDocument(plan, jurisdiction: jurisdiction, snapshot: snapshot)
            let incoming = document.canonicalNames(units: units)
            existing = Existing(plan: plan, changes: PlanDiff.compare(stored, incoming), partChanges: PlanDiff.partChanges(stored, incoming),
                                basis: try fingerprint(stored), refusal: TaskEditing.editProblem(plan))
        }
        return ImportResult(reading: reading, document: document, problems: problems,
                            unknownUnits: UnitAliasRules.unknownUnitNames(in: reading, units: units), existing: existing)
    }

    /// A stored plan as a document, from the catalog.
    static func storedDocument(_ plan: Plan, jurisdiction: PlanDocument.JurisdictionEntry, snapshot: CatalogSnapshot) -> PlanDocument {
        PlanDocument(plan: plan, jurisdiction: jurisdiction, parts: snapshot.partsByPlan[plan.id] ?? [], tasks: snapshot.tasksByPlan[plan.id] ?? [],
                     unitName: { snapshot.unitsByID[$0]?.shortName }, leaderName: { snapshot.leadersByID[$0]?.name })
    }

    static func fingerprint(_ document: PlanDocument) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Secrets.sha256Hex(String(decoding: try encoder.encode(document), as: UTF8.self))
    }

    /// The stored jurisdiction and its ancestors as a document entry.
    static func jurisdictionEntry(_ code: String, on database: any Database) async throws -> PlanDocument.JurisdictionEntry {
        guard let model = try await JurisdictionModel.query(on: database).filter(\.$code == code).first() else {
            throw DomainError.notFound("jurisdiction", zh: "行政区划 \(code) 不存在", en: "No jurisdiction \(code)")
        }
        let parent: PlanDocument.JurisdictionEntry? = if let parentCode = model.parentCode {
            try await jurisdictionEntry(parentCode, on: database)
        } else {
            nil
        }
        return PlanDocument.JurisdictionEntry(code: model.code, name: model.name, level: model.level, parent: parent)
    }

    /// The plan as XLSX or CSV bytes.
    static func export(planID: UUID, format: Format, snapshot: CatalogSnapshot) throws -> (data: Data, fileName: String) {
        guard let plan = snapshot.plansByID[planID] else { throw DomainError.planNotFound(planID) }
        let rows = PlanSheetExport.rows(parts: snapshot.partsByPlan[planID] ?? [], tasks: snapshot.tasksByPlan[planID] ?? [],
                                        unitName: { snapshot.unitsByID[$0]?.shortName }, leaderName: { snapshot.leadersByID[$0]?.name })
        let base = "\(plan.year)-\(plan.jurisdictionCode)-plan"
        switch format {
        case .csv:
            return (Data(CSV.render(header: PlanSheetExport.header, rows: rows).utf8), base + ".csv")
        case .xlsx:
            let columns = zip(PlanSheetExport.header, PlanSheetExport.widths).map { XLSXWriter.Column($0, width: $1) }
            return (try XLSXWriter.write(sheetName: "重点工作任务分解", columns: columns, rows: rows), base + ".xlsx")
        }
    }
}

extension DomainError {
    init(office error: OfficeError, fileName: String) {
        switch error {
        case .notASpreadsheet(let reason):
            self = .invalid("file", zh: "“\(fileName)”不是有效的表格文件（\(reason)）", en: "\"\(fileName)\" is not a valid spreadsheet (\(reason))")
        case .tooLarge(let reason):
            self = .invalid("file", zh: "“\(fileName)”过大（\(reason)）", en: "\"\(fileName)\" is too large (\(reason))")
        case .unknownEncoding:
            self = .invalid("file", zh: "“\(fileName)”的编码既不是 UTF-8 也不是 GBK", en: "\"\(fileName)\" is neither UTF-8 nor GBK text")
        case .malformed(let part, let reason):
            self = .invalid("file", zh: "“\(fileName)”内容损坏：\(part)（\(reason)）", en: "\"\(fileName)\" is damaged: \(part) (\(reason))")
        }
    }
}
