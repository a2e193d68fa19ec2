/// The target-level planner's steps: measures, must-haves, the chosen package's statuses, roles and reasons,
/// the cost ladder, and why a level is out of reach.
extension Planner {
    /// `一级`…`四级` (zh) or `level N` (en).
    static func levelName(_ level: Int, _ lang: Lang) -> String {
        let zh = ["未达一级", "一级", "二级", "三级", "四级"]
        switch lang {
        case .zh: return level >= 0 && level < zh.count ? zh[level] : "\(level)级"
        case .en: return "level \(level)"
        }
    }

    /// Each measure, not chosen yet: `satisfied` when its answers are all given already.
    func measureDecisions(_ answers: [AnswerValue?], band: String) -> [MeasureDecision] {
        // One copy of the answers for all measures: each measure's changes are applied, compared on the slots
        // they touch, and undone.
        var after = answers
        // Each measure's fields are read where it stands: copying a whole `Measure` retains all its strings.
        let measures = industry.measures
        return measures.indices.map { k in
            let brings = tables.measures[k].brings
            for b in brings { Self.apply(b, to: &after) }
            let inPlace = !measures[k].brings.isEmpty && brings.allSatisfy { same(after[$0.slot], answers[$0.slot]) }
            for b in brings { after[b.slot] = answers[b.slot] }
            let reference = tables.bandIndex(band).flatMap { tables.measures[k].costByBand[$0] } ?? measures[k].cost[band] ?? .zero
            return MeasureDecision(
                measureID: measures[k].id, status: inPlace ? .satisfied : .notChosen, role: .notNeeded,
                reasons: inPlace ? [DecisionReason(kind: .measure, ruleID: nil, text: Localized(zh: "企业已具备", en: "already in place"), questions: tables.measures[k].questionIDs)] : [],
                cost: .zero, referenceCost: reference, costSource: measures[k].costSource, durationWeeks: measures[k].durationWeeks,
                yearlyCost: measures[k].yearlyCost[band])
        }
    }

    /// Whether two answers score alike: equal, or the same options in any order.
    private func same(_ a: AnswerValue?, _ b: AnswerValue?) -> Bool {
        if case let .options(x)? = a, case let .options(y)? = b {
            // The same list is the same set (the usual case: a measure that adds nothing new); lists that differ
            // are the same set when each holds every option of the other (a few options: no sets built).
            return x == y || (x.allSatisfy { y.contains($0) } && y.allSatisfy { x.contains($0) })
        }
        return a == b
    }

    /// The items the must-have modules bring (with their requirements). A must-have that cannot be chosen (ruled
    /// out, or conflicting with another must-have) is reported as a risk instead.
    func mustHaves(_ model: PackageModel, _ decisions: [ModuleDecision], _ risks: inout [Risk]) -> UInt64 {
        var forced: UInt64 = 0
        for i in decisions.indices where decisions[i].must && decisions[i].status != .satisfied {
            let name = industry.modules[i].name
            guard let item = model.items.firstIndex(where: { $0.module == i }) else {
                risks.append(Risk(ruleID: nil, text: Localized(
                    zh: "必选模块「\(name.zh)」被规则排除或其依赖被排除，无法纳入：请核实", en: "the must-have \(name.en) is ruled out (or something it needs is): check it"), questions: []))
                continue
            }
            let with = forced | model.items[item].closure
            if model.hasConflict(with) {
                risks.append(Risk(ruleID: nil, text: Localized(
                    zh: "必选模块「\(name.zh)」与另一必选模块互斥，未能同时纳入：请核实", en: "the must-have \(name.en) excludes another must-have: check them"), questions: []))
                continue
            }
            forced = with
        }
        return forced
    }

    func names(_ model: PackageModel, _ items: [Int], _ lang: Lang) -> String {
        names(model, items.reduce(UInt64(0)) { $0 | UInt64(1) << UInt64($1) }, lang)
    }

