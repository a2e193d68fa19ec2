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
    private let fundingBase: AnswerValue??
    /// Each item's changes grouped by indicator (the funding indicator left out), and its scenes at their
    /// highest level, each scene once.
    private let itemEffects: [[(indicator: Int, effects: [PackageModel.Effect])]]
    private let itemScenes: [[(scene: Int, level: Int)]]
    private let retrofitEffects: [(indicator: Int, effects: [PackageModel.Effect])]
    private let retrofitScenes: [(scene: Int, level: Int)]
    private let costs: [Int]

    init(_ model: PackageModel, level: Int) {
        self.model = model
        let reaching = model.rules.filter { $0.level >= level }
        let nested = model.rules.allSatisfy { a in
            model.rules.allSatisfy { b in a.level > b.level || (a.score <= b.score && a.scenes <= b.scenes && a.mandatory <= b.mandatory) }
        }
        let own = reaching.filter { $0.level == level }
        rules = nested && !own.isEmpty ? own : reaching
        let funding = model.funding?.indicator
        func grouped(_ effects: [(indicator: Int, effect: PackageModel.Effect)]) -> [(indicator: Int, effects: [PackageModel.Effect])] {
            var out: [(indicator: Int, effects: [PackageModel.Effect])] = []
            for (k, e) in effects where k != funding {
                if let g = out.firstIndex(where: { $0.indicator == k }) { out[g].effects.append(e) } else { out.append((k, [e])) }
            }
            return out
        }
        func highest(_ scenes: [(scene: Int, level: Int)]) -> [(scene: Int, level: Int)] {
            var out: [(scene: Int, level: Int)] = []
            for (s, l) in scenes {
                if let g = out.firstIndex(where: { $0.scene == s }) { out[g].level = max(out[g].level, l) } else { out.append((s, l)) }
            }
            return out
        }
        itemEffects = model.items.map { grouped($0.effects) }
        itemScenes = model.items.map { highest($0.scenes) }
        retrofitEffects = grouped(model.retrofitEffects)
        retrofitScenes = highest(model.retrofitScenes)
        costs = model.items.map { $0.cost.low + $0.cost.high }
        monotone = model.indicators.map { Self.monotone($0.scoring) }
        if let f = funding, monotone[f],
           !model.items.contains(where: { i in i.effects.contains { $0.indicator == f } || i.cost.low > i.cost.high || i.cost.low < 0 }),
           !model.retrofitEffects.contains(where: { $0.indicator == f }) {
            fundingBase = .some(model.indicators[f].base.number.map { .number($0) })
        } else {
            fundingBase = nil
        }
    }

    /// Whether more (options added, a higher number or a later option) never scores less, from an unanswered 0.
    private static func monotone(_ scoring: PackageModel.Indicator.Scoring) -> Bool {
        switch scoring {
        case let .options(points):
            return points.allSatisfy { $0 >= 0 }
        case let .option(points):
            return points.allSatisfy { $0 >= 0 } && zip(points, points.dropFirst()).allSatisfy { $0 <= $1 }
        case let .bands(bands):
            guard bands.allSatisfy({ $0.points >= 0 }) else { return false }
            for (a, b) in zip(bands, bands.dropFirst()) {
                guard let upA = a.upTo, a.points <= b.points else { return false }
                if let upB = b.upTo, !(upA < upB) { return false }
            }
            return true
        }
    }

    /// Buffers the bound reuses from node to node.
    struct Scratch {
        var baseScore: [Int]
        var points: [Int]
        var scenes: [Int]
        var mandatory: [Int]
        var combined: [Int]
        var pairs: [(cost: Int, gain: Int)] = []

        init(_ model: PackageModel) {
            baseScore = [Int](repeating: 0, count: model.indicators.count)
            points = [Int](repeating: 0, count: model.items.count)
            scenes = points
            mandatory = points
            combined = points
            pairs.reserveCapacity(model.items.count)
        }
    }

    /// The least that the items of `remaining` must add in cost (low + high estimate) for `mask` to reach the
    /// level, given its projection (`points`, `scenes`, `states`); nil when they cannot reach it at all.
    /// Each rule that could be met leaves up to three deficits; the bound for the rule is the largest of their
    /// single covers and of the cover of their sum (each deficit scaled to 1: what meets all three also meets it).
    func lowerBound(mask: UInt64, remaining: UInt64, points: Int, scenes: [Int], states: [PackageModel.State],
                    scratch: inout Scratch) -> Int? {
        let retrofitFree = mask & model.moduleMask == 0 && remaining & model.moduleMask != 0
        var freePoints = 0
        var pointsKnown = false
        // The funding indicator's points at an added low estimate (nil: bounded by its headroom, in `freePoints`).
        var fundingGain: ((Int) -> Int)?
        if rules.contains(where: { $0.score > points }) {
            pointsKnown = true
            var investment = 0
            var m = mask
            while m != 0 {
                let i = m.trailingZeroBitCount
                m &= m &- 1
                investment += model.items[i].cost.low
            }
            for k in states.indices {
                let indicator = model.indicators[k]
                let score = model.score(indicator, states[k])
                scratch.baseScore[k] = score
                let now = states[k].touched ? score : indicator.original
                if let funding = model.funding, k == funding.indicator {
                    if case let .some(base) = fundingBase {
                        let state = states[k]
                        fundingGain = { extra in
                            guard extra > 0, let share = Planner.fundingShare(base, revenue: funding.revenue, years: funding.years,
                                                                             investmentYuan: investment + extra) else { return 0 }
                            var after = state
                            after.number = share
                            return max(0, model.score(indicator, after) - now)
                        }
                    } else {
                        freePoints += max(0, indicator.maxPoints - now)
                    }
                } else if !monotone[k] {
                    freePoints += max(0, indicator.maxPoints - now)
                } else if !states[k].touched {
                    freePoints += max(0, score - now)
                }
            }
            func gain(_ groups: [(indicator: Int, effects: [PackageModel.Effect])], _ baseScore: [Int]) -> Int {
                var total = 0
                for g in groups where monotone[g.indicator] {
                    var state = states[g.indicator]
                    for e in g.effects { PackageModel.apply(e, to: &state) }
                    total += model.score(model.indicators[g.indicator], state) - baseScore[g.indicator]
                }
                return total
            }
            if retrofitFree { freePoints += gain(retrofitEffects, scratch.baseScore) }
            m = remaining
            while m != 0 {
                let i = m.trailingZeroBitCount
                m &= m &- 1
                scratch.points[i] = gain(itemEffects[i], scratch.baseScore)
            }
        }
        var least: Int?
        for rule in rules {
            // Scenes (and mandatory scenes) at the rule's level: now, free from the retrofit, and per item.
            var atLevel = 0, mandatoryAtLevel = 0
            for s in scenes.indices where scenes[s] >= rule.level {
                atLevel += 1
                if model.mandatory[s] { mandatoryAtLevel += 1 }
            }
            var needScenes = rule.scenes - atLevel, needMandatory = rule.mandatory - mandatoryAtLevel
            if needScenes > 0 || needMandatory > 0 {
                func raised(_ list: [(scene: Int, level: Int)]) -> (Int, Int) {
                    var n = 0, mandatory = 0
                    for (s, l) in list where l >= rule.level && scenes[s] < rule.level {
                        n += 1
                        if model.mandatory[s] { mandatory += 1 }
                    }
                    return (n, mandatory)
                }
                if retrofitFree {
                    let (n, md) = raised(retrofitScenes)
                    needScenes -= n
                    needMandatory -= md
                }
                var m = remaining
                while m != 0 {
                    let i = m.trailingZeroBitCount
                    m &= m &- 1
                    (scratch.scenes[i], scratch.mandatory[i]) = raised(itemScenes[i])
                }
            }
            let needPoints = pointsKnown && rule.score > points ? rule.score - points - freePoints : 0
            var need = 0
            if needPoints > 0 {
                guard let c = cover(needPoints, remaining, scratch.points, &scratch.pairs, extra: fundingGain) else { continue }
                need = c
            }
            if needScenes > 0 {
                guard let c = cover(needScenes, remaining, scratch.scenes, &scratch.pairs) else { continue }
                need = max(need, c)
            }
            if needMandatory > 0 {
                guard let c = cover(needMandatory, remaining, scratch.mandatory, &scratch.pairs) else { continue }
                need = max(need, c)
            }
            // The deficits together: Σ gain_c / need_c ≥ (number of deficits), in integers over their product.
            let needs = [(needPoints, 0), (needScenes, 1), (needMandatory, 2)].filter { $0.0 > 0 }
            if needs.count > 1 {
                let product = needs.reduce(1) { $0 * $1.0 }
                let scale = needs.map { (kind: $0.1, factor: product / $0.0) }
                var m = remaining
                while m != 0 {
                    let i = m.trailingZeroBitCount
                    m &= m &- 1
                    var g = 0
                    for (kind, factor) in scale {
                        g += factor * (kind == 0 ? scratch.points[i] : kind == 1 ? scratch.scenes[i] : scratch.mandatory[i])
                    }
                    scratch.combined[i] = g
                }
                let pointsFactor = scale.first { $0.kind == 0 }?.factor
                let extra = fundingGain.flatMap { f in pointsFactor.map { factor in { (c: Int) in f(c) * factor } } }
                if let c = cover(needs.count * product, remaining, scratch.combined, &scratch.pairs, extra: extra) {
                    need = max(need, c)
                }
            }
            least = min(least ?? need, need)
        }
        return least
    }

    /// The cheapest fractional cover of `need` by the items of `remaining` with their `gains` (by item; rounded
    /// down); nil when all of them together fall short. `extra`, when given, is a further gain that rises with the
    /// cost spent (c ↦ at most `extra(c / 2)`).
    private func cover(_ need: Int, _ remaining: UInt64, _ gains: [Int], _ pairs: inout [(cost: Int, gain: Int)],
                       extra: ((Int) -> Int)? = nil) -> Int? {
        guard need > 0 else { return 0 }
        pairs.removeAll(keepingCapacity: true)
        var m = remaining
        var total = 0, allCost = 0
        while m != 0 {
            let i = m.trailingZeroBitCount
            m &= m &- 1
            allCost += costs[i]
            if gains[i] > 0 { pairs.append((costs[i], gains[i])); total += gains[i] }
        }
        let most = extra.map { $0(allCost / 2) } ?? 0
        guard total + most >= need else { return nil }
        pairs.sort { a, b in a.cost * b.gain < b.cost * a.gain }
        var got = 0, cost = 0
        for (c, g) in pairs {
            // Within this item's share of cost the further gain is at most its value at the share's end.
            let further = extra.map { $0((cost + c) / 2) } ?? 0
            if got + g + further >= need { return cost + c * max(0, need - got - further) / g }
            cost += c
            got += g
        }
        return cost
    }
}
