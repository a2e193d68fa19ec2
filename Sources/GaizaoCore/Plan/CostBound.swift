/// A lower bound on what a package must still spend to reach a level, for `PackageSearch.cheapest`.
///
/// From a package `mask`, any package that reaches the level adds a set S of the remaining items, and each level
/// rule it could meet leaves a points, a scenes and a mandatory-scenes deficit. Each of the three is a monotone
/// function with diminishing returns of the items added (scene levels and single answers take the maximum,
/// multiple-choice answers the union, points are capped per indicator), so what S adds is at most the sum of what
/// each of its items adds alone to `mask`. The bound is the cheapest fractional cover of the deficits by those
/// single gains (items sorted by cost per gain); the retrofit's own changes count as free. Two parts are not of
/// that shape: the funding indicator's points rise with the package's total investment, so they are bounded by
/// what a package of a given cost can invest (its low estimates are at most half its cost, low + high); an
/// indicator that does not score monotonically, or one not yet touched whose answer scores above its diagnosed
/// points, counts as free at its most.
struct CostBound {
    private let model: PackageModel
    /// The rules whose being met reaches the level: the level's own rule when a higher rule implies a lower one.
    private let rules: [PackageModel.LevelRule]
    /// Whether each indicator scores monotonically (see `monotone`); one that does not counts as free at its most.
    private let monotone: [Bool]
    /// The funding indicator's answer before the package's investment, when no item or the retrofit changes it,
    /// its bands are monotone and no item's low estimate exceeds its high one: its points are then bounded by
    /// the investment a package of a given cost can hold (its low estimates are at most half its cost).
    private let fundingBase: Double??
    /// Each item's changes grouped by indicator (the funding indicator left out): a group is an indicator and
    /// a run of `groupEffects`; each item's groups are one run of `groups` (`itemGroups`), the retrofit's too.
    private let groups: [(indicator: Int, effects: Range<Int>)]
    private let groupEffects: [PackageModel.Effect]
    private let itemGroups: [Range<Int>]
    private let retrofitGroups: Range<Int>
    /// What each group's effects add to its indicator's points from the diagnosed answer: an indicator no item of
    /// a package touched still has that answer, so the group's gain there is this figure, scored once here.
    private let groupGainsFromDiagnosis: [Int]
    /// For a group that only adds options to an indicator scored by its options: the options it adds (nil for any
    /// other group), so that its gain over a package's answer is worked out from the options that answer lacks.
    private let groupAddedOptions: [UInt64?]
    /// Each item's scenes at their highest level, each scene once: runs of `scenes` (`itemScenes`).
    private let scenes: [PackageModel.SceneChange]
    private let itemScenes: [Range<Int>]
    private let retrofitScenes: Range<Int>
    private let costs: [Int]
    /// Each item's high estimate, what a budget limits (for `budgetBound`), and whether none is negative (else the
    /// budget bounds nothing: an item below zero would leave more room for the others).
    private let highCosts: [Int]
    private let highCostsNonNegative: Bool
    /// Each indicator's points with its diagnosed answer (its state while no item touches it).
    private let untouchedScores: [Int]
    /// For `quickBound`, by rule: the items that raise some scene (some mandatory scene) to the rule's level from
    /// the diagnosis, with their cost and how many, in the order of least cost per scene.
    private let sceneCovers: [[(item: Int, cost: Int, gain: Int)]]
    private let mandatoryCovers: [[(item: Int, cost: Int, gain: Int)]]

