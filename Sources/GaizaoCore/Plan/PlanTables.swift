/// An industry's rules, modules and the subsidy policies prepared once for planning: conditions compiled to
/// slots, module references resolved to indices of `industry.modules` (which are also the indices of a plan's
/// decisions), and every text that does not depend on the answers built ahead. `Planner` reads these instead
/// of looking modules and scenes up by id and re-deriving the same values in every run.
final class PlanTables: Sendable {
    enum Keyword: Sendable { case recommend, exclude, upgrade, satisfied, risk }

    struct PreparedRule: Sendable {
        var keyword: Keyword
        var weight: Double
        /// A `recommend` rule that makes its module a must-have when it fires.
        var must: Bool
        /// The reason the rule gives its module when it fires.
        var reason: DecisionReason
        /// The risk a `risk` rule reports when it fires.
        var risk: Risk?
        /// A risk's scope as module indices (`modules:` of the rule; ids naming no module dropped), nil for a general
        /// risk: the risk applies only when one of them is in the package.
        var scope: [Int]? = nil
    }

    /// One change a delivered module makes to an answer (`AnswerChange`), its question resolved.
    enum PreparedChange: Sendable {
        /// `firstOfID`: for each option, the first option of its id; `adding`: whether the change adds each.
        case add(slot: Int, optionIDs: [String], firstOfID: [Int], adding: [Bool])
        case atLeastNumber(slot: Int, Double)
        case atLeastOption(slot: Int, optionIDs: [String], target: Int, option: String)

        /// The answer slot the change writes.
        var slot: Int {
            switch self {
            case let .add(slot, _, _, _), let .atLeastNumber(slot, _), let .atLeastOption(slot, _, _, _): return slot
            }
        }
    }

    struct PreparedModule: Sendable {
        /// The rules about this module, in rule order.
        var rules: [Int]
        /// Requires and excludes as module indices (ids that name no module of the industry dropped).
        var requires: [Int]
        var excludes: [Int]
        /// The modules that require this one, ascending.
        var requiredBy: [Int]
        var standardReason: DecisionReason
        /// The module's cost for each size band of `bandIDs`.
        var costByBand: [CostRange?]
        /// Scene levels raised on delivery: the slot of the scene's question and the level.
        var raises: [(slot: Int, level: Int)]
        var brings: [PreparedChange]
    }

    struct PreparedPolicy: Sendable {
        var eligibleWhen: SlotCondition?
        var conditionalWhen: SlotCondition? = nil
        var questions: [String]
        /// The index of the first policy of the same stacking group.
        var group: Int
        /// For a tag base: whether each module carries the tag. Nil for the whole package.
        var tagged: [Bool]?
        var eligibleReason: Localized
        var notEligibleReason: Localized
        /// What a smaller scheme of this one's group is told when this one applies instead.
        var sameGroupNote: Localized
        /// This scheme's `eligibleReason` joined with the `sameGroupNote` of each other scheme of its group (by
        /// policy index; nil for itself and outside the group): the usual reason of a scheme another one outweighs.
        var outweighedReasons: [Localized?] = []
    }

    struct PreparedMeasure: Sendable {
        var costByBand: [CostRange?]
        var brings: [PreparedChange]
        /// The questions it answers, in the order of `brings`, and the indicators scored from them, as a reason
        /// names them ("「管理机制、人才培养」"): the same for every enterprise.
        var questionIDs: [String]
        var indicators: Localized
        /// The measures it requires, as indices of `industry.measures` (ids that name no measure dropped).
        var requires: [Int]
    }

    /// The outcome answer a realised KPI improvement gives (the expected projection).
    struct PreparedOutcome: Sendable {
        var metric: String
        var better: KPIMetric.Better
        /// The outcome question's slot and the option a realised improvement gives (set, not "at least": the
        /// trend options are not in rising order).
        var slot: Int
        var option: String
    }

    let rules: [PreparedRule]
    let measures: [PreparedMeasure]
    /// What the retrofit itself changes once the package has a module.
    let retrofitBrings: [PreparedChange]
    /// The measures every package with a module takes (indices of `industry.measures`).
    let retrofitMeasures: [Int]
    /// The funding question, the revenue question (万元) and the averaging window, when the catalog counts the
    /// package's investment towards the funding indicator.
    let investmentShare: (slot: Int, revenueSlot: Int, years: Int)?
    let outcomes: [PreparedOutcome]
    /// The condition of each rule (apart from `rules`, so that evaluating them all copies nothing else).
    let ruleConditions: [SlotCondition]
    let modules: [PreparedModule]
    /// Module indices ordered by id (the scheduler's deterministic order).
    let modulesByID: [Int]
    /// The size band ids of the manifest, in order (`PreparedModule.costByBand` follows it).
    let bandIDs: [String]
    let policies: [PreparedPolicy]
    let thresholdText: String
    /// The condition of each part of each cost-model entry (by entry position), compiled to answer slots.
    let costPartWhens: [[SlotCondition]]