    func names(_ model: PackageModel, _ mask: UInt64, _ lang: Lang) -> String {
        var out: [String] = []
        for i in model.items.indices where mask & (UInt64(1) << UInt64(i)) != 0 {
            if let m = model.items[i].module { out.append(industry.modules[m].name[lang]) }
            if let k = model.items[i].measure { out.append(industry.measures[k].name[lang]) }
        }
        return out.joined(separator: lang == .zh ? "、" : ", ")
    }

    /// Sets statuses, costs, roles and reasons for the package `chosen` aimed at `level`.
    /// `budgeted`: the package was chosen within a budget (the best level and points it buys), not as the
    /// cheapest for a level. The reasons name what the package aims at: the target when it reaches it; else,
    /// within a budget, the best the budget buys; else the highest level the catalog can reach.
    /// `cutForBudget`: items of the cheapest package for `level` that a budget left out (kind `budget` reasons).
    func assign(_ chosen: UInt64, _ model: PackageModel, level: Int, budgeted: Bool = false, cutForBudget: UInt64 = 0,
                _ decisions: inout [ModuleDecision], _ measures: inout [MeasureDecision]) {
        let tops = model.tops(chosen)
        let outcome = model.evaluate(chosen)
        let reached = outcome.level >= level
        let target = Self.levelName(level, .zh), targetEn = Self.levelName(level, .en)
        let best = Self.levelName(outcome.level, .zh), bestEn = Self.levelName(outcome.level, .en)
        // Within a budget the package is the best level and points the budget buys, which may be above the target.
        // A budget that buys no level above today's buys points only: the reason does not claim a level.
        let needed = budgeted
            ? (outcome.level > model.evaluate(0).level
                ? Localized(zh: "在预算内提升等级和得分所需", en: "needed for the best level and points within the budget")
                : Localized(zh: "在预算内提高得分所需", en: "needed for the most points within the budget"))
            : reached
            ? Localized(zh: "达到目标\(target)所需", en: "needed for the target of \(targetEn)")
            : Localized(zh: "目标\(target)无法达到；达到可达的最高等级\(best)所需",
                        en: "the target of \(targetEn) is out of reach; needed for \(bestEn), the highest reachable")
        /// Why an item is left out; `thing` is what the Chinese calls it ("模块", "项").
        func notNeeded(_ thing: String) -> Localized {
            reached
                ? Localized(zh: "达到目标\(target)不需要此\(thing)", en: "not needed for the target of \(targetEn)")
                : budgeted
                ? Localized(zh: "预算内未纳入此\(thing)（方案达不到目标\(target)）",
                            en: "left out within the budget (the package does not reach the target of \(targetEn))")
                : Localized(zh: "目标\(target)无法达到；达到可达的最高等级\(best)不需要此\(thing)",
                            en: "the target of \(targetEn) is out of reach; not needed for \(bestEn), the highest reachable")
        }
        /// Why an item of the cheapest package for the target was left out within the budget.
        func cutText(_ thing: String) -> Localized {
            Localized(zh: "为控制在预算内未纳入；达到目标\(target)需要此\(thing)",
                      en: "left out to stay within the budget; the target of \(targetEn) needs it")
        }
        /// Why a module (`module`) or a measure is left out, cut for the budget or not needed: the same text for
        /// every module (every measure) left out that way, so each of the four is built once, when first needed.
        var leftOutTexts = [Localized?](repeating: nil, count: 4)
        func leftOut(cut: Bool, module: Bool) -> Localized {
            let slot = (cut ? 2 : 0) + (module ? 0 : 1)
            if let text = leftOutTexts[slot] { return text }
            let thing = module ? "模块" : "项"
            let text = cut ? cutText(thing) : notNeeded(thing)
            leftOutTexts[slot] = text
            return text
        }
        var itemOfModule = [Int?](repeating: nil, count: decisions.count)
        var itemOfMeasure = [Int?](repeating: nil, count: measures.count)
        for (n, item) in model.items.enumerated() {
            if let m = item.module { itemOfModule[m] = n }
            if let k = item.measure { itemOfMeasure[k] = n }
        }
        func bit(_ n: Int) -> UInt64 { UInt64(1) << UInt64(n) }
        /// The package without item `n` and the items that need it.
        // One set of projection buffers for every package evaluated below.
        var buffers = model.projectionBuffers()
        func rest(_ n: Int) -> UInt64 {
            var rest = chosen & ~bit(n)
            for j in model.items.indices where rest & bit(j) != 0 && model.items[j].closure & bit(n) != 0 { rest &= ~bit(j) }
            return rest
        }
        func removalText(_ n: Int) -> Localized {
            let rest = rest(n)
            let w = model.evaluate(rest, buffers: &buffers)
            let points = formatNumber(Double(w.points) / 1000)
            if w.level < outcome.level {
                // Say what fails: the score, or else the scenes the level needs (a score above the pass mark is
                // no reason).
                let why = Self.unmetCondition(model, rule: model.rules.first { $0.level == outcome.level }, points: w.points,
                                              scenes: model.projectedScenes(rest))
                return Localized(zh: "不做此项，方案只能达到\(Self.levelName(w.level, .zh))（\(why?.zh ?? "得分 \(points)")）",
                                 en: "without it the package reaches \(Self.levelName(w.level, .en)), not \(Self.levelName(outcome.level, .en)) (\(why?.en ?? "\(points) points"))")
            }
            if w.points < outcome.points {
                return Localized(zh: "不做此项，得分降为 \(points)", en: "without it the package scores \(points)")
            }
            // A must-have that adds nothing to the score (it is kept for its own reason).
            return Localized(zh: "不做此项，等级和得分不变", en: "without it the level and points stay the same")
        }
        /// `Clauses.join([lead, removalText(n)])` for a kept item: `lead` is `needed` (`mustLead` false) or the
        /// must-have's clause, the same for every item, so each is trimmed once (`Clauses.lead`), when first needed.
        var leads = [Localized?](repeating: nil, count: 2)
        func keptText(mustLead: Bool, _ n: Int) -> Localized {
            let slot = mustLead ? 1 : 0
            let lead: Localized
            if let known = leads[slot] {
                lead = known
            } else {
                lead = Clauses.lead(mustLead
                    ? Localized(zh: "必选模块，不随目标等级或预算删减", en: "a must-have: kept whatever the target level or the budget")
                    : needed)
                leads[slot] = lead
            }
            let removal = removalText(n)
            return Localized(zh: lead.zh + removal.zh, en: lead.en + removal.en)
        }
        /// The scene levels the package reaches: a module left out is a next step only where it would go higher.
        let sceneLevels = model.projectedScenes(chosen)
        /// What adding module item `n` to the package would cost with what it needs that the package lacks, and
        /// the names of those prerequisites.
        func nextStep(_ n: Int) -> (price: Localized, prerequisites: Localized?) {
            let extra = model.items[n].closure & ~chosen
            let cost = model.cost(extra)
            let price = Localized(zh: "另需 \(Money.wanRange(cost.low, cost.high)) 万元",
                                  en: "another CNY \(Money.groupedRange(cost.low, cost.high))")
            // Most next steps need nothing the package lacks besides the module itself.
            guard extra & ~bit(n) != 0 else { return (price, nil) }
            let others = model.items.indices.filter { $0 != n && extra & bit($0) != 0 }.compactMap { model.items[$0].module }
            guard !others.isEmpty else { return (price, nil) }
            return (price, Localized(zh: "含前置模块 \(others.map { name($0, .zh) }.joined(separator: "、"))",
                                     en: "with its prerequisites \(others.map { name($0, .en) }.joined(separator: ", "))"))
        }

        for i in decisions.indices {
            guard decisions[i].status != .excluded && decisions[i].status != .satisfied else {
                decisions[i].role = .notNeeded
                continue
            }
            if let n = itemOfModule[i], chosen & bit(n) != 0 {
                if decisions[i].status != .upgrade { decisions[i].status = .include }
                decisions[i].role = decisions[i].must ? .must : (tops & bit(n) != 0 ? .target : .prerequisite)
                decisions[i].reasons.removeAll { $0.kind == .threshold }
                let requirers = model.items.indices.filter { chosen & bit($0) != 0 && $0 != n && model.items[$0].closure & bit(n) != 0 }
                    .compactMap { model.items[$0].module }
                decisions[i].requiredBy = requirers.map { decisions[$0].moduleID }
                switch decisions[i].role {
                case .prerequisite:
                    decisions[i].reasons.append(DecisionReason(
                        kind: .required, ruleID: nil,
                        text: Localized(zh: "被 \(requirers.map { name($0, .zh) }.joined(separator: "、")) 依赖，随之纳入",
                                        en: "required by \(requirers.map { name($0, .en) }.joined(separator: ", "))"),
                        questions: []))
                case .must:
                    decisions[i].reasons.append(DecisionReason(
                        kind: .target, ruleID: nil,
                        text: keptText(mustLead: true, n),
                        questions: []))
                default:
                    decisions[i].reasons.append(DecisionReason(
                        kind: .target, ruleID: nil,
                        text: keptText(mustLead: false, n),
                        questions: []))
                }
            } else {
                decisions[i].status = .notChosen
                decisions[i].cost = .zero
                decisions[i].reasons.removeAll { $0.kind == .threshold }
                let recommended = decisions[i].score + 1e-9 >= industry.threshold && decisions[i].kind == .personalized
                guard let n = itemOfModule[i] else {
                    decisions[i].role = .notNeeded
                    decisions[i].reasons.append(DecisionReason(kind: .target, ruleID: nil, text: leftOut(cut: false, module: true), questions: []))
                    continue
                }
                // A standard module is a next step where it would raise a scene above what the package reaches.
                let adds = model.sceneChanges[model.items[n].scenes].contains { $0.level > sceneLevels[$0.scene] }
                let cut = cutForBudget & bit(n) != 0
                // A module that excludes one of the package (a supplier portal beside the EDI link) is no next step.
                var clashes: UInt64 = 0
                var c = model.items[n].closure
                while c != 0 {
                    let j = c.trailingZeroBitCount
                    c &= c &- 1
                    clashes |= model.items[j].conflicts & chosen
                }
                if clashes != 0 {
                    decisions[i].role = .notNeeded
                    decisions[i].reasons.append(DecisionReason(
                        kind: .conflict, ruleID: nil,
                        text: Localized(zh: "与本方案中的「\(names(model, clashes, .zh))」互斥，不作为下一步",
                                        en: "excludes \(names(model, clashes, .en)), which the package holds: no next step"),
                        questions: []))
                    continue
                }
                decisions[i].role = cut || recommended || (decisions[i].kind == .standard && adds) ? .recommendedNext : .notNeeded
                var text = leftOut(cut: cut, module: true)
                // Scenes it would raise from today's level that the package already brings as far: say so, so that a
                // standard module "not reached today" is not read as a gap the package leaves.
                let covered = model.sceneChanges[model.items[n].scenes].filter { $0.level > model.baseScenes[$0.scene] && $0.level <= sceneLevels[$0.scene] }
                if decisions[i].role == .notNeeded, !covered.isEmpty {
                    let scenes = catalog.maturity.scenes
                    let zh = covered.map { "\(scenes[$0.scene].name.zh)\($0.level)级" }.joined(separator: "、")
                    let en = covered.map { "\(scenes[$0.scene].name.en) level \($0.level)" }.joined(separator: ", ")
                    text = Localized(zh: text.zh + "（本方案已达到\(zh)）", en: text.en + " (the package already brings \(en))")
                }
                if decisions[i].role == .recommendedNext {
                    let step = nextStep(n)
                    let zh = step.price.zh + (step.prerequisites.map { "，" + $0.zh } ?? "")
                    let en = step.price.en + (step.prerequisites.map { ", " + $0.en } ?? "")
                    text = Localized(zh: text.zh + "，可作为下一步（\(zh)）", en: text.en + "; a next step (\(en))")
                }
                decisions[i].reasons.append(DecisionReason(kind: cut ? .budget : .target, ruleID: nil, text: text, questions: []))
            }
        }
        for k in measures.indices where measures[k].status != .satisfied {
            if let n = itemOfMeasure[k], chosen & bit(n) != 0 {
                measures[k].status = .include
                measures[k].cost = measures[k].referenceCost
                measures[k].reasons = [measureGain(model, k, package: chosen, packagePoints: outcome.points, buffers: &buffers)]
                if tops & bit(n) != 0 {
                    measures[k].role = .target
                    measures[k].reasons.append(DecisionReason(kind: .target, ruleID: nil, text: keptText(mustLead: false, n), questions: []))
                } else {
                    measures[k].role = .prerequisite
                    let requirers = model.items.indices.filter { chosen & bit($0) != 0 && $0 != n && model.items[$0].closure & bit(n) != 0 }
                    measures[k].reasons.append(DecisionReason(kind: .required, ruleID: nil, text: requiredMeasureText(model, requirers),
                                                              questions: []))
                }
            } else {
                measures[k].status = .notChosen
                measures[k].cost = .zero
                let gain = measureGain(model, k, package: chosen, packagePoints: outcome.points, buffers: &buffers)
                let cut = itemOfMeasure[k].map { cutForBudget & bit($0) != 0 } ?? false
                measures[k].role = cut || !gain.questions.isEmpty ? .recommendedNext : .notNeeded
                measures[k].reasons = [gain, cut ? DecisionReason(kind: .budget, ruleID: nil, text: leftOut(cut: true, module: false), questions: [])
                                                 : DecisionReason(kind: .target, ruleID: nil, text: leftOut(cut: false, module: false), questions: [])]
                // A next step that needs another measure first says so (the other is a next step too, or in place).
                if measures[k].role == .recommendedNext, let n = itemOfMeasure[k] {
                    let first = model.items.indices.filter { $0 != n && model.items[n].closure & ~chosen & bit($0) != 0 }
                    if !first.isEmpty {
                        measures[k].reasons.append(DecisionReason(
                            kind: .dependency, ruleID: nil,
                            text: Localized(zh: "须先有「\(names(model, first, .zh))」", en: "needs \(names(model, first, .en)) first"),
                            questions: []))
                    }
                }
            }
        }
    }

