import Foundation

/// Range checks on a decoded proposal. Proposal files travel between contractors and reviewers: they are untrusted
/// input, and a forged one must give a located message (`modules[3].cost.lowYuan: …`), never a trap in the
/// arithmetic on money, points and ratios nor an index out of range in the charts.
enum ProposalValidation {
    /// Money in exact yuan: 10¹³ yuan is 10⁹ 万元, the most a catalog or a flag can express. Sums over a few
    /// thousand such figures stay far inside `Int`.
    static let maxYuan = 10_000_000_000_000
    /// Points of the maturity model (100 in MIIT 2024); generous, but far from where `Double` loses thousandths.
    static let maxPoints = 100_000.0
    /// Weeks, counts, indexes.
    static let maxCount = 1_000_000
    /// Other figures (answers, KPIs, outcomes, scores, weights).
    static let maxFigure = 1e15

    /// The problems of `p`, each `key.path: message`, in document order; empty when it is acceptable.
    static func problems(_ p: Proposal) -> [String] {
        var v = Checker()
        v.date(p.date, "date")
        v.hash(p.answersHash, "answersHash")
        v.hash(p.catalog.hash, "catalog.hash")
        v.count(p.enterprise.employees, "enterprise.employees")
        v.yuan(p.enterprise.annualRevenueYuan, "enterprise.annualRevenueYuan", min: 0, max: 1_000_000_000_000_000)
        v.yuan(p.budgetYuan, "budgetYuan", min: 0)
        for (i, a) in p.answers.enumerated() {
            if case let .number(n) = a.value { v.figure(n, "answers[\(i)].value") }
        }
        v.diagnosis(p.diagnosis, "diagnosis")
        v.diagnosis(p.after, "after")
        if let expected = p.afterExpected { v.diagnosis(expected, "afterExpected") }
        if let level = p.target?.level { v.level(level, "target.level", min: 1) }
        if let threshold = p.ruleThreshold { v.figure(threshold, "ruleThreshold") }
        for (i, step) in (p.ladder ?? []).enumerated() {
            let at = "ladder[\(i)]"
            v.level(step.level, at + ".level", min: 1)
            v.range(step.investment, at + ".investment")
            v.range(step.netCost, at + ".netCost", min: -maxYuan)
            v.count(step.durationWeeks, at + ".durationWeeks")
        }
        for (i, m) in (p.measures ?? []).enumerated() {
            let at = "measures[\(i)]"
            v.range(m.cost, at + ".cost")
            v.range(m.referenceCost, at + ".referenceCost")
            v.count(m.durationWeeks, at + ".durationWeeks")
            v.count(m.startWeek, at + ".startWeek")
            v.count(m.endWeek, at + ".endWeek")
        }
        v.count(p.totals.selectedMeasures, "totals.selectedMeasures")
        v.count(p.totals.workstreams, "totals.workstreams")
        if let r = p.totals.moduleInvestment { v.range(r, "totals.moduleInvestment") }
        for (i, m) in p.modules.enumerated() {
            let at = "modules[\(i)]"
            v.figure(m.score, at + ".score")
            for (j, r) in m.reasons.enumerated() { v.figure(r.weight, at + ".reasons[\(j)].weight") }
            for (j, r) in m.raises.enumerated() {
                v.level(r.from, at + ".raises[\(j)].from", min: 0)
                v.level(r.to, at + ".raises[\(j)].to", min: 0)
            }
            v.range(m.cost, at + ".cost")
            v.range(m.referenceCost, at + ".referenceCost")
            for (j, part) in (m.costParts ?? []).enumerated() { v.range(part.cost, at + ".costParts[\(j)].cost") }
            v.count(m.durationWeeks, at + ".durationWeeks")
            v.count(m.phase, at + ".phase")
            v.count(m.startWeek, at + ".startWeek")
            v.count(m.endWeek, at + ".endWeek")
        }
        for (i, ph) in p.phases.enumerated() {
            v.count(ph.index, "phases[\(i)].index")
            v.count(ph.startWeek, "phases[\(i)].startWeek")
            v.count(ph.endWeek, "phases[\(i)].endWeek")
        }
        v.range(p.totals.investment, "totals.investment")
        v.range(p.totals.subsidy.range, "totals.subsidy")
        // The tiers beside the headline: a forged `conditional` of 2⁶³ − 1 yuan trapped in the consistency sums,
        // and a forged `oneOff` was shown as a reward of 9,223,372,036,854,775,807 yuan.
        if let r = p.totals.subsidy.certain { v.range(r, "totals.subsidy.certain") }
        if let r = p.totals.subsidy.conditional { v.range(r, "totals.subsidy.conditional") }
        if let r = p.totals.subsidy.oneOff { v.range(r, "totals.subsidy.oneOff") }
        if let r = p.totals.subsidy.effectiveRatePercent {
            v.figure(r.low, "totals.subsidy.effectiveRatePercent.low", min: 0, max: 100)
            v.figure(r.high, "totals.subsidy.effectiveRatePercent.high", min: 0, max: 100)
        }
        if let r = p.totals.yearlyFees { v.range(r, "totals.yearlyFees") }
        for (i, m) in p.modules.enumerated() {
            if let fee = m.yearlyFee { v.range(fee, "modules[\(i)].yearlyFee") }
        }
        for (i, e) in (p.evidence ?? []).enumerated() {
            if let points = e.points { v.points(points, "evidence[\(i)].points") }
            if let level = e.level { v.level(level, "evidence[\(i)].level", min: 0) }
        }
        if let b = p.benefits {
            v.range(b.annualSaving, "benefits.annualSaving", min: -maxYuan)
            v.range(b.yearlyFees, "benefits.yearlyFees")
            for (i, m) in b.modules.enumerated() {
                v.range(m.annualSaving, "benefits.modules[\(i)].annualSaving", min: -maxYuan)
                for (j, line) in m.lines.enumerated() {
                    v.range(line.annualSaving, "benefits.modules[\(i)].lines[\(j)].annualSaving", min: -maxYuan)
                }
            }
            for (name, r) in [("paybackYears", b.paybackYears), ("roi3YearPercent", b.roi3YearPercent)] {
                v.figure(r?.low, "benefits.\(name).low")
                v.figure(r?.high, "benefits.\(name).high")
            }
        }
        v.range(p.totals.netCost, "totals.netCost", min: -maxYuan)
        v.count(p.totals.durationWeeks, "totals.durationWeeks")
        v.count(p.totals.selectedModules, "totals.selectedModules")
        for (i, s) in p.subsidies.enumerated() {
            let at = "subsidies[\(i)]"
            v.figure(s.ratePercent, at + ".ratePercent", min: 0, max: 100)
            v.yuan(s.capYuan, at + ".capYuan", min: 0)
            v.yuan(s.minInvestmentYuan, at + ".minInvestmentYuan", min: 0)
            v.range(s.base, at + ".base")
            v.range(s.amount, at + ".amount")
        }
        for (i, k) in p.kpis.enumerated() {
            v.figure(k.low, "kpis[\(i)].low")
            v.figure(k.high, "kpis[\(i)].high")
        }
        for (i, o) in p.outcomes.enumerated() {
            v.figure(o.expectedLow, "outcomes[\(i)].expectedLow")
            v.figure(o.expectedHigh, "outcomes[\(i)].expectedHigh")
        }
        // Sums and differences below are safe only on figures within range.
        if v.problems.isEmpty { consistency(p, &v) }
        return v.problems
    }

