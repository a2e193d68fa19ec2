import GaizaoTemplates

/// Every fixed text of a rendered proposal, in Chinese and English, in one place. Templates read them as
/// `{{t.key}}`; the view-model builder fills `{name}` placeholders with `format`.
public struct RenderStrings: Sendable {
    public let lang: Lang
    /// The table for `lang`: key → text.
    public let table: [String: String]

    /// The texts and their pieces for `lang`, by position in `entries` (`index`).
    private let texts: [String]
    private let textPieces: [[Piece]]

    public init(_ lang: Lang) {
        self.lang = lang
        self.table = lang == .zh ? Self.zhTable : Self.enTable
        self.texts = lang == .zh ? Self.zhTexts : Self.enTexts
        self.textPieces = lang == .zh ? Self.zhPieces : Self.enPieces
    }

    public subscript(key: String) -> String {
        // A missing key shows itself instead of vanishing; the tests check every key used exists.
        Self.index.position(of: key).map { texts[$0] } ?? "⟨\(key)⟩"
    }

    /// The text for `key` with each `{name}` replaced by its argument and each `{name|one|other}` by the word
    /// that fits the count `name`. The fixed text is split into pieces once;
    /// an inserted value is never scanned again, so a name containing `{shape}` stays as it is.
    public func format(_ key: String, _ arguments: KeyValuePairs<String, String>) -> String {
        guard let position = Self.index.position(of: key) else { return self[key] }
        let pieces = textPieces[position]
        // Sized once: appending piece by piece to an empty String reallocated it two or three times.
        var capacity = 0
        for piece in pieces { if case let .text(t) = piece { capacity += t.utf8.count } }
        for argument in arguments { capacity += argument.value.utf8.count }
        var out = ""
        out.reserveCapacity(capacity)
        for piece in pieces {
            switch piece {
            case let .text(t): out += t
            case let .placeholder(name): out += arguments.first { $0.key == name }?.value ?? "{\(name)}"
            case let .plural(name, one, other): out += arguments.first { $0.key == name }?.value == "1" ? one : other
            }
        }
        return out
    }

    /// `plural`: `{n|module|modules}` is `module` when argument `n` is `1`, else `modules` (English counts).
    enum Piece { case text(String), placeholder(String), plural(String, one: String, other: String) }

    /// Every key's position in `entries` (of a key given twice, the first, as in the tables).
    private static let index = TextIndex(entries.map(\.key))
    private static let zhTexts = entries.map(\.zh)
    private static let enTexts = entries.map(\.en)
    private static let zhPieces = zhTexts.map(pieces)
    private static let enPieces = enTexts.map(pieces)

    /// `第 {a}–{b} 周` → text, placeholder a, text, placeholder b, text; `{n|week|weeks}` → a plural choice.
    static func pieces(_ text: String) -> [Piece] {
        var out: [Piece] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { out.append(.text(String(rest[..<open]))) }
            let inner = rest[rest.index(after: open)..<close]
            let parts = inner.split(separator: "|", omittingEmptySubsequences: false)
            out.append(parts.count == 3 ? .plural(String(parts[0]), one: String(parts[1]), other: String(parts[2])) : .placeholder(String(inner)))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { out.append(.text(String(rest))) }
        return out
    }

    /// The table as a view-model object, built once per language.
    static func value(_ lang: Lang) -> MustacheValue { .table(lang == .zh ? zhStringTable : enStringTable) }

    private static let zhStringTable = StringTable(zhTable)
    private static let enStringTable = StringTable(enTable)

    /// Every key, for lint and tests.
    public static var keys: Set<String> { Set(entries.map(\.key)) }

    private static let zhTable = Dictionary(entries.map { ($0.key, $0.zh) }, uniquingKeysWith: { a, _ in a })
    private static let enTable = Dictionary(entries.map { ($0.key, $0.en) }, uniquingKeysWith: { a, _ in a })

    static let entries: [(key: String, zh: String, en: String)] = document + summary + diagnosis + package + budget + closing + comparison
        + sections + peerBenchmark + scope
}

extension RenderStrings {
    /// A module's status as a proposal and a comparison name it.
    func status(_ status: ModuleDecision.Status) -> String {
        switch status {
        case .include: return self["statusInclude"]
        case .upgrade: return self["statusUpgrade"]
        case .satisfied: return self["statusSatisfied"]
        case .notChosen: return self["statusNotChosen"]
        case .excluded: return self["statusExcluded"]
        }
    }
}

