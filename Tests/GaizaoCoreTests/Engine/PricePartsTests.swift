import Testing
@testable import GaizaoCore

/// Price parts (cost-model `parts`): a module's price follows the products tailored to the plant. A part is priced
/// in where its `when` is not false, named in the price basis and listed in the proposal's `costParts`.
@Suite struct PricePartsTests {
    /// Every option of the auto-parts processes question: a plant running every process.
    static let allProcesses: [String] = {
        let industry = Shipped.catalog.industry("auto-parts")!
        return Shipped.catalog.questionnaire(for: industry)["ap_processes"]!.options.map(\.id)
    }()

    func mould(_ sheet: AnswerSheet, catalog: Catalog = Shipped.catalog, contractor: String? = nil) throws -> (ModuleDecision, Proposal.ModuleEntry) {
        let out = try Engine(catalog: catalog).run(sheet, contractor: contractor, target: .none)
        let decision = try #require(out.plan.decision("ap-p-mould"))
        let entry = try #require(out.proposal.modules.first { $0.id == "ap-p-mould" })
        return (decision, entry)
    }

    @Test func aStampingOnlyPlantPaysLessForToolingThanOneRunningEveryProcess() throws {
        let stamping = Shipped.example("auto-parts-small-workshop.yaml")
        #expect(stamping.answers["ap_processes"] == .options(["stamping", "welding"]))
        var every = stamping
        every.answers["ap_processes"] = .options(Self.allProcesses)
        let (few, _) = try mould(stamping)
        let (all, _) = try mould(every)
        #expect(few.referenceCost.low < all.referenceCost.low)
        #expect(few.referenceCost.high < all.referenceCost.high)
        // Every part priced in: what the module cost before it had parts (base 2–4 万元 + 60 moulds × 0.01–0.03).
        #expect(all.referenceCost == CostRange(low: 26_000, high: 58_000))
        // Stamping only: the common base, the counters and the press-tonnage monitors.
        #expect(few.referenceCost == CostRange(low: 8_000 + 6_000 + 3_000 + 4_000, high: 15_000 + 18_000 + 6_000 + 8_000))
    }

    @Test func thePriceBasisNamesThePartsPricedIn() throws {
        let (_, entry) = try mould(Shipped.example("auto-parts-small-workshop.yaml"))
        let basis = try #require(entry.costBasis)
        #expect(basis.zh.hasSuffix("；含：冲次和模次计数采集器 0.3–0.6 万元、冲床吨位监测仪 0.4–0.8 万元"), "\(basis.zh)")
        #expect(basis.en.hasSuffix("; including stroke and shot counters CNY 3,000–6,000, press tonnage monitors CNY 4,000–8,000"), "\(basis.en)")
        #expect(!basis.zh.contains("热处理") && !basis.zh.contains("压铸"))
        let parts = try #require(entry.costParts)
        #expect(parts.map(\.name.zh) == ["冲次和模次计数采集器", "冲床吨位监测仪"])
        #expect(parts.map(\.cost) == [.init(lowYuan: 3_000, highYuan: 6_000), .init(lowYuan: 4_000, highYuan: 8_000)])
        #expect(parts.allSatisfy { $0.unanswered == nil })
        // A module without parts has none in the proposal.
        let out = try Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-small-workshop.yaml"), target: .none)
        #expect(out.proposal.modules.first { $0.id == "ap-s-mes" }?.costParts == nil)
    }

    /// An unanswered process prices every part in, as every product is offered, and the basis says which parts
    /// are priced in for lack of an answer.
    @Test func anUnansweredConditionPricesThePartInAndSaysSo() throws {
        let model = Shipped.catalog.costModel
        let entry = try #require(model.entry("ap-p-mould"))
        #expect(entry.parts.count == 4)
        let unanswered = try #require(model.price(entry) { $0 == "ap_mould_count" ? .number(60) : nil })
        #expect(unanswered.parts.count == 4)
        #expect(unanswered.parts.allSatisfy { $0.unanswered })
        #expect(unanswered.oneOff == CostRange(low: 26_000, high: 58_000))
        let basis = try #require(unanswered.basis)
        #expect(basis.zh.contains("冲床吨位监测仪 0.4–0.8 万元（相关问题未答，暂计入）"), "\(basis.zh)")
        #expect(basis.en.contains("press tonnage monitors CNY 4,000–8,000 (priced in until its question is answered)"), "\(basis.en)")
        // The driver unanswered: the size band prices the whole module, parts and all.
        #expect(model.price(entry) { $0 == "ap_processes" ? .options(["stamping"]) : nil } == nil)
    }

