/// Cross-field checks on a decoded proposal: the figures `gaizao diagnose` derives from others must be what it
/// derives. A reviewer's comparison ranks on the totals, so a hand-edited or self-contradicting file (a net cost
/// that is not the investment minus the subsidy, a total that is not the sum of the chosen items, a duration
/// shorter than the schedule) is refused with the key path of the figure that does not add up.
///
/// Every check holds exactly for every proposal gaizao writes (the planner's own arithmetic, see
/// `Planner.package`, `Planner.moduleCost`, `SubsidyCalculator.totals`, `Scheduler`); nothing is tolerated.
/// Two orders are deliberately not checked: a net cost's low end may exceed its high end (a rate subsidy with a
/// minimum investment can start at the high estimate only), and so may a conditional subsidy's (a cap).
extension ProposalValidation {
    static func consistency(_ p: Proposal, _ v: inout Checker) {
        let selected = p.modules.indices.filter { p.modules[$0].status.isSelected }
        let measures = p.measures ?? []
        let included = measures.indices.filter { measures[$0].status == .include }

        // Each entry once: a module, measure, scene or answer listed twice was shown once and counted once.
        func unique(_ ids: [String], _ path: String, _ key: String) {
            var seen: Set<String> = []
            if let i = ids.indices.first(where: { !seen.insert(ids[$0]).inserted }) {
                v.fail("\(path)[\(i)].\(key)", "`\(ControlCharacters.visible(ids[i]))` is listed twice")
            }
        }
        unique(p.modules.map(\.id), "modules", "id")
        unique(measures.map(\.id), "measures", "id")
        unique(p.answers.map(\.question), "answers", "question")
        // Points: within their maximum, and the total the sum of the dimensions (exact to the thousandth).
        let summaries = [("diagnosis", p.diagnosis), ("after", p.after)] + (p.afterExpected.map { [("afterExpected", $0)] } ?? [])
        for (path, d) in summaries {
            unique(d.scenes.map(\.id), path + ".scenes", "id")
            unique(d.dimensions.map(\.id), path + ".dimensions", "id")
            unique(d.indicators.map(\.id), path + ".indicators", "id")
            if d.points > d.maxPoints {
                v.fail(path + ".points", "\(formatNumber(d.points)) points, more than `maxPoints`, \(formatNumber(d.maxPoints))")
            }
            for (i, x) in d.dimensions.enumerated() where x.points > x.maxPoints {
                v.fail("\(path).dimensions[\(i)].points", "\(formatNumber(x.points)) points, more than `maxPoints`, \(formatNumber(x.maxPoints))")
            }
            for (i, x) in d.indicators.enumerated() where x.points > x.maxPoints {
                v.fail("\(path).indicators[\(i)].points", "\(formatNumber(x.points)) points, more than `maxPoints`, \(formatNumber(x.maxPoints))")
            }
            let sum = d.dimensions.reduce(0) { $0 + $1.points }
            if !d.dimensions.isEmpty, abs(sum - d.points) > 0.0005 {
                v.fail(path + ".points", "\(formatNumber(d.points)), but its dimensions add up to \(formatNumber(sum))")
            }
        }

        // Ranges run from low to high (costs, investments, subsidies; not the net cost, see above).
        for (i, m) in p.modules.enumerated() {
            v.ordered(m.cost, "modules[\(i)].cost")
            v.ordered(m.referenceCost, "modules[\(i)].referenceCost")
            if let fee = m.yearlyFee { v.ordered(fee, "modules[\(i)].yearlyFee") }
            for (j, part) in (m.costParts ?? []).enumerated() { v.ordered(part.cost, "modules[\(i)].costParts[\(j)].cost") }
        }
        for (i, m) in measures.enumerated() {
            v.ordered(m.cost, "measures[\(i)].cost")
            v.ordered(m.referenceCost, "measures[\(i)].referenceCost")
        }
        for (i, s) in p.subsidies.enumerated() {
            v.ordered(s.base, "subsidies[\(i)].base")
            v.ordered(s.amount, "subsidies[\(i)].amount")
        }
        for (i, step) in (p.ladder ?? []).enumerated() { v.ordered(step.investment, "ladder[\(i)].investment") }
        v.ordered(p.totals.investment, "totals.investment")
        if let r = p.totals.moduleInvestment { v.ordered(r, "totals.moduleInvestment") }
        v.ordered(p.totals.subsidy.range, "totals.subsidy")
        if let r = p.totals.yearlyFees { v.ordered(r, "totals.yearlyFees") }
        guard v.problems.isEmpty else { return }

        // Each module and measure: a cost and a schedule only when chosen; a role that says so.
        for (i, m) in p.modules.enumerated() {
            let at = "modules[\(i)]"
            if m.status.isSelected {
                if let start = m.startWeek, let end = m.endWeek {
                    if end != start + m.durationWeeks {
                        v.fail(at + ".endWeek", "week \(end), but the module starts in week \(start) and takes \(m.durationWeeks) weeks (week \(start + m.durationWeeks))")
                    }
                } else {
                    v.fail(at, "the module is chosen (`\(m.status.rawValue)`) but has no `startWeek` and `endWeek`")
                }
                if m.phase == nil { v.fail(at + ".phase", "the module is chosen (`\(m.status.rawValue)`) but is in no phase") }
            } else {
                if m.cost.lowYuan != 0 || m.cost.highYuan != 0 {
                    v.fail(at + ".cost", "\(yuanRange(m.cost)), but the module is not chosen (`\(m.status.rawValue)`): its cost is 0")
                }
                if m.startWeek != nil || m.endWeek != nil || m.phase != nil {
                    v.fail(at, "the module is not chosen (`\(m.status.rawValue)`) but is scheduled")
                }
            }
            if let role = m.role, role.inPackage != m.status.isSelected {
                v.fail(at + ".role", "`\(role.rawValue)` contradicts the status `\(m.status.rawValue)`")
            }
            // The price parts are in the new-build cost: together they never cost more than it.
            if let parts = m.costParts {
                let total = sum(parts.map(\.cost))
                if total.lowYuan > m.referenceCost.lowYuan || total.highYuan > m.referenceCost.highYuan {
                    v.fail(at + ".costParts", "the parts cost \(yuanRange(total)) in all, more than the module's new-build cost `referenceCost`, \(yuanRange(m.referenceCost))")
                }
            }
        }
        for (i, m) in measures.enumerated() {
            let at = "measures[\(i)]"
            if m.status == .include {
                // A measure starts at week 0, or when the measures it requires end (the JSON does not say which).
                if (m.startWeek ?? -1) < 0 || m.endWeek != m.startWeek.map({ $0 + m.durationWeeks }) {
                    v.fail(at, "the measure runs for its \(m.durationWeeks) weeks from its start, but is scheduled in weeks \(m.startWeek.map(String.init) ?? "none")–\(m.endWeek.map(String.init) ?? "none")")
                }
            } else {
                if m.cost.lowYuan != 0 || m.cost.highYuan != 0 {
                    v.fail(at + ".cost", "\(yuanRange(m.cost)), but the measure is not in the package (`\(m.status.rawValue)`): its cost is 0")
                }
                if m.startWeek != nil || m.endWeek != nil { v.fail(at, "the measure is not in the package (`\(m.status.rawValue)`) but is scheduled") }
            }
            if m.role.inPackage != (m.status == .include) {
                v.fail(at + ".role", "`\(m.role.rawValue)` contradicts the status `\(m.status.rawValue)`")
            }
        }

        // Totals: the sums of the chosen modules and measures.
        if p.totals.selectedModules != selected.count {
            v.fail("totals.selectedModules", "\(p.totals.selectedModules), but \(selected.count) modules are chosen (`include` or `upgrade`)")
        }
        if let n = p.totals.selectedMeasures, n != included.count {
            v.fail("totals.selectedMeasures", "\(n), but \(included.count) measures are in the package (`include`)")
        }
        let moduleCost = sum(selected.map { p.modules[$0].cost })
        let measureCost = sum(included.map { measures[$0].cost })
        let investment = sum([moduleCost, measureCost])
        if let r = p.totals.moduleInvestment, r != moduleCost {
            v.fail("totals.moduleInvestment", "\(yuanRange(r)), but the chosen modules cost \(yuanRange(moduleCost)) in all")
        }
        if p.totals.investment != investment {
            let parts = measures.isEmpty ? "the chosen modules cost" : "the chosen modules (\(yuanRange(moduleCost))) and measures (\(yuanRange(measureCost))) cost"
            v.fail("totals.investment", "\(yuanRange(p.totals.investment)), but \(parts) \(yuanRange(investment)) in all")
        }
        let subsidy = p.totals.subsidy.range
        if subsidy.lowYuan > moduleCost.lowYuan || subsidy.highYuan > moduleCost.highYuan {
            v.fail("totals.subsidy", "\(yuanRange(subsidy)) exceeds what the chosen modules cost, \(yuanRange(moduleCost)) (the subsidy never exceeds its base)")
        }
        if let certain = p.totals.subsidy.certain, certain != subsidy {
            v.fail("totals.subsidy.certain", "\(yuanRange(certain)), but the headline subsidy (the certain tier) is \(yuanRange(subsidy))")
        }
        if let pending = p.totals.subsidy.conditional,
           pending.lowYuan < 0 || pending.highYuan < 0 || subsidy.lowYuan + pending.lowYuan > moduleCost.lowYuan
            || subsidy.highYuan + pending.highYuan > moduleCost.highYuan {
            v.fail("totals.subsidy.conditional", "\(yuanRange(pending)): with the certain subsidy it exceeds what the chosen modules cost, \(yuanRange(moduleCost))")
        }
        // The certain subsidy is the applied certain schemes' amounts, at most the modules' cost (proposals
        // written before the tiers existed carry no `tier` and are not checked so).
        if p.totals.subsidy.certain != nil, !p.subsidies.isEmpty, p.subsidies.allSatisfy({ $0.tier != nil }) {
            let applied = sum(p.subsidies.filter { $0.applied && $0.tier == SubsidyTier.certain.rawValue }.map(\.amount))
            let expected = Proposal.YuanRange(lowYuan: min(applied.lowYuan, moduleCost.lowYuan), highYuan: min(applied.highYuan, moduleCost.highYuan))
            if subsidy != expected {
                v.fail("totals.subsidy", "\(yuanRange(subsidy)), but the applied certain schemes of `subsidies` bring \(yuanRange(expected))")
            }
        }
        let net = Proposal.YuanRange(lowYuan: p.totals.investment.lowYuan - subsidy.lowYuan, highYuan: p.totals.investment.highYuan - subsidy.highYuan)
        if p.totals.netCost != net {
            v.fail("totals.netCost", "\(yuanRange(p.totals.netCost)), but the investment minus the certain subsidy is \(yuanRange(net)) (\(yuanRange(p.totals.investment)) − \(yuanRange(subsidy)))")
        }

        // The duration: the last chosen module or measure to end.
        var last: (week: Int, path: String)? = nil
        for i in selected { if let end = p.modules[i].endWeek, end > (last?.week ?? 0) { last = (end, "modules[\(i)]") } }
        for k in included { if let end = measures[k].endWeek, end > (last?.week ?? 0) { last = (end, "measures[\(k)]") } }
        if p.totals.durationWeeks != (last?.week ?? 0) {
            let why = last.map { "`\($0.path)` (\(entryID(p, $0.path))) ends in week \($0.week), the last to end" } ?? "nothing is scheduled"
            v.fail("totals.durationWeeks", "\(p.totals.durationWeeks) weeks, but \(why)")
        }

        // Phases: numbered 1, 2, …; each holds chosen modules of its number, from their first start to their last end.
        var phased: [String: Int] = [:]
        let moduleByID = Dictionary(p.modules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (n, ph) in p.phases.enumerated() {
            let at = "phases[\(n)]"
            if ph.index != n + 1 { v.fail(at + ".index", "\(ph.index), but phases are numbered 1, 2, … in order (expected \(n + 1))") }
            var starts: [Int] = [], ends: [Int] = []
            for id in ph.modules {
                phased[id, default: 0] += 1
                guard let m = moduleByID[id], m.status.isSelected else {
                    v.fail(at + ".modules", "`\(id)` is not a chosen module")
                    continue
                }
                if m.phase != ph.index { v.fail(at + ".modules", "`\(id)` is in phase \(m.phase.map(String.init) ?? "none"), not \(ph.index)") }
                if let s = m.startWeek, let e = m.endWeek { starts.append(s); ends.append(e) }
            }
            if let s = starts.min(), let e = ends.max(), (ph.startWeek, ph.endWeek) != (s, e) {
                v.fail(at, "weeks \(ph.startWeek)–\(ph.endWeek), but its modules run in weeks \(s)–\(e)")
            }
        }
        for i in selected where phased[p.modules[i].id] != 1 {
            let n = phased[p.modules[i].id] ?? 0
            v.fail("modules[\(i)].phase", "the chosen module `\(p.modules[i].id)` is listed in \(n) phases of `phases` (expected 1)")
        }

        // The target: reached exactly when the conservative projection gets there.
        if let t = p.target {
            if t.source == .none {
                if t.level != nil { v.fail("target.level", "a rules-only package (`source: none`) has no target level") }
                if !t.reached { v.fail("target.reached", "false, but a rules-only package (`source: none`) has no target to miss") }
            } else if let level = t.level {
                if t.reached != (p.after.level >= level) {
                    v.fail("target.reached", "\(t.reached), but the target is level \(level) and `after.level` is \(p.after.level)")
                }
            } else {
                v.fail("target.level", "missing: a target of source `\(t.source.rawValue)` has a level")
            }
        }

        // The ladder: a net cost is its investment minus a subsidy within it.
        for (i, step) in (p.ladder ?? []).enumerated() {
            let at = "ladder[\(i)]"
            if step.netCost.lowYuan < 0 || step.netCost.highYuan < 0 || step.netCost.lowYuan > step.investment.lowYuan
                || step.netCost.highYuan > step.investment.highYuan {
                v.fail(at + ".netCost", "\(yuanRange(step.netCost)) is not between 0 and the investment, \(yuanRange(step.investment))")
            }
            if !step.reachable && (step.investment != .init(lowYuan: 0, highYuan: 0) || !step.modules.isEmpty || !step.measures.isEmpty) {
                v.fail(at, "the level is out of reach, yet the step lists a package")
            }
        }
    }

    /// `lowYuan`–`highYuan` yuan, e.g. `683000–1660000 yuan`.
    static func yuanRange(_ r: Proposal.YuanRange) -> String { "\(r.lowYuan)–\(r.highYuan) yuan" }

    /// The sum of ranges, each end on its own; saturating, so that no file of absurd length can trap.
    static func sum(_ ranges: [Proposal.YuanRange]) -> Proposal.YuanRange {
        func add(_ a: Int, _ b: Int) -> Int {
            let (s, overflow) = a.addingReportingOverflow(b)
            return overflow ? (b < 0 ? Int.min : Int.max) : s
        }
        return ranges.reduce(Proposal.YuanRange(lowYuan: 0, highYuan: 0)) { .init(lowYuan: add($0.lowYuan, $1.lowYuan), highYuan: add($0.highYuan, $1.highYuan)) }
    }

    /// The id of the module or measure at `path` (`modules[3]`), for messages.
    static func entryID(_ p: Proposal, _ path: String) -> String {
        let digits = path.filter(\.isNumber)
        guard let k = Int(digits) else { return "" }
        if path.hasPrefix("modules"), p.modules.indices.contains(k) { return p.modules[k].id }
        if let m = p.measures, m.indices.contains(k) { return m[k].id }
        return ""
    }
}
