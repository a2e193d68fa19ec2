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
public struct Planner: Sendable {
    public let catalog: Catalog
    public let industry: Industry
    public let questionnaire: Questionnaire

    public init(catalog: Catalog, industry: Industry) {
        self.catalog = catalog
        self.industry = industry
        self.questionnaire = catalog.questionnaire(for: industry)
    }

    public func firedRules(_ answers: [String: AnswerValue]) -> [FiredRule] {
        industry.rules.compactMap { rule in
            ConditionEvaluator.evaluate(rule.when, in: answers).isTrue ? FiredRule(rule: rule, questions: rule.when.questionIDs) : nil
        }
    }

    public func plan(_ diagnosis: Diagnosis, options: PlanOptions = PlanOptions()) -> Plan {
        let fired = firedRules(diagnosis.answers)
        let band = diagnosis.sizeBand.id
        var decisions = decideModules(fired, band: band, overlay: options.overlay)
        choosePersonalized(&decisions, budget: options.budgetYuan)
        let phases = Scheduler.schedule(&decisions, industry: industry)
        let investment = decisions.reduce(CostRange(low: 0, high: 0)) { CostRange(low: $0.low + $1.cost.low, high: $0.high + $1.cost.high) }
        let subsidies = SubsidyCalculator(policies: catalog.policies).lines(
            decisions: decisions, industry: industry, investment: investment, answers: diagnosis.answers)
        let applied = subsidies.filter(\.applied)
        var subsidyTotal = CostRange(low: applied.reduce(0) { $0 + $1.amount.low }, high: applied.reduce(0) { $0 + $1.amount.high })
        subsidyTotal = CostRange(low: min(subsidyTotal.low, investment.low), high: min(subsidyTotal.high, investment.high))
        let projected = project(diagnosis, decisions)
        var risks = fired.compactMap { f -> Risk? in
            if case let .risk(text) = f.rule.effect { return Risk(ruleID: f.rule.id, text: text, questions: f.questions) }
            return nil
        }
        risks += builtInRisks(diagnosis, projected, decisions, budget: options.budgetYuan, weeks: phases.last?.endWeek ?? 0)
        let kpis = decisions.filter(\.status.isSelected).flatMap { d in
            (industry.module(d.moduleID)?.kpis ?? []).map { KPILine(moduleID: d.moduleID, metric: $0.metric, low: $0.low, high: $0.high, source: $0.source) }
        }
        return Plan(
            decisions: decisions, phases: phases, investment: investment, durationWeeks: phases.last?.endWeek ?? 0,
            subsidies: subsidies, subsidyTotal: subsidyTotal,
            netCost: CostRange(low: investment.low - subsidyTotal.low, high: investment.high - subsidyTotal.high),
            budgetYuan: options.budgetYuan, risks: risks, kpis: kpis, projected: projected, overlayID: options.overlay?.id)
    }

    // MARK: module decisions

