/// The proposal's money beyond the cost table: the subsidy tiers, the benefits in money and the evidence
/// checklist (types of the JSON schema, see docs/proposal-schema.md).
extension Proposal {
    /// The subsidy total in three tiers. `lowYuan`/`highYuan` are the certain tier (the headline), so a reader of
    /// an older proposal still finds the subsidy there.
    public struct SubsidyTotals: Codable, Sendable, Hashable {
        public var lowYuan: Int
        public var highYuan: Int
        /// Conditions met now; what `netCost` subtracts.
        public var certain: YuanRange? = nil
        /// What conditional schemes (e.g. a pilot listing still pending) would add on top of `certain`.
        public var conditional: YuanRange? = nil
        /// One-off rewards to the enterprise, apart from this project.
        public var oneOff: YuanRange? = nil
        /// `certain` ÷ `investment` at the low and at the high end, in percent (one decimal).
        public var effectiveRatePercent: PercentRange? = nil

        public var range: YuanRange { YuanRange(lowYuan: lowYuan, highYuan: highYuan) }
    }

    /// A low–high range of percentages.
    public struct PercentRange: Codable, Sendable, Hashable {
        public var low: Double
        public var high: Double
    }

    /// Estimated benefits in money. Every figure is an estimate: `inputs` names the baselines it rests on.
    public struct Benefits: Codable, Sendable, Hashable {
        public var estimate: Bool
        public var modules: [ModuleBenefit]
        /// Annual savings of the package (per metric the largest single module's effect, so modules improving the
        /// same metric are not added up).
        public var annualSaving: YuanRange
        /// The selected modules' yearly fees, which the savings must first pay for.
        public var yearlyFees: YuanRange
        /// Years until the net cost (certain subsidy) is paid back by the savings net of yearly fees; nil at an end
        /// where savings do not exceed the fees. `low` is the best case (low cost, high saving).
        public var paybackYears: OptionalRange? = nil
        /// (3 × (saving − fees) − net cost) ÷ net cost, in percent; `low` is the worst case.
        public var roi3YearPercent: OptionalRange? = nil
        /// The baselines and coefficients the estimate used.
        public var inputs: [BenefitInput]
        /// KPI effects that are not turned into money (no baseline or no agreed way to price them).
        public var notMonetised: [Localized]
    }

    public struct OptionalRange: Codable, Sendable, Hashable {
        public var low: Double?
        public var high: Double?
    }

    public struct ModuleBenefit: Codable, Sendable, Hashable {
        public var module: String
        public var annualSaving: YuanRange
        public var lines: [BenefitLine]
    }

    public struct BenefitLine: Codable, Sendable, Hashable {
        public var metric: String
        public var annualSaving: YuanRange
        /// How it was computed, in words.
        public var basis: Localized
    }

    public struct BenefitInput: Codable, Sendable, Hashable {
        public var id: String
        public var name: Localized
        /// The value as shown (with its unit).
        public var value: Localized
        /// Where it comes from: an answer's question id, or `estimate` for a catalog coefficient.
        public var source: String
    }

    /// One line of the 支撑材料 checklist: an indicator (with the points claimed) or a scene at a level.
    public struct EvidenceEntry: Codable, Sendable, Hashable {
        /// `indicator` or `scene`.
        public var kind: String
        public var id: String
        public var name: Localized
        /// The scene level claimed (scenes only).
        public var level: Int? = nil
        /// The points claimed (indicators only).
        public var points: Double? = nil
        /// Whether this level or these points come with the retrofit (false: already so today).
        public var fromRetrofit: Bool
        public var items: [Localized]
        /// Figures the assessment platform asks to type in (indicators only).
        public var figures: [Localized]
    }
}