extension RenderStrings {
    static let document: [(key: String, zh: String, en: String)] = [
        ("htmlLang", "zh-CN", "en"),
        ("docTitle", "数字化改造方案", "Digital retrofit proposal"),
        ("docSubtitle", "中小企业数字化转型 · “标准化+个性化”模块化改造", "SME digital transformation · \"standard + personalized\" modular retrofit"),
        ("titleFmt", "{name} · 数字化改造方案", "{name} · Digital retrofit proposal"),
        ("contents", "目录", "Contents"),
        ("industry", "行业", "Industry"),
        ("sizeBand", "企业规模", "Size band"),
        ("town", "所在镇街", "Town"),
        ("creditCode", "统一社会信用代码", "Unified social credit code"),
        ("employees", "员工人数", "Employees"),
        ("employeesFmt", "{n} 人", "{n}"),
        ("revenue", "年营业收入", "Annual revenue"),
        ("contractor", "总包商", "General contractor"),
        ("noContractor", "未指定（按参考目录价格估算）", "none (priced from the reference catalog)"),
        ("exampleLabel", "示例", "Example"),
        ("exampleNote", "此总包商为示例数据，其价格、工期和产品仅供演示，不代表真实报价。",
         "This contractor is example data: its prices, durations and products are for demonstration, not a real offer."),
        ("date", "诊断日期", "Diagnosis date"),
        ("noDate", "未填写", "not given"),
        ("catalog", "目录版本", "Catalog"),
        ("evaluationModel", "评测依据", "Evaluation model"),
        ("referenceLabel", "参考目录", "reference catalog"),
        ("referenceNote", "本方案使用参考目录：{industry}“{shape}”模块清单依据工信部 2024 版评测指标的 16 个业务场景编制，并非慈溪官方清单（官方清单未公开）；总包商可用自己的目录替换。",
         "This proposal uses a reference catalog: its {industry} \"{shape}\" module list is built on the 16 business scenes of the MIIT 2024 evaluation; it is not the official Cixi list (which is not published), and a contractor can replace it with its own."),
        ("reproducibility", "可复现性", "Reproducibility"),
        ("catalogHash", "目录指纹（SHA-256）", "Catalog hash (SHA-256)"),
        ("answersHash", "答卷指纹（SHA-256）", "Answers hash (SHA-256)"),
        ("reproNote", "同一目录与同一答卷生成的方案逐字节相同。", "The same catalog and answers give a byte-identical proposal."),
        ("generatedBy", "生成工具", "Generated by"),
        ("footerNote", "本方案中的费用、补助和改造后等级均为估算，以合同、验收和主管部门审核为准。",
         "Costs, subsidies and the level after the retrofit are estimates; the contract, the acceptance and the authorities' review decide."),
        ("yes", "是", "yes"),
        ("no", "否", "no"),
        ("none", "无", "none"),
        ("dash", "—", "—"),
        ("listSeparator", "、", "; "),
        ("colon", "：", ": "),
        ("clauseSeparator", "；", "; "),
        ("openParen", "（", " ("),
        ("closeParen", "）", ")"),
        ("rangeSeparator", " 至 ", " to "),
    ]

