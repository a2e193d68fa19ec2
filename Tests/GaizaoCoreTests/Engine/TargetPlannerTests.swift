@testable import GaizaoCore
import Testing

/// The target-level planner against brute force: on small catalogs made from the shipped ones (a few modules
/// with random costs, requirements, exclusions and must-haves, a few measures), every package of the items is
/// projected with the real diagnosis, and the cheapest package per level and the best package within a
/// budget must be what the planner found.
@Suite struct TargetPlannerTests {
    /// A small variant of `industry`: `moduleCount` of its modules (random costs and links), `measureCount` measures.
    static func smallCatalog(_ seed: UInt64, modules moduleCounts: ClosedRange<Int> = 4...7) -> (Catalog, Industry) {
        var rng = SeededRandom(seed: seed &* 7919)
        let base = Shipped.catalog
        let original = base.industries[Int(seed % UInt64(base.industries.count))]
        var modules = original.modules.shuffled(using: &rng).prefix(Int.random(in: moduleCounts, using: &rng)).map { $0 }
        let ids = Set(modules.map(\.id))
        for i in modules.indices {
            modules[i].requires = []
            modules[i].excludes = []
            for band in base.manifest.sizeBands.map(\.id) {
                let low = Int.random(in: 0...30, using: &rng) * 5_000
                modules[i].cost[band] = CostRange(low: low, high: low + Int.random(in: 0...40, using: &rng) * 5_000)
            }
            if i > 0 && Int.random(in: 0..<3, using: &rng) == 0 {
                modules[i].requires = [LocatedText(modules[Int.random(in: 0..<i, using: &rng)].id, at: nil)]
            }
            if i > 1 && Int.random(in: 0..<5, using: &rng) == 0 {
                let other = modules[Int.random(in: 0..<i, using: &rng)].id
                if !modules[i].requiredIDs.contains(other) { modules[i].excludes = [LocatedText(other, at: nil)] }
            }
        }
        var rules = original.rules.filter { r in r.effect.moduleID.map(ids.contains) ?? true }
        for k in rules.indices where Int.random(in: 0..<12, using: &rng) == 0 {
            if case .recommend = rules[k].effect { rules[k].must = true }
        }
        var industry = original
        industry.modules = modules
        industry.rules = rules
        industry.measures = original.measures.shuffled(using: &rng).prefix(Int.random(in: 1...4, using: &rng)).map { $0 }
        for k in industry.measures.indices {
            industry.measures[k].requires = []
            if k > 0 && Int.random(in: 0..<3, using: &rng) == 0 {
                industry.measures[k].requires = [LocatedText(industry.measures[Int.random(in: 0..<k, using: &rng)].id, at: nil)]
            }
        }
        let catalog = Catalog(manifest: base.manifest, maturity: base.maturity, policies: base.policies, commonSections: base.commonSections,
                              industries: [industry], overlays: [], hash: base.hash)
        return (catalog, industry)
    }

    /// Everything brute force needs about one enterprise, derived without the search.
    struct Case {
        let planner: Planner
        let diagnosis: Diagnosis
        let decisions: [ModuleDecision]
        let measures: [MeasureDecision]
        /// Available modules and measures, as (module index or nil, measure index or nil).
        let items: [(module: Int?, measure: Int?)]
        /// The must-haves the planner keeps: in module order, each available one whose requirements do not
        /// conflict with those kept before it (a conflicting must-have is reported as a risk, not forced).
        let kept: Set<Int>

