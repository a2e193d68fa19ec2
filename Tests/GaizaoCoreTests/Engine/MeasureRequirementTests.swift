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

    /// A digital post is pay every year, not a one-off: its yearly cost joins the modules' yearly fees (in the
    /// total, the operations table and the benefits' net of fees), and stays out of the investment beyond its
    /// first year.
    @Test func aDigitalPostCostsEveryYear() throws {
        let sheet = Shipped.example("home-appliance-small-workshop.yaml")
        let out = try Self.engine.run(sheet, budgetYuan: 800_000)
        let post = try #require(out.proposal.measures?.first { $0.id == "m-digital-post" })
        try #require(post.status == .include)
        let yearly = try #require(post.yearlyCost)
        #expect(yearly == .init(lowYuan: 40_000, highYuan: 100_000))
        let moduleFees = out.proposal.modules.filter(\.status.isSelected).compactMap(\.yearlyFee)
        let training = (out.proposal.measures ?? []).filter { $0.status == .include && $0.id != "m-digital-post" }.compactMap(\.yearlyCost)
        let all = moduleFees + [yearly] + training
        #expect(out.proposal.totals.yearlyFees == .init(lowYuan: all.reduce(0) { $0 + $1.lowYuan }, highYuan: all.reduce(0) { $0 + $1.highYuan }))
        #expect(out.proposal.benefits?.yearlyFees == out.proposal.totals.yearlyFees)
        let md = Shipped.renderer.markdown(out.proposal, lang: .zh)
        #expect(md.contains("| 设立数字化岗位或部门 | 4–10 万元 | 管理措施每年的费用（估算，按企业规模档：岗位人员薪酬、年度培训等） |"), "\(md)")
        // Left out of the package, nothing recurs.
        let plain = try Self.engine.run(sheet).proposal
        #expect(plain.measures?.first { $0.id == "m-digital-post" }?.status != .include)
    }
}
