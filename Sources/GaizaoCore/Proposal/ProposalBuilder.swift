/// Builds the `Proposal` value from the answers, the diagnosis and the plan.
public struct ProposalBuilder: Sendable {
    public let catalog: Catalog
    public let industry: Industry
    public let questionnaire: Questionnaire
    let prepared: PreparedIndustry
    var tables: ProposalTables { prepared.proposal }

    public init(catalog: Catalog, industry: Industry) {
        self.init(PreparedIndustry(catalog: catalog, industry: industry))
    }

    init(_ prepared: PreparedIndustry) {
        self.prepared = prepared
        catalog = prepared.catalog
        industry = prepared.industry
        questionnaire = prepared.questionnaire
    }

    /// The proposal's enterprise block: who it is, from its answers, and its size band.
    func enterprise(_ diagnosis: Diagnosis) -> Proposal.Enterprise {
        let slotAnswers = diagnosis.slotAnswers.using(prepared.slots)
        let a = slotAnswers.values
        func text(_ slot: Int) -> String? { if case let .text(t)? = a[slot] { return t } else { return nil } }
        func number(_ slot: Int) -> Double? { if case let .number(n)? = a[slot] { return n } else { return nil } }
        return Proposal.Enterprise(
            name: text(tables.companyName) ?? "—", creditCode: text(tables.creditCode), town: text(tables.town),
            employees: number(tables.employees).flatMap { $0.isFinite && abs($0) < 1e12 ? Int($0) : nil },
            annualRevenueYuan: number(tables.annualRevenue).flatMap { Money.yuan(fromWan: formatNumber($0)) },
            industry: industry.id, industryName: industry.name, sizeBand: diagnosis.sizeBand.id, sizeBandName: diagnosis.sizeBand.name)
    }

