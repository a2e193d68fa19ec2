/// Applies the policy data to a package: eligibility, base, rate, cap, minimum investment, and the stacking
/// rule (within a group only the largest amount counts; groups add up).
public struct SubsidyCalculator: Sendable {
    public let policies: PolicySet

    public init(policies: PolicySet) { self.policies = policies }

    /// The subsidy lines of a package, `tables` being the industry's prepared policies (`PlanTables`).
    func lines(decisions: [ModuleDecision], tables: PlanTables, investment: CostRange, answers: [AnswerValue?]) -> [SubsidyLine] {
        let all = policies.policies
        var lines: [SubsidyLine] = []
        lines.reserveCapacity(all.count)
        for (k, p) in all.enumerated() {
            lines.append(line(p, tables.policies[k], decisions: decisions, investment: investment, answers: answers))
        }
        // Stacking: the largest eligible amount of each group applies (ties: the first listed).
        var bestInGroup = [Int?](repeating: nil, count: all.count)
        for (i, l) in lines.enumerated() where l.eligible {
            let group = tables.policies[i].group
            if let b = bestInGroup[group] {
                let current = lines[b].amount
                if (l.amount.high, l.amount.low) > (current.high, current.low) { bestInGroup[group] = i }
            } else {
                bestInGroup[group] = i
            }
        }
        for i in lines.indices {
            let group = tables.policies[i].group
            lines[i].applied = lines[i].eligible && bestInGroup[group] == i
            if lines[i].eligible && !lines[i].applied, let winner = bestInGroup[group] {
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

    private func line(_ p: Policy, _ prepared: PlanTables.PreparedPolicy, decisions: [ModuleDecision], investment: CostRange,
                      answers: [AnswerValue?]) -> SubsidyLine {
        let questions = prepared.questions
        if let when = prepared.eligibleWhen, !when.evaluate(answers).isTrue {
            return SubsidyLine(policyID: p.id, eligible: false, applied: false, reason: prepared.notEligibleReason,
                               base: .zero, amount: .zero, questions: questions)
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
        if p.kind == .fixed {
            return SubsidyLine(policyID: p.id, eligible: true, applied: true, reason: prepared.eligibleReason,
                               base: .zero, amount: CostRange(low: p.amountYuan, high: p.amountYuan), questions: questions)
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
            reason = prepared.eligibleReason
        }
        let eligible = amount.high > 0
        return SubsidyLine(policyID: p.id, eligible: eligible, applied: eligible, reason: reason, base: base, amount: amount, questions: questions)
    }
}
