/// An administrative division (行政区划): a six-digit code such as 371323 (沂水县) and a parent.
public struct Jurisdiction: Sendable, Hashable, Codable {
    public enum Level: String, Sendable, Codable, CaseIterable {
        case province, city, county, township
    }

    public var code: String
    public var name: String
    public var level: Level
    public var parentCode: String?

    public init(code: String, name: String, level: Level, parentCode: String?) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
    }

    /// Six ASCII digits, the first not zero (GB/T 2260 codes).
    public static func isValidCode(_ code: String) -> Bool {
        code.utf8.count == 6 && code.utf8.allSatisfy { (0x30...0x39).contains($0) } && !code.hasPrefix("0")
    }

    public static func validateCode(_ code: String, field: String) throws(DomainError) {
        guard isValidCode(code) else {
            throw .invalid(field, zh: "行政区划代码应为6位数字，实际为“\(code)”",
                           en: "A jurisdiction code has 6 digits; got \"\(code)\"")
        }
    }
}

extension Jurisdiction {
    /// The code of accounts that belong to the whole deployment rather than one jurisdiction
    /// (the first system administrator of an empty database).
    public static let deploymentRoot = "000000"
}
