@testable import GaizaoCore
import Testing

/// Properties that must hold for any enterprise: checked over seeded random answer sheets.
/// The rules-only package (`target: .none`): the target planner has its own brute-force tests (TargetPlannerTests).
@Suite struct PlanPropertyTests {
    static let seeds: [UInt64] = Array(1...150)

    static func sheets() -> [(Industry, AnswerSheet, Int?)] {
        Shipped.catalog.industries.flatMap { industry in
            seeds.map { seed -> (Industry, AnswerSheet, Int?) in
                var rng = SeededRandom(seed: seed &* 7919)
                let budget: Int? = seed % 3 == 0 ? nil : Int.random(in: 20...400, using: &rng) * 10_000
                return (industry, SyntheticAnswers.sheet(for: industry, catalog: Shipped.catalog, seed: seed), budget)
            }
        }
    }

    /// The rules-only plan, or nil when the budget is refused; a refusal is checked to be for standard modules
    /// whose high estimate really exceeds the budget (they are never dropped from a rules-only package).
    static func rulesOnlyPlan(_ engine: Engine, _ sheet: AnswerSheet, budget: Int?) throws -> Plan? {
        do {
            return try engine.run(sheet, budgetYuan: budget, target: .none).plan
        } catch {
            guard case .budgetBelowMustHaves = error, let budget else { throw error }
            let plan = try engine.unchecked(sheet, budgetYuan: budget, target: .none).plan
            let standardHigh = plan.decisions.filter { $0.kind == .standard && $0.status.isSelected }.reduce(0) { $0 + $1.cost.high }
                + retrofitMeasuresHigh(plan)
            #expect(standardHigh > budget, "refused a budget of \(budget) yuan that holds the standard modules (\(standardHigh) yuan)")
            return nil
        }
    }

    /// The high estimate of the measures every package with a module takes (a digital lead), unless in place: a
    /// budget holds them before any personalized module.
    static func retrofitMeasuresHigh(_ plan: Plan) -> Int {
        let ids = Set(Shipped.catalog.manifest.retrofitMeasures.map(\.text))
        return plan.measures.filter { ids.contains($0.measureID) && $0.status != .satisfied }.reduce(0) { $0 + $1.referenceCost.high }
    }

    @Test func budgetRequiresAndExcludesHold() throws {
        let engine = Engine(catalog: Shipped.catalog)
        for (industry, sheet, budget) in Self.sheets() {
            guard let plan = try Self.rulesOnlyPlan(engine, sheet, budget: budget) else { continue }
            let selected = Set(plan.selected.map(\.moduleID))
            // A budget below the standard modules is refused (above), so every package is within its budget.
            if let budget {
                #expect(plan.investment.high <= budget, "budget exceeded for seed sheet \(sheet.answers["company_name"].debugDescription)")
            }
            for id in selected {
                let m = try #require(industry.module(id))
                for r in m.requiredIDs {
                    let status = plan.decision(r)?.status
                    #expect(status?.isSelected == true || status == .satisfied, "\(id) requires \(r), which is \(String(describing: status))")
                }
                for x in m.excludedIDs {
                    #expect(!selected.contains(x), "\(id) and \(x) exclude each other but both are selected")
                }
            }
            #expect(plan.subsidyTotal.high <= plan.investment.high && plan.subsidyTotal.low <= plan.investment.low)
            #expect(plan.netCost.low >= 0 && plan.netCost.high >= plan.netCost.low - (plan.investment.high - plan.investment.low))
            let lastEnd = plan.selected.compactMap(\.endWeek).max() ?? 0
            #expect(plan.durationWeeks == lastEnd)
        }
    }

    @Test func raisingASceneLevelNeverLowersTheScoreOrLevel() throws {
        let catalog = Shipped.catalog
        for (industry, sheet, _) in Self.sheets().prefix(120) {
            let questionnaire = catalog.questionnaire(for: industry)
            let answers = AnswerValidator.effectiveAnswers(sheet, questionnaire)
            let diagnoser = Diagnoser(catalog: catalog)
            let base = diagnoser.diagnose(industry: industry, answers: answers, questionnaire: questionnaire)
            for scene in catalog.maturity.scenes {
                var raised = answers
                let now: Double
                if case let .number(n)? = answers[scene.questionID] { now = n } else { now = 0 }
                guard now < 4 else { continue }
                raised[scene.questionID] = .number(now + 1)
                let after = diagnoser.diagnose(industry: industry, answers: raised, questionnaire: questionnaire)
                #expect(after.total >= base.total)
                #expect(after.level >= base.level)
            }
        }
    }

    @Test func sameInputSameBytesForRandomSheets() throws {
        for (_, sheet, budget) in Self.sheets().prefix(40) {
            let a = try Engine(catalog: Shipped.catalog).unchecked(sheet, budgetYuan: budget, target: .none).proposal.jsonText()
            let b = try Engine(catalog: Shipped.catalog).unchecked(sheet, budgetYuan: budget, target: .none).proposal.jsonText()
            #expect(a == b)
        }
    }

