/// The search's view of one enterprise: each module or measure it could add is an item with its effects on scene
/// levels and indicator points, so that the level a package reaches is a few integer operations rather than a
/// diagnosis. It computes exactly what `Planner.project(_:_:.conservative)` computes (a differential test holds
/// them equal on random packages); only the indicators some item can change are modelled, the rest keep their
/// points. Packages are bit masks over the items (at most 64 items). An object of constants: the search calls
/// it at every node, and a reference is handed to each call where a value of its size would be copied first.
final class PackageModel: Sendable {
    enum Effect: Sendable {
        case addOptions(UInt64)
        case atLeastNumber(Double)
        case atLeastOption(Int)
    }

    /// One modelled indicator: how its answer is scored, and the answer before the package.
    struct Indicator: Sendable {
        enum Scoring: Sendable {
            /// Multiple choice: the points of each option, by position.
            case options
            /// A number scored in bands: the first band whose limit holds the number (nil: any).
            case bands
            /// Single choice: the points of each option, by position.
            case option
        }
        var scoring: Scoring
        /// Its option points or bands: positions in the model's `scoringPoints` (and `bandLimits`).
        var table: Range<Int>
        var maxPoints: Int
        /// Its points before the package (kept while no item touches it).
        var original: Int
        var base: State
    }

    /// An indicator's answer as the search tracks it.
    struct State: Sendable {
        var options: UInt64 = 0
        var number: Double? = nil
        var option: Int? = nil
        var touched = false
    }

    struct Item: Sendable {
        /// The module (index in `industry.modules`) or the measure (index in `industry.measures`).
        var module: Int?
        var measure: Int?
        var cost: CostRange
        /// Rule weight in thousandths (recommend rules that fired).
        var weight: Int
        /// The items it needs, itself included.
        var closure: UInt64 = 0
        /// The items it cannot go with.
        var conflicts: UInt64 = 0
        /// The scenes it raises and the answers it changes: positions in the model's `sceneChanges` and
        /// `effectChanges`.
        var scenes: Range<Int>
        var effects: Range<Int>
    }

    typealias SceneChange = (scene: Int, level: Int)
    typealias EffectChange = (indicator: Int, effect: Effect)

    struct LevelRule: Sendable {
        var level: Int
        var score: Int
        var scenes: Int
        var mandatory: Int
    }

    /// What a package reaches.
    struct Outcome: Sendable, Equatable {
        var level: Int
        var points: Int
    }

    let items: [Item]
    let indicators: [Indicator]
    /// The items' changes, each item's in one run (flat, so that a projection walks two arrays).
    let sceneChanges: [SceneChange]
    let effectChanges: [EffectChange]
    /// The indicators' option points and band points, each indicator's in one run; `bandLimits` holds the upper
    /// limit of each band (nil: any number) at the same positions.
    let scoringPoints: [Int]
    let bandLimits: [Double?]
    let baseScenes: [Int]
    let mandatory: [Bool]
    let rules: [LevelRule]
    /// The points of the indicators not modelled.
    let fixedPoints: Int
    /// What the retrofit itself changes once the package has a module.
    let retrofitScenes: [SceneChange]
    let retrofitEffects: [EffectChange]
    /// The funding indicator and what its share is computed from (the revenue answer's number, nil when it is none).
    let funding: (indicator: Int, revenueWan: Double?, years: Int)?
    /// The items that are modules.
    let moduleMask: UInt64

    init(items: [Item], indicators: [Indicator], sceneChanges: [SceneChange], effectChanges: [EffectChange], scoringPoints: [Int],
         bandLimits: [Double?], baseScenes: [Int], mandatory: [Bool], rules: [LevelRule], fixedPoints: Int,
         retrofitScenes: [SceneChange], retrofitEffects: [EffectChange], funding: (indicator: Int, revenueWan: Double?, years: Int)?,
         moduleMask: UInt64) {
        self.items = items
        self.indicators = indicators
        self.sceneChanges = sceneChanges
        self.effectChanges = effectChanges
        self.scoringPoints = scoringPoints
        self.bandLimits = bandLimits
        self.baseScenes = baseScenes
        self.mandatory = mandatory
        self.rules = rules
        self.fixedPoints = fixedPoints
        self.retrofitScenes = retrofitScenes
        self.retrofitEffects = retrofitEffects
        self.funding = funding
        self.moduleMask = moduleMask
    }