        init(_ catalog: Catalog, _ industry: Industry, seed: UInt64) {
            let engine = Engine(catalog: catalog)
            let sheet = SyntheticAnswers.sheet(for: industry, catalog: catalog, seed: seed)
            diagnosis = try! engine.run(sheet, target: .none).diagnosis
            planner = Planner(catalog: catalog, industry: industry)
            let answers = diagnosis.slotAnswers.using(planner.prepared.slots).values
            let fired = planner.tables.ruleConditions.map { $0.evaluate(answers).isTrue }
            decisions = planner.decideModules(fired, band: diagnosis.sizeBand.id, overlay: nil, answers: diagnosis.slotAnswers.using(planner.prepared.slots))
            measures = planner.measureDecisions(answers, band: diagnosis.sizeBand.id)
            var items: [(Int?, Int?)] = []
            for i in decisions.indices where decisions[i].status != .excluded && decisions[i].status != .satisfied {
                // Blocked: something it needs (through others) is ruled out.
                var stack = [i], seen: Set<Int> = [i], blocked = false
                while let j = stack.popLast() {
                    for r in planner.tables.modules[j].requires where seen.insert(r).inserted {
                        if decisions[r].status == .excluded { blocked = true }
                        if decisions[r].status != .satisfied { stack.append(r) }
                    }
                }
                if !blocked { items.append((i, nil)) }
            }
            for k in measures.indices where measures[k].status != .satisfied { items.append((nil, k)) }
            self.items = items
            let available = Set(items.compactMap { $0.0 })
            let moduleTables = planner.tables.modules
            var keep = Set<Int>()
            for i in decisions.indices where decisions[i].must && decisions[i].status != .satisfied && available.contains(i) {
                var closure: Set<Int> = [i], stack = [i]
                while let j = stack.popLast() {
                    for r in planner.tables.modules[j].requires where decisions[r].status != .satisfied && closure.insert(r).inserted { stack.append(r) }
                }
                let with = keep.union(closure)
                let conflict = with.contains { m in moduleTables[m].excludes.contains(where: with.contains) }
                if !conflict { keep = with }
            }
            self.kept = keep
        }

        /// Whether the set (bits over `items`) can be built: requirements present, no two excluding each other,
        /// must-haves in.
        func valid(_ mask: Int) -> Bool {
            let modules = Set(items.indices.filter { mask & (1 << $0) != 0 }.compactMap { items[$0].module })
            for i in modules {
                for r in planner.tables.modules[i].requires where decisions[r].status != .satisfied && !modules.contains(r) { return false }
                for x in planner.tables.modules[i].excludes where modules.contains(x) { return false }
            }
            for i in kept where !modules.contains(i) { return false }
            // A measure needs the measures it requires unless the enterprise has what they bring already.
            let chosenMeasures = Set(items.indices.filter { mask & (1 << $0) != 0 }.compactMap { items[$0].measure })
            for k in chosenMeasures {
                for r in planner.tables.measures[k].requires where measures[r].status != .satisfied && !chosenMeasures.contains(r) { return false }
            }
            // A package with a module takes the measures the retrofit needs.
            if !modules.isEmpty {
                for r in planner.tables.retrofitMeasures where measures[r].status != .satisfied && !chosenMeasures.contains(r) { return false }
            }
            return true
        }

        func package(_ mask: Int) -> Package {
            var p = Package.empty
            for n in items.indices where mask & (1 << n) != 0 {
                let cost: CostRange
                if let i = items[n].module { p.modules.append(i); cost = decisions[i].cost } else { p.measures.append(items[n].measure!); cost = measures[items[n].measure!].referenceCost }
                p.investment.low += cost.low
                p.investment.high += cost.high
            }
            p.modules.sort()
            p.measures.sort()
            return p
        }

        func weight(_ mask: Int) -> Int {
            items.indices.filter { mask & (1 << $0) != 0 }.compactMap { items[$0].module }.reduce(0) { $0 + Int((decisions[$1].score * 1000).rounded()) }
        }
    }