    @Test func syntheticSheetsAreValid() {
        for (industry, sheet, _) in Self.sheets().prefix(60) {
            let problems = AnswerValidator.problems(sheet, Shipped.catalog.questionnaire(for: industry)).filter { $0.severity == .error }
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    /// The budget search is exact: an independent brute force over all sets of candidates finds no valid set
    /// within the budget with a greater total score than the planner's choice.
    @Test func budgetChoiceIsOptimal() throws {
        let engine = Engine(catalog: Shipped.catalog)
        for (industry, sheet, budget) in Self.sheets().prefix(120) {
            guard let budget else { continue }
            // Unchecked: a budget below the standard modules is refused, yet the choice within it is still exact.
            let out = try engine.unchecked(sheet, budgetYuan: budget, target: .none)
            let plan = out.plan
            let answers = out.diagnosis.answers
            let fired = industry.rules.filter { ConditionEvaluator.evaluate($0.when, in: answers).isTrue }
            let ruledOut = Set(fired.compactMap { r -> String? in if case let .exclude(m) = r.effect { return m } else { return nil } })
            func score(_ id: String) -> Double {
                fired.filter { if case .recommend(id) = $0.effect { return true } else { return false } }.reduce(0) { $0 + $1.weight }
            }
            let candidates = industry.personalizedModules.map(\.id).filter { !ruledOut.contains($0) && score($0) >= industry.threshold }
            let standard = plan.decisions.filter { $0.kind == .standard && $0.status.isSelected }
            let room = budget - standard.reduce(0) { $0 + $1.cost.high } - Self.retrofitMeasuresHigh(plan)
            /// `set` with the personalized modules it needs, and whether none of them is ruled out or excluded.
            func closed(_ start: Set<String>) -> (set: Set<String>, valid: Bool) {
                var set = start
                var stack = Array(set), valid = true
                while let id = stack.popLast() {
                    for r in industry.module(id)!.requiredIDs {
                        if ruledOut.contains(r) { valid = false }
                        if industry.module(r)!.kind == .personalized, set.insert(r).inserted { stack.append(r) }
                    }
                }
                let all = set.union(standard.map(\.moduleID))
                if all.contains(where: { id in industry.module(id)!.excludedIDs.contains(where: all.contains) }) { valid = false }
                return (set, valid)
            }
            // Must-haves are in whatever the budget: every set holds them (when they can be chosen at all).
            let musts = candidates.filter { id in fired.contains { r in r.must && { if case .recommend(id) = r.effect { return true } else { return false } }() } }
            let forced = closed(Set(musts))
            let required = forced.valid ? forced.set : []
            var best = 0.0
            for mask in 0..<(1 << candidates.count) {
                let (set, valid) = closed(Set(candidates.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)))
                let cost = set.reduce(0) { $0 + plan.decision($1)!.referenceCost.high }
                if valid && set.isSuperset(of: required) && (cost <= room || set == required) {
                    best = max(best, set.reduce(0) { $0 + score($1) })
                }
            }
            let chosen = plan.decisions.filter { $0.kind == .personalized && $0.status.isSelected }.reduce(0.0) { $0 + $1.score }
            #expect(abs(chosen - best) < 1e-9, "planner chose value \(chosen), brute force found \(best)")
        }
    }
}

/// `explain`'s smallest change really flips the module (applied and re-planned here independently).
@Suite struct FlipSearchTests {
    @Test(arguments: Shipped.exampleNames)
    func smallestChangeFlipsTheModule(_ name: String) throws {
        let sheet = Shipped.example(name)
        let catalog = Shipped.catalog
        let industry = try #require(catalog.industry(sheet.industry))
        let engine = Engine(catalog: catalog)
        let before = try engine.run(sheet, target: .none).plan
        let search = FlipSearch(catalog: catalog, industry: industry)
        var found = 0
        for m in industry.personalizedModules {
            guard let s = search.smallestFlip(m.id, answers: sheet.answers) else { continue }
            found += 1
            var changed = sheet
            for c in s.changes { changed.answers[c.questionID] = c.to }
            let after = try engine.run(changed, target: .none).plan
            let wasIn = try #require(before.decision(m.id)).status.isSelected
            let isIn = try #require(after.decision(m.id)).status.isSelected
            #expect(wasIn != isIn, "\(m.id): applying \(s.changes) did not flip it")
            #expect(s.changes.count <= 2)
        }
        #expect(found > 0)
    }

    /// The change `explain` prints to take a module out of the proposal's package or bring it in (single answers,
    /// its search limit) really does, re-planned here with the default target.
    @Test(arguments: Shipped.exampleNames)
    func packageChangeFlipsThePackage(_ name: String) throws {
        let sheet = Shipped.example(name)
        let catalog = Shipped.catalog
        let industry = try #require(catalog.industry(sheet.industry))
        let engine = Engine(catalog: catalog)
        let before = try engine.run(sheet).plan
        let search = FlipSearch(catalog: catalog, industry: industry)
        for m in industry.modules {
            let result = search.search(m.id, answers: sheet.answers, scope: .package, pairs: false, maxEvaluations: FlipSearch.packageEvaluations)
            guard let s = result.suggestion else { continue }
            var changed = sheet
            for c in s.changes { changed.answers[c.questionID] = c.to }
            let after = try engine.run(changed).plan
            let wasIn = try #require(before.decision(m.id)).role.inPackage
            let isIn = try #require(after.decision(m.id)).role.inPackage
            #expect(wasIn == s.inBefore)
            #expect(wasIn != isIn, "\(name) \(m.id): applying \(s.changes) did not flip it in the package")
            #expect(s.changes.count == 1)
        }
    }
}
