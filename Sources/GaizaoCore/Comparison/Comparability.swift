/// The maturity level a proposal says it aims at, as newer proposals state it (the JSON field `target`:
/// `{level, source, reached}`). Older proposals have no such field: their target is unknown, and the comparison
/// says so rather than guessing one.
public struct StatedTarget: Codable, Sendable, Hashable {
    /// The target level (1–4), or nil when the proposal was built without a target.
    public var level: Int?
    /// Where the target came from: `default` (the planner's own), `option` (`--target`), `none`.
    public var source: String
    /// Whether the projection after the retrofit reaches the target level.
    public var reached: Bool

    public init(level: Int?, source: String, reached: Bool) {
        self.level = level
        self.source = source
        self.reached = reached
    }

    /// The target `p` states (its `target` field); nil for a proposal written before the field existed.
    public init?(of p: Proposal) {
        guard let t = p.target else { return nil }
        self.init(level: t.level, source: t.source.rawValue, reached: t.reached)
    }

    /// Built without a target (`--target-level none`): the rules-only package. It states that it has none, which
    /// is not the same as stating nothing.
    public var isNone: Bool { level == nil && source == "none" }
}

/// Whether one proposal of a contractors comparison can be weighed against the others, and why not.
///
/// The rule: proposals are comparable when they aim at the same target level and each reaches it within its own
/// budget. The common target is the highest level any proposal states; when none states one (older proposals),
/// the highest level any proposal reaches. A proposal is not comparable when it
/// - states a lower target (`aims_lower`),
/// - states the common target but does not reach it (`target_missed`),
/// - states no target and reaches a lower level than the common target (`below_target`),
/// - has a budget and its high investment estimate exceeds it (`over_budget`),
/// - was built on other subsidy rules than another proposal (`subsidy_rules_differ`: a scheme's rate, cap,
///   minimum investment or kind differs, or a scheme is missing): its subsidy and net cost cannot be set beside
///   theirs, so every proposal of such a comparison gets it, naming the schemes;
/// - rests on other answers to a question a subsidy scheme rests on (`subsidy_answers_differ`: a pilot listed in
///   one, still applying in another): the subsidies differ because of the answers, not the offers, so every
///   proposal of such a comparison gets it, naming the questions.
/// A proposal without a stated target gets the note `target_not_stated`: it is judged on the level it reaches.
/// Before/after comparisons are one enterprise at two dates, not rival offers: every proposal is comparable there.
public struct Comparability: Sendable, Hashable {
    public struct Reason: Sendable, Hashable {
        /// A stable machine-readable code (`aims_lower`, `target_missed`, `below_target`, `over_budget`,
        /// `subsidy_rules_differ`, `subsidy_answers_differ`, `target_not_stated`), documented in
        /// docs/comparison-schema.md.
        public var code: String
        public var text: Localized
    }

    public var comparable: Bool
    /// Why the proposal is not comparable (empty when it is).
    public var reasons: [Reason]
    /// What a reviewer should know that does not make it incomparable (e.g. no target stated).
    public var notes: [Reason]
}

extension ProposalComparator {
    /// The level proposals are held to: the highest stated target, else the highest level reached.
    static func commonTarget(_ columns: [ProposalComparison.Column]) -> (level: Int, stated: Bool) {
        let stated = columns.compactMap { $0.target?.level }
        if let top = stated.max() { return (top, true) }
        return (columns.map(\.proposal.after.level).max() ?? 0, false)
    }

    /// `subsidyAnswers`: the labels of the differing answers some subsidy scheme rests on (`AnswerDifference.subsidyQuestion`).
    static func comparability(_ columns: [ProposalComparison.Column], mode: ProposalComparison.Mode,
                              common: (level: Int, stated: Bool), subsidyAnswers: [Localized] = []) -> [Comparability] {
        let differingSchemes = subsidySchemesThatDiffer(columns.map(\.proposal))
        return columns.map { col in
            let p = col.proposal
            var reasons: [Comparability.Reason] = []
            var notes: [Comparability.Reason] = []
            if let level = col.target?.level {
                if level < common.level {
                    reasons.append(.init(code: "aims_lower", text: Localized(
                        zh: "目标为\(level)级，低于其他方案的目标\(common.level)级",
                        en: "aims at level \(level), below the level \(common.level) the others aim at")))
                } else if !(col.target?.reached ?? false) {
                    reasons.append(.init(code: "target_missed", text: Localized(
                        zh: "未达到自身目标\(level)级（改造后预计\(levelZH(p.after.level))）",
                        en: "does not reach its own target, level \(level) (projected: \(levelEN(p.after.level)))")))
                }
            } else {
                // The same code either way (docs/comparison-schema.md); the text says which it is.
                notes.append(.init(code: "target_not_stated", text: col.target?.isNone == true
                    ? Localized(zh: "方案没有目标等级（仅按规则选模块），按改造后预计等级比较",
                                en: "the proposal has no target level (a rules-only package): judged on the level it reaches")
                    : Localized(zh: "方案未注明目标等级，按改造后预计等级比较", en: "the proposal states no target level: judged on the level it reaches")))
                if p.after.level < common.level {
                    reasons.append(.init(code: "below_target", text: Localized(
                        zh: "改造后预计\(levelZH(p.after.level))，低于\(common.stated ? "其他方案的目标" : "其他方案达到的")\(common.level)级",
                        en: "reaches \(levelEN(p.after.level)), below the level \(common.level) the others \(common.stated ? "aim at" : "reach")")))
                }
            }
            if let budget = p.budgetYuan, p.totals.investment.highYuan > budget {
                reasons.append(.init(code: "over_budget", text: Localized(
                    zh: "投入估算上限 \(Money.wan(p.totals.investment.highYuan)) 万元超出自身预算 \(Money.wan(budget)) 万元",
                    en: "its high investment estimate, CNY \(Money.grouped(p.totals.investment.highYuan)), exceeds its own budget of CNY \(Money.grouped(budget))")))
            }
            if !differingSchemes.isEmpty {
                reasons.append(.init(code: "subsidy_rules_differ", text: Localized(
                    zh: "各方案所用的补助政策不同（\(differingSchemes.map(\.zh).joined(separator: "、"))），补助和净投入不可比",
                    en: "the proposals rest on different subsidy rules (\(differingSchemes.map(\.en).joined(separator: ", "))): their subsidies and net costs cannot be compared")))
            }
            // One enterprise cannot be both listed as a pilot and still applying: the subsidies differ because the
            // proposals describe the enterprise differently, so no net cost is the cheaper offer.
            if !subsidyAnswers.isEmpty {
                let questions = questionList(subsidyAnswers)
                reasons.append(.init(code: "subsidy_answers_differ", text: Localized(
                    zh: "补助所依据的答卷不同（\(questions.zh)）：补助和净投入的差异来自企业答卷，而非报价",
                    en: "the subsidies rest on answers that differ (\(questions.en)): the differences in subsidy and net cost come from the answers, not from the offers")))
            }
            if mode == .beforeAfter { reasons = [] }
            return Comparability(comparable: reasons.isEmpty, reasons: reasons, notes: notes)
        }
    }