    init(catalog: Catalog, industry: Industry, questionnaire: Questionnaire, slots: inout AnswerSlots.Builder) {
        costPartWhens = catalog.costModel.entries.map { e in e.parts.map { SlotCondition($0.when, slot: { slots.slot($0) }) } }
        let ms = industry.modules
        var firstIndex: [String: Int] = [:]
        for (i, m) in ms.enumerated() where firstIndex[m.id] == nil { firstIndex[m.id] = i }

        rules = industry.rules.map { r in
            let keyword: Keyword
            var scope: [Int]?
            var risk: Risk?
            var effect: DecisionReason.Effect?
            let questions = r.when.questionIDs
            switch r.effect {
            case .recommend: keyword = .recommend; effect = .recommend
            case .exclude: keyword = .exclude; effect = .exclude
            case .upgrade: keyword = .upgrade; effect = .upgrade
            case .satisfied: keyword = .satisfied; effect = .satisfied
            case let .risk(text):
                keyword = .risk
                risk = Risk(ruleID: r.id, text: text, questions: questions, mitigation: r.reason)
                if !r.modules.isEmpty { scope = r.moduleScope.compactMap { firstIndex[$0] } }
            }
            return PreparedRule(keyword: keyword, weight: r.weight, must: r.must,
                                reason: DecisionReason(kind: .rule, ruleID: r.id, text: r.reason, questions: questions, effect: effect), risk: risk,
                                scope: scope)
        }

        ruleConditions = industry.rules.map { SlotCondition($0.when, slot: { slots.slot($0) }) }
        bandIDs = catalog.manifest.sizeBands.map(\.id)
        let requires = ms.map { $0.requiredIDs.compactMap { firstIndex[$0] } }
        var modules: [PreparedModule] = []
        for (i, m) in ms.enumerated() {
            let brings = Self.prepare(m.brings, questionnaire, &slots)
            modules.append(PreparedModule(
                rules: industry.rules.indices.filter { industry.rules[$0].effect.moduleID == m.id },
                requires: requires[i],
                excludes: m.excludedIDs.compactMap { firstIndex[$0] },
                requiredBy: ms.indices.filter { requires[$0].contains(i) },
                standardReason: Self.standardReason(m, catalog.maturity),
                costByBand: bandIDs.map { m.cost[$0] },
                raises: m.raises.compactMap { r in catalog.maturity.scene(r.scene).map { (slots.slot($0.questionID), r.level) } },
                brings: brings))
        }
        self.modules = modules
        var firstMeasure: [String: Int] = [:]
        for (k, m) in industry.measures.enumerated() where firstMeasure[m.id] == nil { firstMeasure[m.id] = k }
        measures = industry.measures.map { m in
            let brings = Self.prepare(m.brings, questionnaire, &slots)
            let ids = brings.map { slots.ids[$0.slot] }
            var names: [Localized] = []
            for dimension in catalog.maturity.dimensions {
                for indicator in dimension.indicators where ids.contains(indicator.questionID) { names.append(indicator.name) }
            }
            return PreparedMeasure(costByBand: catalog.manifest.sizeBands.map { m.cost[$0.id] }, brings: brings, questionIDs: ids,
                                   indicators: Clauses.join(names.isEmpty ? [Localized(zh: "相关指标", en: "its indicators")] : names),
                                   requires: m.requiredIDs.compactMap { firstMeasure[$0] }.filter { industry.measures[$0].id != m.id })
        }
        retrofitBrings = Self.prepare(catalog.manifest.retrofitBrings, questionnaire, &slots)
        retrofitMeasures = catalog.manifest.retrofitMeasures.compactMap { firstMeasure[$0.text] }
        if let share = catalog.manifest.investmentShare, questionnaire[share.questionID] != nil, questionnaire[share.revenueQuestionID] != nil {
            investmentShare = (slots.slot(share.questionID), slots.slot(share.revenueQuestionID), share.years)
        } else {
            investmentShare = nil
        }
        outcomes = catalog.manifest.kpiMetrics.compactMap { metric in
            guard let answer = metric.outcomeAnswer, let better = metric.better,
                  questionnaire[answer.questionID]?.option(answer.optionID) != nil else { return nil }
            return PreparedOutcome(metric: metric.id, better: better, slot: slots.slot(answer.questionID), option: answer.optionID)
        }
        modulesByID = ms.indices.sorted { ms[$0].id < ms[$1].id }

        let all = catalog.policies.policies
        var policies = all.map { p in
            let tagged: [Bool]?
            switch p.base {
            case .package: tagged = nil
            case let .tag(tag): tagged = ms.map { $0.subsidyTags.contains(tag) }
            }
            return PreparedPolicy(
                eligibleWhen: p.eligibleWhen.map { SlotCondition($0, slot: { slots.slot($0) }) },
                conditionalWhen: p.conditionalWhen.map { SlotCondition($0, slot: { slots.slot($0) }) },
                questions: p.eligibleWhen?.questionIDs ?? [], group: all.firstIndex { $0.group == p.group } ?? 0, tagged: tagged,
                eligibleReason: Localized(zh: "符合条件：\(p.condition.zh)", en: "eligible: \(p.condition.en)"),
                notEligibleReason: Localized(zh: "不符合条件：\(p.condition.zh)", en: "not eligible: \(p.condition.en)"),
                sameGroupNote: Localized(zh: "与「\(p.name.zh)」同属一类，按不叠加假设只计金额较大者",
                                         en: "same group as \"\(p.name.en)\": by the no-stacking assumption only the larger counts"))
        }
        for i in policies.indices {
            policies[i].outweighedReasons = policies.indices.map { w in
                w != i && policies[w].group == policies[i].group
                    ? Clauses.join([policies[i].eligibleReason, policies[w].sameGroupNote]) : nil
            }
        }
        self.policies = policies
        thresholdText = formatNumber(industry.threshold)
    }

