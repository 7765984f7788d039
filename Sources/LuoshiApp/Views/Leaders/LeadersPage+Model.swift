import LuoshiDomain

/// The county head and deputies, in protocol order, with their portfolios.
enum LeadersPage {
    struct Row: Sendable {
        var leader: Leader
        var taskCount: Int
    }

    struct Model: Sendable {
        var rows: [Row]
    }
}
