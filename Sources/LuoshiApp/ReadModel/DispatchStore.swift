import Fluent
import Foundation
import LuoshiDomain
import LuoshiHTML
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Ledger rows, rounds, settings, API bodies, page fragments and whole pages, computed once per
/// data state: the ledger page, its API and the dashboards read them many times between writes.
/// Everything kept belongs to the catalog, dispatch and accounts versions it was computed from;
/// when any process commits a write to those the versions move and the next read starts
/// afresh. A value computed from versions that moved meanwhile is returned but not kept.
final class LedgerCache: Sendable {
    private enum FlightLookup<Value> { case hit(Value), wait, lead, alone }

    private struct State {
        var stamp = DataStamp.unknown
        var rows: [String: [Ledger.Row]] = [:]
        var rounds: [UUID: [DispatchStore.Round]] = [:]
        var fragments: [String: Prerendered] = [:]
        var fragmentBytes = 0
        var documents: [String: ByteBuffer] = [:]
        var settings: [String: DispatchSettings] = [:]
        var publicProgress: [UUID: PublicProgress?] = [:]
        var pages: [String: ByteBuffer] = [:]
        var pageBytes = 0
        /// Computations under way, by flight key: the stamp each started from and the requests
        /// waiting for its result. A stamp change keeps them (their waiters asked before it).
        var flights: [String: (stamp: DataStamp, waiters: [CheckedContinuation<any Sendable, any Error>])] = [:]
    }

    /// The flight a request meant to wait for had already landed; it computes for itself.
    private struct FlightLanded: Error {}

    static let limit = 64
    static let fragmentBytes = 32 * 1_048_576
    static let pageBytes = 64 * 1_048_576
    static let scopes: [DataScope] = [.catalog, .dispatch, .accounts]

    private let state = NIOLockedValueBox(State())
    private let versions: DataVersionWatcher

    init(versions: DataVersionWatcher) {
        self.versions = versions
    }

    /// The stamp now, after dropping whatever was kept for an older one.
    private func currentStamp() -> DataStamp {
        let stamp = versions.current.restricted(to: Self.scopes)
        state.withLockedValue { state in
            if state.stamp != stamp { state = State(stamp: stamp, flights: state.flights) }
        }
        return stamp
    }

