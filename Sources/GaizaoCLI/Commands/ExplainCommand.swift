import ArgumentParser
import Foundation
import GaizaoCore

/// `gaizao explain ANSWERS [MODULE]`: why each module is in or out, the points, the level and the subsidies.
public struct ExplainCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "解释每个决定的依据 / Explain every decision: rules fired, answers read, the change that would flip it.")

    @Argument(help: "Answers file (YAML or JSON; - reads standard input).")
    public var answers: String

    @Argument(help: "Only this module id.")
    public var module: String?

    @Option(name: .long, help: "Contractor overlay id.")
    public var contractor: String?

    @Option(name: .long, help: "Budget in 10k CNY (万元).")
    public var budget: BudgetWan?

    @OptionGroup var target: TargetLevelOption

    @OptionGroup public var global: GlobalOptions

    public init() {}

    public func validate() throws {
        if let budget { try DiagnoseCommand.checkBudget(budget.value) }
        try OutputGuard.checkNamed([answers], "<answers>")
    }

    public func run() throws {
        let answersFile = try FileIO.readAnswers(answers)
        let session = try CatalogSession.load(flag: global.catalog, focus: AnswerDecoder.industryID(of: answersFile))
        try CatalogID.refuseBlank(contractor, CLIMessages.blankContractor(known: session.catalog.overlays.map(\.id)))
        let sheet = try AnswersLoader.load(answersFile, session: session, quietWarnings: true)
        let catalog = session.catalog
        guard let industry = catalog.industry(sheet.industry) else { throw CLIError.input("unknown industry `\(sheet.industry)`") }
        try CatalogID.refuseBlank(module, CLIMessages.blankModule(industry: industry.id, modules: industry.modules.map(\.id),
                                                                  measures: industry.measures.map(\.id)))
        let measureID = module.flatMap { id in industry.measures.contains { $0.id == id } ? id : nil }
        if let module, industry.module(module) == nil, measureID == nil {
            let modules = industry.modules.map(\.id).joined(separator: ", ")
            let measures = industry.measures.map(\.id).joined(separator: ", ")
            throw CLIError.input("unknown module or measure `\(module)` for industry `\(industry.id)`; modules: \(modules); measures: \(measures)")
        }
        let budgetYuan = budget?.yuan
        let engine = Engine(catalog: catalog)
        let out: Engine.Output
        do { out = try engine.run(sheet, budgetYuan: budgetYuan, contractor: contractor, target: target.value) } catch { throw CLIError.input(error.message(CLILanguage.current)) }
        let overlay = try? engine.overlay(contractor, industry: industry.id)
        let search = FlipSearch(catalog: catalog, industry: industry, options: PlanOptions(budgetYuan: budgetYuan, overlay: overlay, target: target.value))
        var text = ExplainText(lang: global.lang, catalog: catalog, industry: industry, questionnaire: catalog.questionnaire(for: industry))
        text.rulesOnly = out.plan.target.level == nil
        if module == nil { text.overview(out) }
        let removals = Planner(catalog: catalog, industry: industry).removalEffects(out.diagnosis, out.plan)
        if measureID == nil {
            // Without a target the package is the rules' own: its flip is the rules' verdict's.
            let rulesApart = out.plan.target.source != .none
            for d in out.plan.decisions where module == nil || d.moduleID == module {
                text.module(d, out.diagnosis.answers)
                if let r = removals.first(where: { $0.id == d.moduleID }) { text.removal(r, out.plan) }
                text.packageFlip(search.search(d.moduleID, answers: sheet.answers, scope: .package, pairs: false, maxEvaluations: FlipSearch.packageEvaluations), d, out.plan)
                if d.kind == .personalized && rulesApart {
                    let rules = search.decision(d.moduleID, sheet.answers, scope: .rules)
                    text.rulesVerdict(rules, search.search(d.moduleID, answers: sheet.answers, scope: .rules), d)
                }
            }
        }
        if module == nil || measureID != nil {
            text.measures(out.plan, removals, only: measureID, answers: out.diagnosis.answers)
        }
        if module == nil { text.subsidies(out.plan) }
        Console.out(text.output)
    }
}

