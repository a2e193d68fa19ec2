import Foundation
import Testing

/// A hostile sweep found catalogs that lint passed and that then made every run trap without a word (exit 132):
/// numbers such as `1e300` or `5000000000000000` in points, scores, weights, units, KPI changes, coefficients and
/// prices. Each is now a located lint error, so diagnose refuses the catalog with exit 1 and nothing written.
@Suite struct CatalogNumberBoundsTests {
    typealias Copy = LintBrokenCatalogTests.CatalogCopy

    /// One edit to a copy of the shipped catalogs: the first line of `file` that contains `find` gets it replaced.
    static let cases: [(file: String, find: String, replace: String, message: String)] = [
        ("cost-model.yaml", "min_units: 10, max_units: 400", "min_units: 1e300, max_units: 1e300", "`min_units` is out of range"),
        ("cost-model.yaml", "per_unit: [0.12, 0.25], min_units: 10, max_units: 400", "per_unit: [999999, 999999], min_units: 10000000, max_units: 10000000",
         "at `max_units`, more than the limit of 100000000 万元"),
        ("cost-model.yaml", "per_unit: [0.12, 0.25]", "per_unit: [99999999, 99999999]", "`per_unit` is out of range: at most 1000000 万元"),
        ("questionnaire.yaml", "points: 2", "points: 5000000000000000", "`points` is out of range"),
        ("maturity-model.yaml", "min_score: 80", "min_score: 1e300", "`min_score` is out of range"),
        ("industries/auto-parts/rules.yaml", "weight: 2", "weight: 1e300", "`weight` is out of range"),
        ("industries/auto-parts/modules.yaml", "change: [1, 3]", "change: [1e300, 1e300]", "low change is out of range"),
        ("industries/auto-parts/modules.yaml", "change: [1, 3]", "change: [1, 3000]", "`change` must lie between -1000 and 1000"),
        ("benefits.yaml", "value: 8.5", "value: 1e300", "`value` is out of range"),
        ("questionnaire.yaml", "max: 10000000", "max: 1e300", "`max` is out of range"),
    ]

    @Test(arguments: cases.indices)
    func aNumberBeyondItsBoundIsALintErrorAndNeverATrap(_ k: Int) throws {
        let c = Self.cases[k]
        let copy = try Copy()
        defer { copy.remove() }
        var lines = try copy.lines(c.file)
        let index = try #require(lines.firstIndex { $0.contains(c.find) }, "\(c.file) has no `\(c.find)`")
        lines[index] = lines[index].replacingOccurrences(of: c.find, with: c.replace)
        try copy.write(c.file, lines: lines)

        let lint = try copy.lint()
        #expect(!lint.crashed && lint.status == 1, "\(lint.stdout)\(lint.stderr)")
        #expect(lint.stderr.contains("./\(c.file):\(index + 1):") && lint.stderr.contains(c.message), "\(lint.stderr)")

        let out = copy.root.appendingPathComponent("out")
        let example = GaizaoBinary.repositoryRoot.appendingPathComponent("examples/auto-parts-midsize.yaml").path
        let run = try GaizaoBinary.run(["diagnose", example, "--catalog", copy.root.path, "-o", out.path])
        #expect(!run.crashed && run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains(c.message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// The planner searches packages as sets of at most 64 modules and measures: an industry with more is a lint
    /// error, not a package that silently leaves items out.
    @Test func anIndustryBeyondThePlannersCapacityIsALintError() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let file = "industries/auto-parts/modules.yaml"
        var lines = try copy.lines(file)
        // Copies of the last personalized module under new ids, enough to pass 64 items with the measures.
        let start = try #require(lines.lastIndex { $0.hasPrefix("  - id: ap-p-") })
        var end = start + 1
        while end < lines.count, !lines[end].hasPrefix("  - id: "), !lines[end].hasPrefix("#") { end += 1 }
        let block = Array(lines[start..<end])
        let id = block[0].replacingOccurrences(of: "  - id: ", with: "").trimmingCharacters(in: .whitespaces)
        for n in 0..<50 {
            lines.insert(contentsOf: block.map { $0.replacingOccurrences(of: id, with: "\(id)-copy\(n)") }, at: end)
        }
        try copy.write(file, lines: lines)
        let lint = try copy.lint()
        #expect(!lint.crashed && lint.status == 1)
        #expect(lint.stderr.contains("the planner handles at most 64 of them together"), "\(lint.stderr.suffix(2000))")
    }

    /// A number question without a range accepts any figure: lint warns (an error under --strict), naming the
    /// question and the missing bound, in Chinese too.
    @Test func aNumberQuestionWithoutARangeIsAWarning() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let file = "questionnaire.yaml"
        var lines = try copy.lines(file)
        let index = try #require(lines.firstIndex { $0.contains("max: 10000000") })
        lines[index] = lines[index].replacingOccurrences(of: ", max: 10000000", with: "").replacingOccurrences(of: "max: 10000000", with: "")
        try copy.write(file, lines: lines)
        let lint = try copy.lint()
        #expect(!lint.crashed && lint.status == 0, "\(lint.stderr)")
        #expect(lint.stderr.contains("number question `annual_revenue` has no `max`: any figure is accepted"), "\(lint.stderr)")
        let zh = try GaizaoBinary.run(["lint", "--strict", "--lang", "zh", copy.root.path])
        #expect(zh.status == 1 && zh.stderr.contains("数值题 `annual_revenue` 未设 `max`"), "\(zh.stderr)")
    }
}