    /// The reviewers' appendix lists the parts priced in for each module of the package (not the module cards: the
    /// main body stays within 14 A4 pages), and marks one priced in for lack of an answer.
    @Test func theReviewersAppendixListsThePartsPricedIn() throws {
        let stamping = Shipped.example("auto-parts-small-workshop.yaml")
        // The rules-only package holds the mould module (the target planner reaches level 2 without it).
        let out = try Engine(catalog: Shipped.catalog).run(stamping, target: .none)
        let zh = Shipped.renderer.markdown(out.proposal, lang: .zh)
        let appendixZh = try #require(zh.components(separatedBy: "### 按本厂情况计价的部分").dropFirst().first)
        #expect(appendixZh.contains("- **模具寿命与关键工艺参数监控**：冲次和模次计数采集器 0.3–0.6 万元、冲床吨位监测仪 0.4–0.8 万元\n"), "\(appendixZh)")
        #expect(zh.components(separatedBy: "附录").first?.contains("冲床吨位监测仪 0.4–0.8 万元") == false, "the main body names the part prices")
        let en = Shipped.renderer.markdown(out.proposal, lang: .en)
        #expect(en.contains("- **Tooling life and key process-parameter monitoring**: Stroke and shot counters CNY 3,000–6,000; Press tonnage monitors CNY 4,000–8,000\n"), "\(en)")
        // The hazards not answered: every safety part priced in, each marked on the card and in the basis.
        var unanswered = Shipped.example("auto-parts-midsize.yaml")
        unanswered.answers["ap_hazards"] = nil
        let loose = try Engine(catalog: Shipped.catalog).run(unanswered)
        let safety = try #require(loose.proposal.modules.first { $0.id == "ap-p-safety" })
        #expect(safety.costParts?.count == 4)
        #expect(safety.costParts?.allSatisfy { $0.unanswered == true } == true)
        #expect(safety.costBasis?.zh.contains("危化品库可燃和有毒气体探测器 0.5–1 万元（相关问题未答，暂计入）") == true, "\(safety.costBasis?.zh ?? "")")
        // As before parts: base 4–8 万元 + 150 employees × 0.02–0.06.
        #expect(safety.referenceCost == .init(lowYuan: 70_000, highYuan: 170_000))
        if safety.status.isSelected {
            #expect(Shipped.renderer.markdown(loose.proposal, lang: .zh).contains("危化品库可燃和有毒气体探测器 0.5–1 万元（相关问题未答，暂计入）、"))
        }
    }

    @Test func anOverlayEntryReplacesTheParts() throws {
        let path = "overlays/example-ap-contractor-a.yaml"
        var files = Shipped.files.files
        let overlay = try #require(files[path])
        let old = "  ap-p-mould:\n    cost: {micro: [2, 4], small: [3, 8], medium: [6, 16]}\n"
        try #require(overlay.text.contains(old))
        files[path]?.text = overlay.text.replacingOccurrences(of: old, with: """
              ap-p-mould:
                cost_model:
                  driver: ap_moulds
                  base: [1, 2]
                  per_unit: [0.01, 0.02]
                  parts:
                    - {name: {zh: 伺服冲床吨位监测（示例）, en: servo press tonnage monitoring (example)}, when: 'ap_processes contains "stamping"', base: [1, 1.5]}

            """)
        let result = CatalogLoader.load(CatalogFiles(files: files))
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.errors)")
        let catalog = try #require(result.catalog)
        let (decision, entry) = try mould(Shipped.example("auto-parts-small-workshop.yaml"), catalog: catalog, contractor: "example-ap-contractor-a")
        // 1–2 万元 + 60 × 0.01–0.02 + the overlay's one part; none of the catalog's parts.
        #expect(decision.referenceCost == CostRange(low: 10_000 + 6_000 + 10_000, high: 20_000 + 12_000 + 15_000))
        #expect(entry.costParts?.map(\.name.zh) == ["伺服冲床吨位监测（示例）"])
        #expect(entry.costBasis?.zh.hasSuffix("；含：伺服冲床吨位监测（示例） 1–1.5 万元") == true, "\(entry.costBasis?.zh ?? "")")
    }

    /// The package search prices a module with the parts the enterprise needs (the decision's cost it sums).
    @Test func thePackageSearchUsesThePriceWithParts() throws {
        let sheet = Shipped.example("auto-parts-small-workshop.yaml")
        let out = try Engine(catalog: Shipped.catalog).run(sheet)
        let chosen = try #require(out.plan.decision("ap-p-energy"))
        try #require(chosen.status.isSelected)
        // 1.4–2.8 万元 + 15 machines (60% of 25 employees) × 0.05–0.15, and the compressor station's meters 0.3–0.6.
        #expect(chosen.cost == CostRange(low: 24_500, high: 56_500))
        let entry = out.proposal.modules.first { $0.id == "ap-p-energy" }
        #expect(entry?.cost == .init(lowYuan: 24_500, highYuan: 56_500))
        #expect(entry?.costParts?.map(\.name.zh) == ["空压站电表与流量计"])
    }
}