    /// Why a measure is in the package for others (`requirers`, items of `model`): the package's modules (a
    /// retrofit needs a digital lead), other measures, or both.
    func requiredMeasureText(_ model: PackageModel, _ requirers: [Int]) -> Localized {
        let measures = requirers.filter { model.items[$0].measure != nil }
        let byModules = requirers.contains { model.items[$0].module != nil }
        var zh: [String] = [], en: [String] = []
        if byModules {
            zh.append("实施本方案的模块以此为前提（见“项目组织与培训”）")
            en.append("the package's modules need it (see \"Project organisation and training\")")
        }
        if !measures.isEmpty {
            zh.append("「\(names(model, measures, .zh))」以此为前提")
            en.append("\(names(model, measures, .en)) need\(measures.count == 1 ? "s" : "") it first")
        }
        return Localized(zh: zh.joined(separator: "；") + "，随之纳入", en: en.joined(separator: "; "))
    }

    /// The first condition of `rule` that a package of `points` and `scenes` misses, as a reason says it: "得分 38.5，
    /// 二级需 40", "达到2级的场景 5 个，二级需 6 个". Nil when it meets them all (or there is no rule).
    static func unmetCondition(_ model: PackageModel, rule: PackageModel.LevelRule?, points: Int, scenes: [Int]) -> Localized? {
        guard let rule else { return nil }
        let level = levelName(rule.level, .zh), levelEn = levelName(rule.level, .en)
        if points < rule.score {
            let p = formatNumber(Double(points) / 1000), need = formatNumber(Double(rule.score) / 1000)
            return Localized(zh: "得分 \(p)，\(level)需 \(need)", en: "\(p) points; \(levelEn) needs \(need)")
        }
        let (atLevel, mandatory) = model.count(scenes, atLeast: rule.level)
        if atLevel < rule.scenes {
            return Localized(zh: "达到\(rule.level)级的场景 \(atLevel) 个，\(level)需 \(rule.scenes) 个",
                             en: "\(atLevel) scenes at level \(rule.level); \(levelEn) needs \(rule.scenes)")
        }
        if mandatory < rule.mandatory {
            return Localized(zh: "达到\(rule.level)级的约束性场景 \(mandatory) 个，\(level)需 \(rule.mandatory) 个",
                             en: "\(mandatory) mandatory scenes at level \(rule.level); \(levelEn) needs \(rule.mandatory)")
        }
        return nil
    }

