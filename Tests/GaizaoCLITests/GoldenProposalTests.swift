import Foundation
import Testing
@testable import GaizaoCLI
import GaizaoCore

/// Golden files pin the Markdown and HTML of every shipped example in both languages.
@Suite struct GoldenProposalTests {
    static let cases: [(String, Lang)] = RenderFixtures.examples.flatMap { e in Lang.allCases.map { (e, $0) } }

    @Test("six shipped examples are pinned") func examplesExist() {
        #expect(RenderFixtures.examples.count == 6)
    }

    @Test(arguments: cases) func markdownMatchesGolden(example: String, lang: Lang) throws {
        let proposal = try RenderFixtures.proposal(example)
        GoldenFile.check(RenderFixtures.renderer.markdown(proposal, lang: lang), name: "\(example).\(lang.rawValue).md")
    }

    @Test(arguments: cases) func htmlMatchesGolden(example: String, lang: Lang) throws {
        let proposal = try RenderFixtures.proposal(example)
        GoldenFile.check(RenderFixtures.renderer.html(proposal, lang: lang), name: "\(example).\(lang.rawValue).html")
    }

    @Test(arguments: Lang.allCases) func contractorOverlayMatchesGolden(lang: Lang) throws {
        let proposal = try RenderFixtures.proposal("auto-parts-midsize", contractor: "example-ap-contractor-a")
        let renderer = RenderFixtures.renderer
        GoldenFile.check(renderer.markdown(proposal, lang: lang), name: "auto-parts-midsize.example-ap-contractor-a.\(lang.rawValue).md")
        GoldenFile.check(renderer.html(proposal, lang: lang), name: "auto-parts-midsize.example-ap-contractor-a.\(lang.rawValue).html")
    }

    @Test func diffReportShowsTheFirstDifferingLineWithContext() throws {
        let report = try #require(GoldenFile.firstDifference(expected: "a\nb\nc\nd\ne", actual: "a\nb\nX\nd\ne"))
        #expect(report.contains("-  3  c"))
        #expect(report.contains("+  3  X"))
        #expect(report.contains("   2  b"))
        #expect(report.contains("   4  d"))
        #expect(GoldenFile.firstDifference(expected: "same", actual: "same") == nil)
    }

    @Test func renderingIsDeterministic() throws {
        let proposal = try RenderFixtures.proposal("home-appliance-midsize")
        let renderer = RenderFixtures.renderer
        #expect(renderer.html(proposal, lang: .zh) == renderer.html(proposal, lang: .zh))
        #expect(renderer.markdown(proposal, lang: .en) == renderer.markdown(proposal, lang: .en))
    }
}
