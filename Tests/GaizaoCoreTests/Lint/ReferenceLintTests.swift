import Testing
@testable import GaizaoCore

/// Ids that clash and references to things that do not exist.
@Suite struct ReferenceLintTests {
    typealias F = CatalogFixture
    let minimal = CatalogFixture.minimal

    // MARK: duplicate ids

    @Test func duplicateQuestionAcrossFilesNamesTheFirstFile() {
        let fixture = minimal.replacing(F.questionsYAML, "      - id: oem_customers", with: "      - id: employees")
        #expect(fixture.lint() == [
            "industries/widgets/questions.yaml:6:9: error: duplicate question id `employees` (first at questionnaire.yaml:6:9)",
            // The questionnaire keeps the first `employees`; the rule still reads the question that is gone.
            "industries/widgets/rules.yaml:8:11: error: `when` of rule `w-r-edi`: unknown question `oem_customers`",
        ])
    }

    @Test func duplicateModule() {
        let fixture = minimal.replacing(F.modulesYAML, "  - id: w-p-vision", with: "  - id: w-p-edi")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:30:16: error: module `w-p-edi` refers to unknown module `w-p-vision`",
            "industries/widgets/modules.yaml:39:5: error: duplicate module id `w-p-edi` (first at 23:5)",
            "industries/widgets/rules.yaml:14:16: error: rule `w-r-vision` names unknown module `w-p-vision`",
        ])
    }

    @Test func duplicateRule() {
        let fixture = minimal.replacing(F.rulesYAML, "  - id: w-r-vision", with: "  - id: w-r-edi")
        #expect(fixture.lint() == ["industries/widgets/rules.yaml:12:5: error: duplicate rule id `w-r-edi` (first at 7:5)"])
    }

    @Test func duplicateOption() {
        let fixture = minimal.replacing(F.questionnaireYAML, "          - {id: office,", with: "          - {id: none,")
        #expect(fixture.lint() == ["questionnaire.yaml:27:13: error: duplicate option id `none` in question `network` (first at 26:13)"])
    }

    @Test func duplicatePolicy() {
        let fixture = minimal.replacing(F.policiesYAML, "  - id: new-it", with: "  - id: retrofit")
        #expect(fixture.lint() == ["policies.yaml:16:5: error: duplicate policy id `retrofit` (first at 5:5)"])
    }

    @Test func duplicateScene() {
        let fixture = minimal.replacing(F.maturityYAML, "  - id: quality", with: "  - id: production_control")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:28:9: error: module `w-p-edi` raises unknown scene `quality`",
            "industries/widgets/modules.yaml:44:9: error: module `w-p-vision` raises unknown scene `quality`",
            "maturity-model.yaml:36:5: error: duplicate scene id `production_control` (first at 26:5)",
            "maturity-model.yaml:36:5: error: scene `production_control` must be asked by a `level` question with `scene: production_control`; `scene_quality` is not",
            "questionnaire.yaml:44:9: error: question `scene_quality` asks the level of unknown scene `quality`",
        ])
    }

    @Test func duplicateIndicator() {
        let fixture = minimal.replacing(F.maturityYAML, "      - id: equipment_rate", with: "      - id: network")
        #expect(fixture.lint() == ["maturity-model.yaml:14:9: error: duplicate indicator id `network` (first at 10:9)"])
    }

    @Test func duplicateIndustryInManifest() {
        let fixture = minimal.replacing(F.catalogYAML, "industries: [widgets]", with: "industries: [widgets, widgets]")
        #expect(fixture.lint() == ["catalog.yaml:7:23: error: duplicate industry id `widgets` (first at 7:14)"])
    }

    // MARK: unknown references

    @Test func unknownModuleInRequires() {
        let fixture = minimal.replacing(F.modulesYAML, "    requires: [w-s-mes]", with: "    requires: [w-s-mse]")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:29:16: error: module `w-p-edi` refers to unknown module `w-s-mse` (did you mean `w-s-mes`?)",
        ])
    }

    @Test func unknownModuleInExcludes() {
        let fixture = minimal.replacing(F.modulesYAML, "    excludes: [w-p-vision]", with: "    excludes: [w-p-visoin]")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:30:16: error: module `w-p-edi` refers to unknown module `w-p-visoin` (did you mean `w-p-vision`?)",
        ])
    }

    @Test func unknownModuleAsRuleTarget() {
        let fixture = minimal.replacing(F.rulesYAML, "    recommend: w-p-edi", with: "    recommend: w-p-ed")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:23:5: warning: personalized module `w-p-edi` is recommended by no rule: it can never be chosen",
            "industries/widgets/rules.yaml:9:16: error: rule `w-r-edi` names unknown module `w-p-ed` (did you mean `w-p-edi`?)",
        ])
    }

    @Test func unknownModuleInOverlay() {
        let fixture = minimal.replacing(F.overlayYAML, "  w-s-mes:", with: "  w-s-mes2:")
        #expect(fixture.lint() == ["overlays/example.yaml:7:3: error: overlay `example` overrides unknown module `w-s-mes2` (did you mean `w-s-mes`?)"])
    }

    @Test func unknownIndustryInOverlay() {
        let fixture = minimal.replacing(F.overlayYAML, "industry: widgets", with: "industry: widget")
        #expect(fixture.lint() == ["overlays/example.yaml:3:11: error: overlay `example` names unknown industry `widget` (did you mean `widgets`?)"])
    }

    @Test func unknownSizeBandInOverlay() {
        let fixture = minimal.replacing(F.overlayYAML, "medium: [18, 35]", with: "large: [18, 35]")
        #expect(fixture.lint() == ["overlays/example.yaml:7:3: error: unknown size band `large` in overlay cost (bands: micro, medium)"])
    }

    @Test func unknownQuestionOfIndicator() {
        let fixture = minimal.replacing(F.maturityYAML, "        question: equipment_rate", with: "        question: equipment_rat")
        #expect(fixture.lint() == [
            "maturity-model.yaml:17:19: error: indicator `equipment_rate` is scored by unknown question `equipment_rat` (it must be a common question)",
        ])
    }

    @Test func unknownQuestionOfScene() {
        let fixture = minimal.replacing(F.maturityYAML, "    question: scene_quality", with: "    question: scene_qualiti")
        #expect(fixture.lint() == ["maturity-model.yaml:36:5: error: scene `quality` is asked by unknown question `scene_qualiti`"])
    }

    @Test func unknownSceneGroup() {
        let fixture = minimal.replacing(F.maturityYAML, "    group: operations\n    name: {zh: 质量管理", with: "    group: operation\n    name: {zh: 质量管理")
        #expect(fixture.lint() == ["maturity-model.yaml:36:5: error: scene `quality` names unknown scene group `operation`"])
    }

    @Test func unknownSceneInRaises() {
        let fixture = minimal.replacing(F.modulesYAML, "      - {scene: quality, to: 3}", with: "      - {scene: qualty, to: 3}")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:44:9: error: module `w-p-vision` raises unknown scene `qualty` (did you mean `quality`?)"])
    }

    @Test func unknownSceneOfLevelQuestion() {
        let fixture = minimal.replacing(F.questionnaireYAML, "        scene: quality", with: "        scene: qualty")
        #expect(fixture.lint() == [
            "maturity-model.yaml:36:5: error: scene `quality` must be asked by a `level` question with `scene: quality`; `scene_quality` is not",
            "questionnaire.yaml:44:9: error: question `scene_quality` asks the level of unknown scene `qualty`",
        ])
    }

    @Test func unknownKPIMetric() {
        let fixture = minimal.replacing(F.modulesYAML, "{metric: pass_rate,", with: "{metric: pass_rat,")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:19:9: error: module `w-s-mes` names unknown KPI metric `pass_rat`"])
    }

    @Test func unknownAndMissingSizeBandInCost() {
        let fixture = minimal.replacing(F.modulesYAML, "      micro: [2, 4]", with: "      small: [2, 4]")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:23:5: error: module `w-p-edi` has no cost for size band `micro`",
            "industries/widgets/modules.yaml:23:5: error: module `w-p-edi` prices unknown size band `small` (bands: micro, medium)",
        ])
    }

    @Test func subsidyTagUsedByNoPolicy() {
        let fixture = minimal.replacing(F.modulesYAML, "    subsidy_tags: [new_gen_it]", with: "    subsidy_tags: [new_gen_it, smart_factory]")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:3:5: warning: subsidy tag `smart_factory` of module `w-s-mes` is used by no policy"])
    }

    @Test func policyTagCarriedByNoModule() {
        let fixture = minimal.replacing(F.policiesYAML, "    base: new_gen_it", with: "    base: new_gen_ti")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:3:5: warning: subsidy tag `new_gen_it` of module `w-s-mes` is used by no policy",
            "policies.yaml:16:5: warning: policy `new-it` applies to modules tagged `new_gen_ti`, but no module carries that tag",
        ])
    }

    @Test func industryListedWithoutItsFolder() {
        let fixture = minimal.replacing(F.catalogYAML, "industries: [widgets]", with: "industries: [widgets, gadgets]")
        #expect(fixture.lint() == ["catalog.yaml:7:23: error: industry `gadgets` has no file industries/gadgets/industry.yaml"])
    }

    @Test func industryFolderNotListedIsIgnoredWithAWarning() {
        let fixture = minimal.replacing(F.catalogYAML, "industries: [widgets]", with: "industries: []")
        #expect(fixture.lint() == [
            "industries/widgets/industry.yaml:1:1: warning: file is not part of the catalog layout and is ignored",
            "industries/widgets/modules.yaml:1:1: warning: file is not part of the catalog layout and is ignored",
            "industries/widgets/questions.yaml:1:1: warning: file is not part of the catalog layout and is ignored",
            "industries/widgets/rules.yaml:1:1: warning: file is not part of the catalog layout and is ignored",
            "overlays/example.yaml:3:11: error: overlay `example` names unknown industry `widgets`",
            "policies.yaml:16:5: warning: policy `new-it` applies to modules tagged `new_gen_it`, but no module carries that tag",
        ])
    }

    @Test func industryFileInTheWrongFolder() {
        let fixture = minimal.replacing(F.industryYAML, "id: widgets", with: "id: gadgets")
        #expect(fixture.lint().first == "industries/widgets/industry.yaml:2:1: error: industry file says id `gadgets` but sits in folder `widgets`")
    }
}
