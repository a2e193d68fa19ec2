@testable import GaizaoCore
import Testing

/// The shipped catalogs have personalized modules require only standard ones, and few candidates. These
/// properties run the planner on a variant with personalized requirements (chains and a cycle), exclusions,
/// a standard module that requires a personalized one, and more than 16 candidates (the greedy pass).
/// Run on the rules-only package (`target: .none`); TargetPlannerTests covers the target planner on this variant.
@Suite struct PlanDependencyTests {
    static let catalog: Catalog = {
        let c = Shipped.catalog
        let industries = c.industries.map { original -> Industry in
            var industry = original
            var modules = industry.modules
            var rules = industry.rules
            // A copy of every personalized module and of the rules about it: more than 16 candidates.
            for m in original.modules where m.kind == .personalized {
                var copy = m
                copy.id = m.id + "-copy"
                modules.append(copy)
                for r in original.rules where r.effect.moduleID == m.id {
                    var rc = r
                    rc.id = r.id + "-copy"
                    if case .recommend = r.effect { rc.effect = .recommend(copy.id) }
                    if case .exclude = r.effect { rc.effect = .exclude(copy.id) }
                    rules.append(rc)
                }
            }
            let personalized = modules.indices.filter { modules[$0].kind == .personalized }
            let standard = modules.indices.filter { modules[$0].kind == .standard }
            for (k, i) in personalized.enumerated() {
                if k % 3 == 1 { modules[i].requires.append(LocatedText(modules[personalized[k - 1]].id, at: nil)) }
                if k % 5 == 2 { modules[i].requires.append(LocatedText(modules[personalized[(k + 3) % personalized.count]].id, at: nil)) }
                if k % 4 == 3 { modules[i].excludes.append(LocatedText(modules[personalized[(k + 2) % personalized.count]].id, at: nil)) }
            }
            modules[standard[0]].requires.append(LocatedText(modules[personalized[0]].id, at: nil))
            industry.modules = modules
            industry.rules = rules
            industry.threshold = original.threshold / 2
            return industry
        }
        return Catalog(manifest: c.manifest, maturity: c.maturity, policies: c.policies, commonSections: c.commonSections,
                       industries: industries, overlays: c.overlays, hash: c.hash)
    }()

    @Test func requirementsExclusionsBudgetAndPhasesHold() throws {
        let engine = Engine(catalog: Self.catalog)
        var required = 0, dependency = 0
        for industry in Self.catalog.industries {
            for seed in UInt64(1)...40 {
                var rng = SeededRandom(seed: seed &* 104_729)
                let budget: Int? = seed % 4 == 0 ? nil : Int.random(in: 50...600, using: &rng) * 10_000
                let sheet = SyntheticAnswers.sheet(for: industry, catalog: Self.catalog, seed: seed)
                guard let plan = try PlanPropertyTests.rulesOnlyPlan(engine, sheet, budget: budget) else { continue }
                let selected = Set(plan.selected.map(\.moduleID))
                for d in plan.decisions where d.kind == .personalized {
                    required += d.reasons.filter { $0.kind == .required }.count
                    dependency += d.reasons.filter { $0.kind == .dependency }.count
                }
                for d in plan.selected where d.kind == .personalized {
                    let m = try #require(industry.module(d.moduleID))
                    for r in m.requiredIDs where industry.module(r) != nil {
                        let status = plan.decision(r)?.status
                        #expect(status?.isSelected == true || status == .satisfied, "\(d.moduleID) requires \(r), which is \(String(describing: status))")
                        if let p = d.phase, let q = plan.decision(r)?.phase, industry.module(r)?.kind == .standard {
                            #expect(q <= p, "\(d.moduleID) in phase \(p) before its requirement \(r) in phase \(q)")
                        }
                    }
                    for x in m.excludedIDs { #expect(!selected.contains(x), "\(d.moduleID) and \(x) are both selected") }
                }
                let standardHigh = plan.decisions.filter { $0.kind == .standard && $0.status.isSelected }.reduce(0) { $0 + $1.cost.high }
                if let budget, standardHigh <= budget { #expect(plan.investment.high <= budget) }
                #expect(plan.durationWeeks == (plan.selected.compactMap(\.endWeek).max() ?? 0))
            }
        }
        // The variant reaches the paths it is for.
        #expect(required > 0)
        #expect(dependency > 0)
    }

    /// Phases follow the calendar: they open in order, and a module is in the phase open when it starts, so no
    /// module of an earlier phase starts after a later phase has opened (a module waiting for a free workstream
    /// was listed in phase 2 at weeks 25–28 while phase 3 ran at weeks 15–26).
    @Test(arguments: UInt64(1)...40)
    func phasesOpenInOrderAndHoldTheModulesStartingInThem(seed: UInt64) throws {
        for industry in Self.catalog.industries {
            let sheet = SyntheticAnswers.sheet(for: industry, catalog: Self.catalog, seed: seed)
            let plan = try Engine(catalog: Self.catalog).run(sheet).plan
            let starts = plan.phases.map(\.startWeek)
            #expect(starts == starts.sorted() && Set(starts).count == starts.count, "\(starts)")
            for d in plan.selected {
                let p = try #require(d.phase), start = try #require(d.startWeek)
                #expect(start >= plan.phases[p - 1].startWeek)
                if p < plan.phases.count { #expect(start < plan.phases[p].startWeek, "\(d.moduleID) starts at \(start), in phase \(p)") }
            }
        }
    }
}