    struct Checker {
        var problems: [String] = []

        /// A range whose low end is above its high end.
        mutating func ordered(_ r: Proposal.YuanRange, _ path: String) {
            if r.lowYuan > r.highYuan { fail(path, "the low end, \(r.lowYuan) yuan, is above the high end, \(r.highYuan) yuan") }
        }

        mutating func fail(_ path: String, _ message: String) { problems.append("`\(path)`: \(message)") }

        mutating func yuan(_ value: Int?, _ path: String, min: Int = 0, max: Int = ProposalValidation.maxYuan) {
            guard let value, !(min...max).contains(value) else { return }
            fail(path, "\(value) yuan is out of range (\(min) to \(max) yuan)")
        }

        mutating func range(_ r: Proposal.YuanRange, _ path: String, min: Int = 0) {
            yuan(r.lowYuan, path + ".lowYuan", min: min)
            yuan(r.highYuan, path + ".highYuan", min: min)
        }

        mutating func count(_ value: Int?, _ path: String) {
            guard let value, !(0...ProposalValidation.maxCount).contains(value) else { return }
            fail(path, "\(value) is out of range (0 to \(ProposalValidation.maxCount))")
        }

        mutating func level(_ value: Int, _ path: String, min: Int) {
            guard !(min...4).contains(value) else { return }
            fail(path, "level \(value) is out of range (\(min) to 4)")
        }

