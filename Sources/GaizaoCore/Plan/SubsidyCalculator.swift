/// Applies the policy data to a package: eligibility and tier, base, rate, cap, minimum investment, and the
/// stacking rule (within a group only the largest amount counts; groups add up).
///
/// Tiers: a scheme whose `eligible_when` holds is *certain*; one whose `conditional_when` holds instead waits on a
/// pending step (a pilot listing being applied for) and is *conditional*; a `one_off` reward goes to the enterprise,
/// not to this project. The headline subsidy and the net cost use the certain tier only.
public struct SubsidyCalculator: Sendable {
    public let policies: PolicySet

    public init(policies: PolicySet) { self.policies = policies }

    /// The three tiers' totals of a package's subsidy lines.
    public struct Totals: Sendable, Hashable {
        /// Conditions met now; never more than the investment.
        public var certain: CostRange
        /// What the conditional schemes would add on top of `certain` (a larger scheme replacing a smaller one of
        /// its group adds the difference); `certain + conditional` never exceeds the investment.
        public var conditional: CostRange
        /// One-off rewards, apart from the project.
        public var oneOff: CostRange
    }

    /// The subsidy lines of a package, `tables` being the industry's prepared policies (`PlanTables`).
    func lines(decisions: [ModuleDecision], tables: PlanTables, investment: CostRange, answers: [AnswerValue?],
               firstYearFees: CostRange = .zero) -> [SubsidyLine] {
        let all = policies.policies
        var lines: [SubsidyLine] = []
        lines.reserveCapacity(all.count)
        for (k, p) in all.enumerated() {
            lines.append(line(p, tables.policies[k], decisions: decisions, investment: investment, answers: answers,
                              firstYearFees: firstYearFees))
        }
        // Stacking within each tier: the largest amount of each group applies (ties: the first listed). A
        // conditional scheme applies when it would bring more than its group's certain winner.
        let certainWinners = winners(lines, tables) { $0.tier == .certain || $0.tier == .oneOff }
        let anyWinners = winners(lines, tables) { $0.tier != .none }
        for i in lines.indices {
            let group = tables.policies[i].group
            switch lines[i].tier {
            case .certain, .oneOff: lines[i].applied = certainWinners[group] == i
            case .conditional: lines[i].applied = anyWinners[group] == i
            case .none: lines[i].applied = false
            }
            if lines[i].eligible && !lines[i].applied, let winner = certainWinners[group] ?? anyWinners[group] {
                // The usual case is joined once per catalog; other reasons are joined here.
                if lines[i].reason == tables.policies[i].eligibleReason, let joined = tables.policies[i].outweighedReasons[winner] {
                    lines[i].reason = joined
                } else {
                    lines[i].reason = Clauses.join([lines[i].reason, tables.policies[winner].sameGroupNote])
                }
            }
        }
        return lines
    }

    /// For each group (by its first policy's index), the line with the largest amount among those passing `test`.
    private func winners(_ lines: [SubsidyLine], _ tables: PlanTables, _ test: (SubsidyLine) -> Bool) -> [Int: Int] {
        var best: [Int: Int] = [:]
        for (i, l) in lines.enumerated() where test(l) && l.amount.high > 0 {
            let group = tables.policies[i].group
            if let b = best[group] {
                if (l.amount.high, l.amount.low) > (lines[b].amount.high, lines[b].amount.low) { best[group] = i }
            } else {
                best[group] = i
            }
        }
        return best
    }

    /// The tiers' totals: certain (capped by the investment), the conditional increment (certain plus it capped by
    /// the investment) and the one-off rewards. Per stacking group, a conditional winner replaces the group's
    /// certain winner once granted, so it adds only the difference.
    func totals(_ lines: [SubsidyLine], tables: PlanTables, investment: CostRange) -> Totals {
        var certainOf: [Int: CostRange] = [:], conditionalOf: [Int: CostRange] = [:]
        var oneOff = CostRange.zero
        for (i, l) in lines.enumerated() where l.applied {
            let group = tables.policies[i].group
            switch l.tier {
            case .certain: certainOf[group] = l.amount
            case .conditional: conditionalOf[group] = l.amount
            case .oneOff:
                oneOff.low += l.amount.low
                oneOff.high += l.amount.high
            case .none: break
            }
        }
        var certain = CostRange.zero, best = CostRange.zero
        for group in Set(certainOf.keys).union(conditionalOf.keys) {
            let c = certainOf[group] ?? .zero, pending = conditionalOf[group] ?? .zero
            certain.low += c.low
            certain.high += c.high
            best.low += max(c.low, pending.low)
            best.high += max(c.high, pending.high)
        }
        certain = CostRange(low: min(certain.low, investment.low), high: min(certain.high, investment.high))
        best = CostRange(low: min(best.low, investment.low), high: min(best.high, investment.high))
        return Totals(certain: certain,
                      conditional: CostRange(low: max(0, best.low - certain.low), high: max(0, best.high - certain.high)),
                      oneOff: oneOff)
    }