    static let capacity = 64

    func cost(_ mask: UInt64) -> (low: Int, high: Int) {
        var low = 0, high = 0
        var m = mask
        while m != 0 {
            let i = m.trailingZeroBitCount
            m &= m &- 1
            low += items[i].cost.low
            high += items[i].cost.high
        }
        return (low, high)
    }

    /// The level and points the package `mask` reaches under the conservative projection.
    func evaluate(_ mask: UInt64) -> Outcome {
        let (points, scenes) = project(mask)
        var level = 0
        for rule in rules where rule.level > level && met(rule, points, scenes) { level = rule.level }
        return Outcome(level: level, points: points)
    }

    /// `evaluate`, projecting into `buffers` (from `projectionBuffers()`) instead of new arrays: for a caller that
    /// asks it many times.
    func evaluate(_ mask: UInt64, buffers: inout ProjectionBuffers) -> Outcome {
        let points = project(mask, scenes: &buffers.scenes, states: &buffers.states)
        return Outcome(level: evaluateLevel(points, buffers.scenes), points: points)
    }

    /// How far `mask` falls short of `level`, weighing a missing scene as 5 points: 0 when it reaches it. Guides
    /// the search's order; never decides.
    func shortfall(_ mask: UInt64, level: Int) -> Int {
        var buffers = projectionBuffers()
        return shortfall(mask, level: level, buffers: &buffers)
    }

    /// `shortfall`, projecting into `buffers` (from `projectionBuffers()`) instead of new arrays: for a caller that
    /// asks it many times.
    func shortfall(_ mask: UInt64, level: Int, buffers: inout ProjectionBuffers) -> Int {
        let points = project(mask, scenes: &buffers.scenes, states: &buffers.states)
        return shortfall(points: points, scenes: buffers.scenes, level: level)
    }

    /// `shortfall` of a package already projected: its `points` and `scenes`.
    func shortfall(points: Int, scenes: [Int], level: Int) -> Int {
        if reaches(level, points: points, scenes: scenes) { return 0 }
        guard let rule = rules.first(where: { $0.level == level }) else { return Int.max / 4 }
        let (atLevel, mandatoryAtLevel) = count(scenes, atLeast: level)
        return max(0, rule.score - points) + 5_000 * (max(0, rule.scenes - atLevel) + max(0, rule.mandatory - mandatoryAtLevel))
    }

    /// Projects `mask` into `target`: from `source`, the projection of `parent` (a subset of `mask`) with its
    /// `points`, when `extendable` (the model's, asked once by the caller), else from scratch.
    func project(_ mask: UInt64, from parent: UInt64, points: Int, _ source: ProjectionBuffers, into target: inout ProjectionBuffers,
                 extendable: Bool) -> Int {
        guard extendable else { return project(mask, scenes: &target.scenes, states: &target.states) }
        for j in source.scenes.indices { target.scenes[j] = source.scenes[j] }
        for j in source.states.indices { target.states[j] = source.states[j] }
        return extend(parent, points: points, to: mask, scenes: &target.scenes, states: &target.states)
    }

    private func evaluateLevel(_ points: Int, _ scenes: [Int]) -> Int {
        var level = 0
        for rule in rules where rule.level > level && met(rule, points, scenes) { level = rule.level }
        return level
    }

    private func met(_ rule: LevelRule, _ points: Int, _ scenes: [Int]) -> Bool {
        guard points >= rule.score else { return false }
        let (atLevel, mandatoryAtLevel) = count(scenes, atLeast: rule.level)
        return atLevel >= rule.scenes && mandatoryAtLevel >= rule.mandatory
    }

    /// How many scenes, and how many mandatory scenes, are at `level` or above.
    func count(_ scenes: [Int], atLeast level: Int) -> (Int, Int) {
        var atLevel = 0, mandatoryAtLevel = 0
        for s in scenes.indices where scenes[s] >= level {
            atLevel += 1
            if mandatory[s] { mandatoryAtLevel += 1 }
        }
        return (atLevel, mandatoryAtLevel)
    }

