import Foundation
import Testing
@testable import GaizaoCLI
@testable import GaizaoCore

/// Proposals of one enterprise that differ in target, budget or pricing, compared for a reviewer: the comparison
/// says what is compared, shows every subsidy tier, flags modules whose products differ, and ranks nothing a
/// package wins by buying points that do not change its level.
@Suite struct CompareOptionsReviewTests {
    static let engine = Engine(catalog: RenderFixtures.catalog)

    static func proposal(target: TargetLevel = .automatic, budget: Int? = nil, contractor: String? = nil) throws -> Proposal {
        try engine.run(RenderFixtures.sheet("auto-parts-midsize"), budgetYuan: budget, contractor: contractor, target: target).proposal
    }

    /// As `gaizao compare` does: each proposal's own stated target.
    static func compare(_ inputs: [(String, Proposal)]) throws -> ProposalComparison {
        try ProposalComparator.compare(inputs.map { (label: $0.0, source: $0.0 + ".json", proposal: $0.1) },
                                       targets: inputs.map { StatedTarget(of: $0.1) })
    }

    static func md(_ c: ProposalComparison, _ lang: Lang = .zh) -> String { CompareFixtures.renderer.markdown(c, lang: lang) }

    /// Three reference-price proposals with different targets and one contractor's are options, not several
    /// contractors: the mode says what differs, and the overview shows each column's pricing.
    @Test func theModeSaysWhatIsCompared() throws {
        let t1 = try Self.proposal(target: .level(1)), t3 = try Self.proposal(target: .level(3)), none = try Self.proposal(target: .none)
        let a = try Self.proposal(contractor: "example-ap-contractor-a")
        let c = try Self.compare([("t1", t1), ("t3", t3), ("tn", none), ("A", a)])
        #expect(c.differsIn == ["pricing", "target"] && !c.severalContractors)
        let zh = Self.md(c), en = Self.md(c, .en)
        #expect(!zh.contains("多家总包商方案比较"))
        #expect(zh.contains("- **比较方式**：方案比选（总包商与定价、目标等级不同）"))
        #expect(en.contains("options compared (contractor and pricing, target level differ)"))
        #expect(zh.contains("| 总包商与定价 | 未指定（参考目录价格） | 未指定（参考目录价格） | 未指定（参考目录价格） | 示例总包商甲（示例） |"))
        #expect(ComparisonJSON(c).differsIn == ["pricing", "target"])

        // One pricing, different budgets.
        let budgets = try Self.compare([("any", try Self.proposal()), ("b40", try Self.proposal(budget: 400_000))])
        #expect(Self.md(budgets).contains("- **比较方式**：方案比选（预算不同）"))
        #expect(!Self.md(budgets).contains("| 总包商与定价 |"))

        // Two contractors with the same target and budget are still rival contractors.
        let ha = try RenderFixtures.sheet("home-appliance-midsize")
        let rivals = try Self.compare([("A", try Self.engine.run(ha, contractor: "example-ha-contractor-a").proposal),
                                       ("B", try Self.engine.run(ha, contractor: "example-ha-contractor-b").proposal)])
        #expect(rivals.severalContractors)
        #expect(Self.md(rivals).contains("- **比较方式**：多家总包商方案比较"))
        #expect(Self.md(rivals, .en).contains("proposals of several contractors"))
    }

    /// A proposal whose subsidy is all pending shows the pending amount beside the qualified 0, as the proposal does.
    @Test func theConditionalSubsidyIsShownBesideTheQualifiedOne() throws {
        let t1 = try Self.proposal(target: .level(1)), t3 = try Self.proposal(target: .level(3))
        let pending = try #require(t1.totals.subsidy.conditional)
        #expect(t1.totals.subsidy.highYuan == 0 && pending.highYuan > 0)
        let c = try Self.compare([("t1", t1), ("t3", t3)])
        let zh = Self.md(c), en = Self.md(c, .en)
        #expect(zh.contains("| 可申请补助（估算） | 0 万元（另有待定 6.27–14.81 万元，未计入净投入） |"))
        #expect(en.contains("(plus CNY 62,700–148,100 conditional; not in the net cost)"))
        let entry = ComparisonJSON(c).proposals[0]
        #expect(entry.subsidy.highYuan == 0 && entry.subsidyConditional == Proposal.YuanRange(lowYuan: 62_700, highYuan: 148_100))
    }

