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

/// The jurisdiction tree, read from the codes themselves. A GB/T 2260 code is its own ancestry:
/// 37|13|23 is county 23 of city 13 of province 37, so 371323 (沂水县) lies in 371300 (临沂市),
/// which lies in 370000 (山东省). Containment is then a prefix test — the same test SQL makes
/// with `LIKE '3713%'` — and a declared parent can be checked against the code, so a cycle in
/// the tree cannot be written at all.
extension Jurisdiction {
    /// The digits a code's descendants share: 37 for 370000, 3713 for 371300, all six for a county.
    /// The deployment root's prefix is empty: it contains every jurisdiction.
    public static func subtreePrefix(of code: String) -> String {
        var digits = Substring(code)
        while digits.hasSuffix("00") { digits = digits.dropLast(2) }
        return String(digits)
    }

    /// The level a code names by its shape (PP0000 a province, PPCC00 a city, else a county).
    public static func level(of code: String) -> Level {
        switch subtreePrefix(of: code).count {
        case ...2: .province
        case 3...4: .city
        default: .county
        }
    }

    /// Whether `outer` strictly contains `inner` (a jurisdiction does not contain itself).
    public static func contains(_ outer: String, _ inner: String) -> Bool {
        outer != inner && inner.hasPrefix(subtreePrefix(of: outer)) && subtreePrefix(of: inner).count > subtreePrefix(of: outer).count
    }

    /// Whether `code` is `outer` or lies within it: the scope of what an office of `outer` may read.
    public static func isWithin(_ code: String, _ outer: String) -> Bool {
        code == outer || contains(outer, code)
    }

    /// A declared parent must contain the child by its code: 371300 may be 371323's parent,
    /// 371324 (a sibling) or 371323 itself may not — which is why no cycle can be stored.
    public static func validateParent(_ parentCode: String, of code: String, field: String) throws(DomainError) {
        guard contains(parentCode, code) else {
            throw .invalid(field, zh: "“\(parentCode)”不是“\(code)”的上级行政区划（上级代码应为其前缀，如 371300 之于 371323）",
                           en: "\(parentCode) is not a parent of \(code): a parent's code is a prefix of its child's, as 371300 is of 371323")
        }
    }
}

extension Jurisdiction {
    /// The code of accounts that belong to the whole deployment rather than one jurisdiction
    /// (the first system administrator of an empty database).
    public static let deploymentRoot = "000000"
}