    @Test(arguments: UInt64(1)...220)
    func cheapestPackagePerLevelAndBestWithinBudgetMatchBruteForce(seed: UInt64) throws {
        let (catalog, industry) = Self.smallCatalog(seed)
        let c = Case(catalog, industry, seed: seed)
        try #require(c.items.count <= 12)
        // Every valid package: (cost key, level, points, high cost, weight).
        var all: [(mask: Int, cost: Int, count: Int, weight: Int, level: Int, points: Int, high: Int)] = []
        for mask in 0..<(1 << c.items.count) where c.valid(mask) {
            let p = c.package(mask)
            let d = c.planner.project(c.diagnosis, p, .conservative)
            all.append((mask, p.investment.low + p.investment.high, mask.nonzeroBitCount, c.weight(mask), d.level, d.total, p.investment.high))
        }
        let plan = c.planner.plan(c.diagnosis, options: PlanOptions(target: .level(2)))
        for step in plan.ladder {
            let best = all.filter { $0.level >= step.level }.min { ($0.cost, $0.count, -$0.weight) < ($1.cost, $1.count, -$1.weight) }
            #expect(step.reachable == (best != nil), "seed \(seed) level \(step.level)")
            if let best, step.reachable {
                #expect(step.investment.low + step.investment.high == best.cost, "seed \(seed) level \(step.level)")
                #expect(step.modules.count + step.measures.count == best.count, "seed \(seed) level \(step.level)")
            }
        }
        // Within a budget: highest level, then points, then least cost, then rule weight and fewest items.
        var rng = SeededRandom(seed: seed)
        let budget = Int.random(in: 0...60, using: &rng) * 10_000
        let fits = all.filter { $0.high <= budget }
        let withBudget = c.planner.plan(c.diagnosis, options: PlanOptions(budgetYuan: budget, target: .level(2)))
        guard let best = fits.max(by: { ($0.level, $0.points, -$0.cost, $0.weight, -$0.count) < ($1.level, $1.points, -$1.cost, $1.weight, -$1.count) }) else {
            #expect(withBudget.budgetShortfall != nil, "seed \(seed): no package fits \(budget) yuan")
            return
        }
        #expect(withBudget.budgetShortfall == nil)
        #expect(withBudget.projected.level == best.level, "seed \(seed)")
        #expect(withBudget.projected.total == best.points, "seed \(seed)")
        #expect(withBudget.investment.low + withBudget.investment.high == best.cost, "seed \(seed)")
        #expect(withBudget.investment.high <= budget)
    }

    /// `PackageSearch.best` against brute force over its own model (held equal to the projection by
    /// `packageModelAgreesWithTheProjection`), on up to 14 items and five budgets per catalog, from none to more
    /// than everything: the package found ranks as the best valid package within the budget (level, points, least
    /// investment, rule weight, fewest items), and is itself valid.
    @Test(arguments: UInt64(1)...220)
    func bestWithinBudgetMatchesBruteForceOverTheModel(seed: UInt64) throws {
        let (catalog, industry) = Self.smallCatalog(seed, modules: 6...10)
        let c = Case(catalog, industry, seed: seed)
        let model = c.planner.packageModel(c.diagnosis, c.decisions, measureCosts: c.measures.map(\.referenceCost),
                                           measureUseful: c.measures.map { $0.status != .satisfied })
        try #require(model.items.count <= 14)
        var risks: [Risk] = []
        let forced = c.planner.mustHaves(model, c.decisions, &risks)
        typealias Rank = (level: Int, points: Int, negativeCost: Int, weight: Int, negativeCount: Int)
        func rank(_ mask: UInt64) -> Rank {
            let o = model.evaluate(mask)
            let cost = model.cost(mask)
            let weight = model.items.indices.filter { mask & (UInt64(1) << UInt64($0)) != 0 }.reduce(0) { $0 + model.items[$1].weight }
            return (o.level, o.points, -(cost.low + cost.high), weight, -mask.nonzeroBitCount)
        }
        func valid(_ mask: UInt64) -> Bool {
            guard mask & forced == forced, !model.hasConflict(mask) else { return false }
            return model.items.indices.allSatisfy { i in mask & (UInt64(1) << UInt64(i)) == 0 || model.items[i].closure & ~mask == 0 }
        }
        let packages = (UInt64(0)..<(UInt64(1) << UInt64(model.items.count))).filter(valid).map { (mask: $0, high: model.cost($0).high, rank: rank($0)) }
        let everything = model.cost(packages.map(\.mask).reduce(0, |)).high
        var rng = SeededRandom(seed: seed &* 104_729)
        let budgets = [model.cost(forced).high, everything + 1] + (0..<3).map { _ in Int.random(in: 0...max(1, everything), using: &rng) }
        for budget in budgets where model.cost(forced).high <= budget {
            var search = PackageSearch(model)
            let found = search.best(forced: forced, budget: budget)
            #expect(search.complete)
            #expect(valid(found) && model.cost(found).high <= budget, "seed \(seed) budget \(budget): invalid package")
            let best = packages.filter { $0.high <= budget }.map(\.rank).max { $0 < $1 }
            let got = rank(found)
            #expect(best.map { $0 == got } == true, "seed \(seed) budget \(budget): found \(got), brute force \(String(describing: best))")
        }
    }