    static let summary: [(key: String, zh: String, en: String)] = [
        ("secSummary", "执行摘要", "Executive summary"),
        ("levelNow", "当前等级", "Level now"),
        ("levelAfter", "改造后等级（预计）", "Level after (projected)"),
        ("pointsFmt", "{points} 分 / 满分 {max}", "{points} of {max} points"),
        ("investment", "投资估算", "Estimated investment"),
        ("subsidy", "可申请补助（估算）", "Subsidies (estimate)"),
        ("netCost", "企业净投入", "Net cost to the enterprise"),
        ("duration", "总工期", "Duration"),
        ("modules", "模块", "Modules"),
        ("modulesFmt", "{n} 个（标准 {s} + 个性化 {p}）", "{n} ({s} standard + {p} personalized)"),
        ("modulesNone", "无", "none"),
        ("headlineUp", "改造后预计由{now}提升至{after}，得分由 {p1} 分提高到 {p2} 分。",
         "The retrofit is projected to move the enterprise from {now} to {after}; points rise from {p1} to {p2}."),
        ("headlineSame", "改造后预计保持{now}，得分由 {p1} 分提高到 {p2} 分。",
         "The retrofit is projected to keep the enterprise at {now}; points rise from {p1} to {p2}."),
        ("headlineUpFlat", "改造后预计由{now}提升至{after}，得分保持 {p1} 分。",
         "The retrofit is projected to move the enterprise from {now} to {after}; points stay at {p1}."),
        ("headlineSameFlat", "改造后预计保持{now}，得分保持 {p1} 分。",
         "The retrofit is projected to keep the enterprise at {now}; points stay at {p1}."),
        ("strongestReasons", "主要理由", "The strongest reasons"),
        ("targetReachedFmt", "目标{level}（{why}）：按保守估算，本方案可以达到。",
         "Target {level} ({why}): by the conservative estimate the package reaches it."),
        ("targetReachedThinFmt", "目标{level}（{why}）：按保守估算，本方案可以达到，但得分只比及格线高 {m} 分；现场评定时任一指标被下调一档就可能达不到（见“风险与应对”）。",
         "Target {level} ({why}): by the conservative estimate the package reaches it, but only {m} {m|point|points} above the pass mark; one indicator marked down a band at the on-site rating may miss it (see \"Risks\")."),
        ("targetReachedExactFmt", "目标{level}（{why}）：按保守估算，本方案可以达到，但得分恰好等于及格线、没有余量；现场评定时任一指标被下调一档就可能达不到（见“风险与应对”）。",
         "Target {level} ({why}): by the conservative estimate the package reaches it, but exactly at the pass mark, with nothing to spare; one indicator marked down a band at the on-site rating may miss it (see \"Risks\")."),
        ("targetMissedFmt", "目标{level}（{why}）：目录中的模块和措施无法达到，本方案按可达到的最高等级{after}编制{see}。",
         "Target {level} ({why}): the catalog's modules and measures cannot reach it; the package aims at the highest reachable level, {after}{see}."),
        ("targetOverBudgetFmt", "目标{level}（{why}）：预算内无法达到，本方案按预算内可达到的最高等级{after}编制{see}。",
         "Target {level} ({why}): out of reach within the budget; the package aims at the highest level the budget reaches, {after}{see}."),
        // The highest reachable level is below level 1: there is no "highest level" to aim at, only points to raise.
        ("targetMissedNoLevelFmt", "目标{level}（{why}）：目录中的模块和措施无法达到，也达不到一级；本方案尽量提高得分{see}。",
         "Target {level} ({why}): the catalog's modules and measures cannot reach it, nor level 1; the package raises the points as far as it can{see}."),
        ("targetOverBudgetNoLevelFmt", "目标{level}（{why}）：预算内无法达到，预算内也达不到一级；本方案在预算内尽量提高得分{see}。",
         "Target {level} ({why}): out of reach within the budget, as is level 1; the package raises the points as far as the budget allows{see}."),
        ("targetSeeLadder", "，原因及达到目标所需投入见“目标等级与投入路径”", " (see \"Target level and what it costs\" for why and what the target costs)"),
        ("targetSeeWhy", "，原因见“目标等级与投入路径”", " (see \"Target level and what it costs\" for why)"),
        ("targetNone", "未设目标等级：按诊断规则选取模块。", "No target level: modules chosen by the diagnosis rules."),
        ("targetWhyPass", "城市试点的合格线，现场评测", "the city pilot's pass mark, rated on site"),
        ("targetWhyNext", "在现有等级上再提升一级", "one level above today's"),
        ("targetWhyTop", "企业已在最高等级，保持该等级", "the highest level, where the enterprise is already: kept"),
        ("targetWhyOption", "按委托方指定", "as requested"),
        ("measuresCountFmt", "{n} 项", "{n}"),
        ("managementMeasures", "管理措施", "Management measures"),
        ("budgetLimitFmt", "按预算上限 {budget} 选择个性化模块。", "Personalized modules were chosen within a budget of {budget}."),
        ("budgetBeyondLevelFmt", "仅达到{level}的最低投入为 {cost}（见“各等级所需投入”）；其余投入用于在预算内提高得分（改造后 {points} 分），不提升等级。",
         " Reaching {level} alone takes {cost} at the least (see \"What each level costs\"); the rest of the investment raises the points within the budget (to {points}), not the level."),
        ("budgetBeyondLevelNowFmt", "企业现已达到{level}（各级方案均含的必选模块 {cost}）；其余投入用于在预算内提高得分（改造后 {points} 分），不提升等级。",
         " The enterprise is at {level} already (the must-haves every package holds cost {cost}); the rest of the investment raises the points within the budget (to {points}), not the level."),
        ("budgetBeyondLevelNowFreeFmt", "企业现已达到{level}；本方案的投入用于在预算内提高得分（改造后 {points} 分），不提升等级。",
         " The enterprise is at {level} already; the package's investment raises the points within the budget (to {points}), not the level."),
        ("budgetTargetFmt", "在预算上限 {budget}（与投资估算上限比较）内选择组合：先求等级最高，其次得分最高，再次投入最低；必选模块不删减。",
         "The package was chosen within a budget of {budget} (against the high estimate): the highest level, then the most points, then the least investment; must-have modules are never dropped."),
        ("whyNotNowFmt", "当前未达到{level}的原因", "Why the level is not {level} now"),
        ("whyNotAfterFmt", "改造后仍未达到{level}的原因", "Why the level after the retrofit is not {level}"),
        ("topLevel", "已达到最高等级（四级）。", "The top level (level 4) is reached."),
        ("level0", "未达一级", "Below level 1"),
        ("level1", "一级", "Level 1"),
        ("level2", "二级", "Level 2"),
        ("level3", "三级", "Level 3"),
        ("level4", "四级", "Level 4"),
        ("sceneLevelFmt", "{n}级", "L{n}"),
        ("sceneLevelZero", "未达1级", "below L1"),
    ]