    /// The names of the subsidy schemes whose terms (kind, rate, cap, minimum investment) are not the same in every
    /// proposal, or that some proposals lack: the proposals were built on different policy files.
    static func subsidySchemesThatDiffer(_ proposals: [Proposal]) -> [Localized] {
        struct Terms: Equatable { var kind: String; var rate: Double; var cap: Int?; var minimum: Int }
        var names: [String: Localized] = [:], order: [String] = []
        var terms: [[String: Terms]] = []
        for p in proposals {
            var own: [String: Terms] = [:]
            for s in p.subsidies {
                own[s.policy] = Terms(kind: s.kind, rate: s.ratePercent, cap: s.capYuan, minimum: s.minInvestmentYuan)
                if names[s.policy] == nil { names[s.policy] = s.name; order.append(s.policy) }
            }
            terms.append(own)
        }
        return order.filter { id in terms.contains { $0[id] != terms[0][id] } }.compactMap { names[$0] }
    }

    static func levelZH(_ l: Int) -> String { l == 0 ? "未达一级" : "\(l)级" }
    static func levelEN(_ l: Int) -> String { l == 0 ? "below level 1" : "level \(l)" }

    /// Modules a proposal left out to stay within its budget, in the proposal's order:
    /// - with a target the budget keeps it from reaching, the modules of the cheapest package for that target (its
    ///   `ladder` step, what the proposal would be without the budget) that the proposal does not choose; the
    ///   target planner gives them reasons of kind `budget`, but proposals written before it did (kind `target`)
    ///   are recognised by their ladder;
    /// - the modules the rules-only planner left out for the budget (reasons of kind `budget`).
    /// A budgeted proposal that reaches its target dropped nothing its target needs.
    static func droppedForBudget(_ p: Proposal) -> [String] {
        var dropped = Set(p.modules.filter { !$0.status.isSelected && $0.reasons.contains { $0.kind == .budget } }.map(\.id))
        if p.budgetYuan != nil, let target = p.target, let level = target.level, !target.reached,
           let step = p.ladder?.first(where: { $0.level == level && $0.reachable }) {
            let needed = Set(step.modules)
            for m in p.modules where !m.status.isSelected && needed.contains(m.id) { dropped.insert(m.id) }
        }
        return p.modules.map(\.id).filter { dropped.contains($0) }
    }

    /// Management measures a proposal left out to stay within its budget, in the proposal's order, by the same
    /// rule as `droppedForBudget`: with a target the budget keeps it from reaching, the measures of the cheapest
    /// package for that target (its `ladder` step) that the proposal does not include; and any measure whose
    /// reasons say the budget left it out (kind `budget`).
    static func measuresDroppedForBudget(_ p: Proposal) -> [String] {
        let measures = p.measures ?? []
        var dropped = Set(measures.filter { $0.status != .include && $0.reasons.contains { $0.kind == .budget } }.map(\.id))
        if p.budgetYuan != nil, let target = p.target, let level = target.level, !target.reached,
           let step = p.ladder?.first(where: { $0.level == level && $0.reachable }) {
            let needed = Set(step.measures)
            for m in measures where m.status != .include && needed.contains(m.id) { dropped.insert(m.id) }
        }
        return measures.map(\.id).filter { dropped.contains($0) }
    }

    /// Mandatory scenes the proposal leaves below level 2 after the retrofit.
    static func mandatoryBelowTwo(_ p: Proposal) -> [String] {
        p.after.scenes.filter { $0.mandatory && $0.level < 2 }.map(\.id)
    }
}