    init(_ model: PackageModel, level: Int) {
        self.model = model
        let untouchedScores = model.indicators.indices.map { model.score($0, model.indicators[$0].base) }
        self.untouchedScores = untouchedScores
        let reaching = model.rules.filter { $0.level >= level }
        let nested = model.rules.allSatisfy { a in
            model.rules.allSatisfy { b in a.level > b.level || (a.score <= b.score && a.scenes <= b.scenes && a.mandatory <= b.mandatory) }
        }
        let own = reaching.filter { $0.level == level }
        rules = nested && !own.isEmpty ? own : reaching
        let funding = model.funding?.indicator
        var groups: [(indicator: Int, effects: Range<Int>)] = [], groupEffects: [PackageModel.Effect] = []
        /// One group per indicator, in the order the indicators first appear; each group's effects in their order.
        func grouped(_ effects: ArraySlice<PackageModel.EffectChange>) -> Range<Int> {
            let start = groups.count
            for j in effects.indices where effects[j].indicator != funding {
                let k = effects[j].indicator
                if effects[..<j].contains(where: { $0.indicator == k }) { continue }
                let first = groupEffects.count
                for n in j..<effects.endIndex where effects[n].indicator == k { groupEffects.append(effects[n].effect) }
                groups.append((k, first..<groupEffects.count))
            }
            return start..<groups.count
        }
        var scenes: [PackageModel.SceneChange] = []
        func highest(_ list: some Sequence<PackageModel.SceneChange>) -> Range<Int> {
            let start = scenes.count
            for (s, l) in list {
                if let g = scenes[start...].firstIndex(where: { $0.scene == s }) { scenes[g].level = max(scenes[g].level, l) } else { scenes.append((s, l)) }
            }
            return start..<scenes.count
        }
        itemGroups = model.items.map { grouped(model.effectChanges[$0.effects]) }
        retrofitGroups = grouped(model.retrofitEffects[...])
        itemScenes = model.items.map { highest(model.sceneChanges[$0.scenes]) }
        retrofitScenes = highest(model.retrofitScenes)
        self.groups = groups
        self.groupEffects = groupEffects
        groupGainsFromDiagnosis = groups.map { group in
            var state = model.indicators[group.indicator].base
            for e in group.effects { PackageModel.apply(groupEffects[e], to: &state) }
            return model.score(group.indicator, state) - untouchedScores[group.indicator]
        }
        groupAddedOptions = groups.map { group in
            guard case .options = model.indicators[group.indicator].scoring else { return nil }
            var added: UInt64 = 0
            for e in group.effects {
                guard case let .addOptions(bits) = groupEffects[e] else { return nil }
                added |= bits
            }
            return added
        }
        self.scenes = scenes
        costs = model.items.map { $0.cost.low + $0.cost.high }
        highCosts = model.items.map(\.cost.high)
        highCostsNonNegative = highCosts.allSatisfy { $0 >= 0 }
        var sceneCovers: [[(item: Int, cost: Int, gain: Int)]] = [], mandatoryCovers: [[(item: Int, cost: Int, gain: Int)]] = []
        for rule in rules {
            var all: [(item: Int, cost: Int, gain: Int)] = [], mandatory: [(item: Int, cost: Int, gain: Int)] = []
            for i in model.items.indices {
                var n = 0, m = 0
                for (s, l) in scenes[itemScenes[i]] where l >= rule.level && model.baseScenes[s] < rule.level {
                    n += 1
                    if model.mandatory[s] { m += 1 }
                }
                if n > 0 { all.append((i, costs[i], n)) }
                if m > 0 { mandatory.append((i, costs[i], m)) }
            }
            let byCostPerGain = { (a: (item: Int, cost: Int, gain: Int), b: (item: Int, cost: Int, gain: Int)) in
                a.cost * b.gain != b.cost * a.gain ? a.cost * b.gain < b.cost * a.gain : a.item < b.item
            }
            sceneCovers.append(all.sorted(by: byCostPerGain))
            mandatoryCovers.append(mandatory.sorted(by: byCostPerGain))
        }
        self.sceneCovers = sceneCovers
        self.mandatoryCovers = mandatoryCovers
        monotone = model.indicators.indices.map { Self.monotone(model, $0) }
        if let f = funding, monotone[f],
           !model.items.contains(where: { i in model.effectChanges[i.effects].contains { $0.indicator == f } || i.cost.low > i.cost.high || i.cost.low < 0 }),
           !model.retrofitEffects.contains(where: { $0.indicator == f }) {
            fundingBase = .some(model.indicators[f].base.number)
        } else {
            fundingBase = nil
        }
    }

