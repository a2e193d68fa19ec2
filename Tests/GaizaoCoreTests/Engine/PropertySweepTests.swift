import Foundation
@testable import GaizaoCore
import Testing

/// Generated enterprises for the property sweep: every shipped industry, answered in several characteristic ways
/// (random, all best, all worst, optional questions left out, far along already, tiny and huge plants, every
/// process combination). Seeded: the same enterprises on every machine and every run.
enum SweepEnterprises {
    enum Profile: String, CaseIterable, Sendable {
        /// Every question answered at random (`SyntheticAnswers`' choices).
        case random
        /// Every answer at its most favourable end: the most points, every box ticked, every figure at its maximum.
        case allMax
        /// Every answer at its least favourable end: no points, nothing ticked, every figure at its minimum.
        case allMin
        /// Only the required questions answered (at random).
        case requiredOnly
        /// Scenes at level 3–4 and favourable answers: an enterprise that is far along already.
        case advanced
        /// A one-person workshop with no revenue.
        case tiny
        /// The questionnaire's largest plant: 100,000 people and 10⁷ 万元 of revenue.
        case huge
    }

    struct Case: Sendable, CustomStringConvertible {
        var industry: Industry
        var profile: Profile
        var seed: UInt64
        var sheet: AnswerSheet
        var description: String { "\(industry.id)/\(profile.rawValue)/seed \(seed)" }
    }

    /// The industry's process question (a multi-choice whose id ends in `_processes`).
    static func processQuestion(_ questionnaire: Questionnaire) -> Question? {
        questionnaire.ordered.first { $0.kind == .multi && $0.id.hasSuffix("_processes") && !$0.id.contains("energy") }
    }

    /// One enterprise: each question in order, asked or skipped by the answers before it, answered per `profile`.
    /// `processes`, when given, ticks exactly those options of the process question (by bit).
    static func sheet(_ industry: Industry, _ profile: Profile, seed: UInt64, processes: UInt64? = nil) -> AnswerSheet {
        let catalog = Shipped.catalog
        let questionnaire = catalog.questionnaire(for: industry)
        let processQ = processQuestion(questionnaire)
        var rng = SeededRandom(seed: seed &* 0x9E37_79B9 &+ UInt64(Profile.allCases.firstIndex(of: profile)!))
        var answers: [String: AnswerValue] = [:]
        for q in questionnaire.ordered {
            guard AnswerValidator.isAsked(q, given: answers) else { continue }
            if q.id == processQ?.id, let processes {
                let ticked = q.substantiveOptions.enumerated().filter { processes & (1 << UInt64($0.offset)) != 0 }.map(\.element.id)
                answers[q.id] = .options(ticked)
                continue
            }
            switch profile {
            case .requiredOnly where !q.required: continue
            case .random, .requiredOnly:
                if !q.required && Int.random(in: 0..<8, using: &rng) == 0 { continue }
                answers[q.id] = randomValue(q, seed: seed, &rng)
            case .allMax: answers[q.id] = extremeValue(q, high: true, seed: seed)
            case .allMin: answers[q.id] = extremeValue(q, high: false, seed: seed)
            case .advanced:
                if q.kind == .level {
                    answers[q.id] = .number(Double(Int.random(in: 3...4, using: &rng)))
                } else if q.kind == .number || q.kind == .text || Int.random(in: 0..<4, using: &rng) == 0 {
                    answers[q.id] = randomValue(q, seed: seed, &rng)
                } else {
                    answers[q.id] = extremeValue(q, high: true, seed: seed)
                }
            case .tiny, .huge:
                if q.id == "employees" {
                    answers[q.id] = .number(profile == .tiny ? (q.min ?? 1) : (q.max ?? 100_000))
                } else if q.id == "annual_revenue" {
                    answers[q.id] = .number(profile == .tiny ? (q.min ?? 0) : (q.max ?? 10_000_000))
                } else if !q.required && Int.random(in: 0..<8, using: &rng) == 0 {
                    continue
                } else {
                    answers[q.id] = randomValue(q, seed: seed, &rng)
                }
            }
        }
        return AnswerSheet(industry: industry.id, date: "2026-11-20", answers: answers)
    }

