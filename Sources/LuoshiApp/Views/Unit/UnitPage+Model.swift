import LuoshiDomain

/// One unit: the public tasks it leads and those it cooperates on, by plan.
enum UnitPage {
    struct Model: Sendable {
        var unit: Unit
        var jurisdictionName: String
        var led: [(plan: Plan, tasks: [TaskListing])]
        var cooperated: [(plan: Plan, tasks: [TaskListing])]
    }
}
