import Foundation
import Testing
@testable import GaizaoCLI
@testable import GaizaoCore

/// What an audit of the rendered proposals found: unfilled placeholders, tables that do not add up, dates that
/// contradict their rule, stray 万元 in English, wording that reads wrong at the edges.
@Suite struct ProposalTextAuditTests {
    /// The settings a proposal is commonly made with, over which every shipped example is rendered.
    static let settings: [(name: String, budget: Int?, target: TargetLevel)] = [
        ("default", nil, .automatic), ("level 3", nil, .level(3)), ("level 4", nil, .level(4)),
        ("none", nil, .none), ("budget 30", 300_000, .automatic),
    ]

    static func proposal(_ example: String, budget: Int? = nil, target: TargetLevel = .automatic) throws -> Proposal {
        try Engine(catalog: RenderFixtures.catalog).run(RenderFixtures.sheet(example), budgetYuan: budget, target: target).proposal
    }

    /// Every shipped example under the common settings, rendered in both languages.
    static func rendered() throws -> [(what: String, proposal: Proposal, lang: Lang, md: String, html: String)] {
        var out: [(String, Proposal, Lang, String, String)] = []
        for example in RenderFixtures.examples {
            for s in settings {
                let p = try proposal(example, budget: s.budget, target: s.target)
                for lang in [Lang.zh, .en] {
                    out.append(("\(example) (\(s.name), \(lang))", p, lang, RenderFixtures.renderer.markdown(p, lang: lang), RenderFixtures.renderer.html(p, lang: lang)))
                }
            }
        }
        return out
    }

    /// A `{name}` (or `{name|one|other}`) of the string tables that reached the reader unfilled.
    static func placeholders(_ text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "\\{[a-z][a-z0-9]*(\\|[^{}]*)?\\}")
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    /// The Gantt chart's description once formatted the roadmap sentence without its `{k}` (modules at a time).
    @Test func noPlaceholderIsLeftUnfilled() throws {
        for r in try Self.rendered() {
            #expect(Self.placeholders(r.md).isEmpty, "\(r.what): \(Self.placeholders(r.md))")
            #expect(Self.placeholders(r.html).isEmpty, "\(r.what): \(Self.placeholders(r.html))")
        }
    }

    @Test func theGanttDescriptionSaysHowManyModulesRunAtATime() throws {
        let p = try Self.proposal("auto-parts-midsize")
        let k = try #require(p.totals.workstreams)
        let zh = RenderFixtures.renderer.html(p, lang: .zh), en = RenderFixtures.renderer.html(p, lang: .en)
        #expect(zh.contains("最多 \(k) 个并行") && !zh.contains("{k}"))
        #expect(en.contains("at most \(k) at a time") && !en.contains("{k}"))
        // The chart's description is the roadmap section's sentence.
        let desc = try #require(zh.range(of: "<desc id=\"chart-gantt-wide-desc\">").map { zh[$0.upperBound...].prefix { $0 != "<" } })
        #expect(RenderFixtures.renderer.markdown(p, lang: .zh).contains(String(desc)))
    }

    /// English counts agree with their nouns: "1 module", "2 modules".
    @Test func englishCountsTakeTheRightNumber() {
        let strings = RenderStrings(.en)
        #expect(strings.format("ladderContentsFmt", ["m": "1", "k": "2"]) == "1 module, 2 measures")
        #expect(strings.format("ladderContentsFmt", ["m": "3", "k": "1"]) == "3 modules, 1 measure")
        #expect(strings.format("roadmapIntroFmt", ["n": "1", "w": "4", "k": "1", "p": "1"]).hasPrefix("1 module scheduled by their dependencies over 4 weeks"))
        #expect(RenderStrings(.zh).format("ladderContentsFmt", ["m": "1", "k": "2"]) == "1 个模块、2 项措施")
        for r in (try? Self.rendered()) ?? [] where r.lang == .en {
            for text in [" 1 modules", "\n1 modules", " 1 measures", " 1 weeks", " 1 points", "- 1 scenes at level", "at most 1 scenes"] {
                #expect(!r.md.contains(text), "\(r.what): \(text)")
            }
        }
    }

