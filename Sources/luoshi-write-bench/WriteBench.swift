// Write load for scripts/bench: concurrent writers saving and submitting progress reports through
// the API on distinct tasks, with the tokens of several lead units, against a running server.
//
//   luoshi-write-bench BASE_URL PLAN_ID OFFICE_TOKEN UNIT_TOKENS_FILE [--writers N] [--seconds S]
//                      [--read-share P] [--read-path PATH]... [--reader-token T] [--keep-reading 1]
//
// The office opens the rounds July to December; every (round, task, lead unit) becomes a job of
// nine saves and one submit, handed to the writers in turn, so no two writers touch one report.
// With --read-share 0.9 each operation is a read nine times in ten (mixed load), of one of the
// --read-path PATHs in turn; with --keep-reading 1 a writer whose jobs have run out keeps reading
// until the time is up (the soak). Prints writes/s, reads/s, p50/p99 of each, every status that
// was not 2xx (409s are counted apart: a deliberate version conflict), and a last line
// `summary writes=… reads=… conflicts=… errors=… 5xx=…` for scripts.
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

struct Options {
    var base: String
    var plan: String
    var officeToken: String
    var unitTokens: [String]
    var writers = 64
    var seconds = 10.0
    var readShare = 0.0
    var readPaths: [String] = []
    var readerToken = ""
    var keepReading = false
}

func parseOptions() -> Options {
    var args = Array(CommandLine.arguments.dropFirst())
    guard args.count >= 4 else {
        FileHandle.standardError.write(Data("usage: luoshi-write-bench BASE PLAN OFFICE_TOKEN UNIT_TOKENS_FILE [--writers N] [--seconds S] [--read-share P] [--read-path PATH] [--reader-token T]\n".utf8))
        exit(2)
    }
    let tokens = (try? String(contentsOfFile: args[3], encoding: .utf8))?.split(whereSeparator: \.isNewline).map(String.init) ?? []
    var options = Options(base: args[0], plan: args[1], officeToken: args[2], unitTokens: tokens)
    args.removeFirst(4)
    while args.count >= 2 {
        let (flag, value) = (args[0], args[1])
        args.removeFirst(2)
        switch flag {
        case "--writers": options.writers = Int(value) ?? options.writers
        case "--seconds": options.seconds = Double(value) ?? options.seconds
        case "--read-share": options.readShare = Double(value) ?? 0
        case "--read-path": options.readPaths.append(value)
        case "--keep-reading": options.keepReading = value == "1"
        case "--reader-token": options.readerToken = value
        default: break
        }
    }
    return options
}

struct Job: Sendable {
    var token: String
    var path: String
}

final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    var writeLatencies: [Double] = []
    var readLatencies: [Double] = []
    var statuses: [UInt: Int] = [:]
    var conflicts = 0
    var failures: [String] = []

    func record(write: Bool, seconds: Double, status: UInt) {
        lock.lock(); defer { lock.unlock() }
        if (200..<300).contains(status) {
            if write { writeLatencies.append(seconds) } else { readLatencies.append(seconds) }
        } else if status == 409 {
            conflicts += 1
        } else {
            statuses[status, default: 0] += 1
        }
    }

    func fail(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        if failures.count < 5 { failures.append(text) }
        statuses[0, default: 0] += 1
    }
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func send(_ client: HTTPClient, _ method: HTTPMethod, _ url: String, token: String, json: String? = nil) async throws -> (UInt, ByteBuffer) {
    var request = HTTPClientRequest(url: url)
    request.method = method
    request.headers.add(name: "Authorization", value: "Bearer \(token)")
    if let json {
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: json))
    }
    let response = try await client.execute(request, timeout: .seconds(30))
    let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
    return (response.status.code, body)
}

func jsonObject(_ body: ByteBuffer) -> Any? {
    try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))
}

@main
struct WriteBench {
    static func main() async throws {
        var parsed = parseOptions()
        parsed.readPaths = parsed.readPaths.map { $0.replacingOccurrences(of: "{plan}", with: parsed.plan) }
        if parsed.readerToken.isEmpty { parsed.readerToken = parsed.officeToken }
        let options = parsed
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: options.writers)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { _ = client.shutdown() }

