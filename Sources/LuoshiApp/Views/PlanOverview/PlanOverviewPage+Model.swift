import LuoshiDomain

/// The home page and each plan's page: the plan's facts, how it was made, and its counts.
enum PlanOverviewPage {
    struct Model: Sendable {
        var plan: Plan?
        var jurisdictionName: String
        var statistics: PlanStatistics?
        /// Other public plans, for a deployment hosting several years or jurisdictions.
        var otherPlans: [(plan: Plan, jurisdictionName: String)]
        /// 公开进度: from the latest published bulletin (nil: none yet).
        var progress: PublicProgress? = nil
        /// Whether a 政策解读 is published.
        var interpreted = false
    }
}
