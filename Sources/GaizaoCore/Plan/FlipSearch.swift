/// Finds the smallest change to the answers that flips a module in or out of the rules' package (the
/// rules-only plan, `--target-level none`): first single
/// answers, then pairs, among the questions its rules read. Every suggestion is verified by re-planning.
public struct FlipSearch: Sendable {
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
    }

    let catalog: Catalog
    let industry: Industry
    let questionnaire: Questionnaire
    let planner: Planner
    let options: PlanOptions

    public init(catalog: Catalog, industry: Industry, options: PlanOptions = PlanOptions()) {
        self.catalog = catalog
        self.industry = industry
        self.questionnaire = catalog.questionnaire(for: industry)
        self.planner = Planner(catalog: catalog, industry: industry)
        // The flip is of the rules' verdict (the rules-only package): the target planner's choice also weighs
        // every other module's price, and re-planning it for thousands of candidate answers is too slow to wait for.
        var options = options
        options.ladder = false
        options.target = .none
        self.options = options
    }

    /// The status of `moduleID` for raw answers (skip logic applied).
    public func status(_ moduleID: String, _ raw: [String: AnswerValue]) -> ModuleDecision.Status {
        let prepared = planner.prepared
        let answers = prepared.effectiveAnswers(prepared.slotted(raw).values)
        let diagnosis = prepared.diagnosis.diagnose(industryID: industry.id, answers: answers)
        return planner.plan(diagnosis, options: options).decision(moduleID)?.status ?? .notChosen
    }

    public func smallestFlip(_ moduleID: String, answers raw: [String: AnswerValue], maxEvaluations: Int = 20_000) -> Suggestion? {
        let before = status(moduleID, raw)
        let selected = before.isSelected
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
            let after = status(moduleID, a)
            return after.isSelected != selected ? after : nil
        }
        // Single changes, cheapest first.
        var best: (Double, Suggestion)?
        for (id, values) in domains {
            for v in values {
                if evaluations >= maxEvaluations { break }
                let change = Change(questionID: id, from: raw[id], to: v)
                if let after = flips([change]) {
                    let c = cost(id, v, raw)
                    if best == nil || c < best!.0 {
                        best = (c, Suggestion(moduleID: moduleID, changes: [change], statusBefore: before, statusAfter: after))
                    }
                    break  // values are sorted by cost: the first flip of this question is its cheapest
                }
            }
        }
        if let best { return best.1 }
        // Pairs.
        for i in domains.indices {
            for j in domains.indices where j > i {
                for v in domains[i].1 {
                    for w in domains[j].1 {
                        if evaluations >= maxEvaluations { return nil }
                        let changes = [Change(questionID: domains[i].0, from: raw[domains[i].0], to: v),
                                       Change(questionID: domains[j].0, from: raw[domains[j].0], to: w)]
                        if let after = flips(changes) {
                            return Suggestion(moduleID: moduleID, changes: changes, statusBefore: before, statusAfter: after)
                        }
                    }
                }
            }
        }
        return nil
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
