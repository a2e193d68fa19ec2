/// Exact branch-and-bound searches over a `PackageModel`. Packages are bit masks over its items; an item taken
/// brings its requirements with it (its closure), and items that exclude each other never go together.
///
/// - `cheapest(reaching:)`: the package of least investment (low + high estimate, i.e. the midpoint; ties: fewer
///   items, then more rule weight) that reaches a level. Reaching a level can only get easier as items are added,
///   so a package that reaches it ends its branch, and a branch whose bound finds the level out of reach of the
///   items left is cut; so is a branch that cannot beat the best package found. (Projecting every node's package
///   with all items left, as a second reachability test, cut one node in three hundred and cost two projections
///   in three, so it is not done.)
/// - `best(within:)`: with a budget on the high estimate, the package of highest level, then points, then least
///   investment, then most rule weight, then fewest items. Least investment before rule weight: a module that
///   adds neither level nor points is not bought with the budget for its rules alone (it is a next step).
///   A branch is cut when `CostBound.budgetBound` shows nothing below it, within the budget left, ranks above the
///   best package found.
///
/// Both are exact unless the node limit is hit (then `complete` is false and the best package found is returned);
/// tests compare them with brute force on small catalogs.
struct PackageSearch: ScratchHolder {
    let model: PackageModel
    private(set) var nodes = 0
    private(set) var complete = true
    /// The nodes a search may visit before it stops with the best package found (`complete` false).
    let nodeLimit: Int
    static let defaultNodeLimit = 400_000
    /// The node count at which a search also takes the adaptive package as an incumbent (see `cheapest`).
    let lateIncumbentNodes: Int
    /// The bound's buffers, handed from one search to the next: they are of the model's sizes, and making (and
    /// freeing) them cost as much as a few dozen nodes a search.
    fileprivate var scratches: [CostBound.Scratch] = []

    init(_ model: PackageModel, lateIncumbentNodes: Int = 1_000, nodeLimit: Int = PackageSearch.defaultNodeLimit) {
        self.model = model
        self.lateIncumbentNodes = lateIncumbentNodes
        self.nodeLimit = nodeLimit
    }

    /// The ranking key of a package for `cheapest`: smaller is better.
    private struct CostKey: Comparable {
        var cost: Int
        var count: Int
        var negativeWeight: Int
        static func < (a: CostKey, b: CostKey) -> Bool {
            (a.cost, a.count, a.negativeWeight) < (b.cost, b.count, b.negativeWeight)
        }
        /// The key of a package joined by items of key `other` (none in common).
        func adding(_ other: CostKey) -> CostKey {
            CostKey(cost: cost + other.cost, count: count + other.count, negativeWeight: negativeWeight + other.negativeWeight)
        }
    }

    private static func key(_ model: PackageModel, _ mask: UInt64) -> CostKey {
        var cost = 0, weight = 0
        var m = mask
        while m != 0 {
            let i = m.trailingZeroBitCount
            m &= m &- 1
            cost += model.items[i].cost.low + model.items[i].cost.high
            weight += model.items[i].weight
        }
        return CostKey(cost: cost, count: mask.nonzeroBitCount, negativeWeight: -weight)
    }

    /// Every item that could join `forced`: its closure is free of conflicts with it.
    private func candidates(_ forced: UInt64) -> [Int] {
        model.items.indices.filter { i in
            let bit = UInt64(1) << UInt64(i)
            return forced & bit == 0 && !model.hasConflict(forced | model.items[i].closure)
        }
    }

