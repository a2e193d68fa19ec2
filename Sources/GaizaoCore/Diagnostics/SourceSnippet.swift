/// Renders the offending line with a caret under the column, measured in display cells so the
/// caret stays right under Chinese text (two cells per ideograph).
public enum SourceSnippet {
    /// - Parameters:
    ///   - text: the whole file.
    ///   - location: 1-based line and column; the column counts Unicode scalars (as libyaml does).
    public static func render(_ text: String, at location: SourceLocation) -> String? {
        guard location.line >= 1 else { return nil }
        var current = 1
        var lineText: Substring?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == location.line { lineText = line; break }
            current += 1
        }
        guard var line = lineText else { return nil }
        if line.hasSuffix("\r") { line = line.dropLast() }
        let scalars = Array(line.unicodeScalars)
        let prefixCount = min(max(location.column - 1, 0), scalars.count)
        let tabsExpanded = scalars.map { $0 == "\t" ? " " : String($0) }.joined()
        let caretOffset = scalars[0..<prefixCount].reduce(0) { $0 + ($1 == "\t" ? 1 : DisplayWidth.of($1)) }
        let shown = tabsExpanded.count > 300 ? String(tabsExpanded.prefix(300)) + "…" : tabsExpanded
        return "    " + shown + "\n    " + String(repeating: " ", count: caretOffset) + "^"
    }
}
