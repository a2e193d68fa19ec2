import Testing
@testable import GaizaoCore

/// Values of the right type but outside what the field allows, and fields that are ignored where written.
@Suite struct ValueLintTests {
    typealias F = CatalogFixture
    let minimal = CatalogFixture.minimal

    @Test func emptyText() {
        let fixture = minimal.replacing(F.modulesYAML, "    cost_source: estimate\n    duration_weeks: 6", with: "    cost_source:\n    duration_weeks: 6")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:48:17: error: `cost_source` is empty"])
    }

    @Test func keyThatIsNotAName() {
        let fixture = minimal.replacing(F.industryYAML, "threshold: 2", with: "threshold: 2\n[a, b]: c")
        #expect(fixture.lint() == ["industries/widgets/industry.yaml:6:1: error: a key must be a plain name, found a list"])
    }

    @Test func choiceWithoutOptions() {
        let fixture = minimal.replacing(F.questionsYAML, """
                    options:
                      - {id: machining, label: {zh: 机加工, en: Machining}}
                      - {id: stamping, label: {zh: 冲压, en: Stamping}}
            """, with: "        options: []")
        #expect(fixture.lint() == [
            // `brings` of a module still names the option the question no longer offers.
            "industries/widgets/modules.yaml:54:9: error: `brings` of module `w-p-vision`: `processes` has no option `stamping`",
            "industries/widgets/questions.yaml:14:18: error: question `processes` offers no options",
            "industries/widgets/rules.yaml:13:31: error: `when` of rule `w-r-vision`: question `processes` has no option \"stamping\"; options: ",
        ])
    }

    @Test func choiceQuestionMissingItsOptions() {
        let fixture = minimal.replacing(F.questionsYAML, """
                    options:
                      - {id: machining, label: {zh: 机加工, en: Machining}}
                      - {id: stamping, label: {zh: 冲压, en: Stamping}}

            """, with: "")
        #expect(fixture.lint().contains("industries/widgets/questions.yaml:10:9: error: missing required key `options` in multi-choice question `processes`"))
    }

    @Test func optionsOnANumberQuestionAreIgnored() {
        let fixture = minimal.replacing(F.questionnaireYAML, "        min: 0\n", with: "        min: 0\n        options: [{id: a, label: {zh: 甲, en: A}}]\n")
        #expect(fixture.lint() == ["questionnaire.yaml:35:9: warning: `options` is ignored for number question `equipment_rate`"])
    }

    @Test func minAboveMax() {
        let fixture = minimal.replacing(F.questionnaireYAML, "        min: 0\n        max: 100", with: "        min: 100\n        max: 0")
        #expect(fixture.lint().first == "questionnaire.yaml:34:14: error: `min` 100 is greater than `max` 0")
    }

    @Test func invalidDefaultAnswer() {
        let fixture = minimal.replacing(F.questionnaireYAML, "        min: 0\n        max: 100", with: "        min: 0\n        max: 100\n        default: 120")
        #expect(fixture.lint() == ["questionnaire.yaml:36:18: error: default of question `equipment_rate`: answer to `equipment_rate`: 120 is above the maximum 100"])
    }

    @Test func bandsOnAChoiceIndicatorAreIgnored() {
        let fixture = minimal.replacing(F.maturityYAML, "        question: network\n", with: "        question: network\n        bands: [{points: 60}]\n")
        #expect(fixture.lint() == ["maturity-model.yaml:10:9: warning: `bands` of indicator `network` are ignored: `network` is a choice question"])
    }

    @Test func choiceIndicatorWithoutPoints() {
        let fixture = minimal
            .replacing(F.questionnaireYAML, "en: None}, points: 0}", with: "en: None}}")
            .replacing(F.questionnaireYAML, "en: Office network}, points: 30}", with: "en: Office network}}")
            .replacing(F.questionnaireYAML, "en: Workshop network}, points: 60}", with: "en: Workshop network}}")
        #expect(fixture.lint() == [
            "maturity-model.yaml:10:9: warning: indicator `network` can score at most 0 of its 60 points",
            "maturity-model.yaml:13:19: warning: indicator `network` reads `network`, whose options carry no `points`",
        ])
    }

    @Test func kpiChangeMustBeAPair() {
        let fixture = minimal.replacing(F.modulesYAML, "change: [1, 3]", with: "change: 2")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:19:37: error: `change` must be [low, high]"])
    }

    @Test func negativeCost() {
        let fixture = minimal.replacing(F.modulesYAML, "      micro: [5, 10]", with: "      micro: [-5, 10]")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:12:15: error: cost must be a non-negative number of 万元 with at most 4 decimals, found `-5`",
        ])
    }

    @Test func bringsWithoutAChange() {
        let fixture = minimal.replacing(F.modulesYAML, "{question: network, at_least: workshop}", with: "{question: network}")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:22:9: error: an item of `brings` needs `add: [options]` or `at_least: value`"])
    }

    @Test func unknownPolicyKind() {
        let fixture = minimal.replacing(F.policiesYAML, "    kind: fixed", with: "    kind: lump")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:3:5: warning: subsidy tag `new_gen_it` of module `w-s-mes` is used by no policy",
            "policies.yaml:18:11: error: `kind` must be `rate` or `fixed`, found `lump`",
        ])
    }

    @Test func rateOutOfRange() {
        let fixture = minimal.replacing(F.policiesYAML, "    rate: 50", with: "    rate: 150")
        #expect(fixture.lint() == ["policies.yaml:8:11: error: `rate` is a percentage between 0 and 100"])
    }

    @Test func rateOfZeroIsAWarning() {
        let fixture = minimal.replacing(F.policiesYAML, "    rate: 50", with: "    rate: 0")
        #expect(fixture.lint() == ["policies.yaml:5:5: warning: policy `retrofit` has a rate of 0%"])
    }

    @Test func fixedPolicyWithoutAmount() {
        let fixture = minimal.replacing(F.policiesYAML, "    amount: 10\n", with: "")
        #expect(fixture.lint() == ["policies.yaml:16:5: error: missing required key `amount` in policy `new-it`"])
    }

    @Test func missingStackingAssumption() {
        let fixture = minimal.replacing(F.policiesYAML, "  assumption: {zh: 同组取高，不同组相加。, en: The largest in a group; groups add up.}",
                                        with: "  assumption: {en: The largest in a group; groups add up.}")
        #expect(fixture.lint() == [
            "policies.yaml:3:15: error: missing Chinese (`zh`) text in `assumption` of stacking",
            "error: policies.yaml must state its stacking assumption (`stacking.assumption`)",
        ])
    }

    @Test func thresholdAndWeightMustBePositive() {
        #expect(minimal.replacing(F.industryYAML, "threshold: 2", with: "threshold: 0").lint().first
            == "industries/widgets/industry.yaml:5:12: error: `threshold` must be greater than 0")
        #expect(minimal.replacing(F.rulesYAML, "    weight: 2\n    reason: {zh: 主机厂", with: "    weight: -1\n    reason: {zh: 主机厂").lint() == [
            "industries/widgets/modules.yaml:23:5: warning: personalized module `w-p-edi` can never be chosen: its rules weigh -1 together, below the threshold 2",
            "industries/widgets/rules.yaml:10:13: error: `weight` must be greater than 0",
        ])
    }

    @Test func upgradeCostPercentOutOfRange() {
        let fixture = minimal.replacing(F.catalogYAML, "upgrade_cost_percent: 50", with: "upgrade_cost_percent: 120")
        #expect(fixture.lint() == ["catalog.yaml:14:23: error: `upgrade_cost_percent` must be a whole percentage from 0 to 100"])
    }

    @Test func sizeBandsNeedConditionsExceptTheLast() {
        let fixture = minimal.replacing(F.catalogYAML, "    when: employees < 20\n", with: "")
        #expect(fixture.lint() == ["catalog.yaml:9:5: error: size band `micro` needs a `when`: only the last band may omit it"])
    }

    @Test func noSizeBand() {
        let fixture = minimal.replacing(F.catalogYAML, """
            size_bands:
              - id: micro
                name: {zh: 微型, en: Micro}
                when: employees < 20
              - id: medium
                name: {zh: 中型, en: Medium}
            """, with: "size_bands: []")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:3:5: error: module `w-s-mes` prices unknown size band `medium` (bands: )",
            "industries/widgets/modules.yaml:3:5: error: module `w-s-mes` prices unknown size band `micro` (bands: )",
            "industries/widgets/modules.yaml:23:5: error: module `w-p-edi` prices unknown size band `medium` (bands: )",
            "industries/widgets/modules.yaml:23:5: error: module `w-p-edi` prices unknown size band `micro` (bands: )",
            "industries/widgets/modules.yaml:39:5: error: module `w-p-vision` prices unknown size band `medium` (bands: )",
            "industries/widgets/modules.yaml:39:5: error: module `w-p-vision` prices unknown size band `micro` (bands: )",
            "overlays/example.yaml:7:3: error: unknown size band `medium` in overlay cost (bands: )",
            "overlays/example.yaml:7:3: error: unknown size band `micro` in overlay cost (bands: )",
            "error: catalog.yaml declares no size band",
        ])
    }

    @Test func noLevelRule() {
        let fixture = minimal.replacing(F.maturityYAML, """
            levels:
              - {level: 1, min_score: 20, min_scenes: 1, min_mandatory: 1}
              - {level: 2, min_score: 50, min_scenes: 2, min_mandatory: 1}
            """, with: "levels: []")
        #expect(fixture.lint() == ["error: the level rule lists no level"])
    }
}