/// Formats the explanation; Chinese or English.
struct ExplainText {
    let lang: Lang
    let catalog: Catalog
    let industry: Industry
    let questionnaire: Questionnaire
    var output = ""
    /// The package is the rules' own (`--target-level none`): its modules are labelled "chosen by the rules".
    var rulesOnly = false

    init(lang: Lang, catalog: Catalog, industry: Industry, questionnaire: Questionnaire) {
        self.lang = lang
        self.catalog = catalog
        self.industry = industry
        self.questionnaire = questionnaire
    }

    private func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
    private mutating func line(_ s: String = "") { output += s + "\n" }

    func answerText(_ id: String, _ value: AnswerValue?) -> String {
        guard let q = questionnaire[id] else { return id }
        guard let value else { return "\(id)=" + t("（未答）", "(unanswered)") }
        return "\(id)=\(AnswerDisplay.text(value, q, catalog)[lang])"
    }

    mutating func overview(_ out: Engine.Output) {
        let d = out.diagnosis
        line(t("== 诊断 ==", "== Diagnosis =="))
        line(t("得分 ", "Points ") + formatNumber(Double(d.total) / 1000) + " / " + formatNumber(catalog.maturity.totalPoints)
             + t("，等级 ", ", level ") + (d.level == 0 ? t("未达一级", "below 1") : String(d.level)))
        for i in d.indicators {
            line("  \(i.id): \(formatNumber(Double(i.points) / 1000))/\(formatNumber(Double(i.max) / 1000))  ← \(answerText(i.questionID, i.answer))")
        }
        for c in d.levelChecks {
            let mark = c.met ? "✓" : "✗"
            line("  \(mark) " + t("\(c.level)级：得分 \(formatNumber(Double(c.score) / 1000))/\(formatNumber(Double(c.scoreNeeded) / 1000))，场景 \(c.scenesAtLevel)/\(c.scenesNeeded)，约束性 \(c.mandatoryAtLevel)/\(c.mandatoryNeeded)",
                                  "level \(c.level): points \(formatNumber(Double(c.score) / 1000))/\(formatNumber(Double(c.scoreNeeded) / 1000)), scenes \(c.scenesAtLevel)/\(c.scenesNeeded), mandatory \(c.mandatoryAtLevel)/\(c.mandatoryNeeded)"))
        }
        for b in LevelExplanation.blockers(d) { line(t("  未升级原因：", "  held back: ") + b[lang]) }
        let target = out.plan.target
        if let level = target.level {
            line(t("目标 \(level) 级：", "Target level \(level): ") + (target.reached ? t("方案可达到", "the package reaches it") : t("方案达不到", "out of reach")))
            for m in target.missing { line("  " + m[lang]) }
        }
        if !out.plan.ladder.isEmpty { line(t("各等级所需投入：", "What each level costs:")) }
        for step in out.plan.ladder { line(ladderLine(step, isTarget: step.level == target.level)) }
        line()
        line(t("== 模块 ==", "== Modules =="))
    }

    /// One step of the cost ladder, as the proposal's ladder says it: reached now (with the must-haves, if any, still
    /// to do), reachable with its package, or out of reach and why.
    func ladderLine(_ step: LadderStep, isTarget: Bool) -> String {
        let level = t("  \(step.level)级", "  level \(step.level)") + (isTarget ? t("（目标）", " (target)") : "") + t("：", ": ")
        guard step.reachable else {
            let why = step.missing.map { $0[lang] }.joined(separator: t("；", "; "))
            return level + t("无法达到", "out of reach") + (why.isEmpty ? "" : t("：", ": ") + why)
        }
        let items = (step.modules + step.measures).joined(separator: ", ")
        let cost = money(step.investment) + t("，\(step.durationWeeks) 周", ", " + EnglishCount.count(step.durationWeeks, "week"))
        if step.reachedNow {
            return level + (items.isEmpty ? t("已达到，无需新增模块或措施", "reached now, nothing to add")
                                          : t("已达到；只需必选模块（\(cost)）：", "reached now; the must-haves only (\(cost)): ") + items)
        }
        if items.isEmpty { return level + t("可达到，无需新增模块或措施", "reachable, nothing to add") }
        return level + t("可达到，\(cost)：", "reachable, \(cost): ") + items
    }

