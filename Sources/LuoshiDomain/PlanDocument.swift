import Foundation

/// A whole plan as exchanged in a file: the jurisdiction, the plan's metadata, its units and
/// leaders and its parts with tasks, where tasks name units and leaders by name.
///
/// The sample plan ships in this shape, and spreadsheet import produces it, so both go through
/// the same validation (`resolve`) and the same persistence.
public struct PlanDocument: Sendable, Codable, Hashable {
    public struct JurisdictionEntry: Sendable, Codable, Hashable {
        public var code: String
        public var name: String
        public var level: Jurisdiction.Level
        public var parent: Box<JurisdictionEntry>?

        public init(code: String, name: String, level: Jurisdiction.Level, parent: JurisdictionEntry? = nil) {
            self.code = code
            self.name = name
            self.level = level
            self.parent = parent.map(Box.init)
        }
    }

    public struct PlanEntry: Sendable, Codable, Hashable {
        public var year: Int
        public var title: String
        public var documentNumber: String?
        public var indexNumber: String?
        public var issuingBody: String
        public var reportApprovedOn: CalendarDate?
        public var reportApprovedBy: String?
        public var approvalMeeting: String?
        public var status: Plan.Status
        public var stages: Plan.Stages
    }

    public struct UnitEntry: Sendable, Codable, Hashable {
        public var name: String
        public var shortName: String?
        public var aliases: [String]?
        public var kind: Unit.Kind
    }

    public struct LeaderEntry: Sendable, Codable, Hashable {
        public var name: String
        public var post: String
        public var portfolio: String?
    }

    public struct TaskEntry: Sendable, Codable, Hashable {
        public var number: TaskNumber
        public var content: String
        public var kind: TaskKind
        public var deadline: CalendarDate?
        public var measures: String?
        public var annualTarget: String?
        public var milestones: [Milestone]?
        public var leadUnits: [String]
        public var cooperatingUnits: [String]?
        public var leaders: [String]?
    }

    public struct PartEntry: Sendable, Codable, Hashable {
        public var number: Int
        public var title: String
        public var tasks: [TaskEntry]
    }

    public var illustrative: Bool?
    public var notice: LocalizedText?
    public var jurisdiction: JurisdictionEntry
    public var plan: PlanEntry
    public var units: [UnitEntry]
    public var leaders: [LeaderEntry]
    public var parts: [PartEntry]
}

/// A value type wrapper so a struct can contain itself (a jurisdiction's parent).
public final class Box<Value: Sendable & Codable & Hashable>: Sendable, Codable, Hashable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
    public init(from decoder: any Decoder) throws { value = try Value(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
    public static func == (lhs: Box, rhs: Box) -> Bool { lhs.value == rhs.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

extension PlanDocument {
    /// Decodes a document, turning a decoding failure into a `DomainError` naming the field.
    public static func decode(json data: Data) throws(DomainError) -> PlanDocument {
        do {
            return try JSONDecoder().decode(PlanDocument.self, from: data)
        } catch let error as DecodingError {
            throw DomainError(decoding: error)
        } catch {
            throw DomainError(.badRequest, zh: "无法读取方案文件：\(error)", en: "Cannot read the plan file: \(error)")
        }
    }
}

extension DomainError {
    /// A decoding failure, with the path of the field that failed (`parts[2].tasks[0].deadline`).
    public init(decoding error: DecodingError) {
        func path(_ codingPath: [any CodingKey]) -> String {
            var result = ""
            for key in codingPath {
                if let index = key.intValue {
                    result += "[\(index)]"
                } else {
                    result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return result
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            self = .missing(field, zh: "缺少字段 \(field)", en: "Missing field \(field)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = path(context.codingPath)
            self = .invalid(field, zh: "字段 \(field) 的类型不正确", en: "Field \(field) has the wrong type")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            if field.isEmpty {
                self = DomainError(.badRequest, zh: "文件不是有效的 JSON", en: "The file is not valid JSON")
            } else {
                self = .invalid(field, zh: "字段 \(field) 的值无效：\(context.debugDescription)",
                                en: "Field \(field) is invalid: \(context.debugDescription)")
            }
        @unknown default:
            self = DomainError(.badRequest, zh: "无法读取文件", en: "Cannot read the file")
        }
    }
}
