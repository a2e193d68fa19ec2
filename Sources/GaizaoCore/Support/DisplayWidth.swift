/// Terminal display width: CJK ideographs, fullwidth forms and most emoji take two cells.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        // Combining marks and zero-width characters.
        if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFE0F || v == 0xFE0E
            || (0x20D0...0x20FF).contains(v) || v == 0x200D {
            return 0
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) || (0x2600...0x26FF).contains(v) && scalar.properties.isEmojiPresentation {
            return 2
        }
        return 1
    }

    public static func of(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// The same over a String's UTF-8, a printable ASCII byte at a time without decoding: chart labels are
    /// measured several times per proposal.
    public static func of(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { utf8 in
            var width = 0, i = 0
            while i < utf8.count {
                let lead = utf8[i]
                if lead < 0x80 {
                    if lead >= 0x20 && lead != 0x7F { width += 1 }
                    i += 1
                    continue
                }
                // A String's UTF-8 is valid: the lead byte gives the length.
                let count = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var value = UInt32(lead) & (count == 2 ? 0x1F : count == 3 ? 0x0F : 0x07)
                for k in 1..<count where i + k < utf8.count { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
                if let scalar = Unicode.Scalar(value) { width += of(scalar) }
                i += count
            }
            return width
        }
    }
}