    public func build(sheet: AnswerSheet, answersHash: String, diagnosis: Diagnosis, plan: Plan, overlay: Overlay?) -> Proposal {
        let slotAnswers = diagnosis.slotAnswers.using(prepared.slots)
        let a = slotAnswers.values
        let enterprise = self.enterprise(diagnosis)
        // Each answer's display, kept by slot: the diagnosis summaries show the same answers again.
        var shown = DisplayedAnswers(answers: a, formats: prepared.answerFormats)
        var answers: [Proposal.AnswerRecord] = []
        answers.reserveCapacity(a.count)
        let questions = questionnaire.ordered
        for k in questions.indices {
            guard let v = a[k], let display = shown.displays[k] else { continue }
            answers.append(Proposal.AnswerRecord(question: questions[k].id, label: questions[k].label, value: AnswerJSON(v), display: display))
        }
        let industryModules = industry.modules
        // Products and summary sentences are tailored to the enterprise's answers today (its processes, its
        // equipment): what its answers rule out is not offered.
        let answerOf: (String) -> AnswerValue? = { slotAnswers[$0] }
        var modules = plan.decisions.enumerated().compactMap { n, d -> Proposal.ModuleEntry? in
            // A plan's decisions follow the modules' order; a decision list from elsewhere is matched by id.
            let index = n < industryModules.count && industryModules[n].id == d.moduleID
                ? n : industryModules.firstIndex { $0.id == d.moduleID }
            guard let index else { return nil }
            return Proposal.ModuleEntry(
                id: industryModules[index].id, kind: industryModules[index].kind.rawValue, name: industryModules[index].name,
                summary: tables.summary(of: index, in: industry, values: slotAnswers.values, for: answerOf), status: d.status, role: d.role, score: round4(d.score),
                reasons: d.reasons.map { r in
                    Proposal.ReasonEntry(kind: r.kind, rule: r.ruleID, effect: r.effect, weight: r.ruleID.flatMap { ruleWeight($0, module: index) },
                                         text: r.text, questions: r.questions)
                },
                requiredBy: d.requiredBy,
                raises: tables.raises[index].map { r in
                    Proposal.RaiseEntry(scene: r.scene, sceneName: r.sceneName, from: sceneLevel(diagnosis, r), to: r.level)
                },
                cost: yuan(d.cost), referenceCost: yuan(d.referenceCost), costSource: d.costSource, durationWeeks: d.durationWeeks,
                phase: d.phase, startWeek: d.startWeek, endWeek: d.endWeek, products: offered(d.products, ofModule: index, slotAnswers.values, answerOf),
                subsidyTags: industryModules[index].subsidyTags)
        }
        let (moduleFees, bandPriced) = addCosts(&modules, overlay: overlay, answers: slotAnswers)
        // The yearly fees are the modules' and what the package's measures cost every year (a digital post's pay).
        var yearlyFees = moduleFees
        for m in plan.measures where m.status == .include {
            guard let c = m.yearlyCost else { continue }
            yearlyFees.low += c.low
            yearlyFees.high += c.high
        }
        let subsidies = zip(catalog.policies.policies, plan.subsidies).map { p, l in
            Proposal.SubsidyEntry(
                policy: p.id, name: p.name, kind: p.kind.rawValue, ratePercent: p.ratePercent, capYuan: p.capYuan,
                minInvestmentYuan: p.minInvestmentYuan, eligible: l.eligible, tier: l.tier.rawValue, applied: l.applied, reason: l.reason,
                base: yuan(l.base), amount: yuan(l.amount), condition: p.condition, source: p.source, confirmed: p.confirmed,
                questions: l.questions)
        }
        let kpis = plan.kpis.map { k in
            let metric = catalog.manifest.metric(k.metric)
            return Proposal.KPIEntry(module: k.moduleID, metric: k.metric, name: metric?.name ?? .empty, unit: metric?.unit ?? .empty,
                                     low: k.low, high: k.high, source: k.source)
        }
        let outcomes = catalog.manifest.kpiMetrics.filter(\.outcome).map { metric -> Proposal.OutcomeEntry in
            let effects = plan.kpis.filter { $0.metric == metric.id }
            let baseline = baseline(metric.id, a)
            let unit = baselineUnit(metric.id)
            return Proposal.OutcomeEntry(
                metric: metric.id, name: metric.name, unit: metric.unit, baseline: baseline?.zh,
                baselineDisplay: baseline.map { b in unit.map { Localized(zh: b.zh + " " + $0.zh, en: b.en + " " + $0.en) } ?? b },
                baselineUnit: unit,
                expectedLow: effects.isEmpty ? nil : round4(Self.combined(effects.map { ($0.low, $0.high) }, lowerIsBetter: metric.better.map { $0 == .lower }).low),
                expectedHigh: effects.isEmpty ? nil : round4(Self.combined(effects.map { ($0.low, $0.high) }, lowerIsBetter: metric.better.map { $0 == .lower }).high))
        }
        let measures = plan.measures.indices.map { k in
            let m = plan.measures[k], measure = industry.measures[k]
            return Proposal.MeasureEntry(
                id: m.measureID, name: measure.name, summary: measure.summary, status: m.status, role: m.role,
                reasons: m.reasons.map { Proposal.ReasonEntry(kind: $0.kind, rule: $0.ruleID, text: $0.text, questions: $0.questions) },
                cost: yuan(m.cost), referenceCost: yuan(m.referenceCost), costSource: m.costSource, durationWeeks: m.durationWeeks,
                startWeek: m.startWeek, endWeek: m.endWeek, evidence: measure.evidence, yearlyCost: m.yearlyCost.map(yuan))
        }
        let ladder = plan.ladder.map { step in
            Proposal.LadderEntry(level: step.level, reachable: step.reachable, reachedNow: step.reachedNow, investment: yuan(step.investment),
                                 netCost: yuan(step.netCost), durationWeeks: step.durationWeeks, modules: step.modules,
                                 measures: step.measures, missing: step.missing)
        }
        var assumptions: [Localized] = pricingAssumptions(modules, bandPriced: bandPriced, band: diagnosis.sizeBand.name) + [
            Localized(zh: "补助按低、高两档投入分别计算，补助总额不超过投入。", en: "Subsidies are computed for the low and the high investment; the total never exceeds the investment."),
            Localized(zh: "改造后得分与等级为估算：假设所选模块交付后达到其目标场景等级并带来目录所列的数据采集、系统等改善，所列管理措施按期完成。",
                      en: "Points and level after the retrofit are estimates: they assume the chosen modules reach their target scene levels and bring the improvements the catalog lists, and the listed measures are done."),
            Localized(zh: "保守估算不计数字化成效（能耗、合格率、人均营收、成本）的改善，目标等级按它判断；预期估算按各模块 KPI 估算区间的不利端计入成效改善。",
                      en: "The conservative estimate leaves the outcome indicators (energy, pass rate, revenue per employee, cost) as they are, and the target level is judged on it. The expected estimate counts an outcome as improved when a module's KPI estimate improves it even at its least favourable end."),
            Localized(zh: "方案按达到目标等级的最低投入（估算区间中值）选取模块和管理措施；管理措施由企业自行实施，其费用计入总投入但不计入补助基数。",
                      en: "Modules and measures are chosen for the lowest investment (midpoint of the estimate) that reaches the target level; measures are the enterprise's own work, counted in the total investment but not in the subsidy base."),
            // A contractor's overlay may build one module at a time: "at most 1 modules" is no English.
            Localized(zh: "工期按依赖关系排程：前置模块完成后方可开始，总包商最多 \(plan.workstreams) 个模块并行实施；管理措施与模块同步推进。",
                      en: "The schedule follows the dependencies: a module starts when the modules it needs are done, with "
                          + (plan.workstreams == 1 ? "one module built at a time" : "at most \(plan.workstreams) modules built at the same time")
                          + "; measures run alongside."),
        ]
        let diagnosisSummary = summary(diagnosis, &shown), afterSummary = summary(plan.projected, &shown)
        let expectedSummary = plan.expected.map { summary($0, &shown) }
        if !catalog.maturity.confirmed {
            assumptions.append(Localized(zh: "工信部评测指标的计分分档与定级规则尚未与官方附件核对（待确认）。",
                                         en: "The MIIT bands and level rule are not yet checked against the official annex (to be confirmed)."))
        }
        return Proposal(
            schema: Proposal.schemaID, generator: "gaizao 0.1.0", date: sheet.date,
            catalog: .init(id: catalog.manifest.id, version: catalog.manifest.version, hash: catalog.hash, reference: catalog.manifest.reference,
                           maturityModel: catalog.maturity.id, maturityConfirmed: catalog.maturity.confirmed,
                           maturityModelName: catalog.maturity.name),
            answersHash: answersHash, enterprise: enterprise,
            contractor: .init(overlay: overlay?.id, name: overlay?.name, example: overlay?.example ?? false),
            budgetYuan: plan.budgetYuan,
            target: .init(level: plan.target.level, source: plan.target.source, reached: plan.target.reached, missing: plan.target.missing),
            ruleThreshold: industry.threshold,
            answers: answers, diagnosis: diagnosisSummary, after: afterSummary, afterExpected: expectedSummary,
            modules: modules, measures: measures, phases: plan.phases.map { .init(index: $0.index, modules: $0.modules, startWeek: $0.startWeek, endWeek: $0.endWeek) },
            totals: .init(investment: yuan(plan.investment), subsidy: subsidyTotals(plan), netCost: yuan(plan.netCost),
                          durationWeeks: plan.durationWeeks, selectedModules: plan.decisions.reduce(0) { $0 + ($1.status.isSelected ? 1 : 0) },
                          selectedMeasures: plan.measures.reduce(0) { $0 + ($1.status == .include ? 1 : 0) },
                          moduleInvestment: yuan(plan.moduleInvestment), workstreams: plan.workstreams,
                          yearlyFees: yuan(yearlyFees)),
            subsidies: subsidies, stackingAssumption: catalog.policies.stackingAssumption, kpis: kpis, outcomes: outcomes,
            risks: plan.risks.map { .init(rule: $0.ruleID, text: $0.text, questions: $0.questions, mitigation: $0.mitigation) }, assumptions: assumptions,
            ladder: ladder, sceneGroups: catalog.maturity.sceneGroups.map { .init(id: $0.id, name: $0.name) },
            benefits: benefits(plan: plan, answers: slotAnswers, yearlyFees: yearlyFees, netCost: plan.netCost),
            evidence: evidenceChecklist(now: diagnosis, after: plan.projected))
    }

