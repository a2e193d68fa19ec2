import ArgumentParser
import Foundation
import GaizaoCore

/// `gaizao explain ANSWERS [MODULE]`: why each module is in or out, the points, the level and the subsidies.
public struct ExplainCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "解释每个决定的依据 / Explain every decision: rules fired, answers read, the change that would flip it.")

    @Argument(help: "Answers file (YAML or JSON).")
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
    }

    public func run() throws {
        let answersFile = try FileIO.readText(answers)
        let session = try CatalogSession.load(flag: global.catalog, focus: AnswerDecoder.industryID(of: answersFile))
        let sheet = try AnswersLoader.load(answersFile, session: session, quietWarnings: true)
        let catalog = session.catalog
        guard let industry = catalog.industry(sheet.industry) else { throw CLIError.input("unknown industry `\(sheet.industry)`") }
        if let module, industry.module(module) == nil {
            let hint = industry.modules.map(\.id).joined(separator: ", ")
            throw CLIError.input("unknown module `\(module)` for industry `\(industry.id)`; modules: \(hint)")
        }
        let budgetYuan = budget?.yuan
        let engine = Engine(catalog: catalog)
        let out: Engine.Output
        do { out = try engine.run(sheet, budgetYuan: budgetYuan, contractor: contractor, target: target.value) } catch { throw CLIError.input(error.message(global.lang)) }
        let overlay = try? engine.overlay(contractor, industry: industry.id)
        let search = FlipSearch(catalog: catalog, industry: industry, options: PlanOptions(budgetYuan: budgetYuan, overlay: overlay, target: target.value))
        var text = ExplainText(lang: global.lang, catalog: catalog, industry: industry, questionnaire: catalog.questionnaire(for: industry))
        if module == nil { text.overview(out) }
        let removals = Planner(catalog: catalog, industry: industry).removalEffects(out.diagnosis, out.plan)
        for d in out.plan.decisions where module == nil || d.moduleID == module {
            text.module(d, out.diagnosis.answers)
            if let r = removals.first(where: { $0.id == d.moduleID }) { text.removal(r, out.plan) }
            if d.kind == .personalized {
                text.flip(search.smallestFlip(d.moduleID, answers: sheet.answers), d)
            }
        }
        if module == nil {
            text.measures(out.plan, removals)
            text.subsidies(out.plan)
        }
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
        for step in out.plan.ladder {
            let what = step.reachable
                ? "\(Money.wan(step.investment.low))–\(Money.wan(step.investment.high)) 万元, \(step.durationWeeks) " + t("周：", "weeks: ") + (step.modules + step.measures).joined(separator: ", ")
                : t("无法达到", "out of reach")
            line(t("  \(step.level)级：", "  level \(step.level): ") + what)
        }
        line()
        line(t("== 模块 ==", "== Modules =="))
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
        let score = d.kind == .personalized ? t("，得分 ", ", score ") + formatNumber(d.score) + "/" + formatNumber(industry.threshold) : ""
        line("\(d.moduleID) \(name): \(status)\(score)")
        for r in d.reasons {
            var s = "  - " + r.text[lang]
            if let id = r.ruleID, let rule = industry.rules.first(where: { $0.id == id }) {
                s += "\n      " + t("规则 ", "rule ") + id + ": when " + rule.when.source.text
                let read = rule.when.questionIDs.map { answerText($0, answers[$0]) }
                if !read.isEmpty { s += "\n      " + t("读取：", "read: ") + read.joined(separator: "; ") }
            }
            line(s)
        }
    }

    /// What the package reaches without this module or measure (and whatever needs it).
    mutating func removal(_ r: (id: String, level: Int, points: Double, alsoRemoved: [String]), _ plan: Plan) {
        let after = plan.projected
        let also = r.alsoRemoved.isEmpty ? "" : t("（连同依赖它的 \(r.alsoRemoved.joined(separator: "、"))）", " (with \(r.alsoRemoved.joined(separator: ", ")), which need it)")
        let zh = lang == .zh
        let lv = { (l: Int) in l == 0 ? (zh ? "未达一级" : "below level 1") : (zh ? "\(l)级" : "level \(l)") }
        if r.level < after.level {
            line(t("  去掉它\(also)：方案只能达到\(lv(r.level))，而不是\(lv(after.level))（得分 \(formatNumber(r.points))）",
                   "  without it\(also): the package reaches \(lv(r.level)), not \(lv(after.level)) (\(formatNumber(r.points)) points)"))
        } else {
            line(t("  去掉它\(also)：仍为\(lv(r.level))，得分 \(formatNumber(Double(after.total) / 1000)) → \(formatNumber(r.points))",
                   "  without it\(also): still \(lv(r.level)), points \(formatNumber(Double(after.total) / 1000)) → \(formatNumber(r.points))"))
        }
    }

    mutating func measures(_ plan: Plan, _ removals: [(id: String, level: Int, points: Double, alsoRemoved: [String])]) {
        line()
        line(t("== 管理措施 ==", "== Management measures =="))
        for m in plan.measures {
            let name = industry.measures.first { $0.id == m.measureID }?.name[lang] ?? m.measureID
            let status = m.status == .include ? t("纳入", "include") : (m.status == .satisfied ? t("已具备", "in place") : t("未选", "not chosen"))
            line("\(m.measureID) \(name): \(status)")
            for r in m.reasons { line("  - " + r.text[lang]) }
            if let r = removals.first(where: { $0.id == m.measureID }) { removal(r, plan) }
        }
    }

    mutating func flip(_ suggestion: FlipSearch.Suggestion?, _ d: ModuleDecision) {
        guard let s = suggestion else {
            line(t("  最小改变：在其规则读取的问题中，改一到两个答案都无法改变结果", "  smallest change: no change of one or two answers its rules read flips it"))
            return
        }
        let changes = s.changes.map { c -> String in
            let q = questionnaire[c.questionID]
            let from = c.from.flatMap { v in q.map { AnswerDisplay.text(v, $0, catalog)[lang] } } ?? t("未答", "unanswered")
            let to = q.map { AnswerDisplay.text(c.to, $0, catalog)[lang] } ?? ""
            return "\(c.questionID): \(from) → \(to)"
        }
        let verb = s.statusBefore.isSelected ? t("使规则不再选它", "make the rules drop it") : t("使规则选中它", "make the rules choose it")
        line(t("  最小改变（可\(verb)）：", "  smallest change to \(verb): ") + changes.joined(separator: t("，并且 ", ", and ")))
    }

    mutating func subsidies(_ plan: Plan) {
        line()
        line(t("== 补助 ==", "== Subsidies =="))
        for (p, l) in zip(catalog.policies.policies, plan.subsidies) {
            let state = l.applied ? t("计入", "applied") : (l.eligible ? t("符合但不叠加", "eligible, not stacked") : t("不适用", "not applicable"))
            line("\(p.id) \(p.name[lang]): \(state); " + t("基数 ", "base ") + "\(Money.wan(l.base.low))–\(Money.wan(l.base.high)) 万元, "
                 + t("金额 ", "amount ") + "\(Money.wan(l.amount.low))–\(Money.wan(l.amount.high)) 万元")
            line("  " + l.reason[lang])
            if let when = p.eligibleWhen { line("  eligible_when: " + when.source.text) }
            line("  " + t("来源：", "source: ") + p.source[lang])
        }
        line(t("叠加假设：", "Stacking assumption: ") + catalog.policies.stackingAssumption[lang])
    }
}
