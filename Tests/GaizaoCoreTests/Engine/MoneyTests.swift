@testable import GaizaoCore
import Testing

/// Subsidy tiers, the cost model, benefits in money and the evidence checklist (issue 16), on the shipped catalog.
/// Run on the rules-only package (`target: .none`): pricing, tiers and benefits are checked on every module the
/// rules select, whichever of them the target planner would keep.
@Suite struct MoneyTests {
    static func line(_ id: String, _ p: Plan) -> SubsidyLine { p.subsidies[Shipped.catalog.policies.policies.firstIndex { $0.id == id }!] }

    /// A pilot still being applied for is conditional: shown beside the headline, never in it or in the net cost.
    @Test func pilotStillApplyingIsConditionalNotCertain() throws {
        var sheet = Shipped.example("home-appliance-midsize.yaml")
        sheet.answers["pilot_status"] = .option("applying")
        let out = try Engine(catalog: Shipped.catalog).run(sheet, target: .none)
        let pilot = Self.line("pilot-retrofit", out.plan)
        #expect(pilot.tier == .conditional && !pilot.eligible && pilot.amount.high > 0)
        let newGen = Self.line("new-gen-it", out.plan)
        #expect(newGen.tier == .certain && newGen.applied)
        // Headline = the certain scheme only; the conditional increment is the pilot's surplus over it.
        #expect(out.plan.subsidyTotal == newGen.amount)
        #expect(out.plan.subsidyConditional.high == min(pilot.amount.high, out.plan.investment.high) - newGen.amount.high)
        #expect(out.plan.netCost.high == out.plan.investment.high - newGen.amount.high)
        let totals = out.proposal.totals
        #expect(totals.subsidy.certain?.highYuan == newGen.amount.high && totals.subsidy.lowYuan == newGen.amount.low)
        #expect(out.proposal.subsidies.first { $0.policy == "pilot-retrofit" }?.tier == "conditional")

        sheet.answers["pilot_status"] = .option("listed")
        let listed = try Engine(catalog: Shipped.catalog).run(sheet, target: .none)
        #expect(Self.line("pilot-retrofit", listed.plan).tier == .certain)
        #expect(listed.plan.subsidyConditional == .zero)
    }

    /// The sample reward is one-off: apart from the project's subsidy and net cost (issue 16: a 100% headline).
    @Test func sampleRewardIsOneOffApartFromTheProject() throws {
        var sheet = Shipped.example("auto-parts-advanced.yaml")
        sheet.answers["ningbo_sample"] = .bool(true)
        // A budget above the standard modules' 440,000 yuan: a rules-only budget below them is refused.
        let out = try Engine(catalog: Shipped.catalog).run(sheet, budgetYuan: 600_000, target: .none)
        let reward = Self.line("sample-enterprise", out.plan)
        #expect(reward.tier == .oneOff && reward.amount == CostRange(low: 200_000, high: 200_000))
        #expect(out.plan.subsidyOneOff == CostRange(low: 200_000, high: 200_000))
        let project = out.plan.subsidies.filter { $0.applied && $0.tier == .certain }.reduce(0) { $0 + $1.amount.high }
        #expect(out.plan.subsidyTotal.high == min(project, out.plan.investment.high))
        #expect(out.plan.subsidyTotal.high < out.plan.investment.high)
        // The effective rate is certain ÷ investment at each end.
        let rate = try #require(out.proposal.totals.subsidy.effectiveRatePercent)
        #expect(rate.high == (Double(out.plan.subsidyTotal.high) * 1000 / Double(out.plan.investment.high)).rounded() / 10)
    }

    /// The AI scheme needs a large-model module AND the enterprise's plan; a vision station is no large model.
    @Test func aiSchemeNeedsALargeModelModuleAndThePlan() throws {
        let ha = Shipped.catalog.industry("home-appliance")!
        #expect(!ha.module("ha-p-vision")!.subsidyTags.contains("ai_large_model"))
        var sheet = Shipped.example("home-appliance-midsize.yaml")
        sheet.answers["plans_ai_model"] = .bool(true)
        #expect(!Self.line("ai-large-model", try Engine(catalog: Shipped.catalog).run(sheet, target: .none).plan).eligible)
        var ap = Shipped.example("auto-parts-advanced.yaml")
        ap.answers["plans_ai_model"] = .bool(false)
        let off = try Engine(catalog: Shipped.catalog).run(ap, target: .none)
        #expect(Self.line("ai-large-model", off.plan).tier == .none)
    }

    /// A 260-person plant and a 25-person shop no longer share a price: the driver (machines, estimated from the
    /// head count) scales the cost.
    @Test func costScalesWithTheDriverAndFallsBackToTheBand() throws {
        var sheet = Shipped.example("auto-parts-midsize.yaml")
        sheet.answers["employees"] = .number(100)
        let small = try Engine(catalog: Shipped.catalog).run(sheet, target: .none).plan.decision("ap-s-network")!
        sheet.answers["employees"] = .number(260)
        let large = try Engine(catalog: Shipped.catalog).run(sheet, target: .none).plan.decision("ap-s-network")!
        let entry = Shipped.catalog.costModel.entry("ap-s-network")!
        // 60% of employees: 60 → 156 machines, 96 more.
        #expect(large.referenceCost.low - small.referenceCost.low == entry.perUnit.low * 96)
        #expect(large.referenceCost.high - small.referenceCost.high == entry.perUnit.high * 96)
        // A module whose driver is unanswered keeps the size-band cost of modules.yaml (a catalog whose driver
        // reads a question the sheet leaves empty).
        let model = Shipped.catalog.costModel
        let drivers = model.drivers.map { d in var d = d; if d.id == "machines" { d.questionID = "baseline_pass_rate" }; return d }
        var catalog = Shipped.catalog
        catalog.costModel = CostModel(drivers: drivers, entries: model.entries)
        sheet.answers["baseline_pass_rate"] = nil
        let band = try Engine(catalog: catalog).run(sheet, target: .none)
        let industry = catalog.industry("auto-parts")!
        #expect(band.plan.decision("ap-s-network")!.referenceCost == industry.module("ap-s-network")!.cost[band.diagnosis.sizeBand.id])
        #expect(band.proposal.modules.first { $0.id == "ap-s-network" }?.costBasis?.zh.contains("按规模档估算") == true)
        // Yearly fees are not investment.
        let fees = try #require(band.proposal.totals.yearlyFees)
        #expect(fees.highYuan > 0)
        #expect(band.proposal.totals.investment.highYuan == band.plan.decisions.reduce(0) { $0 + $1.cost.high })
    }

