import Foundation

/// The machine-readable comparison (`comparison.json`, schema `gaizao.comparison/4`, documented in
/// docs/comparison-schema.md): per proposal, in input order, whether it is comparable and why not, with the
/// figures a reviewer ranks by. Money is exact yuan; texts carry Chinese and English.
public struct ComparisonJSON: Codable, Sendable, Equatable {
    /// Bumped whenever a field or a value a reader may rely on changes (schema 3: the badge
    /// `lowest_net_cost_per_point` became `lowest_net_cost_per_level`; schema 4: `differsIn` names more than
    /// pricing, target and budget, and `lowest_net_cost` is withheld from an offer dearer over three years); docs/comparison-schema.md
    /// lists the changes.
    public static let schemaID = "gaizao.comparison/4"

    public var schema: String
    public var mode: String
    public var enterprise: String
    public var sameEnterprise: Bool
    /// The level comparable proposals must reach: the highest stated target, else the highest level reached.
    public var targetLevel: Int
    /// `stated` (some proposal states a target) or `reached` (none does: the highest projected level).
    public var targetBasis: String
    /// What the proposals differ in, of `pricing`, `catalog`, `answers`, `target`, `budget` (contractors mode;
    /// empty before/after): `mode: contractors` with anything but `pricing` compares options, not only contractors.
    public var differsIn: [String]
    /// The questions the proposals answer differently, formatting aside (schema 4; empty when none).
    public var answerDifferences: [AnswerDifference]
    public var warnings: [Localized]
    public var proposals: [Entry]
    public var modules: [ModuleEntry]
    /// Every management measure of any proposal (schema 2): measures are part of every investment.
    public var measures: [ModuleEntry]

    public struct Entry: Codable, Sendable, Equatable {
        public var label: String
        public var source: String
        /// The enterprise as this proposal names it, and its credit code when given: with `--allow-different`
        /// the proposals are for several enterprises.
        public var enterprise: String
        public var creditCode: String?
        public var contractor: Localized?
        public var date: String?
        /// The catalog the proposal was made with: its id, version and full content hash (schema 4).
        public var catalog: Catalog
        public var comparable: Bool
        public var reasons: [Reason]
        public var notes: [Reason]
        public var target: StatedTarget?
        public var levelNow: Int
        public var levelAfter: Int
        public var pointsNow: Double
        public var pointsAfter: Double
        public var budgetYuan: Int?
        public var overBudget: Bool
        public var investment: Proposal.YuanRange
        /// The certain (qualified) subsidy, the one `netCost` deducts.
        public var subsidy: Proposal.YuanRange
        /// What conditional schemes would add on top of `subsidy`, and one-off rewards; absent when none. Neither
        /// is in `netCost`.
        public var subsidyConditional: Proposal.YuanRange?
        public var subsidyOneOff: Proposal.YuanRange?
        public var netCost: Proposal.YuanRange
        /// The package's yearly operations and subscription fees (schema 4); absent when the proposal states none.
        public var yearlyFees: Proposal.YuanRange?
        /// The three-year cost of ownership, an estimate: `netCost` + 3 × `yearlyFees`, low and high ends added
        /// separately (schema 4); absent without yearly fees. Ranked as `lowest_three_year_cost`.
        public var threeYearCost: Proposal.YuanRange?
        public var durationWeeks: Int
        public var selectedModules: Int
        /// Measures in the package, and what the modules and the measures cost (`investment` is their sum).
        public var selectedMeasures: Int
        public var moduleInvestment: Proposal.YuanRange
        public var measureInvestment: Proposal.YuanRange
        public var netCostPerPointYuan: Proposal.YuanRange?
        /// Net cost per maturity level gained; absent when no level is gained. The ranked figure
        /// (`lowest_net_cost_per_level`); per point is not ranked.
        public var netCostPerLevelYuan: Proposal.YuanRange?
        /// Ids of chosen modules that another proposal chooses too with other products.
        public var productsDiffer: [String]
        /// The same modules, each with every product this proposal lists and those that differ (schema 3): the
        /// full lists the documents shorten.
        public var productDifferences: [ProductDifference]
        public var droppedForBudget: [String]
        /// Ids of the management measures left out to stay within the budget (as `droppedForBudget` for modules).
        public var measuresDroppedForBudget: [String]
        public var mandatoryBelowTwo: [String]
        /// The rankings this proposal wins among comparable ones: `lowest_net_cost`, `lowest_three_year_cost`,
        /// `shortest_duration`, `lowest_net_cost_per_level`. When the ranked proposals' yearly fees differ,
        /// `lowest_net_cost` and `lowest_net_cost_per_level` go only to a proposal that also wins
        /// `lowest_three_year_cost`: an offer cheaper to build may be dearer to own.
        public var badges: [String]
    }

    public struct AnswerDifference: Codable, Sendable, Equatable {
        public var question: String
        public var label: Localized
        /// The answer as the proposal shows it, per proposal in the order of `proposals`; null when not answered.
        public var values: [Localized?]
        /// A subsidy scheme of some proposal rests on the question (`subsidies[].questions` of the proposal JSON):
        /// the proposals then carry the reason `subsidy_answers_differ`.
        public var subsidy: Bool
    }

    public struct Catalog: Codable, Sendable, Equatable {
        public var id: String
        public var version: String
        /// The SHA-256 of the catalog's content: two proposals with one version and different hashes were made with
        /// different catalogs.
        public var hash: String
    }

    public struct ProductDifference: Codable, Sendable, Equatable {
        public var module: String
        /// Every product the proposal lists for the module, in its order.
        public var products: [Localized]
        /// Those of `products` that some other proposal choosing the module does not list.
        public var differing: [Localized]
    }

