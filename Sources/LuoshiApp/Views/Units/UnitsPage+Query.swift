import LuoshiDomain

extension UnitsPage {
    static func query(_ snapshot: CatalogSnapshot) -> Model {
        let byJurisdiction = Dictionary(grouping: snapshot.units, by: \.jurisdictionCode)
        let groups = byJurisdiction.keys.sorted().map { code in
            let units = byJurisdiction[code] ?? []
            let kinds = Unit.Kind.allCases.sorted { $0.sortOrder < $1.sortOrder }.compactMap { kind -> (kind: Unit.Kind, rows: [Row])? in
                let rows = units.filter { $0.kind == kind }.map { unit in
                    Row(unit: unit, led: snapshot.publicTasks(ledBy: unit.id).count,
                        cooperated: snapshot.publicTasks(cooperatedBy: unit.id).count)
                }
                return rows.isEmpty ? nil : (kind, rows)
            }
            return Group(jurisdictionName: snapshot.jurisdictionName(code), kinds: kinds)
        }
        return Model(groups: groups)
    }
}