    /// The texts of the products offered for these answers, in their order: one list built, no filtered copy of
    /// the products.
    /// When `products` are module `module`'s own (not an overlay's), their prepared conditions read `values`,
    /// the answers by slot.
    private func offered(_ products: [TailoredText], ofModule module: Int, _ values: [AnswerValue?],
                         _ answer: (String) -> AnswerValue?) -> [Localized] {
        var texts: [Localized] = []
        texts.reserveCapacity(products.count)
        if products == industry.modules[module].products {
            let whens = tables.productWhens[module]
            for (p, when) in zip(products, whens) where ProposalTables.isOffered(when, values) { texts.append(p.text) }
        } else {
            for p in products where p.isOffered(answer) { texts.append(p.text) }
        }
        return texts
    }

    /// The weight of the first rule of id `id`. A module's rule reasons come from the rules about it: those
    /// few are searched first (the ids are the catalog's own strings, so they compare at once), before hashing.
    private func ruleWeight(_ id: String, module: Int) -> Double? {
        let rules = industry.rules
        for k in prepared.plan.modules[module].rules where rules[k].id == id { return tables.firstWeights[k] }
        return tables.ruleWeights[id]
    }

    /// The current level of a raised scene (`diagnosis.scene(id)`, by index when the diagnosis is the
    /// model's own scene list).
    private func sceneLevel(_ diagnosis: Diagnosis, _ r: ProposalTables.RaisedScene) -> Int {
        if let k = r.sceneIndex, k < diagnosis.scenes.count, diagnosis.scenes[k].id == r.scene { return diagnosis.scenes[k].level }
        return diagnosis.scene(r.scene)?.level ?? 0
    }

