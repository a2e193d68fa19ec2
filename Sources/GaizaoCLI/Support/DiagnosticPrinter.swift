import Foundation
import GaizaoCore

/// Prints diagnostics as `path:line:col: error: message` (`path:line:col：错误：说明` in Chinese) with a caret snippet; colour only on a TTY
/// and never with NO_COLOR.
public struct DiagnosticPrinter {
    var sources: [String: String]
    let colour: Bool
    /// The language of the frame and the messages.
    let lang: Lang
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

    public init(sources: [String: String] = [:], colour: Bool = Terminal.colourEnabled(fd: 2), lang: Lang = CLILanguage.current) {
        self.sources = sources
        self.colour = colour
        self.lang = lang
    }

    public mutating func add(_ file: SourceFile) {
        sources[file.path] = file.text
        lineIndex.files[file.path] = nil
    }

    public func format(_ d: Diagnostic) -> String {
        // The frame and the message in the message language (`CLIText`): `path:line:col: error: message` as
        // compilers write it in English, `path:line:col：错误：说明` in Chinese, as batch prints its errors. A
        // message without a Chinese form keeps the English frame: a line is never half translated. The message
        // and the snippet quote the input: its control characters are shown, not obeyed.
        let translated = CLIText.localized(d.message, lang: lang)
        let chinese = lang == .zh && translated != d.message
        let severity = chinese ? (d.severity == .error ? "错误" : "警告") : d.severity.rawValue
        let tag = colour ? (d.severity == .error ? "\u{1B}[1;31m\(severity)\u{1B}[0m" : "\u{1B}[1;33m\(severity)\u{1B}[0m") : severity
        let separator = chinese ? "：" : ": "
        let message = ControlCharacters.visible(translated)
        var line = d.location.map { "\(ControlCharacters.visible($0.description))\(separator)\(tag)\(separator)\(message)" }
            ?? "\(tag)\(separator)\(message)"
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
        writeOut(Data((ControlCharacters.visible(text) + "\n").utf8))
    }

    /// A line already made safe by its caller (a diagnostic whose only escapes are its own colours).
    static func errVerbatim(_ text: String) {
        writeErr(Data((text + "\n").utf8))
    }

    /// Writes `data` to standard output. Foundation's `FileHandle.write(_:)` traps when the write fails (`gaizao
    /// diagnose a.yaml -o - > file` on a full disk crashed with a backtrace): a failed write is said on standard
    /// error and ends the run with exit 1; whatever reached the output is incomplete, and says so.
    static func writeOut(_ data: Data) {
        do {
            try FileHandle.standardOutput.write(contentsOf: data)
        } catch {
            err("error: stdout: cannot write (\(FileIO.reason(error))); the output is incomplete")
            exit(1)
        }
    }

    /// Writes `data` to standard error; a failed write there cannot be reported, and is not a crash.
    static func writeErr(_ data: Data) {
        try? FileHandle.standardError.write(contentsOf: data)
    }
}

public enum Terminal {
    public static func colourEnabled(fd: Int32) -> Bool {
        if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(fd) != 0
    }
}