    /// What measure `k` itself adds to the points of `package`: "管理机制 +1.875 分". In the package, what it adds
    /// to the rest; left out, what it would add once what it needs is there too (what the package brings already is
    /// not counted again, nor what its prerequisites add). No questions when it adds nothing. `buffers` (from
    /// `model.projectionBuffers()`) are projected into.
    /// `packagePoints`: the points of `package` (`model.evaluate(package).points`), worked out once by the caller.
    func measureGain(_ model: PackageModel, _ k: Int, package: UInt64, packagePoints: Int,
                     buffers: inout PackageModel.ProjectionBuffers) -> DecisionReason {
        var gain = 0
        if let n = model.items.firstIndex(where: { $0.measure == k }) {
            let bit = UInt64(1) << UInt64(n)
            let with = package & bit != 0 ? package : package | model.items[n].closure
            // One of the two is the package itself (always, but for a next step that needs another measure).
            func points(_ mask: UInt64) -> Int { mask == package ? packagePoints : model.evaluate(mask, buffers: &buffers).points }
            gain = points(with) - points(with & ~bit)
        }
        let ids = tables.measures[k].questionIDs
        let what = tables.measures[k].indicators
        let points = formatNumber(Double(gain) / 1000)
        return DecisionReason(
            kind: .measure, ruleID: nil,
            text: gain > 0 ? Localized(zh: "「\(what.zh)」+\(points) 分", en: "\(what.en) +\(points) points")
                           : Localized(zh: "对「\(what.zh)」得分无新增", en: "adds no points to \(what.en)"),
            questions: gain > 0 ? ids : [])
    }

