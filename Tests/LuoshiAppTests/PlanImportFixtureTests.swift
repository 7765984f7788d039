import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing

/// The fixture corpus in Tests/Fixtures/import (made by make_fixtures.py with openpyxl, not by
/// our writer) against expected.json: each sheet's interpretation, or each error's sheet, row and
/// column.
@Suite("Spreadsheet import fixtures")
struct PlanImportFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/import")

    /// expected.json, read where it is used (a `[String: Any]` cannot be a shared constant).
    static var expected: [String: Any] {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("expected.json")),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object
    }

    static let files: [String] = expected.keys.sorted()

    @Test func theCorpusIsThere() {
        #expect(Self.files.count >= 15)
        #expect(Self.files.contains { $0.hasSuffix(".csv") } && Self.files.contains { $0.hasSuffix(".xlsx") })
    }

    @Test(arguments: files)
    func readsAsExpected(_ file: String) throws {
        let spec = try #require(Self.expected[file] as? [String: Any])
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(file))
        let errors = spec["errors"] as? [[String: Any]] ?? []
        if errors.contains(where: { $0["code"] as? String == "not_a_spreadsheet" }) {
            #expect(throws: DomainError.self) { try PlanFiles.tables(from: data, fileName: file) }
            return
        }
        let reading = PlanSheetImport.read(try PlanFiles.tables(from: data, fileName: file), year: spec["year"] as? Int ?? 2023)
        if !errors.isEmpty {
            let found = reading.problems.map { "\($0.sheet)!\($0.column)\($0.row) \($0.code.rawValue)" }
            let wanted = errors.map { "\($0["sheet"] as? String ?? "")!\($0["column"] as? String ?? "")\($0["row"] as? Int ?? 0) \($0["code"] as? String ?? "")" }
            #expect(found == wanted, "\(file)")
            return
        }
        #expect(reading.problems.isEmpty, "\(file): \(reading.problems)")
        let parts = try #require(spec["parts"] as? [[String: Any]])
        #expect(reading.parts.map(\.title) == parts.map { $0["title"] as? String ?? "" }, "\(file) part titles")
        let tasks = parts.flatMap { $0["tasks"] as? [[String: Any]] ?? [] }
        #expect(reading.tasks.count == tasks.count, "\(file) task count")
        for (read, want) in zip(reading.tasks, tasks) {
            let label = "\(file) \(read.number)"
            #expect(read.number.description == want["number"] as? String, "\(label) number")
            #expect(read.content == want["content"] as? String, "\(label) content")
            #expect(read.kind.rawValue == want["kind"] as? String, "\(label) kind")
            // A phased task without a deadline cell is due at the end of the plan's year.
            let deadline = want["deadline"] as? String ?? (read.kind == .phased ? "2023-12-31" : nil)
            #expect(read.deadline?.iso == deadline, "\(label) deadline")
            #expect(read.leadUnits == want["leadUnits"] as? [String], "\(label) lead units")
            #expect(read.cooperatingUnits == want["cooperatingUnits"] as? [String], "\(label) cooperating units")
            #expect(read.leaders == want["leaders"] as? [String], "\(label) leaders")
        }
    }
}