    /// Whether more (options added, a higher number or a later option) never scores less, from an unanswered 0.
    private static func monotone(_ model: PackageModel, _ k: Int) -> Bool {
        let table = model.indicators[k].table
        let points = model.scoringPoints[table]
        switch model.indicators[k].scoring {
        case .options:
            return points.allSatisfy { $0 >= 0 }
        case .option:
            return points.allSatisfy { $0 >= 0 } && zip(points, points.dropFirst()).allSatisfy { $0 <= $1 }
        case .bands:
            guard points.allSatisfy({ $0 >= 0 }) else { return false }
            for (a, b) in zip(table, table.dropFirst()) {
                guard let upA = model.bandLimits[a], model.scoringPoints[a] <= model.scoringPoints[b] else { return false }
                if let upB = model.bandLimits[b], !(upA < upB) { return false }
            }
            return true
        }
    }

    /// A weaker bound than `lowerBound`, from the scene deficits alone, each item's scenes counted from the
    /// diagnosis (what an item adds to a package is never more than what it adds to the diagnosis) and walked in an
    /// order fixed once: a few integer operations per item, no points scored. It is never above `lowerBound` for the
    /// same node, and nil only when that is nil too, so the search asks it first and prunes the same nodes.
    func quickBound(mask: UInt64, remaining: UInt64, scenes: [Int]) -> Int? {
        let retrofitFree = mask & model.moduleMask == 0 && remaining & model.moduleMask != 0
        var least: Int?
        for (r, rule) in rules.enumerated() {
            let (atLevel, mandatoryAtLevel) = model.count(scenes, atLeast: rule.level)
            var needScenes = rule.scenes - atLevel, needMandatory = rule.mandatory - mandatoryAtLevel
            if retrofitFree && (needScenes > 0 || needMandatory > 0) {
                for (s, l) in self.scenes[retrofitScenes] where l >= rule.level && scenes[s] < rule.level {
                    needScenes -= 1
                    if model.mandatory[s] { needMandatory -= 1 }
                }
            }
            guard let a = Self.cover(needScenes, remaining, sceneCovers[r]),
                  let b = Self.cover(needMandatory, remaining, mandatoryCovers[r]) else { continue }
            least = min(least ?? max(a, b), max(a, b))
        }
        return least
    }

    /// The cheapest fractional cover of `need` by the items of `remaining` in a list sorted by cost per gain; nil
    /// when they fall short.
    private static func cover(_ need: Int, _ remaining: UInt64, _ sorted: [(item: Int, cost: Int, gain: Int)]) -> Int? {
        guard need > 0 else { return 0 }
        var got = 0, cost = 0
        for (i, c, g) in sorted where remaining & (UInt64(1) << UInt64(i)) != 0 {
            if got + g >= need { return cost + c * (need - got) / g }
            cost += c
            got += g
        }
        return nil
    }

    /// Buffers the bound reuses from node to node.
    struct Scratch {
        var baseScore: [Int]
        var points: [Int]
        var scenes: [Int]
        var mandatory: [Int]
        var pairs: [(cost: Int, gain: Int)] = []
        /// For `cover`: one place per item, written through a span (no append, no growth check).
        var coverPairs: [(cost: Int, gain: Int)]
        /// The package whose point gains `baseScore`, `points` (for the items of `pointsItems`), the free points
        /// and the funding gain below were worked out for. The search asks the bound for the same package again
        /// along a branch that leaves items out, with fewer items remaining: the figures are reused.
        var pointsMask: UInt64?
        var pointsItems: UInt64 = 0
        var freePoints = 0
        var retrofitPoints: Int?
        var fundingGain: FundingGain?
        /// The package and rule whose scenes raised per item (`scenes`, `mandatory`, for `scenesItems`) are kept.
        var scenesFor: (mask: UInt64?, rule: Int) = (nil, -1)
        var scenesItems: UInt64 = 0
        /// For `budgetBound`: the answers with every remaining item's changes applied, and which of them changed.
        var union: [PackageModel.State]
        var unionTouched: [Bool]

