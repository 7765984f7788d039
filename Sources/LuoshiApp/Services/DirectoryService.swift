import Fluent
import Foundation
import LuoshiDomain
import Vapor

/// Writes of the directory: an office creates or edits its jurisdiction's units (with their
/// aliases, which plan imports match) and leaders. Web forms and the JSON API decode into the
/// same commands; each checks the rules in `DirectoryRules`, the office's right over the
/// jurisdiction and the version edited (409 naming the current one), and writes with its audit
/// row in one transaction.
enum DirectoryService {
    struct SaveUnit: Sendable {
        var name: String
        var shortName: String
        var kind: String
        /// One alias per line (or separated by 、，,).
        var aliases: String
        /// The version edited; ignored when creating.
        var version: Int?
    }

    struct SaveLeader: Sendable {
        var name: String
        var post: String
        var portfolio: String
        var version: Int?
    }

    /// Creates (no `model`) or updates a unit of `jurisdictionCode`; returns its id.
    static func saveUnit(_ command: SaveUnit, editing model: UnitModel?, in jurisdictionCode: String, catalog: CatalogSnapshot,
                         by writer: Writer, on database: any Database) async throws -> UUID {
        guard writer.may(.managePlans, in: jurisdictionCode) else { throw DomainError.forbidden }
        let id = try model?.requireID() ?? UUID()
        let unit = try DirectoryRules.unit(name: command.name, shortName: command.shortName, kind: command.kind, aliases: command.aliases,
                                           id: id, jurisdictionCode: jurisdictionCode,
                                           others: catalog.units(in: jurisdictionCode).filter { $0.id != id }).get()
        try await database.writeTransaction { db in
            if let model {
                try await OptimisticLock.update(UnitModel.schema, id: id, from: command.version, current: model.version, at: writer.now, on: db) {
                    $0.set("name", to: unit.name).set("short_name", to: unit.shortName).set("kind", to: unit.kind.rawValue)
                }
                try await UnitAliasModel.query(on: db).filter(\.$unit.$id == id).delete()
            } else {
                try await UnitModel(unit).create(on: db)
            }
            for alias in Set(unit.aliases + [unit.shortName]).subtracting([unit.name]).sorted() {
                try await UnitAliasModel(unitID: id, jurisdictionCode: jurisdictionCode, alias: alias).create(on: db)
            }
            try await AuditLog.append(.init(action: model == nil ? "unit.create" : "unit.update", targetType: "unit", targetID: id.uuidString,
                                            summary: "\(unit.name)（\(unit.shortName)）aliases: \(unit.aliases.joined(separator: "、"))"),
                                      by: writer.who, at: writer.now, on: db)
        }
        return id
    }

    /// Creates (no `model`) or updates a leader of `jurisdictionCode`; returns its id.
    static func saveLeader(_ command: SaveLeader, editing model: LeaderModel?, in jurisdictionCode: String, catalog: CatalogSnapshot,
                           by writer: Writer, on database: any Database) async throws -> UUID {
        guard writer.may(.managePlans, in: jurisdictionCode) else { throw DomainError.forbidden }
        let id = try model?.requireID() ?? UUID()
        let leader = try DirectoryRules.leader(name: command.name, post: command.post, portfolio: command.portfolio, id: id,
                                               jurisdictionCode: jurisdictionCode,
                                               others: catalog.leaders(in: jurisdictionCode).filter { $0.id != id }).get()
        try await database.writeTransaction { db in
            if let model {
                try await OptimisticLock.update(LeaderModel.schema, id: id, from: command.version, current: model.version, at: writer.now, on: db) {
                    $0.set("name", to: leader.name).set("post", to: leader.post).set("portfolio", to: leader.portfolio)
                }
            } else {
                try await LeaderModel(leader).create(on: db)
            }
            try await AuditLog.append(.init(action: model == nil ? "leader.create" : "leader.update", targetType: "leader", targetID: id.uuidString,
                                            summary: "\(leader.name) \(leader.post)"), by: writer.who, at: writer.now, on: db)
        }
        return id
    }

    /// Names a plan spreadsheet used for units (each checked by `UnitAliasRules` against
    /// `units`), remembered as aliases so that the next import matches them.
    struct AddAliases: Sendable {
        var pairs: [(alias: String, unitID: UUID)]
    }

    static func addAliases(_ command: AddAliases, in jurisdictionCode: String, units: [Unit], catalog: CatalogSnapshot, by writer: Writer,
                           on database: any Database) async throws {
        try PlanService.requireImportReach(jurisdictionCode, by: writer, snapshot: catalog)
        try await database.writeTransaction { db in
            for pair in command.pairs {
                try await UnitAliasModel(unitID: pair.unitID, jurisdictionCode: jurisdictionCode, alias: pair.alias).create(on: db)
                let unitName = units.first { $0.id == pair.unitID }?.name ?? ""
                try await AuditLog.append(AuditLog.Event(action: "unit.alias.create", targetType: "unit", targetID: pair.unitID.uuidString,
                                                         summary: "\(pair.alias) = \(unitName)"), by: writer.who, at: writer.now, on: db)
            }
        }
    }
}

/// The commands as a web form sends them.
extension DirectoryService.SaveUnit {
    init(form fields: [String: String]) {
        self.init(name: fields["name"] ?? "", shortName: fields["shortName"] ?? "", kind: fields["kind"] ?? "", aliases: fields["aliases"] ?? "",
                  version: fields["version"].flatMap { Int($0) })
    }
}

extension DirectoryService.SaveLeader {
    init(form fields: [String: String]) {
        self.init(name: fields["name"] ?? "", post: fields["post"] ?? "", portfolio: fields["portfolio"] ?? "",
                  version: fields["version"].flatMap { Int($0) })
    }
}
