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

    public var moduleID: String
    public var kind: Module.Kind
    public var status: Status
    /// Sum of the weights of the `recommend` rules that fired (personalized modules).
    public var score: Double
    public var reasons: [DecisionReason]
    public var requiredBy: [String]
    /// Cost for this enterprise's size band after the decision (zero when not selected).
    public var cost: CostRange
    /// What the module would cost new, for modules left out.
    public var referenceCost: CostRange
    public var durationWeeks: Int
    public var products: [Localized]
    public var costSource: String
    public var phase: Int?
    public var startWeek: Int?
    public var endWeek: Int?
}

/// One reason behind a decision: a rule that fired (with the answers it read) or a planning step.
public struct DecisionReason: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case rule, standard, required, conflict, budget, dependency, threshold
    }

    public var kind: Kind
    public var ruleID: String?
    public var text: Localized
    /// Question ids the reason rests on.
    public var questions: [String]
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
}

public struct KPILine: Sendable, Hashable {
    public var moduleID: String
    public var metric: String
    public var low: Double
    public var high: Double
    public var source: String
}

/// The tailored plan: module decisions, phases, budget, subsidies and the projection after the retrofit.
public struct Plan: Sendable {
    public var decisions: [ModuleDecision]
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
    /// The diagnosis recomputed with the chosen modules delivered.
    public var projected: Diagnosis
    public var overlayID: String?

    public func decision(_ id: String) -> ModuleDecision? { decisions.first { $0.moduleID == id } }
    public var selected: [ModuleDecision] { decisions.filter { $0.status.isSelected } }
}
