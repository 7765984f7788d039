import LuoshiDomain

/// One part of a plan with all its tasks.
enum PartPage {
    struct Model: Sendable {
        var plan: Plan
        var part: Part
        var tasks: [TaskListing]
        /// Neighbouring parts, for moving through the plan.
        var previous: Part?
        var next: Part?
    }
}