    /// Why no package reaches `level`: what even every module and measure together leaves short.
    func unreachable(_ model: PackageModel, _ forced: UInt64, _ level: Int) -> [Localized] {
        var all = forced
        for i in model.items.indices where !model.hasConflict(all | model.items[i].closure) { all |= model.items[i].closure }
        var everything = model.items.isEmpty ? 0 : all
        if everything == 0 { everything = forced }
        let best = model.evaluate(everything)
        guard let rule = catalog.maturity.levels.first(where: { $0.level == level }) else {
            return [Localized(zh: "评测模型没有\(Self.levelName(level, .zh))", en: "the maturity model has no level \(level)")]
        }
        var scenes = model.baseScenes
        for i in model.items.indices where everything & (UInt64(1) << UInt64(i)) != 0 {
            for (s, l) in model.sceneChanges[model.items[i].scenes] where scenes[s] < l { scenes[s] = l }
        }
        if everything & model.moduleMask != 0 { for (s, l) in model.retrofitScenes where scenes[s] < l { scenes[s] = l } }
        var out: [Localized] = []
        let need = milli(rule.minScore)
        if best.points < need {
            out.append(Localized(
                zh: "即使实施目录中全部模块和措施，得分也只有 \(formatNumber(Double(best.points) / 1000))，\(Self.levelName(level, .zh))需 \(formatNumber(rule.minScore))（差 \(formatNumber(Double(need - best.points) / 1000)) 分；保守估算不计成效指标的改善）",
                en: "even with every module and measure of the catalog the score is \(formatNumber(Double(best.points) / 1000)); level \(level) needs \(formatNumber(rule.minScore)) (short by \(formatNumber(Double(need - best.points) / 1000)); the conservative estimate counts no outcome improvement)"))
        }
        let model2 = catalog.maturity.scenes
        // Counted, and the short scenes' names joined, in place: no arrays of indices or names.
        var atLevel = 0, mandatoryAt = 0
        for s in scenes.indices where scenes[s] >= level {
            atLevel += 1
            if model.mandatory[s] { mandatoryAt += 1 }
        }
        if atLevel < rule.minScenes || mandatoryAt < rule.minMandatory {
            var zhNames = "", enNames = ""
            var first = true
            for s in scenes.indices where scenes[s] < level && s < model2.count {
                if !first {
                    zhNames += "、"
                    enNames += ", "
                }
                first = false
                zhNames += model2[s].name.zh
                enNames += model2[s].name.en
            }
            out.append(Localized(
                zh: "目录中的模块最多使 \(atLevel) 个场景达到\(Self.levelName(level, .zh))（需 \(rule.minScenes) 个，其中约束性 \(mandatoryAt) 个，需 \(rule.minMandatory) 个）；无模块能提升到该级的场景：\(zhNames)",
                en: "the catalog's modules bring at most \(EnglishCount.count(atLevel, "scene")) to level \(level) (\(rule.minScenes) needed; \(mandatoryAt) mandatory, \(rule.minMandatory) needed); no module raises these to that level: \(enNames)"))
        }
        if out.isEmpty {
            out.append(Localized(zh: "目录中的模块和措施互斥或依赖被排除，无法同时实施", en: "the modules and measures needed exclude each other or need something ruled out"))
        }
        return out
    }

