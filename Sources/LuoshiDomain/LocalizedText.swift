/// The two languages the UI speaks: Simplified Chinese first, English second.
public enum Language: String, Sendable, CaseIterable, Codable {
    case chinese = "zh-CN"
    case english = "en"

    /// The value for the `lang` attribute and `Content-Language`.
    public var tag: String { rawValue }

    /// Reads a cookie or query value; anything unknown means Chinese.
    public init(preference: String?) {
        self = preference.flatMap { Language(rawValue: $0) } ?? .chinese
    }
}

/// A text in both UI languages.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(in language: Language) -> String {
        switch language {
        case .chinese: zh
        case .english: en
        }
    }
}
