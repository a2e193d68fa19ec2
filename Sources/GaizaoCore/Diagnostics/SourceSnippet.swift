/// Renders the offending line with a caret under the column, measured in display cells so the
/// caret stays right under Chinese text (two cells per ideograph).
public enum SourceSnippet {
    /// - Parameters:
    ///   - text: the whole file.
    ///   - location: 1-based line and column; the column counts Unicode scalars (as libyaml does).
    public static func render(_ text: String, at location: SourceLocation) -> String? {
        guard location.line >= 1 else { return nil }
        // Split on scalars: as a Character, "\r\n" is one grapheme and would never match "\n".
        let lines = text.unicodeScalars.split(separator: "\n", maxSplits: location.line, omittingEmptySubsequences: false)
        guard location.line <= lines.count else { return nil }
        var line = lines[location.line - 1]
        if line.last == "\r" { line = line.dropLast() }
        // Tabs become one space and other control characters (a NUL, an escape) a visible U+FFFD, so the
        // terminal is never sent raw control bytes and each takes exactly one cell.
        let scalars = line.map { s -> Unicode.Scalar in
            if s == "\t" { return " " }
            return s.value < 0x20 || s.value == 0x7F ? "\u{FFFD}" : s
        }
        let prefixCount = min(max(location.column - 1, 0), scalars.count)
        let caretOffset = scalars[0..<prefixCount].reduce(0) { $0 + DisplayWidth.of($1) }
        let text = String(String.UnicodeScalarView(scalars))
        let shown = text.count > 300 ? String(text.prefix(300)) + "…" : text
        return "    " + shown + "\n    " + String(repeating: " ", count: caretOffset) + "^"
    }
}
