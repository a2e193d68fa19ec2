import Foundation
@testable import GaizaoCore
import Testing

/// `gaizao compare` ranks on a proposal's totals: a hand-edited or self-contradicting proposal file is refused
/// with the key path of the figure that does not add up (exit 1 in the CLI, like any other invalid proposal),
/// and every proposal gaizao itself writes passes.
@Suite struct ProposalValidationConsistencyTests {
    typealias F = ForgedProposalTests

    /// Edits `path` (keys and list indexes) of the JSON object to `value`.
    static func setting(_ object: inout [String: Any], _ path: [Any], _ value: Any) {
        func set(_ node: inout Any, _ rest: ArraySlice<Any>) {
            guard let step = rest.first else { node = value; return }
            if let key = step as? String, var dict = node as? [String: Any] {
                var inner: Any = dict[key] ?? [String: Any]()
                set(&inner, rest.dropFirst())
                dict[key] = inner
                node = dict
            } else if let index = step as? Int, var list = node as? [Any] {
                set(&list[index], rest.dropFirst())
                node = list
            }
        }
        var root: Any = object
        set(&root, path[...])
        object = root as! [String: Any]
    }

    static func error(_ edits: [([Any], Any)]) throws -> String? {
        F.readError(try F.forged { object in for (path, value) in edits { setting(&object, path, value) } })
    }

