/// The proposal: the pipeline's output value and the documented, versioned JSON schema (`gaizao.proposal/2`,
/// see docs/proposal-schema.md). Language-neutral: every text carries Chinese and English. Money is exact yuan.
public struct Proposal: Codable, Sendable, Hashable {
    public static let schemaID = "gaizao.proposal/2"
    /// The schemas `compare` reads: this one and the first (which has no target, measures or ladder).
    public static let readableSchemas = ["gaizao.proposal/2", "gaizao.proposal/1"]

    public var schema: String
    public var generator: String
    public var date: String?
    public var catalog: CatalogRef
    public var answersHash: String
    public var enterprise: Enterprise
    public var contractor: Contractor
    public var budgetYuan: Int?
    /// The level the package aims at and whether it reaches it (absent in schema 1).
    public var target: TargetEntry? = nil
    /// The industry's inclusion threshold: the total weight of recommending rules at which a personalized module is
    /// the rules' choice (the modules' `score` is that total). Absent in proposals written before the field existed.
    public var ruleThreshold: Double? = nil
    public var answers: [AnswerRecord]
    public var diagnosis: DiagnosisSummary
    /// The conservative projection: outcome answers unchanged.
    public var after: DiagnosisSummary
    /// The expected projection: the modules' KPI changes realised (absent in schema 1).
    public var afterExpected: DiagnosisSummary? = nil
    public var modules: [ModuleEntry]
    /// Management measures, in the package or not (absent in schema 1).
    public var measures: [MeasureEntry]? = nil
    public var phases: [PhaseEntry]
    public var totals: Totals
    public var subsidies: [SubsidyEntry]
    public var stackingAssumption: Localized
    public var kpis: [KPIEntry]
    public var outcomes: [OutcomeEntry]
    public var risks: [RiskEntry]
    public var assumptions: [Localized]
    /// What each level costs: the cheapest package for it, or why it is out of reach (absent in schema 1).
    public var ladder: [LadderEntry]? = nil
    /// Names of the scene groups (产品生命周期, 生产执行, …) the scenes' `group` ids refer to. Optional so that
    /// proposals written before the field existed still decode.
    public var sceneGroups: [SceneGroupEntry]? = nil
    /// Annual savings estimated from the KPI changes and the enterprise's baselines, payback and ROI
    /// (`Proposal+Money.swift`). Optional: absent in proposals written before the field existed.
    public var benefits: Benefits? = nil
    /// The supporting material (支撑材料) an on-site rater asks for, per indicator and scene level the projected
    /// score relies on.
    public var evidence: [EvidenceEntry]? = nil
    /// Where the enterprise stands among its peers of a batch (`Proposal+Peers.swift`): absent outside a batch
    /// and without `diagnose --peers`.
    public var peers: PeerBenchmark? = nil

    public struct TargetEntry: Codable, Sendable, Hashable {
        /// 1–4, or nil with `source: none` (the rules-only package).
        public var level: Int?
        public var source: PlanTarget.Source
        /// Whether the package reaches the level under the conservative projection.
        public var reached: Bool
        /// Why not, when it does not (absent in proposals that stated only level, source and reached).
        public var missing: [Localized]?
    }

    public struct MeasureEntry: Codable, Sendable, Hashable {
        public var id: String
        public var name: Localized
        public var summary: Localized
        public var status: ModuleDecision.Status
        public var role: ModuleDecision.Role
        public var reasons: [ReasonEntry]
        public var cost: YuanRange
        public var referenceCost: YuanRange
        public var costSource: String
        public var durationWeeks: Int
        public var startWeek: Int?
        public var endWeek: Int?
        /// What an on-site rater asks to see for it (支撑材料).
        public var evidence: [Localized]
        /// What it costs every year once in place (a post's pay), counted in `totals.yearlyFees` when it is in the
        /// package; absent when nothing recurs.
        public var yearlyCost: YuanRange? = nil
    }

    public struct LadderEntry: Codable, Sendable, Hashable {
        public var level: Int
        public var reachable: Bool
        /// Already reached: nothing to add but the must-haves.
        public var reachedNow: Bool
        public var investment: YuanRange
        public var netCost: YuanRange
        public var durationWeeks: Int
        public var modules: [String]
        public var measures: [String]
        /// Why the level is out of reach (empty when reachable).
        public var missing: [Localized]
    }

    public struct SceneGroupEntry: Codable, Sendable, Hashable {
        public var id: String
        public var name: Localized
    }

    public struct CatalogRef: Codable, Sendable, Hashable {
        public var id: String
        public var version: String
        public var hash: String
        public var reference: Bool
        public var maturityModel: String
        public var maturityConfirmed: Bool
        /// The evaluation's full name (optional: absent in proposals written before the field existed).
        public var maturityModelName: Localized? = nil
    }

