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

    // MARK: Yearly fees

    /// A contractor whose MES is cheap to build but costs 30–40 万元 a year (a subscription) has the lowest net cost,
    /// yet over three years it is the dearer offer. The comparison shows the yearly fees and the three-year cost of
    /// ownership, ranks by the latter, and gives the cheap-to-build offer no "lowest".
    @Test func yearlyFeesDecideTheCheapestOfferOverThreeYears() throws {
        let saas = try Self.catalog("catalog-saas") { folder in
            try """
            id: saas-c
            industry: home-appliance
            example: false
            name: {zh: 丙云总包商, en: "Contractor C (SaaS)"}
            modules:
              ha-s-mes:
                cost_model: {driver: ha_lines, base: [1, 2], per_unit: [1, 2], min_units: 1, max_units: 12, yearly: [30, 40]}
            """.write(toFile: folder + "/overlays/saas-c.yaml", atomically: true, encoding: .utf8)
        }
        let engine = Engine(catalog: saas)
        let ref = try Self.proposal(engine: engine), c = try Self.proposal(contractor: "saas-c", engine: engine)
        let refFees = try #require(ref.totals.yearlyFees), cFees = try #require(c.totals.yearlyFees)
        // The premise: C is cheaper to build, dearer to run, and dearer over three years.
        #expect(c.totals.netCost.highYuan < ref.totals.netCost.highYuan)
        #expect(c.totals.netCost.highYuan + 3 * cFees.highYuan > ref.totals.netCost.highYuan + 3 * refFees.highYuan)
        let comparison = try Self.compare([("ref", ref), ("C", c)])
        #expect(comparison.rankedColumns == [0, 1])

        let zh = Self.md(comparison), en = Self.md(comparison, .en)
        let format = RenderFormat.of(.zh)
        let feesRow = try #require(Self.row(zh, "每年运维及订阅费用"))
        #expect(feesRow.contains(format.money(refFees)) && feesRow.contains(format.money(cFees)), "\(feesRow)")
        let threeYears = try #require(Self.row(zh, "三年总拥有成本（估算）"))
        let refTotal = Proposal.YuanRange(lowYuan: ref.totals.netCost.lowYuan + 3 * refFees.lowYuan, highYuan: ref.totals.netCost.highYuan + 3 * refFees.highYuan)
        #expect(threeYears.contains("**\(format.money(refTotal))**（最低）"))
        // The net cost row does not crown the offer that is dearer over three years.
        let netRow = try #require(Self.row(zh, "企业净投入"))
        #expect(!netRow.contains("最低"))
        #expect(!(try #require(Self.row(zh, "每提升一级净投入"))).contains("最低"))
        // How the estimate is made, and why the net cost is not ranked.
        #expect(zh.contains("企业净投入 + 3 × 每年运维及订阅费用"))
        #expect(zh.contains("各方案的年费不同：C 的一次性投入较低，但计入年费后三年总拥有成本更高"))
        #expect(en.contains("| Yearly operations and subscription fees |"))
        #expect(en.contains("net cost + 3 × yearly fees"))
        #expect(en.contains("The proposals' yearly fees differ: C costs less to build but more over three years"))

        let entries = try Self.entries(comparison)
        let badges = entries.map { $0["badges"] as? [String] ?? [] }
        #expect(!badges[1].contains("lowest_net_cost") && !badges[1].contains("lowest_net_cost_per_level"))
        #expect(badges[0].contains("lowest_three_year_cost"))
        #expect((entries[1]["yearlyFees"] as? [String: Int]) == ["lowYuan": cFees.lowYuan, "highYuan": cFees.highYuan])
        #expect((entries[0]["threeYearCost"] as? [String: Int]) == ["lowYuan": refTotal.lowYuan, "highYuan": refTotal.highYuan])
        #expect(try Self.json(comparison)["schema"] as? String == "gaizao.comparison/4")
    }

    /// A proposal that does not state its yearly fees (written before they were recorded): no three-year cost for
    /// it, and the net cost keeps its "lowest", saying plainly that yearly fees are not counted.
    @Test func unstatedYearlyFeesLeaveTheRankingOnNetCostAndSaySo() throws {
        let a = try Self.proposal(contractor: "example-ha-contractor-a")
        var b = try Self.proposal(contractor: "example-ha-contractor-b")
        b.totals.yearlyFees = nil
        b.benefits = nil
        let c = try Self.compare([("A", a), ("B", b)])
        let zh = Self.md(c), en = Self.md(c, .en)
        #expect(try #require(Self.row(zh, "每年运维及订阅费用")).contains("未注明"))
        #expect(try #require(Self.row(zh, "企业净投入")).contains("最低"))
        #expect(!(try #require(Self.row(zh, "三年总拥有成本（估算）"))).contains("最低"))
        #expect(zh.contains("“最低”按一次性的企业净投入评出，未计年费"))
        #expect(en.contains("\"lowest\" is awarded on the one-off net cost, without yearly fees"))
        let entries = try Self.entries(c)
        #expect(entries[1]["yearlyFees"] == nil && entries[1]["threeYearCost"] == nil)
        #expect(entries.allSatisfy { !($0["badges"] as? [String] ?? []).contains("lowest_three_year_cost") })
    }
}