    /// Contractor A's EDI module lists other products than the reference one: the overview flags the module,
    /// and the "lowest" it wins says so beside the badge.
    @Test func differentProductsUnderOneModuleAreFlagged() throws {
        let ref = try Self.proposal(), a = try Self.proposal(contractor: "example-ap-contractor-a")
        let c = try Self.compare([("ref", ref), ("A", a)])
        #expect(c.rankedColumns == [0, 1])
        #expect(c.productsDiffer[1].contains("ap-p-edi") && c.productsDiffer[0].contains("ap-p-edi"))
        // Only chosen modules are listed (the overlay gives the mould module products too).
        #expect(!c.productsDiffer[1].contains("ap-p-mould"))
        let zh = Self.md(c), en = Self.md(c, .en)
        let edi = try #require(c.modules.first { $0.moduleID == "ap-p-edi" }).name.zh
        let scopeRow = try #require(zh.split(separator: "\n").first { $0.hasPrefix("| 与其他方案同选但所报产品不同的模块 |") })
        #expect(scopeRow.contains("⚠"))
        // The row names at most three modules; the rest are counted. The EDI module is in the offers below.
        let names = c.productsDiffer[1].map { id in c.modules.first { $0.moduleID == id }!.name.zh }
        #expect(scopeRow.contains(names.count > 3 ? names.prefix(3).joined(separator: "、") + "等 \(names.count) 项" : names.joined(separator: "、")))
        let ediOffer = try #require(zh.split(separator: "\n").last { $0.hasPrefix("| \(edi) |") })
        #expect(ediOffer.contains("产品 "))
        #expect(zh.contains("（最低 · ⚠ 部分模块所报产品不同）"))
        #expect(en.contains("(lowest · ⚠ some modules' products differ)"))
        #expect(ComparisonJSON(c).proposals[1].productsDiffer.contains("ap-p-edi"))

        // Same products: no row, no caveat.
        let same = try Self.compare([("A", a), ("A2", try Self.proposal(budget: 5_000_000, contractor: "example-ap-contractor-a"))])
        #expect(same.productsDiffer.allSatisfy { $0.isEmpty })
        #expect(!Self.md(same).contains("与其他方案同选但所报产品不同的模块"))
    }

    /// A 500 万元 budget buys points beyond level 3: per point it looks cheapest while costing more. The per-point
    /// figure is not ranked; net cost per level gained is, and goes to the cheaper package.
    @Test func perPointIsNotRankedAcrossPackages() throws {
        let open = try Self.proposal(), big = try Self.proposal(budget: 5_000_000), small = try Self.proposal(budget: 400_000)
        let c = try Self.compare([("any", open), ("b40", small), ("b500", big)])
        #expect(c.rankedColumns == [0, 2])
        #expect(c.summary[0].levelAfter == c.summary[2].levelAfter)
        let bigPerPoint = try #require(c.summary[2].netCostPerPoint), openPerPoint = try #require(c.summary[0].netCostPerPoint)
        #expect(bigPerPoint.high < openPerPoint.high && c.summary[2].netCost.high > c.summary[0].netCost.high)
        let json = ComparisonJSON(c)
        #expect(!json.proposals.contains { $0.badges.contains("lowest_net_cost_per_point") })
        #expect(json.proposals[0].badges.contains("lowest_net_cost_per_level"))
        #expect(!json.proposals[2].badges.contains("lowest_net_cost_per_level"))
        let zh = Self.md(c)
        let perPointRow = try #require(zh.split(separator: "\n").first { $0.hasPrefix("| 每提升 1 分净投入") })
        #expect(!perPointRow.contains("最低"))
        let perLevelRow = try #require(zh.split(separator: "\n").first { $0.hasPrefix("| 每提升一级净投入") })
        #expect(perLevelRow.contains("（最低）"))
        #expect(zh.contains("仅供参考、不评最低"))
        #expect(Self.md(c, .en).contains("for reference only and not ranked"))
    }

