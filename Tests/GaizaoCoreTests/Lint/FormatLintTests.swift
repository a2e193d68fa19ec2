import Testing
@testable import GaizaoCore

/// Problems inside one entry: unknown keys, missing fields, wrong types, bad ids, missing translations.
@Suite struct FormatLintTests {
    typealias F = CatalogFixture
    let minimal = CatalogFixture.minimal

    // MARK: unknown keys

    @Test func misspeltKeyIsAWarningWithASuggestion() {
        let fixture = minimal.replacing(F.modulesYAML, "    requires: [w-s-mes]", with: "    requries: [w-s-mes]")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:29:5: warning: unknown key `requries` in module (did you mean `requires`?)",
        ])
    }

    @Test func unknownKeyWithoutACloseNameHasNoSuggestion() {
        let fixture = minimal.replacing(F.questionnaireYAML, "    title: {zh: 场景, en: Scenes}",
                                        with: "    title: {zh: 场景, en: Scenes}\n    colour: blue")
        #expect(fixture.lint() == ["questionnaire.yaml:38:5: warning: unknown key `colour` in section"])
    }

    @Test func unknownKeyInsideBilingualTextIsLocatedAfterChineseText() {
        let fixture = minimal.replacing(F.rulesYAML, "    reason: {zh: 主机厂要求EDI。, en: Carmakers demand EDI.}",
                                        with: "    reason: {zh: 主机厂要求EDI。, en: Carmakers demand EDI., jp: x}")
        #expect(fixture.lint() == [
            "industries/widgets/rules.yaml:11:56: warning: unknown key `jp` in `reason` of rule `w-r-edi` (did you mean `zh`?)",
        ])
    }

    // MARK: missing required fields

    @Test func missingRequiredKey() {
        let fixture = minimal.replacing(F.modulesYAML, "    cost_source: estimate\n    duration_weeks: 6", with: "    duration_weeks: 6")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:39:5: error: missing required key `cost_source` in module `w-p-vision`"])
    }

    @Test func missingRuleCondition() {
        let fixture = minimal.replacing(F.rulesYAML, "    when: scene_production_control >= 3\n", with: "")
        #expect(fixture.lint() == ["industries/widgets/rules.yaml:3:5: error: missing required key `when` in rule `w-r-mes-satisfied`"])
    }

    @Test func ruleWithoutEffect() {
        let fixture = minimal.replacing(F.rulesYAML, "    satisfied: w-s-mes\n", with: "")
        #expect(fixture.lint() == [
            "industries/widgets/rules.yaml:3:5: error: rule `w-r-mes-satisfied` has no effect: give one of `recommend`, `exclude`, `upgrade`, `satisfied`, `risk`",
        ])
    }

    @Test func ruleWithTwoEffects() {
        let fixture = minimal.replacing(F.rulesYAML, "    satisfied: w-s-mes\n", with: "    satisfied: w-s-mes\n    upgrade: w-s-mes\n")
        #expect(fixture.lint() == [
            "industries/widgets/rules.yaml:3:5: error: rule `w-r-mes-satisfied` has 2 effects (upgrade, satisfied): give exactly one",
        ])
    }

    // MARK: wrong types

    @Test func numberExpected() {
        let fixture = minimal.replacing(F.modulesYAML, "duration_weeks: 8", with: "duration_weeks: eight")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:15:21: error: `duration_weeks` must be a number, found `eight`"])
    }

    @Test func quotedNumberIsNotANumber() {
        let fixture = minimal.replacing(F.industryYAML, "threshold: 2", with: "threshold: \"2\"")
        #expect(fixture.lint() == ["industries/widgets/industry.yaml:5:12: error: `threshold` must be a number, found `2`"])
    }

    @Test func listExpected() {
        let fixture = minimal.replacing(F.modulesYAML, "    requires: [w-s-mes]", with: "    requires: w-s-mes")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:29:15: error: `requires` must be a list, found a scalar"])
    }

    @Test func boolExpected() {
        let fixture = minimal.replacing(F.catalogYAML, "reference: true", with: "reference: yes")
        #expect(fixture.lint() == ["catalog.yaml:6:12: error: `reference` must be true or false, found `yes`"])
    }

    @Test func mappingExpected() {
        let fixture = minimal.replacing(F.industryYAML, "shape: {standard: 1, personalized: 2}", with: "shape: 1+2")
        #expect(fixture.lint() == ["industries/widgets/industry.yaml:4:8: error: `shape` must be a mapping, found a scalar"])
    }

    @Test func textExpected() {
        let fixture = minimal.replacing(F.modulesYAML, "    cost_source: estimate\n    duration_weeks: 6", with: "    cost_source: [estimate]\n    duration_weeks: 6")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:48:18: error: `cost_source` must be a text, found a list"])
    }

    @Test func costMustBeAPair() {
        let fixture = minimal.replacing(F.modulesYAML, "      micro: [10, 20]", with: "      micro: 10")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:46:14: error: cost of size band `micro` must be a list [low, high] in 万元",
        ])
    }

    @Test func moneyWithTooManyDecimals() {
        let fixture = minimal.replacing(F.policiesYAML, "    cap: 50", with: "    cap: 50.12345")
        #expect(fixture.lint() == [
            "policies.yaml:9:10: error: `cap` must be a non-negative number of 万元 with at most 4 decimals, found `50.12345`",
        ])
    }

    @Test func unknownModuleKind() {
        // The module is dropped, so its references dangle: each is a true consequence, reported where it is.
        #expect(minimal.replacing(F.modulesYAML, "    kind: standard", with: "    kind: basic").lint() == [
            "industries/widgets/industry.yaml:4:8: error: industry `widgets` declares shape 1+2 but has 0+2 modules (standard+personalized)",
            "industries/widgets/modules.yaml:4:11: error: `kind` must be `standard` or `personalized`, found `basic`",
            "industries/widgets/modules.yaml:29:16: error: module `w-p-edi` refers to unknown module `w-s-mes`",
            "industries/widgets/rules.yaml:5:16: error: rule `w-r-mes-satisfied` names unknown module `w-s-mes`",
            "overlays/example.yaml:7:3: error: overlay `example` overrides unknown module `w-s-mes`",
            "policies.yaml:16:5: warning: policy `new-it` applies to modules tagged `new_gen_it`, but no module carries that tag",
        ])
    }

    @Test func unknownQuestionType() {
        #expect(minimal.replacing(F.questionsYAML, "        type: yesno", with: "        type: yes-no").lint() == [
            "industries/widgets/questions.yaml:7:15: error: unknown question type `yes-no` (did you mean `yesno`?); types: text, single, multi, number, yesno, level",
        ] + minimalCascadeOfDroppedOEMQuestion)
    }

    /// The rule reading a dropped question cannot be checked against it.
    let minimalCascadeOfDroppedOEMQuestion = [
        "industries/widgets/rules.yaml:8:11: error: `when` of rule `w-r-edi`: unknown question `oem_customers`",
    ]

    @Test func wholeNumberExpectedInsteadOfTrapping() {
        #expect(minimal.replacing(F.industryYAML, "shape: {standard: 1, personalized: 2}", with: "shape: {standard: 1e300, personalized: 2.5}").lint() == [
            "industries/widgets/industry.yaml:4:19: error: `standard` must be a whole number from 0 to 1000, found `1e300`",
            "industries/widgets/industry.yaml:4:40: error: `personalized` must be a whole number from 0 to 1000, found `2.5`",
        ])
        #expect(minimal.replacing(F.maturityYAML, "level: 2, min_score: 50", with: "level: 2e40, min_score: 50").lint() == [
            "maturity-model.yaml:48:13: error: `level` must be a whole number from 1 to 4, found `2e40`",
        ])
        #expect(minimal.replacing(F.questionnaireYAML, "        integer: true", with: "        integer: true\n        max_length: 1e99").lint() == [
            "questionnaire.yaml:13:21: error: `max_length` must be a whole number from 1 to 100000, found `1e99`",
        ])
    }

    @Test func durationOutOfRange() {
        let fixture = minimal.replacing(F.modulesYAML, "duration_weeks: 8", with: "duration_weeks: 0.5")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:15:21: error: `duration_weeks` must be a whole number of weeks from 1 to 260"])
    }

    // MARK: ids

    @Test func invalidID() {
        let fixture = minimal.replacing(F.policiesYAML, "  - id: new-it", with: "  - id: New IT")
        #expect(fixture.lint() == [
            "policies.yaml:16:9: error: `New IT` is not a valid id: use lowercase ASCII letters, digits, `-` and `_`, starting with a letter",
        ])
    }

    @Test func questionIDWithDash() {
        let fixture = minimal.replacing(F.questionsYAML, "      - id: oem_customers", with: "      - id: oem-customers")
        #expect(fixture.lint() == [
            "industries/widgets/questions.yaml:6:13: error: question id `oem-customers` must use `_`, not `-` (it is used in conditions)",
        ] + minimalCascadeOfDroppedOEMQuestion)
    }

    @Test func questionIDThatIsAKeyword() {
        let fixture = minimal.replacing(F.questionsYAML, "      - id: oem_customers", with: "      - id: contains")
        #expect(fixture.lint() == [
            "industries/widgets/questions.yaml:6:13: error: question id `contains` is a word of the condition language",
        ] + minimalCascadeOfDroppedOEMQuestion)
    }

    // MARK: bilingual text

    @Test func missingEnglishNameIsAnError() {
        let fixture = minimal.replacing(F.modulesYAML, "    name: {zh: 视觉检测, en: Vision inspection}", with: "    name: {zh: 视觉检测}")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:41:11: error: missing English (`en`) text in `name` of module `w-p-vision`"])
    }

    @Test func missingChineseLabelIsAnError() {
        let fixture = minimal.replacing(F.questionsYAML, "        label: {zh: 工艺, en: Processes}", with: "        label: {en: Processes}")
        #expect(fixture.lint() == ["industries/widgets/questions.yaml:12:16: error: missing Chinese (`zh`) text in `label` of question `processes`"])
    }

    @Test func missingEnglishHelpIsAWarning() {
        let fixture = minimal.replacing(F.questionnaireYAML, "        help: {zh: 百分比。, en: A percentage.}", with: "        help: {zh: 百分比。}")
        #expect(fixture.lint() == ["questionnaire.yaml:32:15: warning: missing English (`en`) text in `help` of question `equipment_rate`"])
    }

    @Test func emptyEnglishSummaryIsAWarningLikeAMissingOne() {
        let fixture = minimal.replacing(F.modulesYAML, "en: Cameras inspect the surface.}", with: "en: }")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:42:32: warning: missing English (`en`) text in `summary` of module `w-p-vision`"])
    }

    @Test func emptyChineseNameIsAnError() {
        let fixture = minimal.replacing(F.modulesYAML, "    name: {zh: 视觉检测, en: Vision inspection}", with: "    name: {zh: ~, en: Vision inspection}")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:41:16: error: missing Chinese (`zh`) text in `name` of module `w-p-vision`"])
    }

    @Test func questionWithoutHelpIsAWarning() {
        let fixture = minimal.replacing(F.questionnaireYAML, "        help: {zh: 百分比。, en: A percentage.}\n", with: "")
        #expect(fixture.lint() == ["questionnaire.yaml:29:9: warning: question `equipment_rate` has no `help`: explain it in plain language"])
    }
}