/// Lint of price parts: conditions checked like products' `when`, figures bounded like the other cost figures,
/// each problem located.
@Suite struct PricePartsLintTests {
    typealias F = CatalogFixture
    static let costModelYAML = "cost-model.yaml"

    /// The stamping product of `w-p-vision` that lists what the tests' stamping part prices.
    static let stampingProduct = "      - {zh: 冲压件检测治具, en: Stamping fixture, when: 'processes contains \"stamping\"'}\n"

    /// The minimal catalog with a cost model whose `w-p-vision` has one part (line 8), `part` as given, and the
    /// module's products with `product` added (a product with the stamping part's condition by default).
    func withPart(_ part: String, product: String? = Self.stampingProduct) -> CatalogFixture {
        let vision = "      - {zh: 视觉检测工作站, en: Vision station}\n"
        return F.minimal.replacing(F.modulesYAML, vision, with: vision + (product ?? "")).with(Self.costModelYAML, """
            drivers: []
            modules:
              w-s-mes: {base: [2, 4]}
              w-p-edi: {base: [1, 2]}
              w-p-vision:
                base: [3, 6]
                parts:
            \(part)

            """)
    }

    @Test func aWellFormedPartIsCleanAndRead() throws {
        let fixture = withPart("      - {name: {zh: 冲压件检测治具, en: stamping fixture}, when: 'processes contains \"stamping\"', base: [0.5, 1]}")
        #expect(fixture.lint() == [])
        let entry = try #require(fixture.load().catalog?.costModel.entry("w-p-vision"))
        #expect(entry.parts.map(\.name.en) == ["stamping fixture"])
        #expect(entry.parts.first?.base == CostRange(low: 5_000, high: 10_000))
    }

