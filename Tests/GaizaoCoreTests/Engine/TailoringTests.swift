import Testing
@testable import GaizaoCore

/// A proposal offers the products and summary sentences that fit the plant: the shipped tooling module quotes
/// die-casting and furnace hardware only to plants that die-cast or heat-treat.
@Suite struct TailoringTests {
    static let dieCasting = "压铸机工艺参数采集（每模存档）"
    static let furnace = "热处理炉温与碳势记录仪（CQI-9 批次记录）"
    static let tonnage = "冲床吨位监测仪"

    /// The small workshop (it stamps and welds) with `ap_processes` as given; rules-only, so the tooling module's
    /// rules decide whether it is in the package.
    func run(processes: [String]) throws -> Engine.Output {
        var sheet = Shipped.example("auto-parts-small-workshop.yaml")
        sheet.answers["ap_processes"] = .options(processes)
        return try Engine(catalog: Shipped.catalog).run(sheet, target: .none)
    }

    @Test func aStampingPlantIsNotOfferedDieCastingOrFurnaceHardware() throws {
        let out = try run(processes: ["stamping", "welding"])
        let mould = try #require(out.proposal.modules.first { $0.id == "ap-p-mould" })
        #expect(mould.status.isSelected)
        #expect(mould.products.map(\.zh) == ["模具管理系统（一模一码）", "冲次和模次计数采集器", Self.tonnage])
        #expect(mould.summary.zh.contains("冲压：") && !mould.summary.zh.contains("压铸") && !mould.summary.zh.contains("热处理"))
        #expect(!mould.summary.en.contains("Die casting") && !mould.summary.en.contains("furnace"))
        for lang in [Lang.zh, .en] {
            let md = Shipped.renderer.markdown(out.proposal, lang: lang)
            let html = Shipped.renderer.html(out.proposal, lang: lang)
            for text in [Self.dieCasting, Self.furnace] {
                let shown = lang == .zh ? text : (text == Self.dieCasting ? "Die-casting shot-parameter collection" : "carbon-potential recorders")
                #expect(!md.contains(shown) && !html.contains(shown), "\(lang) \(shown)")
            }
            #expect(md.contains(lang == .zh ? Self.tonnage : "Press tonnage monitors"))
        }
        let json = out.proposal.jsonText()
        #expect(!json.contains(Self.dieCasting) && !json.contains(Self.furnace) && json.contains(Self.tonnage))
    }

    @Test func aDieCastingAndHeatTreatingPlantKeepsThem() throws {
        let out = try run(processes: ["die_casting", "heat_treatment", "machining"])
        let mould = try #require(out.proposal.modules.first { $0.id == "ap-p-mould" })
        #expect(mould.status.isSelected)
        #expect(mould.products.map(\.zh) == ["模具管理系统（一模一码）", "冲次和模次计数采集器", Self.dieCasting, Self.furnace])
        #expect(mould.summary.zh.contains("压铸：") && mould.summary.zh.contains("热处理：") && !mould.summary.zh.contains("冲压："))
        let md = Shipped.renderer.markdown(out.proposal, lang: .zh)
        #expect(md.contains(Self.dieCasting) && md.contains(Self.furnace) && !md.contains(Self.tonnage))
    }

    /// An unanswered question keeps every product (Kleene logic: only a condition that is false drops one).
    @Test func unansweredProcessesKeepEveryProduct() throws {
        var sheet = Shipped.example("auto-parts-small-workshop.yaml")
        sheet.answers["ap_processes"] = nil
        let industry = try #require(Shipped.catalog.industry("auto-parts"))
        let module = try #require(industry.module("ap-p-mould"))
        #expect(module.products.allSatisfy { $0.isOffered { sheet.answers[$0] } })
        #expect(module.summary(for: { sheet.answers[$0] }).zh.contains("热处理："))
    }

    /// Every product and summary part of the shipped catalogs with a `when` reads the enterprise's processes,
    /// equipment or hazards: what the plant has, never what the retrofit changes.
    @Test func shippedConditionsReadWhatThePlantHas() {
        let allowed: Set<String> = ["ap_processes", "ap_energy_equipment", "ap_hazards", "ha_processes", "ha_energy_processes"]
        for industry in Shipped.catalog.industries {
            for m in industry.modules {
                for t in m.products + m.summaryParts {
                    guard let when = t.when else { continue }
                    #expect(Set(when.questionIDs).isSubset(of: allowed), "\(m.id): \(when.source.text)")
                }
            }
        }
    }
}
