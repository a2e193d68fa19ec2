enum RuleChecks {
    static func run(_ catalog: Catalog, _ industry: Industry, _ questionnaire: Questionnaire, thorough: Bool, _ bag: inout DiagnosticBag) {
        CatalogChecks.duplicates(industry.rules, id: \.id, loc: \.location, what: "rule", &bag)
        let ids = industry.modules.map(\.id)
        var neverFire = Set<String>()
        for rule in industry.rules {
            let typeOK = CatalogChecks.checkCondition(rule.when, questions: { questionnaire[$0] }, context: "`when` of rule `\(rule.id)`", &bag)
            if let target = rule.effect.moduleID {
                if let m = industry.module(target) {
                    switch (rule.effect, m.kind) {
                    case (.recommend, .standard):
                        bag.error("rule `\(rule.id)` recommends standard module `\(target)`: standard modules are always in unless `satisfied` or `upgrade`", at: rule.effectLocation)
                    case (.upgrade, .personalized), (.satisfied, .personalized):
                        bag.error("rule `\(rule.id)` uses `\(rule.effect.keyword)` on personalized module `\(target)`: that applies to standard modules", at: rule.effectLocation)
                    default: break
                    }
                } else {
                    let hint = closest(target, among: ids).map { " (did you mean `\($0)`?)" } ?? ""
                    bag.error("rule `\(rule.id)` names unknown module `\(target)`\(hint)", at: rule.effectLocation)
                }
            }
            // A risk's scope names modules of the industry, each once.
            var scoped = Set<String>()
            for ref in rule.modules {
                if industry.module(ref.text) == nil {
                    let hint = closest(ref.text, among: ids).map { " (did you mean `\($0)`?)" } ?? ""
                    bag.error("risk rule `\(rule.id)` names unknown module `\(ref.text)` in `modules`\(hint)", at: ref.location)
                } else if !scoped.insert(ref.text).inserted {
                    bag.warning("risk rule `\(rule.id)` names module `\(ref.text)` twice in `modules`", at: ref.location)
                }
            }
            // The exhaustive search is for lint; commands that only use the catalog skip it (it finds warnings only).
            if thorough, typeOK, ConditionSatisfiability.canBeTrue(rule.when, questionnaire) == false {
                neverFire.insert(rule.id)
                bag.warning("rule `\(rule.id)` can never fire: no answers make `\(rule.when.source.text)` true", at: rule.when.source.location ?? rule.location)
            }
        }
        guard thorough else { return }
        for m in industry.personalizedModules {
            let recommending = industry.rules.filter { if case .recommend(m.id) = $0.effect { return true } else { return false } }
            // Rules that can never fire recommend nothing.
            let live = recommending.filter { !neverFire.contains($0.id) }
            let weight = live.reduce(0) { $0 + $1.weight }
            if recommending.isEmpty {
                bag.warning("personalized module `\(m.id)` is recommended by no rule: it can never be chosen", at: m.location)
            } else if live.isEmpty {
                bag.warning("personalized module `\(m.id)` can never be chosen: no rule recommending it can fire", at: m.location)
            } else if weight + 1e-9 < industry.threshold {
                bag.warning("personalized module `\(m.id)` can never be chosen: its rules weigh \(formatNumber(weight)) together, below the threshold \(formatNumber(industry.threshold))", at: m.location)
            }
        }
    }
}
