import Yams

/// libyaml counts a line break where an editor shows none: besides LF, CRLF and a lone CR (`SourceLines`, as
/// editors break lines), at NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029), as YAML 1.1
/// says. A file holding one of these had every later problem reported at a line its editor does not have (a NEL
/// in a value put the error of the next line two lines lower, past the file's end). These positions turn
/// libyaml's line and column into the editor's. Built only for a text that holds one of the three (a scan of its
/// bytes finds none in nearly every file); a mark maps in constant time.
struct EditorPositions: Sendable {
    /// For each of libyaml's lines (index 0 is line 1), the editor's line it is on and the editor's column of its
    /// first character less one.
    private let lineStarts: [(line: Int, columnOffset: Int)]
    /// The first of the breaks only libyaml counts, where the editor shows it.
    let firstBreak: (scalar: Unicode.Scalar, line: Int, column: Int)

    /// Nil when `text` holds none of the breaks only libyaml counts: its marks are the editor's already.
    init?(_ text: String) {
        guard Self.holdsYAMLOnlyBreak(text) else { return nil }
        var starts = [(line: 1, columnOffset: 0)]
        var line = 1, column = 0  // the editor's line, and the characters before this point on it
        var previousCR = false
        var first: (scalar: Unicode.Scalar, line: Int, column: Int)?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                // The LF of a CRLF ends nothing more: the CR already broke the line, for libyaml and editors.
                if !previousCR {
                    line += 1; column = 0
                    starts.append((line, 0))
                }
            case "\r":
                line += 1; column = 0
                starts.append((line, 0))
            case "\u{85}", "\u{2028}", "\u{2029}":
                // A line break to libyaml only: the editor's line goes on, the break a character on it.
                if first == nil { first = (scalar, line, column + 1) }
                column += 1
                starts.append((line, column))
            default:
                column += 1
            }
            previousCR = scalar == "\r"
        }
        guard let first else { return nil }
        lineStarts = starts
        firstBreak = first
    }

    /// The editor's line and column of libyaml's 1-based `line` and `column`.
    func position(line: Int, column: Int) -> (line: Int, column: Int) {
        guard line >= 1, line <= lineStarts.count else { return (line, column) }
        let start = lineStarts[line - 1]
        return (start.line, start.columnOffset + column)
    }

    func location(of mark: Mark?, in file: String) -> SourceLocation {
        let at = position(line: mark?.line ?? 1, column: mark?.column ?? 1)
        return SourceLocation(file: file, line: at.line, column: at.column)
    }

    /// Whether `text` holds NEL (C2 85), LS (E2 80 A8) or PS (E2 80 A9): a pass over its bytes for the lead bytes
    /// C2 and E2, which the compiler vectorises, then a look at the few places they are.
    static func holdsYAMLOnlyBreak(_ text: String) -> Bool {
        let bytes = text.utf8.span
        var leads = 0
        for k in bytes.indices { leads &+= bytes[k] == 0xC2 || bytes[k] == 0xE2 ? 1 : 0 }
        guard leads > 0 else { return false }
        return text.unicodeScalars.contains { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }
}