    static let diagnosis: [(key: String, zh: String, en: String)] = [
        ("secDiagnosis", "现状诊断", "Diagnosis"),
        ("diagnosisIntro", "依据《{model}》，按答卷逐项计分，并评估 16 个业务场景的等级。",
         "Scored item by item from the answers against the {model}, with the level of each of the 16 business scenes."),
        ("dimensionsTitle", "各维度得分", "Points by dimension"),
        ("dimension", "维度", "Dimension"),
        ("now", "现状", "Now"),
        ("after", "改造后", "After"),
        ("maxPoints", "满分", "Max"),
        ("total", "合计", "Total"),
        ("indicatorsTitle", "指标得分明细", "Points by indicator"),
        ("indicator", "指标", "Indicator"),
        ("group", "分组", "Group"),
        ("answer", "答卷情况", "Answer"),
        ("points", "得分", "Points"),
        ("pointsOfFmt", "{points} / {max}", "{points} / {max}"),
        ("unconfirmed", "待确认", "to be confirmed"),
        ("notAnswered", "未作答", "not answered"),
        ("unansweredManyFmt", "注意：{n} 项评分问题（共 {total} 项）未作答，按 0 分或“未达1级”计。得分、等级和方案都按此估算，补答后结论可能明显变化；作答完整前，本方案不宜作为投资依据。",
         "Note: {n} of {total} scored questions are unanswered and count as 0 points or below L1. The points, level and package are estimated on that basis and may change markedly once they are answered; until then this proposal is no basis for an investment decision."),
        ("unansweredFewFmt", "另有 {n} 项评分问题未作答，按 0 分或“未达1级”计；补答后得分和等级可能变化。",
         "{n} scored {n|question is|questions are} unanswered and {n|counts|count} as 0 points or below L1; the points and level may change once answered."),
        ("scenesTitle", "16 个业务场景：现状与改造后", "The 16 business scenes: now and after"),
        ("scene", "场景", "Scene"),
        ("sceneArea", "环节", "Area"),
        ("mandatory", "约束性", "Mandatory"),
        ("mandatoryMark", "★", "★"),
        ("scenesNote", "★ 为约束性场景。场景等级 1–4 级；“未达1级”表示该场景尚未开展数字化。", "★ marks a mandatory scene. Levels run 1–4; “below L1” means the scene is not yet digitalised."),
        ("currentState", "现状描述", "Current state"),
        ("chartScenesTitle", "16 个业务场景等级（现状与改造后）", "Level of the 16 business scenes, now and after"),
        ("chartScenesDescFmt", "{n} 个场景中，改造后有 {raised} 个提升等级。", "Of {n} scenes, {raised} {raised|rises|rise} a level or more after the retrofit."),
        ("chartDimensionsTitle", "各维度得分（现状与改造后）", "Points by dimension, now and after"),
        ("chartDimensionsDescFmt", "总分由 {p1} 分提高到 {p2} 分（满分 {max}）。", "Total points rise from {p1} to {p2} (of {max})."),
        ("chartDimensionsDescFlatFmt", "总分保持 {p1} 分（满分 {max}）。", "Total points stay at {p1} (of {max})."),
        ("levelRuleTitle", "定级条件与现状", "The level rule and where the enterprise stands"),
        ("level", "等级", "Level"),
        ("pointsNeeded", "得分", "Points"),
        ("scenesAtLevel", "达到该级的场景", "Scenes at the level"),
        ("mandatoryAtLevel", "其中约束性", "of which mandatory"),
        ("metNow", "现状", "Now"),
        ("met", "满足", "met"),
        ("notMet", "未满足", "not met"),
        ("haveNeedFmt", "{have} / 需 {need}", "{have} / {need} needed"),
    ]

