/// Checks of cost-model.yaml, benefits.yaml and evidence.yaml against the rest of the catalog.
enum CostChecks {
    /// - Parameter partial: the catalog holds only some of the manifest's industries (a focused load), so a cost
    ///   entry or driver may name a module or question of one left out: such names are not checked.
    /// - Parameter thorough: also warn about a part's `when` that can never be true or never false.
    static func run(_ catalog: Catalog, partial: Bool = false, thorough: Bool = true, _ bag: inout DiagnosticBag) {
        let model = catalog.costModel
        CatalogChecks.duplicates(model.drivers, id: \.id, loc: \.location, what: "cost driver", &bag)
        let allModules = Set(catalog.industries.flatMap { $0.modules.map(\.id) })
        let questionnaires = catalog.industries.map { catalog.questionnaire(for: $0) }
        let common = Questionnaire(sections: catalog.commonSections)
        func question(_ id: String) -> Question? { common[id] ?? questionnaires.lazy.compactMap { $0[id] }.first }
        for d in model.drivers {
            guard let q = question(d.questionID) else {
                if partial { continue }
                bag.error("cost driver `\(d.id)` reads unknown question `\(d.questionID)`", at: d.location)
                continue
            }
            if q.kind != .number { bag.error("cost driver `\(d.id)` reads question `\(d.questionID)`, which is not a number", at: d.location) }
        }
        // A part's `when` reads the questionnaire of the module's industry, as its products' `when` do.
        var industryOf: [String: Industry] = [:]
        for industry in catalog.industries { for m in industry.modules where industryOf[m.id] == nil { industryOf[m.id] = industry } }
        for e in model.entries {
            check(e, catalog: catalog, allModules: partial ? nil : allModules, &bag)
            if let industry = industryOf[e.moduleID] {
                let questionnaire = catalog.questionnaire(for: industry)
                let typed = checkParts(e, of: "the cost model of `\(e.moduleID)`", questionnaire, thorough: thorough, &bag)
                if thorough, typed, let module = industry.modules.first(where: { $0.id == e.moduleID }) {
                    checkPartsListed(e, products: module.products, of: "module `\(module.id)`", questionnaire, &bag)
                }
            }
        }
        if !model.entries.isEmpty {
            for industry in catalog.industries {
                for m in industry.modules where model.entry(m.id) == nil {
                    bag.warning("module `\(m.id)` has no entry in cost-model.yaml: it is priced by size band only, with no yearly fee", at: m.location)
                }
            }
        }
        for overlay in catalog.overlays {
            for (_, o) in overlay.modules.sorted(by: { $0.key < $1.key }) {
                guard let e = o.costModel else { continue }
                check(e, catalog: catalog, allModules: partial ? nil : allModules, &bag)
                if let industry = catalog.industry(overlay.industry) {
                    let questionnaire = catalog.questionnaire(for: industry)
                    let typed = checkParts(e, of: "the cost model of `\(e.moduleID)` in overlay `\(overlay.id)`", questionnaire,
                                           thorough: thorough, &bag)
                    // The overlay's products replace the module's when it lists its own.
                    if thorough, typed, let module = industry.modules.first(where: { $0.id == e.moduleID }) {
                        checkPartsListed(e, products: o.products ?? module.products,
                                         of: "module `\(module.id)` in overlay `\(overlay.id)`", questionnaire, &bag)
                    }
                }
            }
        }
        benefits(catalog, question: question, partial: partial, &bag)
        evidence(catalog, &bag)
    }

    /// `allModules`: nil when not every industry was read.
    private static func check(_ e: CostModel.Entry, catalog: Catalog, allModules: Set<String>?, _ bag: inout DiagnosticBag) {
        if let allModules, !allModules.contains(e.moduleID) {
            let hint = closest(e.moduleID, among: Array(allModules)).map { " (did you mean `\($0)`?)" } ?? ""
            bag.error("cost model for unknown module `\(e.moduleID)`\(hint)", at: e.location)
        }
        if let d = e.driverID, catalog.costModel.driver(d) == nil {
            let hint = closest(d, among: catalog.costModel.drivers.map(\.id)).map { " (did you mean `\($0)`?)" } ?? ""
            bag.error("cost model of `\(e.moduleID)` names unknown driver `\(d)`\(hint)", at: e.driverLocation ?? e.location)
        }
    }

