import Foundation
import LuoshiDomain
import Vapor

/// The API's shapes. Built from the read model, never from Fluent models. Optional values are
/// written as `null` rather than left out, so every documented key is always present.
enum DTO {
    struct JurisdictionRef: Content {
        var code: String
        var name: String
    }

    struct PlanSummary: Content {
        var id: UUID
        var year: Int
        var title: String
        var jurisdiction: JurisdictionRef
        var status: Plan.Status
        var documentNumber: String?
        var taskCount: Int
        var illustrative: Bool

        init(_ plan: Plan, _ snapshot: CatalogSnapshot) {
            id = plan.id
            year = plan.year
            title = plan.title
            jurisdiction = JurisdictionRef(code: plan.jurisdictionCode, name: snapshot.jurisdictionName(plan.jurisdictionCode))
            status = plan.status
            documentNumber = plan.documentNumber
            taskCount = snapshot.tasksByPlan[plan.id]?.count ?? 0
            illustrative = plan.illustrativeNotice != nil
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(year, forKey: .year)
            try c.encode(title, forKey: .title)
            try c.encode(jurisdiction, forKey: .jurisdiction)
            try c.encode(status, forKey: .status)
            try c.encode(documentNumber, forKey: .documentNumber)
            try c.encode(taskCount, forKey: .taskCount)
            try c.encode(illustrative, forKey: .illustrative)
        }
    }

    struct PartSummary: Content {
        var number: Int
        var title: String
        var taskCount: Int
    }

    /// A plan's summary plus its disclosure facts, stages and parts.
    struct PlanDetail: Encodable {
        var summary: PlanSummary
        var indexNumber: String?
        var issuingBody: String
        var stages: Plan.Stages
        var notice: LocalizedText?
        var parts: [PartSummary]
        /// The disclosure metadata (主题词, 公开方式, 成文日期, 有效性).
        var subjectWords: String?
        var disclosureMode: Disclosure.Mode
        var writtenOn: CalendarDate?
        var validity: Disclosure.Validity

        enum CodingKeys: String, CodingKey { case indexNumber, issuingBody, stages, notice, parts, subjectWords, disclosureMode, writtenOn, validity }

        init(_ plan: Plan, _ snapshot: CatalogSnapshot) {
            summary = PlanSummary(plan, snapshot)
            indexNumber = plan.indexNumber
            issuingBody = plan.issuingBody
            stages = plan.stages
            notice = plan.illustrativeNotice
            subjectWords = plan.subjectWords
            disclosureMode = plan.disclosureMode
            writtenOn = plan.writtenOn
            validity = plan.validity
            parts = snapshot.statisticsByPlan[plan.id]?.parts.map {
                PartSummary(number: $0.number, title: $0.title, taskCount: $0.tasks)
            } ?? []
        }

        func encode(to encoder: any Encoder) throws {
            try summary.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(indexNumber, forKey: .indexNumber)
            try c.encode(issuingBody, forKey: .issuingBody)
            try c.encode(StagesBody(stages), forKey: .stages)
            try c.encode(notice, forKey: .notice)
            try c.encode(parts, forKey: .parts)
            try c.encode(subjectWords, forKey: .subjectWords)
            try c.encode(disclosureMode, forKey: .disclosureMode)
            try c.encode(writtenOn, forKey: .writtenOn)
            try c.encode(validity, forKey: .validity)
        }
    }

    /// Stage dates with `null` for stages not reached.
    struct StagesBody: Encodable {
        let stages: Plan.Stages
        init(_ stages: Plan.Stages) { self.stages = stages }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Plan.Status.self)
            for status in Plan.Status.allCases { try c.encode(stages.date(of: status), forKey: status) }
        }
    }

    struct UnitRef: Content {
        var id: UUID
        var name: String
        var shortName: String
        var kind: Unit.Kind

        init(_ unit: Unit) {
            id = unit.id
            name = unit.name
            shortName = unit.shortName
            kind = unit.kind
        }
    }

    struct LeaderRef: Content {
        var id: UUID
        var name: String
        var post: String

        init(_ leader: Leader) {
            id = leader.id
            name = leader.name
            post = leader.post
        }
    }

    struct Task: Content {
        var id: UUID
        var planID: UUID
        var number: String
        var part: Int
        var content: String
        var kind: TaskKind
        var deadline: CalendarDate?
        var annualTarget: String?
        var measures: String?
        var leadUnits: [UnitRef]
        var cooperatingUnits: [UnitRef]
        var leaders: [LeaderRef]
        var milestones: [Milestone]

        init(_ listing: TaskListing) {
            let task = listing.task
            id = task.id
            planID = task.planID
            number = task.number.description
            part = task.number.part
            content = task.content
            kind = task.kind
            deadline = task.deadline
            annualTarget = task.annualTarget
            measures = task.measures
            leadUnits = listing.leadUnits.map(UnitRef.init)
            cooperatingUnits = listing.cooperatingUnits.map(UnitRef.init)
            leaders = listing.leaders.map(LeaderRef.init)
            milestones = task.milestones
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(planID, forKey: .planID)
            try c.encode(number, forKey: .number)
            try c.encode(part, forKey: .part)
            try c.encode(content, forKey: .content)
            try c.encode(kind, forKey: .kind)
            try c.encode(deadline, forKey: .deadline)
            try c.encode(annualTarget, forKey: .annualTarget)
            try c.encode(measures, forKey: .measures)
            try c.encode(leadUnits, forKey: .leadUnits)
            try c.encode(cooperatingUnits, forKey: .cooperatingUnits)
            try c.encode(leaders, forKey: .leaders)
            try c.encode(milestones, forKey: .milestones)
        }
    }

    struct TaskRef: Content {
        var id: UUID
        var planID: UUID
        var number: String
        var content: String
    }

    struct UnitSummary: Content {
        var id: UUID
        var name: String
        var shortName: String
        var aliases: [String]
        var kind: Unit.Kind
        var jurisdiction: JurisdictionRef
        var leadTaskCount: Int
        var cooperatingTaskCount: Int

        init(_ unit: Unit, _ snapshot: CatalogSnapshot) {
            id = unit.id
            name = unit.name
            shortName = unit.shortName
            aliases = unit.aliases
            kind = unit.kind
            jurisdiction = JurisdictionRef(code: unit.jurisdictionCode, name: snapshot.jurisdictionName(unit.jurisdictionCode))
            leadTaskCount = snapshot.publicTasks(ledBy: unit.id).count
            cooperatingTaskCount = snapshot.publicTasks(cooperatedBy: unit.id).count
        }
    }

    struct UnitDetail: Content {
        var unit: UnitSummary
        var leadTasks: [TaskRef]
        var cooperatingTasks: [TaskRef]
    }

    struct LeaderSummary: Content {
        var id: UUID
        var name: String
        var post: String
        var portfolio: String
        var jurisdiction: JurisdictionRef
        var taskCount: Int
    }
}

extension Plan.Status: CodingKey {}