    /// Answer changes with their questions resolved to slots (changes naming no question, or no option, dropped:
    /// lint reports them).
    static func prepare(_ changes: [AnswerChange], _ questionnaire: Questionnaire, _ slots: inout AnswerSlots.Builder) -> [PreparedChange] {
        var prepared: [PreparedChange] = []
        for b in changes {
            guard let q = questionnaire[b.questionID] else { continue }
            let slot = slots.slot(q.id)
            let optionIDs = q.options.map(\.id)
            switch b.change {
            case let .add(options):
                prepared.append(.add(slot: slot, optionIDs: optionIDs,
                                     firstOfID: optionIDs.map { optionIDs.firstIndex(of: $0)! },
                                     adding: optionIDs.map(options.contains)))
            case let .atLeastNumber(n): prepared.append(.atLeastNumber(slot: slot, n))
            case let .atLeastOption(o):
                guard let target = optionIDs.firstIndex(of: o) else { continue }
                prepared.append(.atLeastOption(slot: slot, optionIDs: optionIDs, target: target, option: o))
            }
        }
        return prepared
    }

    /// Why a standard module is in the package: the scene levels it brings that the enterprise has not reached.
    /// `levelNow`: today's level of a scene (nil: every raise counts as not reached, as in the prepared reason).
    static func standardReason(_ m: Module, _ model: MaturityModel, levelNow: ((String) -> Int)? = nil) -> DecisionReason {
        let all = m.raises.compactMap { r in model.scene(r.scene).map { (r, $0) } }
        let names = all.filter { levelNow == nil || levelNow!($0.0.scene) < $0.0.level }
        let zh = names.map { "\($0.1.name.zh)→\($0.0.level)级" }.joined(separator: "、")
        let en = names.map { "\($0.1.name.en) → level \($0.0.level)" }.joined(separator: ", ")
        // Every scene it brings is already at that level or above: the module is the industry's base offer only.
        let text = names.isEmpty
            ? Localized(zh: "标准模块：本行业推荐的基础配置（相关场景现状已达到本模块的等级）",
                        en: "standard module: the base the industry recommends (its scenes are already at the levels it brings)")
            : Localized(zh: "标准模块：本行业推荐的基础配置，现状未达到（\(zh)）",
                        en: "standard module: the base the industry recommends, not yet in place (\(en))")
        return DecisionReason(kind: .standard, ruleID: nil, text: text, questions: (names.isEmpty ? all : names).map { $0.1.questionID })
    }

    /// The index of `band` in `bandIDs`, nil for a band the manifest does not list.
    func bandIndex(_ band: String) -> Int? { bandIDs.firstIndex(of: band) }
}
