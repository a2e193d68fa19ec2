/// Several proposals for one enterprise side by side: the last stage of the pipeline, for reviewers.
public struct ProposalComparison: Sendable {
    public enum Mode: String, Sendable, Codable {
        /// Proposals of several contractors for the same enterprise.
        case contractors
        /// Two proposals of the same enterprise at different dates.
        case beforeAfter = "before_after"
    }

    public struct Column: Sendable {
        /// A short label: the contractor's name, else the file name.
        public var label: String
        public var source: String
        public var proposal: Proposal
    }

    public struct SummaryRow: Sendable {
        public var label: String
        public var levelNow: Int
        public var levelAfter: Int
        public var pointsNow: Double
        public var pointsAfter: Double
        public var modules: Int
        public var investment: CostRange
        public var subsidy: CostRange
        public var netCost: CostRange
        public var weeks: Int
        /// Net cost (high) per MIIT point gained; nil when no point is gained.
        public var netCostPerPointYuan: Int?
    }

    public struct ModuleRow: Sendable {
        public var moduleID: String
        public var name: Localized
        public var kind: String
        /// One per column; nil when the module is absent from that proposal's catalog.
        public var cells: [ModuleCell?]
        public var differs: Bool
    }

    public struct ModuleCell: Sendable {
        public var status: ModuleDecision.Status
        public var reasons: [Localized]
        public var cost: CostRange
    }

    public struct SceneRow: Sendable {
        public var sceneID: String
        public var name: Localized
        public var mandatory: Bool
        public var now: [Int]
        public var after: [Int]
        /// A mandatory scene that stays below level 2 after the retrofit in some proposal.
        public var mandatoryBelowTwo: [Bool]
        public var differs: Bool
    }

    public struct AnswerDifference: Sendable {
        public var questionID: String
        public var label: Localized
        public var values: [Localized?]
    }

    public struct PriceDifference: Sendable {
        public var moduleID: String
        public var name: Localized
        public var costs: [CostRange?]
    }

    public var mode: Mode
    public var columns: [Column]
    public var enterprise: String
    public var sameEnterprise: Bool
    public var warnings: [Localized]
    public var summary: [SummaryRow]
    public var modules: [ModuleRow]
    public var scenes: [SceneRow]
    public var answerDifferences: [AnswerDifference]
    public var priceDifferences: [PriceDifference]
    /// Before/after mode: modules planned before that the later diagnosis finds satisfied.
    public var nowSatisfied: [String]
}
