/// How KPI changes are turned into money (`benefits.yaml`): per metric, the yearly cost base it acts on and the
/// share of that base one unit of improvement saves; the coefficients (wage, material share…) are data, marked
/// as estimates, and every proposal lists the ones it used.
public struct BenefitModel: Sendable {
    /// The yearly cost bases the engine knows how to compute from the answers.
    public enum Basis: String, Sendable, Hashable, CaseIterable {
        /// The yearly energy bill (answered).
        case energyCost = "energy_cost"
        /// Revenue × cost per 100 CNY of revenue (the baseline answer, else the default cost share).
        case operatingCost = "operating_cost"
        /// Operating cost × material share.
        case materialCost = "material_cost"
        /// Employees × production-worker share × yearly wage.
        case labourCost = "labour_cost"
    }

    public struct Coefficient: Sendable, Hashable {
        public var id: String
        public var value: Double
        public var name: Localized
        public var unit: Localized
        public var source: Localized
    }

    public struct MetricRule: Sendable, Hashable {
        public var metric: String
        public var basis: Basis
        /// True when a lower value is better (energy, scrap); the improvement is then −change.
        public var lowerIsBetter: Bool
        /// Share of the basis, in percent, one unit of improvement (1% or 1 percentage point) saves.
        public var sharePercent: Double
        public var location: SourceLocation?
    }

    /// Questions holding the yearly energy bill in 万元, the first answered one wins.
    public var energyCostQuestions: [String]
    public var coefficients: [Coefficient]
    public var metrics: [MetricRule]
    /// Metrics deliberately not priced, with why (e.g. cost per revenue sums the others: pricing it counts twice).
    public var notPriced: [String: Localized]

    public static let empty = BenefitModel(energyCostQuestions: [], coefficients: [], metrics: [], notPriced: [:])

    public func coefficient(_ id: String) -> Coefficient? { coefficients.first { $0.id == id } }
    public func rule(_ metric: String) -> MetricRule? { metrics.first { $0.metric == metric } }
}

/// The supporting material (支撑材料) a rater asks for on site, per scored indicator and per scene level
/// (`evidence.yaml`, condensed from reference/miit-2024-evidence.md).
public struct EvidenceCatalog: Sendable {
    public struct IndicatorEvidence: Sendable, Hashable {
        public var items: [Localized]
        /// Figures the assessment platform asks to type in.
        public var figures: [Localized]
        public var location: SourceLocation?
    }

    public var indicators: [String: IndicatorEvidence]
    /// Scene id → level (1–4) → items.
    public var scenes: [String: [Int: [Localized]]]
    public var sceneLocations: [String: SourceLocation]

    public static let empty = EvidenceCatalog(indicators: [:], scenes: [:], sceneLocations: [:])
}