    /// The package the decisions hold.
    func package(_ decisions: [ModuleDecision], _ measures: [MeasureDecision]) -> Package {
        var package = Package.empty
        for i in decisions.indices where decisions[i].status.isSelected {
            package.modules.append(i)
            package.investment.low += decisions[i].cost.low
            package.investment.high += decisions[i].cost.high
        }
        for k in measures.indices where measures[k].status == .include {
            package.measures.append(k)
            package.investment.low += measures[k].cost.low
            package.investment.high += measures[k].cost.high
        }
        return package
    }

    /// What the package's modules cost (the base of the subsidies; measures are the enterprise's own spending).
    func moduleCost(_ decisions: [ModuleDecision]) -> CostRange {
        var total = CostRange.zero
        for i in decisions.indices where decisions[i].status.isSelected {
            total.low += decisions[i].cost.low
            total.high += decisions[i].cost.high
        }
        return total
    }

    /// The subsidy lines of the package's modules and the tiers' totals (each never more than the modules' cost).
    func subsidies(_ decisions: [ModuleDecision], _ answers: [AnswerValue?], overlay: Overlay?,
                   slotAnswers: SlotAnswers) -> ([SubsidyLine], SubsidyCalculator.Totals) {
        let investment = moduleCost(decisions)
        let calculator = SubsidyCalculator(policies: catalog.policies)
        let lines = calculator.lines(decisions: decisions, tables: tables, investment: investment, answers: answers,
                                     firstYearFees: yearlyFees(decisions, overlay: overlay, answers: slotAnswers))
        return (lines, calculator.totals(lines, tables: tables, investment: investment))
    }