        /// Makes `scratches`, left by an earlier search over `model`, ready for a new one: what they kept for a
        /// package is forgotten (the new search's bound may be for another level); one new scratch when there are none.
        static func prepare(_ scratches: inout [Scratch], _ model: PackageModel) {
            if scratches.isEmpty { scratches.append(Scratch(model)) }
            for s in scratches.indices {
                scratches[s].pointsMask = nil
                scratches[s].pointsItems = 0
                scratches[s].scenesFor = (nil, -1)
                scratches[s].scenesItems = 0
            }
        }

        init(_ model: PackageModel) {
            union = model.indicators.map(\.base)
            unionTouched = [Bool](repeating: false, count: model.indicators.count)
            baseScore = [Int](repeating: 0, count: model.indicators.count)
            points = [Int](repeating: 0, count: model.items.count)
            scenes = points
            mandatory = points
            pairs.reserveCapacity(model.items.count)
            coverPairs = Array(repeating: (0, 0), count: model.items.count)
        }
    }

    /// The least that the items of `remaining` must add in cost (low + high estimate) for `mask` to reach the
    /// level, given its projection (`points`, `scenes`, `states`); nil when they cannot reach it at all.
    /// `enough`: a cost from which on the caller cuts the branch whatever the figure; once the bound is known to
    /// be at least that, the figure returned may be any one between `enough` and the bound (the covers stop there).
    /// Each rule that could be met leaves up to three deficits; the bound for the rule is the largest of their
    /// covers. (A cover of their sum, each deficit scaled to 1, is tighter in theory, but on the shipped catalogs
    /// it cut 3% of the nodes for 5% more instructions, so it is not taken.)
    func lowerBound(mask: UInt64, remaining: UInt64, points: Int, scenes: [Int], states: [PackageModel.State],
                    enough: Int = .max, scratch: inout Scratch) -> Int? {
        let retrofitFree = mask & model.moduleMask == 0 && remaining & model.moduleMask != 0
        var freePoints = 0
        var pointsKnown = false
        if rules.contains(where: { $0.score > points }) {
            pointsKnown = true
            freePoints = pointGains(mask: mask, remaining: remaining, states: states, retrofitFree: retrofitFree, scratch: &scratch)
        }
        var least: Int?
        for (r, rule) in rules.enumerated() {
            // Scenes (and mandatory scenes) at the rule's level: now, free from the retrofit, and per item.
            let (atLevel, mandatoryAtLevel) = model.count(scenes, atLeast: rule.level)
            var needScenes = rule.scenes - atLevel, needMandatory = rule.mandatory - mandatoryAtLevel
            if needScenes > 0 || needMandatory > 0 {
                func raised(_ run: Range<Int>) -> (Int, Int) { self.raised(run, to: rule.level, from: scenes) }
                if retrofitFree {
                    let (n, md) = raised(retrofitScenes)
                    needScenes -= n
                    needMandatory -= md
                }
                // Kept for the same package and rule, as the point gains are.
                if scratch.scenesFor.mask != mask || scratch.scenesFor.rule != r {
                    scratch.scenesFor = (mask, r)
                    scratch.scenesItems = 0
                }
                // Both buffers written through spans (one check that each is not shared, not one per write): the
                // mandatory one is taken out of the scratch meanwhile, as a span holds the whole scratch.
                var mandatoryRaised: [Int] = []
                swap(&mandatoryRaised, &scratch.mandatory)
                do {
                    var m = remaining & ~scratch.scenesItems
                    var scenesSpan = scratch.scenes.mutableSpan, mandatorySpan = mandatoryRaised.mutableSpan
                    while m != 0 {
                        let i = m.trailingZeroBitCount
                        m &= m &- 1
                        (scenesSpan[i], mandatorySpan[i]) = raised(itemScenes[i])
                    }
                }
                swap(&mandatoryRaised, &scratch.mandatory)
                scratch.scenesItems |= remaining
            }
            let needPoints = pointsKnown && rule.score > points ? rule.score - points - freePoints : 0
            var need = 0
            if needPoints > 0 {
                guard let c = cover(needPoints, remaining, scratch.points, &scratch.coverPairs, extra: scratch.fundingGain,
                                    enough: enough) else { continue }
                need = c
            }
            if needScenes > 0 && need < enough {
                guard let c = cover(needScenes, remaining, scratch.scenes, &scratch.coverPairs, enough: enough) else { continue }
                need = max(need, c)
            }
            if needMandatory > 0 && need < enough {
                guard let c = cover(needMandatory, remaining, scratch.mandatory, &scratch.coverPairs, enough: enough) else { continue }
                need = max(need, c)
            }
            least = min(least ?? need, need)
        }
        return least
    }

