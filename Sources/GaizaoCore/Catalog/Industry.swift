/// An industry of the catalog with its declared shape ("6+11"), questions, modules and rules.
public struct Industry: Sendable {
    public var id: String
    public var name: Localized
    public var shape: (standard: Int, personalized: Int)
    public var threshold: Double
    public var source: Localized?
    public var sections: [QuestionSection]
    public var modules: [Module] { didSet { indexModules() } }
    public var rules: [Rule]
    /// Management measures (a plan, written rules, a digital lead, training …): the catalog's common ones, then
    /// the industry's own. Proposed like modules.
    public var measures: [Measure] = []
    private var moduleIndex: [String: Int] = [:]
    public var location: SourceLocation?
    public var shapeLocation: SourceLocation?

    public init(id: String, name: Localized, shape: (standard: Int, personalized: Int), threshold: Double, source: Localized?,
                sections: [QuestionSection], modules: [Module], rules: [Rule], location: SourceLocation?, shapeLocation: SourceLocation?) {
        self.id = id
        self.name = name
        self.shape = shape
        self.threshold = threshold
        self.source = source
        self.sections = sections
        self.modules = modules
        self.rules = rules
        self.location = location
        self.shapeLocation = shapeLocation
        indexModules()
    }

    private mutating func indexModules() {
        moduleIndex = [:]
        for (i, m) in modules.enumerated() where moduleIndex[m.id] == nil { moduleIndex[m.id] = i }
    }

    public func module(_ id: String) -> Module? { moduleIndex[id].map { modules[$0] } }
    public var standardModules: [Module] { modules.filter { $0.kind == .standard } }
    public var personalizedModules: [Module] { modules.filter { $0.kind == .personalized } }
}

public struct Module: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case standard, personalized }

    public var id: String
    public var kind: Kind
    public var name: Localized
    /// The summary every enterprise reads; `summaryParts` add sentences for the enterprises they fit.
    public var summary: Localized
    /// Sentences appended to `summary` when their `when` does not rule them out (process-specific detail).
    public var summaryParts: [TailoredText] = []
    public var raises: [SceneTarget]
    public var requires: [LocatedText]
    public var excludes: [LocatedText]
    public var cost: [String: CostRange]
    public var costSource: String
    public var durationWeeks: Int
    /// Typical products; one with a `when` is offered only to enterprises whose answers do not rule it out.
    public var products: [TailoredText]
    public var kpis: [KPIEffect]
    public var subsidyTags: [String]
    /// Answer changes the module brings once delivered (for the projected score after the retrofit).
    public var brings: [AnswerChange]
    public var location: SourceLocation?

    public var requiredIDs: [String] { requires.map(\.text) }
    public var excludedIDs: [String] { excludes.map(\.text) }
}

/// A catalog text offered only to the enterprises it fits: a module's product, or a sentence of its summary,
/// with an optional `when`. Only a condition that is definitely false leaves the text out (Kleene logic): an
/// unanswered question keeps it, so a proposal never drops hardware for lack of an answer.
public struct TailoredText: Sendable, Hashable {
    public var text: Localized
    public var when: Condition?
    public var location: SourceLocation?

    public init(_ text: Localized, when: Condition? = nil, location: SourceLocation? = nil) {
        self.text = text
        self.when = when
        self.location = location
    }

    /// Whether the text is offered to an enterprise whose answers `lookup` reads.
    public func isOffered(_ lookup: (String) -> AnswerValue?) -> Bool {
        guard let when else { return true }
        return ConditionEvaluator.evaluate(when, lookup) != .no
    }
}

extension Module {
    /// The summary for an enterprise: the base text followed by the parts its answers do not rule out (Chinese
    /// sentences run on, English ones are separated by a space).
    public func summary(for lookup: (String) -> AnswerValue?) -> Localized {
        summary(with: summaryParts.filter { $0.isOffered(lookup) })
    }