    /// A money cell as rendered (`12.8–27.5 万元`, `5 万元`, `CNY 128,000–275,000`) as a range of yuan.
    static func yuan(_ cell: String) -> (low: Int, high: Int)? {
        var t = cell.replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces)
        let wan = t.hasSuffix(" 万元")
        if wan { t = String(t.dropLast(3)) } else if t.hasPrefix("CNY ") { t = String(t.dropFirst(4)).replacingOccurrences(of: ",", with: "") } else { return nil }
        let parts = t.components(separatedBy: "–")
        let values = parts.compactMap { wan ? Money.yuan(fromWan: $0) : Int($0) }
        guard values.count == parts.count, let low = values.first, let high = values.last else { return nil }
        return (low, high)
    }

    /// The cost table's 合计 is the investment, which counts the management measures: the measures are rows of
    /// the table, so the rows shown add up to the total (auto-parts-midsize once showed rows adding to 134.48
    /// under a total of 138.48).
    @Test func theCostTableAddsUp() throws {
        var sawMeasures = false
        for r in try Self.rendered() {
            let lines = r.md.components(separatedBy: "\n")
            let title = r.lang == .zh ? ["### 模块费用", "### 模块与管理措施费用"] : ["### Module costs", "### Costs of modules and management measures"]
            // A package without modules or measures has no cost table: one sentence says there is nothing to pay.
            if r.proposal.totals.selectedModules == 0 && (r.proposal.totals.selectedMeasures ?? 0) == 0 {
                #expect(!lines.contains { title.contains($0) } && r.md.contains(RenderStrings(r.lang)["budgetNothing"]), "\(r.what)")
                continue
            }
            let start = try #require(lines.firstIndex { title.contains($0) }, "\(r.what)")
            var low = 0, high = 0, rows = 0, total: (low: Int, high: Int)?
            for line in lines[(start + 4)...] {
                guard line.hasPrefix("|") else { break }
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                let amount = try #require(Self.yuan(cells[3]), "\(r.what): \(line)")
                if cells[1].contains("**") { total = amount; break }
                low += amount.low
                high += amount.high
                rows += 1
            }
            let t = try #require(total, "\(r.what)")
            // 万元 are shown to two decimals: each row may be 50 yuan off; English shows exact yuan.
            let slack = r.lang == .zh ? 50 * rows : 0
            #expect(abs(t.low - low) <= slack && abs(t.high - high) <= slack, "\(r.what): rows \(low)–\(high), total \(t)")
            let investment = r.proposal.totals.investment
            #expect(abs(t.low - investment.lowYuan) <= 50 && abs(t.high - investment.highYuan) <= 50, "\(r.what)")
            let measures = (r.proposal.measures ?? []).filter { $0.status == .include }
            if !measures.isEmpty {
                sawMeasures = true
                #expect(lines[start] == title[1], "\(r.what)")
            }
            // The HTML table shows the same rows (one per module and measure) over the same total.
            let table = try #require(r.html.range(of: title[measures.isEmpty ? 0 : 1].dropFirst(4) + "</h3>").map { r.html[$0.upperBound...] }, "\(r.what)")
            let body = table[..<table.range(of: "</table>")!.lowerBound]
            let htmlRows = body.components(separatedBy: "<tr><th scope=\"row\" class=\"name\">").count - 1
            #expect(htmlRows == r.proposal.modules.count { $0.status.isSelected } + measures.count, "\(r.what)")
            let foot = try #require(body.range(of: "<tfoot>").map { body[$0.upperBound...] }, "\(r.what)")
            #expect(foot.contains(r.lang == .zh ? Money.wanRange(t.low, t.high) : Money.groupedRange(t.low, t.high)), "\(r.what)")
        }
        #expect(sawMeasures)
    }

    /// "每批模块上线前两周" training: each batch (modules going live the same week) is trained in the two weeks up
    /// to its go-live week, in the order the batches go live. It once listed each phase's last two weeks (MES,
    /// live in week 14, trained in weeks 27–28).
    @Test func trainingIsInTheTwoWeeksBeforeEachBatchGoesLive() throws {
        var withModules = 0
        for example in RenderFixtures.examples {
            let p = try Self.proposal(example)
            let md = RenderFixtures.renderer.markdown(p, lang: .zh)
            // By start week, then in the proposal's (the catalog's) module order.
            let order = Dictionary(uniqueKeysWithValues: p.modules.enumerated().map { ($1.id, $0) })
            let scheduled = p.modules.filter { $0.status.isSelected && $0.endWeek != nil }
                .sorted { ($0.startWeek!, order[$0.id]!) < ($1.startWeek!, order[$1.id]!) }
            let ends = Array(Set(scheduled.map { $0.endWeek! })).sorted()
            // A package without modules has nothing going live and says no such thing.
            guard !ends.isEmpty else { #expect(!md.contains("每批模块上线前两周"), "\(example)"); continue }
            withModules += 1
            let expected = ends.map { end in
                let weeks = end <= 1 ? "第 1 周" : "第 \(end - 1)–\(end) 周"
                return "- \(weeks)：" + scheduled.filter { $0.endWeek == end }.map(\.name.zh).joined(separator: "、")
            }
            let intro = try #require(md.range(of: "每批模块上线前两周"), "\(example)")
            let lines = md[intro.upperBound...].components(separatedBy: "\n").dropFirst(2).prefix(expected.count)
            #expect(Array(lines) == expected, "\(example)")
        }
        #expect(withModules >= 3)
    }

    /// The HTML summary once showed the yearly fees only beside monetised benefits (auto-parts-advanced has fees
    /// and no benefits: the Markdown said them, the HTML not), and the module count under the duration unlabelled.
    @Test func theHTMLSummaryShowsYearlyFeesAndLabelsTheModuleCount() throws {
        var feesWithoutBenefits = 0
        for example in RenderFixtures.examples {
            let p = try Self.proposal(example)
            for lang in [Lang.zh, .en] {
                let t = RenderStrings(lang), f = RenderFormat.of(lang)
                let html = RenderFixtures.renderer.html(p, lang: lang)
                let start = try #require(html.range(of: "<p class=\"headline\">"), "\(example)")
                let summary = html[start.upperBound...].prefix { _ in true }
                let end = try #require(summary.range(of: "<h2"), "\(example)")
                let text = summary[..<end.lowerBound]
                let fees = try #require(p.totals.yearlyFees)
                if fees.highYuan > 0 {
                    #expect(text.contains("<strong>\(t["yearlyFees"])</strong>\(t["colon"])\(f.money(fees))"), "\(example) \(lang)")
                    if (p.benefits?.annualSaving.highYuan ?? 0) == 0 { feesWithoutBenefits += 1 }
                }
                let count = try #require(text.range(of: "<dt>\(t["duration"])</dt>").map { text[$0.upperBound...].prefix { $0 != "\n" } }, "\(example)")
                #expect(count.contains("<small>\(t["modules"])\(t["colon"])"), "\(example) \(lang): \(count)")
            }
        }
        #expect(feesWithoutBenefits > 0)
    }

    /// No payback at either end (`paybackYears` `{}`): said of both estimates, not of "the low estimate".
    @Test func aPackageThatNeverPaysBackSaysSoForBothEstimates() throws {
        var p = try Self.proposal("auto-parts-midsize")
        try #require(p.benefits != nil)
        p.benefits!.paybackYears = .init(low: nil, high: nil)
        let zh = RenderFixtures.renderer.markdown(p, lang: .zh), en = RenderFixtures.renderer.markdown(p, lang: .en)
        #expect(zh.contains("按高、低估算均无法回收") && !zh.contains("按低估算无法回收"))
        #expect(en.contains("not recovered at either estimate") && !en.contains("not recovered at the low estimate"))
    }

    /// Points that do not move "stay"; a score exactly at the pass mark is "exactly" at it, not "0 above".
    @Test func unmovedPointsAndAnExactPassMarkAreSaidPlainly() throws {
        var p = try Self.proposal("auto-parts-midsize")
        p.after.points = p.diagnosis.points
        p.after.level = p.diagnosis.level
        let points = RenderFormat.of(.zh).points(p.diagnosis.points)
        let zh = RenderFixtures.renderer.markdown(p, lang: .zh), en = RenderFixtures.renderer.markdown(p, lang: .en)
        #expect(zh.contains("得分保持 \(points) 分") && !zh.contains("得分由 \(points) 分提高到 \(points) 分"))
        #expect(en.contains("points stay at \(points)") && !en.contains("rise from \(points) to \(points)"))
        #expect(RenderFixtures.renderer.html(p, lang: .zh).contains("总分保持 \(points) 分"))

        var q = try Self.proposal("auto-parts-midsize")
        let level = try #require(q.target?.level)
        try #require(q.target?.reached == true)
        let k = try #require(q.after.levelChecks.firstIndex { $0.level == level })
        q.after.levelChecks[k].points = q.after.levelChecks[k].pointsNeeded
        let zhRisk = RenderFixtures.renderer.markdown(q, lang: .zh), enRisk = RenderFixtures.renderer.markdown(q, lang: .en)
        #expect(zhRisk.contains("恰好达到 \(level) 级及格线") && !zhRisk.contains("高 0 分"))
        #expect(enRisk.contains("is exactly the level-\(level) pass mark") && !enRisk.contains("only 0 above"))
    }

    /// The yearly-fee table's basis is the fee's own (a flat yearly range in cost-model.yaml), not the one-off
    /// price's formula ("基础 2–5 万元 + 每台 0.12–0.25 万元" beside a fee of 0.2–0.6 万元).
    @Test func theYearlyFeeBasisIsTheFeesOwn() throws {
        var tables = 0
        for example in RenderFixtures.examples {
            let p = try Self.proposal(example)
            for lang in [Lang.zh, .en] {
                let t = RenderStrings(lang)
                let md = RenderFixtures.renderer.markdown(p, lang: lang)
                let header = "| \(t["module"]) | \(t["yearlyFee"]) | \(t["costBasis"]) |"
                guard let start = md.range(of: header) else { continue }
                let rows = md[start.upperBound...].components(separatedBy: "\n").dropFirst(2).prefix { $0.hasPrefix("| ") && !$0.hasPrefix("| **") }
                #expect(!rows.isEmpty, "\(example)")
                tables += 1
                for row in rows {
                    #expect(row.hasSuffix("| \(t["yearlyFeeBasis"]) |") || row.hasSuffix("| \(t["dash"]) |"), "\(example) \(lang): \(row)")
                }
            }
        }
        #expect(tables >= 6)
    }

    /// The assumptions say how the prices were made: by the cost model's drivers (not "by the size band" when no
    /// module is), and each upgrade at the share it was priced at (the network upgrade at its own 40%).
    @Test func thePricingAssumptionsSayWhatIsTrue() throws {
        // Without an application network and with few machines networked, the network is built anew: every
        // upgrade is at the catalog's 50%.
        var plain = try RenderFixtures.sheet("auto-parts-midsize")
        plain.answers["network"] = .options(["workshop_control"])
        let p = try Engine(catalog: RenderFixtures.catalog).run(plain).proposal
        let zh = p.assumptions.map(\.zh)
        #expect(!zh.contains { $0.hasPrefix("费用为按企业规模档") }, "\(zh)")
        #expect(zh.contains { $0.contains("按成本模型随企业规模") }, "\(zh)")
        #expect(zh.contains("升级现有系统按新建费用的 50% 估算。"), "\(zh)")

        var sheet = plain
        sheet.answers["equipment_network_rate"] = .number(25)
        let upgraded = try Engine(catalog: RenderFixtures.catalog).run(sheet).proposal
        let network = try #require(upgraded.modules.first { $0.id == "ap-s-network" })
        try #require(network.status == .upgrade)
        let assumptions = upgraded.assumptions
        #expect(assumptions.contains { $0.zh.contains("车间网络与数据采集基础 40%") && $0.en.contains("\(network.name.en) 40%") }, "\(assumptions)")
        #expect(!assumptions.contains { $0.zh == "升级现有系统按新建费用的 50% 估算。" })
    }

    /// A scaled price's English basis names its driver without nesting parentheses ("priced for 90 machines
    /// (production machines (estimated as 60% of employees))") and writes money as CNY, not 万元.
    @Test func theEnglishPriceBasisReadsPlainly() throws {
        var seen = 0
        for example in RenderFixtures.examples {
            for m in try Self.proposal(example).modules {
                guard let basis = m.costBasis?.en else { continue }
                seen += 1
                var depth = 0, deepest = 0
                for c in basis { if c == "(" { depth += 1; deepest = max(deepest, depth) } else if c == ")" { depth -= 1 } }
                #expect(deepest <= 1, "\(basis)")
                #expect(!basis.contains("万元"), "\(basis)")
            }
        }
        #expect(seen > 10)
    }

    /// English money is written `CNY 581,000` throughout: benefit bases and inputs, subsidy notes, the answers
    /// appendix, the price basis, the evidence checklist and the planner's next-step and budget reasons once wrote
    /// 万元.
    @Test func englishMoneyIsInCNY() throws {
        for r in try Self.rendered() where r.lang == .en {
            let stray = r.md.components(separatedBy: "\n").filter { $0.contains("万元") }
            #expect(stray.isEmpty, "\(r.what): \(stray)")
        }
        let p = try Self.proposal("auto-parts-midsize")
        let revenue = try #require(p.answers.first { $0.question == "annual_revenue" })
        #expect(revenue.display.en == "CNY 120,000,000" && revenue.display.zh == "12000 万元", "\(revenue.display)")
        #expect(Money.englishAmount(wan: 8.5, unit: Localized(zh: "万元/人·年", en: "万元 per person-year")) == "CNY 85,000 per person-year")
        #expect(Money.englishAmount(wan: 600, unit: Localized(zh: "万元/年", en: "10k CNY per year")) == "CNY 6,000,000 per year")
        #expect(Money.englishAmount(wan: 3, unit: Localized(zh: "人", en: "people")) == nil)
    }
}

