/// Finds the smallest change to the answers that flips a module in or out, first single answers, then pairs,
/// among the questions its rules read. Every suggestion is verified by re-planning. Two things can be flipped:
/// - `.package`: whether the module is in the proposal's package (`role.inPackage`), the plan made with the
///   caller's options (target level, budget, overlay) — what `explain` promises;
/// - `.rules`: the rules' verdict, whether the module is selected in the rules-only package (`--target-level none`).
public struct FlipSearch: Sendable {
    public enum Scope: Sendable, Hashable {
        /// The proposal's package, planned with the caller's options.
        case package
        /// The rules-only package (`--target-level none`).
        case rules
    }

    public struct Change: Sendable, Hashable {
        public var questionID: String
        public var from: AnswerValue?
        public var to: AnswerValue
    }

    public struct Suggestion: Sendable, Hashable {
        public var moduleID: String
        public var changes: [Change]
        public var statusBefore: ModuleDecision.Status
        public var statusAfter: ModuleDecision.Status
        /// In the scope's package before the change (after it, the opposite).
        public var inBefore: Bool = false
    }

    /// A search's outcome: the suggestion, or none and whether every single answer and pair was tried.
    public struct Result: Sendable, Hashable {
        public var suggestion: Suggestion?
        /// Every candidate was tried (false: the search stopped at its limit before finding one).
        public var complete: Bool
    }

    /// How many re-plans `explain` lets the search for a change of the package make per module, single answers
    /// only: the package is the target planner's, far slower to re-plan than the rules' verdict.
    public static let packageEvaluations = 12

    let catalog: Catalog
    let industry: Industry
    let questionnaire: Questionnaire
    let planner: Planner
    /// The rules-only options.
    let options: PlanOptions
    /// The caller's options, without the ladder.
    let packageOptions: PlanOptions

    public init(catalog: Catalog, industry: Industry, options: PlanOptions = PlanOptions()) {
        self.catalog = catalog
        self.industry = industry
        self.questionnaire = catalog.questionnaire(for: industry)
        self.planner = Planner(catalog: catalog, industry: industry)
        var options = options
        options.ladder = false
        self.packageOptions = options
        options.target = .none
        self.options = options
    }

    /// The decision about `moduleID` for raw answers (skip logic applied), in `scope`'s plan.
    public func decision(_ moduleID: String, _ raw: [String: AnswerValue], scope: Scope) -> ModuleDecision? {
        let prepared = planner.prepared
        let answers = prepared.effectiveAnswers(prepared.slotted(raw).values)
        let diagnosis = prepared.diagnosis.diagnose(industryID: industry.id, answers: answers)
        return planner.plan(diagnosis, options: scope == .rules ? options : packageOptions).decision(moduleID)
    }

    /// Whether `moduleID` is in `scope`'s package: selected by the rules, or in the proposal's package.
    public func isIn(_ moduleID: String, _ raw: [String: AnswerValue], scope: Scope) -> Bool {
        guard let d = decision(moduleID, raw, scope: scope) else { return false }
        return scope == .rules ? d.status.isSelected : d.role.inPackage
    }

    /// The status of `moduleID` for raw answers (skip logic applied) in the rules-only package.
    public func status(_ moduleID: String, _ raw: [String: AnswerValue]) -> ModuleDecision.Status {
        decision(moduleID, raw, scope: .rules)?.status ?? .notChosen
    }

    /// The smallest change that flips the rules' verdict on `moduleID`.
    public func smallestFlip(_ moduleID: String, answers raw: [String: AnswerValue], maxEvaluations: Int = 20_000) -> Suggestion? {
        search(moduleID, answers: raw, scope: .rules, maxEvaluations: maxEvaluations).suggestion
    }

