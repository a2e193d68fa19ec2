/// The level a plan aims at.
public enum TargetLevel: Sendable, Hashable {
    /// Level 2 (the city pilot's pass mark) while the enterprise is below 2, else the next level up.
    case automatic
    /// A level from 1 to 4.
    case level(Int)
    /// No target: the rules-only package (standard modules and the personalized ones the rules recommend).
    case none
}

/// Options of one planning run.
public struct PlanOptions: Sendable {
    public var budgetYuan: Int?
    public var overlay: Overlay?
    public var target: TargetLevel
    /// Whether to price every level (the cost ladder); a caller that only needs the package (the flip search)
    /// skips it.
    public var ladder: Bool

    public init(budgetYuan: Int? = nil, overlay: Overlay? = nil, target: TargetLevel = .automatic, ladder: Bool = true) {
        self.budgetYuan = budgetYuan
        self.overlay = overlay
        self.target = target
        self.ladder = ladder
    }
}

/// A rule whose condition held, with the answers it read.
public struct FiredRule: Sendable, Hashable {
    public var rule: Rule
    public var questions: [String]
}

/// Turns a diagnosis into a plan: decides every module, resolves requires/excludes and the budget,
/// schedules phases, applies subsidies and projects the level after the retrofit. Pure and deterministic.
/// It works on the industry's prepared tables (`PreparedIndustry`): a plan's decisions are in the order of
/// `industry.modules`, so a decision's index is its module's index in every table.
public struct Planner: Sendable {
    public let catalog: Catalog
    public let industry: Industry
    public let questionnaire: Questionnaire
    let prepared: PreparedIndustry
    var tables: PlanTables { prepared.plan }

    public init(catalog: Catalog, industry: Industry) {
        self.init(PreparedIndustry(catalog: catalog, industry: industry))
    }

    init(_ prepared: PreparedIndustry) {
        self.prepared = prepared
        catalog = prepared.catalog
        industry = prepared.industry
        questionnaire = prepared.questionnaire
    }

    public func firedRules(_ answers: [String: AnswerValue]) -> [FiredRule] {
        industry.rules.compactMap { rule in
            ConditionEvaluator.evaluate(rule.when, in: answers).isTrue ? FiredRule(rule: rule, questions: rule.when.questionIDs) : nil
        }
    }