    mutating func module(_ d: ModuleDecision, _ answers: [String: AnswerValue]) {
        let name = industry.module(d.moduleID)?.name[lang] ?? d.moduleID
        let status: String
        switch d.status {
        case .include: status = t("纳入", "include")
        case .upgrade: status = t("升级现有系统", "upgrade existing system")
        case .satisfied: status = t("已满足", "already satisfied")
        case .notChosen: status = t("未选", "not chosen")
        case .excluded: status = t("排除", "excluded")
        }
        line("\(d.moduleID) \(name): \(status)" + t("（", " (") + roleText(d.role) + t("）", ")"))
        moduleCost(d)
        for r in d.reasons {
            // An excluded module's recommending rules are what would otherwise bring it in, not why it is out.
            let otherwise = d.status == .excluded && r.effect == .recommend ? t("（若未排除，推荐理由）", "(would otherwise recommend it) ") : ""
            var s = "  - " + otherwise + r.text[lang]
            if let id = r.ruleID, let rule = industry.rules.first(where: { $0.id == id }) {
                s += "\n      " + t("规则 ", "rule ") + id + ": when " + rule.when.source.text
                let read = rule.when.questionIDs.map { answerText($0, answers[$0]) }
                if !read.isEmpty { s += "\n      " + t("读取：", "read: ") + read.joined(separator: "; ") }
            }
            line(s)
        }
    }

    /// What the package reaches without this module or measure (and whatever needs it), and what that takes off
    /// the package's investment (priced as the proposal prices each item).
    mutating func removal(_ r: RemovalEffect, _ plan: Plan) {
        let after = plan.projected
        let also = r.alsoRemoved.isEmpty ? "" : t("（连同依赖它的 \(r.alsoRemoved.joined(separator: "、"))）", " (with \(r.alsoRemoved.joined(separator: ", ")), which need it)")
        let zh = lang == .zh
        let lv = { (l: Int) in l == 0 ? (zh ? "未达一级" : "below level 1") : (zh ? "\(l)级" : "level \(l)") }
        let left = CostRange(low: plan.investment.low - r.saving.low, high: plan.investment.high - r.saving.high)
        let saves = r.saving.high == 0 ? t("；投资不变", "; the investment stays the same")
            : t("；投资减少 \(money(r.saving))（由 \(money(plan.investment)) 降为 \(money(left))）",
                "; the investment drops by \(money(r.saving)) (from \(money(plan.investment)) to \(money(left)))")
        if r.level < after.level {
            let why = r.unmet.map { zh ? $0.zh : $0.en } ?? t("得分 \(formatNumber(r.points))", "\(formatNumber(r.points)) points")
            line(t("  去掉它\(also)：方案只能达到\(lv(r.level))，而不是\(lv(after.level))（\(why)）",
                   "  without it\(also): the package reaches \(lv(r.level)), not \(lv(after.level)) (\(why))") + saves)
        } else {
            line(t("  去掉它\(also)：仍为\(lv(r.level))，得分 \(formatNumber(Double(after.total) / 1000)) → \(formatNumber(r.points))",
                   "  without it\(also): still \(lv(r.level)), points \(formatNumber(Double(after.total) / 1000)) → \(formatNumber(r.points))") + saves)
        }
    }

    /// A module's price as its proposal card shows it: in the package at its price (an upgrade with its new-build
    /// price beside it), or out of it at the new-build price, not in the investment. Nothing for a module in place.
    mutating func moduleCost(_ d: ModuleDecision) {
        let weeks = d.durationWeeks > 0 ? t("，\(d.durationWeeks) 周", ", " + EnglishCount.count(d.durationWeeks, "week")) : ""
        switch d.status {
        case .include, .upgrade:
            let newBuild = d.status == .upgrade && d.referenceCost != d.cost ? t("（新建参考价 \(money(d.referenceCost))）", " (new build \(money(d.referenceCost)))") : ""
            line(t("  费用：", "  cost: ") + money(d.cost) + newBuild + t("，计入方案投入", ", in the package's investment") + weeks)
        case .notChosen, .excluded:
            guard d.referenceCost.high > 0 else { return }
            line(t("  费用：", "  cost: ") + money(d.referenceCost) + t("（新建参考价），未计入方案投入", " (new build), not in the package's investment") + weeks)
        case .satisfied:
            return
        }
    }

