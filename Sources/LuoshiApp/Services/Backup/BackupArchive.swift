import Crypto
import Foundation
import LuoshiDomain

/// The backup file: JSON Lines, one record per line, in this order —
///
///     {"luoshiBackup":1,"engine":"sqlite","takenAt":"…","migrations":["LuoshiApp.CreateJurisdiction",…]}
///     {"table":"jurisdictions","columns":["id","code",…]}
///     [ …one row's values… ]
///     …
///     {"evidence":"<uuid>","data":"<base64>"}          (evidence kept in a directory, if any)
///     {"end":{"tables":41,"rows":5210,"evidence":0,"sha256":"<hex of every byte before this line>"}}
///
/// A value is typed, so a file taken on one engine restores on the other: `null`, a JSON integer
/// (integer), `true`/`false` (boolean), a JSON string (text), `{"r":1.5}` (real),
/// `{"t":"2026-01-05T08:00:00.123456Z"}` (timestamp, to the microsecond), `{"u":"…"}` (UUID),
/// `{"b":"…"}` (bytes, base64). The end line's count and checksum make a truncated or altered
/// file fail before anything is written.
enum BackupArchive {
    static let formatVersion = 1

    struct Header: Codable, Equatable {
        var luoshiBackup: Int
        var engine: String
        var takenAt: String
        var migrations: [String]
    }

    struct TableStart: Codable, Equatable {
        var table: String
        var columns: [String]
    }

    struct Evidence: Codable, Equatable {
        var evidence: UUID
        var data: Data
    }

    struct End: Codable, Equatable {
        struct Totals: Codable, Equatable {
            var tables: Int
            var rows: Int
            var evidence: Int
            var sha256: String
        }
        var end: Totals
    }

    enum Value: Codable, Equatable, Sendable {
        case null
        case integer(Int64)
        case bool(Bool)
        case text(String)
        case real(Double)
        /// ISO 8601 in UTC with microseconds: exact on PostgreSQL, whose timestamps are microseconds.
        case timestamp(String)
        case uuid(UUID)
        case bytes(Data)

        private enum Tag: String, CodingKey { case r, t, u, b }

        init(from decoder: any Decoder) throws {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { self = .null; return }
            if let value = try? single.decode(Bool.self) { self = .bool(value); return }
            if let value = try? single.decode(Int64.self) { self = .integer(value); return }
            if let value = try? single.decode(String.self) { self = .text(value); return }
            let tagged = try decoder.container(keyedBy: Tag.self)
            if let value = try tagged.decodeIfPresent(Double.self, forKey: .r) { self = .real(value) }
            else if let value = try tagged.decodeIfPresent(String.self, forKey: .t) { self = .timestamp(value) }
            else if let value = try tagged.decodeIfPresent(UUID.self, forKey: .u) { self = .uuid(value) }
            else if let value = try tagged.decodeIfPresent(Data.self, forKey: .b) { self = .bytes(value) }
            else { throw DecodingError.dataCorruptedError(forKey: .r, in: tagged, debugDescription: "not a backup value") }
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
            case .integer(let v): var c = encoder.singleValueContainer(); try c.encode(v)
            case .bool(let v): var c = encoder.singleValueContainer(); try c.encode(v)
            case .text(let v): var c = encoder.singleValueContainer(); try c.encode(v)
            case .real(let v): var c = encoder.container(keyedBy: Tag.self); try c.encode(v, forKey: .r)
            case .timestamp(let v): var c = encoder.container(keyedBy: Tag.self); try c.encode(v, forKey: .t)
            case .uuid(let v): var c = encoder.container(keyedBy: Tag.self); try c.encode(v, forKey: .u)
            case .bytes(let v): var c = encoder.container(keyedBy: Tag.self); try c.encode(v, forKey: .b)
            }
        }

        /// The instant of a timestamp (or of a SQLite real, seconds since 1970), when it is one.
        var date: Date? {
            switch self {
            case .timestamp(let text): return Value.instant(text)
            case .real(let seconds): return Date(timeIntervalSince1970: seconds)
            case .integer(let seconds): return Date(timeIntervalSince1970: Double(seconds))
            default: return nil
            }
        }

        /// `2026-01-05T08:00:00.123456Z` to the microsecond (DateFormatter stops at milliseconds).
        static func instant(_ text: String) -> Date? {
            let parts = text.split(separator: ".", maxSplits: 1)
            guard let whole = ISO8601DateFormatter().date(from: parts.count == 2 ? String(parts[0]) + "Z" : text) else { return nil }
            guard parts.count == 2 else { return whole }
            let digits = parts[1].prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let fraction = Double("0." + digits), parts[1].dropFirst(digits.count) == "Z" else { return nil }
            return whole.addingTimeInterval(fraction)
        }

