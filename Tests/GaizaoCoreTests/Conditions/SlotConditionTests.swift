import Testing
@testable import GaizaoCore

/// The engine evaluates conditions compiled to answer slots (`SlotCondition`); they must agree with
/// `ConditionEvaluator` on every condition and every answer, including answers of the wrong type.
@Suite struct SlotConditionTests {
    /// Every kind of node.
    static let texts = [
        "employees > 10 and not has_erp", "employees + rate * 2 >= 30 or rate / 0 > 1", "-employees < -5",
        "employees - 1 != rate", "name == \"x\"", "name != \"x\" or name == name",
        "network in [\"office\", \"workshop\"]", "employees in [1, 2.5, 3]",
        "processes contains \"stamping\"", "processes contains network", "count(processes) >= 2",
        "answered(name) and not answered(oem)", "has_erp == oem",
        "(has_erp or oem) and (scene_quality >= 2 or size == \"large\")", "not (network == \"none\")",
        "scene_quality in [0, 1] or has_erp != true",
    ]

    /// Values of every kind, for every question: whatever its type, so that wrong types are covered too.
    static let values: [AnswerValue?] = [
        nil, .number(0), .number(3), .number(12.5), .number(-4), .number(.nan), .text("x"), .text("office"),
        .option("office"), .option("none"), .option("large"), .options([]), .options(["stamping"]),
        .options(["machining", "moulding", "stamping"]), .bool(true), .bool(false),
    ]

    @Test func compiledConditionsAgreeWithTheEvaluator() throws {
        let ids = TestQuestions.all.map(\.id)
        var builder = AnswerSlots.Builder(TestQuestions.questionnaire)
        var rng = SeededRandom(seed: 7)
        // The parser takes only literals in lists and question ids in calls; the evaluator takes any expression.
        func q(_ id: String) -> Expr { Expr(.question(id), at: 0) }
        let anyList = Expr(.isIn(q("network"), Expr(.list([q("backup_network"), Expr(.string("none"), at: 0)]), at: 0)), at: 0)
        let conditions = try Self.texts.map { try TestQuestions.condition($0) }
            + [Condition(source: LocatedText("network in [backup_network, \"none\"]", at: nil), expr: anyList),
               Condition(source: LocatedText("count(3) == 1", at: nil),
                         expr: Expr(.compare(.eq, Expr(.call(.count, Expr(.number(3), at: 0)), at: 0), Expr(.number(1), at: 0)), at: 0))]
        for condition in conditions {
            let text = condition.source.text
            let compiled = SlotCondition(condition, slot: { builder.slot($0) })
            for _ in 0..<400 {
                var answers: [String: AnswerValue] = [:]
                for id in ids { answers[id] = Self.values.randomElement(using: &rng)! }
                let slots = AnswerSlots(builder)
                let expected = ConditionEvaluator.evaluate(condition, in: answers)
                #expect(compiled.evaluate(SlotAnswers(slots: slots, answers).values) == expected, "\(text) with \(answers)")
            }
        }
    }

    /// The shipped catalog's conditions (question skip logic, rules, size bands, policies) on seeded sheets,
    /// some answers dropped or replaced by a value of another type.
    @Test func shippedConditionsAgreeWithTheEvaluator() throws {
        let catalog = Shipped.catalog
        var rng = SeededRandom(seed: 11)
        for industry in catalog.industries {
            let prepared = PreparedIndustry(catalog: catalog, industry: industry)
            var conditions: [(Condition, SlotCondition)] = []
            for (k, q) in prepared.questionnaire.ordered.enumerated() {
                if let when = q.when, let compiled = prepared.questionWhens[k] { conditions.append((when, compiled)) }
            }
            for (r, rule) in industry.rules.enumerated() { conditions.append((rule.when, prepared.plan.ruleConditions[r])) }
            for (b, band) in catalog.manifest.sizeBands.enumerated() {
                if let when = band.when, let compiled = prepared.diagnosis.sizeBands[b].when { conditions.append((when, compiled)) }
            }
            for (p, policy) in catalog.policies.policies.enumerated() {
                if let when = policy.eligibleWhen, let compiled = prepared.plan.policies[p].eligibleWhen { conditions.append((when, compiled)) }
            }
            #expect(conditions.count > industry.rules.count)
            for seed in UInt64(1)...40 {
                var answers = SyntheticAnswers.sheet(for: industry, catalog: catalog, seed: seed).answers
                for key in answers.keys.sorted() where Int.random(in: 0..<8, using: &rng) == 0 {
                    answers[key] = Self.values.randomElement(using: &rng)!
                }
                let values = SlotAnswers(slots: prepared.slots, answers).values
                for (condition, compiled) in conditions {
                    #expect(compiled.evaluate(values) == ConditionEvaluator.evaluate(condition, in: answers), "\(condition)")
                }
            }
        }
    }
}
