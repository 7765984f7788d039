import LuoshiDomain

extension LeadersPage {
    static func query(_ snapshot: CatalogSnapshot) -> Model {
        Model(rows: snapshot.leaders.map { Row(leader: $0, taskCount: snapshot.publicTasks(of: $0.id).count) })
    }
}