        // The rounds July–December (opened now, or found when they exist).
        var roundIDs: [String] = []
        for month in 7...12 {
            let (status, body) = try await send(client, .POST, "\(options.base)/api/v1/plans/\(options.plan)/rounds",
                                                token: options.officeToken, json: #"{"month":"2023-\#(String(format: "%02d", month))"}"#)
            if status == 201, let id = (jsonObject(body) as? [String: Any])?["id"] as? String { roundIDs.append(id) }
        }
        if roundIDs.isEmpty {
            FileHandle.standardError.write(Data("no round could be opened (already opened by an earlier run?)\n".utf8))
            exit(1)
        }
        // Which tasks each unit leads.
        let (_, tasksBody) = try await send(client, .GET, "\(options.base)/api/v1/plans/\(options.plan)/tasks", token: options.officeToken)
        let tasks = (jsonObject(tasksBody) as? [[String: Any]]) ?? []
        var jobs: [Job] = []
        for token in options.unitTokens {
            let (_, meBody) = try await send(client, .GET, "\(options.base)/api/v1/me", token: token)
            guard let unitID = ((jsonObject(meBody) as? [String: Any])?["unitID"] as? String)?.lowercased() else { continue }
            let led = tasks.filter { task in
                ((task["leadUnits"] as? [[String: Any]]) ?? []).contains { ($0["id"] as? String)?.lowercased() == unitID }
            }.compactMap { $0["id"] as? String }
            for round in roundIDs {
                for task in led { jobs.append(Job(token: token, path: "\(options.base)/api/v1/rounds/\(round)/tasks/\(task)/report")) }
            }
        }
        // Interleave so that concurrent writers work on different rounds and units.
        var shuffler = SplitMix(seed: 42)
        jobs.shuffle(using: &shuffler)
        let queue = JobQueue(jobs)
        let recorder = Recorder()
        let deadline = Date().addingTimeInterval(options.seconds)
        let started = Date()
        let readCounter = Counter()
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<options.writers {
                group.addTask {
                    var random = SplitMix(seed: UInt64(writer + 1))
                    func read() async {
                        let path = options.readPaths[Int(random.next() % UInt64(options.readPaths.count))]
                        let start = Date()
                        do {
                            let (status, _) = try await send(client, .GET, options.base + path, token: options.readerToken)
                            recorder.record(write: false, seconds: Date().timeIntervalSince(start), status: status)
                            readCounter.add()
                        } catch { recorder.fail("read: \(error)") }
                    }
                    while Date() < deadline, let job = queue.next() {
                        var version = 0
                        var step = 0
                        while step < 10, Date() < deadline {
                            if options.readShare > 0, !options.readPaths.isEmpty, Double(random.next() % 1_000) / 1_000 < options.readShare {
                                await read()
                                continue
                            }
                            let kind = step == 9 ? "submit" : "save"
                            let json = #"{"step":"\#(kind)","version":\#(version),"workDone":"第\#(step + 1)次更新：推进项目建设","progress":\#(min(100, 10 * (step + 1))),"nextPlan":"继续推进","selfStatus":"onTrack"}"#
                            let start = Date()
                            do {
                                let (status, _) = try await send(client, .PUT, job.path, token: job.token, json: json)
                                recorder.record(write: true, seconds: Date().timeIntervalSince(start), status: status)
                                if (200..<300).contains(status) { version += 1; step += 1 } else { break }
                            } catch {
                                recorder.fail("write: \(error)")
                                break
                            }
                        }
                    }
                    while options.keepReading, !options.readPaths.isEmpty, Date() < deadline { await read() }
                }
            }
        }
        let readsDone = readCounter.value
        let elapsed = Date().timeIntervalSince(started)
        let writes = recorder.writeLatencies.count
        func ms(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }
        print("writers \(options.writers), \(String(format: "%.1f", elapsed)) s, jobs \(jobs.count) (\(roundIDs.count) rounds)")
        print("writes: \(writes) ok, \(String(format: "%.0f", Double(writes) / elapsed))/s, p50 \(ms(percentile(recorder.writeLatencies, 0.5))) ms, p99 \(ms(percentile(recorder.writeLatencies, 0.99))) ms")
        if options.readShare > 0 {
            print("reads: \(readsDone), \(String(format: "%.0f", Double(recorder.readLatencies.count) / elapsed))/s, p50 \(ms(percentile(recorder.readLatencies, 0.5))) ms, p99 \(ms(percentile(recorder.readLatencies, 0.99))) ms")
        }
        print("409 conflicts: \(recorder.conflicts); other errors: \(recorder.statuses.isEmpty ? "0" : recorder.statuses.map { "\($0.key == 0 ? "transport" : String($0.key))×\($0.value)" }.sorted().joined(separator: ", "))")
        for failure in recorder.failures { print("  \(failure)") }
        let errors = recorder.statuses.values.reduce(0, +), serverErrors = recorder.statuses.filter { $0.key >= 500 }.values.reduce(0, +)
        print("summary writes=\(writes) reads=\(recorder.readLatencies.count) conflicts=\(recorder.conflicts) errors=\(errors) 5xx=\(serverErrors)")
    }
}

final class JobQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [Job]
    init(_ jobs: [Job]) { self.jobs = jobs.reversed() }
    func next() -> Job? { lock.lock(); defer { lock.unlock() }; return jobs.popLast() }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