    /// The unit of an outcome's baseline answer, from its question (energy and cost per revenue; the others'
    /// displays carry theirs).
    private func baselineUnit(_ metric: String) -> Localized? {
        switch metric {
        case "energy_per_revenue": return questionnaire["baseline_energy_per_revenue"]?.unit
        case "cost_per_revenue": return questionnaire["baseline_cost_per_revenue"]?.unit
        default: return nil
        }
    }

    /// The outcome baseline from the answers. Figures are language-neutral except revenue per employee, which
    /// reads `80 万元/人` in Chinese and `CNY 800,000 per employee` in English (`Money.perEmployee`).
    private func baseline(_ metric: String, _ a: [AnswerValue?]) -> Localized? {
        func n(_ slot: Int) -> Double? { if case let .number(v)? = a[slot] { return v } else { return nil } }
        func neutral(_ text: String) -> Localized { Localized(zh: text, en: text) }
        switch metric {
        case "pass_rate": return n(tables.baselinePassRate).map { neutral(formatNumber($0) + "%") }
        case "energy_per_revenue": return n(tables.baselineEnergy).map { neutral(formatNumber($0)) }
        case "cost_per_revenue": return n(tables.baselineCost).map { neutral(formatNumber($0)) }
        case "revenue_per_employee":
            guard let r = n(tables.annualRevenue), let e = n(tables.employees), e > 0 else { return nil }
            return Money.perEmployee(wan: r / e)
        default: return nil
        }
    }

    func summary(_ d: Diagnosis) -> Proposal.DiagnosisSummary {
        var shown = DisplayedAnswers(answers: [], formats: prepared.answerFormats)
        return summary(d, &shown)
    }