    static func expectRefused(_ edits: [([Any], Any)], _ located: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let message = try error(edits)
        #expect(message?.hasPrefix("p.json: not a valid gaizao.proposal/2 proposal: \(located)") == true, "\(message ?? "accepted")",
                sourceLocation: sourceLocation)
    }

    @Test func theOriginalIsAccepted() throws {
        #expect(try Self.error([]) == nil)
    }

    @Test func aNetCostThatIsNotInvestmentMinusSubsidyIsRefused() throws {
        try Self.expectRefused([(["totals", "netCost"], ["lowYuan": 100_000, "highYuan": 200_000])],
                               "`totals.netCost`: 100000–200000 yuan, but the investment minus the certain subsidy is 414600–1011050 yuan")
        // A negative net cost (a subsidy above the investment) is refused even when it is the difference.
        let subsidy = ["lowYuan": 600_000, "highYuan": 1_300_000]
        try Self.expectRefused([(["totals", "subsidy", "lowYuan"], 600_000), (["totals", "subsidy", "highYuan"], 1_300_000),
                                (["totals", "subsidy", "certain"], subsidy), (["totals", "netCost"], ["lowYuan": -28_000, "highYuan": 66_750])],
                               "`totals.subsidy`: 600000–1300000 yuan exceeds what the chosen modules cost, 518200–1213750 yuan")
    }

    @Test func reversedRangesAreRefused() throws {
        try Self.expectRefused([(["totals", "investment"], ["lowYuan": 2_000_000, "highYuan": 100_000])],
                               "`totals.investment`: the low end, 2000000 yuan, is above the high end, 100000 yuan")
        try Self.expectRefused([(["modules", 0, "cost"], ["lowYuan": 90_000, "highYuan": 10_000])],
                               "`modules[0].cost`: the low end, 90000 yuan, is above the high end")
    }

    @Test func aSubsidyAboveTheModulesCostIsRefused() throws {
        try Self.expectRefused([(["totals", "subsidy", "highYuan"], 1_378_751), (["totals", "subsidy", "certain", "highYuan"], 1_378_751),
                                (["totals", "netCost", "highYuan"], 1_253_750 - 1_378_751)],
                               "`totals.subsidy`: 103600–1378751 yuan exceeds what the chosen modules cost, 518200–1213750 yuan")
        try Self.expectRefused([(["totals", "subsidy", "highYuan"], 300_000), (["totals", "subsidy", "certain", "highYuan"], 300_000),
                                (["totals", "netCost", "highYuan"], 1_253_750 - 300_000)],
                               "`totals.subsidy`: 103600–300000 yuan, but the applied certain schemes of `subsidies` bring 103600–242700 yuan")
    }

    @Test func aModuleCostEditedWithoutTheTotalsIsRefused() throws {
        try Self.expectRefused([(["modules", 0, "cost", "highYuan"], 1)],
                               "`modules[0].cost`: the low end")
        try Self.expectRefused([(["modules", 1, "cost", "lowYuan"], 1)],
                               "`totals.moduleInvestment`: 518200–1213750 yuan, but the chosen modules cost")
        try Self.expectRefused([(["modules", 1, "cost", "lowYuan"], 1), (["totals", "moduleInvestment", "lowYuan"], 1 + 518_200 - Self.moduleCost(1))],
                               "`totals.investment`: 518200–1253750 yuan, but the chosen modules")
        // A module left out (ap-p-portal) that carries a cost.
        try Self.expectRefused([(["modules", 7, "cost"], ["lowYuan": 1, "highYuan": 2])],
                               "`modules[7].cost`: 1–2 yuan, but the module is not chosen")
    }

    static func moduleCost(_ i: Int) -> Int {
        let object = try! JSONSerialization.jsonObject(with: Data(F.original.utf8)) as! [String: Any]
        let modules = object["modules"] as! [[String: Any]]
        return (modules[i]["cost"] as! [String: Any])["lowYuan"] as! Int
    }

    /// A module's price parts (ap-p-mould, modules[10], has three) are ranges within its new-build cost.
    @Test func pricePartsBeyondTheModulesCostAreRefused() throws {
        try Self.expectRefused([(["modules", 10, "costParts", 0, "cost"], ["lowYuan": 500_000, "highYuan": 600_000])],
                               "`modules[10].costParts`: the parts cost 505000–611000 yuan in all, more than the module's new-build cost `referenceCost`, 28000–68000 yuan")
        try Self.expectRefused([(["modules", 10, "costParts", 0, "cost"], ["lowYuan": 6_000, "highYuan": 3_000])],
                               "`modules[10].costParts[0].cost`: the low end, 6000 yuan, is above the high end")
        try Self.expectRefused([(["modules", 10, "costParts", 0, "cost", "lowYuan"], -1)], "`modules[10].costParts[0].cost")
    }

    @Test func aDurationShorterThanTheScheduleIsRefused() throws {
        try Self.expectRefused([(["totals", "durationWeeks"], 0)],
                               "`totals.durationWeeks`: 0 weeks, but `modules[13]` (ap-p-energy) ends in week 30, the last to end")
        try Self.expectRefused([(["modules", 13, "endWeek"], 40)], "`modules[13].endWeek`: week 40, but the module starts in week")
    }

    @Test func countsPhasesAndTheTargetMustAgree() throws {
        try Self.expectRefused([(["totals", "selectedModules"], 3)], "`totals.selectedModules`: 3, but 9 modules are chosen")
        try Self.expectRefused([(["totals", "selectedMeasures"], 0)], "`totals.selectedMeasures`: 0, but 4 measures are in the package")
        try Self.expectRefused([(["phases", 0, "endWeek"], 2)], "`phases[0]`: weeks 0–2, but its modules run in weeks")
        try Self.expectRefused([(["target", "level"], 4)], "`target.reached`: true, but the target is level 4 and `after.level` is 3")
        try Self.expectRefused([(["measures", 6, "cost"], ["lowYuan": 0, "highYuan": 5])], "`measures[6].cost`: 0–5 yuan, but the measure is not in the package")
        try Self.expectRefused([(["modules", 0, "role"], "recommended-next")], "`modules[0].role`: `recommended-next` contradicts the status `upgrade`")
    }

    /// Every proposal gaizao writes passes: every shipped example with every contractor of its industry (and
    /// none), every target level, with and without budgets (the proposal JSON is bilingual: `--lang` does not
    /// change it).
    @Test(arguments: Shipped.exampleNames)
    func everyProposalGaizaoWritesIsConsistent(_ example: String) throws {
        let engine = Engine(catalog: Shipped.catalog)
        let sheet = Shipped.example(example)
        let contractors: [String?] = [nil] + Shipped.catalog.overlays.filter { $0.industry == sheet.industry }.map(\.id)
        let targets: [TargetLevel] = [.automatic, .level(1), .level(2), .level(3), .level(4), .none]
        let budgets: [Int?] = [nil, 200_000, 600_000, 1_200_000, 10_000_000]
        var checked = 0
        for contractor in contractors {
            for target in targets {
                for budget in budgets {
                    guard let output = try? engine.run(sheet, budgetYuan: budget, contractor: contractor, target: target) else { continue }
                    let problems = ProposalValidation.problems(output.proposal)
                    #expect(problems.isEmpty, "\(example) \(contractor ?? "-") \(target) \(budget.map(String.init) ?? "-"): \(problems)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 30)
    }
}