    /// A budget search stopped by its node limit still returns a valid package within the budget, with the
    /// must-haves, and says it is not proven best.
    @Test(arguments: UInt64(1)...40)
    func aBudgetSearchCutShortIsValidAndFlagged(seed: UInt64) throws {
        let (catalog, industry) = Self.smallCatalog(seed, modules: 6...10)
        let c = Case(catalog, industry, seed: seed)
        let model = c.planner.packageModel(c.diagnosis, c.decisions, measureCosts: c.measures.map(\.referenceCost),
                                           measureUseful: c.measures.map { $0.status != .satisfied })
        var risks: [Risk] = []
        let forced = c.planner.mustHaves(model, c.decisions, &risks)
        let budget = model.cost(forced).high + 300_000
        for limit in [1, 2, 5] {
            var search = PackageSearch(model, nodeLimit: limit)
            let found = search.best(forced: forced, budget: budget)
            #expect(found & forced == forced && !model.hasConflict(found) && model.cost(found).high <= budget, "seed \(seed)")
            #expect(model.items.indices.allSatisfy { i in found & (UInt64(1) << UInt64(i)) == 0 || model.items[i].closure & ~found == 0 })
            #expect(search.complete == (search.nodes <= limit), "seed \(seed) limit \(limit): \(search.nodes) nodes")
        }
    }

    /// For each shipped industry: the case of `seed` and its package model, built as the planner builds it.
    static func shippedModels(_ seed: UInt64) -> [(industry: Industry, c: Case, model: PackageModel)] {
        Shipped.catalog.industries.map { industry in
            let c = Case(Shipped.catalog, industry, seed: seed)
            let model = c.planner.packageModel(c.diagnosis, c.decisions, measureCosts: c.measures.map(\.referenceCost),
                                               measureUseful: c.measures.map { $0.status != .satisfied })
            return (industry, c, model)
        }
    }

