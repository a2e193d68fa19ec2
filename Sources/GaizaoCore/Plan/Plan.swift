/// What the plan decided for one module, and why.
public struct ModuleDecision: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Build the module.
        case include
        /// Upgrade the enterprise's existing system instead of building anew.
        case upgrade
        /// Already in place: nothing to do.
        case satisfied
        /// Considered and left out (score below threshold, conflict, budget).
        case notChosen = "not_chosen"
        /// Ruled out by a rule or by a conflict with a chosen module.
        case excluded

        public var isSelected: Bool { self == .include || self == .upgrade }
    }

    /// Why a module or a measure is in the package, or why not (`role` in the proposal JSON).
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// Needed to reach the target level.
        case target
        /// Needed by a module of the package.
        case prerequisite
        /// A must-have (a rule's `must`: a customer's mandate, a legal requirement), whatever the target.
        case must
        /// Worth doing, but not needed for the target: listed with its price, not counted in the totals.
        case recommendedNext = "recommended-next"
        /// Not needed: in place, excluded, or adding nothing the enterprise needs now.
        case notNeeded = "not-needed"

        public var inPackage: Bool { self == .target || self == .prerequisite || self == .must }
    }

    public var moduleID: String
    public var kind: Module.Kind
    public var status: Status
    public var role: Role = .notNeeded
    /// A fired `must` rule names this module.
    public var must: Bool = false
    /// Sum of the weights of the `recommend` rules that fired (personalized modules).
    public var score: Double
    public var reasons: [DecisionReason]
    public var requiredBy: [String]
    /// Cost for this enterprise's size band after the decision (zero when not selected).
    public var cost: CostRange
    /// What the module would cost new, for modules left out.
    public var referenceCost: CostRange
    public var durationWeeks: Int
    /// The module's products (the overlay's when it gives its own), each with its `when`: the proposal offers
    /// those the enterprise's answers do not rule out.
    public var products: [TailoredText]
    public var costSource: String
    public var phase: Int?
    public var startWeek: Int?
    public var endWeek: Int?
}

/// One reason behind a decision: a rule that fired (with the answers it read) or a planning step.
public struct DecisionReason: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case rule, standard, required, conflict, budget, dependency, threshold
        /// What the module or measure does for the target level (or, left out, why it is not needed for it).
        case target
        /// A management measure's effect on the indicators.
        case measure
    }

    /// What the rule behind a `rule` reason does to its module: an excluded module lists why it is ruled out and,
    /// after that, the rules that would otherwise recommend it; the effect tells them apart.
    public enum Effect: String, Sendable, Hashable, Codable {
        case recommend, exclude, upgrade, satisfied
    }

    public var kind: Kind
    public var ruleID: String?
    public var text: Localized
    /// Question ids the reason rests on.
    public var questions: [String]
    /// The effect of the rule behind a `rule` reason (nil for other kinds).
    public var effect: Effect? = nil
}

public struct Phase: Sendable, Hashable {
    public var index: Int
    public var modules: [String]
    public var startWeek: Int
    public var endWeek: Int
}

/// How sure a subsidy is: certain (conditions met now), conditional (a pending step must succeed first, e.g. the
/// pilot listing), a one-off reward for the enterprise (apart from this project), or none (not eligible).
public enum SubsidyTier: String, Sendable, Hashable, Codable {
    case certain, conditional
    case oneOff = "one_off"
    case none
}

/// One subsidy scheme applied to this package.
public struct SubsidyLine: Sendable, Hashable {
    public var policyID: String
    /// The conditions are met now (false for a conditional scheme, whose `amount` is what it would bring).
    public var eligible: Bool
    public var tier: SubsidyTier = .none
    /// Counted in its tier's total (false when a larger scheme of the same group applies instead).
    public var applied: Bool
    public var reason: Localized
    public var base: CostRange
    public var amount: CostRange
    public var questions: [String]
}

