import Foundation
import LuoshiDomain

extension LeaderPage {
    static func query(_ snapshot: CatalogSnapshot, leaderID: UUID) throws(DomainError) -> Model {
        guard let leader = snapshot.leadersByID[leaderID] else { throw .leaderNotFound(leaderID) }
        return Model(leader: leader, tasks: snapshot.groupedByPlan(snapshot.publicTasks(of: leaderID)))
    }
}
