import Foundation

/// Names a sheet uses that the directory does not know, and how they may be mapped to known
/// units as remembered aliases (县发改局 = 县发展和改革局).
public enum UnitAliasRules {
    /// Unit names in `reading` that match no name, short name or alias of `units`, in sheet order.
    public static func unknownUnitNames(in reading: PlanSheetImport.Reading, units: [Unit]) -> [String] {
        let known = Set(units.flatMap(\.allNames))
        var seen: Set<String> = []
        return reading.tasks.flatMap { $0.leadUnits + $0.cooperatingUnits }.filter { !known.contains($0) && seen.insert($0).inserted }
    }

    /// Why `alias` cannot be remembered for `unitID` among `units`; nil when it can.
    public static func problem(alias: String, unitID: UUID, units: [Unit], field: String) -> DomainError? {
        guard let name = alias.nonBlank, name.count <= 100 else {
            return .invalid(field, zh: "别称应为 1–100 字", en: "An alias has 1–100 characters")
        }
        guard units.contains(where: { $0.id == unitID }) else {
            return .notFound(field, zh: "所选单位不存在", en: "No such unit")
        }
        if let owner = units.first(where: { $0.allNames.contains(name) }) {
            return DomainError(.duplicate, zh: "“\(name)”已是“\(owner.name)”的名称或别称", en: "\"\(name)\" already names \(owner.name)", field: field)
        }
        return nil
    }
}

extension PlanDiff {
    /// Part titles added, removed or changed between two documents: (number, before, after).
    public static func partChanges(_ old: PlanDocument, _ new: PlanDocument) -> [(number: Int, before: String?, after: String?)] {
        let before = Dictionary(old.parts.map { ($0.number, $0.title) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.parts.map { ($0.number, $0.title) }, uniquingKeysWith: { first, _ in first })
        return Set(before.keys).union(after.keys).sorted().compactMap { number in
            before[number] == after[number] ? nil : (number, before[number], after[number])
        }
    }

    /// The task numbers `changes` adds, removes and changes, each once.
    public static func summary(_ changes: [Change]) -> (added: Int, removed: Int, changed: Int) {
        (Set(changes.filter { $0.kind == .added }.map(\.task)).count,
         Set(changes.filter { $0.kind == .removed }.map(\.task)).count,
         Set(changes.filter { $0.kind == .changed }.map(\.task)).count)
    }
}

extension PlanDocument {
    /// The document with every unit and leader name written as the directory's short name (a
    /// sheet may use full names or aliases), so comparing it with a stored plan shows only real changes.
    public func canonicalNames(units: [Unit]) -> PlanDocument {
        var byName: [String: String] = [:]
        for unit in units { for name in unit.allNames where byName[name] == nil { byName[name] = unit.shortName } }
        var copy = self
        copy.parts = parts.map { part in
            var part = part
            part.tasks = part.tasks.map { task in
                var task = task
                task.leadUnits = task.leadUnits.map { byName[$0] ?? $0 }
                task.cooperatingUnits = task.cooperatingUnits.map { $0.map { byName[$0] ?? $0 } }
                return task
            }
            return part
        }
        return copy
    }
}