    static let package: [(key: String, zh: String, en: String)] = [
        ("secPackage", "改造方案：模块包", "The retrofit package"),
        ("packageIntro", "方案包含 {n} 个模块，是达到目标等级投入最低的组合（另有管理措施见下一节）。标准模块是本行业的基础配置，个性化模块按企业情况选取；每个模块注明它为何必需。",
         "The package holds {n} {n|module|modules}: the combination of least investment that reaches the target level (management measures follow in the next section). Standard modules are the industry's base, personalized ones fit this enterprise; each says why it is needed."),
        ("packageIntroBestFmt", "目标等级无法达到；方案包含 {n} 个模块，是达到可达的最高等级{after}投入最低的组合（另有管理措施见下一节）。每个模块注明它为何必需。",
         "The target level is out of reach; the package holds {n} {n|module|modules}: the combination of least investment that reaches the highest reachable level, {after} (management measures follow in the next section). Each says why it is needed."),
        ("packageIntroBudgetFmt", "方案包含 {n} 个模块，是预算内等级和得分最高、投入最低的组合（另有管理措施见下一节）。每个模块注明它为何必需。",
         "The package holds {n} {n|module|modules}: within the budget, the combination of highest level and points at least investment (management measures follow in the next section). Each says why it is needed."),
        ("packageIntroRulesFmt", "方案包含 {n} 个模块，按诊断规则选取（另有管理措施见下一节）。标准模块是本行业的基础配置，个性化模块按企业情况选取；每个模块注明选取理由。",
         "The package holds {n} {n|module|modules} chosen by the diagnosis rules (management measures follow in the next section). Standard modules are the industry's base, personalized ones fit this enterprise; each says why it was chosen."),
        ("packageIntroEmpty", "本方案不含模块（管理措施见下一节）。未纳入的模块、原因及价格见“未纳入的模块及原因”。",
         "The package holds no module (management measures follow in the next section). The modules left out, why, and what they would cost are under \"Modules not in the package, and why\"."),
        ("roleTarget", "达标所需", "needed for the target"),
        ("roleRules", "按规则选取", "chosen by the rules"),
        ("roleBudget", "预算内选取", "chosen within the budget"),
        ("rolePrerequisite", "前置模块", "prerequisite"),
        ("roleMust", "必选", "must-have"),
        ("roleRecommendedNext", "建议下一步", "recommended next"),
        ("roleNotNeeded", "本次不需要", "not needed now"),
        ("roleOverBudget", "预算内未纳入", "left out within the budget"),
        ("secTarget", "目标等级与投入路径", "Target level and what it costs"),
        ("projectionIntro", "保守估算只计模块和管理措施带来的数字化基础、管理和场景提升，成效指标（能耗、合格率、人均营收、成本）保持不变，是判断本方案能否达到目标等级的依据（前提是附录所列支撑材料逐项备齐）；预期估算另计各模块 KPI 改善在成效指标上的体现。",
         "The conservative estimate counts only what the modules and measures bring to the foundation, management and scenes; the outcome indicators (energy, pass rate, revenue per employee, cost) stay as they are: it is what the claim to reach the target level rests on, provided the evidence listed in the appendix is in place. The expected estimate also counts the modules' KPI improvements in the outcome indicators."),
        ("conservative", "改造后（保守）", "After (conservative)"),
        ("expected", "改造后（预期）", "After (expected)"),
        ("ladderTitle", "各等级所需投入", "What each level costs"),
        ("ladderIntro", "每一级的最低投入组合（含必选模块）；补助按模块投入计算。", "The package of least investment for each level (must-haves included); subsidies on the modules' investment."),
        ("ladderNow", "已达到", "reached now"),
        ("ladderReachable", "可达到", "reachable"),
        ("ladderUnreachable", "无法达到", "out of reach"),
        ("ladderContentsFmt", "{m} 个模块、{k} 项措施", "{m} {m|module|modules}, {k} {k|measure|measures}"),
        ("ladderModulesOnlyFmt", "{m} 个模块", "{m} {m|module|modules}"),
        ("ladderMeasuresOnlyFmt", "{k} 项措施", "{k} {k|measure|measures}"),
        ("ladderMustOnly", "只需必选模块", "the must-haves only"),
        ("ladderNothing", "无需新增模块或措施", "nothing to add"),
        ("ladderWhat", "内容或原因", "What it takes, or why not"),
        ("targetMark", "（目标）", " (target)"),
        ("secMeasures", "管理提升措施", "Management measures"),
        ("measuresIntroFmt", "以下 {n} 项管理措施由企业自行实施（可请总包商协助），与模块同步推进；每项列出现场评测时需准备的支撑材料。所列工期是形成并印发文件的时间；评测只认“成文并在执行”的制度，印发后还须执行一段时间、留下执行记录（如按流程立项验收、培训签到、奖励兑现），再申请现场评测。",
         "The {n} {n|measure|measures} below {n|is|are} the enterprise's own work (the contractor may help), run alongside the modules; each lists the evidence to prepare for the on-site rating. The weeks given are for writing and issuing each document; the rating counts only rules that are written and in force, so run them for a while and keep their records (projects approved under the workflow, training sign-ins, rewards paid) before applying for the on-site rating."),
        ("measuresOnlyIntroFmt", "以下 {n} 项管理措施由企业自行实施（可请总包商协助）；每项列出现场评测时需准备的支撑材料。所列工期是形成并印发文件的时间；评测只认“成文并在执行”的制度，印发后还须执行一段时间、留下执行记录（如按流程立项验收、培训签到、奖励兑现），再申请现场评测。",
         "The {n} {n|measure|measures} below {n|is|are} the enterprise's own work (the contractor may help); each lists the evidence to prepare for the on-site rating. The weeks given are for writing and issuing each document; the rating counts only rules that are written and in force, so run them for a while and keep their records (projects approved under the workflow, training sign-ins, rewards paid) before applying for the on-site rating."),
        ("noMeasures", "达到目标等级不需要新增管理措施。", "No new management measure is needed for the target level."),
        ("noMeasuresInPackage", "本方案不含新增管理措施。", "The package has no new management measure."),
        ("measure", "措施", "Measure"),
        ("evidence", "支撑材料", "Evidence"),
        ("measuresNextTitle", "建议下一步的管理措施", "Measures recommended next"),
        ("measuresInPlace", "已具备", "Already in place"),
        ("gain", "作用", "What it adds"),
        ("standardModules", "标准模块", "Standard modules"),
        ("personalizedModules", "个性化模块", "Personalized modules"),
        ("noStandard", "本方案不含标准模块：已具备的或本次不需要的标准模块，见“未纳入的模块及原因”。",
         "The package holds no standard module: those in place or not needed this time are under \"Modules not in the package, and why\"."),
        ("noPersonalized", "本次未选个性化模块。", "No personalized module is chosen this time."),
        ("statusInclude", "新建", "new build"),
        ("statusUpgrade", "升级现有系统", "upgrade the existing system"),
        ("statusSatisfied", "已具备", "already in place"),
        ("statusNotChosen", "未选", "not chosen"),
        ("statusExcluded", "排除", "excluded"),
        ("excludedOtherwiseFmt", "（若未排除，推荐理由：{reasons}）", "(Reasons that would otherwise recommend it: {reasons})"),
        ("kindStandard", "标准", "standard"),
        ("kindPersonalized", "个性化", "personalized"),
        ("why", "理由", "Why"),
        ("ruleFmt", "规则 {rule}", "rule {rule}"),
        ("scenesRaised", "提升场景", "Scenes raised"),
        ("products", "建议轻量化产品", "Suggested lightweight products"),
        ("cost", "费用", "Cost"),
        ("costSource", "费用来源", "Cost source"),
        ("estimate", "估算", "estimate"),
        ("newBuildCostFmt", "新建参考价 {cost}", "new build {cost}"),
        // The cost model's price parts in a module's cost (cost-model `parts`): what this plant's answers price in.
        ("costPartFmt", "{name} {cost}", "{name} {cost}"),
        ("costPartUnansweredFmt", "{name} {cost}（相关问题未答，暂计入）", "{name} {cost} (priced in until its question is answered)"),
        ("schedule", "排期", "Schedule"),
        ("moduleDuration", "工期", "Duration"),
        ("workType", "实施方式", "Work"),
        ("prerequisiteFor", "是以下模块的前提", "Prerequisite for"),
        ("phaseFmt", "第 {n} 阶段", "Phase {n}"),
        ("weeksFmt", "第 {a}–{b} 周", "weeks {a}–{b}"),
        ("weekFmt", "第 {a} 周", "week {a}"),
        ("durationFmt", "{n} 周", "{n} weeks"),
        ("durationOne", "1 周", "1 week"),
        ("secOther", "未纳入的模块及原因", "Modules not in the package, and why"),
        ("otherIntro", "以下模块未纳入本方案。“建议下一步”的模块有价值，但达到目标等级不需要，费用未计入总投入。",
         "These modules are not in the package. Those marked \"recommended next\" are worth doing but not needed for the target level; their cost is not in the totals."),
        ("noOther", "目录中的全部模块均已纳入本方案。", "Every module of the catalog is in the package."),
        ("module", "模块", "Module"),
        ("kind", "类型", "Kind"),
        ("status", "结论", "Decision"),
        ("secRoadmap", "实施路线图", "Roadmap"),
        ("budgetNothing", "本方案不含模块或管理措施，没有投资，也不涉及改造补助。日后按“各等级所需投入”实施改造时，补助按届时的方案测算。", "The package holds no module or measure: there is no investment and no retrofit subsidy to claim. Subsidies are worked out with a later package (see the cost of each level)."),
        ("subsidyMeasuresOnly", "本方案只含管理措施，由企业自行实施，其费用不计入改造补助的核定投入，不涉及改造补助。", "The package holds management measures only, carried out by the enterprise itself: their cost is not retrofit investment, and no retrofit subsidy applies."),
        ("roadmapNothing", "本方案不含模块或管理措施，无需排程。", "The package holds no module or measure to schedule."),
        ("roadmapNoModulesFmt", "本方案不含模块，无需按模块排程；管理措施共 {w} 周。", "The package holds no module to schedule; the management measures take {w} {w|week|weeks}."),
        ("roadmapIntroFmt", "{n} 个模块按依赖关系排程，共 {w} 周：模块在其前置模块完成后开始，最多 {k} 个并行；分为 {p} 个阶段，每个阶段在上一层依赖完成、下一层模块可以开工时开始，模块归入其开工时所在的阶段。",
         "{n} {n|module|modules} scheduled by their dependencies over {w} {w|week|weeks}: a module starts when the modules it needs are done, at most {k} at a time; {p} {p|phase|phases}, each opening when the next layer of dependent modules can start; a module belongs to the phase in which it starts."),
        ("roadmapOnePhaseFmt", "{n} 个模块按依赖关系排程，共 {w} 周：模块在其前置模块完成后开始，最多 {k} 个并行；模块之间没有先后依赖，全部在第 1 阶段实施。",
         "{n} {n|module|modules} scheduled by their dependencies over {w} {w|week|weeks}: a module starts when the modules it needs are done, at most {k} at a time; no module waits for another, so all are in phase 1."),
        ("chartGanttTitle", "实施甘特图", "Gantt chart of the roadmap"),
        ("phase", "阶段", "Phase"),
        ("weeks", "周次", "Weeks"),
        ("weekAxis", "周", "week"),
    ]

