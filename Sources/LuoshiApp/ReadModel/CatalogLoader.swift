import Foundation
import LuoshiDomain
import SQLKit

/// Loads a `CatalogSnapshot` with a handful of SQLKit queries into plain rows: no Fluent model
/// decoding on the read path (see DESIGN.md, performance notes).
enum CatalogLoader {
    private struct JurisdictionRow: Decodable {
        let code: String, name: String, level: String, parentCode: String?
    }
    private struct PlanRow: Decodable {
        let id: UUID, jurisdictionCode: String, year: Int, title: String, status: String
        let draftOn: String?, consultationOn: String?, approvedOn: String?, issuedOn: String?
        let documentNumber: String?, indexNumber: String?, issuingBody: String
        let reportApprovedOn: String?, reportApprovedBy: String?, approvalMeeting: String?
        let noticeZh: String?, noticeEn: String?
        let subjectWords: String?, disclosureMode: String, writtenOn: String?, validity: String
    }
    private struct PlanIDRow: Decodable { let planId: UUID }
    private struct QuestionRow: Decodable {
        let id: UUID, taskId: UUID, askedAt: Date, askerName: String, publicQuestion: String?, answer: String?, unitId: UUID?
        let answeredAt: Date?, decidedAt: Date?
    }
    private struct PartRow: Decodable { let id: UUID, planId: UUID, number: Int, title: String }
    private struct TaskRow: Decodable {
        let id: UUID, planId: UUID, partNumber: Int, item: Int, content: String, kind: String
        let deadline: String?, measures: String?, annualTarget: String?
    }
    private struct UnitRow: Decodable { let id: UUID, jurisdictionCode: String, name: String, shortName: String, kind: String }
    private struct AliasRow: Decodable { let unitId: UUID, alias: String }
    private struct LeaderRow: Decodable { let id: UUID, jurisdictionCode: String, name: String, post: String, portfolio: String }
    private struct TaskUnitRow: Decodable { let taskId: UUID, unitId: UUID, role: String, position: Int }
    private struct TaskLeaderRow: Decodable { let taskId: UUID, leaderId: UUID, position: Int }
    private struct MilestoneRow: Decodable { let taskId: UUID, title: String, due: String, position: Int }
    private struct RevisionRow: Decodable {
        let taskId: UUID, kind: String, oldValue: String, newValue: String, approvedOn: String, approvedBy: String
    }

    static func load(from sql: any SQLDatabase, version: Int) async throws -> CatalogSnapshot {
        let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)
        func rows<Row: Decodable>(_ query: SQLQueryString, as type: Row.Type) async throws -> [Row] {
            try await sql.raw(query).all(decoding: Row.self, with: decoder)
        }
        let jurisdictions = try await rows("SELECT code, name, level, parent_code FROM jurisdictions", as: JurisdictionRow.self)
        let plans = try await rows("""
            SELECT id, jurisdiction_code, year, title, status, draft_on, consultation_on, approved_on, issued_on,
                   document_number, index_number, issuing_body, report_approved_on, report_approved_by,
                   approval_meeting, notice_zh, notice_en, subject_words, disclosure_mode, written_on, validity FROM plans
            """, as: PlanRow.self)
        let parts = try await rows("SELECT id, plan_id, number, title FROM parts", as: PartRow.self)
        let tasks = try await rows("""
            SELECT t.id, t.plan_id, p.number AS part_number, t.item, t.content, t.kind, t.deadline, t.measures,
                   t.annual_target FROM plan_tasks t JOIN parts p ON p.id = t.part_id
            """, as: TaskRow.self)
        let units = try await rows("SELECT id, jurisdiction_code, name, short_name, kind FROM units", as: UnitRow.self)
        let aliases = try await rows("SELECT unit_id, alias FROM unit_aliases", as: AliasRow.self)
        let leaders = try await rows("SELECT id, jurisdiction_code, name, post, portfolio FROM leaders", as: LeaderRow.self)
        let taskUnits = try await rows("SELECT task_id, unit_id, role, position FROM task_units", as: TaskUnitRow.self)
        let taskLeaders = try await rows("SELECT task_id, leader_id, position FROM task_leaders", as: TaskLeaderRow.self)
        let milestones = try await rows("SELECT task_id, title, due, position FROM milestones", as: MilestoneRow.self)
        let revisions = try await rows(
            "SELECT task_id, kind, old_value, new_value, approved_on, approved_by FROM task_revisions ORDER BY approved_on, created_at", as: RevisionRow.self)