    /// What the items of `remaining` each add alone to the points of the package `mask` (projected into `states`),
    /// left in `scratch.points`, and the points the package may get for nothing, returned: the indicators counted
    /// at their most (the funding indicator when it is not bounded by `scratch.fundingGain`, one not scoring
    /// monotonically, one not yet touched whose answer scores above its diagnosed points) and, when
    /// `retrofitFree`, the retrofit's own changes. Kept in `scratch` for the same package: the search asks again
    /// for it along a branch that leaves items out, with fewer items remaining.
    private func pointGains(mask: UInt64, remaining: UInt64, states: [PackageModel.State], retrofitFree: Bool,
                            scratch: inout Scratch) -> Int {
        func gain(_ run: Range<Int>, _ baseScore: [Int]) -> Int {
            var total = 0
            for g in run where monotone[groups[g].indicator] {
                let k = groups[g].indicator
                // Untouched, the indicator has its diagnosed answer, and `baseScore[k]` is its points.
                guard states[k].touched else {
                    total += groupGainsFromDiagnosis[g]
                    continue
                }
                if let added = groupAddedOptions[g] {
                    total += optionsGain(k, adding: added & ~states[k].options, to: baseScore[k])
                    continue
                }
                var state = states[k]
                for e in groups[g].effects { PackageModel.apply(groupEffects[e], to: &state) }
                total += model.score(k, state) - baseScore[k]
            }
            return total
        }
        if scratch.pointsMask != mask {
            scratch.pointsMask = mask
            scratch.pointsItems = 0
            scratch.retrofitPoints = nil
            var freePoints = 0
            var fundingGain: FundingGain?
            var investment = 0
            var m = mask
            while m != 0 {
                let i = m.trailingZeroBitCount
                m &= m &- 1
                investment += model.items[i].cost.low
            }
            do {
                var baseScore = scratch.baseScore.mutableSpan
                for k in states.indices {
                    // An indicator no item of the package touched still has its diagnosed answer: scored once, at init.
                    let score = states[k].touched ? model.score(k, states[k]) : untouchedScores[k]
                    baseScore[k] = score
                    let now = states[k].touched ? score : model.indicators[k].original
                    if let funding = model.funding, k == funding.indicator {
                        if case let .some(base) = fundingBase {
                            fundingGain = FundingGain(base: base, revenueWan: funding.revenueWan, years: funding.years, indicator: k,
                                                      state: states[k], investment: investment, now: now)
                        } else {
                            freePoints += max(0, model.indicators[k].maxPoints - now)
                        }
                    } else if !monotone[k] {
                        freePoints += max(0, model.indicators[k].maxPoints - now)
                    } else if !states[k].touched {
                        freePoints += max(0, score - now)
                    }
                }
            }
            scratch.freePoints = freePoints
            scratch.fundingGain = fundingGain
        }
        var freePoints = scratch.freePoints
        if retrofitFree {
            if scratch.retrofitPoints == nil { scratch.retrofitPoints = gain(retrofitGroups, scratch.baseScore) }
            freePoints += scratch.retrofitPoints ?? 0
        }
        var m = remaining & ~scratch.pointsItems
        let baseScore = scratch.baseScore
        var points = scratch.points.mutableSpan
        while m != 0 {
            let i = m.trailingZeroBitCount
            m &= m &- 1
            points[i] = gain(itemGroups[i], baseScore)
        }
        scratch.pointsItems |= remaining
        return freePoints
    }

