/// Control characters (C0 but tab and newline, DEL, C1, and the bidirectional embedding, override and isolate
/// controls): rejected in answers and proposals, and never written raw to a terminal, a log, HTML or CSV. An ESC or
/// a C1 CSI drives the terminal that shows it (clears the screen, rewrites the title, hides text), BEL rings, NUL
/// cuts text short in many tools, and a bidirectional override (U+202E) shows the text after it in another order
/// than it is stored, so a name or a figure can read differently to a reviewer than to the program.
public enum ControlCharacters {
    /// True for a character no text of gaizao's may carry raw. Tab and newline are allowed where text allows
    /// them (`lineBreaks`); a carriage return only as part of a CRLF line break, which callers normalise.
    public static func isForbidden(_ scalar: Unicode.Scalar, allowingLineBreaks lineBreaks: Bool = true) -> Bool {
        let v = scalar.value
        if lineBreaks && (v == 0x09 || v == 0x0A) { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v) || isBidiControl(v)
    }

    /// The explicit bidirectional formatting characters: embeddings and overrides (U+202A–U+202E) and isolates
    /// (U+2066–U+2069). The implicit marks (U+200E, U+200F) only nudge neutral characters and stay allowed.
    static func isBidiControl(_ v: UInt32) -> Bool { (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) }

    /// The first forbidden character of `text` and its 0-based offset in Unicode scalars, or nil.
    public static func firstForbidden(in text: String, allowingLineBreaks lineBreaks: Bool = true) -> (offset: Int, scalar: Unicode.Scalar)? {
        guard mayHoldForbidden(text.utf8.span) else { return nil }
        for (i, s) in text.unicodeScalars.enumerated() where isForbidden(s, allowingLineBreaks: lineBreaks) { return (i, s) }
        return nil
    }

    /// False when the UTF-8 `bytes` surely hold no forbidden character (nor tab or newline); true when they may,
    /// and a closer look is needed. Most texts hold no byte below 0x20, no C1 lead byte (0xC2 0x80–0x9F) and no
    /// 0xE2 0x80/0x81 lead of a bidirectional control (typographic quotes and dashes share the 0xE2 0x80 lead: they
    /// make a text suspect, and the closer look lets them pass).
    public static func mayHoldForbidden(_ bytes: Span<UInt8>) -> Bool {
        for k in bytes.indices {
            let b = bytes[k]
            if b < 0x20 || b == 0x7F || b == 0xC2 { return true }
            if b == 0xE2, k + 1 < bytes.count, bytes[k + 1] == 0x80 || bytes[k + 1] == 0x81 { return true }
        }
        return false
    }

    /// `text` with every forbidden character in visible escaped form (`\u{1B}`), so that a message quoting
    /// hostile input shows it instead of obeying it. Tab and newline are kept when `lineBreaks` is true.
    /// A file format whose records end in CRLF (CSV) keeps carriage returns (`keepingCarriageReturns`); a
    /// terminal does not: a bare CR lets text overwrite the start of its line.
    public static func visible(_ text: String, keepingLineBreaks lineBreaks: Bool = true, keepingCarriageReturns: Bool = false) -> String {
        guard firstForbidden(in: text, allowingLineBreaks: lineBreaks) != nil else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for s in text.unicodeScalars {
            if isForbidden(s, allowingLineBreaks: lineBreaks) && !(keepingCarriageReturns && s == "\r") {
                out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// `U+001B (ESC)`: how a message names a forbidden character.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let names: [UInt32: String] = [0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x09: "TAB", 0x0A: "LF", 0x0D: "CR",
                                       0x1B: "ESC", 0x7F: "DEL", 0x85: "NEL", 0x9B: "CSI", 0x2028: "LS", 0x2029: "PS", 0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF",
                                       0x202D: "LRO", 0x202E: "RLO", 0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI"]
        return names[scalar.value].map { "\(code) (\($0))" } ?? code
    }
}
