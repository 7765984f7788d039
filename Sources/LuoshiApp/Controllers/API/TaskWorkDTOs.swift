import Foundation
import LuoshiDomain
import Vapor

/// One task's work as the API gives it: charters with their history, change requests, the
/// revisions they made, and consultation comments. Absent values are empty strings, so every
/// documented key is always present.
struct TaskWorkDTO: Content {
    struct UnitRef: Content { var id: UUID, name: String }
    struct Quarter: Content { var target: String, expectedPercent: Int }
    struct MilestoneDTO: Content { var title: String, due: String }
    struct Owner: Content { var leader: String, section: String, staff: String, contact: String }
    struct CharterContent: Content {
        var quarters: [Quarter], months: [String], roadmap: String, measures: String, annualTarget: String
        var milestones: [MilestoneDTO], completesOn: String, owner: Owner
    }
    struct Event: Content { var step: String, status: CharterStatus, comment: String, actor: String, at: String }
    struct CharterDTO: Content {
        var unit: UnitRef, status: CharterStatus, version: Int, content: CharterContent, history: [Event]
    }
    struct ChangeRequestDTO: Content {
        var id: UUID, unit: UnitRef, kind: ChangeControl.Kind, currentValue: String, proposed: String, reason: String
        var status: ChangeControl.Status, note: String, requestedBy: String, decidedBy: String, decidedOn: String, version: Int
    }
    struct RevisionDTO: Content { var kind: ChangeControl.Kind, before: String, after: String, approvedOn: String, approvedBy: String }
    struct CommentDTO: Content {
        var id: UUID, unit: UnitRef, stance: Consultation.Stance, text: String, author: String
        var decision: Consultation.Decision, reply: String, version: Int
    }

    var taskID: UUID
    var number: String
    var charters: [CharterDTO]
    var changeRequests: [ChangeRequestDTO]
    var revisions: [RevisionDTO]
    var comments: [CommentDTO]

    init(_ record: TaskWorkRecord, task: PlanTask, snapshot: CatalogSnapshot) {
        func unit(_ id: UUID) -> UnitRef { UnitRef(id: id, name: snapshot.unitsByID[id]?.shortName ?? "") }
        let iso = Date.ISO8601FormatStyle()
        taskID = task.id
        number = task.number.description
        charters = record.charters.map { entry in
            let c = entry.charter
            return CharterDTO(
                unit: unit(entry.unitID), status: entry.status, version: entry.version,
                content: CharterContent(quarters: c.quarters.map { Quarter(target: $0.target, expectedPercent: $0.expectedPercent) },
                                        months: c.months, roadmap: c.roadmap, measures: c.measures, annualTarget: c.annualTarget,
                                        milestones: c.milestones.map { MilestoneDTO(title: $0.title, due: $0.due.iso) },
                                        completesOn: c.completesOn?.iso ?? "",
                                        owner: Owner(leader: c.owner.leader, section: c.owner.section, staff: c.owner.staff, contact: c.owner.contact)),
                history: entry.history.map { Event(step: $0.step, status: $0.status, comment: $0.comment, actor: $0.actor, at: $0.at.map(iso.format) ?? "") })
        }
        changeRequests = record.changeRequests.map {
            ChangeRequestDTO(id: $0.id, unit: unit($0.unitID), kind: $0.kind, currentValue: $0.currentValue, proposed: $0.proposed,
                             reason: $0.reason, status: $0.status, note: $0.note, requestedBy: $0.requestedBy,
                             decidedBy: $0.decidedBy ?? "", decidedOn: $0.decidedOn ?? "", version: $0.version)
        }
        revisions = (snapshot.revisionsByTask[task.id] ?? []).map {
            RevisionDTO(kind: $0.kind, before: $0.before, after: $0.after, approvedOn: $0.approvedOn.iso, approvedBy: $0.approvedBy)
        }
        comments = record.comments.map {
            CommentDTO(id: $0.id, unit: unit($0.unitID), stance: $0.stance, text: $0.text, author: $0.author, decision: $0.decision,
                       reply: $0.reply ?? "", version: $0.version)
        }
    }
}

/// A stored version of a plan, and the comparison of two.
struct PlanVersionDTO: Content {
    var number: Int
    var status: Plan.Status
    var createdAt: String
    var createdBy: String
}

struct PlanComparisonDTO: Content {
    struct Change: Content {
        var kind: PlanDiff.Change.Kind
        var task: String
        var field: String
        var before: String
        var after: String
    }
    var from: Int
    var to: Int
    var changes: [Change]
}

extension PlanDiff.Change.Kind: Codable {}
