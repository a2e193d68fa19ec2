import Foundation
import GaizaoCore

/// Prints diagnostics as `path:line:col: error: message` with a caret snippet; colour only on a TTY
/// and never with NO_COLOR.
public struct DiagnosticPrinter {
    var sources: [String: String]
    let colour: Bool
    /// Each file's lines, indexed on first use (a file may have thousands of diagnostics).
    private let lineIndex = LineIndexCache()

    final class LineIndexCache {
        var files: [String: SourceLines] = [:]
        func lines(_ file: String, _ text: String) -> SourceLines {
            if let known = files[file] { return known }
            let lines = SourceLines(text)
            files[file] = lines
            return lines
        }
    }

    public init(sources: [String: String] = [:], colour: Bool = Terminal.colourEnabled(fd: 2)) {
        self.sources = sources
        self.colour = colour
    }

    public mutating func add(_ file: SourceFile) {
        sources[file.path] = file.text
        lineIndex.files[file.path] = nil
    }

    public func format(_ d: Diagnostic) -> String {
        let severity = d.severity.rawValue
        let tag = colour ? (d.severity == .error ? "\u{1B}[1;31m\(severity)\u{1B}[0m" : "\u{1B}[1;33m\(severity)\u{1B}[0m") : severity
        // The message in the message language (`CLIText`; the `path:line:col: error:` frame stays as compilers
        // write it, for editors). The message and the snippet quote the input: its control characters are shown,
        // not obeyed.
        let message = ControlCharacters.visible(CLIText.localized(d.message))
        var line = d.location.map { "\(ControlCharacters.visible($0.description)): \(tag): \(message)" } ?? "\(tag): \(message)"
        if let loc = d.location, let text = sources[loc.file], let snippet = SourceSnippet.render(lineIndex.lines(loc.file, text), at: loc) {
            line += "\n" + ControlCharacters.visible(snippet)
        }
        return line
    }

    public func print(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { Console.errVerbatim(format(d)) }
    }
}

/// Every line gaizao prints: control characters from the input (ESC, BEL, C1 CSI, NUL) are written in visible
/// escaped form (`\u{1B}`), on a terminal or not, so that no answer can drive the terminal that shows it.
public enum Console {
    /// A message for the user, in the message language (`CLIText`).
    public static func err(_ text: String) {
        errVerbatim(ControlCharacters.visible(CLIText.localized(text)))
    }

    public static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((ControlCharacters.visible(text) + "\n").utf8))
    }

    /// A line already made safe by its caller (a diagnostic whose only escapes are its own colours).
    static func errVerbatim(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

public enum Terminal {
    public static func colourEnabled(fd: Int32) -> Bool {
        if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(fd) != 0
    }
}