    /// `pairs`: after single answers, try pairs of answers too.
    public func search(_ moduleID: String, answers raw: [String: AnswerValue], scope: Scope, pairs: Bool = true,
                       maxEvaluations: Int = 20_000) -> Result {
        let beforeDecision = decision(moduleID, raw, scope: scope)
        let before = beforeDecision?.status ?? .notChosen
        let selected = beforeDecision.map { scope == .rules ? $0.status.isSelected : $0.role.inPackage } ?? false
        let rules = industry.rules.filter { $0.effect.moduleID == moduleID }
        let exprs = rules.map(\.when.expr)
        var ids: [String] = []
        for r in rules { for q in r.when.questionIDs where !ids.contains(q) { ids.append(q) } }
        ids.sort { (questionnaire.position(of: $0) ?? 0) < (questionnaire.position(of: $1) ?? 0) }
        let domains: [(String, [AnswerValue])] = ids.compactMap { id in
            guard let q = questionnaire[id] else { return nil }
            let values = CandidateAnswers.values(for: q, in: exprs).compactMap { $0 }.filter { $0 != raw[id] }
            return (id, values.sorted { cost(id, $0, raw) < cost(id, $1, raw) })
        }
        var evaluations = 0
        func flips(_ changes: [Change]) -> ModuleDecision.Status? {
            evaluations += 1
            var a = raw
            for c in changes { a[c.questionID] = c.to }
            guard let after = decision(moduleID, a, scope: scope) else { return nil }
            let isIn = scope == .rules ? after.status.isSelected : after.role.inPackage
            return isIn != selected ? after.status : nil
        }
        func suggestion(_ changes: [Change], _ after: ModuleDecision.Status) -> Suggestion {
            Suggestion(moduleID: moduleID, changes: changes, statusBefore: before, statusAfter: after, inBefore: selected)
        }
        // Single changes, cheapest first across all questions (ties: questionnaire order). A search with fewer
        // evaluations than candidates (`pairs: false`, the package's) takes each question's cheapest value first,
        // then each one's second, so that every question is tried: its flip is the nearest of its question, not
        // necessarily of all.
        var singles: [(rank: Int, cost: Double, change: Change)] = []
        for (id, values) in domains {
            for (rank, v) in values.enumerated() { singles.append((pairs ? 0 : rank, cost(id, v, raw), Change(questionID: id, from: raw[id], to: v))) }
        }
        singles = singles.enumerated().sorted { ($0.element.rank, $0.element.cost, $0.offset) < ($1.element.rank, $1.element.cost, $1.offset) }.map(\.element)
        var best: (Double, Suggestion)?
        var complete = true
        for single in singles {
            if evaluations >= maxEvaluations { complete = false; break }
            if let after = flips([single.change]) { best = (single.cost, suggestion([single.change], after)); break }
        }
        if let best { return Result(suggestion: best.1, complete: true) }
        guard pairs else { return Result(suggestion: nil, complete: complete) }
        // Pairs.
        for i in domains.indices {
            for j in domains.indices where j > i {
                for v in domains[i].1 {
                    for w in domains[j].1 {
                        if evaluations >= maxEvaluations { return Result(suggestion: nil, complete: false) }
                        let changes = [Change(questionID: domains[i].0, from: raw[domains[i].0], to: v),
                                       Change(questionID: domains[j].0, from: raw[domains[j].0], to: w)]
                        if let after = flips(changes) { return Result(suggestion: suggestion(changes, after), complete: true) }
                    }
                }
            }
        }
        return Result(suggestion: nil, complete: complete)
    }

    /// How big a change is: options and yes/no count 1; numbers by their relative distance.
    func cost(_ id: String, _ value: AnswerValue, _ raw: [String: AnswerValue]) -> Double {
        switch (raw[id], value) {
        case let (.number(a)?, .number(b)):
            guard let q = questionnaire[id] else { return 1 }
            let span = max(1, (q.max ?? max(abs(a), abs(b), 1)) - (q.min ?? 0))
            return min(1, abs(a - b) / span) + 0.001
        case let (.options(a)?, .options(b)):
            return Double(Set(a).symmetricDifference(Set(b)).count)
        default:
            return 1
        }
    }
}