    /// Two real contractors offer other products for nearly every module: the overview row names three modules
    /// and counts the rest; each offer says how many products it lists and the first two that differ; the JSON
    /// keeps the full lists.
    @Test func differingProductsAreSaidBriefly() throws {
        let ha = try RenderFixtures.sheet("home-appliance-midsize")
        let a = try Self.engine.run(ha, contractor: "example-ha-contractor-a", target: .none).proposal
        let b = try Self.engine.run(ha, contractor: "example-ha-contractor-b", target: .none).proposal
        let c = try Self.compare([("A", a), ("B", b)])
        let ids = c.productsDiffer[0]
        #expect(ids.count > 3)
        let zhNames = ids.map { id in c.modules.first { $0.moduleID == id }!.name.zh }
        let enNames = ids.map { id in c.modules.first { $0.moduleID == id }!.name.en }
        let zh = Self.md(c), en = Self.md(c, .en)
        let short = "⚠ " + zhNames.prefix(3).joined(separator: "、") + "等 \(ids.count) 项"
        #expect(zh.contains("| 与其他方案同选但所报产品不同的模块 | \(short) | \(short) |"))
        #expect(en.contains("⚠ " + enNames.prefix(3).joined(separator: "; ") + " and \(ids.count - 3) more |"))
        #expect(!zh.contains(zhNames[3] + "、" + zhNames[4]))
        // One product each, differing: said in full.
        #expect(zh.contains("9–22 万元 · 9 周；产品 1 项，非各方案共有：「瑞辉小MES」 |"))
        #expect(en.contains("one product, missing from another proposal: Ruihui small MES |"))
        // Three products, all differing: two named, all counted.
        let network = try #require(b.modules.first { $0.id == "ha-s-network" }?.products)
        #expect(network.count == 3)
        #expect(zh.contains("产品 3 项，均非各方案共有：「\(network[0].zh)」、「\(network[1].zh)」等 3 项 |"))
        #expect(en.contains("products (3), each missing from another proposal: \(network[0].en); \(network[1].en) and 1 more |"))
        #expect(!zh.contains("；产品：") && !zh.contains(network[2].zh))
        // The JSON has every product of each such module, and which differ.
        let entry = ComparisonJSON(c).proposals[1]
        #expect(entry.productDifferences.map(\.module) == entry.productsDiffer)
        let net = try #require(entry.productDifferences.first { $0.module == "ha-s-network" })
        #expect(net.products == network && net.differing == network)
    }

    /// One proposal lists all of another's products and one more: the one with more names the extra product,
    /// the other says the others list all of its products and more; a chosen module with no products says so.
    @Test func aSupersetOfProductsIsSaidAsSuch() throws {
        let ha = try RenderFixtures.sheet("home-appliance-midsize")
        let a = try Self.engine.run(ha, contractor: "example-ha-contractor-a", target: .none).proposal
        var more = a, none = a
        let i = try #require(a.modules.firstIndex { $0.id == "ha-s-mes" && $0.status.isSelected })
        let extra = Localized(zh: "额外的看板大屏", en: "an extra dashboard screen")
        more.modules[i].products.append(extra)
        none.modules[i].products = []
        let c = try Self.compare([("A", a), ("M", more)])
        #expect(c.productsDiffer == [["ha-s-mes"], ["ha-s-mes"]])
        #expect(c.productDifferences[0] == [.init(moduleID: "ha-s-mes", products: a.modules[i].products, differing: [])])
        #expect(c.productDifferences[1][0].differing == [extra])
        let zh = Self.md(c), en = Self.md(c, .en)
        let n = a.modules[i].products.count
        #expect(zh.contains("产品 \(n) 项，各方案均有列出，但其他方案另有产品 |"))
        #expect(zh.contains("产品 \(n + 1) 项，其中 1 项非各方案共有：「额外的看板大屏」 |"))
        #expect(en.contains("products (\(n + 1)), 1 missing from another proposal: an extra dashboard screen |"))
        #expect(Self.md(try Self.compare([("A", a), ("N", none)])).contains("未列出产品 |"))
    }
}
