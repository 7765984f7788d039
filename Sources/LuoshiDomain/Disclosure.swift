import Foundation

/// The disclosure metadata of a published document (政府信息公开): how it is disclosed, whether
/// it is still in force, and its 索引号 scheme.
public enum Disclosure {
    /// 公开方式.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        case proactive, onRequest, notPublic

        public var text: LocalizedText {
            switch self {
            case .proactive: LocalizedText(zh: "主动公开", en: "Proactive")
            case .onRequest: LocalizedText(zh: "依申请公开", en: "On request")
            case .notPublic: LocalizedText(zh: "不予公开", en: "Not public")
            }
        }
    }

    /// 有效性: a plan is in force until a later one supersedes it or it is repealed.
    public enum Validity: String, Sendable, Codable, CaseIterable {
        case valid, superseded, repealed

        public var text: LocalizedText {
            switch self {
            case .valid: LocalizedText(zh: "有效", en: "In force")
            case .superseded: LocalizedText(zh: "失效（已被替代）", en: "No longer in force (superseded)")
            case .repealed: LocalizedText(zh: "废止", en: "Repealed")
            }
        }
    }

    /// The metadata an office edits on a plan, as checked values.
    public struct Details: Sendable, Hashable {
        public var subjectWords: String?
        public var mode: Mode
        public var writtenOn: CalendarDate?
        public var validity: Validity

        public static let maximumSubjectWordsLength = 100

        /// Checks the form's fields: 主题词 at most 100 characters, a known 公开方式 and 有效性,
        /// 成文日期 a date not after `today`. Errors name their field.
        public static func parse(subjectWords: String, mode: String, writtenOn: String, validity: String,
                                 today: CalendarDate) -> Result<Details, DomainError> {
            let words = subjectWords.trimmingCharacters(in: .whitespacesAndNewlines)
            guard words.count <= maximumSubjectWordsLength, !words.contains(where: \.isNewline) else {
                return .failure(.invalid("subjectWords", zh: "主题词应为一行、不超过 \(maximumSubjectWordsLength) 字",
                                         en: "Subject words are one line of at most \(maximumSubjectWordsLength) characters"))
            }
            guard let mode = Mode(rawValue: mode) else {
                return .failure(.invalid("disclosureMode", zh: "请选择公开方式", en: "Choose how the document is disclosed"))
            }
            guard let validity = Validity(rawValue: validity) else {
                return .failure(.invalid("validity", zh: "请选择有效性", en: "Choose whether the document is in force"))
            }
            let dateText = writtenOn.trimmingCharacters(in: .whitespaces)
            var date: CalendarDate?
            if !dateText.isEmpty {
                guard let parsed = CalendarDate(iso: dateText) else {
                    return .failure(.invalid("writtenOn", zh: "成文日期应写作 YYYY-MM-DD", en: "Write the date as YYYY-MM-DD"))
                }
                guard parsed <= today else {
                    return .failure(.invalid("writtenOn", zh: "成文日期不能晚于今天", en: "The document cannot be dated after today"))
                }
                date = parsed
            }
            return .success(Details(subjectWords: words.isEmpty ? nil : words, mode: mode, writtenOn: date, validity: validity))
        }
    }

    /// How an issuing body numbers what it publishes (索引号): `prefix/year-serial`, the serial
    /// zero-padded to `digits`, e.g. `yishuixfbgs/2023-0000196`.
    public struct IndexScheme: Sendable, Hashable {
        public var prefix: String
        public var digits: Int

        public init(prefix: String, digits: Int = 7) {
            self.prefix = prefix
            self.digits = digits
        }

        public func number(year: Int, serial: Int) -> String {
            let serialText = String(serial)
            return "\(prefix)/\(year)-\(String(repeating: "0", count: max(0, digits - serialText.count)))\(serialText)"
        }

        /// `prefix` or `prefix:digits`: a prefix of 2–40 ASCII letters, digits, `-` or `_`, and 3–10 digits.
        public static func parse(_ text: String, field: String) throws(DomainError) -> IndexScheme {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let prefix = parts[0]
            let digits = parts.count > 1 ? Int(parts[1]) : 7
            guard parts.count <= 2, (2...40).contains(prefix.count),
                  prefix.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }),
                  let digits, (3...10).contains(digits) else {
                throw .invalid(field, zh: "索引号规则“\(text)”应为“前缀”或“前缀:位数”（前缀为 2–40 个字母、数字、- 或 _，位数 3–10）",
                               en: "The index scheme \"\(text)\" must be \"prefix\" or \"prefix:digits\" (2–40 letters, digits, - or _; 3–10 digits)")
            }
            return IndexScheme(prefix: prefix, digits: digits)
        }

        /// The prefix, year and serial of a number written in any scheme's form, e.g. one typed
        /// into an imported plan, so that it is never handed out again.
        public static func components(of number: String) -> (prefix: String, year: Int, serial: Int)? {
            guard let slash = number.lastIndex(of: "/") else { return nil }
            let prefix = String(number[..<slash])
            let rest = number[number.index(after: slash)...].split(separator: "-")
            guard !prefix.isEmpty, rest.count == 2, rest[0].count == 4, let year = Int(rest[0]), let serial = Int(rest[1]), serial > 0,
                  rest[1].allSatisfy(\.isASCII) else { return nil }
            return (prefix, year, serial)
        }
    }

    /// The schemes of each issuing body, from `发布机构=prefix[:digits]` entries separated by `;`
    /// or line breaks; an entry without a body (`prefix`) is the scheme of every other body.
    public struct IndexSchemes: Sendable, Hashable {
        public var byIssuingBody: [String: IndexScheme] = [:]
        public var fallback: IndexScheme?

        public init(byIssuingBody: [String: IndexScheme] = [:], fallback: IndexScheme? = nil) {
            self.byIssuingBody = byIssuingBody
            self.fallback = fallback
        }

        public func scheme(for issuingBody: String) -> IndexScheme? { byIssuingBody[issuingBody] ?? fallback }

        public static func parse(_ text: String, field: String) throws(DomainError) -> IndexSchemes {
            var schemes = IndexSchemes()
            for entry in text.split(whereSeparator: { $0 == ";" || $0.isNewline }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
                if let equals = entry.firstIndex(of: "=") {
                    let body = entry[..<equals].trimmingCharacters(in: .whitespaces)
                    guard !body.isEmpty else {
                        throw .invalid(field, zh: "“\(entry)”缺少发布机构名称", en: "\"\(entry)\" names no issuing body")
                    }
                    schemes.byIssuingBody[body] = try IndexScheme.parse(String(entry[entry.index(after: equals)...]), field: field)
                } else {
                    schemes.fallback = try IndexScheme.parse(entry, field: field)
                }
            }
            return schemes
        }
    }
}