        let unitsOfTask = Dictionary(grouping: taskUnits.sorted { $0.position < $1.position }, by: \.taskId)
        let leadersOfTask = Dictionary(grouping: taskLeaders.sorted { $0.position < $1.position }, by: \.taskId)
        let milestonesOfTask = Dictionary(grouping: milestones.sorted { $0.position < $1.position }, by: \.taskId)
        let aliasesOfUnit = Dictionary(grouping: aliases, by: \.unitId)

        var snapshot = CatalogSnapshot(
            version: version,
            jurisdictions: jurisdictions.map {
                Jurisdiction(code: $0.code, name: $0.name, level: Jurisdiction.Level(rawValue: $0.level) ?? .county,
                             parentCode: $0.parentCode)
            },
            plans: plans.map { row in
                Plan(id: row.id, jurisdictionCode: row.jurisdictionCode, year: row.year, title: row.title,
                     status: Plan.Status(rawValue: row.status) ?? .draft,
                     stages: Plan.Stages(draft: date(row.draftOn), consultation: date(row.consultationOn),
                                         approved: date(row.approvedOn), issued: date(row.issuedOn)),
                     documentNumber: row.documentNumber, indexNumber: row.indexNumber, issuingBody: row.issuingBody,
                     reportApprovedOn: date(row.reportApprovedOn), reportApprovedBy: row.reportApprovedBy,
                     approvalMeeting: row.approvalMeeting,
                     illustrativeNotice: row.noticeZh.map { LocalizedText(zh: $0, en: row.noticeEn ?? $0) },
                     subjectWords: row.subjectWords, disclosureMode: Disclosure.Mode(rawValue: row.disclosureMode) ?? .proactive,
                     writtenOn: date(row.writtenOn), validity: Disclosure.Validity(rawValue: row.validity) ?? .valid)
            },
            parts: parts.map { Part(id: $0.id, planID: $0.planId, number: $0.number, title: $0.title) },
            tasks: tasks.map { row in
                let owners = unitsOfTask[row.id] ?? []
                return PlanTask(
                    id: row.id, planID: row.planId, number: TaskNumber(part: row.partNumber, item: row.item),
                    content: row.content, kind: TaskKind(rawValue: row.kind) ?? .phased, deadline: date(row.deadline),
                    measures: row.measures, annualTarget: row.annualTarget,
                    leadUnitIDs: owners.filter { $0.role == "lead" }.map(\.unitId),
                    cooperatingUnitIDs: owners.filter { $0.role == "cooperating" }.map(\.unitId),
                    leaderIDs: (leadersOfTask[row.id] ?? []).map(\.leaderId),
                    milestones: (milestonesOfTask[row.id] ?? []).compactMap { milestone in
                        date(milestone.due).map { Milestone(title: milestone.title, due: $0) }
                    })
            },
            units: units.map {
                Unit(id: $0.id, jurisdictionCode: $0.jurisdictionCode, name: $0.name, shortName: $0.shortName,
                     aliases: (aliasesOfUnit[$0.id] ?? []).map(\.alias).sorted(),
                     kind: Unit.Kind(rawValue: $0.kind) ?? .other)
            },
            leaders: leaders.map {
                Leader(id: $0.id, jurisdictionCode: $0.jurisdictionCode, name: $0.name, post: $0.post, portfolio: $0.portfolio)
            },
            revisions: Dictionary(grouping: revisions,
                                  by: \.taskId).mapValues { rows in
                rows.compactMap { row in
                    guard let kind = ChangeControl.Kind(rawValue: row.kind), let on = date(row.approvedOn) else { return nil }
                    return ChangeControl.Revision(kind: kind, before: row.oldValue, after: row.newValue, approvedOn: on, approvedBy: row.approvedBy)
                }
            })
        snapshot.interpretedPlans = Set(try await rows("SELECT DISTINCT plan_id FROM interpretations WHERE status = 'published'",
                                                       as: PlanIDRow.self).map(\.planId))
        let questions = try await rows("""
            SELECT id, task_id, asked_at, asker_name, public_question, answer, unit_id, answered_at, decided_at
            FROM public_questions WHERE status = 'published' ORDER BY asked_at
            """, as: QuestionRow.self)
        snapshot.publishedQuestions = Dictionary(grouping: questions.map { row in
            PublicQuestion.Published(id: row.id, taskID: row.taskId, askedOn: CalendarDate(date: row.askedAt), name: row.askerName,
                                     question: row.publicQuestion ?? "", answer: row.answer ?? "", unitID: row.unitId,
                                     answeredOn: row.answeredAt.map(CalendarDate.init(date:)),
                                     publishedOn: CalendarDate(date: row.decidedAt ?? row.askedAt))
        }, by: \.taskID)
        return snapshot
    }

    private static func date(_ text: String?) -> CalendarDate? { text.flatMap(CalendarDate.init(iso:)) }
}