/// Issue 18: an option of a common question may name the industries it is offered to.
@Suite struct OptionIndustriesLintTests {
    let minimal = CatalogFixture.minimal

    @Test func knownIndustriesPassAndUnknownOnesAreErrors() throws {
        let ok = minimal.replacing(CatalogFixture.questionnaireYAML, "en: Workshop network}, points: 60}",
                                   with: "en: Workshop network}, points: 60, industries: [widgets]}")
        #expect(ok.lint() == [])
        let bad = minimal.replacing(CatalogFixture.questionnaireYAML, "en: Workshop network}, points: 60}",
                                    with: "en: Workshop network}, points: 60, industries: [gadgets]}")
        #expect(bad.lint().count == 1)
        #expect(bad.lint().first?.contains("error: option `workshop` of question `network` names unknown industry `gadgets`") == true)
    }

    @Test func theQuestionnaireOfferedToAnIndustryLeavesOthersOptionsOut() throws {
        let fixture = minimal.replacing(CatalogFixture.questionnaireYAML, "en: Workshop network}, points: 60}",
                                        with: "en: Workshop network}, points: 60, industries: [widgets]}")
        let catalog = try #require(CatalogLoader.load(fixture.files).catalog)
        let industry = try #require(catalog.industries.first)
        let full = catalog.questionnaire(for: industry)
        #expect(full["network"]?.option("workshop") != nil)
        #expect(full.offered(to: industry.id)["network"]?.option("workshop") != nil)
        #expect(full.offered(to: "gadgets")["network"]?.option("workshop") == nil)
    }
}

