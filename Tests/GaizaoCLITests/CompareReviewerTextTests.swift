import Foundation
import Testing
@testable import GaizaoCLI
@testable import GaizaoCore

/// What a reviewer reads in a comparison must not mislead: the warnings at the top and the texts further down
/// agree, and each says what is true of the proposals compared.
@Suite struct CompareReviewerTextTests {
    static let engine = Engine(catalog: RenderFixtures.catalog)

    static func compare(_ inputs: [(String, Proposal)], mode: ProposalComparison.Mode? = nil, allowDifferent: Bool = false,
                        targets: [StatedTarget?] = []) throws -> ProposalComparison {
        try ProposalComparator.compare(inputs.map { (label: $0.0, source: $0.0 + ".json", proposal: $0.1) },
                                       mode: mode, allowDifferent: allowDifferent, targets: targets)
    }

    static func md(_ c: ProposalComparison, _ lang: Lang = .zh) -> String { CompareFixtures.renderer.markdown(c, lang: lang) }

    /// The answers hash covers the diagnosis date: two proposals made from the same answers on different days
    /// have different hashes, but they do not rest on different answers. The warning and the assumptions text
    /// must both say the answers are the same, and the latter why the hashes differ.
    @Test func sameAnswersOnDifferentDatesAreNotDifferentAnswers() throws {
        let sheet = try RenderFixtures.sheet("home-appliance-midsize")
        var later = sheet
        later.date = "2026-12-01"
        let a = try Self.engine.run(sheet, contractor: "example-ha-contractor-a", target: .none).proposal
        let b = try Self.engine.run(later, contractor: "example-ha-contractor-b", target: .none).proposal
        #expect(a.answersHash != b.answersHash && a.date != b.date)
        let c = try Self.compare([("A", a), ("B", b)], mode: .contractors)
        #expect(c.answerDifferences.isEmpty)
        #expect(!c.warnings.contains { $0.en.contains("different answers") })
        let zh = Self.md(c), en = Self.md(c, .en)
        #expect(!zh.contains("答卷不同，见"))
        #expect(zh.contains("各方案依据的企业答卷相同，只是诊断日期不同（见上表）；答卷指纹包含诊断日期，因此各不相同。"))
        #expect(en.contains("Every proposal rests on the same answers; only the diagnosis dates differ (see the table above)."))

        // Answers that do differ are still called different, in the warning and the text alike.
        var edited = sheet
        edited.answers["ha_assembly_lines"] = .number(3)
        let d = try Self.engine.run(edited, contractor: "example-ha-contractor-b", target: .none).proposal
        let differing = try Self.compare([("A", a), ("D", d)], mode: .contractors)
        #expect(differing.answerDifferences.map(\.questionID) == ["ha_assembly_lines"])
        #expect(differing.warnings.contains { $0.en.contains("different answers") })

        // Same answers, same date: nothing to explain.
        let same = try Self.compare([("A", a), ("A2", try Self.engine.run(sheet, contractor: "example-ha-contractor-b", target: .none).proposal)])
        #expect(!same.answersHashesDiffer)
        #expect(Self.md(same).contains("各方案依据的企业答卷相同。\n"))
    }

