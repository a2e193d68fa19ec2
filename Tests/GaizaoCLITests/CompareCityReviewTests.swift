import Foundation
import Testing
@testable import GaizaoCLI
@testable import GaizaoCore

/// What a city reviewer found misleading in comparisons: a "lowest" offer that is dearer over three years once its
/// yearly fees are counted, a "cheapest offer" that comes from a different answer rather than a different
/// contractor, a changed catalog reported as the same pricing, and "points went from 34.55 to 34.55".
/// The documents and comparison.json are checked as a reviewer and a tool read them.
@Suite struct CompareCityReviewTests {
    static let engine = Engine(catalog: RenderFixtures.catalog)

    static func compare(_ inputs: [(String, Proposal)], mode: ProposalComparison.Mode? = nil) throws -> ProposalComparison {
        try ProposalComparator.compare(inputs.map { (label: $0.0, source: $0.0 + ".json", proposal: $0.1) },
                                       mode: mode, targets: inputs.map { StatedTarget(of: $0.1) })
    }

    static func md(_ c: ProposalComparison, _ lang: Lang = .zh) -> String { CompareFixtures.renderer.markdown(c, lang: lang) }

    /// comparison.json as a tool reads it.
    static func json(_ c: ProposalComparison) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(ComparisonJSON(c).jsonText().utf8)) as? [String: Any])
    }

    static func entries(_ c: ProposalComparison) throws -> [[String: Any]] {
        try #require(try json(c)["proposals"] as? [[String: Any]])
    }

    /// The Markdown table row whose first cell is `name`.
    static func row(_ md: String, _ name: String) -> String? {
        md.split(separator: "\n").first { $0.hasPrefix("| \(name) |") }.map(String.init)
    }

    /// A copy of the shipped catalog in a scratch folder, changed by `edit` (given the folder), loaded.
    static func catalog(_ name: String, _ edit: (String) throws -> Void) throws -> Catalog {
        let folder = try TestScratch.folder(name).path
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.copyItem(atPath: RenderFixtures.root + "/catalogs", toPath: folder)
        try edit(folder)
        return try #require(CatalogLoader.load(try FileIO.catalogFiles(at: folder, displayPrefix: name)).catalog)
    }

    /// The home-appliance enterprise at target level 3 (modules with yearly fees), as `diagnose --target-level 3`.
    static func proposal(_ sheet: AnswerSheet? = nil, contractor: String? = nil, engine: Engine = engine) throws -> Proposal {
        try engine.run(sheet ?? RenderFixtures.sheet("home-appliance-midsize"), contractor: contractor, target: .level(3)).proposal
    }

    // MARK: Unchanged points

    /// The same answers diagnosed again months later: the points did not change, and the headline says so.
    @Test func unchangedPointsAreSaidToBeUnchanged() throws {
        let sheet = try RenderFixtures.sheet("home-appliance-midsize")
        var later = sheet
        later.date = "2027-06-01"
        let c = try Self.compare([("then", try Self.proposal(sheet)), ("now", try Self.proposal(later))])
        #expect(c.mode == .beforeAfter)
        let zh = Self.md(c), en = Self.md(c, .en)
        #expect(zh.contains("**现状等级保持一级，得分不变（34.55 分）。**"))
        #expect(!zh.contains("得分由 34.55 分变为 34.55 分"))
        #expect(en.contains("**The level stays at level 1; points unchanged at 34.55.**"))
        #expect(!en.contains("points went from 34.55 to 34.55"))
    }
}
