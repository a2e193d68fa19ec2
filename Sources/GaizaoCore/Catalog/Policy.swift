/// A subsidy or reward scheme of the seed, as data.
public struct Policy: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case rate, fixed }
    /// What the rate applies to: the whole package, or the modules carrying a subsidy tag.
    public enum Base: Sendable, Hashable {
        case package
        case tag(String)
    }

    public var id: String
    public var name: Localized
    public var kind: Kind
    public var ratePercent: Double
    public var capYuan: Int?
    public var minInvestmentYuan: Int
    public var amountYuan: Int
    public var base: Base
    public var eligibleWhen: Condition?
    /// When the scheme is not certain yet but would apply once a pending step succeeds (e.g. a pilot listing
    /// still being applied for): its amount goes to the conditional tier, never into the headline.
    public var conditionalWhen: Condition? = nil
    /// A one-off reward for the enterprise, not a subsidy of this project: shown apart from the project's total.
    public var oneOff: Bool = false
    /// Whether the first year's fees (subscriptions, SaaS) count as verified investment for this scheme.
    public var countsFirstYearFees: Bool = false
    public var group: String
    public var condition: Localized
    public var source: Localized
    public var confirmed: Bool
    public var location: SourceLocation?
}

public struct PolicySet: Sendable {
    public var stackingAssumption: Localized
    public var policies: [Policy]
}
