/// Renders the offending line with a caret under the column, measured in display cells so the
/// caret stays right under Chinese text (two cells per ideograph).
public enum SourceSnippet {
    /// The most scalars of a line shown.
    static let window = 120

    /// - Parameters:
    ///   - text: the whole file.
    ///   - location: 1-based line and column; the column counts Unicode scalars (as libyaml does).
    public static func render(_ text: String, at location: SourceLocation) -> String? {
        render(SourceLines(text), at: location)
    }

    /// The same, with the file's lines indexed once: printing thousands of diagnostics of one large file stays
    /// linear (splitting the file again for each was quadratic).
    public static func render(_ lines: SourceLines, at location: SourceLocation) -> String? {
        guard let line = lines.line(location.line) else { return nil }
        return render(line: line, at: location)
    }

    static func render(line: Substring.UnicodeScalarView, at location: SourceLocation) -> String? {
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

/// Where each line of a text starts, found once. Lines break at LF, CRLF and a lone CR, as libyaml counts them
/// (and the CSV reader): a file saved with old Mac line ends gets its excerpts too. Scalars, not Characters: as
/// a Character, "\r\n" is one grapheme and would match neither.
public struct SourceLines {
    let scalars: Substring.UnicodeScalarView
    /// Where each line starts, and where the next one does (the end of the text after the last).
    let starts: [String.UnicodeScalarView.Index]
    /// Where each line's content ends (before its line break).
    let ends: [String.UnicodeScalarView.Index]

    public init(_ text: String) {
        scalars = Substring(text).unicodeScalars
        var starts = [scalars.startIndex], ends: [String.UnicodeScalarView.Index] = []
        var i = scalars.startIndex
        while i < scalars.endIndex {
            var next = scalars.index(after: i)
            if scalars[i] == "\n" || scalars[i] == "\r" {
                if scalars[i] == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                ends.append(i)
                starts.append(next)
            }
            i = next
        }
        ends.append(scalars.endIndex)
        self.starts = starts
        self.ends = ends
    }

    /// How many lines (a text ending in a line break has an empty last line).
    public var count: Int { starts.count }

    /// Line `number` (1-based) without its line break, or nil past the end.
    public func line(_ number: Int) -> Substring.UnicodeScalarView? {
        guard number >= 1, number <= starts.count else { return nil }
        return scalars[starts[number - 1]..<ends[number - 1]]
    }

    /// Every line, without its line break.
    public var all: [Substring] { (1...count).map { Substring(line($0)!) } }
}
