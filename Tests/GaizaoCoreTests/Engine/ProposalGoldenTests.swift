import Foundation
@testable import GaizaoCore
import Testing

/// Golden files pin the proposal JSON of every shipped example. Re-record with GAIZAO_RECORD=1 swift test.
@Suite struct ProposalGoldenTests {
    static let goldenDir = Shipped.root.appendingPathComponent("Tests/GaizaoCoreTests/Golden")

    @Test(arguments: Shipped.exampleNames)
    func proposalJSONMatchesGolden(_ name: String) throws {
        let out = try Engine(catalog: Shipped.catalog).run(Shipped.example(name))
        let actual = out.proposal.jsonText()
        let path = Self.goldenDir.appendingPathComponent(name.replacingOccurrences(of: ".yaml", with: ".json")).path
        if ProcessInfo.processInfo.environment["GAIZAO_RECORD"] == "1" {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(try? String(contentsOfFile: path, encoding: .utf8), "missing golden \(path); run GAIZAO_RECORD=1 swift test")
        if actual != expected { Issue.record(Comment(rawValue: GoldenDiff.firstDifference(expected, actual))) }
    }

    @Test func sameInputGivesSameBytes() throws {
        for name in Shipped.exampleNames {
            let a = try Engine(catalog: Shipped.catalog).run(Shipped.example(name)).proposal.jsonText()
            let b = try Engine(catalog: Shipped.catalog).run(Shipped.example(name)).proposal.jsonText()
            #expect(a == b)
        }
    }

    @Test func jsonRoundTrips() throws {
        let p = try Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-midsize.yaml")).proposal
        #expect(try Proposal.decode(json: p.jsonText()) == p)
    }
}

/// A readable account of where two texts first differ.
enum GoldenDiff {
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : nil) != (i < a.count ? a[i] : nil) {
            let from = max(0, i - 2)
            let context = (from..<i).map { "  \(e[$0])" }.joined(separator: "\n")
            return "first difference at line \(i + 1):\n\(context)\n- \(i < e.count ? String(e[i]) : "<end>")\n+ \(i < a.count ? String(a[i]) : "<end>")\n(re-record with GAIZAO_RECORD=1 if the change is intended)"
        }
        return "texts are equal"
    }
}
