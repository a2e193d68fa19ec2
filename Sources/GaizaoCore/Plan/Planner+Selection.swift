/// The choice of personalized modules: an exact search over subsets of the candidates (a greedy pass when
/// there are too many), then the reason for each candidate left out. Module sets are masks over decision
/// indices (`[Bool]`, `ModuleBits` in the search), not `Set<Int>`: no hashing, and iteration in ascending
/// order by construction.
extension Planner {
    /// Chooses the personalized modules of the rules-only package. Returns the selected modules no budget can drop:
    /// the standard ones and the must-haves (a rule's `must`) with the personalized modules they need.
    @discardableResult
    func choosePersonalized(_ decisions: inout [ModuleDecision], budget: Int?) -> [Int] {
        let modules = tables.modules
        let count = decisions.count
        let candidates = decisions.indices.filter { decisions[$0].kind == .personalized && decisions[$0].status == .include }
        let fixed = decisions.indices.filter { decisions[$0].kind == .standard && decisions[$0].status.isSelected }
        let fixedHigh = fixed.reduce(0) { $0 + decisions[$1].cost.high }
        var isFixed = [Bool](repeating: false, count: count)
        for f in fixed { isFixed[f] = true }
        let ruledOut = decisions.map { $0.status == .excluded }

        // The personalized modules `inBest` plus `c` need, or the excluded module that blocks `c`. Only `c`'s
        // requirements are walked: a chosen set is already closed and unblocked (every set the search or the
        // greedy pass accepts is), so walking its members finds nothing new.
        func closure(_ inBest: [Bool], adding c: Int) -> (set: [Bool], blocker: Int?) {
            var set = inBest
            set[c] = true
            var stack = [c]
            while let i = stack.popLast() {
                for j in modules[i].requires {
                    if ruledOut[j] { return (set, j) }
                    if decisions[j].kind == .personalized && !set[j] { set[j] = true; stack.append(j) }
                }
            }
            return (set, nil)
        }
        // The first pair (in index order) of modules of the set or the fixed ones that exclude each other.
        func conflict(_ set: [Bool]) -> (Int, Int)? {
            for i in 0..<count where set[i] || isFixed[i] {
                for j in modules[i].excludes where set[j] || isFixed[j] { return (i, j) }
            }
            return nil
        }

        // Must-haves (a customer's mandate, a legal requirement) are never dropped, budget or not: they and the
        // personalized modules they need are in first (a blocked or conflicting one is left to the choice), and
        // the choice spends what the budget leaves.
        var inBest = [Bool](repeating: false, count: count)
        for c in candidates where decisions[c].must {
            let (set, blocker) = closure(inBest, adding: c)
            if blocker == nil && conflict(set) == nil { inBest = set }
        }
        let forced = (0..<count).filter { inBest[$0] }
        var forcedBits = ModuleBits()
        for f in forced { forcedBits.insert(f) }
        let forcedHigh = forced.reduce(0) { $0 + decisions[$1].referenceCost.high }
        let open = candidates.filter { !inBest[$0] }
        if open.count <= 16 && count <= ModuleBits.capacity {
            let best = exactChoice(decisions, candidates: open, fixed: fixed + forced, forced: forcedBits, ruledOut: ruledOut,
                                   room: budget.map { $0 - fixedHigh - forcedHigh })
            _ = best.allSatisfy { inBest[$0] = true; return true }
        } else {
            // Too many candidates for an exact search: add by score per yuan while the set stays valid.
            let order = open.sorted { decisions[$0].score * Double(max(1, decisions[$1].referenceCost.high)) > decisions[$1].score * Double(max(1, decisions[$0].referenceCost.high)) }
            for c in order {
                let (set, blocker) = closure(inBest, adding: c)
                if blocker != nil || conflict(set) != nil { continue }
                if let budget {
                    var high = fixedHigh
                    for i in 0..<count where set[i] { high += decisions[i].referenceCost.high }
                    if high > budget { continue }
                }
                inBest = set
            }
        }

        // Record the outcome and the reason for each candidate left out.
        for i in candidates where !inBest[i] {
            let (set, blocker) = closure(inBest, adding: i)
            var d = decisions[i]
            d.cost = .zero
            if let j = blocker {
                d.status = .excluded
                d.reasons.append(DecisionReason(
                    kind: .dependency, ruleID: nil,
                    text: Localized(zh: "依赖的模块 \(name(j, .zh)) 已被排除", en: "it needs \(name(j, .en)), which is excluded"),
                    questions: decisions[j].reasons.flatMap(\.questions)))
            } else if let (a, b) = conflict(set) {
                let other = a == i ? b : (b == i ? a : (set[a] && !inBest[a] ? b : a))
                d.status = .excluded
                d.reasons.append(DecisionReason(
                    kind: .conflict, ruleID: nil,
                    text: Localized(zh: "与已选模块 \(name(other, .zh)) 互斥，后者得分更高或为标准模块",
                                    en: "it excludes (or is excluded by) the chosen \(name(other, .en)), which scores higher or is standard"),
                    questions: []))
            } else {
                d.status = .notChosen
                let budgetText = budget.map { Money.wan($0) } ?? "?", budgetCNY = budget.map { "CNY " + Money.grouped($0) } ?? "?"
                d.reasons.append(DecisionReason(
                    kind: .budget, ruleID: nil,
                    text: Localized(zh: "为控制在预算 \(budgetText) 万元内未选（需增加 \(Money.wan(d.referenceCost.low))–\(Money.wan(d.referenceCost.high)) 万元）",
                                    en: "left out to stay within the budget of \(budgetCNY) (it would add CNY \(Money.groupedRange(d.referenceCost.low, d.referenceCost.high)))"),
                    questions: []))
            }
            decisions[i] = d
        }
        for i in 0..<count where inBest[i] {
            decisions[i].status = .include
            decisions[i].cost = decisions[i].referenceCost
            if !candidates.contains(i) {
                let requirers = modules[i].requiredBy.filter { inBest[$0] }
                decisions[i].requiredBy = requirers.map { decisions[$0].moduleID }
                decisions[i].reasons.append(DecisionReason(
                    kind: .required, ruleID: nil,
                    text: Localized(zh: "被 \(requirers.map { name($0, .zh) }.joined(separator: "、")) 依赖，随之纳入",
                                    en: "required by \(requirers.map { name($0, .en) }.joined(separator: ", "))"),
                    questions: []))
            }
        }
        // Standard modules needed by chosen ones are noted too.
        for i in 0..<count where decisions[i].kind == .standard {
            decisions[i].requiredBy = modules[i].requiredBy.filter { decisions[$0].status.isSelected }.map { decisions[$0].moduleID }
        }
        return fixed + forced
    }

