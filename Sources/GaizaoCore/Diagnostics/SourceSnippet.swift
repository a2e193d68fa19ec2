/// Renders the offending line with a caret under the column, measured in display cells so the
/// caret stays right under Chinese text (two cells per ideograph).
public enum SourceSnippet {
    /// The most scalars of a line shown.
    static let window = 120

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
        // A long line (minified JSON, a generated template) shows a window around the column, cut with `…`.
        var start = 0, end = scalars.count
        if scalars.count > window {
            start = max(0, min(prefixCount - window / 2, scalars.count - window))
            end = start + window
        }
        let lead = start > 0 ? "…" : "", tail = end < scalars.count ? "…" : ""
        let caretOffset = lead.count + scalars[start..<max(start, prefixCount)].reduce(0) { $0 + DisplayWidth.of($1) }
        let shown = lead + String(String.UnicodeScalarView(scalars[start..<end])) + tail
        return "    " + shown + "\n    " + String(repeating: " ", count: caretOffset) + "^"
    }
}