    /// One credit code under two enterprise names is one enterprise to the comparison (the code is the identity),
    /// but the reviewer must be told: one of the proposals may name the wrong enterprise or carry a wrong code.
    @Test func oneCreditCodeUnderTwoNamesIsFlagged() throws {
        let sheet = try RenderFixtures.sheet("home-appliance-midsize")
        var renamed = sheet
        renamed.answers["company_name"] = .text("慈溪戊己电器有限公司")
        let a = try Self.engine.run(sheet, contractor: "example-ha-contractor-a", target: .none).proposal
        let b = try Self.engine.run(renamed, contractor: "example-ha-contractor-b", target: .none).proposal
        #expect(a.enterprise.creditCode == b.enterprise.creditCode && a.enterprise.name != b.enterprise.name)
        let c = try Self.compare([("a", a), ("b", b)])
        #expect(c.sameEnterprise)
        let warning = try #require(c.warnings.first)
        #expect(warning.zh == "统一社会信用代码相同（91330282EXAMPLE002），企业名称却不同：慈溪戊己电器股份有限公司（a.json）、慈溪戊己电器有限公司（b.json）；请核实是否为同一企业，或某份方案的代码或名称有误")
        #expect(warning.en.hasPrefix("the same credit code (91330282EXAMPLE002) under different enterprise names: 慈溪戊己电器股份有限公司 (a.json), 慈溪戊己电器有限公司 (b.json)"))
        #expect(Self.md(c).contains("- 统一社会信用代码相同（91330282EXAMPLE002），企业名称却不同"))
        #expect(ComparisonJSON(c).warnings.first == warning)
        // One name, one code: nothing to flag.
        #expect(!(try Self.compare([("a", a), ("b2", try Self.engine.run(sheet, contractor: "example-ha-contractor-b", target: .none).proposal)]))
            .warnings.contains { $0.en.contains("credit code") })
    }

    /// A proposal that leaves the credit code out, for an enterprise of the same name that another proposal gives
    /// a code for, is for that enterprise: compared, with a warning naming the file without the code. The header
    /// shows the code even when the first proposal is the one without it.
    @Test func aMissingCreditCodeJoinsTheEnterpriseOfTheSameName() throws {
        let sheet = try RenderFixtures.sheet("home-appliance-midsize")
        var uncoded = sheet
        uncoded.answers["credit_code"] = nil
        let a = try Self.engine.run(sheet, contractor: "example-ha-contractor-a", target: .none).proposal
        let b = try Self.engine.run(uncoded, contractor: "example-ha-contractor-b", target: .none).proposal
        #expect(a.enterprise.creditCode == "91330282EXAMPLE002" && b.enterprise.creditCode == nil && a.enterprise.name == b.enterprise.name)
        let c = try Self.compare([("b", b), ("a", a)])
        #expect(c.sameEnterprise)
        let warning = try #require(c.warnings.first)
        #expect(warning.zh == "b.json 未注明统一社会信用代码，按企业名称“慈溪戊己电器股份有限公司”视为统一社会信用代码 91330282EXAMPLE002 的同一企业；请核实该方案确为此企业所做")
        #expect(warning.en == "b.json gives no credit code: taken by the name 慈溪戊己电器股份有限公司 as the enterprise with credit code 91330282EXAMPLE002; check that it was made for this enterprise")
        let zh = Self.md(c)
        #expect(zh.contains("- **统一社会信用代码**：91330282EXAMPLE002\n"))
        #expect(zh.contains("- b.json 未注明统一社会信用代码"))
        #expect(ComparisonJSON(c).sameEnterprise && ComparisonJSON(c).warnings.first == warning)
        // Both without a code: the name decides, and there is no code to warn about.
        let neither = try Self.compare([("b", b), ("b2", try Self.engine.run(uncoded, contractor: "example-ha-contractor-a", target: .none).proposal)])
        #expect(neither.sameEnterprise && !neither.warnings.contains { $0.en.contains("credit code") })
        // Another name without a code is another enterprise.
        var other = uncoded
        other.answers["company_name"] = .text("慈溪庚辛电器有限公司")
        let o = try Self.engine.run(other, contractor: "example-ha-contractor-b", target: .none).proposal
        #expect(throws: ProposalComparator.Failure.self) { try Self.compare([("a", a), ("o", o)]) }
    }

    /// Two different credit codes are two enterprises, even under one name: refused, and with --allow-different
    /// compared as two enterprises, each named with its code. A proposal without a code under that name could be
    /// either: it is joined to neither.
    @Test func twoCreditCodesAreTwoEnterprisesUnderOneName() throws {
        let sheet = try RenderFixtures.sheet("home-appliance-midsize")
        var recoded = sheet, uncoded = sheet
        recoded.answers["credit_code"] = .text("91330282EXAMPLE099")
        uncoded.answers["credit_code"] = nil
        let a = try Self.engine.run(sheet, contractor: "example-ha-contractor-a", target: .none).proposal
        let b = try Self.engine.run(recoded, contractor: "example-ha-contractor-b", target: .none).proposal
        #expect(a.enterprise.name == b.enterprise.name && a.enterprise.creditCode != b.enterprise.creditCode)
        do {
            _ = try Self.compare([("a", a), ("b", b)])
            Issue.record("two credit codes were compared as one enterprise")
        } catch {
            #expect("\(error)".contains("a.json: 慈溪戊己电器股份有限公司 (91330282EXAMPLE002); b.json: 慈溪戊己电器股份有限公司 (91330282EXAMPLE099)"))
        }
        let allowed = try Self.compare([("a", a), ("b", b)], allowDifferent: true)
        #expect(!allowed.sameEnterprise)
        #expect(Self.md(allowed).contains("- **企业 2**：慈溪戊己电器股份有限公司（"))
        let u = try Self.engine.run(uncoded, contractor: "example-ha-contractor-a", target: .none).proposal
        #expect(ProposalComparator.identities([a, b, u]) == ["code:91330282EXAMPLE002", "code:91330282EXAMPLE099", "name:慈溪戊己电器股份有限公司"])
        #expect(throws: ProposalComparator.Failure.self) { try Self.compare([("a", a), ("u", u), ("b", b)]) }
    }

    /// Two contractors whose packages (the default target, level 2) choose no module still price every module
    /// differently: the offers that differ say they are in no total, so they do not read as the packages' difference.
    @Test func anOfferNoProposalChoosesIsSaidToBeInNoTotal() throws {
        let a = try RenderFixtures.proposal("home-appliance-midsize", contractor: "example-ha-contractor-a")
        let b = try RenderFixtures.proposal("home-appliance-midsize", contractor: "example-ha-contractor-b")
        #expect(!a.modules.contains { $0.status.isSelected } && !b.modules.contains { $0.status.isSelected })
        let c = try Self.compare([("a", a), ("b", b)])
        #expect(!c.priceDifferences.isEmpty)
        let mes = try #require(c.modules.first { $0.moduleID == "ha-s-mes" }).name
        #expect(Self.md(c).contains("| \(mes.zh)（各方案均未选用，不计入投入） |"))
        #expect(Self.md(c, .en).contains("| \(mes.en) (chosen by no proposal, in no investment) |"))
        // A module some proposal chooses carries no such note.
        let rules = try Self.engine.run(try RenderFixtures.sheet("home-appliance-midsize"), contractor: "example-ha-contractor-a", target: .none).proposal
        let chosen = Self.md(try Self.compare([("r", rules), ("b", b)]))
        #expect(chosen.contains("| \(mes.zh) |") && !chosen.contains("\(mes.zh)（各方案均未选用"))
    }

    /// The same proposal in two files is one proposal shown as two columns: said at the top.
    @Test func theVerySameProposalTwiceIsFlagged() throws {
        let a = try RenderFixtures.proposal("home-appliance-midsize", contractor: "example-ha-contractor-a")
        let b = try RenderFixtures.proposal("home-appliance-midsize", contractor: "example-ha-contractor-b")
        let c = try Self.compare([("a", a), ("b", b), ("copy", a)])
        #expect(c.warnings.map(\.en).filter { $0.contains("very same proposal") }
            == ["copy.json is the very same proposal as a.json (one proposal given twice?): the two columns are not two separate proposals"])
        #expect(Self.md(c).contains("- copy.json 与 a.json 是完全相同的方案（同一份方案给了两次？）"))
        #expect(!(try Self.compare([("a", a), ("b", b)])).warnings.contains { $0.en.contains("very same proposal") })
    }

    /// With `--allow-different` the header names each enterprise with its size band and code, and says the
    /// proposals are for different enterprises: no single size band or subtitle as if they were one.
    @Test func differentEnterprisesAreNamedEachInTheHeader() throws {
        let midsize = try RenderFixtures.proposal("auto-parts-midsize")
        let advanced = try RenderFixtures.proposal("auto-parts-advanced")
        #expect(midsize.enterprise.sizeBand != advanced.enterprise.sizeBand)
        let c = try Self.compare([("midsize", midsize), ("advanced", advanced)], allowDifferent: true)
        #expect(!c.sameEnterprise && c.enterpriseNames == [midsize.enterprise.name, advanced.enterprise.name])
        let zh = Self.md(c), en = Self.md(c, .en)
        #expect(zh.hasPrefix("# 慈溪丙丁汽车零部件有限公司 / 慈溪戊己汽车科技股份有限公司 · 方案比较\n\n专家评审 · 不同企业的改造方案并列比较\n"))
        #expect(!zh.contains("同一企业") && !zh.contains("**企业规模**"))
        let midSize = midsize.enterprise.sizeBandName.zh, advancedSize = advanced.enterprise.sizeBandName.zh
        #expect(zh.contains("- **企业 1**：慈溪丙丁汽车零部件有限公司（\(midSize)，统一社会信用代码 91330282EXAMPLE012），见方案 midsize\n"))
        #expect(zh.contains("- **企业 2**：慈溪戊己汽车科技股份有限公司（\(advancedSize)，统一社会信用代码 91330282EXAMPLE013），见方案 advanced\n"))
        #expect(zh.contains("- **比较方式**：不同企业的方案比较（--allow-different）\n"))
        #expect(en.contains("Expert review · proposals for different enterprises side by side\n"))
        #expect(en.contains("- **Enterprise 2**: 慈溪戊己汽车科技股份有限公司 (\(advanced.enterprise.sizeBandName.en), credit code 91330282EXAMPLE013), in advanced\n"))
        #expect(!en.contains("one enterprise") && !en.contains("**Size band**"))
        let json = ComparisonJSON(c)
        #expect(json.proposals.map(\.enterprise) == [midsize.enterprise.name, advanced.enterprise.name])
        #expect(json.proposals.map(\.creditCode) == ["91330282EXAMPLE012", "91330282EXAMPLE013"])
        #expect(ComparisonSummary.line(c, lang: .zh).hasPrefix("慈溪丙丁汽车零部件有限公司 / 慈溪戊己汽车科技股份有限公司：比较 2 份方案"))
        // One enterprise keeps its single header.
        let one = Self.md(try Self.compare([("a", midsize), ("b", try RenderFixtures.proposal("auto-parts-midsize", contractor: "example-ap-contractor-a"))]))
        #expect(one.contains("专家评审 · 同一企业的多份改造方案并列比较\n") && one.contains("- **企业规模**：\(midSize)\n"))
    }

    /// A package built with `--target-level none` has no target: it is not a proposal that fails to state one.
    @Test func aRulesOnlyPackageHasNoTarget() throws {
        let sheet = try RenderFixtures.sheet("home-appliance-midsize")
        let a = try Self.engine.run(sheet, contractor: "example-ha-contractor-a", target: .none).proposal
        let b = try Self.engine.run(sheet, contractor: "example-ha-contractor-b", target: .none).proposal
        // As the CLI reads them: each states `target: {level: null, source: none}`.
        let read = try ProposalReader.readStated(SourceFile(path: "a.json", text: a.jsonText()))
        #expect(read.target == StatedTarget(of: a) && read.target?.isNone == true)
        let c = try Self.compare([("A", a), ("B", b)], targets: [StatedTarget(of: a), StatedTarget(of: b)])
        let zh = Self.md(c), en = Self.md(c, .en)
        #expect(zh.contains("| 目标等级 | 无目标（仅按规则选模块） | 无目标（仅按规则选模块） |"))
        #expect(en.contains("| Target level | no target (rules-only package) | no target (rules-only package) |"))
        #expect(!zh.contains("未注明") && !en.contains("not stated") && !en.contains("states no target"))
        #expect(zh.contains("**可比性**：各方案均没有目标等级（仅按规则选模块），以其中最高的改造后预计等级"))
        #expect(en.contains("No proposal has a target level (each is a rules-only package)"))
        #expect(c.comparability[0].notes.map(\.code) == ["target_not_stated"])
        #expect(c.comparability[0].notes[0].text.zh == "方案没有目标等级（仅按规则选模块），按改造后预计等级比较")
        #expect(c.comparability[0].notes[0].text.en == "the proposal has no target level (a rules-only package): judged on the level it reaches")
        // A proposal older than the `target` field still states nothing.
        let old = try Self.compare([("A", a), ("B", b)], targets: [nil, StatedTarget(of: b)])
        #expect(Self.md(old).contains("| 目标等级 | 未注明 | 无目标（仅按规则选模块） |"))
        #expect(Self.md(old).contains("各方案均未注明目标等级"))
    }

    /// A proposal that chose no modules (here the default target of the home-appliance example, reached with
    /// management measures alone) reads "未选模块" / "no modules chosen", not "0 个（标准 0 + 个性化 0）"; in
    /// before/after, "none of the modules planned then is in place" is not said when none was planned.
    @Test func nothingChosenIsSaidInWords() throws {
        let sheet = try RenderFixtures.sheet("home-appliance-midsize")
        let rules = try Self.engine.run(sheet, target: .none).proposal
        let measuresOnly = try Self.engine.run(sheet).proposal
        try #require(measuresOnly.totals.selectedModules == 0 && rules.totals.selectedModules > 0)
        let c = try Self.compare([("R", rules), ("M", measuresOnly)], mode: .contractors)
        let zh = Self.md(c), en = Self.md(c, .en)
        #expect(zh.contains("| 模块数 | \(rules.totals.selectedModules) 个（标准 ") && zh.contains(" | 未选模块 |"))
        #expect(en.contains(" | no modules chosen |"))
        #expect(!zh.contains("0 个（标准 0") && !en.contains("0 (0 standard"))

        // Before/after with nothing planned before: said so, in the document and in the printed line.
        var later = sheet
        later.date = "2027-06-30"
        let ba = try Self.compare([("before", measuresOnly), ("after", try Self.engine.run(later).proposal)])
        #expect(ba.mode == .beforeAfter)
        let baZh = Self.md(ba), baEn = Self.md(ba, .en)
        #expect(baZh.contains("### 先前计划、现已具备的模块\n\n先前的方案未选任何模块。\n"))
        #expect(baZh.contains("### 仍在计划中的模块\n\n先前的方案未选任何模块。\n"))
        #expect(baZh.contains("### 新增计划的模块\n\n现在的方案未选任何模块。\n"))
        #expect(!baZh.contains("先前计划的模块尚无一个已具备") && !baZh.contains("先前计划的模块都已不在计划中"))
        #expect(baEn.contains("The earlier proposal chose no modules.") && !baEn.contains("No module planned then is still planned."))
        #expect(ComparisonSummary.line(ba, lang: .zh).hasSuffix("；先前的方案未选模块，答卷没有变化"))
        #expect(ComparisonSummary.line(ba, lang: .en).hasSuffix("; the earlier proposal chose no modules, no answer changed"))
        // Something planned before: counted.
        let progress = try Self.compare([("before", rules), ("after", try Self.engine.run(later, target: .none).proposal)])
        let planned = rules.totals.selectedModules
        #expect(ComparisonSummary.line(progress, lang: .en).hasSuffix("; none of the \(planned) modules planned then is in place yet, no answer changed"))
        #expect(ComparisonSummary.line(progress, lang: .zh).hasSuffix("；先前计划的 \(planned) 个模块尚无一个已具备，答卷没有变化"))
    }

    /// Two drafts of one diagnosis — the same answers dated a day apart, planned with two budgets — are options
    /// to weigh, not a before and an after (which would rank nothing); the same answers under the same settings
    /// months later stay a follow-up.
    @Test func twoDraftsOfOneDiagnosisAreOptions() throws {
        var first = try RenderFixtures.sheet("auto-parts-midsize")
        first.date = "2026-12-01"
        var second = first
        second.date = "2026-12-02"
        let wide = try Self.engine.run(first, budgetYuan: 1_500_000).proposal
        let tight = try Self.engine.run(second, budgetYuan: 600_000).proposal
        #expect(try Self.compare([("A", wide), ("B", tight)]).mode == .contractors)
        let later = try Self.engine.run(second, budgetYuan: 1_500_000).proposal
        #expect(try Self.compare([("A", wide), ("B", later)]).mode == .beforeAfter)
    }

    /// The overview lists the measures a budget cut beside the modules it cut, by name, marked for attention.
    /// (A budget of 5 万元 keeps the workshop example below level 2: the two measures of that level's cheapest
    /// package, the digital lead and the pay rules that need it, are left out.)
    @Test func measuresDroppedForTheBudgetAreListed() throws {
        let sheet = try RenderFixtures.sheet("auto-parts-small-workshop")
        let full = try Self.engine.run(sheet, target: .level(2)).proposal
        let capped = try Self.engine.run(sheet, budgetYuan: 50_000, target: .level(2)).proposal
        let c = try Self.compare([("A", full), ("B", capped)], mode: .contractors, targets: [StatedTarget(of: full), StatedTarget(of: capped)])
        let ids = c.measuresDroppedForBudget[1]
        #expect(ids == ["m-digital-lead", "m-talent-pay"])
        #expect(c.measuresDroppedForBudget[0].isEmpty)
        let names = ids.map { id in (capped.measures ?? []).first { $0.id == id }!.name }
        #expect(Self.md(c).contains("| 因预算未选的管理措施 | 无 | \(names.map(\.zh).joined(separator: "、")) |"))
        #expect(Self.md(c, .en).contains("| Measures dropped for the budget | none | \(names.map(\.en).joined(separator: "; ")) |"))
        #expect(CompareFixtures.renderer.html(c, lang: .zh).contains("<th scope=\"row\">因预算未选的管理措施</th><td class=\"\">无</td><td class=\" alert\">"))
        #expect(ComparisonJSON(c).proposals.map(\.measuresDroppedForBudget) == [[], ids])
        // No proposal dropped a measure: no such row.
        #expect(!Self.md(try Self.compare([("A", full), ("A2", full)])).contains("因预算未选的管理措施"))
    }
}
