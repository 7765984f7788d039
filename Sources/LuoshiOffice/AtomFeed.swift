import Foundation

/// An Atom 1.0 feed (RFC 4287): the site's publications, newest first.
public struct AtomFeed: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// A URI that never changes, e.g. `urn:uuid:…`.
        public var id: String
        public var title: String
        /// The page the entry is about (absolute).
        public var link: String
        public var updated: Date
        public var author: String
        public var summary: String

        public init(id: String, title: String, link: String, updated: Date, author: String, summary: String) {
            self.id = id
            self.title = title
            self.link = link
            self.updated = updated
            self.author = author
            self.summary = summary
        }
    }

    public var id: String
    public var title: String
    /// The feed's own address and the site's.
    public var selfLink: String
    public var siteLink: String
    public var language: String
    public var entries: [Entry]

    public init(id: String, title: String, selfLink: String, siteLink: String, language: String, entries: [Entry]) {
        self.id = id
        self.title = title
        self.selfLink = selfLink
        self.siteLink = siteLink
        self.language = language
        self.entries = entries
    }

    /// The XML document. `updated` of the feed is its newest entry's (or `fallback` when empty),
    /// so the document changes only when a publication does.
    public func render(fallbackUpdated fallback: Date) -> String {
        let sorted = entries.sorted { ($0.updated, $0.id) > ($1.updated, $1.id) }
        var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
        xml += #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\#(Self.escape(language))">"# + "\n"
        xml += "  <id>\(Self.escape(id))</id>\n  <title>\(Self.escape(title))</title>\n"
        xml += "  <updated>\(Self.timestamp(sorted.first?.updated ?? fallback))</updated>\n"
        xml += #"  <link rel="self" type="application/atom+xml" href="\#(Self.escape(selfLink))"/>"# + "\n"
        xml += #"  <link rel="alternate" type="text/html" href="\#(Self.escape(siteLink))"/>"# + "\n"
        for entry in sorted {
            xml += "  <entry>\n    <id>\(Self.escape(entry.id))</id>\n    <title>\(Self.escape(entry.title))</title>\n"
            xml += #"    <link rel="alternate" type="text/html" href="\#(Self.escape(entry.link))"/>"# + "\n"
            xml += "    <updated>\(Self.timestamp(entry.updated))</updated>\n"
            xml += "    <author><name>\(Self.escape(entry.author))</name></author>\n"
            xml += "    <summary>\(Self.escape(entry.summary))</summary>\n  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// Text and attribute values with the five XML specials escaped and characters XML 1.0 cannot
    /// carry (controls other than tab and line breaks) dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static func timestamp(_ date: Date) -> String {
        Date.ISO8601FormatStyle().format(date)
    }
}