    /// The package's role, as the proposal labels it: in the package (needed for the target, prerequisite,
    /// must-have) or out of it (recommended next, not needed).
    func roleText(_ role: ModuleDecision.Role) -> String {
        let strings = RenderStrings(lang)
        let label: String
        switch role {
        case .target: label = rulesOnly ? strings["roleRules"] : strings["roleTarget"]
        case .prerequisite: label = strings["rolePrerequisite"]
        case .must: label = strings["roleMust"]
        case .recommendedNext: label = strings["roleRecommendedNext"]
        case .notNeeded: label = strings["roleNotNeeded"]
        }
        return (role.inPackage ? t("在方案内：", "in the package: ") : t("不在方案内：", "not in the package: ")) + label
    }

    func changesText(_ s: FlipSearch.Suggestion) -> String {
        s.changes.map { c -> String in
            let q = questionnaire[c.questionID]
            let from = c.from.flatMap { v in q.map { AnswerDisplay.text(v, $0, catalog)[lang] } } ?? t("未答", "unanswered")
            let to = q.map { AnswerDisplay.text(c.to, $0, catalog)[lang] } ?? ""
            return "\(c.questionID): \(from) → \(to)"
        }.joined(separator: t("，并且 ", ", and "))
    }

    /// The nearest answer change that takes the module out of the proposal's package or brings it in (verified by
    /// re-planning with the same options), or what decides it when no change of its rules' answers does.
    mutating func packageFlip(_ result: FlipSearch.Result, _ d: ModuleDecision, _ plan: Plan) {
        let inPackage = d.role.inPackage
        if let s = result.suggestion {
            line((inPackage ? t("  改一个答案即可使它移出方案：", "  one answer change that takes it out of the package: ")
                            : t("  改一个答案即可使它纳入方案：", "  one answer change that brings it into the package: ")) + changesText(s))
            return
        }
        let decides: String
        switch d.role {
        case .must: decides = t("必选规则要求纳入", "a must rule requires it")
        case .prerequisite: decides = t("被 \(d.requiredBy.joined(separator: "、")) 依赖", "\(d.requiredBy.joined(separator: ", ")) need it")
        case .target, .recommendedNext, .notNeeded:
            switch d.status {
            case .excluded: decides = t("被规则排除", "a rule rules it out")
            case .satisfied: decides = t("企业已具备", "it is in place")
            default:
                let level = plan.target.level.map { t("目标\($0)级", "the target of level \($0)") }
                decides = plan.budgetYuan != nil ? t("预算内的最优组合", "the best package within the budget")
                    : level.map { inPackage ? t("达到\($0)需要它", "\($0) needs it") : t("达到\($0)不需要它", "\($0) does not need it") }
                    ?? t("规则的选择", "the rules' choice")
            }
        }
        let how = !result.complete
            ? t("在搜索上限内没有找到只改一个答案就能改变它的办法", "no change of one answer found within the search limit changes that")
            : industry.rules.contains(where: { $0.effect.moduleID == d.moduleID && !$0.when.questionIDs.isEmpty })
            ? (inPackage ? t("在其规则读取的问题中只改一个答案不会使它移出方案", "no change of one answer its rules read takes it out")
                         : t("在其规则读取的问题中只改一个答案不会使它纳入方案", "no change of one answer its rules read brings it in"))
            : t("没有规则读取答案来决定它", "no rule reads an answer about it")
        line(t("  由什么决定：", "  what decides it: ") + decides + t("；", "; ") + how)
    }