    /// Scene levels and indicator states of the model's sizes, for `project` to overwrite.
    struct ProjectionBuffers {
        var scenes: [Int]
        var states: [State]
    }

    func projectionBuffers() -> ProjectionBuffers { ProjectionBuffers(scenes: baseScenes, states: indicators.map(\.base)) }

    /// The scene levels after the package `mask`, by scene (the maturity model's order).
    func projectedScenes(_ mask: UInt64) -> [Int] { project(mask).scenes }

    /// Total points and scene levels after the package `mask`.
    private func project(_ mask: UInt64) -> (points: Int, scenes: [Int]) {
        var buffers = projectionBuffers()
        let points = project(mask, scenes: &buffers.scenes, states: &buffers.states)
        return (points, buffers.scenes)
    }

    /// Total points after the package `mask`, leaving its scene levels and indicator states in `scenes` and
    /// `states` (buffers of the model's sizes, overwritten; the search reuses them from node to node).
    func project(_ mask: UInt64, scenes: inout [Int], states: inout [State]) -> Int {
        for s in baseScenes.indices { scenes[s] = baseScenes[s] }
        for k in indicators.indices { states[k] = indicators[k].base }
        var m = mask
        var investment = 0
        while m != 0 {
            let i = m.trailingZeroBitCount
            m &= m &- 1
            investment += items[i].cost.low
            for (s, level) in sceneChanges[items[i].scenes] where scenes[s] < level { scenes[s] = level }
            for (k, effect) in effectChanges[items[i].effects] { Self.apply(effect, to: &states[k]) }
        }
        if mask & moduleMask != 0 {
            for (s, level) in retrofitScenes where scenes[s] < level { scenes[s] = level }
            for (k, effect) in retrofitEffects { Self.apply(effect, to: &states[k]) }
        }
        if let funding {
            if let share = Planner.fundingShare(states[funding.indicator].number, revenueWan: funding.revenueWan, years: funding.years,
                                                investmentYuan: investment) {
                states[funding.indicator].number = share
                states[funding.indicator].touched = true
            }
        }
        var points = fixedPoints
        for k in indicators.indices {
            points += states[k].touched ? score(k, states[k]) : indicators[k].original
        }
        return points
    }

    /// Whether `extend` may be used: no item's or the retrofit's change touches the funding indicator, whose answer
    /// is then its diagnosed one plus the package's investment share, whatever else the package holds.
    var extendable: Bool {
        guard let f = funding?.indicator else { return true }
        return !effectChanges.contains { $0.indicator == f } && !retrofitEffects.contains { $0.indicator == f }
    }

    /// The projection of `mask` worked out from that of `parent`, a subset of it, whose scene levels and indicator
    /// states are in `scenes` and `states` and whose points are `parentPoints`; returns what `project(mask, ...)`
    /// returns and leaves what it leaves. Every change only raises an answer or a scene (union, maximum), so the
    /// added items' changes applied on top give the same states, and only the indicators they touch change points.
    /// Only for a model that is `extendable`.
    func extend(_ parent: UInt64, points parentPoints: Int, to mask: UInt64, scenes: inout [Int], states: inout [State]) -> Int {
        var points = parentPoints
        func contribution(_ k: Int, _ state: State) -> Int { state.touched ? score(k, state) : indicators[k].original }
        func change(_ k: Int, _ effect: Effect) {
            let before = states[k]
            Self.apply(effect, to: &states[k])
            let after = states[k]
            guard before.options != after.options || before.number != after.number || before.option != after.option
                    || before.touched != after.touched else { return }
            points += contribution(k, after) - contribution(k, before)
        }
        var added = mask & ~parent
        while added != 0 {
            let i = added.trailingZeroBitCount
            added &= added &- 1
            for (s, level) in sceneChanges[items[i].scenes] where scenes[s] < level { scenes[s] = level }
            for (k, effect) in effectChanges[items[i].effects] { change(k, effect) }
        }
        if parent & moduleMask == 0 && mask & moduleMask != 0 {
            for (s, level) in retrofitScenes where scenes[s] < level { scenes[s] = level }
            for (k, effect) in retrofitEffects { change(k, effect) }
        }
        if let funding {
            let k = funding.indicator
            let before = contribution(k, states[k])
            states[k] = indicators[k].base
            if let share = Planner.fundingShare(states[k].number, revenueWan: funding.revenueWan, years: funding.years,
                                                investmentYuan: cost(mask).low) {
                states[k].number = share
                states[k].touched = true
            }
            points += contribution(k, states[k]) - before
        }
        return points
    }

