import Foundation
import LuoshiDomain

/// Everything about one task: owners, kind, deadline or target, measures, milestones.
enum TaskPage {
    struct Model: Sendable {
        var plan: Plan
        var part: Part?
        var listing: TaskListing
        var revisions: [ChangeControl.Revision] = []
        /// 公开进度: from the latest published bulletin (nil: none yet).
        var progress: PublicProgress? = nil
        /// 政民互动: the approved questions and answers, and the names of the answering units.
        var questions: [PublicQuestion.Published] = []
        var unitNames: [UUID: String] = [:]
    }
}