    static let budget: [(key: String, zh: String, en: String)] = [
        ("secBudget", "投资与补助", "Budget and subsidies"),
        ("costTable", "模块费用", "Module costs"),
        ("costTableWithMeasures", "模块与管理措施费用", "Costs of modules and management measures"),
        ("moduleOrMeasure", "模块或措施", "Module or measure"),
        ("measureWork", "管理措施（企业自行实施）", "management measure (own work)"),
        ("subsidyTable", "补助测算", "Subsidy estimate"),
        ("scheme", "补助项目", "Scheme"),
        ("base", "计算基数", "Base"),
        ("rate", "比例", "Rate"),
        ("cap", "上限", "Cap"),
        ("amount", "金额", "Amount"),
        ("condition", "条件", "Condition"),
        ("source", "依据", "Source"),
        ("minInvestment", "最低投入", "Minimum investment"),
        ("eligibleApplied", "符合，计入", "eligible, counted"),
        ("eligibleApart", "符合，另行发放，不计入净投入", "eligible; paid apart, not in the net cost"),
        ("rateUpToFmt", "{r}以内", "up to {r}"),
        ("amountUpToFmt", "最高 {v}", "up to {v}"),
        ("eligibleNotApplied", "符合，不重复计入", "eligible, not counted"),
        ("notEligible", "不符合", "not eligible"),
        ("fixedReward", "一次性奖励", "one-time reward"),
        ("policyUnconfirmed", "待核实", "to be verified"),
        ("explanation", "说明", "Note"),
        ("stacking", "叠加假设", "Stacking assumption"),
        ("subsidyTotal", "补助合计", "Subsidy total"),
        ("subsidyNote", "补助在项目验收通过后按核定投入额兑付；以上金额为估算。", "Subsidies are paid after acceptance, on the verified investment; the amounts above are estimates."),
        ("moneyFmt", "{v} 万元", "CNY {v}"),
    ]

