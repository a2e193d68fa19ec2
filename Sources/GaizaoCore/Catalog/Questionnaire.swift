/// A question of the questionnaire: common (profile, MIIT indicators, scenes) or industry-specific.
public struct Question: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case text, single, multi, number, yesno, level
    }

    public var id: String
    public var kind: Kind
    public var label: Localized
    public var help: Localized
    public var required: Bool
    public var unit: Localized?
    public var min: Double?
    public var max: Double?
    public var integer: Bool
    public var maxLength: Int
    public var options: [QuestionOption]
    /// For `level` questions: the scene whose current level this asks.
    public var scene: String?
    public var pointsYes: Double?
    public var when: Condition?
    public var defaultValue: AnswerValue?
    public var location: SourceLocation?

    public func option(_ id: String) -> QuestionOption? { options.first { $0.id == id } }

    /// The explicit "none of these" option of a multiple-choice question, if it offers one.
    public var exclusiveOption: QuestionOption? { kind == .multi ? options.first { $0.exclusive } : nil }

    /// The options an answer lists when it holds some: all but the exclusive "none".
    public var substantiveOptions: [QuestionOption] { options.filter { !$0.exclusive } }

    /// The first option of `chosen` (in question order) missing some option it requires, with the ids missing.
    public func unmetRequirement(_ chosen: Set<String>) -> (option: QuestionOption, missing: [String])? {
        for o in options where !o.requires.isEmpty && chosen.contains(o.id) {
            let missing = o.requires.map(\.text).filter { !chosen.contains($0) }
            if !missing.isEmpty { return (o, missing) }
        }
        return nil
    }

    /// The answer-file message for `unmetRequirement` (translated by the CLI like the others).
    public func unmetRequirementMessage(_ unmet: (option: QuestionOption, missing: [String])) -> String {
        let names = unmet.missing.map { id in "`\(id)` (\(option(id)?.label.zh ?? id))" }.joined(separator: ", ")
        return "`\(unmet.option.id)` (\(unmet.option.label.zh)) may be chosen only with \(names)"
    }
}

public struct QuestionOption: Sendable, Hashable {
    public var id: String
    public var label: Localized
    public var help: Localized?
    public var points: Double?
    public var location: SourceLocation?
    /// The industries the option is offered to (`industries:` in YAML); nil: every industry. An option of a common
    /// question that makes no sense in some industry (a car maker as a home-appliance maker's client) names the
    /// industries where it does. Answers that hold it elsewhere are still read.
    public var industries: [LocatedText]? = nil
    /// `exclusive: true`: the explicit "none of these" of a multiple-choice question (无 / None). It stands alone:
    /// an answer that picks it holds no other option and is read as answered with no option (`[]`), so it scores
    /// zero and `count()` is 0.
    public var exclusive: Bool = false
    /// Options of the same question that must be chosen with this one (`requires:` in YAML): the MIIT 2024 model
    /// lets "network covers the whole shop floor" be chosen only with the three networks it builds on.
    public var requires: [LocatedText] = []

    public func isOffered(to industryID: String) -> Bool { industries?.contains { $0.text == industryID } ?? true }
}

extension Questionnaire {
    /// The questionnaire as asked in one industry: options meant for other industries left out.
    public func offered(to industryID: String) -> Questionnaire {
        Questionnaire(sections: sections.map { section in
            var section = section
            section.questions = section.questions.map { q in
                var q = q
                q.options = q.options.filter { $0.isOffered(to: industryID) }
                return q
            }
            return section
        })
    }
}

public struct QuestionSection: Sendable, Hashable {
    public var id: String
    public var title: Localized
    public var questions: [Question]
    public var location: SourceLocation?
}

/// The questionnaire one enterprise answers: the common sections, then its industry's.
public struct Questionnaire: Sendable {
    public var sections: [QuestionSection]
    public let ordered: [Question]
    private let indexByID: [String: Int]

    public init(sections: [QuestionSection]) {
        self.sections = sections
        var ordered: [Question] = []
        var index: [String: Int] = [:]
        for q in sections.flatMap(\.questions) where index[q.id] == nil {
            index[q.id] = ordered.count
            ordered.append(q)
        }
        self.ordered = ordered
        self.indexByID = index
    }

    public subscript(id: String) -> Question? { indexByID[id].map { ordered[$0] } }
    public func position(of id: String) -> Int? { indexByID[id] }
}
