import Fluent
import Foundation
import LuoshiDomain

/// Stores a version of a plan at each lifecycle step.
enum PlanVersions {
    static func record(_ document: PlanDocument, planID: UUID, status: Plan.Status, by username: String,
                       on database: any Database) async throws {
        let last = try await PlanVersionModel.query(on: database).filter(\.$plan.$id == planID).sort(\.$number, .descending).first()
        let version = PlanVersionModel()
        version.$plan.id = planID
        version.number = (last?.number ?? 0) + 1
        version.status = status
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        version.document = String(decoding: try encoder.encode(document), as: UTF8.self)
        version.createdBy = username
        try await version.create(on: database)
    }
}
