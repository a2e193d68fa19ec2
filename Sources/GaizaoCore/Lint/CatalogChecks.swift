/// Cross-file checks of a loaded catalog: references, shapes, cycles, conditions. Each check reports
/// located diagnostics; none stops the others.
enum CatalogChecks {
    /// - Parameter leftOut: industries of the manifest that were not read (a load focused on another): what only
    ///   they could resolve (overlays for them, cost entries naming their modules) is not checked.
    static func run(_ catalog: Catalog, thorough: Bool = true, leftOut: Set<String> = []) -> DiagnosticBag {
        var bag = DiagnosticBag()
        ManifestChecks.run(catalog, &bag)
        MaturityChecks.run(catalog, &bag)
        PolicyChecks.run(catalog, &bag)
        for industry in catalog.industries {
            let questionnaire = catalog.questionnaire(for: industry)
            QuestionChecks.run(catalog, industry, questionnaire, &bag)
            ModuleChecks.run(catalog, industry, &bag)
            TailoringChecks.run(industry, questionnaire, thorough: thorough, &bag)
            MeasureChecks.run(catalog, industry, questionnaire, &bag)
            RuleChecks.run(catalog, industry, questionnaire, thorough: thorough, &bag)
        }
        OverlayChecks.run(catalog, leftOut: leftOut, &bag)
        CostChecks.run(catalog, partial: !leftOut.isEmpty, thorough: thorough, &bag)
        return bag
    }

    /// Reports ids that appear more than once, at each later occurrence.
    static func duplicates<T>(_ items: [T], id: (T) -> String, loc: (T) -> SourceLocation?, what: String, scope: String = "",
                              _ bag: inout DiagnosticBag) {
        var first: [String: SourceLocation?] = [:]
        for item in items {
            let key = id(item)
            if let previous = first[key] {
                let here = loc(item)
                // The first occurrence may sit in another file (a common and an industry question).
                let whereFirst = previous.map { " (first at \($0.file == here?.file ? "\($0.line):\($0.column)" : $0.description))" } ?? ""
                bag.error("duplicate \(what) id `\(key)`\(scope)\(whereFirst)", at: here)
            } else {
                first[key] = loc(item)
            }
        }
    }

    /// Type-checks a condition and reports problems at their exact column.
    /// Returns whether the condition is well typed.
    @discardableResult
    static func checkCondition(_ condition: Condition, questions: (String) -> Question?, reject: (String) -> String? = { _ in nil },
                               context: String, _ bag: inout DiagnosticBag) -> Bool {
        let problems = ConditionTypeChecker.check(condition.expr, questions: questions, reject: reject)
        for p in problems {
            let loc = condition.source.location.map { CatalogReader.offset($0, by: p.offset) }
            bag.error("\(context): \(p.message)", at: loc)
        }
        return problems.isEmpty
    }
}

enum ManifestChecks {
    static func run(_ catalog: Catalog, _ bag: inout DiagnosticBag) {
        let m = catalog.manifest
        CatalogChecks.duplicates(m.industryIDs, id: \.text, loc: \.location, what: "industry", &bag)
        CatalogChecks.duplicates(m.sizeBands, id: \.id, loc: { $0.when?.source.location }, what: "size band", &bag)
        if m.sizeBands.isEmpty { bag.error("catalog.yaml declares no size band", at: nil) }
        // Size bands may only read the common questionnaire: they apply to every industry.
        let common = Questionnaire(sections: catalog.commonSections)
        let known = Set(m.industryIDs.map(\.text))
        for q in common.ordered {
            for option in q.options {
                for id in option.industries ?? [] where !known.contains(id.text) {
                    bag.error("option `\(option.id)` of question `\(q.id)` names unknown industry `\(id.text)`", at: id.location)
                }
            }
        }
        let priced = m.pricedBandIDs
        for band in m.sizeBands {
            if let other = band.pricedAs, !priced.contains(other) {
                let known = priced.joined(separator: ", ")
                bag.error("size band `\(band.id)` is priced as `\(other)`, which is no size band with prices of its own (bands: \(known))",
                          at: band.location)
            }
            guard let when = band.when else { continue }
            CatalogChecks.checkCondition(when, questions: { common[$0] }, context: "`when` of size band `\(band.id)`", &bag)
        }
    }
}

enum PolicyChecks {
    static func run(_ catalog: Catalog, _ bag: inout DiagnosticBag) {
        let policies = catalog.policies.policies
        CatalogChecks.duplicates(policies, id: \.id, loc: \.location, what: "policy", &bag)
        let common = Questionnaire(sections: catalog.commonSections)
        let tags = Set(catalog.industries.flatMap { $0.modules.flatMap(\.subsidyTags) })
        for p in policies {
            if let when = p.eligibleWhen {
                CatalogChecks.checkCondition(when, questions: { common[$0] }, context: "`eligible_when` of policy `\(p.id)`", &bag)
            }
            if let when = p.conditionalWhen {
                CatalogChecks.checkCondition(when, questions: { common[$0] }, context: "`conditional_when` of policy `\(p.id)`", &bag)
            }
            if p.oneOff && p.kind == .rate {
                bag.warning("policy `\(p.id)` is a rate on the project's investment but marked `one_off`: one-off rewards are not counted in the project's subsidy", at: p.location)
            }
            if case let .tag(tag) = p.base, !tags.contains(tag) {
                bag.warning("policy `\(p.id)` applies to modules tagged `\(tag)`, but no module carries that tag", at: p.location)
            }
            if p.kind == .rate && p.ratePercent == 0 {
                bag.warning("policy `\(p.id)` has a rate of 0%", at: p.location)
            }
        }
        if catalog.policies.stackingAssumption.zh.isEmpty {
            bag.error("policies.yaml must state its stacking assumption (`stacking.assumption`)", at: nil)
        }
    }
}

enum OverlayChecks {
    static func run(_ catalog: Catalog, leftOut: Set<String> = [], _ bag: inout DiagnosticBag) {
        CatalogChecks.duplicates(catalog.overlays, id: \.id, loc: \.location, what: "overlay", &bag)
        let bands = catalog.manifest.pricedBandIDs
        for overlay in catalog.overlays where !leftOut.contains(overlay.industry) {
            guard let industry = catalog.industry(overlay.industry) else {
                let hint = closest(overlay.industry, among: catalog.industries.map(\.id)).map { " (did you mean `\($0)`?)" } ?? ""
                bag.error("overlay `\(overlay.id)` names unknown industry `\(overlay.industry)`\(hint)", at: overlay.industryLocation ?? overlay.location)
                continue
            }
            for (moduleID, o) in overlay.modules.sorted(by: { $0.key < $1.key }) {
                if industry.module(moduleID) == nil {
                    let hint = closest(moduleID, among: industry.modules.map(\.id)).map { " (did you mean `\($0)`?)" } ?? ""
                    bag.error("overlay `\(overlay.id)` overrides unknown module `\(moduleID)`\(hint)", at: o.location)
                }
                if let products = o.products {
                    TailoringChecks.overlayProducts(products, of: "the override of module `\(moduleID)` in overlay `\(overlay.id)`",
                                                    catalog.questionnaire(for: industry), &bag)
                }
                for band in (o.cost ?? [:]).keys.sorted() where !bands.contains(band) {
                    bag.error("unknown size band `\(band)` in overlay cost (bands: \(bands.joined(separator: ", ")))", at: o.location)
                }
            }
        }
    }
}