    /// The rules' own verdict (the rules-only package, `--target-level none`), apart from the proposal's package:
    /// the weight of the recommending rules against the threshold, and the nearest change that flips that verdict.
    mutating func rulesVerdict(_ rules: ModuleDecision?, _ result: FlipSearch.Result, _ d: ModuleDecision) {
        let selected = rules?.status.isSelected ?? false
        let verdict = selected ? t("选中", "selected") : t("不选", "not selected")
        line(t("  规则判断（不设目标等级时，--target-level none）：", "  the rules' verdict (no target level, --target-level none): ") + verdict
             + t("；规则权重 \(formatNumber(d.score)) / 纳入门槛 \(formatNumber(industry.threshold))",
                 "; rule weight \(formatNumber(d.score)) / threshold \(formatNumber(industry.threshold))")
             + (d.must ? t("，必选", ", a must-have") : ""))
        if let s = result.suggestion {
            line((selected ? t("    使规则判断变为不选的最小改变：", "    smallest change that makes the rules drop it: ")
                           : t("    使规则判断变为选中的最小改变：", "    smallest change that makes the rules select it: ")) + changesText(s))
        } else {
            line(result.complete ? t("    在其规则读取的问题中改一到两个答案都不会改变规则判断", "    no change of one or two answers its rules read changes the rules' verdict")
                                 : t("    在搜索上限内没有找到改变规则判断的改变", "    no change found within the search limit changes the rules' verdict"))
        }
    }

    /// What a measure changes once done: `talent：增加「…」`.
    func bringsText(_ c: AnswerChange, _ answers: [String: AnswerValue]) -> String {
        guard let q = questionnaire[c.questionID] else { return c.questionID }
        let now = answers[c.questionID].map { AnswerDisplay.text($0, q, catalog)[lang] } ?? t("未答", "unanswered")
        let what: String
        switch c.change {
        case let .add(options): what = t("增加 ", "adds ") + AnswerDisplay.text(.options(options), q, catalog)[lang]
        case let .atLeastNumber(n): what = t("至少 ", "at least ") + AnswerDisplay.text(.number(n), q, catalog)[lang]
        case let .atLeastOption(o): what = t("至少 ", "at least ") + AnswerDisplay.text(.option(o), q, catalog)[lang]
        }
        return "\(c.questionID): \(what)" + t("（现在：\(now)）", " (now: \(now))")
    }

    /// The management measures, or only `only`: status and role, cost, what each changes, why, and what the
    /// package reaches without it.
    mutating func measures(_ plan: Plan, _ removals: [RemovalEffect],
                           only: String? = nil, answers: [String: AnswerValue] = [:]) {
        if only == nil {
            line()
            line(t("== 管理措施 ==", "== Management measures =="))
        }
        for m in plan.measures where only == nil || m.measureID == only {
            let measure = industry.measures.first { $0.id == m.measureID }
            let name = measure?.name[lang] ?? m.measureID
            let status = m.status == .include ? t("纳入", "include") : (m.status == .satisfied ? t("已具备", "in place") : t("未选", "not chosen"))
            line("\(m.measureID) \(name): \(status)" + t("（", " (") + roleText(m.role) + t("）", ")"))
            if only != nil, let measure { line("  " + measure.summary[lang]) }
            if m.status != .satisfied {
                let cost = m.status == .include ? money(m.cost) + t("，计入方案投入", ", in the package's investment")
                    : money(m.referenceCost) + t("，未计入方案投入", ", not in the package's investment")
                line(t("  费用：", "  cost: ") + cost + t("，\(m.durationWeeks) 周", ", " + EnglishCount.count(m.durationWeeks, "week")))
            }
            if let measure, !measure.brings.isEmpty {
                line(t("  做到后改变的答案：", "  once done it changes: ") + measure.brings.map { bringsText($0, answers) }.joined(separator: t("；", "; ")))
            }
            for r in m.reasons { line("  - " + r.text[lang]) }
            if let r = removals.first(where: { $0.id == m.measureID }) { removal(r, plan) }
        }
    }

    /// Money as the rest of the output writes it: `12.5–30 万元` in Chinese, `CNY 125,000–300,000` in English; one
    /// figure when both ends agree.
    func money(_ r: CostRange) -> String {
        lang == .zh ? Money.wanRange(r.low, r.high) + " 万元" : "CNY " + Money.groupedRange(r.low, r.high)
    }

