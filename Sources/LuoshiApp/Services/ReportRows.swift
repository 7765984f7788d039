import FluentKit
import Foundation
import LuoshiDomain
import SQLKit

/// Reports, their history, cooperating inputs and evidence as plain values, read and written
/// with SQL. A report is saved many times on a reporting day and the ledger reads every report
/// of a plan; through Fluent's models each row cost more than the database did (reflection over
/// every field, aliased column lists). The tables stay those of `ProgressReportModel`,
/// `ReportEventModel`, `ReportInputModel` and `AttachmentModel`.
enum ReportRows {
    struct Report: Sendable {
        var id: UUID
        var roundID: UUID
        var taskID: UUID
        var unitID: UUID
        var status: Dispatch.ReportStatus
        var workDone = ""
        var progress: Int?
        var milestonesReached = ""
        var problems = ""
        var nextPlan = ""
        var selfStatus: ProgressStatus?
        var submittedOn: String?
        var late = false
        var returnReason = ""
        var verifiedProgress: Int?
        var verifiedStatus: ProgressStatus?
        var reviewNote = ""
        var version = 1
    }

    /// What the ledger and a round's pipeline read of a report.
    struct Fact: Sendable {
        var roundID: UUID
        var taskID: UUID
        var unitID: UUID
        var status: Dispatch.ReportStatus
        var progress: Int?
        var verifiedProgress: Int?
        var late: Bool
    }

    struct Event: Sendable {
        var reportID: UUID
        var step: String
        var status: Dispatch.ReportStatus
        var comment: String
        var actor: String
        var at: Date?
        /// The report's version after this step (absent on steps recorded before migration 015).
        var reportVersion: Int?
    }

    struct Input: Sendable {
        var unitID: UUID
        var text: String
        var updatedBy: String
        var version: Int
    }

    struct Attachment: Sendable {
        var id: UUID
        var reportID: UUID
        var fileName: String
        var contentType: String
        var size: Int
    }

    /// Everything written on one task in one round: the lead units' reports, each with its
    /// history and evidence, and the cooperating units' inputs.
    struct TaskWork: Sendable {
        struct Entry: Sendable {
            var report: Report
            var history: [Event]
            var attachments: [Attachment]
        }
        var reports: [Entry]
        var inputs: [Input]
    }

    /// What is written on `taskID` in `roundID`; `unitID` keeps only that unit's report.
    static func taskWork(round roundID: UUID, task taskID: UUID, onlyUnit unitID: UUID? = nil, on db: any Database) async throws -> TaskWork {
        var reports = try await reports(round: roundID, task: taskID, on: db)
        if let unitID { reports = reports.filter { $0.unitID == unitID } }
        let ids = reports.map(\.id)
        let events = Dictionary(grouping: try await events(reports: ids, on: db), by: \.reportID)
        let files = Dictionary(grouping: try await attachments(reports: ids, on: db), by: \.reportID)
        return TaskWork(reports: reports.map { .init(report: $0, history: events[$0.id] ?? [], attachments: files[$0.id] ?? []) },
                        inputs: try await inputs(round: roundID, task: taskID, on: db))
    }

    private static let reportColumns = """
        id, round_id, task_id, unit_id, status, work_done, progress, milestones_reached, problems, next_plan, self_status, \
        submitted_on, late, return_reason, verified_progress, verified_status, review_note, version
        """

    /// The report of `unitID` on `taskID` in `roundID`, if written.
    static func report(round roundID: UUID, task taskID: UUID, unit unitID: UUID, on db: any Database) async throws -> Report? {
        try await db.sql.raw("""
            SELECT \(unsafeRaw: reportColumns) FROM progress_reports
            WHERE round_id = \(bind: roundID) AND task_id = \(bind: taskID) AND unit_id = \(bind: unitID)
            """).first().map(report)
    }

    /// The reports on `taskID` in `roundID`, oldest first.
    static func reports(round roundID: UUID, task taskID: UUID, on db: any Database) async throws -> [Report] {
        try await db.sql.raw("""
            SELECT \(unsafeRaw: reportColumns) FROM progress_reports
            WHERE round_id = \(bind: roundID) AND task_id = \(bind: taskID) ORDER BY created_at, id
            """).all().map(report)
    }

    /// Status and figures of every report in `roundIDs`.
    static func facts(rounds roundIDs: [UUID], on db: any Database) async throws -> [Fact] {
        guard !roundIDs.isEmpty else { return [] }
        return try await db.sql.raw("""
            SELECT round_id, task_id, unit_id, status, progress, verified_progress, late FROM progress_reports
            WHERE round_id IN (\(binds: roundIDs))
            """).all().map { row in
            Fact(roundID: try row.decode(column: "round_id", as: UUID.self), taskID: try row.decode(column: "task_id", as: UUID.self),
                 unitID: try row.decode(column: "unit_id", as: UUID.self), status: try status(row, "status"),
                 progress: try row.decode(column: "progress", as: Int?.self),
                 verifiedProgress: try row.decode(column: "verified_progress", as: Int?.self), late: try row.decode(column: "late", as: Bool.self))
        }
    }

