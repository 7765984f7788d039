import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// The in-server scheduler: every `LUOSHI_SCHEDULER_INTERVAL` seconds it plans the day's
/// reminders (only the instance holding the lease in `scheduler_leases`) and sends due
/// deliveries (each claimed first). Several instances sharing PostgreSQL therefore send each
/// reminder once: the lease keeps planning to one instance at a time, the reminder's unique key
/// keeps a reminder single even if two plan it, and the claim keeps a delivery to one sender.
final class ReminderScheduler: Sendable {
    /// This instance's name in the lease table.
    let holder = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    static let leaseName = "reminders"

    /// One run: plan (with the lease), then deliver. Returns whether this instance planned.
    @discardableResult
    func tick(_ app: Application, now: Date) async throws -> Bool {
        let interval = Double(max(app.luoshiConfig.schedulerInterval, 1))
        let planned = try await Self.acquireLease(Self.leaseName, holder: holder, for: interval * 3, now: now, on: app.db as! any SQLDatabase)
        if planned { try await ReminderCenter.planAutomatic(app, now: now) }
        try await ReminderCenter.deliverDue(app, now: now)
        return planned
    }

    /// Takes or renews the lease `name` until `now + seconds`; false if another holder has it.
    static func acquireLease(_ name: String, holder: String, for seconds: Double, now: Date, on sql: any SQLDatabase) async throws -> Bool {
        let moment = now.timeIntervalSince1970
        try await sql.insert(into: "scheduler_leases").columns("name", "holder", "expires_at")
            .values(SQLBind(name), SQLBind(""), SQLBind(0.0)).ignoringConflicts(with: "name").run()
        let rows = try await sql.update("scheduler_leases")
            .set("holder", to: holder).set("expires_at", to: moment + seconds)
            .where("name", .equal, name)
            .where(group: { $0.where("holder", .equal, holder).orWhere("expires_at", .lessThan, moment) })
            .returning("name")
            .all()
        return !rows.isEmpty
    }

    /// Starts the loop (serve only); a failed run is logged and the next one tries again.
    func start(_ app: Application) {
        let interval = app.luoshiConfig.schedulerInterval
        guard interval > 0 else { return }
        task.withLockedValue { current in
            guard current == nil else { return }
            current = Task { [holder] in
                app.logger.info("Reminder scheduler started (every \(interval) s, \(holder))")
                while !Task.isCancelled {
                    do { try await self.tick(app, now: app.clock.now) } catch {
                        app.logger.error("Reminder scheduler run failed: \(String(reflecting: error))")
                    }
                    try? await Task.sleep(for: .seconds(interval))
                }
            }
        }
    }

    /// Sends due deliveries now, without waiting for the next run (after the office reminds by
    /// hand). Does nothing when the loop is not running (tests deliver explicitly).
    func deliverSoon(_ app: Application) {
        guard task.withLockedValue({ $0 != nil }) else { return }
        Task { try? await ReminderCenter.deliverDue(app, now: app.clock.now) }
    }

    func stop() async {
        let running = task.withLockedValue { current in
            defer { current = nil }
            return current
        }
        running?.cancel()
        await running?.value
    }
}

/// Stops the scheduler at shutdown (`serve` starts it).
struct ReminderSchedulerLifecycle: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.reminderScheduler.stop()
    }
}

extension Application {
    private struct SchedulerKey: StorageKey { typealias Value = ReminderScheduler }
    private struct InboxCountsKey: StorageKey { typealias Value = InboxCounts }

    var reminderScheduler: ReminderScheduler {
        if let existing = storage[SchedulerKey.self] { return existing }
        let scheduler = ReminderScheduler()
        storage[SchedulerKey.self] = scheduler
        return scheduler
    }

    var inboxCounts: InboxCounts {
        if let existing = storage[InboxCountsKey.self] { return existing }
        let counts = InboxCounts()
        storage[InboxCountsKey.self] = counts
        return counts
    }
}

/// Unread counts for the header, remembered per user for the `inbox` data version they were
/// counted at: a new or read inbox item, written by any process, moves the version.
final class InboxCounts: Sendable {
    private let entries = NIOLockedValueBox<(version: Int64, counts: [UUID: Int])>((0, [:]))

    func count(_ userID: UUID, inboxVersion: Int64, load: () async throws -> Int) async rethrows -> Int {
        if let count = entries.withLockedValue({ $0.version == inboxVersion ? $0.counts[userID] : nil }) { return count }
        let count = try await load()
        entries.withLockedValue { entries in
            guard inboxVersion > 0, inboxVersion >= entries.version else { return }
            if inboxVersion > entries.version || entries.counts.count >= 10_000 { entries = (inboxVersion, [:]) }
            entries.counts[userID] = count
        }
        return count
    }
}