    /// The diagnosis as the proposal shows it; answers already displayed in `shown` are not formatted again, and
    /// those it formats are kept there for the next summary.
    func summary(_ d: Diagnosis, _ shown: inout DisplayedAnswers) -> Proposal.DiagnosisSummary {
        let model = catalog.maturity
        // The diagnoser's indicators are the prepared ones in order; a diagnosis from elsewhere is matched by id.
        let inOrder = d.indicators.count == tables.indicatorIDs.count
        var indicators: [Proposal.IndicatorEntry] = []
        indicators.reserveCapacity(d.indicators.count)
        for (k, s) in d.indicators.enumerated() {
            let own = inOrder && tables.indicatorIDs[k] == s.id && tables.indicatorQuestionIDs[k] == s.questionID
            let name: Localized, group: Localized?, confirmed: Bool
            var answer: Localized?
            if own {
                (name, group, confirmed) = (tables.indicatorNames[k], tables.indicatorGroups[k], tables.indicatorConfirmed[k])
                answer = s.answer.flatMap { shown.display($0, slot: tables.indicatorSlots[k]) }
            } else {
                let i = tables.indicatorsByID[s.id]
                (name, group, confirmed) = (i?.name ?? .empty, i?.group, i?.confirmed ?? true)
                answer = s.answer.flatMap { v in questionnaire[s.questionID].map { AnswerDisplay.text(v, $0, catalog) } }
            }
            indicators.append(.init(id: s.id, dimension: s.dimensionID, name: name, group: group, points: points(s.points),
                                    maxPoints: points(s.max), question: s.questionID, answer: answer, confirmed: confirmed))
        }
        var scenes: [Proposal.SceneEntry] = []
        scenes.reserveCapacity(d.scenes.count)
        for (s, l) in zip(model.scenes.indices, d.scenes) {
            let scene = model.scenes[s]
            scenes.append(.init(id: scene.id, group: scene.group, name: scene.name, mandatory: scene.mandatory, level: l.level,
                                description: l.level >= 1 && l.level <= scene.levels.count ? scene.levels[l.level - 1] : nil,
                                unanswered: l.answered ? nil : true))
        }
        return Proposal.DiagnosisSummary(
            points: points(d.total), maxPoints: model.totalPoints, level: d.level,
            dimensions: zip(model.dimensions, d.dimensions).map { .init(id: $1.id, name: $0.name, points: points($1.points), maxPoints: points($1.max)) },
            indicators: indicators,
            scenes: scenes,
            levelChecks: d.levelChecks.map {
                .init(level: $0.level, met: $0.met, points: points($0.score), pointsNeeded: points($0.scoreNeeded),
                      scenesAtLevel: $0.scenesAtLevel, scenesNeeded: $0.scenesNeeded, mandatoryAtLevel: $0.mandatoryAtLevel,
                      mandatoryNeeded: $0.mandatoryNeeded)
            },
            blockers: shown.blockers(d))
    }

    func yuan(_ c: CostRange) -> Proposal.YuanRange { .init(lowYuan: c.low, highYuan: c.high) }
    private func points(_ m: MilliPoints) -> Double { Double(m) / 1000 }

    /// The expected change of an outcome that several modules move, each by a range `low…high`: each end is the
    /// strongest single module's (the effects are not assumed to add up), as the benefit estimate counts them. A
    /// rise: `max(low)…max(high)`; a fall: `min(low)…min(high)`. `lowerIsBetter` is the metric's direction; without
    /// it a range that never rises is a fall.
    static func combined(_ effects: [(low: Double, high: Double)], lowerIsBetter: Bool? = nil) -> (low: Double, high: Double) {
        let lows = effects.map(\.low), highs = effects.map(\.high)
        let fall = lowerIsBetter ?? highs.allSatisfy { $0 <= 0 }
        return fall ? (lows.min()!, highs.min()!) : (lows.max()!, highs.max()!)
    }

    private func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}

