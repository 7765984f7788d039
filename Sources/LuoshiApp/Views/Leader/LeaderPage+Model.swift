import LuoshiDomain

/// One leader and the public tasks in their portfolio, by plan.
enum LeaderPage {
    struct Model: Sendable {
        var leader: Leader
        var tasks: [(plan: Plan, tasks: [TaskListing])]
    }
}
