enum QuestionChecks {
    static func run(_ catalog: Catalog, _ industry: Industry, _ questionnaire: Questionnaire, _ bag: inout DiagnosticBag) {
        let all = (catalog.commonSections + industry.sections).flatMap(\.questions)
        CatalogChecks.duplicates(all, id: \.id, loc: \.location, what: "question", &bag)
        CatalogChecks.duplicates(catalog.commonSections + industry.sections, id: \.id, loc: \.location, what: "section", &bag)
        for q in all {
            CatalogChecks.duplicates(q.options, id: \.id, loc: \.location, what: "option", scope: " in question `\(q.id)`", &bag)
            for o in q.options {
                for ref in o.requires {
                    if q.kind != .multi {
                        bag.error("option `\(o.id)` of `\(q.id)`: `requires` is for the options of a multiple-choice question", at: ref.location)
                        break
                    }
                    if ref.text == o.id || o.exclusive || q.option(ref.text)?.exclusive == true {
                        bag.error("option `\(o.id)` of `\(q.id)` cannot require `\(ref.text)`", at: ref.location)
                    } else if q.option(ref.text) == nil {
                        let hint = closest(ref.text, among: q.options.map(\.id)).map { " (did you mean `\($0)`?)" } ?? ""
                        bag.error("option `\(o.id)` of `\(q.id)` requires unknown option `\(ref.text)`\(hint)", at: ref.location)
                    }
                }
            }
            // An unbounded number takes any figure a respondent types (a revenue of 10¹²): the wizard, the
            // questionnaire workbook and the answers check can only hold answers to the range the catalog gives.
            if q.kind == .number, q.min == nil || q.max == nil {
                let missing = [q.min == nil ? "`min`" : nil, q.max == nil ? "`max`" : nil].compactMap { $0 }.joined(separator: ", ")
                bag.warning("number question `\(q.id)` has no \(missing): any figure is accepted as an answer; give the range a real answer can take", at: q.location)
            }
            if q.kind == .level, let scene = q.scene, catalog.maturity.scene(scene) == nil {
                bag.error("question `\(q.id)` asks the level of unknown scene `\(scene)`", at: q.location)
            }
            guard let when = q.when, let position = questionnaire.position(of: q.id) else { continue }
            CatalogChecks.checkCondition(when, questions: { questionnaire[$0] }, reject: { id in
                guard let other = questionnaire.position(of: id) else { return nil }
                if id == q.id { return "the `when` of `\(q.id)` refers to itself" }
                return other > position ? "`\(id)` is asked after `\(q.id)`: a `when` may only read earlier questions" : nil
            }, context: "`when` of question `\(q.id)`", &bag)
        }
    }
}
