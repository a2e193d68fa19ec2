/// The whole catalog, loaded and validated: the first stage of the pipeline.
public struct Catalog: Sendable {
    public var manifest: CatalogManifest
    public var maturity: MaturityModel
    public var policies: PolicySet
    public let commonSections: [QuestionSection]
    public let industries: [Industry]
    public var overlays: [Overlay]
    /// How module prices scale with the enterprise (`cost-model.yaml`; empty when the catalog has none).
    public var costModel: CostModel = .empty
    /// Benefit coefficients and the 支撑材料 checklist (`benefits.yaml`, `evidence.yaml`; empty when absent).
    public var benefitModel: BenefitModel = .empty
    public var evidence: EvidenceCatalog = .empty
    /// SHA-256 of the catalog files (path and content, sorted by path): recorded in every proposal.
    public var hash: String
    /// Built once at load: the questionnaire of each industry.
    private let questionnaires: [String: Questionnaire]

    public init(manifest: CatalogManifest, maturity: MaturityModel, policies: PolicySet, commonSections: [QuestionSection],
                industries: [Industry], overlays: [Overlay], hash: String) {
        self.manifest = manifest
        self.maturity = maturity
        self.policies = policies
        self.commonSections = commonSections
        self.industries = industries
        self.overlays = overlays
        self.hash = hash
        var q: [String: Questionnaire] = [:]
        for i in industries where q[i.id] == nil { q[i.id] = Questionnaire(sections: commonSections + i.sections) }
        self.questionnaires = q
    }

    public func industry(_ id: String) -> Industry? { industries.first { $0.id == id } }
    public func overlay(_ id: String) -> Overlay? { overlays.first { $0.id == id } }

    /// The questionnaire of one industry: common sections first, then the industry's.
    public func questionnaire(for industry: Industry) -> Questionnaire {
        questionnaires[industry.id] ?? Questionnaire(sections: commonSections + industry.sections)
    }
}

public struct CatalogManifest: Sendable {
    public var id: String
    public var version: String
    public var name: Localized
    public var reference: Bool
    public var industryIDs: [LocatedText]
    public var sizeBands: [SizeBand]
    /// The bands that carry prices of their own (every module, measure and overlay cost is given for each).
    public var pricedBandIDs: [String] { sizeBands.filter { $0.pricedAs == nil }.map(\.id) }
    public var kpiMetrics: [KPIMetric]
    /// What upgrading an existing system costs, as a share of building the module anew.
    public var upgradeCostPercent: Int
    /// How many modules a contractor builds at the same time (a contractor overlay may change it).
    public var workstreams: Int = 2
    /// Answers the retrofit itself changes once the package has at least one module (规划实施 → retrofit under way).
    public var retrofitBrings: [AnswerChange] = []
    /// Measures every package with a module takes, unless the enterprise has what they bring already: a retrofit
    /// needs a named digital lead (the proposal's organisation asks for one before the contract).
    public var retrofitMeasures: [LocatedText] = []
    /// How the package's investment counts towards the funding indicator (资金保障), if at all.
    public var investmentShare: InvestmentShare?

    public func metric(_ id: String) -> KPIMetric? { kpiMetrics.first { $0.id == id } }
}

/// The funding indicator as the MIIT definition computes it: the yearly digital investment averaged over
/// `years` years, as a share of revenue (%). The retrofit year's spending (the package on top of the usual)
/// replaces the oldest year of the window: share + 100 × investment / (years × revenue).
public struct InvestmentShare: Sendable, Hashable {
    public var questionID: String
    /// The question holding revenue, in 万元.
    public var revenueQuestionID: String
    public var years: Int
    public var location: SourceLocation?
}

/// Enterprise size band for costs: the first whose condition holds (the last needs none).
public struct SizeBand: Sendable, Hashable {
    public var id: String
    public var name: Localized
    public var when: Condition?
    /// A band without prices of its own is priced as this band (a large enterprise, outside the SME bands the
    /// catalog prices, is priced as a medium one and named for what it is).
    public var pricedAs: String? = nil
    /// Where the band is declared (for lint).
    public var location: SourceLocation? = nil

    /// The band whose prices (modules', measures', overlays') apply to this one.
    public var costKey: String { pricedAs ?? id }
}

public struct KPIMetric: Sendable, Hashable {
    public var id: String
    public var name: Localized
    public var unit: Localized
    public var outcome: Bool
    /// Which direction of change is an improvement.
    public var better: Better?
    /// The outcome answer a realised improvement gives (the expected projection): e.g. pass rate up → `quality_trend: up`.
    public var outcomeAnswer: OutcomeAnswer?

    public enum Better: String, Sendable, Hashable { case higher, lower }

    public struct OutcomeAnswer: Sendable, Hashable {
        public var questionID: String
        public var optionID: String
        public var location: SourceLocation?
    }

    public init(id: String, name: Localized, unit: Localized, outcome: Bool) {
        self.id = id
        self.name = name
        self.unit = unit
        self.outcome = outcome
    }
}

/// A contractor's own prices, durations and products over the reference modules.
public struct Overlay: Sendable {
    public var id: String
    public var industry: String
    public var example: Bool
    public var name: Localized
    public var modules: [String: ModuleOverride]
    /// The contractor's own number of parallel workstreams (the manifest's otherwise).
    public var workstreams: Int?
    public var location: SourceLocation?
    /// Where `industry:` names the industry (lint points there when it is unknown).
    public var industryLocation: SourceLocation?
}

public struct ModuleOverride: Sendable, Hashable {
    public var cost: [String: CostRange]?
    public var costSource: String?
    public var durationWeeks: Int?
    public var products: [TailoredText]?
    /// The contractor's own cost-model entry for the module (same keys as in cost-model.yaml).
    public var costModel: CostModel.Entry? = nil
    public var location: SourceLocation?
}