    /// What the options `bits` add to the points of indicator `k`, scored by its options (none of them below 0: it
    /// scores monotonically), whose answer scores `base` without them: its points are the sum of its options'
    /// capped at its most, so below the cap `base` is that sum, and at the cap nothing is added.
    private func optionsGain(_ k: Int, adding bits: UInt64, to base: Int) -> Int {
        let maxPoints = model.indicators[k].maxPoints
        guard bits != 0, base < maxPoints else { return 0 }
        let table = model.indicators[k].table
        var sum = 0
        var m = bits
        while m != 0 {
            let j = m.trailingZeroBitCount
            m &= m &- 1
            if j < table.count { sum += model.scoringPoints[table.lowerBound + j] }
        }
        return min(base + sum, maxPoints) - base
    }

    /// The cheapest fractional cover of `need` by the items of `remaining` with their `gains` (by item; rounded
    /// down); nil when all of them together fall short. `extra`, when given, is the funding indicator's further
    /// gain, which rises with the cost spent (c ↦ at most its gain at c / 2): given for the points deficit only.
    /// `buffer` has a place per item (`Scratch.coverPairs`). Once the items picked cost `enough`, their cost is
    /// returned: the cover costs at least that (see `lowerBound`).
    private func cover(_ need: Int, _ remaining: UInt64, _ gains: [Int], _ buffer: inout [(cost: Int, gain: Int)],
                       extra: FundingGain? = nil, enough: Int = .max) -> Int? {
        guard need > 0 else { return 0 }
        var pairs = buffer.mutableSpan
        var m = remaining
        var total = 0, allCost = 0, count = 0
        while m != 0 {
            let i = m.trailingZeroBitCount
            m &= m &- 1
            allCost += costs[i]
            if gains[i] > 0 {
                pairs[count] = (costs[i], gains[i])
                count += 1
                total += gains[i]
            }
        }
        // The funding's further gain rises with the cost spent (its bands score monotonically, see `fundingBase`)
        // and is at its most when all of it is spent.
        let mostFurther = extra?.gain(allCost / 2, model) ?? 0
        guard total + mostFurther >= need else { return nil }
        // Items in order of least cost per gain, picked one at a time: the cover usually needs only the first few,
        // so this does less than sorting them all.
        var got = 0, cost = 0, further = 0
        var left = count
        while left > 0 {
            let (c, g) = Self.takeLeastCostPerGain(&pairs, &left)
            // Within this item's share of cost the further gain is at most its value at the share's end; once it
            // is at its most it stays there, so it is worked out only until then.
            if further < mostFurther, let extra { further = extra.gain((cost + c) / 2, model) }
            if got + g + further >= need { return cost + c * max(0, need - got - further) / g }
            cost += c
            got += g
            if cost >= enough { return cost }
        }
        return cost
    }

    /// The pair of least cost per gain among the first `left` of `pairs` (the first of them on a tie), moved to
    /// the end of those, which `left` then no longer counts.
    private static func takeLeastCostPerGain(_ pairs: inout MutableSpan<(cost: Int, gain: Int)>, _ left: inout Int) -> (cost: Int, gain: Int) {
        var best = 0
        for j in 1..<left where pairs[j].cost * pairs[best].gain < pairs[best].cost * pairs[j].gain { best = j }
        let pair = pairs[best]
        pairs.swapAt(best, left - 1)
        left -= 1
        return pair
    }

    /// What the funding indicator adds when a package spends `extra` more yuan (low estimates) than `investment`:
    /// its answer moves with the investment's share of revenue.
    struct FundingGain {
        /// The answer's number before the package's investment, and the revenue's (nil: not a number).
        var base: Double?
        var revenueWan: Double?
        var years: Int
        var indicator: Int
        var state: PackageModel.State
        var investment: Int
        /// Its points now.
        var now: Int
    }
}

