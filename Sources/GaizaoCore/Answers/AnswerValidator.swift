/// Checks an answer sheet against its questionnaire: skip logic, required answers.
public enum AnswerValidator {
    public struct Problem: Sendable, Hashable {
        public var severity: Diagnostic.Severity
        public var message: String
        public var questionID: String?
        /// A required question asked but not answered (as opposed to an answer that is wrong or ignored).
        public var isMissingAnswer = false
        /// For a missing answer: the question (its `questionID` stays nil, so it is located at the record).
        public var missingQuestionID: String? = nil
    }

    /// The answers that count: each question in order, kept only when its `when` holds on the answers
    /// kept before it. A hidden question is unanswered (docs/catalog-format.md).
    public static func effectiveAnswers(_ sheet: AnswerSheet, _ questionnaire: Questionnaire) -> [String: AnswerValue] {
        var kept: [String: AnswerValue] = [:]
        kept.reserveCapacity(sheet.answers.count)
        for q in questionnaire.ordered {
            guard let value = sheet.answers[q.id] else { continue }
            if let when = q.when, !ConditionEvaluator.evaluate(when, in: kept).isTrue { continue }
            kept[q.id] = value
        }
        return kept
    }

    /// Whether `question` is asked given the answers so far.
    public static func isAsked(_ question: Question, given answers: [String: AnswerValue]) -> Bool {
        isAsked(when: question.when, given: answers)
    }

    static func isAsked(when: Condition?, given answers: [String: AnswerValue]) -> Bool {
        guard let when else { return true }
        return ConditionEvaluator.evaluate(when, in: answers).isTrue
    }

    public static func problems(_ sheet: AnswerSheet, _ questionnaire: Questionnaire) -> [Problem] {
        var problems: [Problem] = []
        var kept: [String: AnswerValue] = [:]
        kept.reserveCapacity(sheet.answers.count)
        // By index, reading fields in place: copying each `Question` (a dozen references) was a third of this
        // function's time on every decoded sheet.
        let ordered = questionnaire.ordered
        for i in ordered.indices {
            let asked = isAsked(when: ordered[i].when, given: kept)
            if let value = sheet.answers[ordered[i].id] {
                if case let .text(text) = value, let bad = ControlCharacters.firstForbidden(in: text) {
                    problems.append(Problem(severity: .error,
                        message: "answer to `\(ordered[i].id)` holds the control character \(ControlCharacters.name(bad.scalar)) at character \(bad.offset + 1); remove it (only tab and newline are allowed in text)",
                        questionID: ordered[i].id))
                }
                if asked {
                    kept[ordered[i].id] = value
                } else {
                    let q = ordered[i]
                    problems.append(Problem(severity: .warning,
                        message: "answer to `\(q.id)` is ignored: the question is not asked because `\(q.when?.source.text ?? "")` does not hold",
                        questionID: q.id))
                }
            } else if asked && ordered[i].required {
                let q = ordered[i]
                problems.append(Problem(severity: .error, message: "missing required answer `\(q.id)` (\(q.label.zh) / \(q.label.en))",
                                        questionID: nil, isMissingAnswer: true, missingQuestionID: q.id))
            }
        }
        return problems
    }
}