    private func decideModules(_ fired: [FiredRule], band: String, overlay: Overlay?) -> [ModuleDecision] {
        industry.modules.map { m in
            let override = overlay?.modules[m.id]
            let full = (override?.cost ?? m.cost)[band] ?? m.cost[band] ?? CostRange(low: 0, high: 0)
            let about = fired.filter { $0.rule.effect.moduleID == m.id }
            func reasons(_ keyword: String) -> [DecisionReason] {
                about.filter { $0.rule.effect.keyword == keyword }.map {
                    DecisionReason(kind: .rule, ruleID: $0.rule.id, text: $0.rule.reason, questions: $0.questions)
                }
            }
            var d = ModuleDecision(
                moduleID: m.id, kind: m.kind, status: .notChosen, score: 0, reasons: [], requiredBy: [],
                cost: CostRange(low: 0, high: 0), referenceCost: full,
                durationWeeks: override?.durationWeeks ?? m.durationWeeks, products: override?.products ?? m.products,
                costSource: override?.costSource ?? m.costSource)
            let excluded = reasons("exclude")
            switch m.kind {
            case .standard:
                if !excluded.isEmpty {
                    d.status = .excluded; d.reasons = excluded
                } else if !reasons("satisfied").isEmpty {
                    d.status = .satisfied; d.reasons = reasons("satisfied")
                } else if !reasons("upgrade").isEmpty {
                    d.status = .upgrade; d.reasons = reasons("upgrade")
                    d.cost = scaled(full, percent: catalog.manifest.upgradeCostPercent)
                } else {
                    d.status = .include
                    d.cost = full
                    d.reasons = [standardReason(m)]
                }
            case .personalized:
                let recommended = reasons("recommend")
                d.score = about.filter { $0.rule.effect.keyword == "recommend" }.reduce(0) { $0 + $1.rule.weight }
                d.reasons = recommended
                if !excluded.isEmpty {
                    d.status = .excluded
                    d.reasons = excluded + recommended
                } else if d.score + 1e-9 < industry.threshold {
                    d.status = .notChosen
                    d.reasons.append(DecisionReason(
                        kind: .threshold, ruleID: nil,
                        text: Localized(
                            zh: "推荐规则合计权重 \(formatNumber(d.score))，未达到纳入门槛 \(formatNumber(industry.threshold))",
                            en: "the recommending rules weigh \(formatNumber(d.score)), below the inclusion threshold \(formatNumber(industry.threshold))"),
                        questions: []))
                } else {
                    d.status = .include  // tentatively; choosePersonalized decides
                }
            }
            return d
        }
    }

    private func standardReason(_ m: Module) -> DecisionReason {
        let names = m.raises.compactMap { r in catalog.maturity.scene(r.scene).map { (r, $0) } }
        let zh = names.map { "\($0.1.name.zh)→\($0.0.level)级" }.joined(separator: "、")
        let en = names.map { "\($0.1.name.en) → level \($0.0.level)" }.joined(separator: ", ")
        return DecisionReason(
            kind: .standard, ruleID: nil,
            text: Localized(zh: "标准模块：本行业每家企业的基础配置，现状未达到（\(zh)）",
                            en: "standard module: the base every enterprise of the industry needs, not yet in place (\(en))"),
            questions: names.map { $0.1.questionID })
    }

    private func scaled(_ c: CostRange, percent: Int) -> CostRange {
        CostRange(low: (c.low * percent + 50) / 100, high: (c.high * percent + 50) / 100)
    }

    // MARK: personalized selection (exact search over subsets)