    /// One rung of the cost ladder: the cheapest package for `level` scheduled and subsidised, or why there is none.
    func ladderStep(_ level: Int, _ mask: UInt64?, _ model: PackageModel, _ diagnosis: Diagnosis, band: String, overlay: Overlay?,
                    workstreams: Int, forced: UInt64, answers: [AnswerValue?], slotAnswers: SlotAnswers) -> LadderStep {
        guard let mask else {
            return LadderStep(level: level, reachable: false, reachedNow: false, investment: .zero, netCost: .zero, durationWeeks: 0,
                              modules: [], measures: [], missing: unreachable(model, forced, level))
        }
        var decisions = industry.modules.indices.map { i in
            ModuleDecision(moduleID: industry.modules[i].id, kind: industry.modules[i].kind, status: .notChosen, score: 0, reasons: [],
                           requiredBy: [], cost: .zero, referenceCost: .zero, durationWeeks: 0, products: [], costSource: "")
        }
        var measures = industry.measures.indices.map { k in
            MeasureDecision(measureID: industry.measures[k].id, status: .notChosen, role: .notNeeded, reasons: [], cost: .zero,
                            referenceCost: .zero, costSource: "", durationWeeks: industry.measures[k].durationWeeks)
        }
        for n in model.items.indices where mask & (UInt64(1) << UInt64(n)) != 0 {
            if let i = model.items[n].module {
                decisions[i].status = .include
                decisions[i].cost = model.items[n].cost
                decisions[i].durationWeeks = overlay?.modules[industry.modules[i].id]?.durationWeeks ?? industry.modules[i].durationWeeks
            }
            if let k = model.items[n].measure {
                measures[k].status = .include
                measures[k].cost = model.items[n].cost
            }
        }
        _ = Scheduler.schedule(&decisions, &measures, tables, workstreams: workstreams)
        let investment = package(decisions, measures).investment
        let subsidy = subsidies(decisions, answers, overlay: overlay, slotAnswers: slotAnswers).1.certain
        return LadderStep(
            level: level, reachable: true, reachedNow: mask == forced && model.evaluate(0).level >= level,
            investment: investment, netCost: CostRange(low: investment.low - subsidy.low, high: investment.high - subsidy.high),
            durationWeeks: Scheduler.weeks(decisions, measures),
            modules: decisions.filter(\.status.isSelected).map(\.moduleID),
            measures: measures.filter { $0.status == .include }.map(\.measureID), missing: [])
    }

