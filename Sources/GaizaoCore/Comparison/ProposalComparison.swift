/// Several proposals for one enterprise side by side: the last stage of the pipeline, for reviewers.
/// Columns are in the order given (before/after: the earlier date first); every list is per column.
public struct ProposalComparison: Sendable {
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// Proposals of several contractors for the same enterprise.
        case contractors
        /// Two proposals of the same enterprise at different dates.
        case beforeAfter = "before_after"
    }

    public struct Column: Sendable {
        /// A short label: the contractor's name, else the file name; columns that would share one are told apart
        /// by what differs (`ComparisonLabels`). `source` keeps the file's path.
        public var label: String
        public var source: String
        public var proposal: Proposal
        /// The target the proposal states; nil when it states none (older proposals, or built without one).
        public var target: StatedTarget? = nil
    }

    public struct SummaryRow: Sendable {
        public var label: String
        public var levelNow: Int
        public var levelAfter: Int
        public var pointsNow: Double
        public var pointsAfter: Double
        public var modules: Int
        /// Of `modules`, how many are standard modules.
        public var standardModules: Int
        /// Management measures in the package (0 for a proposal written before measures existed).
        public var measures: Int = 0
        /// What the modules and the measures of the package cost (`investment` is their sum).
        public var moduleCost: CostRange = .zero
        public var measureCost: CostRange = .zero
        public var investment: CostRange
        /// The certain (qualified) subsidy: what `netCost` deducts.
        public var subsidy: CostRange
        /// What conditional schemes (a pending pilot listing, …) would add on top of `subsidy`; not in `netCost`.
        public var subsidyConditional: CostRange = .zero
        /// One-off rewards to the enterprise, not a subsidy of the project; not in `netCost`.
        public var subsidyOneOff: CostRange = .zero
        public var netCost: CostRange
        /// The package's yearly operations and subscription fees (the proposal's `totals.yearlyFees`, else
        /// `benefits.yearlyFees`); nil when the proposal states none (written before they were recorded).
        public var yearlyFees: CostRange? = nil
        /// The three-year cost of ownership, an estimate: `netCost` + 3 × `yearlyFees`, low and high ends added
        /// separately (no discounting, price changes or benefits); nil without yearly fees.
        public var threeYearCost: CostRange? = nil
        public var weeks: Int
        /// Levels gained by the retrofit (projected level after minus the level now).
        public var levelsGained: Int = 0
        /// Net cost (low and high) per level gained; nil when no level is gained. The ranked cost-effectiveness
        /// figure: points beyond a level's threshold do not change the level, so they are not ranked.
        public var netCostPerLevel: CostRange? = nil
        /// Net cost (high) per MIIT point gained; nil when no point is gained.
        public var netCostPerPointYuan: Int?
        /// Net cost (low and high) per MIIT point gained; nil when no point is gained.
        public var netCostPerPoint: CostRange?
    }

    public struct ModuleRow: Sendable {
        public var moduleID: String
        public var name: Localized
        public var kind: String
        /// One per column; nil when the module is absent from that proposal's catalog.
        public var cells: [ModuleCell?]
        /// The decision differs between columns.
        public var differs: Bool
    }

    /// One proposal's decision on one module, with what a reviewer needs to judge it.
    public struct ModuleCell: Sendable {
        public var status: ModuleDecision.Status
        public var reasons: [Proposal.ReasonEntry]
        /// The cost of the decision (an upgrade costs a share of a new build; nothing when not chosen).
        public var cost: CostRange
        public var weeks: Int
        /// The products the proposal's contractor offers for the module.
        public var products: [Localized]
    }

    /// One module a proposal chooses that another proposal chooses too with other products.
    public struct ProductDifference: Sendable, Equatable {
        public var moduleID: String
        /// Every product this proposal lists for the module, in its order.
        public var products: [Localized]
        /// Those of `products` that some other proposal choosing the module does not list (in `products`' order);
        /// empty when the others list all of them and more.
        public var differing: [Localized]
    }

    /// One management measure across the proposals: in the package or not, and what it costs there.
    public struct MeasureRow: Sendable {
        public var measureID: String
        public var name: Localized
        /// One per column; nil when that proposal lists no such measure (a schema-1 proposal lists none).
        public var cells: [MeasureCell?]
        /// The decision differs between columns.
        public var differs: Bool
    }

    public struct MeasureCell: Sendable {
        public var status: ModuleDecision.Status
        /// The cost in the package (zero when not in it).
        public var cost: CostRange
        public var weeks: Int
        public var reasons: [Proposal.ReasonEntry]
    }

    public struct SceneRow: Sendable {
        public var sceneID: String
        public var group: String
        public var name: Localized
        public var mandatory: Bool
        public var now: [Int]
        public var after: [Int]
        /// A mandatory scene that stays below level 2 after the retrofit in some proposal.
        public var mandatoryBelowTwo: [Bool]
        /// The projected level differs between columns (before/after: the current level too).
        public var differs: Bool
    }

    /// One question the proposals answer differently (formatting aside: see `ProposalComparator.answerKey`).
    public struct AnswerDifference: Sendable {
        public var questionID: String
        public var label: Localized
        /// The answer as shown to readers, per column; nil when not answered.
        public var values: [Localized?]
        /// A subsidy scheme of some proposal rests on this question (its `subsidies[].questions`): the subsidies,
        /// and so the net costs, may differ because of the answer rather than the offer.
        public var subsidyQuestion: Bool = false
    }

    /// A module whose offer differs: the new-build price, the duration or the products.
    public struct PriceDifference: Sendable {
        public var moduleID: String
        public var name: Localized
        /// New-build reference price per column; nil when the module is absent.
        public var costs: [CostRange?]
        public var weeks: [Int?]
        public var products: [[Localized]]
        public var pricesDiffer: Bool
        public var weeksDiffer: Bool
        public var productsDiffer: Bool
    }

    /// Which settings of the proposals differ, beside the answers.
    public struct SettingDifferences: Sendable, Equatable {
        /// The contractor overlays (or their absence).
        public var overlays: Bool
        /// The budget limits.
        public var budgets: Bool
        /// The catalog id, version or content.
        public var catalogs: Bool
        /// The diagnosis dates.
        public var dates: Bool
        /// The stated target levels (a proposal that states none counts as its own value).
        public var targets: Bool = false

        public var any: Bool { overlays || budgets || catalogs || dates || targets }
    }

    public var mode: Mode
    public var columns: [Column]
    public var enterprise: String
    public var sameEnterprise: Bool
    public var warnings: [Localized]
    public var summary: [SummaryRow]
    public var modules: [ModuleRow]
    /// Every management measure of any column, in the first proposal's order; part of every total.
    public var measures: [MeasureRow] = []
    public var scenes: [SceneRow]
    public var answerDifferences: [AnswerDifference]
    /// The proposals' answers hashes differ. With no `answerDifferences` that is the diagnosis date or answers
    /// the proposals do not use (the hash covers both), not a difference in the answers they rest on.
    public var answersHashesDiffer: Bool = false
    public var priceDifferences: [PriceDifference]
    public var settings: SettingDifferences
    /// Before/after mode: modules planned before that the later diagnosis finds satisfied.
    public var nowSatisfied: [String]
    /// Before/after mode: modules planned before and still planned later.
    public var stillPlanned: [String]
    /// Before/after mode: modules planned before that the later proposal no longer plans, though not because
    /// they are satisfied (e.g. excluded: the enterprise solved it another way).
    public var noLongerPlanned: [String]
    /// Before/after mode: modules the later proposal plans that the earlier did not.
    public var newlyPlanned: [String]
    /// The level the proposals are held to: the highest stated target, else the highest level reached.
    public var commonTargetLevel: Int
    /// Whether `commonTargetLevel` is a stated target (else it is the highest level reached).
    public var commonTargetStated: Bool
    /// Per column: whether it can be weighed against the others, and why not.
    public var comparability: [Comparability]
    /// Per column: the modules left out to stay within its budget.
    public var droppedForBudget: [[String]]
    /// Per column: the management measures left out to stay within its budget.
    public var measuresDroppedForBudget: [[String]] = []
    /// Per column: the mandatory scenes left below level 2 after the retrofit.
    public var mandatoryBelowTwo: [[String]]
    /// Per column: the modules it chooses that another proposal chooses too with other products (in the
    /// proposal's order). The same module id may then buy a different scope: a lower price
    /// is not necessarily the same thing for less.
    public var productsDiffer: [[String]] = []
    /// Per column: for each module of `productsDiffer`, its products and which of them differ.
    public var productDifferences: [[ProductDifference]] = []

    /// What the proposals of a contractors comparison differ in, of what a reviewer weighs them by: `pricing`
    /// (contractor overlay or reference prices), `catalog` (the catalog's id, version or content hash: its prices,
    /// rules or subsidies may differ even under one version), `answers` (the answers the proposals rest on,
    /// `answerDifferences`), `target` (stated target level), `budget`.
    public var differsIn: [String] {
        guard mode == .contractors else { return [] }
        return [("pricing", settings.overlays), ("catalog", settings.catalogs), ("answers", !answerDifferences.isEmpty),
                ("target", settings.targets), ("budget", settings.budgets)].filter(\.1).map(\.0)
    }

    /// Rival offers of several contractors: every proposal names a contractor, no two the same, and nothing but
    /// the pricing differs (`differsIn == ["pricing"]`: one catalog, the same answers, one target, one budget).
    /// Anything else (reference prices beside a contractor, one pricing with different targets or budgets, offers
    /// priced on different catalogs or made from different answers) compares options, not contractors.
    public var severalContractors: Bool {
        guard mode == .contractors, differsIn == ["pricing"] else { return false }
        let overlays = columns.map { $0.proposal.contractor.overlay ?? "" }
        return !overlays.contains("") && Set(overlays).count == overlays.count
    }

    /// "Lowest" goes by the three-year cost of ownership: every ranked proposal states its yearly fees and they
    /// differ, so an offer cheaper to build may be the dearer one to own. The net cost and the net cost per level
    /// then carry "lowest" only for a proposal that is also lowest over three years (`netCostBadgeAllowed`).
    public var rankByThreeYearCost: Bool {
        let fees = rankedColumns.sorted().map { summary[$0].yearlyFees }
        guard !fees.isEmpty, !fees.contains(nil) else { return false }
        return Set(fees.map { "\($0!.low)-\($0!.high)" }).count > 1
    }

    /// The three-year cost of ownership is ranked only when every ranked proposal has one (it states its fees).
    public var threeYearCostRanked: Bool {
        !rankedColumns.isEmpty && rankedColumns.allSatisfy { summary[$0].threeYearCost != nil }
    }

    /// The ranked columns holding the lowest value of `key` (compared element by element: `[high, low]` for a
    /// range), when the ranked values differ; a column without a value is never lowest.
    public func lowest(_ key: (SummaryRow) -> [Int]?) -> Set<Int> {
        let values = rankedColumns.sorted().compactMap { i in key(summary[i]).map { (i, $0) } }
        guard Set(values.map(\.1)).count > 1, let best = values.map(\.1).min(by: { $0.lexicographicallyPrecedes($1) }) else { return [] }
        return Set(values.filter { $0.1 == best }.map(\.0))
    }

    /// The columns lowest over three years (`lowest_three_year_cost`); empty when that is not ranked.
    public var lowestThreeYearCost: Set<Int> {
        threeYearCostRanked ? lowest { $0.threeYearCost.map { [$0.high, $0.low] } } : []
    }

    /// Whether column `i` may carry a "lowest" won on net cost (the net cost, the net cost per level): always,
    /// unless the yearly fees differ and it is not also lowest over three years. Never "lowest" for an offer
    /// that is dearer to own.
    public func netCostBadgeAllowed(_ i: Int) -> Bool { !rankByThreeYearCost || lowestThreeYearCost.contains(i) }

    /// The columns lowest in net cost or in net cost per level whose "lowest" is withheld because they are dearer
    /// over three years (`netCostBadgeAllowed`), in column order.
    public var netCostBadgesWithheld: [Int] {
        let winners = lowest { [$0.netCost.high, $0.netCost.low] }.union(lowest { $0.netCostPerLevel.map { [$0.high, $0.low] } })
        return winners.sorted().filter { !netCostBadgeAllowed($0) }
    }

    /// The enterprises' names, each once, in column order: one name unless `--allow-different` compared several.
    public var enterpriseNames: [String] {
        var seen: Set<String> = []
        return columns.map(\.proposal.enterprise.name).filter { seen.insert($0).inserted }
    }

    /// Columns that take part in rankings ("lowest", "shortest"): the comparable ones, and only when at least
    /// two are, since a ranking of one says nothing.
    public var rankedColumns: Set<Int> {
        let comparable = Set(comparability.indices.filter { comparability[$0].comparable })
        return comparable.count >= 2 ? comparable : []
    }
}