    /// The `when` of each price part, checked as a product's `when` (TailoringChecks): type errors at their column,
    /// and, thorough, a part that can never apply (never priced once its questions are answered) or always
    /// applies (belongs in `base`).
    /// Returns whether every part's `when` is well typed.
    @discardableResult
    private static func checkParts(_ e: CostModel.Entry, of owner: String, _ questionnaire: Questionnaire, thorough: Bool,
                                   _ bag: inout DiagnosticBag) -> Bool {
        var allTyped = true
        for (n, part) in e.parts.enumerated() {
            let context = "`when` of price part \(n + 1) of \(owner)"
            let typed = CatalogChecks.checkCondition(part.when, questions: { questionnaire[$0] }, context: context, &bag)
            allTyped = allTyped && typed
            guard thorough, typed else { continue }
            let at = part.when.source.location ?? part.location
            if ConditionSatisfiability.canBeTrue(part.when, questionnaire) == false {
                bag.warning("\(context) can never be true: no answers make `\(part.when.source.text)` true, so the part is priced only while its questions are unanswered", at: at)
            } else if ConditionSatisfiability.canBeTrue(TailoringChecks.negated(part.when), questionnaire) == false {
                bag.warning("\(context) is never false: no answers make `\(part.when.source.text)` false, so every enterprise pays it; add it to `base`", at: at)
            }
        }
        return allTyped
    }

    /// A price part is what the proposal lists as one of the module's products for the same plants: each part's
    /// `when` should be equivalent to the `when` of one of the module's products. Otherwise the proposal prices
    /// equipment it does not list for some plants (or lists it without its price): a warning at the part, naming
    /// the products' conditions. Only definite answers count (a condition the checker cannot decide is let pass).
    private static func checkPartsListed(_ e: CostModel.Entry, products: [TailoredText], of owner: String,
                                         _ questionnaire: Questionnaire, _ bag: inout DiagnosticBag) {
        let conditional = products.compactMap(\.when)
        for (n, part) in e.parts.enumerated() {
            // A part that never or always applies is warned about already (checkParts).
            if ConditionSatisfiability.canBeTrue(part.when, questionnaire) == false
                || ConditionSatisfiability.canBeTrue(TailoringChecks.negated(part.when), questionnaire) == false { continue }
            let listed = conditional.contains { product in
                let extra = ConditionSatisfiability.canBeTrue(both(part.when, TailoringChecks.negated(product)), questionnaire)
                let missing = ConditionSatisfiability.canBeTrue(both(product, TailoringChecks.negated(part.when)), questionnaire)
                return extra != true && missing != true
            }
            guard !listed else { continue }
            bag.warning("price part \(n + 1) of the cost model of `\(e.moduleID)` (`\(part.when.source.text)`) has no product of \(owner) with the same `when`: a proposal would price it without listing it; give the module such a product",
                        at: part.when.source.location ?? part.location)
        }
    }

    private static func both(_ a: Condition, _ b: Condition) -> Condition {
        Condition(source: a.source, expr: Expr(.and(a.expr, b.expr), at: 0))
    }

    private static func benefits(_ catalog: Catalog, question: (String) -> Question?, partial: Bool, _ bag: inout DiagnosticBag) {
        let b = catalog.benefitModel
        guard !b.metrics.isEmpty else { return }
        for id in b.energyCostQuestions where !partial && question(id) == nil {
            bag.error("benefits.yaml: `energy_cost_questions` names unknown question `\(id)`", at: nil)
        }
        let needed: [BenefitModel.Basis: [String]] = [
            .operatingCost: ["default_cost_share"], .materialCost: ["default_cost_share", "material_share"],
            .labourCost: ["worker_share", "wage"],
        ]
        for rule in b.metrics {
            if catalog.manifest.metric(rule.metric) == nil {
                bag.error("benefits.yaml prices unknown KPI metric `\(rule.metric)` (catalog.yaml `kpi_metrics`)", at: rule.location)
            }
            for c in needed[rule.basis] ?? [] where b.coefficient(c) == nil {
                bag.error("benefits.yaml: basis `\(rule.basis.rawValue)` of `\(rule.metric)` needs coefficient `\(c)`", at: rule.location)
            }
        }
    }

    private static func evidence(_ catalog: Catalog, _ bag: inout DiagnosticBag) {
        let ev = catalog.evidence
        guard !ev.indicators.isEmpty || !ev.scenes.isEmpty else { return }
        let indicators = catalog.maturity.dimensions.flatMap(\.indicators)
        let indicatorIDs = Set(indicators.map(\.id))
        for (id, e) in ev.indicators.sorted(by: { $0.key < $1.key }) where !indicatorIDs.contains(id) {
            bag.error("evidence.yaml: unknown indicator `\(id)`", at: e.location)
        }
        for i in indicators where ev.indicators[i.id] == nil {
            bag.warning("evidence.yaml lists no supporting material for indicator `\(i.id)`", at: i.location)
        }
        let sceneIDs = Set(catalog.maturity.scenes.map(\.id))
        for (id, loc) in ev.sceneLocations.sorted(by: { $0.key < $1.key }) where !sceneIDs.contains(id) {
            bag.error("evidence.yaml: unknown scene `\(id)`", at: loc)
        }
        for s in catalog.maturity.scenes {
            let levels = ev.scenes[s.id] ?? [:]
            for level in 1...4 where levels[level] == nil {
                bag.warning("evidence.yaml lists no supporting material for scene `\(s.id)` level \(level)", at: ev.sceneLocations[s.id] ?? s.location)
            }
        }
    }
}
