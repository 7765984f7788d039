import LuoshiDomain

/// All responsible units, by jurisdiction and kind, with how many public tasks each leads.
enum UnitsPage {
    struct Row: Sendable {
        var unit: Unit
        var led: Int
        var cooperated: Int
    }

    struct Group: Sendable {
        var jurisdictionName: String
        var kinds: [(kind: Unit.Kind, rows: [Row])]
    }

    struct Model: Sendable {
        var groups: [Group]
    }
}
