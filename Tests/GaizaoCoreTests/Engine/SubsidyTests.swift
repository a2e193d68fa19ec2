import Foundation
@testable import GaizaoCore
import Testing

/// The seed's four schemes at their boundaries (domain.md §2), read from the shipped policies.yaml.
@Suite struct SubsidyTests {
    static func policy(_ id: String) -> Policy { Shipped.catalog.policies.policies.first { $0.id == id }! }

    @Test func newGenerationITAtTheMinimumInvestment() {
        let p = Self.policy("new-gen-it")
        #expect(SubsidyCalculator.amount(p, base: 299_999) == 0)        // just under 300,000: not eligible
        #expect(SubsidyCalculator.amount(p, base: 300_000) == 60_000)   // at: 20%
        #expect(SubsidyCalculator.amount(p, base: 300_001) == 60_000)   // over: 20%, rounded down
        #expect(SubsidyCalculator.amount(p, base: 300_999) == 60_100)   // 60,199.8: down to whole hundreds of yuan
        #expect(SubsidyCalculator.amount(p, base: 1_500_000) == 300_000) // 20% reaches the cap exactly
        #expect(SubsidyCalculator.amount(p, base: 2_000_000) == 300_000) // capped
    }

    @Test func pilotRetrofitHalfUpToHalfAMillion() {
        let p = Self.policy("pilot-retrofit")
        #expect(SubsidyCalculator.amount(p, base: 10_000) == 5_000)
        #expect(SubsidyCalculator.amount(p, base: 999_999) == 499_900)  // 499,999.5: down to whole hundreds of yuan
        #expect(SubsidyCalculator.amount(p, base: 1_000_000) == 500_000)
        #expect(SubsidyCalculator.amount(p, base: 3_000_000) == 500_000)
    }

    @Test func aiLargeModelAndSampleReward() {
        let ai = Self.policy("ai-large-model")
        #expect(SubsidyCalculator.amount(ai, base: 400_000) == 200_000)
        #expect(SubsidyCalculator.amount(ai, base: 800_000) == 300_000)
        #expect(SubsidyCalculator.amount(Self.policy("sample-enterprise"), base: 0) == 200_000)
    }

    /// Every subsidy figure is a whole number of the 0.01 万元 the proposal shows, so the figures shown add up:
    /// net cost shown = investment shown − subsidy shown, and qualified + conditional never shows above the cap.
    @Test func shownSubsidyFiguresAddUp() throws {
        let engine = Engine(catalog: Shipped.catalog)
        for name in Shipped.exampleNames {
            for pilot in ["listed", "applying", "none"] {
                var sheet = Shipped.example(name)
                sheet.answers["pilot_status"] = .option(pilot)
                let plan = try engine.run(sheet).plan
                for line in plan.subsidies { #expect(line.amount.low % 100 == 0 && line.amount.high % 100 == 0, "\(name) \(pilot)") }
                for (inv, sub, net) in [(plan.investment.low, plan.subsidyTotal.low, plan.netCost.low),
                                        (plan.investment.high, plan.subsidyTotal.high, plan.netCost.high)] {
                    #expect(sub % 100 == 0 || sub == inv, "\(name) \(pilot)")
                    #expect(Money.wan(net) == Money.wan(inv - sub))
                    let shown = { (yuan: Int) in Decimal(string: Money.wan(yuan))! }
                    #expect(shown(net) == shown(inv) - shown(sub), "\(name) \(pilot): \(Money.wan(inv)) − \(Money.wan(sub)) ≠ \(Money.wan(net))")
                }
                let best = plan.subsidyTotal.high + plan.subsidyConditional.high
                #expect(best % 100 == 0 || best == plan.investment.high)
            }
        }
    }

    /// Eligibility is read from the answers: without a pilot listing the pilot scheme does not apply, and
    /// the sample reward follows the yes/no answer.
    @Test func eligibilityFollowsAnswers() throws {
        var sheet = Shipped.example("auto-parts-midsize.yaml")
        sheet.answers["pilot_status"] = .option("none")
        sheet.answers["ningbo_sample"] = .bool(false)
        let none = try Engine(catalog: Shipped.catalog).run(sheet)
        let line = { (id: String, p: Plan) in p.subsidies[Shipped.catalog.policies.policies.firstIndex { $0.id == id }!] }
        #expect(!line("pilot-retrofit", none.plan).eligible)
        #expect(!line("sample-enterprise", none.plan).eligible)
        sheet.answers["pilot_status"] = .option("listed")
        sheet.answers["ningbo_sample"] = .bool(true)
        let listed = try Engine(catalog: Shipped.catalog).run(sheet)
        let pilot = line("pilot-retrofit", listed.plan)
        #expect(pilot.eligible && pilot.applied)
        #expect(pilot.amount.high == min(listed.plan.investment.high / 2, 500_000) / 100 * 100)
        #expect(line("sample-enterprise", listed.plan).amount == CostRange(low: 200_000, high: 200_000))
        // Stacking: only the largest scheme of the project group counts; the reward is one-off, apart from the
        // project's subsidy and net cost.
        let applied = listed.plan.subsidies.filter(\.applied)
        #expect(applied.count == 2)
        let project = applied.filter { $0.tier == .certain }
        #expect(project.count == 1)
        #expect(listed.plan.subsidyTotal.high == min(listed.plan.investment.high, project.reduce(0) { $0 + $1.amount.high }))
        #expect(listed.plan.subsidyOneOff == CostRange(low: 200_000, high: 200_000))
    }
}
