import Foundation
import Testing
@testable import GaizaoCore

/// A catalog held in memory for lint tests: the minimal lint-clean catalog of `Fixtures/minimal-catalog`,
/// with one file replaced or edited per test. Paths are relative to the catalog root and are what
/// diagnostics print, so expected strings read `industries/widgets/modules.yaml:15:21: error: …`.
struct CatalogFixture {
    static let catalogYAML = "catalog.yaml"
    static let maturityYAML = "maturity-model.yaml"
    static let policiesYAML = "policies.yaml"
    static let questionnaireYAML = "questionnaire.yaml"
    static let industryYAML = "industries/widgets/industry.yaml"
    static let questionsYAML = "industries/widgets/questions.yaml"
    static let modulesYAML = "industries/widgets/modules.yaml"
    static let rulesYAML = "industries/widgets/rules.yaml"
    static let overlayYAML = "overlays/example.yaml"

    var texts: [String: String]

    /// The lint-clean starting point every bad fixture edits.
    static let minimal = CatalogFixture(texts: readFolder(fixturesRoot.appendingPathComponent("minimal-catalog")))

    static var fixturesRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// Every file below `root`, keyed by its path relative to `root`.
    static func readFolder(_ root: URL) -> [String: String] {
        var texts: [String: String] = [:]
        let base = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
        while let relative = enumerator.nextObject() as? String {
            let path = base + "/" + relative
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
                  let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { continue }
            texts[relative] = text
        }
        return texts
    }

    /// The fixture with `file` holding `text` (or removed when `text` is nil).
    func with(_ file: String, _ text: String?) -> CatalogFixture {
        var copy = self
        copy.texts[file] = text
        return copy
    }

    /// The fixture with the one occurrence of `old` in `file` replaced by `new`; records an issue when
    /// `old` is not there exactly once, so a stale edit cannot silently test the clean catalog.
    func replacing(_ file: String, _ old: String, with new: String,
                   sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CatalogFixture {
        guard let text = texts[file] else {
            Issue.record("no fixture file \(file)", sourceLocation: sourceLocation)
            return self
        }
        let count = text.components(separatedBy: old).count - 1
        guard count == 1 else {
            Issue.record("`\(old)` occurs \(count) times in \(file), expected once", sourceLocation: sourceLocation)
            return self
        }
        return with(file, text.replacingOccurrences(of: old, with: new))
    }

    /// The fixture with `lines` inserted after line `line` (1-based) of `file`.
    func inserting(_ lines: String, in file: String, afterLine line: Int) -> CatalogFixture {
        var all = (texts[file] ?? "").components(separatedBy: "\n")
        all.insert(lines, at: min(line, all.count))
        return with(file, all.joined(separator: "\n"))
    }

    var files: CatalogFiles {
        CatalogFiles(files: texts.reduce(into: [:]) { $0[$1.key] = SourceFile(path: $1.key, text: $1.value) })
    }

    func load() -> CatalogLoader.Result { CatalogLoader.load(files) }

    /// Every diagnostic as `file:line:col: severity: message`, sorted by position.
    func lint() -> [String] { load().diagnostics.sorted.map(\.description) }
}
