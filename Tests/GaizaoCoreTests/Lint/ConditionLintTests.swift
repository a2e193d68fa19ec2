import Testing
@testable import GaizaoCore

/// Conditions in the catalog: syntax errors at the exact column inside the YAML scalar, unknown questions and
/// options, type errors, skip logic order, rules that cannot fire and modules no rule can choose.
@Suite struct ConditionLintTests {
    typealias F = CatalogFixture
    let minimal = CatalogFixture.minimal

    /// Replaces the condition of rule `w-r-edi` (line 8, a plain scalar starting at column 11).
    func ediRule(_ condition: String) -> [String] {
        minimal.replacing(F.rulesYAML, "    when: oem_customers and not has_erp", with: "    when: \(condition)").lint()
    }

    /// A rule dropped for a syntax error no longer recommends its module.
    let ediUnrecommended = "industries/widgets/modules.yaml:23:5: warning: personalized module `w-p-edi` is recommended by no rule: it can never be chosen"

    /// The only rule recommending `w-p-edi` cannot fire, so neither can the module be chosen.
    let ediCannotBeChosen = "industries/widgets/modules.yaml:23:5: warning: personalized module `w-p-edi` can never be chosen: no rule recommending it can fire"

    // MARK: syntax

    @Test func unclosedParenthesisIsReportedAtTheEnd() {
        #expect(ediRule("oem_customers and (not has_erp") == [
            ediUnrecommended,
            "industries/widgets/rules.yaml:8:41: error: condition does not parse: expected `)` to close `(`, found end of condition",
        ])
    }

    @Test func cStyleOperatorsAreExplained() {
        #expect(ediRule("oem_customers && not has_erp") == [
            ediUnrecommended,
            "industries/widgets/rules.yaml:8:25: error: condition does not parse: use `and` instead of `&&`",
        ])
        #expect(ediRule("oem_customers = true") == [
            ediUnrecommended,
            "industries/widgets/rules.yaml:8:25: error: condition does not parse: use `==` to compare",
        ])
    }

    @Test func columnInsideAQuotedScalar() {
        // Line 13 is single-quoted: the condition starts at column 12, one past the quote.
        let fixture = minimal.replacing(F.rulesYAML, "count(processes) >= 1", with: "count(processes) => 1")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:39:5: warning: personalized module `w-p-vision` is recommended by no rule: it can never be chosen",
            "industries/widgets/rules.yaml:13:63: error: condition does not parse: use `>=` to compare",
        ])
    }

    @Test func columnAfterChineseTextCountsCharacters() {
        // Columns count characters, as libyaml does, not bytes: `车间网` is 3 columns.
        #expect(ediRule("network == \"车间网\" or =") == [
            ediUnrecommended,
            "industries/widgets/rules.yaml:8:31: error: condition does not parse: use `==` to compare",
        ])
    }

    @Test func syntaxErrorInAQuestionWhen() {
        let fixture = minimal.replacing(F.questionsYAML, "        when: has_erp or employees >= 10", with: "        when: has_erp or employees >=")
        #expect(fixture.lint() == [
            "industries/widgets/questions.yaml:17:38: error: condition does not parse: expected a value, found end of condition",
        ])
    }

    @Test func syntaxErrorInASizeBand() {
        let fixture = minimal.replacing(F.catalogYAML, "    when: employees < 20", with: "    when: employees < 20 20")
        #expect(fixture.lint() == ["catalog.yaml:11:26: error: condition does not parse: unexpected number `20` after the end of the condition"])
    }

    @Test func syntaxErrorInEligibility() {
        let fixture = minimal.replacing(F.policiesYAML, "    eligible_when: employees >= 5", with: "    eligible_when: employees >= 5 and")
        #expect(fixture.lint() == ["policies.yaml:11:38: error: condition does not parse: expected a value, found end of condition"])
    }

    // MARK: unknown names

    @Test func unknownQuestion() {
        #expect(ediRule("oem_customers and not has_crm") == [
            "industries/widgets/rules.yaml:8:33: error: `when` of rule `w-r-edi`: unknown question `has_crm`",
        ])
    }

    @Test func unknownOptionOfSingleChoiceIsAtTheString() {
        #expect(ediRule("oem_customers and network == \"workshp\"") == [
            "industries/widgets/rules.yaml:8:40: error: `when` of rule `w-r-edi`: question `network` has no option \"workshp\" (did you mean \"workshop\"?); options: none, office, workshop",
        ])
        #expect(ediRule("oem_customers and \"workshp\" != network") == [
            "industries/widgets/rules.yaml:8:29: error: `when` of rule `w-r-edi`: question `network` has no option \"workshp\" (did you mean \"workshop\"?); options: none, office, workshop",
        ])
    }

    @Test func unknownOptionInAList() {
        #expect(ediRule("network in [\"none\", \"factory\"]") == [
            "industries/widgets/rules.yaml:8:31: error: `when` of rule `w-r-edi`: question `network` has no option \"factory\"; options: none, office, workshop",
        ])
    }

    @Test func unknownOptionOfMultipleChoice() {
        let fixture = minimal.replacing(F.rulesYAML, "processes contains \"stamping\"", with: "processes contains \"stampin\"")
        #expect(fixture.lint() == [
            "industries/widgets/rules.yaml:13:31: error: `when` of rule `w-r-vision`: question `processes` has no option \"stampin\" (did you mean \"stamping\"?); options: machining, stamping",
        ])
    }

    @Test func sizeBandMayOnlyReadCommonQuestions() {
        let fixture = minimal.replacing(F.catalogYAML, "    when: employees < 20", with: "    when: employees < 20 or oem_customers")
        #expect(fixture.lint() == ["catalog.yaml:11:29: error: `when` of size band `micro`: unknown question `oem_customers`"])
    }

    // MARK: types

    @Test func comparingANumberWithAString() {
        #expect(ediRule("oem_customers and employees == \"many\"") == [
            "industries/widgets/rules.yaml:8:39: error: `when` of rule `w-r-edi`: cannot compare a number with the string \"many\"",
        ])
    }

    @Test func orderingASingleChoice() {
        #expect(ediRule("oem_customers and network > 2") == [
            "industries/widgets/rules.yaml:8:29: error: `when` of rule `w-r-edi`: `>` compares numbers, found single-choice `network`",
        ])
    }

    @Test func equalityOnAMultipleChoice() {
        #expect(ediRule("oem_customers and processes == \"stamping\"") == [
            "industries/widgets/rules.yaml:8:39: error: `when` of rule `w-r-edi`: cannot compare multiple-choice `processes` with the string \"stamping\"",
        ])
    }

    @Test func arithmeticOnYesNo() {
        #expect(ediRule("oem_customers + 1 > 1") == [
            "industries/widgets/rules.yaml:8:11: error: `when` of rule `w-r-edi`: `+` needs numbers, found yes/no",
        ])
    }

    @Test func conditionThatIsNotYesNo() {
        #expect(ediRule("employees + 1") == [
            "industries/widgets/rules.yaml:8:21: error: `when` of rule `w-r-edi`: a condition must be yes/no, but this is a number",
        ])
    }

    @Test func countOfASingleChoice() {
        #expect(ediRule("count(network) > 1") == [
            "industries/widgets/rules.yaml:8:17: error: `when` of rule `w-r-edi`: `count()` needs a multiple-choice question, `network` is single",
        ])
    }

    // MARK: skip logic order

    @Test func whenReadingALaterQuestion() {
        let fixture = minimal.replacing(F.questionnaireYAML, "        help: {zh: 是否在用ERP。, en: Whether an ERP is in use.}",
                                        with: "        help: {zh: 是否在用ERP。, en: Whether an ERP is in use.}\n        when: network == \"workshop\"")
        #expect(fixture.lint() == [
            "questionnaire.yaml:18:15: error: `when` of question `has_erp`: `network` is asked after `has_erp`: a `when` may only read earlier questions",
        ])
    }

    @Test func commonQuestionReadingAnIndustryQuestion() {
        // Industry questions are asked after the common ones.
        let fixture = minimal.replacing(F.questionnaireYAML, "        help: {zh: 是否在用ERP。, en: Whether an ERP is in use.}",
                                        with: "        help: {zh: 是否在用ERP。, en: Whether an ERP is in use.}\n        when: oem_customers")
        #expect(fixture.lint() == [
            "questionnaire.yaml:18:15: error: `when` of question `has_erp`: `oem_customers` is asked after `has_erp`: a `when` may only read earlier questions",
        ])
    }

    @Test func whenReadingItself() {
        let fixture = minimal.replacing(F.questionsYAML, "        when: has_erp or employees >= 10", with: "        when: count(processes) > 0")
        #expect(fixture.lint() == [
            "industries/widgets/questions.yaml:17:21: error: `when` of question `processes`: the `when` of `processes` refers to itself",
        ])
    }

    // MARK: rules that cannot fire, modules that cannot be chosen

    @Test func ruleThatCanNeverFire() {
        #expect(ediRule("employees > 10 and employees < 5") == [
            ediCannotBeChosen,
            "industries/widgets/rules.yaml:8:11: warning: rule `w-r-edi` can never fire: no answers make `employees > 10 and employees < 5` true",
        ])
    }

    @Test func ruleOutsideTheQuestionRange() {
        // `employees` has `min: 1`.
        #expect(ediRule("employees < 1") == [
            ediCannotBeChosen,
            "industries/widgets/rules.yaml:8:11: warning: rule `w-r-edi` can never fire: no answers make `employees < 1` true",
        ])
    }

    @Test func ruleNeedingAnAnswerAndItsAbsence() {
        #expect(ediRule("oem_customers and not answered(oem_customers)") == [
            ediCannotBeChosen,
            "industries/widgets/rules.yaml:8:11: warning: rule `w-r-edi` can never fire: no answers make `oem_customers and not answered(oem_customers)` true",
        ])
    }

    @Test func personalizedModuleNoRuleRecommends() {
        let fixture = minimal.replacing(F.rulesYAML, "    recommend: w-p-edi", with: "    exclude: w-p-edi")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:23:5: warning: personalized module `w-p-edi` is recommended by no rule: it can never be chosen",
            "industries/widgets/rules.yaml:10:5: warning: `weight` only counts for `recommend` rules",
        ])
    }

    @Test func rulesThatCannotFireDoNotCountTowardsTheThreshold() {
        let fixture = minimal
            .replacing(F.rulesYAML, "    when: oem_customers and not has_erp", with: "    when: has_erp and not has_erp")
            .inserting("""
                  - id: w-r-edi-small
                    when: employees < 50
                    recommend: w-p-edi
                    weight: 1
                    reason: {zh: 小企业。, en: A small firm.}
                """, in: F.rulesYAML, afterLine: 16)
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:23:5: warning: personalized module `w-p-edi` can never be chosen: its rules weigh 1 together, below the threshold 2",
            "industries/widgets/rules.yaml:8:11: warning: rule `w-r-edi` can never fire: no answers make `has_erp and not has_erp` true",
        ])
    }

    @Test func personalizedModuleWhoseRulesWeighTooLittle() {
        let fixture = minimal.replacing(F.rulesYAML, "    recommend: w-p-edi\n    weight: 2", with: "    recommend: w-p-edi\n    weight: 1.5")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:23:5: warning: personalized module `w-p-edi` can never be chosen: its rules weigh 1.5 together, below the threshold 2",
        ])
    }
}