    /// The set of candidates of greatest total score whose requirements can be met, with no two modules
    /// excluding each other and (with a budget) a high cost within `room`; ties go to the cheaper set, then to
    /// the first found. Closures distribute over union, so each candidate's closure is computed once and every
    /// subset is a few bit operations.
    /// `forced`: modules in the package already (paid for outside `room`): a closure stops at them.
    private func exactChoice(_ decisions: [ModuleDecision], candidates: [Int], fixed: [Int], forced: ModuleBits, ruledOut: [Bool],
                             room: Int?) -> ModuleBits {
        let modules = tables.modules
        var closures: [ModuleBits?] = []
        for c in candidates {
            var set = ModuleBits()
            set.insert(c)
            var stack = [c], blocked = false
            while let i = stack.popLast(), !blocked {
                for j in modules[i].requires {
                    if ruledOut[j] { blocked = true; break }
                    if decisions[j].kind == .personalized && !set.contains(j) && !forced.contains(j) { set.insert(j); stack.append(j) }
                }
            }
            closures.append(blocked ? nil : set)
        }
        var fixedBits = ModuleBits()
        for f in fixed { fixedBits.insert(f) }
        var excludeBits = [ModuleBits](repeating: ModuleBits(), count: decisions.count)
        for i in decisions.indices {
            for j in modules[i].excludes { excludeBits[i].insert(j); excludeBits[j].insert(i) }
        }
        var best = ModuleBits()
        var bestValue = -1.0, bestCost = Int.max
        subsets: for mask in 0..<(1 << candidates.count) {
            var set = ModuleBits()
            for (k, closure) in closures.enumerated() where mask & (1 << k) != 0 {
                guard let closure else { continue subsets }
                set.formUnion(closure)
            }
            let all = set.union(fixedBits)
            var cost = 0, value = 0.0
            // Summed in ascending index order, as before: the floating-point total must not change.
            let compatible = set.allSatisfy { i in
                if excludeBits[i].intersects(all) { return false }
                cost += decisions[i].referenceCost.high
                value += decisions[i].score
                return true
            }
            if !compatible { continue }
            if let room, cost > room { continue }
            if value > bestValue + 1e-9 || (abs(value - bestValue) <= 1e-9 && cost < bestCost) {
                best = set
                bestValue = value
                bestCost = cost
            }
        }
        return best
    }
}
