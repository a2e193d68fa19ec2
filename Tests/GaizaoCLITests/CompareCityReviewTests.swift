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
    // MARK: A changed catalog

    /// The same catalog id and version with another price: the content hash differs. That is not the same pricing:
    /// `catalog` is in differsIn, each column names its catalog's hash, and the mode says what differs.
    @Test func aChangedCatalogIsNotTheSamePricing() throws {
        let cheaper = try Self.catalog("catalog-price") { folder in
            let path = folder + "/cost-model.yaml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let edited = text.replacingOccurrences(of: "ha-s-mes:         {driver: ha_lines, base: [8, 15]",
                                                   with: "ha-s-mes:         {driver: ha_lines, base: [6, 12]")
            #expect(edited != text)
            try edited.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let ref = try Self.proposal(), changed = try Self.proposal(engine: Engine(catalog: cheaper))
        #expect(ref.catalog.version == changed.catalog.version && ref.catalog.hash != changed.catalog.hash)
        let c = try Self.compare([("ref", ref), ("changed", changed)])
        #expect(try #require(try Self.json(c)["differsIn"] as? [String]) == ["catalog"])
        let zh = Self.md(c), en = Self.md(c, .en)
        #expect(!zh.contains("总包商与定价、目标等级和预算相同"))
        #expect(zh.contains("- **比较方式**：方案比选（目录不同）"))
        #expect(en.contains("options compared (catalogs differ)"))
        // Each column's catalog with the start of its hash (`#` escaped in Markdown), in the list of proposals.
        for p in [ref, changed] {
            #expect(zh.contains("| 2026-11-20 | gaizao-reference \(p.catalog.version) \\#\(p.catalog.hash.prefix(12)) |"))
        }
        #expect(zh.contains("版本号相同但哈希不同：ref \\#\(ref.catalog.hash.prefix(12))、changed \\#\(changed.catalog.hash.prefix(12))）"))
        let entries = try Self.entries(c)
        #expect(entries.compactMap { ($0["catalog"] as? [String: Any])?["hash"] as? String } == [ref.catalog.hash, changed.catalog.hash])

        // Two contractors on catalogs that differ are not rival offers on one basis either.
        let a = try Self.proposal(contractor: "example-ha-contractor-a"), b = try Self.proposal(contractor: "example-ha-contractor-b", engine: Engine(catalog: cheaper))
        let rivals = try Self.compare([("A", a), ("B", b)])
        #expect(!rivals.severalContractors)
        #expect(Self.md(rivals).contains("- **比较方式**：方案比选（总包商与定价、目录不同）"))
    }

    // MARK: Differing answers

    /// Contractor B's proposal was made with the pilot listed, contractor A's with it still pending: B's subsidy is
    /// certain and A's conditional. B's "lower net cost" comes from the answer, not the offer.
    @Test func aDifferingAnswerIsNotADifferentContractor() throws {
        let sheet = try RenderFixtures.sheet("home-appliance-midsize")
        var listed = sheet
        listed.answers["pilot_status"] = .option("listed")
        let a = try Self.proposal(sheet, contractor: "example-ha-contractor-a"), b = try Self.proposal(listed, contractor: "example-ha-contractor-b")
        let c = try Self.compare([("A", a), ("B", b)])
        #expect(!c.severalContractors)
        let differsIn = try #require(try Self.json(c)["differsIn"] as? [String])
        #expect(differsIn.contains("answers") && differsIn.contains("pricing"))
        let zh = Self.md(c), en = Self.md(c, .en)
        #expect(!zh.contains("多家总包商方案比较") && !en.contains("proposals of several contractors"))
        #expect(zh.contains("- **比较方式**：方案比选（总包商与定价、企业答卷不同）"))
        // The question is named where the reviewer reads first.
        let label = try #require(a.answers.first { $0.question == "pilot_status" }?.label)
        #expect(zh.contains("- 各方案依据的企业答卷不同（\(label.zh)）"))
        #expect(en.contains("rest on different answers (\(label.en))"))
        // The subsidy rests on that answer: neither net cost nor subsidy is ranked, and the reason says why.
        #expect(c.rankedColumns.isEmpty)
        #expect(!(try #require(Self.row(zh, "企业净投入"))).contains("最低"))
        #expect(zh.contains("补助所依据的答卷不同（\(label.zh)）"))
        let entries = try Self.entries(c)
        let codes = entries.map { ($0["reasons"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
        #expect(codes.allSatisfy { $0.contains("subsidy_answers_differ") })
        #expect(entries.allSatisfy { ($0["badges"] as? [String] ?? []).isEmpty })
        let answers = try #require(try Self.json(c)["answerDifferences"] as? [[String: Any]])
        #expect(answers.compactMap { $0["question"] as? String } == ["pilot_status"])

        // An answer the subsidies do not rest on: options, named, still ranked.
        var lines = sheet
        lines.answers["ha_assembly_lines"] = .number(3)
        let d = try Self.proposal(lines, contractor: "example-ha-contractor-b")
        let other = try Self.compare([("A", a), ("D", d)])
        #expect(!other.severalContractors && other.rankedColumns == [0, 1])
        #expect(try #require(try Self.json(other)["differsIn"] as? [String]).contains("answers"))
    }

    /// Answers that differ only in how they are written (the order of a multiple choice, spaces around a text) are
    /// the same answers.
    @Test func answersThatDifferOnlyInFormattingAreTheSame() throws {
        let a = try Self.proposal(contractor: "example-ha-contractor-a")
        var b = try Self.proposal(contractor: "example-ha-contractor-b")
        for i in b.answers.indices {
            switch b.answers[i].value {
            case let .list(items) where items.count > 1: b.answers[i].value = .list(items.reversed())
            case let .string(text) where b.answers[i].question == "main_products": b.answers[i].value = .string("  " + text + " ")
            default: break
            }
        }
        #expect(a.answers != b.answers)
        let c = try Self.compare([("A", a), ("B", b)])
        #expect(c.answerDifferences.isEmpty)
        #expect(c.severalContractors)
        #expect(try #require(try Self.json(c)["differsIn"] as? [String]) == ["pricing"])
        // Full-width forms and a number written as a text are formatting too; another option is not.
        #expect(ProposalComparator.answerKey(.string("ＡＢＣ　电器 ")) == ProposalComparator.answerKey(.string("ABC 电器")))
        #expect(ProposalComparator.answerKey(.string(" 3 ")) == ProposalComparator.answerKey(.number(3)))
        #expect(ProposalComparator.answerKey(.string("listed")) != ProposalComparator.answerKey(.string("applying")))
        #expect(ProposalComparator.answerKey(.list(["a", "b"])) != ProposalComparator.answerKey(.list(["a"])))
    }
}