    public struct Enterprise: Codable, Sendable, Hashable {
        public var name: String
        public var creditCode: String?
        public var town: String?
        public var employees: Int?
        public var annualRevenueYuan: Int?
        public var industry: String
        public var industryName: Localized
        public var sizeBand: String
        public var sizeBandName: Localized
    }

    public struct Contractor: Codable, Sendable, Hashable {
        public var overlay: String?
        public var name: Localized?
        public var example: Bool
    }

    public struct AnswerRecord: Codable, Sendable, Hashable {
        public var question: String
        public var label: Localized
        public var value: AnswerJSON
        public var display: Localized
    }

    public struct DiagnosisSummary: Codable, Sendable, Hashable {
        public var points: Double
        public var maxPoints: Double
        public var level: Int
        public var dimensions: [DimensionEntry]
        public var indicators: [IndicatorEntry]
        public var scenes: [SceneEntry]
        public var levelChecks: [LevelCheckEntry]
        /// Why the level is not higher (empty at the top level).
        public var blockers: [Localized]
    }

    public struct DimensionEntry: Codable, Sendable, Hashable {
        public var id: String
        public var name: Localized
        public var points: Double
        public var maxPoints: Double
    }

    public struct IndicatorEntry: Codable, Sendable, Hashable {
        public var id: String
        public var dimension: String
        public var name: Localized
        public var group: Localized?
        public var points: Double
        public var maxPoints: Double
        public var question: String
        public var answer: Localized?
        public var confirmed: Bool
    }

    public struct SceneEntry: Codable, Sendable, Hashable {
        public var id: String
        public var group: String
        public var name: Localized
        public var mandatory: Bool
        public var level: Int
        public var description: Localized?
        /// Present (true) when the scene's question is unanswered: its level 0 is then no finding.
        public var unanswered: Bool? = nil
    }

    public struct LevelCheckEntry: Codable, Sendable, Hashable {
        public var level: Int
        public var met: Bool
        public var points: Double
        public var pointsNeeded: Double
        public var scenesAtLevel: Int
        public var scenesNeeded: Int
        public var mandatoryAtLevel: Int
        public var mandatoryNeeded: Int
    }

    public struct ModuleEntry: Codable, Sendable, Hashable {
        public var id: String
        public var kind: String
        public var name: Localized
        public var summary: Localized
        public var status: ModuleDecision.Status
        /// Why it is in the package or not (absent in schema 1).
        public var role: ModuleDecision.Role? = nil
        public var score: Double
        public var reasons: [ReasonEntry]
        public var requiredBy: [String]
        public var raises: [RaiseEntry]
        public var cost: YuanRange
        public var referenceCost: YuanRange
        public var costSource: String
        public var durationWeeks: Int
        public var phase: Int?
        public var startWeek: Int?
        public var endWeek: Int?
        public var products: [Localized]
        public var subsidyTags: [String]
        /// Yearly fees (subscriptions, SaaS, maintenance) after delivery; not part of `cost`.
        public var yearlyFee: YuanRange? = nil
        /// How `cost` was derived (the cost driver and its figure), when the cost model priced it.
        public var costBasis: Localized? = nil
        /// The cost model's price parts priced in for this enterprise (their figures are in `referenceCost`).
        public var costParts: [CostPart]? = nil
    }

    /// A part of a module's price that applies to this enterprise (cost-model `parts`): a new build's figure.
    public struct CostPart: Codable, Sendable, Hashable {
        public var name: Localized
        public var cost: YuanRange
        /// Present (true) when priced in only because the questions of its condition are unanswered.
        public var unanswered: Bool? = nil
    }

    public struct ReasonEntry: Codable, Sendable, Hashable {
        public var kind: DecisionReason.Kind
        public var rule: String?
        /// What the rule does to the module (rule reasons only): an excluded module's `exclude` reasons say why it is
        /// ruled out, its `recommend` reasons what would otherwise recommend it.
        public var effect: DecisionReason.Effect? = nil
        /// The weight of the rule that fired (rule reasons only): the renderer picks the strongest reasons by it.
        public var weight: Double? = nil
        public var text: Localized
        public var questions: [String]
    }

    public struct RaiseEntry: Codable, Sendable, Hashable {
        public var scene: String
        public var sceneName: Localized
        public var from: Int
        public var to: Int
    }

    /// A low–high range of exact yuan.
    public struct YuanRange: Codable, Sendable, Hashable {
        public var lowYuan: Int
        public var highYuan: Int
    }

