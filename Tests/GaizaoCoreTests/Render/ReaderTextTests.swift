@testable import GaizaoCore
import Testing

/// What a reader of a proposal would stumble over, read from the shipped examples (the owner deciding to spend, the
/// consultant signing): each case names what the text said before.
@Suite struct ReaderTextTests {
    static func documents(_ example: String) throws -> (zh: String, en: String) {
        let proposal = try Engine(catalog: Shipped.catalog).run(Shipped.example(example)).proposal
        return (Shipped.renderer.markdown(proposal, lang: .zh), Shipped.renderer.markdown(proposal, lang: .en))
    }

    /// English put the table's capitalised level names inside sentences: "from Below level 1 to Level 2",
    /// "the target Level 4". Cells and labels keep their capital.
    @Test func englishSentencesNameLevelsInLowerCase() throws {
        let small = try Self.documents("auto-parts-small-workshop.yaml").en
        #expect(small.contains("The retrofit is projected to move the enterprise from below level 1 to level 2;"))
        #expect(small.contains("**Target level 2 (the city pilot's pass mark, rated on site)"))
        #expect(small.contains("- **Level now**: Below level 1 (12.5 of 100 points)"))
        let advanced = try Self.documents("home-appliance-advanced.yaml").en
        #expect(advanced.contains("the package aims at the highest reachable level, level 3"), "\(advanced)")
        #expect(!advanced.contains("the target Level") && !advanced.contains("Keep Level"))
    }

    /// A net benefit range with a negative end read "-3.24–2.79 万元" (a dash after a minus reads as a subtraction).
    @Test func aRangeWithANegativeEndIsJoinedInWords() throws {
        let (zh, en) = try Self.documents("auto-parts-small-workshop.yaml")
        #expect(zh.contains("- **扣除年费后的年净效益**：-4.06 至 4.09 万元"), "\(zh)")
        #expect(en.contains("- **Annual benefit net of yearly fees**: CNY -40,600 to 40,900"))
        #expect(zh.contains("- **投资估算**：11.15–29.1 万元"))
    }

    /// A subsidy whose minimum investment only the high estimate reaches makes the net cost lower at the high end:
    /// "企业净投入：29.75–28.11 万元" read as an error. The smaller figure comes first, and the headline says why.
    @Test func aNetCostLowerAtTheHighEndReadsInOrderAndSaysWhy() throws {
        var p = try Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-midsize.yaml")).proposal
        p.totals.netCost = .init(lowYuan: 297_500, highYuan: 281_100)
        let zh = Shipped.renderer.markdown(p, lang: .zh), en = Shipped.renderer.markdown(p, lang: .en)
        #expect(zh.contains("- **企业净投入**：28.11–29.75 万元（投资按高估算时才达到补助的投资门槛，所以高估算的净投入反而较低）"), "\(zh)")
        #expect(en.contains("CNY 281,100–297,500 (only the high investment estimate reaches a subsidy's minimum investment"))
        #expect(!zh.contains("29.75–28.11"))
    }

    /// With no certain subsidy the funding section said "其中 0 万元 在验收后以补助形式收回", and a ladder row of
    /// measures only began "0 个模块、4 项措施".
    @Test func nothingIsCountedAsZeroInWords() throws {
        let (zh, en) = try Self.documents("auto-parts-small-workshop.yaml")
        #expect(zh.contains("实施期间需要垫付的资金：11.15–29.1 万元（全部投资）；其中没有确定在验收后以补助形式收回的部分。"))
        #expect(en.contains("(the whole investment); no part of it is certain to come back as subsidy."))
        #expect(!zh.contains("0 个模块") && !en.contains("0 modules") && !zh.contains("、0 项措施") && !en.contains("0 measures"))
        #expect(zh.contains("| 一级 | 可达到 | 0–4 万元 | 0–4 万元 | 3 周 | 4 项措施："))
        let mid = try Self.documents("auto-parts-midsize.yaml").zh
        #expect(mid.contains("其中 10.36–24.27 万元 在验收后以补助形式收回。"))
    }

    /// Within a budget the package buys points past its level: "目标二级：可以达到；投资 42.3–99.7 万元" read as the
    /// price of level 2, which its measures alone reach for 0–3 万元. The budget note now says so.
    @Test func aBudgetPackageSaysWhatItsLevelAloneCosts() throws {
        let proposal = try Engine(catalog: Shipped.catalog).run(Shipped.example("home-appliance-midsize.yaml"), budgetYuan: 1_000_000).proposal
        #expect(proposal.after.level == 2 && proposal.totals.investment.highYuan > 30_000)
        let zh = Shipped.renderer.markdown(proposal, lang: .zh), en = Shipped.renderer.markdown(proposal, lang: .en)
        #expect(zh.contains("仅达到二级的最低投入为 0–3 万元（见“各等级所需投入”）；其余投入用于在预算内提高得分（改造后 57.55 分），不提升等级。"), "\(zh)")
        #expect(en.contains(" Reaching level 2 alone takes CNY 0–30,000 at the least (see \"What each level costs\"); the rest of the investment raises the points within the budget (to 57.55), not the level."))
        // Without a budget the package is the level's cheapest: nothing is added.
        let plain = try Self.documents("home-appliance-midsize.yaml").zh
        #expect(!plain.contains("仅达到"))
    }