/// The second audit (compare, explain, wizard and the proposal's own sentences).
@Suite struct ProposalTextAuditTwoTests {
    /// A budget with a target chose the package by level, points and least investment, not "personalized modules
    /// within the budget" as the rules-only package does.
    @Test func theBudgetNoteSaysHowTheBudgetChose() throws {
        let targeted = try ProposalTextAuditTests.proposal("home-appliance-midsize", budget: 600_000, target: .automatic)
        let md = RenderFixtures.renderer.markdown(targeted, lang: .zh)
        #expect(md.contains("在预算上限 60 万元（与投资估算上限比较）内选择组合：先求等级最高"), "\(md)")
        #expect(!md.contains("选择个性化模块"))
        let en = RenderFixtures.renderer.markdown(targeted, lang: .en)
        #expect(en.contains("The package was chosen within a budget of CNY 600,000 (against the high estimate)"))
        // Above the standard modules' high estimate (1,237,000 yuan): a rules-only budget below it is refused.
        let rulesOnly = try ProposalTextAuditTests.proposal("home-appliance-midsize", budget: 1_500_000, target: .none)
        #expect(RenderFixtures.renderer.markdown(rulesOnly, lang: .zh).contains("选择个性化模块"))
    }

    /// "Not needed for the target" only where the package reaches its target.
    @Test func noMeasureIsSaidToBeUnneededForATargetOutOfReach() throws {
        var unreached = 0
        for r in try ProposalTextAuditTests.rendered() where r.lang == .zh {
            let reached = r.proposal.target.map { $0.level != nil && $0.reached } == true
            if !reached {
                unreached += 1
                #expect(!r.md.contains("达到目标等级不需要新增管理措施"), "\(r.what)")
            }
        }
        #expect(unreached > 0, "the settings include targets out of reach and rules-only packages")
    }

