/// Makes user and catalog text safe inside Markdown: as a paragraph, a list item, a heading or a table cell.
/// The text always reads literally: `|` cannot split a table cell, `*`, `_` and backticks cannot start
/// emphasis or code, `<` cannot open raw HTML, a leading `#`, `-` or `1.` cannot start a heading or a list,
/// and a newline cannot end a table row.
public enum MarkdownEscape {
    /// ASCII punctuation that is backslash-escaped wherever it appears (CommonMark allows escaping any of it).
    private static let alwaysEscaped: Set<UInt8> = Set("\\`*_|<>[]#~".utf8)

    /// Bytes 0–63 and 64–127 that `needsEscaping` looks at: control characters, space (runs), `#`, `&`, `*`, `<`,
    /// `>`; and `[`, backslash, `]`, `_`, backtick, `|`, `~`, DEL.
    private static let lowSpecials: UInt64 = 0xFFFF_FFFF | 1 << 32 | 1 << 35 | 1 << 38 | 1 << 42 | 1 << 60 | 1 << 62
    private static let highSpecials: UInt64 = 1 << 27 | 1 << 28 | 1 << 29 | 1 << 31 | 1 << 32 | 1 << 60 | 1 << 62 | 1 << 63

    public static func text(_ input: String) -> String {
        needsEscaping(input) ? escape(input) : input
    }

    /// Most catalog text needs nothing: no special byte, no line separator, no list or heading marker at the
    /// start, no space at either end.
    static func needsEscaping(_ input: String) -> Bool {
        let utf8 = input.utf8.span
        guard !utf8.isEmpty else { return false }
        let first = utf8[0], last = utf8[utf8.count - 1]
        switch first {
        case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "!"):
            return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            // Leading digits matter only as an ordered-list marker (`1.` or `1)` before a space or the end); a
            // year, an amount or a percentage reads as it is, and most answers start with a digit.
            if startsWithListMarker(utf8) || last == UInt8(ascii: " ") { return true }
        default:
            if last == UInt8(ascii: " ") { return true }
        }
        var i = 0
        while i < utf8.count {
            // Eight bytes at a time while none is ASCII (CJK text) and no U+2028/2029 can be among them (their
            // lead byte E2 is neither in the word nor just before it).
            if let word = ByteScan.word(utf8, at: i), ByteScan.noASCII(word), !ByteScan.contains(word, 0xE2),
               i < 1 || utf8[i - 1] != 0xE2, i < 2 || utf8[i - 2] != 0xE2 {
                i += 8
                continue
            }
            // Otherwise the next eight bytes one by one (ASCII text is not tried as a word again at every byte).
            let end = min(i + 8, utf8.count)
            while i < end {
                if isSpecial(utf8, at: i) { return true }
                i += 1
            }
        }
        return false
    }

    /// Whether the byte at `i` makes the text need escaping, given the bytes before it.
    @inline(__always)
    private static func isSpecial(_ utf8: Span<UInt8>, at i: Int) -> Bool {
        let byte = utf8[i]
        // One bit test per byte (a switch over the special characters was a chain of comparisons).
        let flagged = byte < 64 ? (lowSpecials >> UInt64(byte)) & 1 != 0
            : byte < 128 ? (highSpecials >> UInt64(byte - 64)) & 1 != 0
            : byte == 0xA8 || byte == 0xA9
        guard flagged else { return false }
        switch byte {
        case UInt8(ascii: " "):
            // Runs of spaces become one space.
            return i >= 1 && utf8[i - 1] == UInt8(ascii: " ")
        case 0xA8, 0xA9:
            // U+2028 and U+2029 (E2 80 A8/A9) end a line too.
            return i >= 2 && utf8[i - 2] == 0xE2 && utf8[i - 1] == 0x80
        default:
            return true
        }
    }

    /// Digits, then `.` or `)`, then the end or what may be whitespace (a space, a control character, or any
    /// non-ASCII character: `escape` decides those by their Unicode properties).
    private static func startsWithListMarker(_ utf8: Span<UInt8>) -> Bool {
        var j = 0
        while j < utf8.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(utf8[j]) { j += 1 }
        guard j < utf8.count, utf8[j] == UInt8(ascii: ".") || utf8[j] == UInt8(ascii: ")") else { return false }
        guard j + 1 < utf8.count else { return true }
        let next = utf8[j + 1]
        return next == UInt8(ascii: " ") || next < 0x20 || next >= 0x80
    }

    static func escape(_ input: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var atStart = true
        let scalars = Array(input.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            i += 1
            // Newlines, tabs and other controls become one space: a cell or a list item stays on its line.
            if s.value < 0x20 || s.value == 0x7F || s == "\u{2028}" || s == "\u{2029}" || s == " " {
                if !atStart { pendingSpace = true }
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            if s.isASCII, alwaysEscaped.contains(UInt8(s.value)) {
                out.append("\\")
                out.append(s)
            } else if s == "&", i < scalars.count, scalars[i].properties.isAlphabetic || scalars[i] == "#" {
                // `&amp;` or `&#60;` would be read as an entity.
                out.append(contentsOf: "\\&".unicodeScalars)
            } else if atStart, s == "-" || s == "+" || s == "=" || s == "!" {
                // A leading `-` or `+` starts a list, `=` can underline a heading, `!` an image.
                out.append("\\")
                out.append(s)
            } else {
                out.append(s)
            }
            if atStart, s.properties.numericType != nil, s.isASCII {
                // `1. ` or `1) ` at the start opens an ordered list: escape the dot or bracket after the digits
                // (only before a space or the end: `2026.1` stays as it is).
                var j = i
                while j < scalars.count, scalars[j].isASCII, scalars[j].properties.numericType != nil { j += 1 }
                if j < scalars.count, scalars[j] == "." || scalars[j] == ")",
                   j + 1 == scalars.count || scalars[j + 1].properties.isWhitespace {
                    while i < j { out.append(scalars[i]); i += 1 }
                    out.append("\\")
                    out.append(scalars[i])
                    i += 1
                }
            }
            atStart = false
        }
        return String(out)
    }
}