    /// What the proposal does with a subsidy line: counted in the subsidy total, pending a condition, a one-off
    /// reward apart from the project, not stacked (a larger scheme of its group counts instead), or not applicable.
    /// `winner`: the scheme of the same group that counts instead, for a line that does not.
    func subsidyState(_ l: SubsidyLine, winner: String?) -> String {
        let instead = winner.map { t("（同组计入的是 \($0)）", " (\($0) of its group counts instead)") } ?? ""
        switch l.tier {
        case .certain where l.applied:
            return t("确定：符合条件，按政策上限计入补助合计（从净投入中扣除）", "certain: qualified for, counted at the policy maximum in the subsidy total (subtracted in the net cost)")
        case .certain:
            return t("符合但不叠加\(instead)，未计入补助合计", "eligible but not stacked\(instead): not counted in the subsidy total")
        case .conditional where l.applied:
            let replaces = winner.map { t("；获得后替代同组的 \($0)，只多得差额", "; once granted it replaces \($0) of its group, adding the difference") } ?? ""
            return t("待定：条件满足后才能获得，未计入补助合计和净投入\(replaces)",
                     "conditional: only once its condition is met; not counted in the subsidy total or the net cost\(replaces)")
        case .conditional:
            return t("待定，且不叠加\(instead)：未计入补助合计和净投入", "conditional and not stacked\(instead): not counted in the subsidy total or the net cost")
        case .oneOff where l.applied:
            return t("一次性奖励：给企业的奖励，不属于本项目补助，未计入补助合计和净投入",
                     "one-off reward to the enterprise, not a subsidy of this project: not counted in the subsidy total or the net cost")
        case .oneOff:
            return t("一次性奖励，不叠加\(instead)：未计入", "one-off reward, not stacked\(instead): not counted")
        case .none:
            return t("不适用，未计入", "not applicable: not counted")
        }
    }

    mutating func subsidies(_ plan: Plan) {
        line()
        line(t("== 补助 ==", "== Subsidies =="))
        let policies = catalog.policies.policies
        for (p, l) in zip(policies, plan.subsidies) {
            // The scheme of the same group that counts when this one does not (or that a pending one would replace).
            let others = zip(policies, plan.subsidies).filter { q, m in q.group == p.group && q.id != p.id && m.applied }
            let certainWinner = others.first { $0.1.tier == .certain || $0.1.tier == .oneOff }?.0.id
            let winner = l.tier == .conditional && !l.applied
                ? others.first { $0.1.tier == .conditional }?.0.id ?? certainWinner
                : certainWinner
            line("\(p.id) \(p.name[lang]): " + subsidyState(l, winner: winner))
            if l.amount.high > 0 {
                let base = p.kind == .fixed || l.base.high == 0 ? "" : t("（基数 \(money(l.base))）", " (on a base of \(money(l.base)))")
                line("  " + t("金额 ", "amount ") + money(l.amount) + base)
            }
            line("  " + l.reason[lang])
            if let when = p.eligibleWhen { line("  eligible_when: " + when.source.text) }
            if let when = p.conditionalWhen, l.tier == .conditional { line("  conditional_when: " + when.source.text) }
            line("  " + t("来源：", "source: ") + p.source[lang])
        }
        line(t("补助合计（符合条件，按政策上限测算）：", "Subsidy total (qualified for, at the policy maximum): ") + money(plan.subsidyTotal)
             + t("；净投入 ", "; net cost ") + money(plan.netCost))
        if plan.subsidyConditional.high > 0 {
            line(t("待定（条件满足后另可得，未计入）：", "Conditional (on top, once the condition is met; not counted): ") + money(plan.subsidyConditional))
        }
        if plan.subsidyOneOff.high > 0 {
            line(t("一次性奖励（另计，未计入）：", "One-off rewards (apart, not counted): ") + money(plan.subsidyOneOff))
        }
        line(t("叠加假设：", "Stacking assumption: ") + catalog.policies.stackingAssumption[lang])
    }
}
