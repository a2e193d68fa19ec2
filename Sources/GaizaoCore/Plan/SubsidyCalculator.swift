/// Applies the policy data to a package: eligibility, base, rate, cap, minimum investment, and the stacking
/// rule (within a group only the largest amount counts; groups add up).
public struct SubsidyCalculator: Sendable {
    public let policies: PolicySet

    public init(policies: PolicySet) { self.policies = policies }

    func lines(decisions: [ModuleDecision], industry: Industry, investment: CostRange, answers: [String: AnswerValue]) -> [SubsidyLine] {
        var lines = policies.policies.map { p in
            line(p, decisions: decisions, industry: industry, investment: investment, answers: answers)
        }
        // Stacking: the largest eligible amount of each group applies (ties: the first listed).
        var bestInGroup: [String: Int] = [:]
        for (i, l) in lines.enumerated() where l.eligible {
            let group = policies.policies[i].group
            if let b = bestInGroup[group] {
                let current = lines[b].amount
                if (l.amount.high, l.amount.low) > (current.high, current.low) { bestInGroup[group] = i }
            } else {
                bestInGroup[group] = i
            }
        }
        for (i, _) in lines.enumerated() {
            let group = policies.policies[i].group
            lines[i].applied = lines[i].eligible && bestInGroup[group] == i
            if lines[i].eligible && !lines[i].applied, let winner = bestInGroup[group] {
                let w = policies.policies[winner]
                lines[i].reason = Clauses.join([
                    lines[i].reason,
                    Localized(zh: "与「\(w.name.zh)」同属一类，按不叠加假设只计金额较大者",
                              en: "same group as \"\(w.name.en)\": by the no-stacking assumption only the larger counts"),
                ])
            }
        }
        return lines
    }

    /// The amount of one scheme for a base: rate × base capped, zero below the minimum investment.
    public static func amount(_ p: Policy, base: Int) -> Int {
        switch p.kind {
        case .fixed:
            return p.amountYuan
        case .rate:
            if base < p.minInvestmentYuan || base <= 0 { return 0 }
            let basisPoints = Int((p.ratePercent * 100).rounded())
            let raw = base * basisPoints / 10_000
            return p.capYuan.map { min(raw, $0) } ?? raw
        }
    }

    private func line(_ p: Policy, decisions: [ModuleDecision], industry: Industry, investment: CostRange,
                      answers: [String: AnswerValue]) -> SubsidyLine {
        let questions = p.eligibleWhen?.questionIDs ?? []
        if let when = p.eligibleWhen, !ConditionEvaluator.evaluate(when, in: answers).isTrue {
            return SubsidyLine(policyID: p.id, eligible: false, applied: false,
                               reason: Localized(zh: "不符合条件：\(p.condition.zh)", en: "not eligible: \(p.condition.en)"),
                               base: CostRange(low: 0, high: 0), amount: CostRange(low: 0, high: 0), questions: questions)
        }
        let base: CostRange
        switch p.base {
        case .package:
            base = investment
        case let .tag(tag):
            let tagged = decisions.filter { $0.status.isSelected && industry.module($0.moduleID)?.subsidyTags.contains(tag) == true }
            base = CostRange(low: tagged.reduce(0) { $0 + $1.cost.low }, high: tagged.reduce(0) { $0 + $1.cost.high })
        }
        if p.kind == .fixed {
            return SubsidyLine(policyID: p.id, eligible: true, applied: true,
                               reason: Localized(zh: "符合条件：\(p.condition.zh)", en: "eligible: \(p.condition.en)"),
                               base: CostRange(low: 0, high: 0), amount: CostRange(low: p.amountYuan, high: p.amountYuan), questions: questions)
        }
        let amount = CostRange(low: Self.amount(p, base: base.low), high: Self.amount(p, base: base.high))
        let reason: Localized
        if base.high == 0 {
            reason = Localized(zh: "方案中没有适用此项的模块", en: "no module of the package qualifies")
        } else if base.high < p.minInvestmentYuan {
            reason = Localized(zh: "适用投入 \(Money.wan(base.high)) 万元低于最低投入 \(Money.wan(p.minInvestmentYuan)) 万元",
                               en: "the qualifying investment of \(Money.wan(base.high)) 万元 is below the minimum of \(Money.wan(p.minInvestmentYuan)) 万元")
        } else if base.low < p.minInvestmentYuan {
            reason = Localized(zh: "仅当核定投入达到 \(Money.wan(p.minInvestmentYuan)) 万元时适用（低估算未达到）",
                               en: "applies only if the verified investment reaches \(Money.wan(p.minInvestmentYuan)) 万元 (the low estimate does not)")
        } else {
            reason = Localized(zh: "符合条件：\(p.condition.zh)", en: "eligible: \(p.condition.en)")
        }
        let eligible = amount.high > 0
        return SubsidyLine(policyID: p.id, eligible: eligible, applied: eligible, reason: reason, base: base, amount: amount, questions: questions)
    }
}