    public struct PhaseEntry: Codable, Sendable, Hashable {
        public var index: Int
        public var modules: [String]
        public var startWeek: Int
        public var endWeek: Int
    }

    public struct Totals: Codable, Sendable, Hashable {
        /// Modules and measures of the package.
        public var investment: YuanRange
        /// The certain tier in `lowYuan`/`highYuan`, with the conditional and one-off tiers beside it.
        public var subsidy: SubsidyTotals
        /// Investment minus the certain subsidy.
        public var netCost: YuanRange
        public var durationWeeks: Int
        public var selectedModules: Int
        /// Measures in the package (absent in schema 1).
        public var selectedMeasures: Int? = nil
        /// The modules' part of `investment`: the base of the subsidies (absent in schema 1).
        public var moduleInvestment: YuanRange? = nil
        /// How many modules the schedule builds at the same time at most (absent in schema 1).
        public var workstreams: Int? = nil
        /// The selected modules' yearly fees (not part of `investment`).
        public var yearlyFees: YuanRange? = nil
    }

    public struct SubsidyEntry: Codable, Sendable, Hashable {
        public var policy: String
        public var name: Localized
        public var kind: String
        public var ratePercent: Double
        public var capYuan: Int?
        public var minInvestmentYuan: Int
        public var eligible: Bool
        /// `certain`, `conditional`, `one_off` or `none` (optional: absent in older proposals).
        public var tier: String? = nil
        public var applied: Bool
        public var reason: Localized
        public var base: YuanRange
        public var amount: YuanRange
        public var condition: Localized
        public var source: Localized
        public var confirmed: Bool
        public var questions: [String]
    }

    public struct KPIEntry: Codable, Sendable, Hashable {
        public var module: String
        public var metric: String
        public var name: Localized
        public var unit: Localized
        public var low: Double
        public var high: Double
        public var source: String
    }

    public struct OutcomeEntry: Codable, Sendable, Hashable {
        public var metric: String
        public var name: Localized
        public var unit: Localized
        /// The baseline as first written: a display string, in Chinese for revenue per employee.
        public var baseline: String?
        /// The baseline as a reader sees it in each language (optional: absent in proposals written before the
        /// field existed; renderers then fall back to `baseline`).
        public var baselineDisplay: Localized? = nil
        /// The unit of the baseline answer and of the target value (`千克标准煤/万元`), when it has one of its own
        /// (absent in older proposals, and for a percentage or revenue per employee, whose display carries it).
        public var baselineUnit: Localized? = nil
        public var expectedLow: Double?
        public var expectedHigh: Double?
    }

    public struct RiskEntry: Codable, Sendable, Hashable {
        public var rule: String?
        public var text: Localized
        public var questions: [String]
        /// What to do about it, as the catalog's risk rule advises (absent for the built-in risks).
        public var mitigation: Localized? = nil
    }
}

/// An answer as JSON: a number, a string, a list of strings or a boolean.
public enum AnswerJSON: Codable, Sendable, Hashable {
    case number(Double), string(String), list([String]), bool(Bool)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else { self = .list(try c.decode([String].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case let .number(n): try c.encode(n)
        case let .string(s): try c.encode(s)
        case let .list(l): try c.encode(l)
        case let .bool(b): try c.encode(b)
        }
    }

    public init(_ value: AnswerValue) {
        switch value {
        case let .number(n): self = .number(n)
        case let .text(t): self = .string(t)
        case let .option(o): self = .string(o)
        case let .options(o): self = .list(o)
        case let .bool(b): self = .bool(b)
        }
    }
}

extension Localized {
    /// Concatenation per language.
    static func + (a: Localized, b: Localized) -> Localized { Localized(zh: a.zh + b.zh, en: a.en + b.en) }
}

extension Proposal.DiagnosisSummary {
    /// The scored questions left unanswered, each counted once (an indicator's question may score several
    /// indicators), and how many scored questions there are: unanswered ones count 0 points or level 0.
    public var unansweredScoredQuestions: (unanswered: Int, total: Int) {
        var questions = Set<String>(), unanswered = Set<String>()
        for i in indicators {
            questions.insert(i.question)
            if i.answer == nil { unanswered.insert(i.question) }
        }
        let scenesUnanswered = scenes.count { $0.unanswered == true }
        return (unanswered.count + scenesUnanswered, questions.count + scenes.count)
    }

    /// So many scored questions unanswered (five or more, or a fifth) that the diagnosis rests on gaps, not answers:
    /// the proposal and `diagnose` say it is no basis for an investment decision.
    public var restsOnGaps: Bool {
        let (n, total) = unansweredScoredQuestions
        return n > 0 && (n >= 5 || n * 5 >= total)
    }
}