/// The display of each answer of one run, by slot, so that an answer shown in the answers list, the
/// diagnosis and the projection is formatted once; and the last level blockers worded.
struct DisplayedAnswers {
    let answers: [AnswerValue?]
    let displays: [Localized?]
    /// The format of each question, by slot.
    let formats: [AnswerFormat]
    /// The last answer other than `answers` displayed for each slot, with its display: a projection's changed
    /// answer is shown for every indicator of its question, and again in the expected projection.
    private var changed: [(value: AnswerValue, display: Localized)?] = []
    /// The next-level check last worded by `blockers`, with its words: the two projections often leave the next
    /// level short in the same way.
    private var worded: (check: LevelCheck, blockers: [Localized])?

    init(answers: [AnswerValue?], formats: [AnswerFormat]) {
        self.answers = answers
        self.formats = formats
        var displays = [Localized?](repeating: nil, count: answers.count)
        for k in formats.indices where k < answers.count {
            if let v = answers[k] { displays[k] = formats[k].text(v) }
        }
        self.displays = displays
    }

    /// `AnswerDisplay.text` of `value` as the answer to the question of `slot` (nil when the slot is no
    /// question of the questionnaire).
    mutating func display(_ value: AnswerValue, slot: Int) -> Localized? {
        guard slot < formats.count else { return nil }
        if slot < answers.count, let shown = displays[slot], let answer = answers[slot], Self.same(answer, value) { return shown }
        if changed.isEmpty { changed = Array(repeating: nil, count: formats.count) }
        if let last = changed[slot], Self.identical(last.value, value) { return last.display }
        let display = formats[slot].text(value)
        changed[slot] = (value, display)
        return display
    }

    /// `LevelExplanation.blockers(d)`, which words `d.nextLevelCheck` only.
    mutating func blockers(_ d: Diagnosis) -> [Localized] {
        guard let next = d.nextLevelCheck else { return [] }
        if let worded, worded.check == next { return worded.blockers }
        let blockers = LevelExplanation.blockers(d)
        worded = (next, blockers)
        return blockers
    }

    /// `same`, numbers compared bit for bit: a display kept for 0 is not taken for -0.
    private static func identical(_ a: AnswerValue, _ b: AnswerValue) -> Bool {
        if case let .number(x) = a, case let .number(y) = b { return x.bitPattern == y.bitPattern }
        return same(a, b)
    }

    /// `a == b`, written out: the synthesized comparison through `Optional` was a good part of `display`.
    private static func same(_ a: AnswerValue, _ b: AnswerValue) -> Bool {
        switch (a, b) {
        case let (.number(x), .number(y)): return x == y
        case let (.text(x), .text(y)), let (.option(x), .option(y)): return x == y
        case let (.options(x), .options(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        default: return false
        }
    }
}

/// Why the level is not higher: which conditions of the next level's rule fail.
public enum LevelExplanation {
    public static func blockers(_ d: Diagnosis) -> [Localized] {
        guard let next = d.nextLevelCheck else { return [] }
        var out: [Localized] = []
        let lvl = next.level
        if !next.scoreMet {
            // Each figure formatted once for both languages.
            let score = formatNumber(Double(next.score) / 1000), needed = formatNumber(Double(next.scoreNeeded) / 1000)
            let short = formatNumber(Double(next.pointsShort) / 1000)
            out.append(Localized(zh: "得分 \(score) 分，\(lvl)级需 \(needed) 分（差 \(short) 分）",
                                 en: "\(score) \(next.score == 1000 ? "point" : "points"); level \(lvl) needs \(needed) (short by \(short))"))
        }
        if !next.scenesMet {
            out.append(Localized(zh: "达到\(lvl)级及以上的场景 \(next.scenesAtLevel) 个，需 \(next.scenesNeeded) 个",
                                 en: "\(EnglishCount.count(next.scenesAtLevel, "scene")) at level \(lvl) or above; \(next.scenesNeeded) needed"))
        }
        if !next.mandatoryMet {
            out.append(Localized(zh: "其中约束性场景 \(next.mandatoryAtLevel) 个，需 \(next.mandatoryNeeded) 个",
                                 en: "of which \(next.mandatoryAtLevel) mandatory; \(next.mandatoryNeeded) needed"))
        }
        return out
    }
}