    /// An outcome's baseline and target carry the unit of the answer they come from; the energy indicator is not
    /// named "per 100 CNY" over a figure per 10,000 CNY.
    @Test func outcomeBaselinesAndTargetsHaveTheirUnits() throws {
        let p = try ProposalTextAuditTests.proposal("auto-parts-midsize")
        let md = RenderFixtures.renderer.markdown(p, lang: .zh)
        #expect(md.contains("| 单位营业收入综合能耗 | 85 千克标准煤/万元 | -8% 至 -3% | 78.2 至 82.5 千克标准煤/万元 |"), "\(md)")
        #expect(md.contains("元/百元营业收入 |"), "\(md)")
        let en = RenderFixtures.renderer.markdown(p, lang: .en)
        #expect(en.contains("| 85 kgce per 10,000 CNY |"), "\(en)")
        let energy = try #require(p.outcomes.first { $0.metric == "energy_per_revenue" })
        #expect(energy.baselineUnit == Localized(zh: "千克标准煤/万元", en: "kgce per 10,000 CNY"))
    }
}

/// A third read of the proposals as the owner and the consultant read them.
@Suite struct ProposalTextAuditThreeTests {
    /// A standard module names only the scene levels the enterprise has not reached, and its acceptance criteria
    /// never promise a level already held.
    @Test func levelsAlreadyHeldAreNeitherReasonsNorCriteria() throws {
        var sheet = try RenderFixtures.sheet("auto-parts-midsize")
        for key in sheet.answers.keys where key.hasPrefix("scene_") { sheet.answers[key] = .number(4) }
        sheet.answers["network"] = .options(["workshop_control"])  // no network to upgrade: the standard module's reason
        let out = try Engine(catalog: RenderFixtures.catalog).run(sheet, target: .none)
        let network = try #require(out.proposal.modules.first { $0.id == "ap-s-network" })
        #expect(!network.reasons.contains { $0.text.zh.contains("现状未达到") }, "\(network.reasons.map(\.text.zh))")
        #expect(network.reasons.contains { $0.text.zh.contains("相关场景现状已达到本模块的等级") }, "\(network.reasons.map(\.text.zh))")
        let md = RenderFixtures.renderer.markdown(out.proposal, lang: .zh)
        #expect(!md.contains("达到2级、") && !md.contains("决策支持达到2级"), "\(md)")

        // Today's example: 财务管理 is at level 2, so ERP's criteria name 营销 and 采购 only.
        let mid = try ProposalTextAuditTests.proposal("auto-parts-midsize")
        let text = RenderFixtures.renderer.markdown(mid, lang: .zh)
        let erp = try #require(text.split(separator: "\n").first { $0.hasPrefix("| 轻量ERP") && $0.contains("场景等级（按附录B") })
        #expect(erp.contains("营销管理达到3级、采购管理达到3级") && !erp.contains("财务管理达到2级"), "\(erp)")
    }

