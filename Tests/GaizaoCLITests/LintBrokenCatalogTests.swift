import Foundation
import Testing

/// `gaizao lint` on copies of the shipped catalogs with one thing broken: the exact line is reported, the exit
/// code is 1, and nothing crashes.
@Suite struct LintBrokenCatalogTests {
    /// A fresh copy of the shipped catalogs in a temporary folder, removed by `remove()`.
    struct CatalogCopy {
        let root: URL

        init() throws {
            root = TestScratch.url("lint")
            try FileManager.default.copyItem(at: GaizaoBinary.shippedCatalogs, to: root)
        }

        func lines(_ relative: String) throws -> [String] {
            try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8).components(separatedBy: "\n")
        }

        func write(_ relative: String, lines: [String]) throws {
            try lines.joined(separator: "\n").write(to: root.appendingPathComponent(relative), atomically: true, encoding: .utf8)
        }

        func write(_ relative: String, data: Data) throws {
            try data.write(to: root.appendingPathComponent(relative))
        }

        /// Runs `gaizao lint .` inside the copy, so paths print as `./industries/…`.
        func lint() throws -> GaizaoBinary.Run { try GaizaoBinary.run(["lint", "."], in: root) }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// Exit 1 by `exit`, not by a signal, and no crash report in the output.
    func expectCleanFailure(_ run: GaizaoBinary.Run, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!run.crashed, "killed by a signal", sourceLocation: sourceLocation)
        #expect(run.status == 1, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
        for marker in ["Fatal error", "Stack dump", "Backtrace", "Current stack trace", "💣"] {
            #expect(!run.stderr.contains(marker) && !run.stdout.contains(marker), "crash output: \(marker)", sourceLocation: sourceLocation)
        }
        #expect(run.stdout.hasPrefix("lint FAILED: "), sourceLocation: sourceLocation)
    }

    @Test func unclosedListInRulesIsReportedAtItsLine() throws {
        let copy = try CatalogCopy()
        defer { copy.remove() }
        let file = "industries/auto-parts/rules.yaml"
        var lines = try copy.lines(file)
        // Break the rules file just after the first rule's `reason:` block starts.
        let anchor = try #require(lines.firstIndex { $0.hasPrefix("    reason:") })
        lines.insert("  bad: [unclosed", at: anchor + 1)
        try copy.write(file, lines: lines)
        let brokenLine = anchor + 2  // 1-based line of the inserted text

        let run = try copy.lint()
        expectCleanFailure(run)
        let diagnostics = run.stderr.split(separator: "\n").filter { $0.hasPrefix("./") }.map(String.init)
        #expect(diagnostics == [
            "./\(file):\(brokenLine):3: error: YAML syntax: while parsing a block collection did not find expected '-' indicator",
        ])
        #expect(run.stderr.contains("\n      bad: [unclosed\n      ^\n"))
        #expect(run.stdout.contains(": 1 error(s), 0 warning(s); "))
    }

    @Test func durationThatIsNotANumberIsReportedAtItsColumn() throws {
        let copy = try CatalogCopy()
        defer { copy.remove() }
        let file = "industries/auto-parts/modules.yaml"
        var lines = try copy.lines(file)
        let index = try #require(lines.firstIndex(of: "    duration_weeks: 8"))
        lines[index] = "    duration_weeks: eight"
        try copy.write(file, lines: lines)

        let run = try copy.lint()
        expectCleanFailure(run)
        #expect(run.stderr.hasPrefix("./\(file):\(index + 1):21: error: `duration_weeks` must be a number, found `eight`\n"))
        #expect(run.stdout.contains(": 1 error(s), 0 warning(s); auto-parts 6+11 modules"))
    }

    @Test func binaryJunkInAYAMLFileIsALocatedError() throws {
        let copy = try CatalogCopy()
        defer { copy.remove() }
        // Invalid UTF-8 after a few valid characters.
        try copy.write("policies.yaml", data: Data("id: x\nname: ".utf8) + Data([0xC3, 0x28, 0xFF, 0xFE, 0x00, 0x9F]))
        let run = try copy.lint()
        expectCleanFailure(run)
        #expect(run.stderr == "./policies.yaml:2:7: error: not valid UTF-8 text (save the file as UTF-8)\n")
        #expect(run.stdout.contains(": 1 error(s), 0 warning(s); no industry loaded"))
    }

    @Test func binaryFileWithValidUTF8ButNULsIsALocatedError() throws {
        let copy = try CatalogCopy()
        defer { copy.remove() }
        try copy.write("industries/home-appliance/modules.yaml", data: Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]))
        let run = try copy.lint()
        expectCleanFailure(run)
        #expect(run.stderr.hasPrefix("./industries/home-appliance/modules.yaml:1:8: error: file holds a NUL byte: not a text file\n"))
        // The snippet shows control characters as U+FFFD, never raw.
        #expect(!run.stderr.contains("\u{0}"))
    }

    @Test func emptyFolderIsAClearError() throws {
        let empty = TestScratch.url("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let run = try GaizaoBinary.run(["lint", "."], in: empty)
        expectCleanFailure(run)
        #expect(run.stderr == "error: missing catalog file catalog.yaml in .\n")
        #expect(run.stdout == "lint FAILED: .: 1 error(s), 0 warning(s); no industry loaded\n")
    }

    @Test func missingFolderIsAClearError() throws {
        let run = try GaizaoBinary.run(["lint", "/nonexistent/gaizao-catalog"])
        #expect(!run.crashed)
        #expect(run.status == 1)
        #expect(run.stderr == "error: catalog folder given as the argument does not exist: /nonexistent/gaizao-catalog\n")
    }

    @Test func strictFailsOnWarnings() throws {
        let copy = try CatalogCopy()
        defer { copy.remove() }
        let file = "industries/auto-parts/modules.yaml"
        var lines = try copy.lines(file)
        let index = try #require(lines.firstIndex(of: "    duration_weeks: 8"))
        lines[index] = "    duration_week: 8"
        try copy.write(file, lines: lines)

        let relaxed = try copy.lint()
        // The misspelt key is a warning and the real key is then missing: an error.
        #expect(relaxed.status == 1)
        #expect(relaxed.stderr.contains("./\(file):\(index + 1):5: warning: unknown key `duration_week` in module (did you mean `duration_weeks`?)"))

        var warningOnly = try copy.lines(file)
        warningOnly[index] = "    duration_weeks: 8\n    colour: blue"
        try copy.write(file, lines: warningOnly)
        let lax = try copy.lint()
        #expect(lax.status == 0, "stderr: \(lax.stderr)")
        #expect(lax.stdout.hasPrefix("lint ok: .: 0 error(s), 1 warning(s); "))
        let strict = try GaizaoBinary.run(["lint", "--strict", "."], in: copy.root)
        #expect(strict.status == 1)
        #expect(strict.stdout.hasPrefix("lint FAILED: .: 0 error(s), 1 warning(s); "))
    }
}
