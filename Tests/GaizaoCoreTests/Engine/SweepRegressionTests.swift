@testable import GaizaoCore
import Testing

/// Defects the property sweep (PropertySweepTests) found, each pinned on the enterprise it was found on.
@Suite struct SweepRegressionTests {
    static func industry(_ id: String) throws -> Industry { try #require(Shipped.catalog.industry(id)) }

    /// An enterprise at level 4 already, proposed with the default target, was told its target was level 4, "one
    /// level above today's" (在现有等级上再提升一级): the default target at the top level keeps it.
    @Test func defaultTargetAtLevelFourIsNotOneLevelAboveToday() throws {
        let sheet = SweepEnterprises.sheet(try Self.industry("home-appliance"), .allMax, seed: 1)
        let proposal = try Engine(catalog: Shipped.catalog).run(sheet).proposal
        #expect(proposal.diagnosis.level == 4 && proposal.target?.level == 4 && proposal.target?.source == .default)
        let zh = Shipped.renderer.markdown(proposal, lang: .zh), en = Shipped.renderer.markdown(proposal, lang: .en)
        #expect(!zh.contains("在现有等级上再提升一级") && zh.contains("目标四级（企业已在最高等级，保持该等级）"))
        #expect(!en.contains("one level above today's") && en.contains("the highest level, where the enterprise is already: kept"))
        // One level up below the top is still said so.
        let midsize = try Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-midsize.yaml")).proposal
        #expect(Shipped.renderer.markdown(midsize, lang: .zh).contains("目标三级（在现有等级上再提升一级）"))
    }

    /// `--target-level none --budget 5` on a plant whose standard modules alone cost up to 212.3 万元 wrote a
    /// 94.33–212.3 万元 package under the line "按预算上限 5 万元 选择个性化模块", nothing saying it was 40 times the
    /// budget. The rules-only package never drops its standard modules, so such a budget is refused, as a target's
    /// budget below its must-haves is.
    @Test func aRulesOnlyBudgetBelowTheStandardModulesIsRefused() throws {
        let sheet = SweepEnterprises.sheet(try Self.industry("auto-parts"), .random, seed: 4)
        let engine = Engine(catalog: Shipped.catalog)
        do {
            let out = try engine.run(sheet, budgetYuan: 50_000, target: .none)
            Issue.record("a package of up to \(out.plan.investment.high) yuan for a budget of 50,000 yuan")
        } catch {
            guard case let .budgetBelowMustHaves(text) = error else { throw error }
            #expect(text.zh.hasPrefix("预算 5 万元低于标准模块（含模块所需的管理措施）的上限估算 170.71 万元"), "\(text.zh)")
            #expect(text.en.hasPrefix("the budget of CNY 50,000 is below the standard modules' and their measures' high estimate of CNY 1,707,120"), "\(text.en)")
        }
        // A budget that holds the standard modules gives a package within it.
        let fits = try engine.run(sheet, budgetYuan: 2_200_000, target: .none)
        #expect(fits.plan.investment.high <= 2_200_000 && fits.plan.budgetShortfall == nil)
    }

    /// A one-person workshop's "主要理由" (strongest reasons) headed the shop-floor network module with "标准模块：本行业
    /// 每家企业的基础配置（相关场景现状已达到本模块的等级）" — its scene is there already, a reason not to buy it —
    /// while it is in the package because equipment management needs it. That reason is the headline now.
    @Test func aStandardModuleThatLiftsNoSceneIsHeadedByWhyItIsInThePackage() throws {
        let sheet = SweepEnterprises.sheet(try Self.industry("auto-parts"), .tiny, seed: 1)
        let proposal = try Engine(catalog: Shipped.catalog).run(sheet).proposal
        let network = try #require(proposal.modules.first { $0.id == "ap-s-network" })
        #expect(network.role == .prerequisite && !network.raises.contains { $0.to > $0.from })
        let zh = Shipped.renderer.markdown(proposal, lang: .zh), en = Shipped.renderer.markdown(proposal, lang: .en)
        let reasonsZh = try #require(zh.components(separatedBy: "### 主要理由").dropFirst().first?.components(separatedBy: "\n#").first)
        #expect(!reasonsZh.contains("相关场景现状已达到本模块的等级"))
        #expect(reasonsZh.contains("- **车间网络与数据采集基础**：被 设备管理（点检保养与OEE） 依赖，随之纳入"), "\(reasonsZh)")
        let reasonsEn = try #require(en.components(separatedBy: "### The strongest reasons").dropFirst().first?.components(separatedBy: "\n#").first)
        #expect(!reasonsEn.contains("its scenes are already at the levels it brings"), "\(reasonsEn)")
    }

    /// A machining and assembly plant (no moulds) aiming at level 3 was sold "模具寿命与关键工艺参数监控" with a mould
    /// management system as its product: the target planner took it as the cheapest way to raise equipment
    /// management and production control, and no rule kept it out. A plant without stamping, injection moulding,
    /// die casting or heat treatment now has it excluded (rule ap-r-mould-no-tooling).
    @Test func aPlantWithoutMouldsIsNotSoldMouldMonitoring() throws {
        var sheet = Shipped.example("auto-parts-midsize.yaml")
        sheet.answers["ap_processes"] = .options(["machining", "assembly"])
        sheet.answers["ap_mould_count"] = nil
        sheet.answers["ap_mould_managed"] = nil
        let engine = Engine(catalog: Shipped.catalog)
        for target in [TargetLevel.level(3), .level(4), .automatic, .none] {
            let mould = try #require(engine.run(sheet, target: target).proposal.modules.first { $0.id == "ap-p-mould" })
            #expect(mould.status == .excluded && mould.reasons.first?.rule == "ap-r-mould-no-tooling")
        }
        // A plant with heat treatment keeps it (its furnace records are the module's).
        sheet.answers["ap_processes"] = .options(["machining", "heat_treatment"])
        let kept = try #require(engine.run(sheet, target: .level(3)).proposal.modules.first { $0.id == "ap-p-mould" })
        #expect(kept.status != .excluded)
    }

    /// `--target-level none --budget 30` dropped the OEM's EDI link, a must-have ("never dropped for the target or
    /// the budget"), with "为控制在预算 30 万元内未选", and spent the budget on modules the rules merely recommend.
    /// The rules-only package now keeps its must-haves first and chooses the rest within what the budget leaves;
    /// a budget below the standard and must-have modules together is refused.
    @Test func aRulesOnlyBudgetKeepsTheMustHaves() throws {
        let sheet = SweepEnterprises.sheet(try Self.industry("auto-parts"), .tiny, seed: 6)
        let engine = Engine(catalog: Shipped.catalog)
        let out = try engine.run(sheet, budgetYuan: 300_000, target: .none)
        let edi = try #require(out.plan.decision("ap-p-edi"))
        #expect(edi.must && edi.status.isSelected && edi.role == .must)
        #expect(!edi.reasons.contains { $0.kind == .budget })
        #expect(out.plan.investment.high <= 300_000)
        do {
            _ = try engine.run(sheet, budgetYuan: 250_000, target: .none)
            Issue.record("a budget below the standard and must-have modules was not refused")
        } catch {
            guard case let .budgetBelowMustHaves(text) = error else { throw error }
            #expect(text.zh.hasPrefix("预算 25 万元低于标准模块和必选模块（含模块所需的管理措施）的上限估算"), "\(text.zh)")
            #expect(text.zh.contains("主机厂EDI/VMI对接"), "\(text.zh)")
        }
    }

    /// A plant with no revenue last year read "人均营业收入 | 0 万元/人 | +1% 至 +3% | 0 至 0 万元/人": a relative gain
    /// on nothing, offered as a target. A zero baseline now has no target value (—).
    @Test func aZeroBaselineHasNoOutcomeTarget() throws {
        let sheet = SweepEnterprises.sheet(try Self.industry("auto-parts"), .tiny, seed: 1)
        #expect(sheet.answers["annual_revenue"] == .number(0))
        let proposal = try Engine(catalog: Shipped.catalog).run(sheet).proposal
        let zh = Shipped.renderer.markdown(proposal, lang: .zh), en = Shipped.renderer.markdown(proposal, lang: .en)
        let row = try #require(zh.split(separator: "\n").first { $0.hasPrefix("| 人均营业收入 |") })
        #expect(row.hasSuffix("| — |") && !row.contains("0 至 0"), "\(row)")
        let rowEn = try #require(en.split(separator: "\n").first { $0.hasPrefix("| Revenue per employee |") })
        #expect(rowEn.hasSuffix("| — |") && !rowEn.contains("CNY 0–0"), "\(rowEn)")
    }

    /// Revenue per employee under 500 yuan read "0 万元/人" (万元 to one decimal), its targets "0 至 0 万元/人":
    /// below 1 万元 it is written in yuan, baseline and targets alike, in both languages and in the JSON.
    @Test func aSmallRevenuePerEmployeeNeverReadsZero() throws {
        var sheet = Shipped.example("auto-parts-midsize.yaml")
        sheet.answers["employees"] = .number(1000)
        sheet.answers["annual_revenue"] = .number(30)
        let proposal = try Engine(catalog: Shipped.catalog).run(sheet).proposal
        let zh = Shipped.renderer.markdown(proposal, lang: .zh), en = Shipped.renderer.markdown(proposal, lang: .en)
        let row = try #require(zh.split(separator: "\n").first { $0.hasPrefix("| 人均营业收入 |") })
        #expect(row.hasPrefix("| 人均营业收入 | 300 元/人 |") && row.hasSuffix("| 315 至 336 元/人 |"), "\(row)")
        let rowEn = try #require(en.split(separator: "\n").first { $0.hasPrefix("| Revenue per employee |") })
        #expect(rowEn.hasPrefix("| Revenue per employee | CNY 300 per employee |") && rowEn.hasSuffix("| CNY 315 to 336 per employee |"), "\(rowEn)")
        let outcome = try #require(proposal.outcomes.first { $0.metric == "revenue_per_employee" })
        #expect(outcome.baselineDisplay == Localized(zh: "300 元/人", en: "CNY 300 per employee"))
    }

    /// A contractor overlay with `workstreams: 1` made the English assumptions say "with at most 1 modules built at
    /// the same time" (found reviewing the strings the sweep's overlays reach).
    @Test func oneWorkstreamReadsAsOneModuleAtATime() throws {
        var catalog = Shipped.catalog
        let k = try #require(catalog.overlays.firstIndex { $0.industry == "auto-parts" })
        catalog.overlays[k].workstreams = 1
        let proposal = try Engine(catalog: catalog).run(Shipped.example("auto-parts-midsize.yaml"), contractor: catalog.overlays[k].id).proposal
        #expect(proposal.totals.workstreams == 1)
        let en = Shipped.renderer.markdown(proposal, lang: .en)
        #expect(!en.contains("at most 1 modules") && en.contains("with one module built at a time; measures run alongside"))
        let zh = Shipped.renderer.markdown(proposal, lang: .zh)
        #expect(zh.contains("总包商最多 1 个模块并行实施"))
    }

    /// A plant of 100,000 people and 10⁷ 万元 of revenue read "企业规模：中型" with SME subsidies and nothing else:
    /// gaizao has no band for a large enterprise. Such a plant (or a revenue typed in yuan, not 万元) is now flagged
    /// by a risk in both industries: outside the SME pilots, subsidies to be confirmed, check the two figures.
    @Test func aLargeEnterpriseIsFlagged() throws {
        let engine = Engine(catalog: Shipped.catalog)
        for industry in ["auto-parts", "home-appliance"] {
            let huge = try engine.run(SweepEnterprises.sheet(try Self.industry(industry), .huge, seed: 1)).proposal
            let prefix = industry == "auto-parts" ? "ap" : "ha"
            #expect(huge.risks.contains { $0.rule == "\(prefix)-r-risk-not-sme" && $0.text.zh.contains("大型企业") && $0.mitigation != nil })
        }
        var sheet = Shipped.example("auto-parts-midsize.yaml")
        #expect(try !engine.run(sheet).proposal.risks.contains { $0.rule == "ap-r-risk-not-sme" })
        // 1,200 people and revenue typed in yuan (35,000,000 "万元").
        sheet.answers["employees"] = .number(1200)
        sheet.answers["annual_revenue"] = .number(35_000_000)
        #expect(try engine.run(sheet).proposal.risks.contains { $0.rule == "ap-r-risk-not-sme" })
        // Large staff but SME revenue is an SME (either figure under its limit).
        sheet.answers["annual_revenue"] = .number(30_000)
        #expect(try !engine.run(sheet).proposal.risks.contains { $0.rule == "ap-r-risk-not-sme" })
    }

    /// An enterprise below level 1 whose budget reaches no level read "本方案按预算内可达到的最高等级未达一级编制" (the
    /// package aims at the highest level the budget reaches, "below level 1"): there is no level to aim at, and the
    /// line says the package raises the points as far as the budget allows.
    @Test func aBudgetThatReachesNoLevelSaysSo() throws {
        let sheet = SweepEnterprises.sheet(try Self.industry("auto-parts"), .allMin, seed: 1)
        let proposal = try Engine(catalog: Shipped.catalog).run(sheet, budgetYuan: 10_000).proposal
        #expect(proposal.diagnosis.level == 0 && proposal.after.level == 0 && proposal.target?.reached == false)
        let zh = Shipped.renderer.markdown(proposal, lang: .zh), en = Shipped.renderer.markdown(proposal, lang: .en)
        #expect(!zh.contains("最高等级未达一级") && zh.contains("预算内无法达到，预算内也达不到一级；本方案在预算内尽量提高得分"))
        #expect(!en.contains("reaches, below L1") && en.contains("out of reach within the budget, as is level 1"))
    }
}