    private func choosePersonalized(_ decisions: inout [ModuleDecision], budget: Int?) {
        let index = Dictionary(uniqueKeysWithValues: decisions.enumerated().map { ($1.moduleID, $0) })
        let candidates = decisions.indices.filter { decisions[$0].kind == .personalized && decisions[$0].status == .include }
        let fixed = decisions.indices.filter { decisions[$0].kind == .standard && decisions[$0].status.isSelected }
        let fixedHigh = fixed.reduce(0) { $0 + decisions[$1].cost.high }
        let ruledOut = Set(decisions.indices.filter { decisions[$0].status == .excluded })

        // Requirements and exclusions as index lists, resolved once.
        let requires = decisions.map { d in (industry.module(d.moduleID)?.requiredIDs ?? []).compactMap { index[$0] } }
        let excludes = decisions.map { d in (industry.module(d.moduleID)?.excludedIDs ?? []).compactMap { index[$0] } }

        // The personalized modules a set of candidates needs, or why it cannot be built.
        func closure(_ chosen: [Int]) -> (Set<Int>, blocker: (Int, Int)?) {
            var set = Set(chosen)
            var stack = chosen
            while let i = stack.popLast() {
                for j in requires[i] {
                    if ruledOut.contains(j) { return (set, (i, j)) }
                    if decisions[j].kind == .personalized && set.insert(j).inserted { stack.append(j) }
                }
            }
            return (set, nil)
        }
        func conflict(_ set: Set<Int>) -> (Int, Int)? {
            let all = set.union(fixed)
            for i in all.sorted() {
                for j in excludes[i] where all.contains(j) { return (i, j) }
            }
            return nil
        }
        func highCost(_ set: Set<Int>) -> Int { set.reduce(0) { $0 + decisions[$1].referenceCost.high } }
        func value(_ set: Set<Int>) -> Double { set.reduce(0) { $0 + decisions[$1].score } }

        var best: Set<Int> = []
        if candidates.count <= 16 && decisions.count <= ModuleBits.capacity {
            best = exactChoice(decisions, candidates: candidates, fixed: fixed, requires: requires, excludes: excludes,
                               ruledOut: ruledOut, room: budget.map { $0 - fixedHigh })
        } else {
            // Too many candidates for an exact search: add by score per yuan while the set stays valid.
            let order = candidates.sorted { decisions[$0].score * Double(max(1, decisions[$1].referenceCost.high)) > decisions[$1].score * Double(max(1, decisions[$0].referenceCost.high)) }
            for c in order {
                let (set, blocker) = closure(Array(best) + [c])
                if blocker != nil || conflict(set) != nil { continue }
                if let budget, fixedHigh + highCost(set) > budget { continue }
                best = set
            }
        }

        // Record the outcome and the reason for each candidate left out.
        for i in candidates where !best.contains(i) {
            let (set, blocker) = closure(Array(best) + [i])
            var d = decisions[i]
            d.cost = CostRange(low: 0, high: 0)
            if let (_, j) = blocker {
                d.status = .excluded
                d.reasons.append(DecisionReason(
                    kind: .dependency, ruleID: nil,
                    text: Localized(zh: "依赖的模块 \(name(decisions[j].moduleID, .zh)) 已被排除", en: "it needs \(name(decisions[j].moduleID, .en)), which is excluded"),
                    questions: decisions[j].reasons.flatMap(\.questions)))
            } else if let (a, b) = conflict(set) {
                let other = a == i ? b : (b == i ? a : (set.contains(a) && !best.contains(a) ? b : a))
                d.status = .excluded
                d.reasons.append(DecisionReason(
                    kind: .conflict, ruleID: nil,
                    text: Localized(zh: "与已选模块 \(name(decisions[other].moduleID, .zh)) 互斥，后者得分更高或为标准模块",
                                    en: "it excludes (or is excluded by) the chosen \(name(decisions[other].moduleID, .en)), which scores higher or is standard"),
                    questions: []))
            } else {
                d.status = .notChosen
                let budgetText = budget.map { Money.wan($0) } ?? "?"
                d.reasons.append(DecisionReason(
                    kind: .budget, ruleID: nil,
                    text: Localized(zh: "为控制在预算 \(budgetText) 万元内未选（需增加 \(Money.wan(d.referenceCost.low))–\(Money.wan(d.referenceCost.high)) 万元）",
                                    en: "left out to stay within the budget of \(budgetText) 万元 (it would add \(Money.wan(d.referenceCost.low))–\(Money.wan(d.referenceCost.high)) 万元)"),
                    questions: []))
            }
            decisions[i] = d
        }
        for i in best {
            var d = decisions[i]
            d.status = .include
            d.cost = d.referenceCost
            if !candidates.contains(i) {
                let requirers = best.filter { industry.module(decisions[$0].moduleID)?.requiredIDs.contains(d.moduleID) == true }
                    .sorted().map { decisions[$0].moduleID }
                d.requiredBy = requirers
                d.reasons.append(DecisionReason(
                    kind: .required, ruleID: nil,
                    text: Localized(zh: "被 \(requirers.map { name($0, .zh) }.joined(separator: "、")) 依赖，随之纳入",
                                    en: "required by \(requirers.map { name($0, .en) }.joined(separator: ", "))"),
                    questions: []))
            }
            decisions[i] = d
        }
        // Standard modules needed by chosen ones are noted too.
        for i in decisions.indices where decisions[i].kind == .standard {
            let requirers = decisions.indices.filter {
                decisions[$0].status.isSelected && industry.module(decisions[$0].moduleID)?.requiredIDs.contains(decisions[i].moduleID) == true
            }.map { decisions[$0].moduleID }
            decisions[i].requiredBy = requirers
        }
    }