    /// A random valid answer; texts in ASCII, so that any Chinese in an English proposal comes from gaizao, not
    /// from the enterprise's own words.
    static func randomValue(_ q: Question, seed: UInt64, _ rng: inout SeededRandom) -> AnswerValue {
        if q.kind == .text { return .text(asciiText(q, seed: seed)) }
        if q.kind == .number, Int.random(in: 0..<6, using: &rng) == 0 {
            // Now and then a figure at either end of its range, not only the small values real SMEs give.
            return .number(Bool.random(using: &rng) ? (q.min ?? 0) : (q.max ?? 1_000_000))
        }
        return SyntheticAnswers.value(for: q, index: seed, using: &rng)
    }

    static func asciiText(_ q: Question, seed: UInt64) -> String {
        switch q.id {
        case "company_name": return "Sweep Works \(seed)"
        case "credit_code": return "91330282MA2\(String(format: "%07d", seed % 10_000_000))"
        default: return String("text \(seed)".prefix(q.maxLength))
        }
    }

    /// The answer at one end: the option with the most (or fewest) points, every (or no) box, the range's end.
    static func extremeValue(_ q: Question, high: Bool, seed: UInt64) -> AnswerValue {
        switch q.kind {
        case .text: return .text(asciiText(q, seed: seed))
        case .single:
            let ranked = q.options.enumerated().sorted { a, b in
                let (pa, pb) = (a.element.points ?? Double(a.offset) / 1000, b.element.points ?? Double(b.offset) / 1000)
                return pa < pb
            }
            return .option((high ? ranked.last! : ranked.first!).element.id)
        case .multi:
            if high { return .options(q.substantiveOptions.map(\.id)) }
            return .options(q.exclusiveOption.map { [$0.id] } ?? [])
        case .yesno: return .bool(high)
        case .level: return .number(high ? 4 : 0)
        case .number: return .number(high ? (q.max ?? 1_000_000) : (q.min ?? 0))
        }
    }

    /// Whether to run the full sweep (`GAIZAO_SWEEP=full`: six seeds per profile, every process combination, about
    /// 1,400 runs, a minute or two in debug) rather than the quick one every test run makes (a few seconds).
    static var full: Bool { ProcessInfo.processInfo.environment["GAIZAO_SWEEP"] == "full" }

    /// The sweep's enterprises: per industry, seeds of each profile and combinations of the process question
    /// (other answers random): every combination in the full sweep; none, all, each alone and a few seeded
    /// mixes in the quick one.
    static func cases(full: Bool = SweepEnterprises.full) -> [Case] {
        var out: [Case] = []
        for industry in Shipped.catalog.industries {
            for profile in Profile.allCases {
                let seeds = profile == .allMax || profile == .allMin || !full ? 1...2 : 1...6
                for seed in seeds.map(UInt64.init) {
                    out.append(Case(industry: industry, profile: profile, seed: seed, sheet: sheet(industry, profile, seed: seed)))
                }
            }
            if let q = processQuestion(Shipped.catalog.questionnaire(for: industry)) {
                let count = UInt64(q.substantiveOptions.count)
                let all = (UInt64(1) << count) - 1
                var rng = SeededRandom(seed: count)
                let masks = full ? Array(0...all)
                    : [0, all] + (0..<count).map { UInt64(1) << $0 } + (0..<6).map { _ in UInt64.random(in: 0...all, using: &rng) }
                for mask in masks {
                    let profile: Profile = mask % 3 == 0 ? .advanced : .random
                    out.append(Case(industry: industry, profile: profile, seed: 10_000 + mask,
                                    sheet: sheet(industry, profile, seed: 10_000 + mask, processes: mask)))
                }
            }
        }
        return out
    }
}

/// The options a proposal is made with.
struct SweepOptions: Sendable, CustomStringConvertible {
    var target: TargetLevel
    var budget: Int?
    var overlay: String?
    /// The overlay builds one module at a time (its `workstreams: 1`) instead of the catalog's 2.
    var oneWorkstream = false