    static let closing: [(key: String, zh: String, en: String)] = [
        ("secKpis", "预期成效", "Expected results"),
        ("kpiTitle", "预期指标改善", "Expected effects on KPIs"),
        ("metric", "指标", "Indicator"),
        ("expectedChange", "预期变化", "Expected change"),
        ("kpiSource", "来源", "Source"),
        ("noKpis", "所选模块没有列出指标预期。", "The chosen modules list no KPI effect."),
        ("outcomesTitle", "成效指标基线（验收时对比改造前后）", "Outcome indicators: baseline, to compare at acceptance"),
        ("baseline", "基线（现状）", "Baseline (now)"),
        ("notRecorded", "未填写", "not recorded"),
        ("secRisks", "风险与前提条件", "Risks and prerequisites"),
        ("risksTitle", "风险", "Risks"),
        ("noRisks", "诊断未发现需要特别提示的风险。", "The diagnosis raised no particular risk."),
        ("prerequisitesTitle", "前提条件", "Prerequisites"),
        ("dependencyFmt", "{module}须先行实施：{dependents}依赖它。", "{module} comes first: {dependents} build on it."),
        ("prereqLead", "企业指定一名项目负责人（建议由分管生产或经营的负责人担任），并为每个模块指定关键用户。",
         "The enterprise names a project lead (ideally the manager in charge of production or operations) and a key user for each module."),
        ("prereqData", "企业在上线前整理并核对物料、BOM、工艺路线、设备清单等基础数据。",
         "Before go-live the enterprise cleans and checks its base data: materials, BOMs, routings, the equipment list."),
        ("prereqUpgrade", "升级类模块需要现有系统的供应商配合开放接口或导出数据。",
         "Upgrades need the current system's vendor to open interfaces or export data."),
        ("prereqSite", "车间网络、供电和设备接口具备加装采集设备的条件，以现场勘查确认。",
         "The shop-floor network, power and machine interfaces can take data-collection devices, as a site survey confirms."),
        ("secNext", "下一步", "Next steps"),
        ("nextReview", "与企业共同审阅本方案，组织专家评审，确认模块、预算和工期。",
         "Review this proposal with the enterprise and hold the expert review; confirm the modules, budget and schedule."),
        ("nextContract", "签订改造合同，附按模块列明软件、硬件和服务费用的费用清单。",
         "Sign the retrofit contract, with a cost list of software, hardware and services per module."),
        ("nextApply", "准备补助申报材料：改造合同、费用清单（投入明细）、营业执照；改造项目按要求申报列入试点。",
         "Prepare the subsidy application: the contract, the cost list (investment details) and the business licence; apply for the project to be listed as a pilot."),
        ("nextSample", "企业已列入宁波市级样本企业：另行申请一次性奖励。", "The enterprise is a Ningbo sample enterprise: apply separately for the one-time reward."),
        ("nextImplement", "按路线图分阶段实施，每个阶段结束时由企业签字确认。", "Implement phase by phase along the roadmap; the enterprise signs off each phase."),
        ("nextAcceptance", "项目验收：按 2024 版评测指标现场复评，并记录四项成效指标改造前后的数值。",
         "Acceptance: re-evaluate on site with the 2024 indicators and record the four outcome indicators before and after."),
        ("nextPayment", "验收通过后，按核定投入额申请补助兑付。", "After acceptance, claim the subsidies on the verified investment."),
        ("secAssumptions", "假设与说明", "Assumptions"),
        ("secAnswers", "附录：问卷答案", "Appendix: answers"),
        ("answersIntro", "本方案的每项结论都可追溯到以下答卷、目录条目或政策条款。", "Every finding of this proposal traces back to these answers, a catalog entry or a policy clause."),
        ("question", "问题", "Question"),
    ]
}