extension CostBound.FundingGain {
    func gain(_ extra: Int, _ model: PackageModel) -> Int {
        guard extra > 0, let share = Planner.fundingShare(base, revenueWan: revenueWan, years: years, investmentYuan: investment + extra)
        else { return 0 }
        var after = state
        after.number = share
        return max(0, model.score(indicator, after) - now)
    }
}

extension CostBound {
    /// For `PackageSearch.best`: upper bounds on the level and the points of any package that adds to `mask` (with
    /// its projection `points`, `scenes`, `states`) some items of `remaining` whose high estimates sum to at most
    /// `budgetLeft`.
    ///
    /// Points: what the items add together is at most the sum of what each adds alone to `mask` (as for
    /// `lowerBound`), so it is at most a fractional knapsack of those single gains within the budget left (items
    /// by gain per yuan of high estimate, the last one in part), plus the free points of `pointGains` and the
    /// funding indicator's gain at an investment `budgetLeft` higher (when `fundingBase` is known, no item's low
    /// estimate is above its high one). Level: the highest rule those points could meet whose scene and
    /// mandatory-scene deficits the same kind of knapsack, of scenes raised to its level, could close; never below
    /// the level `mask` reaches.
    func budgetBound(mask: UInt64, remaining: UInt64, budgetLeft: Int, points: Int, scenes: [Int], states: [PackageModel.State],
                     scratch: inout Scratch) -> BudgetBound {
        let capacity = highCostsNonNegative ? budgetLeft : Int.max
        let retrofitFree = mask & model.moduleMask == 0 && remaining & model.moduleMask != 0
        let free = pointGains(mask: mask, remaining: remaining, states: states, retrofitFree: retrofitFree, scratch: &scratch)
        // What the items add: at most the knapsack of their single gains, and at most what all of them together add
        // (every indicator scoring monotonically, all of them give each one the highest answer any subset gives).
        let retrofitPoints = retrofitFree ? scratch.retrofitPoints ?? 0 : 0
        let knapsackGain = knapsack(capacity, remaining, scratch.points, &scratch.pairs) + retrofitPoints
        var mostPoints = points + free - retrofitPoints + min(knapsackGain, unionGain(remaining, retrofitFree: retrofitFree, states: states, scratch: &scratch))
        if let funding = scratch.fundingGain {
            // The investment can rise by no more than the budget left, nor than the remaining items' high estimates.
            var highest = 0
            var m = remaining
            while m != 0 {
                let i = m.trailingZeroBitCount
                m &= m &- 1
                highest += highCosts[i]
            }
            mostPoints += funding.gain(min(capacity, highest), model)
        }
        var level = model.level(points: points, scenes: scenes)
        // `scratch.scenes` and `scratch.mandatory` are overwritten here: what `lowerBound` kept there no longer holds.
        scratch.scenesFor = (nil, -1)
        for rule in model.rules where rule.level > level && rule.score <= mostPoints {
            let (atLevel, mandatoryAtLevel) = model.count(scenes, atLeast: rule.level)
            var needScenes = rule.scenes - atLevel, needMandatory = rule.mandatory - mandatoryAtLevel
            if needScenes <= 0 && needMandatory <= 0 { level = rule.level; continue }
            func raised(_ run: Range<Int>) -> (Int, Int) { self.raised(run, to: rule.level, from: scenes) }
            if retrofitFree {
                let (n, md) = raised(retrofitScenes)
                needScenes -= n
                needMandatory -= md
            }
            // Scenes raised to the rule's level: at most the knapsack of each item's, and at most those some item raises.
            var raisedByAny: Set<Int> = []
            var m = remaining
            while m != 0 {
                let i = m.trailingZeroBitCount
                m &= m &- 1
                (scratch.scenes[i], scratch.mandatory[i]) = raised(itemScenes[i])
                for (s, l) in self.scenes[itemScenes[i]] where l >= rule.level && scenes[s] < rule.level { raisedByAny.insert(s) }
            }
            let anyMandatory = raisedByAny.filter { model.mandatory[$0] }.count
            if needScenes > 0 && min(raisedByAny.count, knapsack(capacity, remaining, scratch.scenes, &scratch.pairs)) < needScenes { continue }
            if needMandatory > 0 && min(anyMandatory, knapsack(capacity, remaining, scratch.mandatory, &scratch.pairs)) < needMandatory { continue }
            level = rule.level
        }
        return BudgetBound(level: level, points: mostPoints, freePoints: free)
    }