    /// A report not yet written, stamped with `now`.
    static func insert(_ report: Report, updatedBy: String, at now: Date, on db: any Database) async throws {
        try await db.sql.raw("""
            INSERT INTO progress_reports (\(unsafeRaw: reportColumns), reviewed_by, reviewed_on, updated_by, created_at, updated_at)
            VALUES (\(bind: report.id), \(bind: report.roundID), \(bind: report.taskID), \(bind: report.unitID), \(bind: report.status.rawValue),
                    \(bind: report.workDone), \(bind: report.progress), \(bind: report.milestonesReached), \(bind: report.problems),
                    \(bind: report.nextPlan), \(bind: report.selfStatus?.rawValue), \(bind: report.submittedOn), \(bind: report.late),
                    \(bind: report.returnReason), \(bind: report.verifiedProgress), \(bind: report.verifiedStatus?.rawValue),
                    \(bind: report.reviewNote), \(bind: report.version), NULL, NULL, \(bind: updatedBy), \(bind: now), \(bind: now))
            """).run()
    }

    /// One step in a report's history.
    static func appendEvent(_ event: Event, on db: any Database) async throws {
        try await db.sql.raw("""
            INSERT INTO report_events (id, report_id, step, status, comment, actor, created_at, updated_at, report_version)
            VALUES (\(bind: UUID()), \(bind: event.reportID), \(bind: event.step), \(bind: event.status.rawValue), \(bind: event.comment),
                    \(bind: event.actor), \(bind: event.at), \(bind: event.at), \(bind: event.reportVersion))
            """).run()
    }

    /// The history of `reportIDs`, oldest first.
    static func events(reports reportIDs: [UUID], on db: any Database) async throws -> [Event] {
        guard !reportIDs.isEmpty else { return [] }
        return try await db.sql.raw("""
            SELECT report_id, step, status, comment, actor, created_at, report_version FROM report_events
            WHERE report_id IN (\(binds: reportIDs)) ORDER BY created_at, report_version, id
            """).all().map { row in
            Event(reportID: try row.decode(column: "report_id", as: UUID.self), step: try row.decode(column: "step", as: String.self),
                  status: try status(row, "status"), comment: try row.decode(column: "comment", as: String.self),
                  actor: try row.decode(column: "actor", as: String.self), at: try row.decode(column: "created_at", as: Date?.self),
                  reportVersion: try row.decode(column: "report_version", as: Int?.self))
        }
    }

    /// The evidence of `reportIDs`, oldest first.
    static func attachments(reports reportIDs: [UUID], on db: any Database) async throws -> [Attachment] {
        guard !reportIDs.isEmpty else { return [] }
        return try await db.sql.raw("""
            SELECT id, report_id, file_name, content_type, size FROM report_attachments
            WHERE report_id IN (\(binds: reportIDs)) ORDER BY created_at, id
            """).all().map { row in
            Attachment(id: try row.decode(column: "id", as: UUID.self), reportID: try row.decode(column: "report_id", as: UUID.self),
                       fileName: try row.decode(column: "file_name", as: String.self),
                       contentType: try row.decode(column: "content_type", as: String.self), size: try row.decode(column: "size", as: Int.self))
        }
    }

    /// The cooperating units' inputs on `taskID` in `roundID`.
    static func inputs(round roundID: UUID, task taskID: UUID, on db: any Database) async throws -> [Input] {
        try await db.sql.raw("""
            SELECT unit_id, text, updated_by, version FROM report_inputs
            WHERE round_id = \(bind: roundID) AND task_id = \(bind: taskID) ORDER BY created_at, id
            """).all().map { row in
            Input(unitID: try row.decode(column: "unit_id", as: UUID.self), text: try row.decode(column: "text", as: String.self),
                  updatedBy: try row.decode(column: "updated_by", as: String.self), version: try row.decode(column: "version", as: Int.self))
        }
    }

    private static func report(_ row: any SQLRow) throws -> Report {
        Report(id: try row.decode(column: "id", as: UUID.self), roundID: try row.decode(column: "round_id", as: UUID.self),
               taskID: try row.decode(column: "task_id", as: UUID.self), unitID: try row.decode(column: "unit_id", as: UUID.self),
               status: try status(row, "status"), workDone: try row.decode(column: "work_done", as: String.self),
               progress: try row.decode(column: "progress", as: Int?.self),
               milestonesReached: try row.decode(column: "milestones_reached", as: String.self),
               problems: try row.decode(column: "problems", as: String.self), nextPlan: try row.decode(column: "next_plan", as: String.self),
               selfStatus: try progressStatus(row, "self_status"), submittedOn: try row.decode(column: "submitted_on", as: String?.self),
               late: try row.decode(column: "late", as: Bool.self), returnReason: try row.decode(column: "return_reason", as: String.self),
               verifiedProgress: try row.decode(column: "verified_progress", as: Int?.self),
               verifiedStatus: try progressStatus(row, "verified_status"), reviewNote: try row.decode(column: "review_note", as: String.self),
               version: try row.decode(column: "version", as: Int.self))
    }

    private struct UnknownValue: Error, CustomStringConvertible {
        let column: String, value: String
        var description: String { "progress_reports.\(column) holds an unknown value \(value)" }
    }

    private static func status(_ row: any SQLRow, _ column: String) throws -> Dispatch.ReportStatus {
        let text = try row.decode(column: column, as: String.self)
        guard let status = Dispatch.ReportStatus(rawValue: text) else { throw UnknownValue(column: column, value: text) }
        return status
    }

    private static func progressStatus(_ row: any SQLRow, _ column: String) throws -> ProgressStatus? {
        guard let text = try row.decode(column: column, as: String?.self) else { return nil }
        guard let status = ProgressStatus(rawValue: text) else { throw UnknownValue(column: column, value: text) }
        return status
    }

}
