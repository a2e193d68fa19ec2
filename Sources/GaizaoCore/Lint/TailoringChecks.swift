/// The `when` of modules' products and summary parts, and of an overlay's products: what tailors a proposal's
/// texts to the enterprise. Each condition type-checks against the industry's questionnaire (errors at the exact
/// column); the thorough checks warn about a `when` that can never be true or never false, and about a module
/// whose every product some answers rule out.
enum TailoringChecks {
    static func run(_ industry: Industry, _ questionnaire: Questionnaire, thorough: Bool, _ bag: inout DiagnosticBag) {
        for m in industry.modules {
            let owner = "module `\(m.id)`"
            let productsTyped = check(m.products, what: "product", of: owner, questionnaire, thorough: thorough, &bag)
            check(m.summaryParts, what: "summary part", of: owner, questionnaire, thorough: thorough, &bag)
            if thorough, productsTyped { checkSomeProductLeft(m.products, of: owner, at: m.location, questionnaire, &bag) }
        }
    }

    /// An overlay's own products, against the questionnaire of the overlay's industry.
    static func overlayProducts(_ products: [TailoredText], of owner: String, _ questionnaire: Questionnaire, _ bag: inout DiagnosticBag) {
        check(products, what: "product", of: owner, questionnaire, thorough: false, &bag)
    }

    /// Type-checks each text's `when`; returns whether all are well typed.
    @discardableResult
    static func check(_ texts: [TailoredText], what: String, of owner: String, _ questionnaire: Questionnaire, thorough: Bool,
                      _ bag: inout DiagnosticBag) -> Bool {
        var allTyped = true
        for (n, text) in texts.enumerated() {
            guard let when = text.when else { continue }
            let context = "`when` of \(what) \(n + 1) of \(owner)"
            let typed = CatalogChecks.checkCondition(when, questions: { questionnaire[$0] }, context: context, &bag)
            allTyped = allTyped && typed
            guard thorough, typed else { continue }
            let at = when.source.location ?? text.location
            if ConditionSatisfiability.canBeTrue(when, questionnaire) == false {
                bag.warning("\(context) can never be true: no answers make `\(when.source.text)` true, so the text is offered only while its questions are unanswered", at: at)
            } else if ConditionSatisfiability.canBeTrue(negated(when), questionnaire) == false {
                bag.warning("\(context) is never false: no answers make `\(when.source.text)` false, so it leaves nothing out; drop the `when`", at: at)
            }
        }
        return allTyped
    }

    /// A module whose every product has a `when` may be offered with no product at all: warn when some answers
    /// rule them all out (the module then reads as an empty offer).
    static func checkSomeProductLeft(_ products: [TailoredText], of owner: String, at location: SourceLocation?,
                                     _ questionnaire: Questionnaire, _ bag: inout DiagnosticBag) {
        let conditions = products.compactMap(\.when)
        guard !products.isEmpty, conditions.count == products.count, let first = conditions.first else { return }
        // not c1 and not c2 and …: true for the answers that drop every product.
        let noneOffered = conditions.dropFirst().reduce(negated(first).expr) { Expr(.and($0, negated($1).expr), at: 0) }
        let all = Condition(source: first.source, expr: noneOffered)
        if ConditionSatisfiability.canBeTrue(all, questionnaire) == true {
            bag.warning("every product of \(owner) has a `when`, and some answers rule them all out: the module would be offered without a product; give one product no `when`", at: location)
        }
    }

    static func negated(_ condition: Condition) -> Condition {
        Condition(source: condition.source, expr: Expr(.not(condition.expr), at: 0))
    }
}
