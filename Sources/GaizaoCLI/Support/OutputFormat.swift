import ArgumentParser
import Foundation
import GaizaoCore

/// Output formats of a proposal.
public enum OutputFormat: String, CaseIterable, Sendable {
    case md, html, json, pdf

    /// What `diagnose` and `batch` write when `--format` is not given.
    public static let defaultList = "md,html,json"

    /// Parses `md,html,json`; an unknown name is a usage error.
    public static func parseList(_ text: String) throws -> [OutputFormat] {
        var out: [OutputFormat] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !part.isEmpty {
            let name = part == "markdown" ? "md" : part
            guard let f = OutputFormat(rawValue: name) else {
                throw ValidationError("unknown format `\(part)`; formats: \(allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !out.contains(f) { out.append(f) }
        }
        if out.isEmpty { throw ValidationError("--format needs at least one of: \(allCases.map(\.rawValue).joined(separator: ", "))") }
        return out
    }
}

/// A file name safe on every file system, derived from user input: no separators, no `..`, no control
/// characters, bounded length. CJK stays readable.
public enum SafeFileName {
    public static func from(_ text: String, fallback: String = "proposal") -> String {
        var out = ""
        for s in text.unicodeScalars {
            if s.value < 0x20 || s.value == 0x7F || "/\\:*?\"<>|".unicodeScalars.contains(s) || s.properties.isWhitespace {
                if !out.hasSuffix("_") { out.append("_") }
            } else {
                out.unicodeScalars.append(s)
            }
        }
        while out.hasPrefix(".") || out.hasPrefix("_") || out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix(".") || out.hasSuffix("_") { out.removeLast() }
        if out.utf8.count > 120 {
            var cut = ""
            for ch in out where cut.utf8.count + String(ch).utf8.count <= 120 { cut.append(ch) }
            out = cut
        }
        return out.isEmpty ? fallback : out
    }
}
