import ArgumentParser
import Foundation
import GaizaoCore

/// Help in the message language: ArgumentParser's help, laid out without wrapping, each text translated
/// (`CLIText.helpText`), ArgumentParser's own "(default: …)" dropped where the text already names the default,
/// then wrapped to the terminal by display width (CJK characters take two cells).
enum HelpPrinter {
    /// The command `arguments` ask help for, or nil when they ask for something else. Handles `gaizao`,
    /// `gaizao -h|--help`, `gaizao help [COMMAND]` and `gaizao COMMAND … -h|--help`.
    static func target(_ arguments: [String]) -> ParsableCommand.Type? {
        let subcommands = GaizaoCommand.configuration.subcommands
        func named(_ name: String) -> ParsableCommand.Type? { subcommands.first { $0._commandName == name } }
        guard let first = arguments.first else { return GaizaoCommand.self }
        if first == "help" {
            guard arguments.count > 1 else { return GaizaoCommand.self }
            return named(arguments[1])
        }
        let beforeTerminator = arguments.prefix { $0 != "--" }
        guard beforeTerminator.contains("-h") || beforeTerminator.contains("--help") else { return nil }
        if first.hasPrefix("-") { return GaizaoCommand.self }
        return named(first)
    }

    static func text(for command: ParsableCommand.Type, lang: Lang, width: Int) -> String {
        let raw = GaizaoCommand.helpMessage(for: command, columns: 100_000)
        var out: [String] = []
        var inList = false
        for line in raw.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.isEmpty { out.append(""); continue }
            if let header = headers.first(where: { line.hasPrefix($0.en) }) {
                let rest = String(line.dropFirst(header.en.count))
                inList = rest.isEmpty
                let label = lang == .zh ? header.zh : header.en
                if header.en == "USAGE:" {
                    out += TextWrap.wrap(rest.trimmingCharacters(in: .whitespaces), width: width, firstPrefix: label + (lang == .zh ? "" : " "), prefix: "  ")
                } else if rest.isEmpty {
                    out.append(label)
                } else {
                    let text = CLIText.helpText(rest.trimmingCharacters(in: .whitespaces), lang: lang)
                    out += TextWrap.wrap(text, width: width, firstPrefix: label + (lang == .zh ? "" : " "), prefix: "")
                }
                continue
            }
            if line.hasPrefix("  See '") {
                let command = line.components(separatedBy: "'").dropFirst().first ?? ""
                out.append(lang == .zh ? "  详见 '\(command)'。" : line)
                continue
            }
            let column = 26
            if inList && line.hasPrefix(String(repeating: " ", count: column)) {
                out += TextWrap.wrap(option(String(line.dropFirst(column)), lang: lang), width: width,
                                     firstPrefix: String(repeating: " ", count: column), prefix: String(repeating: " ", count: column))
            } else if inList && line.count > column && Array(line)[column - 1] == " " {
                let label = String(line.prefix(column))
                out += TextWrap.wrap(option(String(line.dropFirst(column)), lang: lang), width: width,
                                     firstPrefix: label, prefix: String(repeating: " ", count: column))
            } else if inList {
                out.append(line)
            } else {
                out += TextWrap.wrap(CLIText.helpText(line.trimmingCharacters(in: .whitespaces), lang: lang), width: width)
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n")
    }

    static let headers: [(en: String, zh: String)] = [
        ("OVERVIEW:", "概述："), ("USAGE:", "用法："), ("ARGUMENTS:", "参数："), ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "子命令："), ("COMMANDS:", "命令："),
    ]

    /// One option's help: the text translated, and ArgumentParser's `(values: …; default: …)` suffix kept only
    /// for what the text does not already say.
    static func option(_ text: String, lang: Lang) -> String {
        var base = text
        var values: String?
        var defaultValue: String?
        if let open = text.range(of: " (", options: .backwards), text.hasSuffix(")") {
            let inner = String(text[open.upperBound..<text.index(before: text.endIndex)])
            let parts = inner.components(separatedBy: "; ")
            if parts.allSatisfy({ $0.hasPrefix("values: ") || $0.hasPrefix("default: ") }) {
                base = String(text[..<open.lowerBound])
                for part in parts {
                    if part.hasPrefix("values: ") { values = String(part.dropFirst(8)) }
                    if part.hasPrefix("default: ") { defaultValue = String(part.dropFirst(9)) }
                }
            }
        }
        let mentionsDefault = base.contains("default")
        if mentionsDefault { defaultValue = nil }
        var out = CLIText.helpText(base, lang: lang)
        var suffix: [String] = []
        if let values { suffix.append(lang == .zh ? "可选：\(values)" : "values: \(values)") }
        if let defaultValue { suffix.append(lang == .zh ? "默认：\(defaultValue)" : "default: \(defaultValue)") }
        if !suffix.isEmpty {
            out += lang == .zh ? "（\(suffix.joined(separator: "；"))）" : " (\(suffix.joined(separator: "; ")))"
        }
        return out
    }

    /// The terminal's width for help text (80 when standard output is not a terminal), at most 100.
    static func width() -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 {
            return min(Int(size.ws_col), 100)
        }
        return 80
    }
}

/// "did you mean" for a mistyped command: the closest command name by edit distance, when it is close.
enum Suggestion {
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let (best, d) = scored, d <= max(2, best.count / 3) else {
            return candidates.first { $0.hasPrefix(word.lowercased()) && word.count >= 2 }
        }
        return best
    }
}

/// Corrections to the command line before ArgumentParser reads it.
enum CommandLineFixes {
    /// `--budget -5` → `--budget=-5`: a negative number is a value, not an option (ArgumentParser would say
    /// "Missing value"), so the command's own range check can say what is wrong.
    static func negativeValues(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { out += arguments[i...]; break }
            if a.hasPrefix("--"), !a.contains("="), i + 1 < arguments.count,
               arguments[i + 1].range(of: #"^-[0-9.]"#, options: .regularExpression) != nil {
                out.append(a + "=" + arguments[i + 1])
                i += 2
                continue
            }
            out.append(a)
            i += 1
        }
        return out
    }

    /// The message for a first argument that names no command (`gaizao diagnos x.yaml`), with the closest
    /// command when one is close; nil when the first argument is a command or an option.
    static func unknownCommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help" else { return nil }
        let names = GaizaoCommand.configuration.subcommands.map { $0._commandName }
        guard !names.contains(first) else { return nil }
        let hint = Suggestion.closest(to: first, among: names).map { "unknown command '\(first)'; did you mean '\($0)'?" }
            ?? "unknown command '\(first)'; the commands are: \(names.joined(separator: ", "))"
        return "error: \(hint)\n  See 'gaizao --help' for more information."
    }
}
