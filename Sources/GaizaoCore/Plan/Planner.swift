/// Options of one planning run.
public struct PlanOptions: Sendable {
    public var budgetYuan: Int?
    public var overlay: Overlay?

    public init(budgetYuan: Int? = nil, overlay: Overlay? = nil) {
        self.budgetYuan = budgetYuan
        self.overlay = overlay
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
        let slotAnswers = diagnosis.slotAnswers.using(prepared.slots)
        var decisions = decideModules(fired, band: diagnosis.sizeBand.id, overlay: options.overlay, answers: slotAnswers)
        choosePersonalized(&decisions, budget: options.budgetYuan)
        let phases = Scheduler.schedule(&decisions, tables)
        var investment = CostRange.zero
        // Loops over decisions read fields by index: a `for d in decisions` copies each decision.
        for i in decisions.indices {
            investment.low += decisions[i].cost.low
            investment.high += decisions[i].cost.high
        }
        let calculator = SubsidyCalculator(policies: catalog.policies)
        let subsidies = calculator.lines(decisions: decisions, tables: tables, investment: investment, answers: answers,
                                         firstYearFees: yearlyFees(decisions, overlay: options.overlay, answers: slotAnswers))
        let tiers = calculator.totals(subsidies, tables: tables, investment: investment)
        let subsidyTotal = tiers.certain
        let projected = project(diagnosis, decisions)
        var risks: [Risk] = []
        let rules = tables.rules
        for k in rules.indices where fired[k] { if let risk = rules[k].risk { risks.append(risk) } }
        risks += builtInRisks(diagnosis, projected, decisions, budget: options.budgetYuan, weeks: phases.last?.endWeek ?? 0)
        var kpis: [KPILine] = []
        for i in decisions.indices where decisions[i].status.isSelected {
            for k in industry.modules[i].kpis {
                kpis.append(KPILine(moduleID: decisions[i].moduleID, metric: k.metric, low: k.low, high: k.high, source: k.source))
            }
        }
        return Plan(
            decisions: decisions, phases: phases, investment: investment, durationWeeks: phases.last?.endWeek ?? 0,
            subsidies: subsidies, subsidyTotal: subsidyTotal, subsidyConditional: tiers.conditional, subsidyOneOff: tiers.oneOff,
            netCost: CostRange(low: investment.low - subsidyTotal.low, high: investment.high - subsidyTotal.high),
            budgetYuan: options.budgetYuan, risks: risks, kpis: kpis, projected: projected, overlayID: options.overlay?.id)
    }

    // MARK: module decisions

    private func decideModules(_ fired: [Bool], band: String, overlay: Overlay?, answers: SlotAnswers) -> [ModuleDecision] {
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
            for r in tables.modules[i].rules where fired[r] {
                switch rules[r].keyword {
                case .exclude: excluded.append(rules[r].reason)
                case .satisfied: satisfied.append(rules[r].reason)
                case .upgrade: upgrade.append(rules[r].reason)
                case .recommend:
                    recommended.append(rules[r].reason)
                    score += rules[r].weight
                case .risk: break
                }
            }
            var d = ModuleDecision(
                moduleID: id, kind: kind, status: .notChosen, score: 0, reasons: [], requiredBy: [],
                cost: .zero, referenceCost: full,
                durationWeeks: override?.durationWeeks ?? modules[i].durationWeeks, products: override?.products ?? modules[i].products,
                costSource: override?.costSource ?? modules[i].costSource)
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
            case .personalized:
                d.score = score
                d.reasons = recommended
                if !excluded.isEmpty {
                    d.status = .excluded
                    d.reasons = excluded + recommended
                } else if d.score + 1e-9 < industry.threshold {
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

    // MARK: projection

    /// Re-diagnoses with the selected modules delivered: scenes raised, `brings` applied.
    public func project(_ diagnosis: Diagnosis, _ decisions: [ModuleDecision]) -> Diagnosis {
        var answers = diagnosis.slotAnswers.using(prepared.slots)
        for n in decisions.indices where decisions[n].status.isSelected {
            // Decisions made here follow the modules' order; others are matched by id.
            let id = decisions[n].moduleID
            let i: Int
            if n < industry.modules.count && industry.modules[n].id == id {
                i = n
            } else if let found = industry.modules.firstIndex(where: { $0.id == id }) {
                i = found
            } else {
                continue
            }
            let m = tables.modules[i]
            for r in m.raises {
                let now: Double
                if case let .number(n)? = answers.values[r.slot] { now = n } else { now = 0 }
                answers.values[r.slot] = .number(max(now, Double(r.level)))
            }
            for b in m.brings { apply(b, to: &answers.values) }
        }
        return prepared.diagnosis.diagnose(industryID: industry.id, answers: answers)
    }

    private func apply(_ b: PlanTables.PreparedChange, to answers: inout [AnswerValue?]) {
        switch b {
        case let .add(slot, optionIDs, firstOfID, adding):
            // The question's options, in their order, that are chosen now or added. `adding` is already a mask
            // over the options; a current choice is found once (not once per option) and marks its id.
            var chosen = adding
            if case let .options(current)? = answers[slot] {
                for id in current {
                    if let j = optionIDs.firstIndex(of: id) { chosen[j] = true }
                }
            }
            var result: [String] = []
            for j in optionIDs.indices where chosen[j] || chosen[firstOfID[j]] { result.append(optionIDs[j]) }
            answers[slot] = .options(result)
        case let .atLeastNumber(slot, n):
            if case let .number(now)? = answers[slot], now >= n { return }
            answers[slot] = .number(n)
        case let .atLeastOption(slot, optionIDs, target, option):
            if case let .option(now)? = answers[slot], let i = optionIDs.firstIndex(of: now), i >= target { return }
            answers[slot] = .option(option)
        }
    }

    private func builtInRisks(_ now: Diagnosis, _ after: Diagnosis, _ decisions: [ModuleDecision], budget: Int?, weeks: Int) -> [Risk] {
        var risks: [Risk] = []
        if let budget {
            let standardHigh = decisions.filter { $0.kind == .standard && $0.status.isSelected }.reduce(0) { $0 + $1.cost.high }
            if standardHigh > budget {
                risks.append(Risk(ruleID: nil, text: Localized(
                    zh: "预算 \(Money.wan(budget)) 万元低于标准模块的上限估算 \(Money.wan(standardHigh)) 万元：标准模块仍全部列出，个性化模块均未纳入",
                    en: "the budget of \(Money.wan(budget)) 万元 is below the standard modules' high estimate of \(Money.wan(standardHigh)) 万元: the standard modules stay, no personalized module fits"),
                    questions: []))
            }
        }
        if weeks > 26 {
            risks.append(Risk(ruleID: nil, text: Localized(
                zh: "按依赖顺序排期共 \(weeks) 周，超过半年；县市“N+X”项目通常要求 6 个月内完成（如天台县做法），宜分批申报或并行实施",
                en: "scheduled in dependency order the package takes \(weeks) weeks, more than six months; county \"N+X\" projects are usually expected to finish within 6 months (e.g. Tiantai): split the application or run modules in parallel"),
                questions: []))
        }
        if after.level < 2 {
            risks.append(Risk(ruleID: nil, text: Localized(
                zh: "按估算改造后仍未达到二级（国家试点要求改造后达到二级及以上），需在评审前补充措施",
                en: "by this estimate the enterprise stays below level 2 after the retrofit (pilot enterprises should reach level 2 or above): strengthen the package before review"),
                questions: []))
        }
        return risks
    }
}