    /// Looks `read` up for the current stamp, else computes and keeps it with `keep` if the stamp
    /// has not moved meanwhile. Single-flight: while one request computes `flight` for a stamp,
    /// the others asking for it wait for that result instead of computing it again (after a write,
    /// 64 readers of the ledger cause one rebuild, not 64).
    private func cached<Value: Sendable>(_ flight: String, read: (State) -> Value?, compute: () async throws -> Value,
                                         keep: (inout State, Value) -> Void) async throws -> Value {
        let stamp = currentStamp()
        let lookup: FlightLookup<Value> = state.withLockedValue { state in
            if let hit = read(state) { return .hit(hit) }
            guard stamp.isKnown else { return .alone }
            if let running = state.flights[flight] { return running.stamp == stamp ? .wait : .alone }
            state.flights[flight] = (stamp, [])
            return .lead
        }
        switch lookup {
        case .hit(let value):
            return value
        case .wait:
            do {
                let value = try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<any Sendable, any Error>) in
                    let joined = state.withLockedValue { state in
                        guard state.flights[flight]?.stamp == stamp else { return false }
                        state.flights[flight]?.waiters.append(waiter)
                        return true
                    }
                    if !joined { waiter.resume(throwing: FlightLanded()) }
                }
                if let value = value as? Value { return value }
            } catch is FlightLanded {}
            return try await compute()  // the flight landed between the look-up and the wait
        case .alone:
            return try await compute()
        case .lead:
            let result: Result<Value, any Error>
            do { result = .success(try await compute()) } catch { result = .failure(error) }
            let waiters = state.withLockedValue { state in
                if case .success(let value) = result, state.stamp == stamp { keep(&state, value) }
                return state.flights.removeValue(forKey: flight)?.waiters ?? []
            }
            for waiter in waiters { waiter.resume(with: result.map { $0 as any Sendable }) }
            return try result.get()
        }
    }

    /// Whole signed-in pages, kept per session and data state (the key says which): a reload
    /// costs no rendering. At most `pageBytes` are kept; past that the store starts again.
    func page(_ key: String, render: () async throws -> ByteBuffer) async throws -> ByteBuffer {
        try await cached("page|" + key, read: { $0.pages[key] }, compute: render) { state, page in
            if state.pageBytes + page.readableBytes > Self.pageBytes { (state.pages, state.pageBytes) = ([:], 0) }
            state.pages[key] = page
            state.pageBytes += page.readableBytes
        }
    }

    /// A jurisdiction's dispatch settings for a year.
    func settings(_ key: String, load: () async throws -> DispatchSettings) async throws -> DispatchSettings {
        try await cached("settings|" + key, read: { $0.settings[key] }, compute: load) { $0.settings[key] = $1 }
    }

    /// API bodies encoded once per key (plan, date, language).
    func document(_ key: String, encode: () async throws -> ByteBuffer) async throws -> ByteBuffer {
        try await cached("document|" + key, read: { $0.documents[key] }, compute: encode) { state, body in
            if state.documents.count >= Self.limit { state.documents.removeAll() }
            state.documents[key] = body
        }
    }

    /// Page content rendered once per key (plan, date, filters, language, mode), placed into
    /// each signed-in user's own layout.
    func fragment(_ key: String, render: () async throws -> Prerendered) async throws -> Prerendered {
        try await cached("fragment|" + key, read: { $0.fragments[key] }, compute: render) { state, fragment in
            if state.fragments.count >= 512 || state.fragmentBytes + fragment.byteCount > Self.fragmentBytes {
                (state.fragments, state.fragmentBytes) = ([:], 0)
            }
            state.fragments[key] = fragment
            state.fragmentBytes += fragment.byteCount
        }
    }

    /// A public plan's 公开进度 (nil: no bulletin published yet).
    func publicProgress(_ planID: UUID, load: () async throws -> PublicProgress?) async throws -> PublicProgress? {
        try await cached("progress|\(planID)", read: { $0.publicProgress[planID] }, compute: load) { $0.publicProgress[planID] = $1 }
    }

    /// A plan's rounds.
    func rounds(_ planID: UUID, load: () async throws -> [DispatchStore.Round]) async throws -> [DispatchStore.Round] {
        try await cached("rounds|\(planID)", read: { $0.rounds[planID] }, compute: load) { $0.rounds[planID] = $1 }
    }

    func rows(_ key: String, compute: () async throws -> [Ledger.Row]) async throws -> [Ledger.Row] {
        try await cached("rows|" + key, read: { $0.rows[key] }, compute: compute) { state, rows in
            if state.rows.count >= Self.limit { state.rows.removeAll() }
            state.rows[key] = rows
        }
    }
}

extension Application {
    private struct LedgerCacheKey: StorageKey { typealias Value = LedgerCache }

    var ledgerCache: LedgerCache {
        if let existing = storage[LedgerCacheKey.self] { return existing }
        let cache = LedgerCache(versions: dataVersions)
        storage[LedgerCacheKey.self] = cache
        return cache
    }
}

/// Reads rounds and reports of a plan and computes what the ledger, the round pipeline and the
/// API show. Colours and statuses come from `ProgressRules` in LuoshiDomain.
enum DispatchStore {
    struct Round: Sendable {
        var id: UUID
        var planID: UUID
        var month: YearMonth
        var dueDate: CalendarDate
        var status: Dispatch.RoundStatus
        var version: Int

        /// Closed by hand, or past its due date.
        func isClosed(today: CalendarDate) -> Bool { status == .closed || dueDate < today }
    }

    /// One task and one of its lead units in a round, with that unit's report status.
    struct PipelineEntry: Sendable {
        var task: PlanTask
        var unitID: UUID
        var status: Dispatch.ReportStatus?
        var late: Bool

        func stage(in round: Round, today: CalendarDate) -> Dispatch.Stage {
            Dispatch.stage(of: status, dueDate: round.dueDate, today: today, roundClosed: round.status == .closed)
        }
    }

