@testable import GaizaoCore
import Testing

/// A measure that makes sense only after another (pay rules for digital staff need a digital lead): whatever
/// the enterprise, the target or the budget, a package never holds it without the measure it requires, unless the
/// enterprise has what that one brings already; and the requirement ends before it starts.
@Suite struct MeasureRequirementTests {
    static let engine = Engine(catalog: Shipped.catalog)

    @Test(arguments: UInt64(1)...60)
    func aPackageHoldsWhatItsMeasuresRequire(seed: UInt64) throws {
        let catalog = Shipped.catalog
        let industry = catalog.industries[Int(seed % UInt64(catalog.industries.count))]
        let sheet = SyntheticAnswers.sheet(for: industry, catalog: catalog, seed: seed)
        let budgets: [Int?] = [nil, 50_000, 300_000, 1_500_000]
        for target in [TargetLevel.automatic, .level(3), .level(4)] {
            for budget in budgets {
                // A budget below the must-haves is refused (tested elsewhere): nothing to check then.
                guard let plan = try? Self.engine.run(sheet, budgetYuan: budget, target: target).plan else { continue }
                let byID = Dictionary(plan.measures.map { ($0.measureID, $0) }, uniquingKeysWith: { a, _ in a })
                for m in plan.measures where m.status == .include {
                    let spec = try #require(industry.measures.first { $0.id == m.measureID })
                    for r in spec.requiredIDs {
                        let required = try #require(byID[r])
                        #expect(required.status == .include || required.status == .satisfied,
                                "seed \(seed) target \(target) budget \(String(describing: budget)): \(m.measureID) without \(r)")
                        if required.status == .include {
                            #expect(required.role == .prerequisite || required.role == .target)
                            #expect((required.endWeek ?? .max) <= (m.startWeek ?? -1), "seed \(seed): \(r) must end before \(m.measureID) starts")
                        }
                    }
                }
            }
        }
    }

    /// The shipped small home-appliance workshop has no digital staff: the measures that need them are next steps
    /// that say so, and within a budget that buys them the digital lead comes with them as their prerequisite.
    @Test func payRulesForDigitalStaffComeWithADigitalLead() throws {
        let industry = try #require(Shipped.catalog.industries.first { $0.id == "home-appliance" })
        #expect(industry.measures.first { $0.id == "m-talent-pay" }?.requiredIDs == ["m-digital-lead"])
        let sheet = Shipped.example("home-appliance-small-workshop.yaml")
        let plain = try Self.engine.run(sheet).plan
        let pay = try #require(plain.measures.first { $0.measureID == "m-talent-pay" })
        if pay.status != .include {
            #expect(pay.reasons.contains { $0.kind == .dependency && $0.text.zh == "须先有「明确数字化负责人（专职或兼职）」" })
        }
        let rich = try Self.engine.run(sheet, budgetYuan: 800_000).plan
        let richPay = try #require(rich.measures.first { $0.measureID == "m-talent-pay" })
        try #require(richPay.status == .include)
        let lead = try #require(rich.measures.first { $0.measureID == "m-digital-lead" })
        #expect(lead.status == .include && lead.role == .prerequisite)
        #expect(lead.reasons.contains { $0.kind == .required && $0.text.zh.contains("数字化人才绩效和薪酬办法") })
        #expect(richPay.startWeek == lead.endWeek)
    }
}