    /// The search's fast evaluator gives the level and points of the real projection for random packages.
    @Test(arguments: UInt64(1)...60)
    func packageModelAgreesWithTheProjection(seed: UInt64) throws {
        for (industry, c, model) in Self.shippedModels(seed) {
            var rng = SeededRandom(seed: seed &* 31)
            for _ in 0..<25 {
                let mask = UInt64.random(in: 0...UInt64.max, using: &rng) & (model.items.count == 64 ? ~0 : (UInt64(1) << UInt64(model.items.count)) - 1)
                var p = Package.empty
                for n in model.items.indices where mask & (UInt64(1) << UInt64(n)) != 0 {
                    if let i = model.items[n].module { p.modules.append(i) }
                    if let k = model.items[n].measure { p.measures.append(k) }
                    p.investment.low += model.items[n].cost.low
                    p.investment.high += model.items[n].cost.high
                }
                p.modules.sort()
                p.measures.sort()
                let real = c.planner.project(c.diagnosis, p, .conservative)
                let fast = model.evaluate(mask)
                #expect(fast.level == real.level && fast.points == real.total, "seed \(seed) \(industry.id) mask \(mask)")
                // Projected from a random part of it, as the search does, the package projects the same.
                guard model.extendable else { continue }
                let parent = mask & UInt64.random(in: 0...UInt64.max, using: &rng)
                var buffers = model.projectionBuffers()
                let parentPoints = model.project(parent, scenes: &buffers.scenes, states: &buffers.states)
                let extended = model.extend(parent, points: parentPoints, to: mask, scenes: &buffers.scenes, states: &buffers.states)
                #expect(extended == fast.points && model.level(points: extended, scenes: buffers.scenes) == fast.level,
                        "seed \(seed) \(industry.id) mask \(mask) from \(parent)")
            }
        }
    }

    /// The adaptive incumbent, taken late in a long search, only prunes: taken at the first node, or never, the
    /// search returns the same package for every level (on the shipped catalogs searches end before the default
    /// node count, so this is what exercises it).
    @Test(arguments: UInt64(1)...40)
    func lateIncumbentChangesNoPackage(seed: UInt64) throws {
        for (industry, _, model) in Self.shippedModels(seed) {
            for level in 1...4 {
                var early = PackageSearch(model, lateIncumbentNodes: 1)
                var never = PackageSearch(model, lateIncumbentNodes: .max)
                var standard = PackageSearch(model)
                let expected = never.cheapest(reaching: level, forced: 0, budget: nil)
                #expect(early.cheapest(reaching: level, forced: 0, budget: nil) == expected, "seed \(seed) \(industry.id) level \(level)")
                #expect(standard.cheapest(reaching: level, forced: 0, budget: nil) == expected, "seed \(seed) \(industry.id) level \(level)")
                #expect(early.complete && never.complete)
                // Bounding from the first node can only cut nodes.
                #expect(early.nodes <= never.nodes, "seed \(seed) \(industry.id) level \(level)")
            }
        }
    }

    /// Modules start after the modules they need end, and no more run at once than there are workstreams.
    @Test(arguments: UInt64(1)...40)
    func scheduleRespectsRequirementsAndWorkstreams(seed: UInt64) throws {
        let catalog = PlanDependencyTests.catalog
        for industry in catalog.industries {
            let sheet = SyntheticAnswers.sheet(for: industry, catalog: catalog, seed: seed)
            let plan = try Engine(catalog: catalog).run(sheet, target: seed % 2 == 0 ? .none : .level(3)).plan
            let byID = Dictionary(plan.decisions.map { ($0.moduleID, $0) }, uniquingKeysWith: { a, _ in a })
            for d in plan.selected {
                let start = try #require(d.startWeek), end = try #require(d.endWeek)
                #expect(end - start == d.durationWeeks)
                for r in industry.module(d.moduleID)?.requiredIDs ?? [] {
                    guard let req = byID[r], req.status.isSelected, r != d.moduleID else { continue }
                    // A requirement cycle (these variants have one) cannot be ordered; everything else is.
                    var seen: Set<String> = [r], stack = [r], cyclic = false
                    while let x = stack.popLast() {
                        for y in industry.module(x)?.requiredIDs ?? [] where byID[y]?.status.isSelected == true {
                            if y == d.moduleID { cyclic = true }
                            if seen.insert(y).inserted { stack.append(y) }
                        }
                    }
                    if !cyclic { #expect(start >= req.endWeek!, "\(d.moduleID) starts before \(r) ends") }
                }
            }
            let weeks = plan.selected.compactMap(\.endWeek).max() ?? 0
            for week in 0..<weeks {
                let running = plan.selected.filter { $0.startWeek! <= week && week < $0.endWeek! }.count
                #expect(running <= plan.workstreams, "week \(week): \(running) modules at once")
            }
            #expect(plan.durationWeeks >= weeks)
        }
    }

    @Test func unreachableTargetSaysWhyAndAimsAtTheBestReachable() throws {
        let sheet = Shipped.example("home-appliance-advanced.yaml")
        let out = try Engine(catalog: Shipped.catalog).run(sheet, target: .level(4))
        #expect(out.plan.target.level == 4)
        #expect(!out.plan.target.reached)
        #expect(!out.plan.target.missing.isEmpty)
        #expect(out.plan.target.missing.allSatisfy { $0.zh.contains("四级") && $0.en.contains("level 4") })
        let four = try #require(out.plan.ladder.first { $0.level == 4 })
        #expect(!four.reachable)
        #expect(out.plan.projected.level >= out.diagnosis.level)
        #expect(out.proposal.target?.reached == false)
        // Reasons name what the package aims at, not the target it cannot reach.
        let reasons = out.plan.decisions.flatMap(\.reasons).filter { $0.kind == .target }.map(\.text)
        #expect(!reasons.isEmpty)
        for r in reasons {
            #expect(r.zh.hasPrefix("目标四级无法达到；达到可达的最高等级三级") && !r.zh.contains("达到目标四级"), "\(r.zh)")
            #expect(r.en.hasPrefix("the target of level 4 is out of reach; "), "\(r.en)")
        }
    }

    /// Within a budget that cannot reach the target, modules left out are left out for the budget, not "not
    /// needed for the target"; those in the package are what the budget buys.
    @Test func aBudgetShortOfTheTargetSaysSoInEveryReason() throws {
        let out = try Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-midsize.yaml"), budgetYuan: 300_000, target: .level(3))
        #expect(!out.plan.target.reached)
        let left = out.plan.decisions.filter { $0.status == .notChosen }
        #expect(!left.isEmpty)
        // What the cheapest package for level 3 has and this one lacks was cut for the budget: reasons of kind
        // `budget`, items offered as next steps; the rest is what the budget did not reach.
        let step = try #require(out.plan.ladder.first { $0.level == 3 && $0.reachable })
        let cut = Set(step.modules).union(step.measures)
        #expect(left.contains { cut.contains($0.moduleID) })
        for d in left {
            if cut.contains(d.moduleID) {
                #expect(d.reasons.contains { $0.kind == .budget && $0.text.zh.hasPrefix("为控制在预算内未纳入；达到目标三级需要此模块") }, "\(d.moduleID): \(d.reasons.map(\.text.zh))")
                #expect(d.role == .recommendedNext)
            } else if d.reasons.contains(where: { $0.kind == .conflict }) {
                // It excludes a module of the package: no next step, and it says which.
                #expect(d.role == .notNeeded && d.reasons.contains { $0.text.zh.hasPrefix("与本方案中的「") }, "\(d.moduleID)")
            } else {
                #expect(d.reasons.contains { $0.kind == .target && $0.text.zh.hasPrefix("预算内未纳入此模块（方案达不到目标三级）") }, "\(d.moduleID): \(d.reasons.map(\.text.zh))")
            }
            #expect(!d.reasons.contains { $0.text.zh.contains("达到目标三级不需要") })
        }
        for m in out.plan.measures where m.status == .notChosen && cut.contains(m.measureID) {
            #expect(m.reasons.contains { $0.kind == .budget && $0.text.en == "left out to stay within the budget; the target of level 3 needs it" })
            #expect(m.role == .recommendedNext)
        }
        for d in out.plan.selected where d.role == .target {
            #expect(d.reasons.contains { $0.text.zh.hasPrefix("在预算内提升等级和得分所需") }, "\(d.moduleID)")
        }
    }

    @Test func defaultTargetIsLevelTwoBelowTwoElseTheNextLevel() throws {
        for name in Shipped.exampleNames {
            let out = try Engine(catalog: Shipped.catalog).run(Shipped.example(name))
            let expected = out.diagnosis.level < 2 ? 2 : min(out.diagnosis.level + 1, 4)
            #expect(out.plan.target.level == expected, "\(name)")
            #expect(out.plan.target.source == .default)
            // No dead weight: every module of the package is needed, a prerequisite or a must-have.
            for d in out.plan.selected { #expect(d.role.inPackage, "\(name) \(d.moduleID)") }
            if out.plan.target.reached { #expect(out.plan.projected.level >= expected, "\(name)") }
        }
    }

    @Test func mustHaveModulesSurviveATightBudgetAndAnImpossibleOneIsAnError() throws {
        var sheet = Shipped.example("auto-parts-midsize.yaml")
        sheet.answers["ap_oem_edi"] = .bool(true)
        let engine = Engine(catalog: Shipped.catalog)
        let free = try engine.run(sheet).plan
        let edi = try #require(free.decision("ap-p-edi"))
        #expect(edi.must && edi.role == .must)
        // The must-have and what it needs, at their high estimate, is the least budget that can hold them.
        let needed = free.selected.filter { $0.role == .must || ($0.role == .prerequisite && $0.requiredBy.contains("ap-p-edi")) }
        let least = needed.reduce(0) { $0 + $1.cost.high }
        let tight = try engine.run(sheet, budgetYuan: least).plan
        #expect(tight.decision("ap-p-edi")?.status.isSelected == true)
        #expect(tight.investment.high <= least)
        #expect(throws: Engine.Failure.self) { try engine.run(sheet, budgetYuan: least - 10_000) }
    }

    /// Within a budget, every module and measure bought raises the level or the points, or is a prerequisite or a
    /// must-have: a module that adds neither is not bought for its rules alone (it is a next step). The reasons say
    /// what removing each would cost, never "stays the same" for a module that is there for the target.
    @Test func aBudgetBuysNoDeadWeight() throws {
        let engine = Engine(catalog: Shipped.catalog)
        for name in Shipped.exampleNames {
            for wan in [5, 15, 40, 80, 150, 300] {
                let sheet = Shipped.example(name)
                guard let out = try? engine.run(sheet, budgetYuan: wan * 10_000) else { continue }  // below the must-haves
                let industry = try #require(Shipped.catalog.industries.first { $0.id == out.diagnosis.industryID })
                let removals = Planner(catalog: Shipped.catalog, industry: industry).removalEffects(out.diagnosis, out.plan)
                let roleOf = Dictionary(uniqueKeysWithValues: out.plan.decisions.map { ($0.moduleID, $0.role) }
                    + out.plan.measures.map { ($0.measureID, $0.role) })
                for r in removals where roleOf[r.id] == .target {
                    let worse = r.level < out.plan.projected.level || r.points < Double(out.plan.projected.total) / 1000
                    #expect(worse, "\(name) budget \(wan) 万元: \(r.id) adds nothing")
                }
                for d in out.plan.selected where d.role == .target {
                    #expect(!d.reasons.contains { $0.text.zh.contains("等级和得分不变") }, "\(name) \(wan): \(d.moduleID)")
                }
            }
        }
    }

    /// A target the catalog can reach but the budget cannot says so, with the least investment the target needs,
    /// and the level is named as the rest of the document names it ("未达一级", not "0级").
    @Test func aTargetMissedForTheBudgetNamesTheBudgetAndTheCostOfTheTarget() throws {
        let out = try Engine(catalog: Shipped.catalog).run(Shipped.example("home-appliance-midsize.yaml"), budgetYuan: 10_000, target: .level(2))
        #expect(!out.plan.target.reached)
        let ladder = try #require(out.plan.ladder.first { $0.level == 2 })
        #expect(ladder.reachable)
        let missing = try #require(out.plan.target.missing.first)
        #expect(missing.zh.hasPrefix("预算 1 万元内最多达到\(Planner.levelName(out.plan.projected.level, .zh))"), "\(missing.zh)")
        #expect(missing.zh.contains("达到目标二级的最低投入为 \(Money.wanRange(ladder.investment.low, ladder.investment.high)) 万元"), "\(missing.zh)")
        #expect(missing.en.contains("within the budget of CNY 10,000"), "\(missing.en)")
        #expect(!missing.zh.contains("0级"))
        // The proposal's headline blames the budget, not the catalog.
        let md = Shipped.renderer.markdown(out.proposal, lang: .zh)
        #expect(md.contains("预算内无法达到"))
        #expect(!md.contains("目录中的模块和措施无法达到"))
    }

    /// A module left out is a next step only where it would take a scene above what the package reaches; its
    /// price is what it adds to the package: its own price in the package (an upgrade at the upgrade price) and
    /// the prerequisites the package lacks, named.
    @Test func aNextStepIsPricedAsItWouldJoinThePackage() throws {
        for name in Shipped.exampleNames {
            let out = try Engine(catalog: Shipped.catalog).run(Shipped.example(name))
            let industry = try #require(Shipped.catalog.industries.first { $0.id == out.diagnosis.industryID })
            let after = out.plan.projected
            for d in out.plan.decisions where d.role == .recommendedNext && d.kind == .standard {
                let module = try #require(industry.modules.first { $0.id == d.moduleID })
                let higher = module.raises.contains { r in (after.scene(r.scene)?.level ?? 0) < r.level }
                #expect(higher || d.score + 1e-9 >= industry.threshold, "\(name): \(d.moduleID) is recommended though the package reaches its scenes")
            }
            for d in out.plan.decisions where d.role == .recommendedNext {
                let text = try #require(d.reasons.last?.text)
                #expect(text.zh.contains("可作为下一步（另需 "), "\(name) \(d.moduleID): \(text.zh)")
                #expect(text.en.contains("a next step (another CNY "), "\(name) \(d.moduleID): \(text.en)")
                #expect(!text.en.contains("万元"), "\(text.en)")
                // Its missing prerequisites are named and priced in.
                let missing = industry.modules.first { $0.id == d.moduleID }!.requiredIDs.filter { id in out.plan.decision(id)?.status.isSelected != true }
                for id in missing where out.plan.decision(id)?.status != .satisfied {
                    let prerequisite = try #require(industry.modules.first { $0.id == id })
                    #expect(text.zh.contains(prerequisite.name.zh), "\(name) \(d.moduleID): \(text.zh) lacks \(id)")
                }
            }
        }
        // The upgrade price, not the new-build one: home-appliance-midsize's ERP is upgraded, not replaced.
        let sheet = Shipped.example("home-appliance-midsize.yaml")
        let erp = try #require(try Engine(catalog: Shipped.catalog).run(sheet).plan.decision("ha-s-erp"))
        #expect(erp.role == .recommendedNext)
        let inPackage = try #require(try Engine(catalog: Shipped.catalog).run(sheet, target: .none).plan.decision("ha-s-erp"))
        #expect(inPackage.status == .upgrade && inPackage.cost != inPackage.referenceCost)
        let text = try #require(erp.reasons.last?.text.zh)
        #expect(text.contains("另需 \(Money.wanRange(inPackage.cost.low, inPackage.cost.high)) 万元"), "\(text)")
    }

    /// A package without modules (home-appliance-midsize reaches level 2 with three measures) reads as one: no
    /// "0 modules are the cheapest combination", no claim that the standard modules are in place, no schedule of
    /// zero modules, no go-live risks, no empty ladder cell.
    @Test func aPackageWithoutModulesSaysSo() throws {
        let out = try Engine(catalog: Shipped.catalog).run(Shipped.example("home-appliance-midsize.yaml"))
        #expect(out.plan.selected.isEmpty && !out.plan.measures.filter { $0.status == .include }.isEmpty)
        for lang in [Lang.zh, .en] {
            let md = Shipped.renderer.markdown(out.proposal, lang: lang)
            let html = Shipped.renderer.html(out.proposal, lang: lang)
            for text in [md, html] {
                #expect(!text.contains("方案包含 0 个模块") && !text.contains("holds 0 modules"))
                #expect(!text.contains("0 个模块按依赖关系排程") && !text.contains("0 modules scheduled"))
                #expect(!text.contains("标准模块均已具备") && !text.contains("Every standard module is already in place"))
                #expect(!text.contains("已达到 | 0 万元 | 0 万元 | 0 周 | ：—") && !text.contains("| ：— |"))
                #expect(!text.contains("系统上线后数据不可信") && !text.contains("the system's data cannot be trusted"))
            }
            #expect(md.contains(lang == .zh ? "本方案不含模块（管理措施见下一节）" : "The package holds no module (management measures follow"))
            #expect(md.contains(lang == .zh ? "无需新增模块或措施" : "nothing to add"))
        }
    }

    /// A risk rule's advice (its `reason`) is the risk's mitigation, in the JSON and in the risk matrix, instead of
    /// the generic "set out the response in the contract".
    @Test func aRiskRulesAdviceIsItsMitigation() throws {
        let out = try Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-small-workshop.yaml"))
        let fromRules = out.proposal.risks.filter { $0.rule != nil }
        #expect(!fromRules.isEmpty)
        let industry = try #require(Shipped.catalog.industries.first { $0.id == out.diagnosis.industryID })
        var covered = 0
        for risk in fromRules {
            let rule = try #require(industry.rules.first { $0.id == risk.rule })
            // A general risk the package resolves says so instead of advising what the package already holds.
            if risk.mitigation?.zh.hasPrefix("本方案已纳入应对的模块或措施") == true {
                covered += 1
                #expect(risk.mitigation?.zh.contains(rule.reason.zh) == true)
                continue
            }
            #expect(risk.mitigation == rule.reason, "\(risk.rule ?? "")")
        }
        // The workshop has no security measures and its package brings them (the network module's firewall, the
        // security rules): that risk is covered; the others keep their rule's advice.
        #expect(covered == 1 && fromRules.count > covered)
        // Built-in risks carry their own mitigation only where the planner writes one (the outcome trends).
        #expect(out.proposal.risks.filter { $0.rule == nil }.allSatisfy { $0.mitigation == nil || $0.text.zh.hasPrefix("保守估算沿用现有的成效指标趋势") })
        let md = Shipped.renderer.markdown(out.proposal, lang: .zh)
        for risk in fromRules { #expect(md.contains(try #require(risk.mitigation).zh), "\(risk.rule ?? "")") }
    }
}