    /// Every task of `tasks` × each of its lead units, with their reports in `round`: the round
    /// page, its API and the reminders read it.
    static func pipeline(_ round: Round, tasks: [PlanTask], on db: any Database) async throws -> [PipelineEntry] {
        let reports = try await ReportRows.facts(rounds: [round.id], on: db)
        let byKey = Dictionary(reports.map { ("\($0.taskID)|\($0.unitID)", $0) }, uniquingKeysWith: { first, _ in first })
        return tasks.flatMap { task in
            task.leadUnitIDs.map { unitID in
                let report = byKey["\(task.id)|\(unitID)"]
                return PipelineEntry(task: task, unitID: unitID, status: report?.status, late: report?.late ?? false)
            }
        }
    }

    /// Each task × lead unit of `round`: whether its report is handed in, and whether late.
    static func reportFacts(_ round: Round, tasks: [PlanTask], on db: any Database) async throws -> [Bulletin.ReportFact] {
        try await pipeline(round, tasks: tasks, on: db).map { entry in
            Bulletin.ReportFact(taskID: entry.task.id, unitID: entry.unitID, submitted: Dispatch.isSubmitted(entry.status), late: entry.late)
        }
    }

    /// One round, read with SQL (every report request looks its round up).
    static func round(_ id: UUID, on db: any Database) async throws -> Round? {
        try await db.sql.raw("SELECT \(unsafeRaw: roundColumns) FROM report_rounds WHERE id = \(bind: id)").first().flatMap(round)
    }

    /// A plan's rounds, oldest month first.
    static func rounds(planID: UUID, on db: any Database) async throws -> [Round] {
        try await db.sql.raw("SELECT \(unsafeRaw: roundColumns) FROM report_rounds WHERE plan_id = \(bind: planID)").all()
            .compactMap(round).sorted { $0.month < $1.month }
    }

    private static let roundColumns = "id, plan_id, month, due_date, status, version"

    private static func round(_ row: any SQLRow) throws -> Round? {
        guard let month = YearMonth(try row.decode(column: "month", as: String.self)),
              let due = CalendarDate(iso: try row.decode(column: "due_date", as: String.self)),
              let status = Dispatch.RoundStatus(rawValue: try row.decode(column: "status", as: String.self)) else { return nil }
        return Round(id: try row.decode(column: "id", as: UUID.self), planID: try row.decode(column: "plan_id", as: UUID.self), month: month,
                     dueDate: due, status: status, version: try row.decode(column: "version", as: Int.self))
    }