    /// The set of candidates of greatest total score whose requirements can be met, with no two modules
    /// excluding each other and (with a budget) a high cost within `room`; ties go to the cheaper set, then to
    /// the first found. Closures distribute over union, so each candidate's closure is computed once and every
    /// subset is a few bit operations.
    private func exactChoice(_ decisions: [ModuleDecision], candidates: [Int], fixed: [Int], requires: [[Int]], excludes: [[Int]],
                             ruledOut: Set<Int>, room: Int?) -> Set<Int> {
        var closures: [ModuleBits?] = []
        for c in candidates {
            var set = ModuleBits()
            set.insert(c)
            var stack = [c], blocked = false
            while let i = stack.popLast(), !blocked {
                for j in requires[i] {
                    if ruledOut.contains(j) { blocked = true; break }
                    if decisions[j].kind == .personalized && !set.contains(j) { set.insert(j); stack.append(j) }
                }
            }
            closures.append(blocked ? nil : set)
        }
        var fixedBits = ModuleBits()
        for f in fixed { fixedBits.insert(f) }
        var excludeBits = [ModuleBits](repeating: ModuleBits(), count: decisions.count)
        for i in decisions.indices {
            for j in excludes[i] { excludeBits[i].insert(j); excludeBits[j].insert(i) }
        }
        var best = ModuleBits()
        var bestValue = -1.0, bestCost = Int.max
        subsets: for mask in 0..<(1 << candidates.count) {
            var set = ModuleBits()
            for (k, closure) in closures.enumerated() where mask & (1 << k) != 0 {
                guard let closure else { continue subsets }
                set.formUnion(closure)
            }
            let all = set.union(fixedBits)
            var cost = 0, value = 0.0
            for i in set.members {
                if excludeBits[i].intersects(all) { continue subsets }
                cost += decisions[i].referenceCost.high
                value += decisions[i].score
            }
            if let room, cost > room { continue }
            if value > bestValue + 1e-9 || (abs(value - bestValue) <= 1e-9 && cost < bestCost) {
                best = set
                bestValue = value
                bestCost = cost
            }
        }
        return Set(best.members)
    }

    func name(_ moduleID: String, _ lang: Lang) -> String {
        industry.module(moduleID)?.name[lang] ?? moduleID
    }

    // MARK: projection

    /// Re-diagnoses with the selected modules delivered: scenes raised, `brings` applied.
    public func project(_ diagnosis: Diagnosis, _ decisions: [ModuleDecision]) -> Diagnosis {
        var answers = diagnosis.answers
        for d in decisions where d.status.isSelected {
            guard let m = industry.module(d.moduleID) else { continue }
            for r in m.raises {
                guard let scene = catalog.maturity.scene(r.scene) else { continue }
                let now: Double
                if case let .number(n)? = answers[scene.questionID] { now = n } else { now = 0 }
                answers[scene.questionID] = .number(max(now, Double(r.level)))
            }
            for b in m.brings { apply(b, to: &answers) }
        }
        return Diagnoser(catalog: catalog).diagnose(industry: industry, answers: answers, questionnaire: questionnaire)
    }

    private func apply(_ b: AnswerChange, to answers: inout [String: AnswerValue]) {
        guard let q = questionnaire[b.questionID] else { return }
        switch b.change {
        case let .add(options):
            var current: [String] = []
            if case let .options(o)? = answers[q.id] { current = o }
            let union = Set(current + options)
            answers[q.id] = .options(q.options.map(\.id).filter(union.contains))
        case let .atLeastNumber(n):
            if case let .number(now)? = answers[q.id], now >= n { return }
            answers[q.id] = .number(n)
        case let .atLeastOption(o):
            let ids = q.options.map(\.id)
            guard let target = ids.firstIndex(of: o) else { return }
            if case let .option(now)? = answers[q.id], let i = ids.firstIndex(of: now), i >= target { return }
            answers[q.id] = .option(o)
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