    /// The summary with `parts` (some of `summaryParts`, in their order) appended.
    func summary(with parts: [TailoredText]) -> Localized {
        guard !parts.isEmpty else { return summary }
        var zh = summary.zh, en = summary.en
        for p in parts {
            zh += p.text.zh
            en += en.isEmpty || p.text.en.isEmpty ? p.text.en : " " + p.text.en
        }
        return Localized(zh: zh, en: en).checkedForMarkdown()
    }
}

/// A change a delivered module makes to an answer: options added to a multiple choice, or a floor for
/// a number or an ordered single choice.
public struct AnswerChange: Sendable, Hashable {
    public enum Change: Sendable, Hashable {
        case add([String])
        case atLeastNumber(Double)
        case atLeastOption(String)
    }

    public var questionID: String
    public var change: Change
    public var location: SourceLocation?
}

public struct SceneTarget: Sendable, Hashable {
    public var scene: String
    public var level: Int
    public var location: SourceLocation?
}

/// Exact yuan figures (the catalog writes 万元).
public struct CostRange: Sendable, Hashable {
    public var low: Int
    public var high: Int

    public init(low: Int, high: Int) {
        self.low = low
        self.high = high
    }

    public static let zero = CostRange(low: 0, high: 0)
}

public struct KPIEffect: Sendable, Hashable {
    public var metric: String
    public var low: Double
    public var high: Double
    public var source: String
    public var location: SourceLocation?
}

/// `when` condition ⇒ one effect.
public struct Rule: Sendable, Hashable {
    public enum Effect: Sendable, Hashable {
        case recommend(String)
        case exclude(String)
        case upgrade(String)
        case satisfied(String)
        case risk(Localized)

        public var moduleID: String? {
            switch self {
            case let .recommend(m), let .exclude(m), let .upgrade(m), let .satisfied(m): return m
            case .risk: return nil
            }
        }

        public var keyword: String {
            switch self {
            case .recommend: return "recommend"
            case .exclude: return "exclude"
            case .upgrade: return "upgrade"
            case .satisfied: return "satisfied"
            case .risk: return "risk"
            }
        }
    }

    public var id: String
    public var when: Condition
    public var effect: Effect
    public var weight: Double
    /// A `recommend` rule marked `must`: the module it names is never dropped (a customer's mandate, a legal
    /// requirement), whatever the target or the budget.
    public var must: Bool = false
    public var reason: Localized
    public var location: SourceLocation?
    public var effectLocation: SourceLocation?
    /// A `risk` rule's scope: the risk applies only when one of these modules is in the package (selected: include
    /// or upgrade). Empty: a general risk, reported whenever the rule fires (no one looks after IT).
    public var modules: [LocatedText] = []

    /// The ids of `modules`.
    public var moduleScope: [String] { modules.map(\.text) }
}

/// A management measure: a step the enterprise takes itself (a written plan, rules, a digital lead, training),
/// often for little money, that moves management or foundation answers. Planned like a module, scheduled on the
/// enterprise's own track (it takes no contractor workstream).
public struct Measure: Sendable, Hashable {
    public var id: String
    public var name: Localized
    public var summary: Localized
    /// Cost per size band (exact yuan).
    public var cost: [String: CostRange]
    /// What it costs every year once in place, per size band (exact yuan): a digital post's salary, a yearly
    /// training plan. Empty: nothing recurring. Counted with the modules' yearly fees, not in the investment.
    public var yearlyCost: [String: CostRange] = [:]
    public var costSource: String
    public var durationWeeks: Int
    /// The answers the measure changes once done.
    public var brings: [AnswerChange]
    /// What an on-site rater asks to see (支撑材料).
    public var evidence: [Localized]
    /// Measures it makes sense only after (pay rules for digital staff need a digital lead): each is taken with
    /// it unless the enterprise has what it brings already.
    public var requires: [LocatedText] = []
    public var location: SourceLocation?

    /// The ids of `requires`.
    public var requiredIDs: [String] { requires.map(\.text) }
}