    var description: String {
        let t: String
        switch target {
        case .automatic: t = "automatic"
        case .none: t = "none"
        case let .level(n): t = "level \(n)"
        }
        return "target \(t), budget \(budget.map(String.init) ?? "none"), overlay \(overlay ?? "none")\(oneWorkstream ? " (1 workstream)" : "")"
    }

    static let targets: [TargetLevel] = [.automatic, .none, .level(1), .level(2), .level(3), .level(4)]
    static let budgets: [Int?] = [nil, nil, nil, 1, 50_000, 300_000, 1_500_000, 10_000_000, 10_000_000_000_000]

    /// A few option sets for the case at `index`: spread so that every target, budget and overlay meets every profile.
    static func sets(for c: SweepEnterprises.Case, index: Int) -> [SweepOptions] {
        var rng = SeededRandom(seed: UInt64(index) &* 2_654_435_761 &+ 17)
        let overlays = [nil] + Shipped.catalog.overlays.filter { $0.industry == c.industry.id }.map(\.id)
        return (0..<3).map { k in
            let overlay = overlays.randomElement(using: &rng)!
            return SweepOptions(target: targets[(index + k * 2) % targets.count],
                                budget: k == 0 ? nil : budgets.randomElement(using: &rng)!,
                                overlay: overlay, oneWorkstream: overlay != nil && Bool.random(using: &rng))
        }
    }
}

/// Violations found, grouped by invariant, each with the first few cases it happened to.
struct SweepFindings {
    private(set) var byInvariant: [String: [String]] = [:]
    private(set) var counts: [String: Int] = [:]

    mutating func fail(_ invariant: String, _ detail: @autoclosure () -> String) {
        counts[invariant, default: 0] += 1
        if byInvariant[invariant, default: []].count < 3 { byInvariant[invariant, default: []].append(detail()) }
    }

    mutating func check(_ ok: Bool, _ invariant: String, _ detail: @autoclosure () -> String) {
        if !ok { fail(invariant, detail()) }
    }

