/// Finite sets of answers that cover every distinction a condition can make about a question: each option,
/// each subset of the options it names, numbers at and around its constants and the question's bounds.
/// Used to decide whether a rule can ever fire and to search the smallest answer change that flips a rule.
public enum CandidateAnswers {
    /// Candidate values for `question` as read by `exprs`; `nil` in the result stands for "unanswered".
    public static func values(for question: Question, in exprs: [Expr]) -> [AnswerValue?] {
        var numbers: Set<Double> = []
        var strings: Set<String> = []
        for e in exprs {
            e.visit { node in
                switch node.kind {
                case let .number(n): numbers.insert(n)
                case let .string(s): strings.insert(s)
                default: break
                }
            }
        }
        var out: [AnswerValue?] = [nil]
        switch question.kind {
        case .single:
            out += question.options.map { .option($0.id) }
        case .yesno:
            out += [.bool(true), .bool(false)]
        case .level:
            out += (0...4).map { .number(Double($0)) }
        case .text:
            out += strings.sorted().map { .text($0) } + [.text("\u{1}other")]
        case .number:
            var candidates: Set<Double> = [0]
            if let lo = question.min { candidates.insert(lo) }
            if let hi = question.max { candidates.insert(hi) }
            for n in numbers {
                for d in [-1, -0.5, 0, 0.5, 1] { candidates.insert(n + d) }
                for m in [2.0, 10, 100, 1000] { candidates.insert(n * m); candidates.insert(n / m) }
            }
            let valid = candidates.filter { AnswerDecoder.numberProblem($0, question) == nil }
            out += valid.sorted().map { .number($0) }
        case .multi:
            let named = question.substantiveOptions.map(\.id).filter(strings.contains)
            let others = question.substantiveOptions.map(\.id).filter { !strings.contains($0) }
            guard named.count <= 8 else {
                let held = question.substantiveOptions
                out += [.options([])] + held.map { .options([$0.id]) } + [.options(held.map(\.id))]
                break
            }
            for mask in 0..<(1 << named.count) {
                let picked = named.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
                for extra in 0...others.count {
                    let chosen = Set(picked + others.prefix(extra))
                    out.append(.options(question.options.map(\.id).filter(chosen.contains)))
                }
            }
        }
        return out
    }
}

/// Decides by exhaustive search over candidate answers whether a condition can be true.
public enum ConditionSatisfiability {
    static let maxCombinations = 200_000

    /// `false` when no answers make the condition true; `nil` when the search would be too large to tell.
    public static func canBeTrue(_ condition: Condition, _ questionnaire: Questionnaire) -> Bool? {
        let ids = condition.questionIDs
        var domains: [(String, [AnswerValue?])] = []
        var total = 1
        for id in ids {
            guard let q = questionnaire[id] else { return nil }
            let values = CandidateAnswers.values(for: q, in: [condition.expr])
            total *= max(values.count, 1)
            if total > maxCombinations { return nil }
            domains.append((id, values))
        }
        var answers: [String: AnswerValue] = [:]
        func search(_ i: Int) -> Bool {
            if i == domains.count { return ConditionEvaluator.evaluate(condition, in: answers).isTrue }
            for v in domains[i].1 {
                answers[domains[i].0] = v
                if search(i + 1) { return true }
            }
            answers[domains[i].0] = nil
            return false
        }
        return search(0)
    }
}