public struct Risk: Sendable, Hashable {
    public var ruleID: String?
    public var text: Localized
    public var questions: [String]
    /// What to do about it, when the catalog says (a risk rule's `reason`).
    public var mitigation: Localized? = nil
}

public struct KPILine: Sendable, Hashable {
    public var moduleID: String
    public var metric: String
    public var low: Double
    public var high: Double
    public var source: String
}

/// What the plan decided for one management measure.
public struct MeasureDecision: Sendable, Hashable {
    public var measureID: String
    /// `include` (in the package), `satisfied` (its answers are already given) or `notChosen`.
    public var status: ModuleDecision.Status
    public var role: ModuleDecision.Role
    public var reasons: [DecisionReason]
    /// Cost for this enterprise's size band when in the package (zero otherwise).
    public var cost: CostRange
    public var referenceCost: CostRange
    public var costSource: String
    public var durationWeeks: Int
    public var startWeek: Int?
    public var endWeek: Int?
    /// What it costs every year once in place, for this enterprise's size band (nil: nothing recurring).
    public var yearlyCost: CostRange? = nil
}

/// The level the plan aims at and whether the package reaches it (under the conservative projection).
public struct PlanTarget: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable, Codable {
        /// Chosen by gaizao: level 2 (the pilot's pass mark) below 2, else the next level up.
        case `default`
        /// Given with `--target-level`.
        case option
        /// `--target-level none`: the rules-only package.
        case none
    }

    public var level: Int?
    public var source: Source
    public var reached: Bool
    /// Why the target is out of reach (empty when reached or when there is none).
    public var missing: [Localized]
}

/// What reaching one level costs: the cheapest package for it, or why it is out of reach.
public struct LadderStep: Sendable, Hashable {
    public var level: Int
    public var reachable: Bool
    /// Reached already, with nothing to add but the must-haves.
    public var reachedNow: Bool
    public var investment: CostRange
    public var netCost: CostRange
    public var durationWeeks: Int
    public var modules: [String]
    public var measures: [String]
    public var missing: [Localized]
}

/// The tailored plan: module decisions, phases, budget, subsidies and the projection after the retrofit.
public struct Plan: Sendable {
    public var decisions: [ModuleDecision]
    public var measures: [MeasureDecision] = []
    public var target = PlanTarget(level: nil, source: .none, reached: true, missing: [])
    public var ladder: [LadderStep] = []
    /// The projection with the modules' KPI changes realised (outcome answers improved).
    public var expected: Diagnosis?
    public var phases: [Phase]
    public var investment: CostRange
    public var durationWeeks: Int
    public var subsidies: [SubsidyLine]
    /// The certain tier: the headline subsidy, and what `netCost` subtracts.
    public var subsidyTotal: CostRange
    /// What conditional schemes would add on top of the certain tier once their pending condition is met.
    public var subsidyConditional: CostRange = .zero
    /// One-off rewards for the enterprise, apart from this project.
    public var subsidyOneOff: CostRange = .zero
    public var netCost: CostRange
    public var budgetYuan: Int?
    public var risks: [Risk]
    public var kpis: [KPILine]
    /// The diagnosis recomputed with the chosen modules delivered and measures done; outcome answers unchanged
    /// (the conservative projection: what can be promised).
    public var projected: Diagnosis
    public var overlayID: String?
    /// What the package's modules cost (the base of the subsidies; `investment` adds the measures).
    public var moduleInvestment: CostRange = .zero
    /// Set when the budget cannot hold the must-have modules (rules-only: the standard modules): the plan cannot
    /// be made within it.
    public var budgetShortfall: Localized?
    /// How many modules were scheduled at the same time at most.
    public var workstreams: Int = 2

    public func decision(_ id: String) -> ModuleDecision? { decisions.first { $0.moduleID == id } }
    public var selected: [ModuleDecision] { decisions.filter { $0.status.isSelected } }
}
