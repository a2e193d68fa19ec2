import Foundation
import Testing
@testable import GaizaoCore

/// What an owner deciding on the money, and the consultant signing the proposal, found misleading: a large firm
/// called medium with its SME subsidies counted, a confident proposal built on unanswered questions, a target
/// "reached" with nothing to spare, modules of a rules-only package "needed for the target", and a comparison
/// ranking proposals built on different subsidy rules.
@Suite struct OwnerReviewTests {
    static let engine = Engine(catalog: RenderFixtures.catalog)

    static func markdown(_ p: Proposal, _ lang: Lang = .zh) -> String { RenderFixtures.renderer.markdown(p, lang: lang) }

    /// 1,500 people and 80,000 万元 of revenue: no SME. Named large, priced as a medium plant, and the SME
    /// scheme it would get (new-generation IT) is shown as pending, not counted in the net cost.
    @Test func aLargeEnterpriseIsNamedLargeAndItsSMESubsidyIsNotCounted() throws {
        var sheet = try RenderFixtures.sheet("auto-parts-midsize")
        let medium = try Self.engine.run(sheet).proposal
        sheet.answers["employees"] = .number(1_500)
        sheet.answers["annual_revenue"] = .number(80_000)
        let large = try Self.engine.run(sheet).proposal
        #expect(large.enterprise.sizeBand == "large")
        #expect(large.enterprise.sizeBandName.zh == "大型（非中小企业）")
        #expect(Self.markdown(large).contains("- **企业规模**：大型（非中小企业）"))
        let newGen = try #require(large.subsidies.first { $0.policy == "new-gen-it" })
        #expect(newGen.tier == "conditional" && !newGen.eligible)
        #expect(large.totals.subsidy.highYuan == 0 && medium.totals.subsidy.highYuan > 0)
        #expect(large.totals.netCost.highYuan == large.totals.investment.highYuan - large.totals.subsidy.highYuan)
        #expect(large.risks.contains { $0.rule == "ap-r-risk-not-sme" })
        // Priced as medium: what is priced by size band (the measures; modules scale by their cost drivers) costs
        // what it costs a medium plant: m-plan is 1–3 万元 for `medium` in measures.yaml.
        let plan = try #require(large.measures?.first { $0.id == "m-plan" })
        #expect(plan.referenceCost == .init(lowYuan: 10_000, highYuan: 30_000))
    }

    /// Unanswered scored questions count 0 points: the proposal says so beside its headline, strongly when they
    /// are many, and unanswered scenes read 未作答, not 未达1级.
    @Test func unansweredScoredQuestionsAreSaidBesideTheHeadline() throws {
        let full = try Self.engine.run(try RenderFixtures.sheet("auto-parts-midsize")).proposal
        #expect(!Self.markdown(full).contains("项评分问题"))
        var sheet = try RenderFixtures.sheet("auto-parts-midsize")
        for id in Array(sheet.answers.keys) where id.hasPrefix("scene_") && id != "scene_production_control" { sheet.answers[id] = nil }
        let gaps = try Self.engine.run(sheet).proposal
        let (unanswered, total) = gaps.diagnosis.unansweredScoredQuestions
        #expect(unanswered == 15 && total > unanswered)
        #expect(gaps.diagnosis.scenes.count { $0.unanswered == true } == 15)
        let zh = Self.markdown(gaps), en = Self.markdown(gaps, .en)
        #expect(zh.contains("> 注意：15 项评分问题（共 \(total) 项）未作答，按 0 分或“未达1级”计。"), "\(zh)")
        #expect(en.contains("> Note: 15 of \(total) scored questions are unanswered"))
        #expect(zh.contains("| 质量管理 | 质量与设备 | ★ | 未作答 |") || zh.contains("| 未作答 |"))
        // One gap: the light note.
        var one = try RenderFixtures.sheet("auto-parts-midsize")
        one.answers["scene_quality"] = nil
        #expect(Self.markdown(try Self.engine.run(one).proposal).contains("> 另有 1 项评分问题未作答，按 0 分或“未达1级”计；"))
    }

    /// The midsize plant reaches level 3 at exactly 60 points: the headline says there is no margin.
    @Test func aTargetReachedWithoutMarginSaysSo() throws {
        let p = try Self.engine.run(try RenderFixtures.sheet("auto-parts-midsize")).proposal
        #expect(p.target?.reached == true && p.after.points == 60)
        let zh = Self.markdown(p)
        #expect(zh.contains("按保守估算，本方案可以达到，但得分恰好等于及格线、没有余量"))
        #expect(!zh.contains("可以承诺"))
        #expect(Self.markdown(p, .en).contains("exactly at the pass mark, with nothing to spare"))
    }

    /// Without a target level nothing is "needed for the target".
    @Test func aRulesOnlyPackageIsChosenByTheRules() throws {
        let p = try Self.engine.run(try RenderFixtures.sheet("home-appliance-advanced"), target: .none).proposal
        #expect(p.modules.contains { $0.status.isSelected })
        let zh = Self.markdown(p)
        #expect(zh.contains("；按规则选取）"), "\(zh)")
        #expect(!zh.contains("达标所需"))
    }

    /// Two proposals priced on different new-generation IT rates are not ranked against each other.
    @Test func proposalsOnDifferentSubsidyRulesAreNotComparable() throws {
        let a = try Self.engine.run(try RenderFixtures.sheet("auto-parts-midsize")).proposal
        var b = a
        let k = try #require(b.subsidies.firstIndex { $0.policy == "new-gen-it" })
        b.subsidies[k].ratePercent = 25
        b.enterprise.name = a.enterprise.name
        let c = try ProposalComparator.compare([(label: "a", source: "a.json", proposal: a), (label: "b", source: "b.json", proposal: b)],
                                               targets: [StatedTarget(of: a), StatedTarget(of: b)])
        #expect(c.comparability.allSatisfy { !$0.comparable && $0.reasons.contains { $0.code == "subsidy_rules_differ" } })
        #expect(c.comparability[0].reasons.first { $0.code == "subsidy_rules_differ" }?.text.zh.contains("新一代信息技术数字化改造项目补助") == true)
        // The same rules: comparable.
        let same = try ProposalComparator.compare([(label: "a", source: "a.json", proposal: a), (label: "a2", source: "a2.json", proposal: a)],
                                                  targets: [StatedTarget(of: a), StatedTarget(of: a)])
        #expect(same.comparability.allSatisfy { !$0.reasons.contains { $0.code == "subsidy_rules_differ" } })
    }
}