    /// The level `points` and `scenes` reach.
    func level(points: Int, scenes: [Int]) -> Int { evaluateLevel(points, scenes) }

    /// Whether a package with `points` and `scenes` reaches `level` (`level(points:scenes:) >= level`): only the
    /// rules of that level or higher are checked, points before scenes.
    func reaches(_ level: Int, points: Int, scenes: [Int]) -> Bool {
        rules.contains { $0.level >= level && met($0, points, scenes) }
    }

    static func apply(_ effect: Effect, to state: inout State) {
        state.touched = true
        switch effect {
        case let .addOptions(bits): state.options |= bits
        case let .atLeastNumber(n): if (state.number ?? -.infinity) < n { state.number = n }
        case let .atLeastOption(target): if (state.option ?? -1) < target { state.option = target }
        }
    }

    /// The points of indicator `k` with the answer `state`.
    func score(_ k: Int, _ state: State) -> Int {
        let table = indicators[k].table
        var points = 0
        switch indicators[k].scoring {
        case .options:
            var bits = state.options
            while bits != 0 {
                let j = bits.trailingZeroBitCount
                bits &= bits &- 1
                if j < table.count { points += scoringPoints[table.lowerBound + j] }
            }
        case .bands:
            guard let n = state.number else { return 0 }
            for b in table where bandLimits[b].map({ n <= $0 }) ?? true {
                points = scoringPoints[b]
                break
            }
        case .option:
            guard let j = state.option, j >= 0, j < table.count else { return 0 }
            points = scoringPoints[table.lowerBound + j]
        }
        return min(points, indicators[k].maxPoints)
    }

    /// The items of `mask` needed by no other item of it.
    func tops(_ mask: UInt64) -> UInt64 {
        var needed: UInt64 = 0
        var m = mask
        while m != 0 {
            let i = m.trailingZeroBitCount
            m &= m &- 1
            needed |= items[i].closure & ~(UInt64(1) << UInt64(i))
        }
        return mask & ~needed
    }

    /// Whether two items of `mask` exclude each other.
    func hasConflict(_ mask: UInt64) -> Bool {
        var m = mask
        while m != 0 {
            let i = m.trailingZeroBitCount
            m &= m &- 1
            if items[i].conflicts & mask != 0 { return true }
        }
        return false
    }
}

