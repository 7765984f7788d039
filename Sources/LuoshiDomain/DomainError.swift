import Foundation

/// The one error type inside Luoshi: a stable code, a message in both languages and, where the
/// problem is in the input, the field (or row) that caused it.
public struct DomainError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: RawRepresentable, Sendable, Hashable, Codable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let invalidField = Code(rawValue: "invalid_field")
        public static let missingField = Code(rawValue: "missing_field")
        public static let duplicate = Code(rawValue: "duplicate")
        public static let unknownReference = Code(rawValue: "unknown_reference")
        public static let notFound = Code(rawValue: "not_found")
        public static let conflict = Code(rawValue: "conflict")
        public static let alreadyExists = Code(rawValue: "already_exists")
        public static let badRequest = Code(rawValue: "bad_request")
    }

    public var code: Code
    public var message: LocalizedText
    public var field: String?

    public init(_ code: Code, zh: String, en: String, field: String? = nil) {
        self.code = code
        self.message = LocalizedText(zh: zh, en: en)
        self.field = field
    }

    public var description: String {
        let location = field.map { " [\($0)]" } ?? ""
        return "\(code.rawValue)\(location): \(message.zh) / \(message.en)"
    }
}

extension DomainError {
    public static func missing(_ field: String, zh: String, en: String) -> DomainError {
        DomainError(.missingField, zh: zh, en: en, field: field)
    }

    public static func invalid(_ field: String, zh: String, en: String) -> DomainError {
        DomainError(.invalidField, zh: zh, en: en, field: field)
    }

    public static func notFound(_ field: String, zh: String, en: String) -> DomainError {
        DomainError(.notFound, zh: zh, en: en, field: field)
    }
}

extension DomainError {
    public static func planNotFound(_ id: UUID) -> DomainError {
        .notFound("planID", zh: "方案不存在：\(id.uuidString.lowercased())", en: "No plan with id \(id.uuidString.lowercased())")
    }
    public static func taskNotFound(_ id: UUID) -> DomainError {
        .notFound("taskID", zh: "任务不存在：\(id.uuidString.lowercased())", en: "No task with id \(id.uuidString.lowercased())")
    }
    public static func unitNotFound(_ id: UUID) -> DomainError {
        .notFound("unitID", zh: "单位不存在：\(id.uuidString.lowercased())", en: "No unit with id \(id.uuidString.lowercased())")
    }
    public static func leaderNotFound(_ id: UUID) -> DomainError {
        .notFound("leaderID", zh: "县领导不存在：\(id.uuidString.lowercased())", en: "No leader with id \(id.uuidString.lowercased())")
    }
    public static func partNotFound(_ number: Int) -> DomainError {
        .notFound("number", zh: "方案中没有第 \(number) 部分", en: "The plan has no part \(number)")
    }
}
