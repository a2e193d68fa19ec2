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

    /// Appends `text` escaped; text without a special character (most of it) is copied in one step. Both paths read
    /// the text's bytes through one span (iterating `text.utf8` as well made every call retain the string).
    static func append(_ text: String, to out: inout [UInt8]) {
        let span = text.utf8.span
        guard hasSpecial(span) else { return out.append(copying: span) }
        for k in span.indices {
            let byte = span[k]
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

    /// Whether any byte needs escaping: a loop over the bytes' span without an early exit, which the compiler
    /// turns into vector instructions (most texts have no special byte and are scanned whole anyway).
    private static func hasSpecial(_ bytes: Span<UInt8>) -> Bool {
        var special: UInt8 = 0
        for k in bytes.indices {
            let b = bytes[k]
            special |= (b == UInt8(ascii: "<") ? 1 : 0) | (b == UInt8(ascii: ">") ? 1 : 0) | (b == UInt8(ascii: "&") ? 1 : 0)
                | (b == UInt8(ascii: "\"") ? 1 : 0) | (b == UInt8(ascii: "'") ? 1 : 0)
        }
        return special != 0
    }
}