    /// Reports past draft per round of a plan, counted in the database.
    static func submittedCounts(planID: UUID, on db: any Database) async throws -> [UUID: Int] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        struct Row: Decodable { let roundId: UUID, n: Int }
        let rows = try await sql.raw("""
            SELECT r.round_id, COUNT(*) AS n FROM progress_reports r JOIN report_rounds o ON o.id = r.round_id
            WHERE o.plan_id = \(bind: planID) AND r.status <> \(bind: Dispatch.ReportStatus.draft.rawValue) GROUP BY r.round_id
            """).all(decoding: Row.self, with: SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase))
        return Dictionary(rows.map { ($0.roundId, $0.n) }, uniquingKeysWith: +)
    }

    /// The dispatch settings in force for a plan: the newest stored version for its
    /// jurisdiction and year, or the defaults (version 1).
    static func settings(for plan: Plan, cache: LedgerCache, on db: any Database) async throws -> DispatchSettings {
        try await cache.settings("\(plan.jurisdictionCode)|\(plan.year)") {
            try await ruleSets(for: plan, on: db).first()?.settings ?? .standard(jurisdiction: plan.jurisdictionCode, year: plan.year)
        }
    }

    /// Every stored version of the rules a plan is measured by (its jurisdiction's, for its year), newest first.
    static func ruleSets(for plan: Plan, on db: any Database) -> QueryBuilder<RuleSetModel> {
        RuleSetModel.query(on: db).filter(\.$jurisdictionCode == plan.jurisdictionCode).filter(\.$year == plan.year).sort(\.$version, .descending)
    }

    /// The rule set a plan's colours are computed by.
    static func rules(for plan: Plan, cache: LedgerCache, on db: any Database) async throws -> RuleSet {
        try await settings(for: plan, cache: cache, on: db).rules
    }

    /// The date the ledger is as of when none is asked for: the latest closed round's due date, else today.
    static func defaultAsOf(_ rounds: [Round], today: CalendarDate) -> CalendarDate {
        rounds.filter { $0.isClosed(today: today) }.map(\.dueDate).max() ?? today
    }

    /// The ledger rows of `plan` as of `asOf`, from `cache` when it has them.
    static func ledger(plan: Plan, snapshot: CatalogSnapshot, asOf: CalendarDate, cache: LedgerCache, on db: any Database) async throws -> [Ledger.Row] {
        let rules = try await rules(for: plan, cache: cache, on: db)
        return try await cache.rows("\(plan.id)|\(asOf.iso)|\(snapshot.version)|\(rules.name)") {
            try await ledger(plan: plan, snapshot: snapshot, asOf: asOf, rules: rules, on: db)
        }
    }

    /// The ledger rows of `plan` as of `asOf`, computed.
    static func ledger(plan: Plan, snapshot: CatalogSnapshot, asOf: CalendarDate, rules: RuleSet, on db: any Database) async throws -> [Ledger.Row] {
        let tasks = snapshot.tasksByPlan[plan.id] ?? []
        let rounds = try await rounds(planID: plan.id, on: db)
        let roundsByID = Dictionary(uniqueKeysWithValues: rounds.map { ($0.id, $0) })
        let reports = try await ReportRows.facts(rounds: rounds.map(\.id), on: db)
        // Per task and round: the lowest verified and the lowest reported value among its lead units.
        var perRound: [UUID: [UUID: (verified: Double?, reported: Double?)]] = [:]
        for report in reports {
            guard roundsByID[report.roundID] != nil else { continue }
            var entry = perRound[report.taskID, default: [:]][report.roundID] ?? (nil, nil)
            if report.status == .accepted, let verified = report.verifiedProgress.map(Double.init) {
                entry.verified = min(entry.verified ?? verified, verified)
            }
            if Dispatch.isSubmitted(report.status), let reported = report.progress.map(Double.init) {
                entry.reported = min(entry.reported ?? reported, reported)
            }
            perRound[report.taskID, default: [:]][report.roundID] = entry
        }
        let evidence = perRound.mapValues { byRound in
            byRound.compactMap { roundID, values in
                roundsByID[roundID].map { Ledger.Evidence(roundDue: $0.dueDate, verified: values.verified, reported: values.reported) }
            }
        }
        // Missing: a lead unit without a submitted report in the latest round due by the date.
        var missing: Set<UUID> = []
        if let latest = rounds.filter({ $0.dueDate <= asOf }).max(by: { $0.dueDate < $1.dueDate }) {
            let submitted = Set(reports.filter { $0.roundID == latest.id && Dispatch.isSubmitted($0.status) }
                .map { "\($0.taskID)|\($0.unitID)" })
            for task in tasks where task.leadUnitIDs.contains(where: { !submitted.contains("\(task.id)|\($0)") }) {
                missing.insert(task.id)
            }
        }
        let charters = try await CharterModel.query(on: db).filter(\.$task.$id ~~ tasks.map(\.id)).filter(\.$status == .approved).all()
        var points: [UUID: [Int]] = [:]
        for charter in charters { if points[charter.$task.id] == nil, let content = charter.charter { points[charter.$task.id] = content.quarters.map(\.expectedPercent) } }
        return Ledger.rows(tasks: tasks, year: plan.year, asOf: asOf, rules: rules, quarterPercents: points,
                           evidence: evidence, missing: missing)
    }
}

extension WorkScope {
    /// The scope in a cache key (interpolating the enum itself goes through reflection).
    var cacheKey: String {
        switch self {
        case .unit(let id): "unit:\(id.uuidString)"
        case .portfolio(let id): "portfolio:\(id.uuidString)"
        case .jurisdiction(let code): "jurisdiction:\(code)"
        }
    }
}

extension Response {
    /// 200 with a JSON body encoded earlier (cached API documents).
    static func json(_ body: ByteBuffer) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: body))
    }
}