    /// The order the search decides items in: the most useful per yuan first, so good packages come early.
    private func ordered(_ items: [Int], _ usefulness: (Int) -> Int) -> [Int] {
        let scored = items.map { i -> (Int, Double) in
            let cost = Double(model.items[i].cost.low + model.items[i].cost.high) + 1
            return (i, Double(usefulness(i)) / cost)
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
    }

    /// The cheapest package reaching `level`. `incumbent`, a package known to reach it (the cheapest package of a
    /// higher level), only bounds the search: the package returned is the one the search finds without it.
    mutating func cheapest(reaching level: Int, forced: UInt64, budget: Int?, incumbent: UInt64? = nil) -> UInt64? {
        let model = model
        if model.evaluate(forced).level >= level { return forced }
        let pool = candidates(forced)
        let extendable = model.extendable
        var base = model.projectionBuffers(), buffers = base
        let basePoints = model.project(forced, scenes: &base.scenes, states: &base.states)
        let before = model.shortfall(points: basePoints, scenes: base.scenes, level: level)
        let order = ordered(pool) { i in
            let points = model.project(forced | model.items[i].closure, from: forced, points: basePoints, base, into: &buffers,
                                       extendable: extendable)
            return before - model.shortfall(points: points, scenes: buffers.scenes, level: level)
        }
        var suffix = [UInt64](repeating: 0, count: order.count + 1)
        var suffixMinCost = [Int](repeating: Int.max, count: order.count + 1)
        for k in stride(from: order.count - 1, through: 0, by: -1) {
            suffix[k] = suffix[k + 1] | (UInt64(1) << UInt64(order[k]))
            suffixMinCost[k] = min(suffixMinCost[k + 1], model.items[order[k]].cost.low + model.items[order[k]].cost.high)
        }
        if model.evaluate(forced | suffix[0], buffers: &buffers).level < level { return nil }
        // Only prunes: a subtree is cut when the incumbent is strictly better than anything in it, so every
        // package of the optimal key is still visited in the same order and the same one is returned. The
        // better of the given incumbent and a greedy package (trimmed of what it does not need) bounds it. A
        // search that runs long (`lateIncumbentNodes`) is bounded by the adaptive package too, worked out only
        // then: it costs as much as some fifty nodes, and on the shipped catalogs searches end in a few hundred
        // nodes, where it saved fewer nodes than it cost (engine stage: 6.6% more instructions).
        let greedy = greedyPackage(reaching: level, forced: forced, order: order, budget: budget)
        let incumbentKey = [incumbent, greedy].compactMap { $0 }.map { Self.key(model, $0) }.min()
        // Taken before `self` is copied for the closure, so that the search holds the only reference to them.
        var scratches = takeScratches()
        CostBound.Scratch.prepare(&scratches, model)
        let builder = self  // a copy for the closure: `self` is inout here
        let search = CheapestSearch(model: model, level: level, budget: budget, order: order, suffix: suffix,
                                    suffixMinCost: suffixMinCost, extendable: extendable,
                                    lateIncumbentNodes: lateIncumbentNodes, nodeLimit: nodeLimit)
        var state = CheapestSearch.State(
            incumbentKey: incumbentKey,
            lateIncumbent: {
                builder.adaptivePackage(reaching: level, forced: forced, order: order, budget: budget, extendable: extendable)
                    .map { Self.key(model, $0) }
            },
            path: PathProjection(scenes: model.baseScenes, states: model.indicators.map(\.base), depths: order.count + 1),
            scratches: consume scratches)
        search.search(0, forced, 0, Self.key(model, forced), projected: nil, slot: 0, &state)
        self.scratches = state.takeScratches()
        self.nodes += state.nodes
        self.complete = self.complete && state.complete
        return state.best?.mask
    }

    /// The depth-first search of `cheapest` with its state: items decided in `order`, each taken (with what it
    /// needs) or left out; a branch ends when its package reaches the level, when nothing left can make it reach,
    /// or when nothing below it can beat the best package found (or the incumbent).
    private final class CheapestSearch {
        let model: PackageModel
        let level: Int
        let budget: Int?
        let order: [Int]
        /// The items from position k of `order` on, and the least cost among them.
        let suffix: [UInt64]
        let suffixMinCost: [Int]
        let lateIncumbentNodes: Int
        let nodeLimit: Int
        let bound: CostBound
        /// Whether a package taking an item is projected from its parent's projection (`PackageModel.extend`).
        let extendable: Bool

        /// What the search changes as it goes. The search itself is an object of constants, so that reading the
        /// model and the bound while the projection and the scratches are written needs no copy of them.
        struct State: ScratchHolder {
            var incumbentKey: CostKey?
            /// A second incumbent's key, worked out when the search reaches `lateIncumbentNodes` nodes.
            var lateIncumbent: (() -> CostKey?)?
            var best: (mask: UInt64, key: CostKey)?
            var nodes = 0
            var complete = true
            /// The projection of the node's package, and of each package on the path to it.
            var path: PathProjection
            /// The bound's buffers, one per package on the current path: a node's is its slot's, the slot of the
            /// branch that leaves items out is its parent's (the same package, so the point and scene gains worked
            /// out for the parent still hold), and the branch that takes an item uses the next slot, leaving the
            /// parent's untouched for the other branch.
            var scratches: [CostBound.Scratch]
        }

        init(model: PackageModel, level: Int, budget: Int?, order: [Int], suffix: [UInt64], suffixMinCost: [Int],
             extendable: Bool, lateIncumbentNodes: Int, nodeLimit: Int) {
            self.model = model
            self.level = level
            self.budget = budget
            self.order = order
            self.suffix = suffix
            self.suffixMinCost = suffixMinCost
            self.lateIncumbentNodes = lateIncumbentNodes
            self.nodeLimit = nodeLimit
            bound = CostBound(model, level: level)
            self.extendable = extendable
        }

        /// Searches below the package `mask` at position `k` of `order`, items of `out` left out. `here` is
        /// `key(mask)`; `projected`, when given, is its points, its projection being in `scenes` and `states`
        /// (the branch that takes an item projects its package before it starts).
        /// `slot` is the package's place in `scratches`.
        func search(_ k: Int, _ mask: UInt64, _ out: UInt64, _ here: CostKey, projected: Int?, slot: Int, _ state: inout State) {
            state.nodes += 1
            if state.nodes > nodeLimit { state.complete = false; return }
            if state.nodes == lateIncumbentNodes, let late = state.lateIncumbent?() {
                state.incumbentKey = state.incumbentKey.map { min($0, late) } ?? late
                state.lateIncumbent = nil
            }
            let bar = switch (state.best?.key, state.incumbentKey) {
            case let (b?, i?): min(b, i)
            case let (b, i): b ?? i
            }
            // This package and every one below it cost at least `here`: nothing here can beat a strictly better bar.
            if let b = bar, b < here { return }
            let points = projected ?? model.project(mask, scenes: &state.path.scenes, states: &state.path.states)
            if model.reaches(level, points: points, scenes: state.path.scenes) {
                if state.best == nil || here < state.best!.key { state.best = (mask, here) }
                return
            }
            guard k < order.count else { return }
            // Any package below this one adds an item, at least the cheapest one left: checked before the bounds,
            // which cost far more.
            if let b = bar, b < CostKey(cost: here.cost + suffixMinCost[k], count: here.count + 1, negativeWeight: Int.min) { return }
            var remaining: UInt64 = 0
            var left = suffix[k] & ~mask
            while left != 0 {
                let i = left.trailingZeroBitCount
                left &= left &- 1
                if model.items[i].closure & out == 0 { remaining |= UInt64(1) << UInt64(i) }
            }
            // What any package below this one must still spend: nil when none can reach the level. The quick
            // bound first: it is never above the full one, so it cuts only what that would cut.
            guard let quick = bound.quickBound(mask: mask, remaining: remaining, scenes: state.path.scenes) else { return }
            if let b = bar, b < CostKey(cost: here.cost + max(suffixMinCost[k], quick), count: here.count + 1, negativeWeight: Int.min) {
                return
            }
            // A bound of `enough` or more cuts this branch (below): the bound may stop working once it knows that.
            let enough = bar.map { $0.cost - here.cost < Int.max ? $0.cost - here.cost + 1 : Int.max } ?? Int.max
            guard let extra = bound.lowerBound(mask: mask, remaining: remaining, points: points, scenes: state.path.scenes,
                                               states: state.path.states, enough: enough, scratch: &state.scratches[slot]) else { return }
            if let b = bar {
                // Any package below this one adds an item: at least the cheapest one left, and at least `extra`.
                let floor = CostKey(cost: here.cost + max(suffixMinCost[k], extra), count: here.count + 1, negativeWeight: Int.min)
                if b < floor { return }
            }
            // The items from k on whose branch that takes them is closed (already in the package, in conflict, over
            // the budget, or dearer than a strictly better package known) have one branch only, the one that leaves
            // them out: it is followed in one step to the first item that can be taken, whose node bounds it again
            // (with fewer items left, so at least as tightly) instead of a node per item on the way.
            var next = k, skipped = out
            while next < order.count {
                let bit = UInt64(1) << UInt64(order[next])
                if mask & bit != 0 { next += 1; continue }  // already in the package
                guard let taken = takeable(order[next], mask, skipped, here, bar) else {
                    skipped |= bit
                    next += 1
                    continue
                }
                if next > k { search(next, mask, skipped, here, projected: points, slot: slot, &state); return }
                state.path.save(depth: k)
                if state.scratches.count == slot + 1 { state.scratches.append(CostBound.Scratch(model)) }
                let takenPoints = extendable
                    ? model.extend(mask, points: points, to: taken.mask, scenes: &state.path.scenes, states: &state.path.states)
                    : model.project(taken.mask, scenes: &state.path.scenes, states: &state.path.states)
                search(k + 1, taken.mask, skipped, taken.key, projected: takenPoints, slot: slot + 1, &state)
                state.path.restore(depth: k)
                search(k + 1, mask, skipped | bit, here, projected: points, slot: slot, &state)
                return
            }
        }

        /// The package with `item` taken (with what it needs) and its key, when that branch is open: no item of it
        /// left out, no conflict, within the budget, and not dearer than a strictly better package known (`bar`).
        private func takeable(_ item: Int, _ mask: UInt64, _ out: UInt64, _ here: CostKey, _ bar: CostKey?) -> (mask: UInt64, key: CostKey)? {
            let taken = mask | model.items[item].closure
            guard taken & out == 0 && !model.hasConflict(taken) && (budget.map { model.cost(taken).high <= $0 } ?? true) else { return nil }
            let takenKey = here.adding(PackageSearch.key(model, taken & ~mask))
            if let bar, bar < takenKey { return nil }
            return (taken, takenKey)
        }
    }

    /// A package reaching `level` found without search, to bound it: the items taken in `order` (with what they
    /// need, skipping conflicts) until the level is reached, then each taken item dropped, most expensive first,
    /// when the rest still reaches it and nothing left needs it. Nil when that way reaches nothing.
    private func greedyPackage(reaching level: Int, forced: UInt64, order: [Int], budget: Int?) -> UInt64? {
        var mask = forced
        var reached = false
        var buffers = model.projectionBuffers()
        for item in order where mask & (UInt64(1) << UInt64(item)) == 0 {
            let taken = mask | model.items[item].closure
            guard !model.hasConflict(taken), budget.map({ model.cost(taken).high <= $0 }) ?? true else { continue }
            mask = taken
            if model.evaluate(mask, buffers: &buffers).level >= level { reached = true; break }
        }
        guard reached else { return nil }
        return trimmed(mask, forced: forced, level: level)
    }

    /// A package reaching `level` built step by step: each step takes the item that closes most of the remaining
    /// shortfall per yuan (with what it needs), until the level is reached; then trimmed like `greedyPackage`.
    /// Slower than the fixed order but much closer to the optimum when many items are needed.
    private func adaptivePackage(reaching level: Int, forced: UInt64, order: [Int], budget: Int?, extendable: Bool) -> UInt64? {
        var mask = forced
        // The package so far projected in `current`; each candidate projected from it into `trial`.
        var current = model.projectionBuffers(), trial = current
        var points = model.project(mask, scenes: &current.scenes, states: &current.states)
        var short = model.shortfall(points: points, scenes: current.scenes, level: level)
        while short > 0 {
            var choice: (mask: UInt64, ratio: Double)?
            for item in order where mask & (UInt64(1) << UInt64(item)) == 0 {
                let taken = mask | model.items[item].closure
                guard !model.hasConflict(taken), budget.map({ model.cost(taken).high <= $0 }) ?? true else { continue }
                let takenPoints = model.project(taken, from: mask, points: points, current, into: &trial, extendable: extendable)
                let gain = short - model.shortfall(points: takenPoints, scenes: trial.scenes, level: level)
                guard gain > 0 else { continue }
                let ratio = Double(gain) / Double(Self.key(model, taken & ~mask).cost + 1)
                if choice == nil || ratio > choice!.ratio { choice = (taken, ratio) }
            }
            guard let next = choice else { return nil }
            points = model.project(next.mask, from: mask, points: points, current, into: &trial, extendable: extendable)
            swap(&current, &trial)
            mask = next.mask
            short = model.shortfall(points: points, scenes: current.scenes, level: level)
        }
        return trimmed(mask, forced: forced, level: level)
    }

    /// `mask` without each item it does not need (most expensive first): dropped when the rest still reaches
    /// `level` and nothing left needs it; `forced` items stay.
    private func trimmed(_ mask: UInt64, forced: UInt64, level: Int) -> UInt64 {
        var mask = mask
        var added = mask & ~forced
        var buffers = model.projectionBuffers()
        var byCost: [Int] = []
        while added != 0 {
            let i = added.trailingZeroBitCount
            added &= added &- 1
            byCost.append(i)
        }
        byCost.sort { (model.items[$0].cost.low + model.items[$0].cost.high, $1) > (model.items[$1].cost.low + model.items[$1].cost.high, $0) }
        for i in byCost {
            let bit = UInt64(1) << UInt64(i)
            let rest = mask & ~bit
            var needed = false
            var m = rest
            while m != 0 {
                let j = m.trailingZeroBitCount
                m &= m &- 1
                if model.items[j].closure & bit != 0 { needed = true; break }
            }
            if !needed && model.evaluate(rest, buffers: &buffers).level >= level { mask = rest }
        }
        return mask
    }

    /// The ranking key of a package for `best`: larger is better.
    private struct ValueKey: Comparable {
        var level: Int
        var points: Int
        var negativeCost: Int
        var weight: Int
        var negativeCount: Int
        static func < (a: ValueKey, b: ValueKey) -> Bool {
            (a.level, a.points, a.negativeCost, a.weight, a.negativeCount) < (b.level, b.points, b.negativeCost, b.weight, b.negativeCount)
        }
    }

    /// The best package within `budget` (high estimates), `forced` items kept: see the type's notes.
    mutating func best(forced: UInt64, budget: Int) -> UInt64 {
        let model = model
        let pool = candidates(forced).filter { model.cost(forced | model.items[$0].closure).high <= budget }
        let base = model.evaluate(forced)
        let order = ordered(pool) { i in
            let o = model.evaluate(forced | model.items[i].closure)
            return (o.level - base.level) * 100_000 + (o.points - base.points) + model.items[i].weight
        }
        let search = BestSearch(model: model, budget: budget, order: order, nodeLimit: nodeLimit)
        var state = search.start(forced: forced, scratches: takeScratches())
        let start = state.best.key
        search.search(0, forced, 0, start, points: base.points, spent: model.cost(forced).high, slot: 0, &state)
        self.scratches = state.takeScratches()
        self.nodes += state.nodes
        self.complete = self.complete && state.complete
        return state.best.mask
    }

    /// The depth-first search of `best` with its state: items decided in `order`, each taken (with what it needs)
    /// or left out. A package is recorded when it is strictly better than the best one found, so among packages of
    /// equal rank the first in this order is kept. A branch ends when `CostBound.budgetBound` shows that no package
    /// below it, within the budget left, can be better than the best one found: its level and points are bounded
    /// by the remaining items' single gains in a fractional knapsack of the budget left, its investment is at
    /// least this package's and its cheapest remaining item's, its rule weight at most all the remaining weight.
    private final class BestSearch {
        let model: PackageModel
        let budget: Int
        let order: [Int]
        let nodeLimit: Int
        let bound: CostBound
        /// Whether a package taking an item is projected from its parent's projection (`PackageModel.extend`).
        let extendable: Bool
        /// Each item's own high estimate, and the items any item of its closure excludes.
        let highCost: [Int]
        let closureConflicts: [UInt64]
        /// The items from position k of `order` on.
        let suffix: [UInt64]

        /// What the search changes as it goes (see `CheapestSearch.State`).
        struct State: ScratchHolder {
            var best: (mask: UInt64, key: ValueKey)
            var nodes = 0
            var complete = true
            /// The projection of the node's package, and of each package on the path to it.
            var path: PathProjection
            /// The bound's buffers, one per package on the current path (see `CheapestSearch`).
            var scratches: [CostBound.Scratch]
        }

        init(model: PackageModel, budget: Int, order: [Int], nodeLimit: Int) {
            self.model = model
            self.budget = budget
            self.order = order
            self.nodeLimit = nodeLimit
            bound = CostBound(model, level: model.rules.map(\.level).max() ?? 0)
            extendable = model.extendable
            highCost = model.items.map(\.cost.high)
            closureConflicts = model.items.map { item in
                var conflicts: UInt64 = 0
                var m = item.closure
                while m != 0 {
                    let i = m.trailingZeroBitCount
                    m &= m &- 1
                    conflicts |= model.items[i].conflicts
                }
                return conflicts
            }
            var suffix = [UInt64](repeating: 0, count: order.count + 1)
            for k in stride(from: order.count - 1, through: 0, by: -1) { suffix[k] = suffix[k + 1] | (UInt64(1) << UInt64(order[k])) }
            self.suffix = suffix
        }

        /// The state at the search's start: the package `forced` is the best one known.
        func start(forced: UInt64, scratches: [CostBound.Scratch]) -> State {
            var buffers = model.projectionBuffers()
            let points = model.project(forced, scenes: &buffers.scenes, states: &buffers.states)
            var scratches = scratches
            CostBound.Scratch.prepare(&scratches, model)
            return State(best: (forced, Self.value(model, forced, level: model.level(points: points, scenes: buffers.scenes), points: points)),
                         path: PathProjection(scenes: buffers.scenes, states: buffers.states, depths: order.count + 1),
                         scratches: scratches)
        }

        static func value(_ model: PackageModel, _ mask: UInt64, level: Int, points: Int) -> ValueKey {
            let k = PackageSearch.key(model, mask)
            return ValueKey(level: level, points: points, negativeCost: -k.cost, weight: -k.negativeWeight, negativeCount: -k.count)
        }

        /// Searches below the package `mask` at position `k` of `order`, items of `out` left out. `here` is its
        /// value, `points` its points (its projection is in `state.path`), `spent` its high estimate; `slot` is
        /// its place in `state.scratches`.
        func search(_ k: Int, _ mask: UInt64, _ out: UInt64, _ here: ValueKey, points: Int, spent: Int, slot: Int, _ state: inout State) {
            state.nodes += 1
            if state.nodes > nodeLimit { state.complete = false; return }
            if state.best.key < here { state.best = (mask, here) }
            guard k < order.count else { return }
            // The items a package below this one may add: none of what they need left out, nothing they need
            // excluded by the package, each within the budget left on its own (a superset of what can be added
            // together, which is all the bound needs).
            let budgetLeft = budget - spent
            var remaining: UInt64 = 0
            // The least any package below adds in cost (low + high): the cheapest item left, or, should some
            // item cost less than nothing (the loader refuses that), all such items together.
            var weightLeft = 0, cheapest = Int.max, belowZero = 0
            var left = suffix[k] & ~mask
            while left != 0 {
                let i = left.trailingZeroBitCount
                left &= left &- 1
                guard model.items[i].closure & out == 0 && closureConflicts[i] & mask == 0 && highCost[i] <= budgetLeft else { continue }
                remaining |= UInt64(1) << UInt64(i)
                weightLeft += max(0, model.items[i].weight)
                let cost = model.items[i].cost.low + model.items[i].cost.high
                cheapest = min(cheapest, cost)
                belowZero += min(0, cost)
            }
            let leastAdded = cheapest >= 0 ? cheapest : belowZero
            guard remaining != 0 else { return }
            // Any package below this one adds an item: it costs at least `leastAdded` more and has one item more.
            let most = bound.budgetBound(mask: mask, remaining: remaining, budgetLeft: budgetLeft, points: points, scenes: state.path.scenes,
                                         states: state.path.states, scratch: &state.scratches[slot])
            var top = ValueKey(level: most.level, points: most.points, negativeCost: here.negativeCost - leastAdded, weight: here.weight + weightLeft,
                               negativeCount: here.negativeCount - 1)
            if top < state.best.key { return }
            // When nothing below can do better than tie the best package's level and points, only a package that
            // reaches its points can rank above it, and that must add at least the cost of gaining them.
            if most.level == state.best.key.level && most.points == state.best.key.points {
                guard let cost = bound.leastCost(toGain: state.best.key.points - points - most.freePoints, remaining: remaining,
                                                 scratch: &state.scratches[slot]) else { return }
                top.negativeCost = here.negativeCost - max(leastAdded, cost)
                if top < state.best.key { return }
            }
            // Items whose branch that takes them is closed (in the package, needing something left out, in
            // conflict, over the budget) are passed in one step, as in `CheapestSearch`.
            var next = k, skipped = out
            while next < order.count {
                let item = order[next]
                let bit = UInt64(1) << UInt64(item)
                if mask & bit != 0 { next += 1; continue }
                let taken = mask | model.items[item].closure
                let takenSpent = spent + model.cost(taken & ~mask).high
                guard taken & skipped == 0 && !model.hasConflict(taken) && takenSpent <= budget else {
                    skipped |= bit
                    next += 1
                    continue
                }
                if next > k { search(next, mask, skipped, here, points: points, spent: spent, slot: slot, &state); return }
                state.path.save(depth: k)
                if state.scratches.count == slot + 1 { state.scratches.append(CostBound.Scratch(model)) }
                let takenPoints = extendable
                    ? model.extend(mask, points: points, to: taken, scenes: &state.path.scenes, states: &state.path.states)
                    : model.project(taken, scenes: &state.path.scenes, states: &state.path.states)
                let takenValue = Self.value(model, taken, level: model.level(points: takenPoints, scenes: state.path.scenes), points: takenPoints)
                search(k + 1, taken, skipped, takenValue, points: takenPoints, spent: takenSpent, slot: slot + 1, &state)
                state.path.restore(depth: k)
                search(k + 1, mask, skipped | bit, here, points: points, spent: spent, slot: slot, &state)
                return
            }
        }
    }

    /// The projection (scene levels, indicator answers) of a search's current package, and the one saved at each
    /// depth while the branch that takes an item runs, so that the branch that leaves it out starts from it
    /// instead of projecting the same package again.
    struct PathProjection {
        var scenes: [Int]
        var states: [PackageModel.State]
        private var savedScenes: [Int]
        private var savedStates: [PackageModel.State]

        init(scenes: [Int], states: [PackageModel.State], depths: Int) {
            self.scenes = scenes
            self.states = states
            savedScenes = [Int](repeating: 0, count: scenes.count * depths)
            savedStates = [PackageModel.State](repeating: PackageModel.State(), count: states.count * depths)
        }

        // Whole runs are replaced (copied as one block), not element by element.
        mutating func save(depth k: Int) {
            let s = scenes.count, n = states.count
            savedScenes.replaceSubrange(k * s ..< (k + 1) * s, with: scenes)
            savedStates.replaceSubrange(k * n ..< (k + 1) * n, with: states)
        }

        mutating func restore(depth k: Int) {
            let s = scenes.count, n = states.count
            scenes.replaceSubrange(0 ..< s, with: savedScenes[k * s ..< (k + 1) * s])
            states.replaceSubrange(0 ..< n, with: savedStates[k * n ..< (k + 1) * n])
        }
    }
}

/// The package search and each of its searches hold the bound's scratch buffers and hand them on whole.
fileprivate protocol ScratchHolder {
    var scratches: [CostBound.Scratch] { get set }
}

extension ScratchHolder {
    /// The scratches, leaving none behind: the search that gets them holds the only reference, so it writes them in place.
    mutating func takeScratches() -> [CostBound.Scratch] {
        var taken: [CostBound.Scratch] = []
        swap(&taken, &scratches)
        return taken
    }
}
