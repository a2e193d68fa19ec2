import Foundation
import Testing

/// Golden-file comparison: `GAIZAO_RECORD=1 swift test` rewrites the expected files; otherwise a mismatch
/// fails with the first differing line and a few lines of context on either side.
enum GoldenFile {
    static let folder = RenderFixtures.root + "/Tests/GaizaoCLITests/Golden"
    static var recording: Bool { ProcessInfo.processInfo.environment["GAIZAO_RECORD"] == "1" }

    static func check(_ actual: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = folder + "/" + name
        if recording {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data(actual.utf8))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("missing golden file \(name); record it with GAIZAO_RECORD=1 swift test", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if let diff = firstDifference(expected: expected, actual: actual) {
            Issue.record("\(name) differs from its golden file (GAIZAO_RECORD=1 to re-record):\n\(diff)", sourceLocation: sourceLocation)
        }
    }

    /// A readable report of the first differing line, or nil when equal.
    static func firstDifference(expected: String, actual: String, context: Int = 3) -> String? {
        if expected == actual { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var i = 0
        while i < min(e.count, a.count), e[i] == a[i] { i += 1 }
        var out = ""
        for j in max(0, i - context)..<i { out += "   \(j + 1)  \(e[j])\n" }
        out += "-  \(i + 1)  \(i < e.count ? String(e[i]) : "<end of file>")\n"
        out += "+  \(i + 1)  \(i < a.count ? String(a[i]) : "<end of file>")\n"
        for j in (i + 1)..<min(i + 1 + context, a.count) { out += "   \(j + 1)  \(a[j])\n" }
        out += "(expected \(e.count) lines, got \(a.count))"
        return out
    }
}