        static let timestampFormat: DateFormatter = {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXXXX"
            return formatter
        }()
    }

    /// One line of the file, as read.
    enum Record: Equatable {
        case header(Header)
        case table(TableStart)
        case row([Value])
        case evidence(Evidence)
        case end(End)
    }

    static func decode(_ line: Data, number: Int) throws -> Record {
        let decoder = JSONDecoder()
        let bad = { (what: String) in
            DomainError.invalid("line \(number)", zh: "备份文件第 \(number) 行无法识别：\(what)", en: "Line \(number) of the backup is not valid: \(what)")
        }
        guard let first = line.first(where: { $0 != 0x20 }) else { throw bad("empty line") }
        do {
            if first == UInt8(ascii: "[") { return .row(try decoder.decode([Value].self, from: line)) }
            guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any] else { throw bad("not an object") }
            if object["luoshiBackup"] != nil { return .header(try decoder.decode(Header.self, from: line)) }
            if object["table"] != nil { return .table(try decoder.decode(TableStart.self, from: line)) }
            if object["evidence"] != nil { return .evidence(try decoder.decode(Evidence.self, from: line)) }
            if object["end"] != nil { return .end(try decoder.decode(End.self, from: line)) }
            throw bad("unknown record")
        } catch let error as DomainError {
            throw error
        } catch {
            throw bad("\(error)".prefix(200).description)
        }
    }

    /// Writes records to a file, counting and hashing as it goes; `finish` appends the end line.
    /// Used by one task at a time (the backup), hence unchecked.
    final class Writer: @unchecked Sendable {
        private let handle: FileHandle
        private var hasher = SHA256()
        private var buffer = Data()
        private let encoder = JSONEncoder()
        private(set) var tables = 0, rows = 0, evidence = 0

        init(path: String) throws {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw DomainError.invalid("output", zh: "无法创建备份文件：\(path)", en: "Cannot create \(path)")
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        }

        func write(_ header: Header) throws { try line(header) }
        func write(_ table: TableStart) throws { tables += 1; try line(table) }
        func write(row: [Value]) throws { rows += 1; try line(row) }
        func write(_ file: Evidence) throws { evidence += 1; try line(file) }

        func finish() throws {
            try flush()
            let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
            var end = try encoder.encode(End(end: .init(tables: tables, rows: rows, evidence: evidence, sha256: digest)))
            end.append(0x0A)
            try handle.write(contentsOf: end)
            try handle.synchronize()
            try handle.close()
        }

        private func line(_ value: some Encodable) throws {
            var data = try encoder.encode(value)
            data.append(0x0A)
            hasher.update(data: data)
            buffer.append(data)
            if buffer.count > 1 << 20 { try flush() }
        }

        private func flush() throws {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Reads a file line by line, checking the header first and the end line's count and checksum
    /// last: `each` sees every record between them; a file without a valid end throws after the
    /// last record it could read (so a caller writing in a transaction rolls back).
    static func read(path: String, _ each: (Record, Int) async throws -> Void) async throws -> Header {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DomainError.notFound("file", zh: "备份文件不存在或无法读取：\(path)", en: "Cannot read \(path)")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var pending = Data()
        var number = 0
        var header: Header?
        var counts = (tables: 0, rows: 0, evidence: 0)
        var ended = false
        let truncated = DomainError.invalid("file", zh: "备份文件不完整（缺少结尾记录），可能在复制时被截断", en: "The backup is incomplete (no end record): it may have been truncated")
        func take(line: Data) async throws {
            number += 1
            guard !ended else {
                throw DomainError.invalid("line \(number)", zh: "备份文件在结尾记录之后还有内容", en: "The backup has content after its end record")
            }
            let record = try decode(line, number: number)
            switch record {
            case .header(let found):
                guard number == 1 else { throw DomainError.invalid("line \(number)", zh: "文件头只能在第 1 行", en: "A header belongs on line 1") }
                guard found.luoshiBackup == formatVersion else {
                    throw DomainError.invalid("luoshiBackup", zh: "不支持的备份格式版本 \(found.luoshiBackup)", en: "Unsupported backup format version \(found.luoshiBackup)")
                }
                header = found
            case .end(let end):
                let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
                guard end.end.sha256 == digest else {
                    throw DomainError.invalid("sha256", zh: "备份文件校验和不符，文件已损坏或被改动", en: "The backup's checksum does not match: the file is damaged or altered")
                }
                guard end.end.tables == counts.tables, end.end.rows == counts.rows, end.end.evidence == counts.evidence else {
                    throw DomainError.invalid("end", zh: "备份文件的记录数与结尾记录不符", en: "The backup's record counts do not match its end record")
                }
                ended = true
                return
            case .table: counts.tables += 1
            case .row: counts.rows += 1
            case .evidence: counts.evidence += 1
            }
            guard header != nil else {
                throw DomainError.invalid("line 1", zh: "不是落实系统的备份文件（缺少文件头）", en: "Not a Luoshi backup (no header)")
            }
            hasher.update(data: line)
            hasher.update(data: Data([0x0A]))
            if case .header = record { return }
            try await each(record, number)
        }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try await take(line: Data(pending[start..<newline]))
                start = pending.index(after: newline)
            }
            pending = Data(pending[start...])
        }
        if !pending.isEmpty { throw truncated }
        guard ended, let header else { throw number == 0 ? DomainError.invalid("line 1", zh: "备份文件是空的", en: "The backup file is empty") : truncated }
        return header
    }
}