    /// What `budgetBound` found for a package: the level and points no package below it within the budget
    /// exceeds, and the points it gets for nothing (see `pointGains`).
    struct BudgetBound {
        var level: Int
        var points: Int
        var freePoints: Int
    }

    /// The least cost (low + high estimate) the items of `remaining` must add for the package of the last
    /// `budgetBound` call to gain `need` points beyond its free points (a fractional cover of their single gains,
    /// as `lowerBound` takes it): nil when they cannot. Only after `budgetBound` for the same package and items.
    /// How many scenes the scene changes in `run` take to `level` or above from below it in `now`, and how many of
    /// those are mandatory.
    private func raised(_ run: Range<Int>, to level: Int, from now: [Int]) -> (Int, Int) {
        var n = 0, mandatory = 0
        for (s, l) in scenes[run] where l >= level && now[s] < level {
            n += 1
            if model.mandatory[s] { mandatory += 1 }
        }
        return (n, mandatory)
    }

    func leastCost(toGain need: Int, remaining: UInt64, scratch: inout Scratch) -> Int? {
        cover(need, remaining, scratch.points, &scratch.coverPairs, extra: scratch.fundingGain)
    }

    /// What every item of `remaining` (and, when `retrofitFree`, the retrofit) adds together to the monotone
    /// indicators' points, from the projection `states` (over `scratch.baseScore`, as `pointGains` leaves it).
    private func unionGain(_ remaining: UInt64, retrofitFree: Bool, states: [PackageModel.State], scratch: inout Scratch) -> Int {
        for k in states.indices {
            scratch.union[k] = states[k]
            scratch.unionTouched[k] = false
        }
        func apply(_ run: Range<Int>) {
            for g in run where monotone[groups[g].indicator] {
                let k = groups[g].indicator
                for e in groups[g].effects { PackageModel.apply(groupEffects[e], to: &scratch.union[k]) }
                scratch.unionTouched[k] = true
            }
        }
        var m = remaining
        while m != 0 {
            let i = m.trailingZeroBitCount
            m &= m &- 1
            apply(itemGroups[i])
        }
        if retrofitFree { apply(retrofitGroups) }
        var total = 0
        for k in states.indices where scratch.unionTouched[k] { total += model.score(k, scratch.union[k]) - scratch.baseScore[k] }
        return total
    }

    /// The most a fractional knapsack of the items of `remaining` holds within `capacity` yuan of high estimates,
    /// each item worth its `gains` entry (the last item taken in part, its share rounded up): at least what any set
    /// of them within `capacity` is worth in sum. An item of no cost is taken whole.
    private func knapsack(_ capacity: Int, _ remaining: UInt64, _ gains: [Int], _ pairs: inout [(cost: Int, gain: Int)]) -> Int {
        pairs.removeAll(keepingCapacity: true)
        var total = 0
        var m = remaining
        while m != 0 {
            let i = m.trailingZeroBitCount
            m &= m &- 1
            guard gains[i] > 0 else { continue }
            if highCosts[i] <= 0 { total += gains[i] } else { pairs.append((highCosts[i], gains[i])) }
        }
        pairs.sort { $0.gain * $1.cost != $1.gain * $0.cost ? $0.gain * $1.cost > $1.gain * $0.cost : $0.cost < $1.cost }
        var left = capacity
        for (cost, gain) in pairs {
            if cost <= left {
                total += gain
                left -= cost
            } else {
                // Rounded up, so that the bound stays above every whole choice.
                total += (gain * left + cost - 1) / cost
                break
            }
        }
        return total
    }
}
