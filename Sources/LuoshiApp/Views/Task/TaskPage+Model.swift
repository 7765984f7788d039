import LuoshiDomain

/// Everything about one task: owners, kind, deadline or target, measures, milestones.
enum TaskPage {
    struct Model: Sendable {
        var plan: Plan
        var part: Part?
        var listing: TaskListing
        var revisions: [ChangeControl.Revision] = []
    }
}