    /// The benefits table's rows added up to 49.2 万元 under a total of 40.8 万元 (each metric counts once, at its
    /// largest module figure) with nothing saying which rows the total leaves out: the intro now names them.
    @Test func theBenefitTotalSaysWhichRowsItDoesNotCountInFull() throws {
        let (zh, en) = try Self.documents("auto-parts-midsize.yaml")
        #expect(zh.contains("表中车间网络与数据采集基础改善的指标另有模块改善得更多，未全部计入合计，所以合计小于各行之和。"), "\(zh)")
        #expect(en.contains("The figures of Shop-floor network and data collection are not counted in full"))
        // Modules improving different metrics add up: no note.
        #expect(!(try Self.documents("auto-parts-small-workshop.yaml").zh.contains("未全部计入合计")))
    }

    /// The engine's own risks start in lower case (they are written to follow a colon): the English risk matrix
    /// read "| the schedule takes 28 weeks, …" among rows that start with a capital.
    @Test func englishRiskRowsStartWithACapital() throws {
        let en = try Self.documents("auto-parts-midsize.yaml").en
        #expect(en.contains("| The schedule takes 30 weeks, more than six months;"), "\(en)")
        #expect(!en.contains("| the schedule takes"))
        let zh = try Self.documents("auto-parts-midsize.yaml").zh
        #expect(zh.contains("| 排期共 30 周，超过半年；"))
    }

    /// English reasons joined into one cell read "…before scrap is made; Five or more changeovers…" and cells began
    /// "not needed for the target…": a sentence now follows a full stop, and a cell starts with a capital.
    @Test func englishReasonCellsReadAsSentences() throws {
        let en = try Self.documents("auto-parts-midsize.yaml").en
        #expect(en.contains("raises alarms before scrap is made. Five or more changeovers a day"), "\(en)")
        #expect(!en.contains("; Five or more"))
        #expect(en.contains("| personalized | not needed now | Not needed for the target of level 3 (the package already brings Quality management level 3, Production control level 3) |"))
        #expect(en.contains("| Lightweight customer portal link | personalized | not needed now | Excludes Automaker EDI and VMI link, which the package holds: no next step |"))
        #expect(Clauses.joinSentences(["A is so.", "B too", "not needed"], separator: "; ") == "A is so. B too; not needed")
        #expect(Clauses.joinSentences(["甲。", "乙"], separator: "；") == "甲；乙")
    }

    /// The reviewers' table of rule weights had an empty line where the threshold belongs whenever the package has a
    /// target (the note was read off a threshold reason, which only the rules-only package has): the proposal now
    /// carries `ruleThreshold`, and the note says what the threshold decides under a target.
    @Test func theReviewersSeeTheRuleThreshold() throws {
        let proposal = try Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-midsize.yaml")).proposal
        #expect(proposal.ruleThreshold == 2)
        let zh = Shipped.renderer.markdown(proposal, lang: .zh)
        #expect(zh.contains("### 模块决策依据\n\n规则的纳入门槛：推荐规则合计权重 ≥ 2。本方案设有目标等级"), "\(zh)")
        var older = proposal
        older.ruleThreshold = nil
        #expect(!Shipped.renderer.markdown(older, lang: .zh).contains("规则的纳入门槛"))
    }

    /// A target the catalog cannot reach at any price sent the reader to the ladder for "达到目标所需投入" / "what the
    /// target costs", which the ladder cannot give (its row says why it is out of reach); a target missed for the
    /// budget still points to its cost.
    @Test func anUnreachableTargetPointsOnlyToWhy() throws {
        let engine = Engine(catalog: Shipped.catalog)
        let missed = try engine.run(Shipped.example("auto-parts-midsize.yaml"), target: .level(4)).proposal
        let zh = Shipped.renderer.markdown(missed, lang: .zh), en = Shipped.renderer.markdown(missed, lang: .en)
        #expect(zh.contains("本方案按可达到的最高等级三级编制，原因见“目标等级与投入路径”。**"), "\(zh)")
        #expect(en.contains("the package aims at the highest reachable level, level 3 (see \"Target level and what it costs\" for why).**"))
        let overBudget = try engine.run(Shipped.example("home-appliance-midsize.yaml"), budgetYuan: 10_000, target: .level(2)).proposal
        #expect(Shipped.renderer.markdown(overBudget, lang: .zh).contains("原因及达到目标所需投入见“目标等级与投入路径”"))
    }

