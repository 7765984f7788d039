import Foundation
import LuoshiDomain

extension TaskPage {
    static func query(_ snapshot: CatalogSnapshot, taskID: UUID) throws(DomainError) -> Model {
        guard let task = snapshot.tasksByID[taskID], let plan = snapshot.plansByID[task.planID], plan.isPublic else {
            throw .taskNotFound(taskID)
        }
        let part = snapshot.partsByPlan[plan.id]?.first { $0.number == task.number.part }
        let questions = snapshot.publishedQuestions[task.id] ?? []
        return Model(plan: plan, part: part, listing: snapshot.listing(task), revisions: snapshot.revisionsByTask[task.id] ?? [],
                     questions: questions,
                     unitNames: Dictionary(questions.compactMap { question in
                         question.unitID.flatMap { id in snapshot.unitsByID[id].map { (id, $0.name) } }
                     }, uniquingKeysWith: { first, _ in first }))
    }
}