    /// For `explain`: what the plan reaches without each module or measure of its package (and whatever needs it),
    /// and what leaving them out takes off the package's investment.
    public func removalEffects(_ diagnosis: Diagnosis, _ plan: Plan) -> [RemovalEffect] {
        let model = packageModel(diagnosis, plan.decisions.map { d in
            var d = d
            if d.status == .notChosen { d.cost = d.referenceCost }
            return d
        }, measureCosts: plan.measures.map(\.referenceCost), measureUseful: plan.measures.map { $0.status != .satisfied })
        var chosen: UInt64 = 0
        for (n, item) in model.items.enumerated() {
            let inPackage = item.module.map { plan.decisions[$0].status.isSelected } ?? item.measure.map { plan.measures[$0].status == .include } ?? false
            if inPackage { chosen |= UInt64(1) << UInt64(n) }
        }
        func id(_ n: Int) -> String {
            model.items[n].module.map { industry.modules[$0].id } ?? model.items[n].measure.map { industry.measures[$0].id } ?? ""
        }
        return model.items.indices.filter { chosen & (UInt64(1) << UInt64($0)) != 0 }.map { n in
            let bit = UInt64(1) << UInt64(n)
            var rest = chosen & ~bit
            var also: [String] = []
            for j in model.items.indices where rest & (UInt64(1) << UInt64(j)) != 0 && model.items[j].closure & bit != 0 {
                rest &= ~(UInt64(1) << UInt64(j))
                also.append(id(j))
            }
            let o = model.evaluate(rest)
            let planLevel = model.evaluate(chosen).level
            let unmet = o.level < planLevel
                ? Self.unmetCondition(model, rule: model.rules.first { $0.level == planLevel }, points: o.points, scenes: model.projectedScenes(rest))
                : nil
            // The saving is priced as the proposal prices the items (an upgrade at its upgrade price).
            let cost = ([id(n)] + also).reduce(CostRange.zero) { sum, removed in
                let c = plan.decisions.first { $0.moduleID == removed }?.cost ?? plan.measures.first { $0.measureID == removed }?.cost ?? .zero
                return CostRange(low: sum.low + c.low, high: sum.high + c.high)
            }
            return RemovalEffect(id: id(n), level: o.level, points: Double(o.points) / 1000, alsoRemoved: also, saving: cost, unmet: unmet)
        }
    }
}

/// What a package reaches without one of its modules or measures (and the items that need it), for `explain`.
public struct RemovalEffect: Sendable, Hashable {
    /// The module or measure left out.
    public var id: String
    /// The level and points the package reaches without it.
    public var level: Int
    public var points: Double
    /// The package's items that need it and go with it.
    public var alsoRemoved: [String]
    /// What the removed items cost in the package: the investment saved.
    public var saving: CostRange
    /// When the level drops: the condition of the package's level it then misses ("达到2级的场景 5 个，二级需 6 个").
    public var unmet: Localized? = nil
}
