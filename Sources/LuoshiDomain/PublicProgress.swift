import Foundation

/// What the public sees of a plan's progress (公开进度): the verified states of the latest
/// published bulletin, per part and per task, and the month they refer to. Never an unpublished
/// draft, never a unit's own figures: only what the office has verified and published.
public struct PublicProgress: Sendable, Hashable {
    /// The bulletin the figures come from.
    public var issue: Int
    public var month: YearMonth
    /// The date the bulletin's ledger was computed for.
    public var asOf: CalendarDate
    public var byPart: [BulletinFigures.Line]
    public var overall: BulletinFigures.Tally
    public var tasks: [UUID: Bulletin.TaskState]

    /// From a plan's published bulletins, the latest month's latest issue (a correction is a
    /// later issue of its month) among those that keep every task's state; nil if none does.
    public static func latest(_ published: [(issue: Int, snapshot: Bulletin.Snapshot)]) -> PublicProgress? {
        let candidates = published.filter { $0.snapshot.tasks != nil }
        guard let newest = candidates.max(by: { ($0.snapshot.month, $0.issue) < ($1.snapshot.month, $1.issue) }) else { return nil }
        let snapshot = newest.snapshot
        return PublicProgress(issue: newest.issue, month: snapshot.month, asOf: snapshot.asOf, byPart: snapshot.byPart, overall: snapshot.overall,
                              tasks: Dictionary((snapshot.tasks ?? []).map { ($0.taskID, $0) }, uniquingKeysWith: { first, _ in first }))
    }
}