    public func plan(_ diagnosis: Diagnosis, options: PlanOptions = PlanOptions()) -> Plan {
        let answers = diagnosis.slotAnswers.using(prepared.slots).values
        let fired = tables.ruleConditions.map { $0.evaluate(answers).isTrue }
        // The band whose prices apply (a large enterprise is priced as a medium one).
        let band = diagnosis.sizeBand.costKey
        let slotAnswers = diagnosis.slotAnswers.using(prepared.slots)
        var decisions = decideModules(fired, band: band, overlay: options.overlay, answers: slotAnswers)
        // A standard module's prepared reason names every scene it brings; where the enterprise already holds some
        // of them, it names only those not reached.
        for i in decisions.indices where decisions[i].kind == .standard && decisions[i].reasons.first?.kind == .standard {
            let raises = industry.modules[i].raises
            if raises.contains(where: { r in (diagnosis.scene(r.scene)?.level ?? 0) >= r.level }) {
                decisions[i].reasons[0] = PlanTables.standardReason(industry.modules[i], catalog.maturity,
                                                                    levelNow: { diagnosis.scene($0)?.level ?? 0 })
            }
        }
        var measures = measureDecisions(answers, band: band)
        var risks: [Risk] = []
        let rules = tables.rules
        // The risk rules that fired; those about modules are kept once the package is known.
        let firedRisks = rules.indices.filter { fired[$0] && rules[$0].risk != nil }

        var target = PlanTarget(level: nil, source: .none, reached: true, missing: [])
        var ladder: [LadderStep] = []
        var budgetShortfall: Localized?
        var searchComplete = true
        let model = packageModel(diagnosis, decisions, measureCosts: measures.map(\.referenceCost),
                                 measureUseful: measures.map { $0.status != .satisfied })
        var search = PackageSearch(model)
        let forced = mustHaves(model, decisions, &risks)
        let levels = catalog.maturity.levels.map(\.level).sorted()
        // The cheapest package per level, searched when first needed. A package found for a higher level also
        // reaches a lower one, so it bounds that search.
        var searched = [UInt64??](repeating: nil, count: levels.count)
        func ladderMask(_ k: Int) -> UInt64? {
            if let done = searched[k] { return done }
            let incumbent = searched[(k + 1)...].lazy.compactMap { $0 ?? nil }.first
            let mask = model.evaluate(forced).level >= levels[k] ? forced
                : search.cheapest(reaching: levels[k], forced: forced, budget: nil, incumbent: incumbent)
            searched[k] = .some(mask)
            return mask
        }
        // The whole ladder is priced: from the top down, each level's package bounds the next one's search.
        if options.ladder { for k in levels.indices.reversed() { _ = ladderMask(k) } }
        let workstreams = options.overlay?.workstreams ?? catalog.manifest.workstreams

        switch options.target {
        case .none:
            target.source = .none
            // The rules-only package always holds the standard modules the enterprise lacks and the must-haves; the
            // budget chooses among the other personalized ones. A budget below those cannot be kept: refused, as a
            // target's budget below its must-haves is, rather than a package several times the budget.
            // The measures the retrofit needs come with any module: a budget holds them first.
            let retrofitHigh = tables.retrofitMeasures.filter { measures[$0].status != .satisfied }
                .reduce(0) { $0 + measures[$1].referenceCost.high }
            let kept = choosePersonalized(&decisions, budget: options.budgetYuan.map { $0 - retrofitHigh })
            let keptHigh = kept.reduce(0) { $0 + decisions[$1].cost.high } + (kept.isEmpty ? 0 : retrofitHigh)
            if let budget = options.budgetYuan, keptHigh > budget {
                var what = kept.contains { decisions[$0].kind == .personalized }
                    ? (zh: "标准模块和必选模块", en: "the standard and must-have modules'") : (zh: "标准模块", en: "the standard modules'")
                // The measures the modules need (a digital lead) are in the figure too: say so.
                if retrofitHigh > 0 { what = (zh: what.zh + "（含模块所需的管理措施）", en: what.en + " and their measures'") }
                let withLead = { (lang: Lang) in kept.map { name($0, lang) }
                    + (retrofitHigh > 0 ? tables.retrofitMeasures.filter { measures[$0].status != .satisfied }.map { industry.measures[$0].name[lang] } : []) }
                budgetShortfall = Localized(
                    zh: "预算 \(Money.wan(budget)) 万元低于\(what.zh)的上限估算 \(Money.wan(keptHigh)) 万元（\(withLead(.zh).joined(separator: "、"))）：按诊断规则选取（--target-level none）时这些模块不删减；请提高预算，或设定目标等级，在预算内选取",
                    en: "the budget of CNY \(Money.grouped(budget)) is below \(what.en) high estimate of CNY \(Money.grouped(keptHigh)) (\(withLead(.en).joined(separator: ", "))): the rules-only package (--target-level none) never drops them; raise the budget, or set a target level to choose within it")
            }
            for i in decisions.indices where !decisions[i].status.isSelected { decisions[i].cost = .zero }
            for i in decisions.indices where decisions[i].status.isSelected {
                decisions[i].role = decisions[i].must ? .must : (decisions[i].requiredBy.isEmpty ? .target : .prerequisite)
            }
            for i in decisions.indices where !decisions[i].status.isSelected {
                decisions[i].role = decisions[i].status == .notChosen && decisions[i].kind == .personalized
                    && decisions[i].score + 1e-9 >= industry.threshold ? .recommendedNext : .notNeeded
            }
            var buffers = model.projectionBuffers()
            // The rules-only package, as items: a measure is a next step where it adds to what it brings.
            var package: UInt64 = 0
            for (n, item) in model.items.enumerated() where item.module.map({ decisions[$0].status.isSelected }) == true {
                package |= UInt64(1) << UInt64(n)
            }
            // The measures the retrofit needs (a digital lead) come with any module, as in a target's package.
            if package & model.moduleMask != 0 {
                for (n, item) in model.items.enumerated() where item.measure.map(tables.retrofitMeasures.contains) == true {
                    package |= model.items[n].closure
                }
            }
            let packagePoints = model.evaluate(package, buffers: &buffers).points
            for k in measures.indices where measures[k].status != .satisfied {
                let gain = measureGain(model, k, package: package, packagePoints: packagePoints, buffers: &buffers)
                if let n = model.items.firstIndex(where: { $0.measure == k }), package & (UInt64(1) << UInt64(n)) != 0 {
                    measures[k].status = .include
                    measures[k].role = .prerequisite
                    measures[k].cost = measures[k].referenceCost
                    let requirers = model.items.indices.filter { package & (UInt64(1) << UInt64($0)) != 0 && $0 != n
                        && model.items[$0].closure & (UInt64(1) << UInt64(n)) != 0 }
                    measures[k].reasons = [gain, DecisionReason(kind: .required, ruleID: nil, text: requiredMeasureText(model, requirers),
                                                                questions: [])]
                    continue
                }
                measures[k].role = gain.questions.isEmpty ? .notNeeded : .recommendedNext
                measures[k].reasons.append(gain)
            }
        case .automatic, .level:
            let level: Int
            if case let .level(l) = options.target {
                level = l
                target.source = .option
            } else {
                level = diagnosis.level < 2 ? 2 : min(diagnosis.level + 1, levels.last ?? 4)
                target.source = .default
            }
            target.level = level
            let chosen: UInt64
            if let budget = options.budgetYuan {
                if model.cost(forced).high > budget {
                    budgetShortfall = Localized(
                        zh: "预算 \(Money.wan(budget)) 万元低于必选模块的上限估算 \(Money.wan(model.cost(forced).high)) 万元（\(names(model, forced, .zh))）：必选模块不能删减，请提高预算",
                        en: "the budget of CNY \(Money.grouped(budget)) is below the must-have modules' high estimate of CNY \(Money.grouped(model.cost(forced).high)) (\(names(model, forced, .en))): must-haves are never dropped; raise the budget")
                    chosen = forced
                } else {
                    chosen = search.best(forced: forced, budget: budget)
                }
            } else if let index = levels.firstIndex(of: level), let mask = ladderMask(index) {
                chosen = mask
            } else {
                // Out of reach: the cheapest package for the highest level that can be reached.
                chosen = levels.indices.reversed().lazy.filter { levels[$0] < level }.compactMap { ladderMask($0) }.first ?? forced
            }
            let reached = model.evaluate(chosen).level >= level
            // The cheapest package for the target, when the catalog can reach it: within a budget that cannot hold
            // it, what that package has and this one lacks was left out for the budget.
            let cheapest = reached ? nil : levels.firstIndex(of: level).flatMap { ladderMask($0) }
            let cutForBudget = options.budgetYuan == nil ? 0 : (cheapest ?? 0) & ~chosen
            assign(chosen, model, level: level, budgeted: options.budgetYuan != nil, cutForBudget: cutForBudget,
                   &decisions, &measures)
            target.reached = reached
            if !target.reached {
                if let cheapest, let budget = options.budgetYuan {
                    // The catalog can reach the target; the budget cannot hold it.
                    let best = model.evaluate(chosen), cost = model.cost(cheapest)
                    let points = formatNumber(Double(best.points) / 1000)
                    target.missing = [Localized(
                        zh: "预算 \(Money.wan(budget)) 万元内最多达到\(Self.levelName(best.level, .zh))（得分 \(points)）；达到目标\(Self.levelName(level, .zh))的最低投入为 \(Money.wanRange(cost.low, cost.high)) 万元，上限估算超出预算",
                        en: "within the budget of CNY \(Money.grouped(budget)) the package reaches \(Self.levelName(best.level, .en)) (\(points) points); the least package for the target of \(Self.levelName(level, .en)) costs CNY \(Money.groupedRange(cost.low, cost.high)), its high estimate above the budget")]
                } else {
                    target.missing = cheapest == nil ? unreachable(model, forced, level) : []
                }
            }
        }
        if options.ladder {
            // Levels the same package reaches (those reached now, often) are scheduled and subsidised once.
            var stepOfMask: [UInt64: LadderStep] = [:]
            let levelNow = model.evaluate(0).level
            ladder = levels.indices.map { k in
                let mask = ladderMask(k)
                if let mask, var step = stepOfMask[mask] {
                    step.level = levels[k]
                    step.reachedNow = mask == forced && levelNow >= levels[k]
                    return step
                }
                let step = ladderStep(levels[k], mask, model, diagnosis, band: band, overlay: options.overlay, workstreams: workstreams,
                                      forced: forced, answers: answers, slotAnswers: slotAnswers)
                if let mask { stepOfMask[mask] = step }
                return step
            }
        }
        searchComplete = search.complete
        let phases = Scheduler.schedule(&decisions, &measures, tables, workstreams: workstreams)
        let package = self.package(decisions, measures)
        let (subsidies, tiers) = self.subsidies(decisions, answers, overlay: options.overlay, slotAnswers: slotAnswers)
        let subsidyTotal = tiers.certain
        let moduleInvestment = moduleCost(decisions)
        let projected = project(diagnosis, package, .conservative)

        // A risk about modules' rollout applies only when one of them is in the package; a general one always does.
        // They come first, in rule order. A general risk whose condition no longer holds once the package is done
        // (no security measures, and the package brings them) stays a risk of the project, but its advice first says
        // the package covers it, so that advice to add what the package holds is not read as missing.
        let after = projected.slotAnswers.using(prepared.slots).values
        risks.insert(contentsOf: firedRisks.compactMap { k in
            let applies = rules[k].scope.map { scope in scope.contains { decisions[$0].status.isSelected } } ?? true
            guard applies, var risk = rules[k].risk else { return nil }
            if rules[k].scope == nil, !package.modules.isEmpty || !package.measures.isEmpty, !tables.ruleConditions[k].evaluate(after).isTrue {
                let covered = Localized(zh: "本方案已纳入应对的模块或措施，改造完成后此情况不再存在",
                                        en: "the package holds the modules or measures that answer it; once delivered, this no longer holds")
                risk.mitigation = risk.mitigation.map { Clauses.join([covered, $0]) } ?? covered
            }
            return risk
        }, at: 0)
        let expected = project(diagnosis, package, .expected)
        if options.target == .none { target.reached = true }

        risks += builtInRisks(diagnosis, projected, target, weeks: Scheduler.weeks(decisions, measures))
        if !searchComplete {
            risks.append(Risk(ruleID: nil, text: Localized(
                zh: "组合搜索达到上限，所列方案是已找到的最优，未必是全局最优",
                en: "the package search hit its limit: this is the best package found, not proven optimal"), questions: []))
        }
        let kpis = kpiLines(package.modules)
        return Plan(
            decisions: decisions, measures: measures, target: target, ladder: ladder, expected: expected,
            phases: phases, investment: package.investment, durationWeeks: Scheduler.weeks(decisions, measures),
            subsidies: subsidies, subsidyTotal: subsidyTotal, subsidyConditional: tiers.conditional, subsidyOneOff: tiers.oneOff,
            netCost: CostRange(low: package.investment.low - subsidyTotal.low, high: package.investment.high - subsidyTotal.high),
            budgetYuan: options.budgetYuan, risks: risks, kpis: kpis, projected: projected, overlayID: options.overlay?.id,
            moduleInvestment: moduleInvestment, budgetShortfall: budgetShortfall, workstreams: workstreams)
    }