    /// Subsidy rates are "up to" and the reward a maximum; a one-off reward is never "counted" in the table
    /// while the summary says it is not; the qualified subsidy is said to be at the policy maximum.
    @Test func subsidiesSayTheyAreMaximaAndTheRewardIsApart() throws {
        let p = try ProposalTextAuditTests.proposal("auto-parts-advanced")
        let md = RenderFixtures.renderer.markdown(p, lang: .zh)
        #expect(md.contains("| 宁波市级中小企业数字化改造样本企业奖励 | 一次性奖励 | — | 最高 20 万元 | 一次性奖励 | 符合，另行发放，不计入净投入 |"), "\(md)")
        #expect(md.contains("| 重点行业中小企业数字化改造试点项目补助 | 50%以内 |"))
        #expect(md.contains("符合条件的补助（按政策上限测算）") && !md.contains("确定可得补助"))
        let en = RenderFixtures.renderer.markdown(p, lang: .en)
        #expect(en.contains("up to 50%") && en.contains("eligible; paid apart, not in the net cost") && !en.contains("Certain subsidy"))
    }

    /// A scene below level 1 reads "未达1级", never "0级", in both languages' tables.
    @Test func noSceneIsAtLevelZero() throws {
        for r in try ProposalTextAuditTests.rendered() {
            #expect(!r.md.contains("0级") && !r.md.contains("| L0 |") && !r.md.contains("L0 →"), "\(r.what)")
        }
    }

