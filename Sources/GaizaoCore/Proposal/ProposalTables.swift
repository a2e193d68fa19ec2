/// What `ProposalBuilder` looks up by id, resolved once per industry: rule weights, the catalog's indicator
/// of each scored indicator, the scenes a module raises, the slots of the answers the enterprise block and
/// the outcome baselines read.
final class ProposalTables: Sendable {
    struct RaisedScene: Sendable {
        var scene: String
        var sceneName: Localized
        /// The index of the scene in the maturity model (and so in a diagnosis's scenes), nil when unknown.
        var sceneIndex: Int?
        var level: Int
    }

    /// The weight of the first rule of each id.
    let ruleWeights: [String: Double]
    /// For each rule, the weight of the first rule of its id.
    let firstWeights: [Double]
    /// The ids of the diagnoser's indicators in order (`DiagnosisTables.indicators`) and the catalog's
    /// indicator of each (the first of its id, as a lookup by id finds).
    let indicatorIDs: [String]
    let indicatorQuestionIDs: [String]
    let indicatorSlots: [Int]
    let indicatorNames: [Localized]
    let indicatorGroups: [Localized?]
    let indicatorConfirmed: [Bool]
    /// Each indicator's name as the evidence checklist shows it ("组·名称") and its evidence (evidence.yaml).
    let indicatorEvidenceNames: [Localized]
    let indicatorEvidence: [EvidenceCatalog.IndicatorEvidence?]
    let indicatorsByID: [String: Indicator]
    /// The scenes each module raises, by module index.
    let raises: [[RaisedScene]]
    /// Each module's summary parts, and, for a module of at most `summaryPartsPrepared` parts, its summary for
    /// every choice of them (bit j set: part j offered), so that a proposal finds it instead of joining and
    /// checking the sentences again for each enterprise. Nil for a module of more parts.
    let summaryParts: [[TailoredText]]
    let summaries: [[Localized]?]
    /// The `when` of each module's summary parts and of its products, compiled to answer slots: a proposal
    /// tailors them by reading its answers by slot instead of looking each question id up.
    let summaryPartWhens: [[SlotCondition?]]
    let productWhens: [[SlotCondition?]]
    static let summaryPartsPrepared = 6
    let companyName: Int, creditCode: Int, town: Int, employees: Int, annualRevenue: Int
    let baselinePassRate: Int, baselineEnergy: Int, baselineCost: Int

    init(catalog: Catalog, industry: Industry, diagnosis: DiagnosisTables, slots: inout AnswerSlots.Builder) {
        var weights: [String: Double] = [:]
        for r in industry.rules where weights[r.id] == nil { weights[r.id] = r.weight }
        ruleWeights = weights
        firstWeights = industry.rules.map { weights[$0.id]! }
        var byID: [String: Indicator] = [:]
        for dimension in catalog.maturity.dimensions {
            for i in dimension.indicators where byID[i.id] == nil { byID[i.id] = i }
        }
        indicatorsByID = byID
        indicatorIDs = diagnosis.indicators.map(\.id)
        indicatorQuestionIDs = diagnosis.indicators.map(\.questionID)
        indicatorSlots = diagnosis.indicators.map(\.slot)
        let indicators = diagnosis.indicators.map { byID[$0.id]! }
        indicatorNames = indicators.map(\.name)
        indicatorGroups = indicators.map(\.group)
        indicatorConfirmed = indicators.map(\.confirmed)
        indicatorEvidenceNames = indicators.map(Self.evidenceName)
        indicatorEvidence = indicators.map { catalog.evidence.indicators[$0.id] }
        let scenes = catalog.maturity.scenes
        raises = industry.modules.map { m in
            m.raises.map { r in
                let index = scenes.firstIndex { $0.id == r.scene }
                return RaisedScene(scene: r.scene, sceneName: index.map { scenes[$0].name } ?? .empty, sceneIndex: index, level: r.level)
            }
        }
        summaryParts = industry.modules.map(\.summaryParts)
        summaries = industry.modules.map { m in
            let parts = m.summaryParts
            guard parts.count <= Self.summaryPartsPrepared else { return nil }
            return (0..<(1 << parts.count)).map { offered in
                m.summary(with: parts.indices.filter { offered & (1 << $0) != 0 }.map { parts[$0] })
            }
        }
        func compiled(_ texts: [TailoredText]) -> [SlotCondition?] {
            texts.map { t in t.when.map { SlotCondition($0, slot: { slots.slot($0) }) } }
        }
        summaryPartWhens = industry.modules.map { compiled($0.summaryParts) }
        productWhens = industry.modules.map { compiled($0.products) }
        companyName = slots.slot("company_name")
        creditCode = slots.slot("credit_code")
        town = slots.slot("town")
        employees = slots.slot("employees")
        annualRevenue = slots.slot("annual_revenue")
        baselinePassRate = slots.slot("baseline_pass_rate")
        baselineEnergy = slots.slot("baseline_energy_per_revenue")
        baselineCost = slots.slot("baseline_cost_per_revenue")
    }

    /// `industry.modules[module].summary(for: lookup)`, found among the prepared summaries when there are;
    /// `values` are the same answers by slot, which the prepared parts' conditions read.
    func summary(of module: Int, in industry: Industry, values: [AnswerValue?], for lookup: (String) -> AnswerValue?) -> Localized {
        guard let byOffered = summaries[module] else { return industry.modules[module].summary(for: lookup) }
        var offered = 0
        for (j, when) in summaryPartWhens[module].enumerated() where Self.isOffered(when, values) { offered |= 1 << j }
        return byOffered[offered]
    }

    /// `TailoredText.isOffered` for a text whose condition is `when`, compiled to slots.
    static func isOffered(_ when: SlotCondition?, _ values: [AnswerValue?]) -> Bool {
        guard let when else { return true }
        return when.evaluate(values) != .no
    }

    static func evidenceName(_ i: Indicator) -> Localized {
        i.group.map { Localized(zh: "\($0.zh)·\(i.name.zh)", en: "\($0.en): \(i.name.en)") } ?? i.name
    }
}