extension Planner {
    /// The items the search may add for this diagnosis: modules neither in place nor ruled out (whose
    /// requirements are not ruled out either), and measures whose answers are not all given yet.
    /// `decisions` carry each module's status and the cost it would have in the package.
    func packageModel(_ diagnosis: Diagnosis, _ decisions: [ModuleDecision], measureCosts: [CostRange], measureUseful: [Bool]) -> PackageModel {
        let values = diagnosis.slotAnswers.using(prepared.slots).values
        let diag = prepared.diagnosis
        let sceneOfSlot = diag.sceneOfSlot, indicatorsOfSlot = diag.indicatorsOfSlot

        // Modelled indicators: those some change can reach.
        var modelled: [Int] = []  // DiagnosisTables indicator indices
        var modelIndex: [Int: Int] = [:]
        func model(_ k: Int) -> Int {
            if let m = modelIndex[k] { return m }
            modelIndex[k] = modelled.count
            modelled.append(k)
            return modelled.count - 1
        }
        func convert(_ changes: [PlanTables.PreparedChange]) -> (scenes: [(Int, Int)], effects: [(Int, PackageModel.Effect)]) {
            var scenes: [(Int, Int)] = [], effects: [(Int, PackageModel.Effect)] = []
            for change in changes {
                switch change {
                case let .add(slot, _, firstOfID, adding):
                    var bits: UInt64 = 0
                    for j in adding.indices where adding[j] && firstOfID[j] < 64 { bits |= UInt64(1) << UInt64(firstOfID[j]) }
                    for k in indicatorsOfSlot[slot] ?? [] { effects.append((model(k), .addOptions(bits))) }
                case let .atLeastNumber(slot, n):
                    if let s = sceneOfSlot[slot], n.isFinite { scenes.append((s, Int(max(0, min(4, n))))) }
                    for k in indicatorsOfSlot[slot] ?? [] { effects.append((model(k), .atLeastNumber(n))) }
                case let .atLeastOption(slot, _, target, _):
                    for k in indicatorsOfSlot[slot] ?? [] { effects.append((model(k), .atLeastOption(target))) }
                }
            }
            return (scenes, effects)
        }

        var items: [PackageModel.Item] = []
        var sceneChanges: [PackageModel.SceneChange] = [], effectChanges: [PackageModel.EffectChange] = []
        /// Appends an item's changes to the flat lists; their positions.
        func store(_ scenes: [(Int, Int)], _ effects: [(Int, PackageModel.Effect)]) -> (Range<Int>, Range<Int>) {
            let s = sceneChanges.count, e = effectChanges.count
            for (scene, level) in scenes { sceneChanges.append((scene, level)) }
            for (k, effect) in effects { effectChanges.append((k, effect)) }
            return (s..<sceneChanges.count, e..<effectChanges.count)
        }
        var itemOfModule = [Int?](repeating: nil, count: decisions.count)
        let available = decisions.map { $0.status != .excluded && $0.status != .satisfied }
        // A module whose requirements (through other modules) include a ruled-out one cannot be chosen.
        var blocked = [Bool](repeating: false, count: decisions.count)
        // The walks through requirements below share one stack, and each walk has its own number: a module is
        // seen in a walk when its entry of `seenIn` holds that walk's number (no set to build and free per walk).
        var stack: [Int] = []
        var seenIn = [Int](repeating: -1, count: decisions.count)
        /// Whether `r` is seen for the first time in walk `walk` (and marks it seen).
        func firstSeen(_ r: Int, in walk: Int) -> Bool {
            guard seenIn[r] != walk else { return false }
            seenIn[r] = walk
            return true
        }
        for i in decisions.indices where available[i] {
            stack.removeAll(keepingCapacity: true)
            stack.append(i)
            seenIn[i] = i
            while let j = stack.popLast() {
                for r in tables.modules[j].requires where firstSeen(r, in: i) {
                    if decisions[r].status == .excluded { blocked[i] = true }
                    if available[r] { stack.append(r) }
                }
            }
        }
        for i in decisions.indices where available[i] && !blocked[i] {
            if items.count == PackageModel.capacity { break }
            let m = tables.modules[i]
            var (scenes, effects) = convert(m.brings)
            for r in m.raises { if let s = sceneOfSlot[r.slot] { scenes.append((s, r.level)) } }
            let weight = Int((decisions[i].score * 1000).rounded())
            itemOfModule[i] = items.count
            let (sceneRange, effectRange) = store(scenes, effects)
            items.append(.init(module: i, measure: nil, cost: decisions[i].cost, weight: weight, scenes: sceneRange, effects: effectRange))
        }
        let moduleItems = items.count
        // The measures offered: those not in place, as many as fit, less any that requires a measure neither in
        // place nor offered (pay rules for digital staff without a digital lead).
        var offered = Array(industry.measures.indices.filter { measureUseful[$0] }.prefix(PackageModel.capacity - items.count))
        while let k = offered.firstIndex(where: { k in tables.measures[k].requires.contains { measureUseful[$0] && !offered.contains($0) } }) {
            offered.remove(at: k)
        }
        var itemOfMeasure = [Int?](repeating: nil, count: industry.measures.count)
        for k in offered {
            let (scenes, effects) = convert(tables.measures[k].brings)
            let (sceneRange, effectRange) = store(scenes, effects)
            itemOfMeasure[k] = items.count
            items.append(.init(module: nil, measure: k, cost: measureCosts[k], weight: 0, scenes: sceneRange, effects: effectRange))
        }
        // Requirements and conflicts as masks over items.
        for n in 0..<moduleItems {
            let i = items[n].module!
            var closure = UInt64(1) << UInt64(n)
            // Walk numbers from `decisions.count` on: none of the walks above used them.
            let walk = decisions.count + i
            stack.removeAll(keepingCapacity: true)
            stack.append(i)
            seenIn[i] = walk
            while let j = stack.popLast() {
                for r in tables.modules[j].requires where firstSeen(r, in: walk) {
                    if let item = itemOfModule[r] { closure |= UInt64(1) << UInt64(item); stack.append(r) }
                }
            }
            items[n].closure = closure
            for x in tables.modules[i].excludes {
                if let item = itemOfModule[x] {
                    items[n].conflicts |= UInt64(1) << UInt64(item)
                    items[item].conflicts |= UInt64(1) << UInt64(n)
                }
            }
        }
        // A measure brings the measures it requires (and theirs), unless the enterprise has what they bring
        // already: those are no items.
        for n in moduleItems..<items.count {
            var closure = UInt64(1) << UInt64(n)
            var pending = tables.measures[items[n].measure!].requires
            while let r = pending.popLast() {
                guard let item = itemOfMeasure[r], closure & (UInt64(1) << UInt64(item)) == 0 else { continue }
                closure |= UInt64(1) << UInt64(item)
                pending.append(contentsOf: tables.measures[r].requires)
            }
            items[n].closure = closure
        }
        // Every module brings the measures the retrofit needs (and what they require), unless in place.
        var retrofitClosure: UInt64 = 0
        for k in tables.retrofitMeasures { if let item = itemOfMeasure[k] { retrofitClosure |= items[item].closure } }
        for n in 0..<moduleItems { items[n].closure |= retrofitClosure }

        let retrofit = convert(tables.retrofitBrings)
        var funding: (indicator: Int, revenueWan: Double?, years: Int)?
        if let share = tables.investmentShare, let k = indicatorsOfSlot[share.slot]?.first {
            funding = (model(k), Planner.number(values[share.revenueSlot]), share.years)
        }
        var fixed = diagnosis.total
        var scoringPoints: [Int] = [], bandLimits: [Double?] = []
        let indicators: [PackageModel.Indicator] = modelled.map { k in
            let i = diag.indicators[k]
            let original = diagnosis.indicators[k].points
            fixed -= original
            var state = PackageModel.State()
            let scoring: PackageModel.Indicator.Scoring
            let options = questionnaire.ordered[i.slot].options
            switch values[i.slot] {
            case let .options(ids)?:
                for id in ids { if let j = options.firstIndex(where: { $0.id == id }), j < 64 { state.options |= UInt64(1) << UInt64(j) } }
            case let .number(n)?: state.number = n
            case let .option(id)?: state.option = options.firstIndex { $0.id == id }
            default: break
            }
            let start = scoringPoints.count
            switch questionnaire.ordered[i.slot].kind {
            case .multi, .single:
                scoring = questionnaire.ordered[i.slot].kind == .multi ? .options : .option
                for points in i.pointsByOption {
                    scoringPoints.append(points)
                    bandLimits.append(nil)
                }
            default:
                scoring = .bands
                for band in i.bands {
                    scoringPoints.append(band.points)
                    bandLimits.append(band.upTo)
                }
            }
            return .init(scoring: scoring, table: start..<scoringPoints.count, maxPoints: i.maxPoints, original: original, base: state)
        }
        return PackageModel(
            items: items, indicators: indicators, sceneChanges: sceneChanges, effectChanges: effectChanges,
            scoringPoints: scoringPoints, bandLimits: bandLimits, baseScenes: diagnosis.scenes.map(\.level), mandatory: diag.scenes.map(\.mandatory),
            rules: diag.levels.map { .init(level: $0.level, score: milli($0.minScore), scenes: $0.minScenes, mandatory: $0.minMandatory) },
            fixedPoints: fixed, retrofitScenes: retrofit.scenes, retrofitEffects: retrofit.effects, funding: funding,
            moduleMask: moduleItems == 64 ? ~0 : (UInt64(1) << UInt64(moduleItems)) - 1)
    }
}