    // MARK: module decisions

    func decideModules(_ fired: [Bool], band: String, overlay: Overlay?, answers: SlotAnswers) -> [ModuleDecision] {
        let bandIndex = tables.bandIndex(band)
        var decisions: [ModuleDecision] = []
        decisions.reserveCapacity(industry.modules.count)
        let tables = tables, rules = tables.rules, modules = industry.modules
        for i in modules.indices {
            // Fields are read where the module stands: copying a whole `Module` retains all its strings.
            let id = modules[i].id, kind = modules[i].kind
            let override = overlay?.modules[id]
            // Priced by the cost model unless a contractor's overlay sets its own band prices for the module.
            let price = override?.cost == nil ? price(of: id, override: override, answers: answers) : nil
            let full: CostRange
            if let price {
                full = price.oneOff
            } else if let override {
                full = (override.cost ?? modules[i].cost)[band] ?? modules[i].cost[band] ?? .zero
            } else if let bandIndex {
                full = tables.modules[i].costByBand[bandIndex] ?? .zero
            } else {
                full = modules[i].cost[band] ?? .zero
            }
            // The fired rules about the module by keyword, in rule order.
            var excluded: [DecisionReason] = [], satisfied: [DecisionReason] = [], upgrade: [DecisionReason] = []
            var recommended: [DecisionReason] = []
            var score = 0.0
            var must = false
            for r in tables.modules[i].rules where fired[r] {
                switch rules[r].keyword {
                case .exclude: excluded.append(rules[r].reason)
                case .satisfied: satisfied.append(rules[r].reason)
                case .upgrade: upgrade.append(rules[r].reason)
                case .recommend:
                    // A must-have's reason comes first: it is why the module cannot be dropped.
                    if rules[r].must { recommended.insert(rules[r].reason, at: must ? 1 : 0); must = true } else { recommended.append(rules[r].reason) }
                    score += rules[r].weight
                case .risk: break
                }
            }
            var d = ModuleDecision(
                moduleID: id, kind: kind, status: .notChosen, score: 0, reasons: [], requiredBy: [],
                cost: .zero, referenceCost: full,
                durationWeeks: override?.durationWeeks ?? modules[i].durationWeeks, products: override?.products ?? modules[i].products,
                costSource: override?.costSource ?? modules[i].costSource)
            d.must = must
            switch kind {
            case .standard:
                if !excluded.isEmpty {
                    d.status = .excluded; d.reasons = excluded
                } else if !satisfied.isEmpty {
                    d.status = .satisfied; d.reasons = satisfied
                } else if !upgrade.isEmpty {
                    d.status = .upgrade; d.reasons = upgrade
                    d.cost = scaled(full, percent: price?.upgradePercent ?? catalog.manifest.upgradeCostPercent)
                } else {
                    d.status = .include
                    d.cost = full
                    d.reasons = [tables.modules[i].standardReason]
                }
                d.score = score
                d.reasons += recommended
            case .personalized:
                d.score = score
                d.reasons = recommended
                // What the module would cost in the package (the target planner reads it; the rules-only
                // choice keeps it for the modules it selects).
                d.cost = full
                if !excluded.isEmpty {
                    d.status = .excluded
                    d.reasons = excluded + recommended
                    d.cost = .zero
                } else if !satisfied.isEmpty {
                    d.status = .satisfied
                    d.reasons = satisfied
                    d.cost = .zero
                } else if d.score + 1e-9 < industry.threshold && !must {
                    d.status = .notChosen
                    d.reasons.append(DecisionReason(
                        kind: .threshold, ruleID: nil,
                        text: Localized(
                            zh: "推荐规则合计权重 \(formatNumber(d.score))，未达到纳入门槛 \(tables.thresholdText)",
                            en: "the recommending rules weigh \(formatNumber(d.score)), below the inclusion threshold \(tables.thresholdText)"),
                        questions: []))
                } else {
                    d.status = .include  // tentatively; choosePersonalized decides
                }
            }
            decisions.append(d)
        }
        return decisions
    }

