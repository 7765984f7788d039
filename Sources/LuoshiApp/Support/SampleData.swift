import Fluent
import Foundation
import LuoshiDomain

/// The illustrative Yishui County 2023 plan shipped with Luoshi (see the file's `notice`).
enum SampleData {
    static func document() throws -> PlanDocument {
        guard let url = Bundle.module.url(forResource: "yishui-2023", withExtension: "json", subdirectory: "Sample") else {
            throw DomainError(.notFound, zh: "找不到示例数据文件 yishui-2023.json", en: "The sample file yishui-2023.json is missing")
        }
        return try PlanDocument.decode(json: try Data(contentsOf: url))
    }

    /// Loads the sample unless the database already holds a plan. Returns whether it loaded.
    @discardableResult
    static func loadIfEmpty(into database: any Database, at date: Date) async throws -> Bool {
        guard try await PlanModel.query(on: database).count() == 0 else { return false }
        try await PlanWriter.save(try document(), on: database, by: .system("sample"), at: date)
        return true
    }
}