    var report: String {
        counts.keys.sorted().map { key in
            "\(key) (\(counts[key]!)×):\n" + byInvariant[key]!.map { "  - " + $0 }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

/// The property sweep: generated enterprises × options through the engine and the renderers, holding each
/// proposal to what a consultant and an owner rely on.
@Suite struct PropertySweepTests {
    static let engine = Engine(catalog: Shipped.catalog)
    /// The shipped catalog with every overlay building one module at a time.
    static let oneStreamEngine: Engine = {
        var catalog = Shipped.catalog
        for k in catalog.overlays.indices { catalog.overlays[k].workstreams = 1 }
        return Engine(catalog: catalog)
    }()

    static func engine(_ options: SweepOptions) -> Engine { options.oneWorkstream ? oneStreamEngine : engine }

    /// Every generated enterprise under a few option sets each: the proposal's own invariants.
    @Test func everyGeneratedProposalHoldsItsInvariants() throws {
        var findings = SweepFindings()
        let cases = SweepEnterprises.cases()
        var runs = 0
        for (index, c) in cases.enumerated() {
            for options in SweepOptions.sets(for: c, index: index).prefix(SweepEnterprises.full ? 3 : 2) {
                runs += 1
                Self.checkRun(c, options, &findings)
            }
        }
        #expect(runs >= (SweepEnterprises.full ? 1000 : 100))
        #expect(findings.counts.isEmpty, "\(findings.counts.values.reduce(0, +)) violations over \(runs) runs:\n\(findings.report)")
    }

    static func checkRun(_ c: SweepEnterprises.Case, _ options: SweepOptions, _ findings: inout SweepFindings) {
        let what = "\(c) (\(options))"
        let output: Engine.Output
        do {
            output = try engine(options).run(c.sheet, budgetYuan: options.budget, contractor: options.overlay, target: options.target)
        } catch let failure {
            guard case .budgetBelowMustHaves = failure, let budget = options.budget else {
                findings.fail("the engine fails", "\(what): \(failure)")
                return
            }
            // Refused only when what cannot be dropped really costs more than the budget: the must-haves (and what
            // they require), and, rules-only, the standard modules.
            if let free = try? engine(options).run(c.sheet, contractor: options.overlay, target: .none) {
                let mustCost = mustHaveCost(free.plan, industry: c.industry, withStandard: options.target == .none)
                findings.check(mustCost > budget, "a budget refusal while the must-haves fit",
                               "\(what): must-haves cost up to \(mustCost) yuan")
            }
            return
        }
        let proposal = output.proposal
        let json = proposal.jsonText()

        // The JSON round trip and the consistency checks `compare` applies to a proposal it reads.
        do {
            let read = try ProposalReader.read(SourceFile(path: "sweep.json", text: json))
            findings.check(read == proposal, "the JSON round trip changes the proposal", what)
        } catch {
            findings.fail("compare refuses the proposal", "\(what): \(error)")
        }
        checkMoney(proposal, what, &findings)
        checkProjection(proposal, what, &findings)
        checkLadder(proposal, options, what, &findings)
        checkPackage(proposal, output.plan, c.industry, what, &findings)
        checkExtras(proposal, c.industry, what, &findings)
        if let budget = options.budget {
            findings.check(proposal.totals.investment.highYuan <= budget, "a package over its budget",
                           "\(what): high estimate \(proposal.totals.investment.highYuan) yuan")
        }
    }

    /// What the must-have modules of a plan cost at the high end, with the modules they require that are not in
    /// place (`withStandard`: and the standard modules the plan selects).
    static func mustHaveCost(_ plan: Plan, industry: Industry, withStandard: Bool = false) -> Int {
        var needed = Set(plan.decisions.filter { $0.must || (withStandard && $0.kind == .standard && $0.status.isSelected) }.map(\.moduleID))
        var stack = Array(needed)
        while let id = stack.popLast() {
            for r in industry.module(id)?.requiredIDs ?? [] where plan.decision(r)?.status != .satisfied {
                if needed.insert(r).inserted { stack.append(r) }
            }
        }
        return needed.reduce(0) { sum, id in
            guard let d = plan.decision(id) else { return sum }
            return sum + (d.status.isSelected ? d.cost.high : d.referenceCost.high)
        }
    }

    /// KPIs, risks, benefits, evidence and the effective rate: each about the package it belongs to.
    static func checkExtras(_ p: Proposal, _ industry: Industry, _ what: String, _ findings: inout SweepFindings) {
        let chosen = Set(p.modules.filter(\.status.isSelected).map(\.id))
        for k in p.kpis {
            findings.check(chosen.contains(k.module), "a KPI of a module not in the package", "\(what): \(k.module)")
            findings.check(k.low <= k.high, "a KPI range that runs backwards", "\(what): \(k.module) \(k.low)…\(k.high)")
        }
        // A risk rule about particular modules only when one of them is in the package.
        for r in p.risks {
            guard let id = r.rule, let rule = industry.rules.first(where: { $0.id == id }), !rule.moduleScope.isEmpty else { continue }
            findings.check(rule.moduleScope.contains(where: chosen.contains), "a module risk with none of its modules in the package", "\(what): \(id)")
        }
        if let b = p.benefits {
            findings.check(b.annualSaving.lowYuan >= 0 && b.annualSaving.lowYuan <= b.annualSaving.highYuan, "annual savings out of order",
                           "\(what): \(b.annualSaving)")
            findings.check(b.yearlyFees == (p.totals.yearlyFees ?? .init(lowYuan: 0, highYuan: 0)), "the benefits' fees differ from the totals'",
                           "\(what): \(b.yearlyFees) vs \(String(describing: p.totals.yearlyFees))")
            for m in b.modules { findings.check(chosen.contains(m.module), "a benefit of a module not in the package", "\(what): \(m.module)") }
            if let payback = b.paybackYears, let low = payback.low, let high = payback.high {
                findings.check(low <= high && low >= 0, "a payback range out of order", "\(what): \(low)–\(high)")
            }
        }
        // The evidence claims after the retrofit what the projection gives, and "from the retrofit" only for a gain.
        for e in p.evidence ?? [] {
            if e.kind == "scene", let level = e.level {
                let now = p.diagnosis.scenes.first { $0.id == e.id }?.level ?? 0
                let after = p.after.scenes.first { $0.id == e.id }?.level ?? 0
                findings.check(level == after, "evidence claims a scene level the projection does not give", "\(what): \(e.id) \(level) vs \(after)")
                findings.check(e.fromRetrofit == (after > now), "evidence says from the retrofit for no gain (or the reverse)",
                               "\(what): \(e.id) \(now) → \(after), fromRetrofit \(e.fromRetrofit)")
            }
        }
        // The effective rate is certain ÷ investment, one decimal.
        if let rate = p.totals.subsidy.effectiveRatePercent {
            let s = p.totals.subsidy.range, inv = p.totals.investment
            if inv.lowYuan > 0 {
                findings.check(abs(rate.low - (Double(s.lowYuan) * 1000 / Double(inv.lowYuan)).rounded() / 10) < 1e-9, "the effective rate is not certain ÷ investment",
                               "\(what): \(rate.low)% of \(inv.lowYuan)")
            }
        }
        // A level reached already holds only what every package carries: the must-haves and what they need.
        for step in p.ladder ?? [] where step.reachedNow {
            for id in step.modules {
                let role = p.modules.first { $0.id == id }?.role
                findings.check(role == .must || role == .prerequisite, "a level reached already that lists a module not a must-have",
                               "\(what): level \(step.level) lists \(id) (\(String(describing: role)))")
            }
        }
    }

    static func checkMoney(_ p: Proposal, _ what: String, _ findings: inout SweepFindings) {
        for s in p.subsidies {
            if let cap = s.capYuan {
                findings.check(s.amount.lowYuan <= cap && s.amount.highYuan <= cap, "a subsidy above its scheme's cap",
                               "\(what): \(s.policy) \(s.amount) over cap \(cap)")
            }
            // A rate scheme brings at most its rate of its base (a fixed scheme has no base).
            if s.kind == "rate" {
                findings.check(s.amount.lowYuan >= 0 && s.amount.lowYuan <= s.base.lowYuan && s.amount.highYuan <= s.base.highYuan,
                               "a subsidy outside 0…its base", "\(what): \(s.policy) \(s.amount) on base \(s.base)")
            }
            if !s.applied || s.tier == SubsidyTier.none.rawValue {
                findings.check(!s.eligible || s.tier != SubsidyTier.certain.rawValue || !s.applied, "an unapplied certain subsidy counted", what)
            }
        }
        let total = p.totals
        findings.check(total.netCost.lowYuan >= 0 && total.netCost.highYuan >= 0, "a negative net cost", "\(what): \(total.netCost)")
    }

    static func checkProjection(_ p: Proposal, _ what: String, _ findings: inout SweepFindings) {
        findings.check(p.after.points >= p.diagnosis.points, "the projection loses points",
                       "\(what): \(p.diagnosis.points) → \(p.after.points)")
        findings.check(p.after.level >= p.diagnosis.level, "the projection loses a level",
                       "\(what): \(p.diagnosis.level) → \(p.after.level)")
        for (now, after) in zip(p.diagnosis.scenes, p.after.scenes) {
            findings.check(after.level >= now.level, "the projection lowers a scene", "\(what): \(now.id) \(now.level) → \(after.level)")
        }
        if let expected = p.afterExpected {
            findings.check(expected.points >= p.after.points, "the expected projection below the conservative one (points)",
                           "\(what): \(p.after.points) > \(expected.points)")
            findings.check(expected.level >= p.after.level, "the expected projection below the conservative one (level)",
                           "\(what): \(p.after.level) > \(expected.level)")
        } else {
            findings.fail("no expected projection", what)
        }
        for (i, d) in [p.diagnosis, p.after].enumerated() {
            let sum = d.dimensions.reduce(0) { $0 + $1.points }
            findings.check(abs(sum - d.points) < 0.0005, "dimension points do not add up to the total",
                           "\(what) [\(i == 0 ? "now" : "after")]: \(sum) ≠ \(d.points)")
            findings.check(d.points <= d.maxPoints + 1e-9, "points above the maximum", "\(what): \(d.points) of \(d.maxPoints)")
            // The level is the highest whose check is met (levels build on each other).
            let met = d.levelChecks.filter(\.met).map(\.level)
            let highestRun = (1...4).prefix { met.contains($0) }.last ?? 0
            findings.check(d.level == highestRun, "the level disagrees with its level checks",
                           "\(what) [\(i == 0 ? "now" : "after")]: level \(d.level), checks met \(met)")
            findings.check(d.level == 4 || !d.blockers.isEmpty, "below level 4 with no blocker given", "\(what): level \(d.level)")
        }
        if let t = p.target, let level = t.level {
            findings.check(t.reached == (p.after.level >= level), "target.reached disagrees with the projection",
                           "\(what): reached \(t.reached), after level \(p.after.level), target \(level)")
            if !t.reached {
                findings.check(!(t.missing ?? []).isEmpty, "a missed target that does not say why", what)
            }
        }
    }

    static func checkLadder(_ p: Proposal, _ options: SweepOptions, _ what: String, _ findings: inout SweepFindings) {
        guard let ladder = p.ladder else { findings.fail("no ladder", what); return }
        findings.check(ladder.map(\.level) == [1, 2, 3, 4], "the ladder is not levels 1–4", "\(what): \(ladder.map(\.level))")
        func mid(_ r: Proposal.YuanRange) -> Int { r.lowYuan + r.highYuan }
        for (a, b) in zip(ladder, ladder.dropFirst()) {
            if !a.reachable {
                findings.check(!b.reachable, "a higher level reachable when a lower one is not", "\(what): level \(a.level) out of reach, \(b.level) reachable")
            }
            if a.reachable && b.reachable {
                findings.check(mid(a.investment) <= mid(b.investment), "a higher level costs less on the ladder",
                               "\(what): level \(a.level) \(a.investment), level \(b.level) \(b.investment)")
            }
        }
        for step in ladder {
            if !step.reachable {
                findings.check(!step.missing.isEmpty, "an unreachable level that does not say why", "\(what): level \(step.level)")
            }
            findings.check(step.reachedNow == (p.diagnosis.level >= step.level), "ladder reachedNow disagrees with today's level",
                           "\(what): level \(step.level) reachedNow \(step.reachedNow), today \(p.diagnosis.level)")
        }
        // Without a budget, the package for a reachable target is the ladder's row for that level.
        if options.budget == nil, let t = p.target, t.source != .none, let level = t.level,
           let step = ladder.first(where: { $0.level == level }), step.reachable {
            findings.check(step.investment == p.totals.investment, "the package and the ladder's row for its target differ in cost",
                           "\(what): package \(p.totals.investment), ladder \(step.investment)")
            let chosen = p.modules.filter(\.status.isSelected).map(\.id).sorted()
            findings.check(step.modules.sorted() == chosen, "the package and the ladder's row for its target differ in modules",
                           "\(what): package \(chosen), ladder \(step.modules.sorted())")
            findings.check(t.reached, "a reachable target not reached without a budget", what)
        }
    }

    static func checkPackage(_ p: Proposal, _ plan: Plan, _ industry: Industry, _ what: String, _ findings: inout SweepFindings) {
        let selected = p.modules.filter(\.status.isSelected)
        let selectedIDs = Set(selected.map(\.id))
        let satisfied = Set(p.modules.filter { $0.status == .satisfied }.map(\.id))
        for m in selected {
            findings.check(m.role?.inPackage == true, "a chosen module with no role in the package", "\(what): \(m.id) \(String(describing: m.role))")
            guard let module = industry.module(m.id) else { continue }
            for r in module.requiredIDs {
                findings.check(selectedIDs.contains(r) || satisfied.contains(r), "a chosen module without its requirement",
                               "\(what): \(m.id) requires \(r)")
            }
            for x in module.excludedIDs {
                findings.check(!selectedIDs.contains(x), "two chosen modules exclude each other", "\(what): \(m.id), \(x)")
            }
            if m.role == .prerequisite {
                let dependants = selected.filter { industry.module($0.id)?.requiredIDs.contains(m.id) == true }
                findings.check(!dependants.isEmpty, "a prerequisite that no chosen module requires", "\(what): \(m.id)")
            }
            // Starts after every chosen requirement ends.
            for r in module.requiredIDs {
                if let req = selected.first(where: { $0.id == r }), let end = req.endWeek, let start = m.startWeek {
                    findings.check(start >= end, "a module starts before its prerequisite ends", "\(what): \(m.id) week \(start), \(r) ends \(end)")
                }
            }
            findings.check(m.cost.lowYuan > 0 || m.cost.highYuan > 0 || m.referenceCost.highYuan == 0, "a chosen module that costs nothing",
                           "\(what): \(m.id)")
        }
        // At most `workstreams` modules at a time.
        let k = p.totals.workstreams ?? 2
        for week in 0..<max(p.totals.durationWeeks, 0) {
            let running = selected.filter { ($0.startWeek ?? 0) <= week && week < ($0.endWeek ?? 0) }.count
            if running > k {
                findings.fail("more modules at a time than workstreams", "\(what): \(running) in week \(week + 1), \(k) workstreams")
                break
            }
        }
        // Measures in the package are said to be so; those not in it cost nothing (checked by the validation).
        for m in p.measures ?? [] where m.status == .include {
            findings.check(m.role.inPackage, "a measure in the package with no role in it", "\(what): \(m.id)")
        }
        _ = plan
    }
}

/// The sweep's proposals as the owner reads them: Markdown and HTML in both languages.
extension PropertySweepTests {
    /// Every third generated enterprise under one option set, rendered in Chinese and English.
    @Test func everyGeneratedProposalRendersCleanly() throws {
        var findings = SweepFindings()
        let cases = SweepEnterprises.cases()
        var rendered = 0
        for (index, c) in cases.enumerated() where index % 3 == 0 {
            let options = SweepOptions.sets(for: c, index: index)[index % 3]
            guard let proposal = try? Self.engine(options).run(c.sheet, budgetYuan: options.budget, contractor: options.overlay,
                                                      target: options.target).proposal else { continue }
            for lang in [Lang.zh, .en] {
                let md = Shipped.renderer.markdown(proposal, lang: lang)
                let html = Shipped.renderer.html(proposal, lang: lang)
                rendered += 1
                Self.checkText(md, proposal, lang, "\(c) (\(options), \(lang) md)", markdown: true, &findings)
                Self.checkText(html, proposal, lang, "\(c) (\(options), \(lang) html)", markdown: false, &findings)
            }
        }
        #expect(rendered >= (SweepEnterprises.full ? 100 : 30))
        #expect(findings.counts.isEmpty, "\(findings.counts.values.reduce(0, +)) violations over \(rendered) renderings:\n\(findings.report)")
    }

    /// Same input, same bytes: the JSON and the Markdown of a fresh engine equal the first engine's.
    @Test func generatedProposalsAreDeterministic() throws {
        let cases = SweepEnterprises.cases(full: false)
        for (index, c) in cases.enumerated() where index % 11 == 0 {
            let options = SweepOptions.sets(for: c, index: index)[1]
            let a = try? Self.engine.run(c.sheet, budgetYuan: options.budget, contractor: options.overlay, target: options.target).proposal
            let b = try? Engine(catalog: Shipped.catalog, industries: [c.industry.id])
                .run(c.sheet, budgetYuan: options.budget, contractor: options.overlay, target: options.target).proposal
            #expect(a?.jsonBytes() == b?.jsonBytes(), "\(c) (\(options))")
            if let a, let b {
                #expect(Shipped.renderer.markdown(a, lang: .zh) == Shipped.renderer.markdown(b, lang: .zh), "\(c) (\(options))")
            }
        }
    }

    static func matches(_ pattern: String, _ text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).prefix(3).map { m in
            // The match with a little context.
            let from = max(0, m.range.location - 30), to = min(ns.length, m.range.location + m.range.length + 30)
            return ns.substring(with: NSRange(location: from, length: to - from))
        }
    }

    static func checkText(_ text: String, _ p: Proposal, _ lang: Lang, _ what: String, markdown: Bool, _ findings: inout SweepFindings) {
        let bad: [(String, String)] = [
            ("an unrendered Mustache tag", "\\{\\{"),
            ("an unfilled string-table placeholder", "\\{[a-z][a-z0-9]*(\\|[^{}]*)?\\}"),
            ("nan or inf in the text", "\\b(nan|NaN|inf|-inf|Infinity)\\b"),
            ("Optional( in the text", "Optional\\("),
            ("a raw long decimal", "\\d\\.\\d{5,}"),
            ("a negative zero", "-0(?![.,\\d])"),
        ]
        for (invariant, pattern) in bad {
            let hits = matches(pattern, text)
            findings.check(hits.isEmpty, invariant, "\(what): \(hits)")
        }
        if markdown {
            let emptyRows = matches("^\\|( *\\|)+ *$", text)
            findings.check(emptyRows.isEmpty, "an empty table row", "\(what): \(emptyRows)")
            // The headline agrees with the data: "reaches it" exactly when the target is reached.
            // The headline agrees with the data: "reaches it" (or "is there already") exactly when the target is
            // reached, and a default target is "one level above today's" only when it is.
            if let t = p.target, let level = t.level {
                let reaches = lang == .zh ? ["按保守估算，本方案可以达到", "企业现已达到", "企业已高于目标"]
                    : ["by the conservative estimate the package reaches it", "the enterprise is there already", "it is above the target already"]
                let says = reaches.contains { text.contains($0) }
                findings.check(says == t.reached, "the headline contradicts target.reached", "\(what): reached \(t.reached)")
                let oneUp = text.contains(lang == .zh ? "在现有等级上再提升一级" : "one level above today's")
                findings.check(!oneUp || level == p.diagnosis.level + 1, "a target called one level above today's that is not",
                               "\(what): target \(level), today \(p.diagnosis.level)")
            }
            // The strongest reasons never head a module with a sentence saying its scenes need nothing.
            let headline = text.components(separatedBy: lang == .zh ? "### 主要理由" : "### The strongest reasons").dropFirst().first?
                .components(separatedBy: "\n#").first ?? ""
            let nothingToLift = lang == .zh ? "相关场景现状已达到本模块的等级" : "its scenes are already at the levels it brings"
            findings.check(!headline.contains(nothingToLift), "a strongest reason that says the module lifts nothing", what)
            // The summary's money lines are the totals' yuan in 万元 (two decimals, half up) or CNY.
            func shown(_ r: Proposal.YuanRange) -> String {
                lang == .zh ? "\(Money.wanRange(r.lowYuan, r.highYuan)) 万元"
                    : r.lowYuan == r.highYuan ? Money.cny(r.lowYuan) : "\(Money.cny(r.lowYuan))–\(Money.grouped(r.highYuan))"
            }
            let investmentLine = (lang == .zh ? "- **投资估算**：" : "- **Estimated investment**: ") + shown(p.totals.investment)
            findings.check(text.contains(investmentLine), "the investment is not shown as the totals say", "\(what): \(investmentLine)")
            let netLine = (lang == .zh ? "- **企业净投入**：" : "- **Net cost to the enterprise**: ") + shown(p.totals.netCost)
            findings.check(text.contains(netLine), "the net cost is not shown as the totals say", "\(what): \(netLine)")
        }
        if lang == .en {
            // Chinese left in an English proposal; the enterprise's own answers are ASCII here, so it is gaizao's.
            // (Template comments, not shown, may name 万元.)
            let shown = markdown ? text : text.replacingOccurrences(of: "/\\*[^*]*\\*/", with: "", options: .regularExpression)
            let chinese = matches("[\\p{Han}]+", shown)
            findings.check(chinese.isEmpty, "Chinese in the English proposal", "\(what): \(chinese)")
        }
    }
}