/// `exclusive: true` marks the one "none of these" option of a multiple-choice question; it scores nothing and
/// is never named by a condition or added by a module.
@Suite struct ExclusiveOptionLintTests {
    typealias F = CatalogFixture
    let minimal = CatalogFixture.minimal
    let stamping = "          - {id: stamping, label: {zh: 冲压, en: Stamping}}"

    func withNone(_ none: String) -> [String] {
        minimal.replacing(F.questionsYAML, stamping, with: stamping + "\n" + none).lint()
    }

    @Test func aNoneOptionIsAccepted() {
        #expect(withNone("          - {id: none, label: {zh: 无, en: None}, exclusive: true}").filter { $0.contains("error") }.isEmpty)
    }

    @Test func aNoneOptionScoresNothingAndStandsAlone() {
        #expect(withNone("          - {id: none, label: {zh: 无, en: None}, exclusive: true, points: 1}").contains {
            $0.hasSuffix("error: option `none` of question `processes`: the exclusive \"none\" option scores zero, remove `points`")
        })
        let two = withNone("          - {id: none, label: {zh: 无, en: None}, exclusive: true}\n          - {id: nil, label: {zh: 零, en: Nil}, exclusive: true}")
        #expect(two.contains { $0.hasSuffix("error: option `nil` of question `processes`: only one option may be `exclusive`") })
    }

    @Test func aConditionCannotAskForNone() {
        let text = minimal.replacing(F.questionsYAML, stamping, with: stamping + "\n          - {id: none, label: {zh: 无, en: None}, exclusive: true}")
            .replacing(F.rulesYAML, "    when: oem_customers and not has_erp", with: "    when: 'processes contains \"none\"'")
            .lint()
        #expect(text == ["industries/widgets/rules.yaml:8:31: error: `when` of rule `w-r-edi`: `none` of `processes` means none of the options and is never held in an answer; write `count(processes) == 0`"])
    }
}