    /// The amount of one scheme for a base: rate × base capped, zero below the minimum investment, rounded down
    /// to whole hundreds of yuan (0.01 万元, the precision the proposal shows): every subsidy figure is then a
    /// whole number of shown units, so the net cost shown is the investment shown less the subsidy shown, and the
    /// tiers shown add up to their capped total, never a cent over the cap.
    public static func amount(_ p: Policy, base: Int) -> Int {
        switch p.kind {
        case .fixed:
            return p.amountYuan
        case .rate:
            if base < p.minInvestmentYuan || base <= 0 { return 0 }
            let basisPoints = Int((p.ratePercent * 100).rounded())
            let raw = base * basisPoints / 10_000
            let capped = p.capYuan.map { min(raw, $0) } ?? raw
            return capped / shownUnitYuan * shownUnitYuan
        }
    }

    /// The smallest amount the proposal shows: 0.01 万元.
    static let shownUnitYuan = 100

    private func line(_ p: Policy, _ prepared: PlanTables.PreparedPolicy, decisions: [ModuleDecision], investment: CostRange,
                      answers: [AnswerValue?], firstYearFees: CostRange) -> SubsidyLine {
        let questions = prepared.questions
        var tier: SubsidyTier = p.oneOff ? .oneOff : .certain
        var pendingReason: Localized?
        if let when = prepared.eligibleWhen, !when.evaluate(answers).isTrue {
            if !p.oneOff, let pending = prepared.conditionalWhen, pending.evaluate(answers).isTrue {
                tier = .conditional
                pendingReason = Localized(zh: "条件尚未满足，满足后才能享受；未计入补助合计和净投入",
                                          en: "the condition is not met yet and must be first; not counted in the subsidy total or the net cost")
            } else {
                return SubsidyLine(policyID: p.id, eligible: false, tier: .none, applied: false, reason: prepared.notEligibleReason,
                                   base: .zero, amount: .zero, questions: questions)
            }
        }
        var base = CostRange.zero
        if let tagged = prepared.tagged {
            for i in decisions.indices where decisions[i].status.isSelected && tagged[i] {
                base.low += decisions[i].cost.low
                base.high += decisions[i].cost.high
            }
        } else {
            base = investment
        }
        if p.countsFirstYearFees && base.high > 0 {
            base.low += firstYearFees.low
            base.high += firstYearFees.high
        }
        if p.kind == .fixed {
            return SubsidyLine(policyID: p.id, eligible: tier != .conditional, tier: tier, applied: true,
                               reason: pendingReason ?? prepared.eligibleReason,
                               base: .zero, amount: CostRange(low: p.amountYuan, high: p.amountYuan), questions: questions)
        }
        let amount = CostRange(low: Self.amount(p, base: base.low), high: Self.amount(p, base: base.high))
        let reason: Localized
        if base.high == 0 {
            reason = Localized(zh: "方案中没有适用此项的模块", en: "no module of the package qualifies")
        } else if base.high < p.minInvestmentYuan {
            reason = Localized(zh: "适用投入 \(Money.wan(base.high)) 万元低于最低投入 \(Money.wan(p.minInvestmentYuan)) 万元",
                               en: "the qualifying investment of \(Money.cny(base.high)) is below the minimum of \(Money.cny(p.minInvestmentYuan))")
        } else if base.low < p.minInvestmentYuan {
            reason = Localized(zh: "仅当核定投入达到 \(Money.wan(p.minInvestmentYuan)) 万元时适用（低估算未达到）",
                               en: "applies only if the verified investment reaches \(Money.cny(p.minInvestmentYuan)) (the low estimate does not)")
        } else {
            reason = pendingReason ?? prepared.eligibleReason
        }
        let qualifies = amount.high > 0
        return SubsidyLine(policyID: p.id, eligible: qualifies && tier != .conditional, tier: qualifies ? tier : .none,
                           applied: qualifies, reason: reason, base: base, amount: amount, questions: questions)
    }
}