    /// An outcome moved by several modules: each end is the strongest single module's, as the benefit estimate
    /// counts them (§3 and §13 agree) — never compounded, and never the weakest module's −0.1% as the target's end.
    @Test func outcomesCombineTheModulesEffects() throws {
        let rise = ProposalBuilder.combined([(1, 3), (5, 12)])
        #expect(rise.low == 5 && rise.high == 12, "\(rise)")
        let fall = ProposalBuilder.combined([(-3, -1), (-0.5, -0.1)])
        #expect(fall.low == -3 && fall.high == -1, "\(fall)")
        #expect(ProposalBuilder.combined([(-2, 3)]) == (-2, 3))
        #expect(ProposalBuilder.combined([(-8, -3), (-5, -4)], lowerIsBetter: true) == (-8, -4))
        let p = try ProposalTextAuditTests.proposal("auto-parts-midsize")
        for o in p.outcomes {
            let effects = p.kpis.filter { $0.metric == o.metric }
            guard let low = o.expectedLow, let high = o.expectedHigh, effects.count > 1 else { continue }
            // The modest end is at least as strong as every module's modest end.
            if effects.allSatisfy({ $0.low >= 0 }) { #expect(effects.allSatisfy { low >= $0.low }, "\(o.metric)") }
            if effects.allSatisfy({ $0.high <= 0 }) { #expect(effects.allSatisfy { high <= $0.high }, "\(o.metric)") }
            // The strong end is one module's, not a sum: §13 counts no more.
            #expect(effects.contains { $0.high == high } || effects.contains { $0.low == low }, "\(o.metric)")
        }
    }
}
