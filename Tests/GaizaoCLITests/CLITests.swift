import Foundation
import Testing

/// End-to-end checks of the built `gaizao` binary: exit codes and the lint summary on the shipped catalogs.
@Suite struct CLITests {
    @Test func helpExitsZero() throws {
        let run = try GaizaoBinary.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: gaizao"))
        #expect(run.stdout.contains("lint"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let run = try GaizaoBinary.run(["--no-such-option"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Unknown option '--no-such-option'"))
        #expect(!run.crashed)
    }

    @Test func lintOfShippedCatalogsIsClean() throws {
        let run = try GaizaoBinary.run(["lint", "--strict", GaizaoBinary.shippedCatalogs.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr == "")
        let summary = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasPrefix("lint ok: "))
        #expect(summary.contains(": 0 error(s), 0 warning(s); "))
        #expect(summary.contains("auto-parts 6+11 modules"))
        #expect(summary.contains("home-appliance 6+5 modules"))
    }
}