    private func scaled(_ c: CostRange, percent: Int) -> CostRange {
        CostRange(low: (c.low * percent + 50) / 100, high: (c.high * percent + 50) / 100)
    }

    /// The name of the module at `index` (decisions and modules share indices).
    func name(_ index: Int, _ lang: Lang) -> String {
        industry.modules[index].name[lang]
    }

    /// A target reached with fewer points to spare than this is "reached with a thin margin": the headline and the
    /// risk matrix say so (an estimate: one indicator marked down a band costs about this much).
    public static let thinMarginPoints = 3.0

    /// How the built-in risks begin (in Chinese), so the proposal can give each its own mitigation.
    static let targetMissedRiskLead = "按保守估算，方案达不到目标"
    static let belowPassRiskLead = "按保守估算改造后仍未达到二级"

    func builtInRisks(_ now: Diagnosis, _ after: Diagnosis, _ target: PlanTarget, weeks: Int) -> [Risk] {
        var risks: [Risk] = []
        if weeks > 26 {
            risks.append(Risk(ruleID: nil, text: Localized(
                zh: "排期共 \(weeks) 周，超过半年；本地政策未写明完成期限，但有的县市要求“N+X”项目 6 个月内完成（如天台县，非本地政策），请向主管部门确认，必要时分批申报或增加并行实施",
                en: "the schedule takes \(weeks) weeks, more than six months; the local policy sets no deadline, but some counties want \"N+X\" projects finished within 6 months (e.g. Tiantai, not a local policy): check with the authority, and split the application or run more modules in parallel if needed"),
                questions: []))
        }
        if let level = target.level, !target.reached {
            risks.append(Risk(ruleID: nil, text: Localized(
                zh: "\(Self.targetMissedRiskLead)\(Self.levelName(level, .zh))：\(Clauses.join(target.missing).zh)",
                en: "by the conservative estimate the package does not reach the target of level \(level): \(Clauses.join(target.missing).en)"),
                questions: []))
        }
        // The conservative estimate keeps the outcome answers (last year's trends). A rater compares the outcomes
        // after the retrofit with those before: where their points are more than the margin, a flat year after the
        // retrofit would miss the target.
        if let level = target.level, target.reached, let rule = catalog.maturity.levels.first(where: { $0.level == level }) {
            let outcomeQuestions = Set(tables.outcomes.map { prepared.slots.ids[$0.slot] })
            let trendPoints = after.indicators.filter { outcomeQuestions.contains($0.questionID) }.reduce(0) { $0 + $1.points }
            let margin = after.total - milli(rule.minScore)
            // A thin margin has its own risk row (any indicator marked down loses the level); this one is for a
            // margin that looks comfortable but rests on the trends.
            if trendPoints > margin && margin >= milli(Self.thinMarginPoints) {
                let p = formatNumber(Double(trendPoints) / 1000), m = formatNumber(Double(margin) / 1000)
                risks.append(Risk(ruleID: nil, text: Localized(
                    zh: "保守估算沿用现有的成效指标趋势（共 \(p) 分），评测时按改造前后复测；若改造当年这些指标未能保持改善，得分可能低于\(Self.levelName(level, .zh))所需（余量只有 \(m) 分）",
                    en: "the conservative estimate keeps today's outcome trends (\(p) points), which the rating measures again before and after the retrofit; if they do not keep improving in the retrofit year, the score may fall below \(Self.levelName(level, .en)) (a margin of only \(m) points)"),
                    questions: Array(outcomeQuestions).sorted(),
                    mitigation: Localized(
                        zh: "改造期间按同一口径记录合格率、能耗、人均营收和成本，评测前核对改造前后的数据；余量不足时加选能提高数字化基础或管理得分的措施",
                        en: "record pass rate, energy, revenue per employee and cost the same way throughout the retrofit and check before and after figures ahead of the rating; where the margin is thin, add measures that raise the foundation or management points")))
            }
        }
        if after.level < 2 {
            risks.append(Risk(ruleID: nil, text: Localized(
                zh: "\(Self.belowPassRiskLead)（试点城市要求改造后达到二级及以上，现场评测），需在评审前补充措施",
                en: "by the conservative estimate the enterprise stays below level 2 after the retrofit (pilot cities require level 2 or above, rated on site): strengthen the package before review"),
                questions: []))
        }
        return risks
    }
}
