import Foundation

/// 佐证材料: which evidence files a report accepts. A file is accepted when its extension is on
/// the list and its first bytes are what that format starts with (a renamed executable or HTML
/// page is refused), and it is within the size limit.
public enum Evidence {
    public struct Format: Sendable, Hashable {
        public var extensions: [String]
        public var contentType: String
        /// The bytes every file of the format starts with.
        public var signature: [UInt8]
    }

    private static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    private static let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    public static let formats: [Format] = [
        Format(extensions: ["jpg", "jpeg"], contentType: "image/jpeg", signature: [0xFF, 0xD8, 0xFF]),
        Format(extensions: ["png"], contentType: "image/png", signature: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        Format(extensions: ["pdf"], contentType: "application/pdf", signature: Array("%PDF-".utf8)),
        Format(extensions: ["docx"], contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", signature: zip),
        Format(extensions: ["xlsx"], contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", signature: zip),
        Format(extensions: ["pptx"], contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", signature: zip),
        Format(extensions: ["ofd"], contentType: "application/ofd", signature: zip),
        Format(extensions: ["doc"], contentType: "application/msword", signature: ole),
        Format(extensions: ["xls"], contentType: "application/vnd.ms-excel", signature: ole),
        Format(extensions: ["ppt"], contentType: "application/vnd.ms-powerpoint", signature: ole),
        Format(extensions: ["wps", "et", "dps"], contentType: "application/octet-stream", signature: ole),
    ]

    public static let defaultMaxBytes = 20 * 1_048_576

    /// A checked file: its display name and content type.
    public struct Accepted: Sendable, Hashable {
        public var fileName: String
        public var contentType: String
    }

    /// Checks an uploaded file. Every refusal names the field `file`.
    public static func check(fileName: String, size: Int, leadingBytes: [UInt8], maxBytes: Int) -> Result<Accepted, DomainError> {
        let name = displayName(fileName)
        guard size > 0 else {
            return .failure(.missing("file", zh: "请选择要上传的佐证材料", en: "Choose a file to attach"))
        }
        guard size <= maxBytes else {
            return .failure(DomainError(.payloadTooLarge, zh: "“\(name)”超过 \(maxBytes / 1_048_576) MB 的上限",
                                        en: "“\(name)” is over the \(maxBytes / 1_048_576) MB limit", field: "file"))
        }
        let ext = name.split(separator: ".").count > 1 ? name.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
        guard let format = formats.first(where: { $0.extensions.contains(ext) }) else {
            return .failure(.invalid("file", zh: "“\(name)”不是可上传的格式；请上传图片（JPG、PNG）、PDF、OFD 或 Office/WPS 文件",
                                     en: "“\(name)” is not an accepted format; attach an image (JPG, PNG), PDF, OFD or Office/WPS file"))
        }
        guard leadingBytes.starts(with: format.signature) else {
            return .failure(.invalid("file", zh: "“\(name)”的内容与扩展名 .\(ext) 不符，文件可能已损坏或被改名",
                                     en: "The content of “\(name)” does not match its .\(ext) extension; it may be damaged or renamed"))
        }
        return .success(Accepted(fileName: name, contentType: format.contentType))
    }

    /// The name to show and offer for download: the last path component, without control
    /// characters or quotes, at most 120 characters (the extension kept).
    public static func displayName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && $0 != "\"" }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        guard cleaned.count > 120 else { return cleaned.isEmpty ? "file" : cleaned }
        let ext = cleaned.split(separator: ".").last.map { "." + $0 } ?? ""
        return String(cleaned.prefix(120 - ext.count)) + ext
    }
}