    @Test func anUnknownQuestionInAPartIsALocatedError() {
        // The condition starts at column 60, one past the quote.
        #expect(withPart("      - {name: {zh: 冲压件检测治具, en: stamping fixture}, when: 'procesess contains \"stamping\"', base: [0.5, 1]}").lint() == [
            "cost-model.yaml:8:60: error: `when` of price part 1 of the cost model of `w-p-vision`: unknown question `procesess`",
        ])
    }

    @Test func anUnknownOptionAndAConditionThatDoesNotParseAreLocated() {
        #expect(withPart("      - {name: {zh: 冲压件检测治具, en: stamping fixture}, when: 'processes contains \"welding\"', base: [0.5, 1]}").lint() == [
            "cost-model.yaml:8:79: error: `when` of price part 1 of the cost model of `w-p-vision`: question `processes` has no option \"welding\"; options: machining, stamping",
        ])
        #expect(withPart("      - {name: {zh: 冲压件检测治具, en: stamping fixture}, when: 'processes contains', base: [0.5, 1]}").lint() == [
            "cost-model.yaml:8:78: error: condition does not parse: expected a value, found end of condition",
        ])
    }

    @Test func aPartThatNeverOrAlwaysAppliesIsWarned() {
        #expect(withPart("      - {name: {zh: 冲压件检测治具, en: stamping fixture}, when: 'processes contains \"stamping\" and not (processes contains \"stamping\")', base: [0.5, 1]}").lint() == [
            "cost-model.yaml:8:60: warning: `when` of price part 1 of the cost model of `w-p-vision` can never be true: no answers make `processes contains \"stamping\" and not (processes contains \"stamping\")` true, so the part is priced only while its questions are unanswered",
        ])
        #expect(withPart("      - {name: {zh: 冲压件检测治具, en: stamping fixture}, when: 'processes contains \"stamping\" or not (processes contains \"stamping\")', base: [0.5, 1]}").lint() == [
            "cost-model.yaml:8:60: warning: `when` of price part 1 of the cost model of `w-p-vision` is never false: no answers make `processes contains \"stamping\" or not (processes contains \"stamping\")` false, so every enterprise pays it; add it to `base`",
        ])
    }

    /// A part the module's products do not list under the same condition: the proposal would price equipment it
    /// does not name (or name it without its price). Only a product with an equivalent `when` lists a part.
    @Test func aPartNoProductListsIsWarnedAtItsCondition() {
        let part = "      - {name: {zh: 冲压件检测治具, en: stamping fixture}, when: 'processes contains \"stamping\"', base: [0.5, 1]}"
        let warning = "cost-model.yaml:8:60: warning: price part 1 of the cost model of `w-p-vision` (`processes contains \"stamping\"`) has no product of module `w-p-vision` with the same `when`: a proposal would price it without listing it; give the module such a product"
        #expect(withPart(part, product: nil).lint() == [warning])
        // A product under a wider condition lists it for plants that do not pay for it: not the same.
        let wider = "      - {zh: 治具, en: Fixture, when: 'processes contains \"stamping\" or processes contains \"machining\"'}\n"
        #expect(withPart(part, product: wider).lint() == [warning])
        // The same condition written another way is the same.
        let same = "      - {zh: 治具, en: Fixture, when: 'not (not (processes contains \"stamping\"))'}\n"
        #expect(withPart(part, product: same).lint() == [])
    }

    /// An overlay's own entry: its parts are checked against the overlay industry's questionnaire.
    @Test func anOverlayPartIsChecked() {
        let fixture = withPart("      - {name: {zh: 冲压件检测治具, en: stamping fixture}, when: 'processes contains \"stamping\"', base: [0.5, 1]}")
            .with(F.overlayYAML, """
                id: example
                industry: widgets
                example: true
                name: {zh: 示例总包商, en: Example contractor}
                modules:
                  w-p-vision:
                    cost_model:
                      base: [2, 5]
                      parts:
                        - {name: {zh: 治具, en: fixture}, when: 'procesess contains \"stamping\"', base: [1, 2]}

                """)
        #expect(fixture.lint() == [
            "overlays/example.yaml:10:48: error: `when` of price part 1 of the cost model of `w-p-vision` in overlay `example`: unknown question `procesess`",
        ])
    }

    @Test func badPartsAreLocatedErrorsNeverACrash() {
        #expect(withPart("      - {name: {zh: 冲压件检测治具, en: stamping fixture}, when: 'processes contains \"stamping\"', base: [99999999, 99999999]}").lint() == [
            "cost-model.yaml:8:99: error: `base` is out of range: at most 1000000 万元, found `99999999`",
            "cost-model.yaml:8:109: error: `base` is out of range: at most 1000000 万元, found `99999999`",
        ])
        let missing = withPart("      - {name: {zh: 冲压件检测治具, en: stamping fixture}, base: [0.5, 1]}").lint()
        #expect(missing == ["cost-model.yaml:8:9: error: missing required key `when` in a price part of `w-p-vision`"], "\(missing)")
        let reversed = withPart("      - {name: {zh: 冲压件检测治具, en: stamping fixture}, when: 'processes contains \"stamping\"', base: [1, 0.5]}").lint()
        #expect(reversed.count == 1 && reversed.first?.contains("`base` is reversed") == true, "\(reversed)")
        let notAList = F.minimal.with(Self.costModelYAML, "drivers: []\nmodules:\n  w-s-mes: {base: [2, 4]}\n  w-p-edi: {base: [1, 2]}\n  w-p-vision: {base: [3, 6], parts: 7}\n").lint()
        #expect(notAList.count == 1 && notAList.first?.hasPrefix("cost-model.yaml:5:") == true, "\(notAList)")
    }
}