    public struct Reason: Codable, Sendable, Equatable {
        public var code: String
        public var text: Localized
    }

    public struct ModuleEntry: Codable, Sendable, Equatable {
        public var id: String
        public var name: Localized
        /// Per proposal, in input order: its decision (`include`, `upgrade`, …), or nil when its catalog lacks it.
        public var statuses: [String?]
    }

    /// `comparison` in input order (a before/after comparison puts the earlier date first; `order` undoes that).
    public init(_ comparison: ProposalComparison, inputOrder sources: [String]? = nil) {
        let c = comparison
        var indices = Array(c.columns.indices)
        if let sources, sources.count == c.columns.count {
            var remaining = Array(c.columns.indices)
            indices = sources.compactMap { source in
                guard let at = remaining.firstIndex(where: { c.columns[$0].source == source }) else { return nil }
                return remaining.remove(at: at)
            }
            if indices.count != c.columns.count { indices = Array(c.columns.indices) }
        }
        let contractors = c.mode == .contractors
        // A "lowest" won on net cost goes to no offer that is dearer over three years (`netCostBadgeAllowed`).
        let cheapest = contractors ? c.lowest { [$0.netCost.high, $0.netCost.low] }.filter(c.netCostBadgeAllowed) : []
        let cheapestOwned = contractors ? c.lowestThreeYearCost : []
        let shortest = contractors ? c.lowest { [$0.weeks] } : []
        let perLevel = contractors ? c.lowest { $0.netCostPerLevel.map { [$0.high, $0.low] } }.filter(c.netCostBadgeAllowed) : []
        schema = Self.schemaID
        mode = c.mode.rawValue
        enterprise = c.enterprise
        sameEnterprise = c.sameEnterprise
        targetLevel = c.commonTargetLevel
        targetBasis = c.commonTargetStated ? "stated" : "reached"
        differsIn = c.differsIn
        answerDifferences = c.answerDifferences.map { d in
            AnswerDifference(question: d.questionID, label: d.label, values: indices.map { d.values[$0] }, subsidy: d.subsidyQuestion)
        }
        warnings = c.warnings
        proposals = indices.map { i in
            let col = c.columns[i], p = col.proposal, row = c.summary[i], verdict = c.comparability[i]
            var badges: [String] = []
            if cheapest.contains(i) { badges.append("lowest_net_cost") }
            if cheapestOwned.contains(i) { badges.append("lowest_three_year_cost") }
            if shortest.contains(i) { badges.append("shortest_duration") }
            if perLevel.contains(i) { badges.append("lowest_net_cost_per_level") }
            return Entry(
                label: col.label, source: col.source, enterprise: p.enterprise.name, creditCode: p.enterprise.creditCode,
                contractor: p.contractor.name, date: p.date,
                catalog: Catalog(id: p.catalog.id, version: p.catalog.version, hash: p.catalog.hash),
                comparable: verdict.comparable, reasons: verdict.reasons.map { Reason(code: $0.code, text: $0.text) },
                notes: verdict.notes.map { Reason(code: $0.code, text: $0.text) }, target: col.target,
                levelNow: row.levelNow, levelAfter: row.levelAfter, pointsNow: row.pointsNow, pointsAfter: row.pointsAfter,
                budgetYuan: p.budgetYuan, overBudget: p.budgetYuan.map { p.totals.investment.highYuan > $0 } ?? false,
                investment: p.totals.investment, subsidy: p.totals.subsidy.range,
                subsidyConditional: row.subsidyConditional.high > 0 ? .init(lowYuan: row.subsidyConditional.low, highYuan: row.subsidyConditional.high) : nil,
                subsidyOneOff: row.subsidyOneOff.high > 0 ? .init(lowYuan: row.subsidyOneOff.low, highYuan: row.subsidyOneOff.high) : nil,
                netCost: p.totals.netCost,
                yearlyFees: row.yearlyFees.map { Proposal.YuanRange(lowYuan: $0.low, highYuan: $0.high) },
                threeYearCost: row.threeYearCost.map { Proposal.YuanRange(lowYuan: $0.low, highYuan: $0.high) },
                durationWeeks: row.weeks, selectedModules: row.modules, selectedMeasures: row.measures,
                moduleInvestment: .init(lowYuan: row.moduleCost.low, highYuan: row.moduleCost.high),
                measureInvestment: .init(lowYuan: row.measureCost.low, highYuan: row.measureCost.high),
                netCostPerPointYuan: row.netCostPerPoint.map { Proposal.YuanRange(lowYuan: $0.low, highYuan: $0.high) },
                netCostPerLevelYuan: row.netCostPerLevel.map { Proposal.YuanRange(lowYuan: $0.low, highYuan: $0.high) },
                productsDiffer: i < c.productsDiffer.count ? c.productsDiffer[i] : [],
                productDifferences: i < c.productDifferences.count
                    ? c.productDifferences[i].map { ProductDifference(module: $0.moduleID, products: $0.products, differing: $0.differing) } : [],
                droppedForBudget: c.droppedForBudget[i],
                measuresDroppedForBudget: i < c.measuresDroppedForBudget.count ? c.measuresDroppedForBudget[i] : [], mandatoryBelowTwo: c.mandatoryBelowTwo[i], badges: badges)
        }
        modules = c.modules.map { row in
            ModuleEntry(id: row.moduleID, name: row.name, statuses: indices.map { row.cells[$0]?.status.rawValue })
        }
        measures = c.measures.map { row in
            ModuleEntry(id: row.measureID, name: row.name, statuses: indices.map { row.cells[$0]?.status.rawValue })
        }
    }

    /// Pretty-printed JSON with sorted keys (stable output), ending with a newline.
    public func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
