/// HTML escaping, producing exactly what swift-mustache produces for `{{name}}`: the renderer escapes every
/// variable with it outside the TEXT content type, and callers use it for HTML they write themselves.
public enum HTMLEscape {
    /// `text` with `< > & " '` replaced by entities.
    public static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped; text without a special character (most of it) is appended in one piece.
    static func append(_ text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        guard hasSpecial(utf8.span) else { return out.append(contentsOf: utf8) }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
    }

    /// Whether any byte needs escaping: a plain loop over the bytes' span, which the compiler keeps tight (the
    /// closure form of `contains(where:)` over the UTF-8 view cost several times more in profiles).
    private static func hasSpecial(_ bytes: Span<UInt8>) -> Bool {
        for k in bytes.indices where isSpecial(bytes[k]) { return true }
        return false
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}