    /// A scaled price's basis reads the entry it prices: the words prepared with the catalog are what a fresh
    /// entry gets, and a copy whose priced range was changed is worded with its own range.
    @Test func priceBasisFollowsTheEntryItPrices() throws {
        let model = Shipped.catalog.costModel
        let entry = try #require(model.entry("ap-s-network"))
        let driver = try #require(entry.driverID.flatMap(model.driver))
        let answer = { (id: String) -> AnswerValue? in id == driver.questionID ? .number(1_000_000) : nil }
        let prepared = try #require(model.price(entry, answer: answer)?.basis)
        // The same entry made afresh, so without prepared words.
        let fresh = CostModel.Entry(moduleID: entry.moduleID, driverID: entry.driverID, base: entry.base, perUnit: entry.perUnit,
                                    minUnits: entry.minUnits, maxUnits: entry.maxUnits, yearly: entry.yearly,
                                    upgradePercent: entry.upgradePercent, location: nil, driverLocation: nil)
        #expect(model.price(fresh, answer: answer)?.basis == prepared)
        #expect(prepared.zh.contains("计价范围 \(formatNumber(entry.minUnits))–\(formatNumber(entry.maxUnits))"))
        var changed = entry
        changed.maxUnits = entry.maxUnits + 7
        let basis = try #require(model.price(changed, answer: answer)?.basis)
        #expect(basis.zh.contains("计价范围 \(formatNumber(entry.minUnits))–\(formatNumber(entry.maxUnits + 7))"))
        #expect(basis.en.contains("priced range \(formatNumber(entry.minUnits))–\(formatNumber(entry.maxUnits + 7))"))
    }

    /// An upgrade costs the module's own upgrade share of a new build.
    @Test func upgradeUsesTheModulesShare() throws {
        let out = try Engine(catalog: Shipped.catalog).run(Shipped.example("home-appliance-midsize.yaml"), target: .none)
        for d in out.plan.decisions where d.status == .upgrade {
            let percent = Shipped.catalog.costModel.entry(d.moduleID)?.upgradePercent ?? Shipped.catalog.manifest.upgradeCostPercent
            #expect(d.cost.high == (d.referenceCost.high * percent + 50) / 100)
        }
    }

    /// Benefits: savings from KPI changes and baselines, payback = net cost ÷ (saving − fees), marked estimates.
    @Test func benefitsFollowTheBaselinesAndPayBackOnTheCertainNetCost() throws {
        var sheet = Shipped.example("home-appliance-midsize.yaml")
        let out = try Engine(catalog: Shipped.catalog).run(sheet, target: .none)
        let b = try #require(out.proposal.benefits)
        #expect(b.estimate && b.annualSaving.highYuan >= b.annualSaving.lowYuan && b.annualSaving.lowYuan > 0)
        #expect(b.inputs.contains { $0.source == "ha_annual_energy_cost" })
        let net = out.proposal.totals.netCost
        let best = b.annualSaving.highYuan - b.yearlyFees.lowYuan
        #expect(b.paybackYears?.low == (Double(net.lowYuan) / Double(best) * 10).rounded() / 10)
        // The energy saving scales with the energy bill.
        let energy = { (p: Proposal) in p.benefits!.modules.first { $0.module == "ha-p-energy" }!.annualSaving.highYuan }
        sheet.answers["ha_annual_energy_cost"] = .number(360)
        let doubled = try Engine(catalog: Shipped.catalog).run(sheet, target: .none)
        #expect(energy(doubled.proposal) == 2 * energy(out.proposal))
        // Without the bill the energy effect is listed as not priced, not guessed.
        sheet.answers["ha_annual_energy_cost"] = nil
        let none = try Engine(catalog: Shipped.catalog).run(sheet, target: .none)
        #expect(none.proposal.benefits!.notMonetised.contains { $0.zh.contains("缺少基线") })
    }

    /// The 支撑材料 checklist covers every scoring indicator and every scene level claimed after the retrofit.
    @Test func evidenceCoversEveryClaimedIndicatorAndScene() throws {
        for name in Shipped.exampleNames {
            let out = try Engine(catalog: Shipped.catalog).run(Shipped.example(name), target: .none)
            let evidence = try #require(out.proposal.evidence)
            for i in out.plan.projected.indicators where i.points > 0 {
                #expect(evidence.contains { $0.kind == "indicator" && $0.id == i.id && !$0.items.isEmpty }, "\(name): \(i.id)")
            }
            for s in out.plan.projected.scenes where s.level > 0 {
                #expect(evidence.contains { $0.kind == "scene" && $0.id == s.id && $0.level == s.level && !$0.items.isEmpty }, "\(name): \(s.id)")
            }
        }
    }
}
