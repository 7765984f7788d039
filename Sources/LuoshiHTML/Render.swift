extension Node {
    /// Renders this node, escaping every text and attribute value.
    public func render() -> String {
        var output = ""
        output.reserveCapacity(16_384)
        write(into: &output)
        return output
    }

    /// Renders a complete document, starting with `<!DOCTYPE html>`.
    public func renderDocument() -> String {
        var output = "<!DOCTYPE html>"
        output.reserveCapacity(32_768)
        write(into: &output)
        return output
    }

    func write(into output: inout String) {
        switch storage {
        case .text(let value):
            Escaping.append(value, to: &output)
        case .trusted(let markup):
            output += markup.description
        case .prerendered(let markup):
            output += markup
        case .fragment(let nodes):
            for node in nodes { node.write(into: &output) }
        case .void(let tag, let attributes):
            Node.writeStartTag(tag, attributes, into: &output)
        case .element(let tag, let attributes, let children):
            Node.writeStartTag(tag, attributes, into: &output)
            for child in children { child.write(into: &output) }
            output += "</"
            output += tag
            output += ">"
        }
    }

    static func writeStartTag(_ tag: String, _ attributes: [Attribute], into output: inout String) {
        output += "<"
        output += tag
        for attribute in attributes where !attribute.isDropped {
            output += " "
            output += attribute.name
            if let value = attribute.value {
                output += "=\""
                Escaping.append(value, to: &output)
                output += "\""
            }
        }
        output += ">"
    }
}

public enum Escaping {
    /// Appends `value` with `& < > " '` replaced by character references.
    public static func append(_ value: String, to output: inout String) {
        var utf8 = value.utf8
        // Fast path: nothing to escape.
        if !utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) {
            output += value
            return
        }
        utf8 = value.utf8
        var pendingStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let replacement: String?
            switch utf8[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default: replacement = nil
            }
            if let replacement {
                output += Substring(utf8[pendingStart..<index])
                output += replacement
                pendingStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += Substring(utf8[pendingStart..<utf8.endIndex])
    }

    public static func escape(_ value: String) -> String {
        var output = ""
        append(value, to: &output)
        return output
    }
}