        mutating func figure(_ value: Double?, _ path: String, min: Double = -ProposalValidation.maxFigure,
                             max: Double = ProposalValidation.maxFigure) {
            guard let value, !(value.isFinite && value >= min && value <= max) else { return }
            fail(path, "\(value.isFinite ? formatNumber(value) : "\(value)") is out of range (\(formatNumber(min)) to \(formatNumber(max)))")
        }

        mutating func points(_ value: Double, _ path: String) {
            figure(value, path, min: 0, max: ProposalValidation.maxPoints)
        }

        mutating func hash(_ value: String, _ path: String) {
            let ok = value.utf8.count == 64 && value.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
            if !ok { fail(path, "not a SHA-256 hash (64 lowercase hexadecimal digits)") }
        }

        mutating func date(_ value: String?, _ path: String) {
            guard let value, !AnswerDecoder.isISODate(value) || value.utf8.count != 10 else { return }
            fail(path, "`\(ControlCharacters.visible(value))` is not a real calendar date written YYYY-MM-DD")
        }

        mutating func diagnosis(_ d: Proposal.DiagnosisSummary, _ path: String) {
            points(d.points, path + ".points")
            points(d.maxPoints, path + ".maxPoints")
            level(d.level, path + ".level", min: 0)
            for (i, x) in d.dimensions.enumerated() {
                points(x.points, path + ".dimensions[\(i)].points")
                points(x.maxPoints, path + ".dimensions[\(i)].maxPoints")
            }
            for (i, x) in d.indicators.enumerated() {
                points(x.points, path + ".indicators[\(i)].points")
                points(x.maxPoints, path + ".indicators[\(i)].maxPoints")
            }
            for (i, s) in d.scenes.enumerated() { level(s.level, path + ".scenes[\(i)].level", min: 0) }
            for (i, c) in d.levelChecks.enumerated() {
                let at = path + ".levelChecks[\(i)]"
                level(c.level, at + ".level", min: 1)
                points(c.points, at + ".points")
                points(c.pointsNeeded, at + ".pointsNeeded")
                count(c.scenesAtLevel, at + ".scenesAtLevel")
                count(c.scenesNeeded, at + ".scenesNeeded")
                count(c.mandatoryAtLevel, at + ".mandatoryAtLevel")
                count(c.mandatoryNeeded, at + ".mandatoryNeeded")
            }
        }
    }

    /// The first string anywhere in the JSON `object` that holds a control character, as `key.path: message`;
    /// also refuses nesting deeper than a proposal has.
    static func controlCharacterProblem(in object: Any) -> String? {
        func visit(_ value: Any, _ path: String, _ depth: Int) -> String? {
            if depth > 32 { return "`\(path)`: nested more deeply than a proposal is" }
            switch value {
            case let s as String:
                if let bad = ControlCharacters.firstForbidden(in: s) {
                    return "`\(path)`: the text holds the control character \(ControlCharacters.name(bad.scalar)) at character \(bad.offset + 1)"
                }
            case let a as [Any]:
                for (i, x) in a.enumerated() { if let p = visit(x, "\(path)[\(i)]", depth + 1) { return p } }
            case let d as [String: Any]:
                for key in d.keys.sorted() {
                    let at = path.isEmpty ? key : path + "." + key
                    if let bad = ControlCharacters.firstForbidden(in: key) {
                        return "`\(ControlCharacters.visible(at))`: the key holds the control character \(ControlCharacters.name(bad.scalar))"
                    }
                    if let p = visit(d[key]!, at, depth + 1) { return p }
                }
            default: break
            }
            return nil
        }
        return visit(object, "", 0)
    }
}
