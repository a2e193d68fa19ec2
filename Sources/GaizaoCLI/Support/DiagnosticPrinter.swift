import Foundation
import GaizaoCore

/// Prints diagnostics as `path:line:col: error: message` with a caret snippet; colour only on a TTY
/// and never with NO_COLOR.
public struct DiagnosticPrinter {
    var sources: [String: String]
    let colour: Bool

    public init(sources: [String: String] = [:], colour: Bool = Terminal.colourEnabled(fd: 2)) {
        self.sources = sources
        self.colour = colour
    }

    public mutating func add(_ file: SourceFile) { sources[file.path] = file.text }

    public func format(_ d: Diagnostic) -> String {
        let severity = d.severity.rawValue
        let tag = colour ? (d.severity == .error ? "\u{1B}[1;31m\(severity)\u{1B}[0m" : "\u{1B}[1;33m\(severity)\u{1B}[0m") : severity
        var line = d.location.map { "\($0): \(tag): \(d.message)" } ?? "\(tag): \(d.message)"
        if let loc = d.location, let text = sources[loc.file], let snippet = SourceSnippet.render(text, at: loc) {
            line += "\n" + snippet
        }
        return line
    }

    public func print(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { Console.err(format(d)) }
    }
}

public enum Console {
    /// A message for the user, in the message language (`CLIText`).
    public static func err(_ text: String) {
        FileHandle.standardError.write(Data((CLIText.localized(text) + "\n").utf8))
    }

    public static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

public enum Terminal {
    public static func colourEnabled(fd: Int32) -> Bool {
        if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(fd) != 0
    }
}