    /// A package of measures only listed "模块：0 个（标准 0 + 个性化 0）" in its summary.
    @Test func noModuleIsSaidInAWord() throws {
        let proposal = try Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-small-workshop.yaml"), target: .level(1)).proposal
        #expect(proposal.totals.selectedModules == 0)
        #expect(Shipped.renderer.markdown(proposal, lang: .zh).contains("- **模块**：无\n"))
        #expect(Shipped.renderer.markdown(proposal, lang: .en).contains("- **Modules**: none\n"))
        #expect(try Self.documents("auto-parts-midsize.yaml").zh.contains("- **模块**：9 个（标准 6 + 个性化 3）"))
    }

    /// A roadmap of one phase read "分为 1 个阶段，每个阶段在上一层依赖完成、下一层模块可以开工时开始，…".
    @Test func aOnePhaseRoadmapDoesNotExplainPhases() throws {
        let (zh, en) = try Self.documents("auto-parts-advanced.yaml")
        #expect(zh.contains("2 个模块按依赖关系排程，共 8 周：模块在其前置模块完成后开始，最多 2 个并行；模块之间没有先后依赖，全部在第 1 阶段实施。"), "\(zh)")
        #expect(en.contains("no module waits for another, so all are in phase 1.") && !en.contains("1 phase, each opening"))
        #expect(try Self.documents("auto-parts-midsize.yaml").zh.contains("分为 3 个阶段，每个阶段在上一层依赖完成"))
    }

    /// The training plan told every enterprise to "建立…明确数字化岗位、定期培训、绩效与梯度培养", also one whose
    /// appendix answers (and "已具备" measures) show a post, training and pay rules in place: only the missing rules
    /// are named now.
    @Test func theTalentLineNamesOnlyWhatIsMissing() throws {
        let advanced = try Self.documents("auto-parts-advanced.yaml")
        #expect(advanced.zh.contains("- 数字化人才制度尚缺：梯度培养（对应评测“人才建设”指标）；未列入本方案管理措施的，可作为下一步"), "\(advanced.zh)")
        #expect(advanced.en.contains("- Digital talent rules still missing: development tiers (the evaluation's talent indicator); those not among the package's measures are next steps"))
        #expect(try Self.documents("auto-parts-midsize.yaml").zh.contains("数字化人才制度尚缺：明确数字化岗位、绩效和薪酬办法、梯度培养（"))
        #expect(try Self.documents("auto-parts-small-workshop.yaml").zh.contains("数字化人才制度尚未建立：明确数字化岗位、定期培训、绩效与梯度培养"))
    }

    /// The benefit inputs wrote "50 %（估算…）" / "70 % (Estimate)" where the rest of the document writes "35%".
    @Test func benefitInputPercentagesReadAsElsewhere() throws {
        let (zh, en) = try Self.documents("auto-parts-midsize.yaml")
        #expect(zh.contains("| 生产一线人员占从业人员的比例 | 70%（估算） |") && !zh.contains(" %（"), "\(zh)")
        #expect(en.contains("| Production workers as a share of employees | 70% (Estimate) |") && !en.contains(" % ("))
        #expect(zh.contains("| 一线人员年人工成本（含社保） | 8.5 万元/人·年（估算"))
    }

    /// "人均营业收入 +5% 至 +15.36%" had no basis a reader could find (MES says +5–12%, the network +1–3%), and §13
    /// counted only the strongest module: the targets now count each end's strongest module too, and the intro
    /// says so where several modules move one indicator.
    @Test func combinedOutcomeRangesSayHowTheyAreCombined() throws {
        let (zh, en) = try Self.documents("auto-parts-midsize.yaml")
        #expect(zh.contains("多个模块改善同一指标时，预期变化的两端各只计改善最大的一个模块，不叠加（与效益测算的口径相同）。"), "\(zh)")
        #expect(en.contains("each end of its expected change counts the strongest module alone, not their sum (as the benefit estimate does)."))
        #expect(zh.contains("| 人均营业收入 | 80 万元/人 | +5% 至 +12% | 84 至 89.6 万元/人 |") && !zh.contains("15.36%"))
        #expect(!(try Self.documents("home-appliance-small-workshop.yaml").zh.contains("不叠加（与效益测算的口径相同）")))
    }

    /// A package of measures only said they "与模块同步推进" / "run alongside the modules" it does not have.
    @Test func measuresWithoutModulesRunAlongsideNothing() throws {
        let (zh, en) = try Self.documents("home-appliance-midsize.yaml")
        #expect(zh.contains("以下 3 项管理措施由企业自行实施（可请总包商协助）；每项列出现场评测时需准备的支撑材料。"), "\(zh)")
        #expect(!zh.contains("，与模块同步推进；每项") && !en.contains("run alongside the modules"))
        #expect(try Self.documents("auto-parts-midsize.yaml").zh.contains("与模块同步推进；每项列出"))
    }
}
