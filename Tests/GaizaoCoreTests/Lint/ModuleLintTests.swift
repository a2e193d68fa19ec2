import Testing
@testable import GaizaoCore

/// Modules and rules as a whole: requirement graphs, the declared shape, costs, `brings`, rule effects.
@Suite struct ModuleLintTests {
    typealias F = CatalogFixture
    let minimal = CatalogFixture.minimal

    @Test func requiresCycle() {
        let fixture = minimal.replacing(F.modulesYAML, "    requires: []\n    excludes: []", with: "    requires: [w-p-edi]\n    excludes: []")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:9:16: error: requires cycle: w-s-mes → w-p-edi → w-s-mes"])
    }

    @Test func moduleRequiringItself() {
        let fixture = minimal.replacing(F.modulesYAML, "    requires: [w-s-mes]", with: "    requires: [w-s-mes, w-p-edi]")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:29:25: error: module `w-p-edi` refers to itself",
            "industries/widgets/modules.yaml:29:25: error: requires cycle: w-p-edi → w-p-edi",
        ])
    }

    @Test func requiredModuleExcludesItsDependant() {
        // A requires B, B excludes A.
        let fixture = minimal.replacing(F.modulesYAML, "    requires: []\n    excludes: []", with: "    requires: []\n    excludes: [w-p-edi]")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:29:16: error: contradiction: `w-p-edi` requires `w-s-mes`, which excludes `w-p-edi`"])
    }

    @Test func moduleRequiresAndExcludesTheSameModule() {
        let fixture = minimal.replacing(F.modulesYAML, "    excludes: [w-p-vision]", with: "    excludes: [w-s-mes]")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:29:16: error: module `w-p-edi` both requires and excludes `w-s-mes`"])
    }

    @Test func moduleExcludesWhatItNeedsIndirectly() {
        // w-p-edi needs w-p-vision through w-s-mes, and excludes it.
        let fixture = minimal.replacing(F.modulesYAML, "    requires: []\n    excludes: []", with: "    requires: [w-p-vision]\n    excludes: []")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:30:16: error: contradiction: `w-p-edi` needs `w-p-vision` through its requirements but excludes it",
        ])
    }

    @Test func twoRequirementsExcludeEachOther() {
        // w-p-edi requires w-s-mes and w-p-vision, and w-s-mes excludes w-p-vision: w-p-edi can never be chosen.
        let fixture = minimal
            .replacing(F.modulesYAML, "    requires: [w-s-mes]\n    excludes: [w-p-vision]", with: "    requires: [w-s-mes, w-p-vision]\n    excludes: []")
            .replacing(F.modulesYAML, "    requires: []\n    excludes: []", with: "    requires: []\n    excludes: [w-p-vision]")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:29:16: error: contradiction: `w-p-edi` needs both `w-s-mes` and `w-p-vision`, but `w-s-mes` excludes `w-p-vision`",
        ])
    }

    @Test func declaredShapeDoesNotMatchTheModules() {
        let fixture = minimal.replacing(F.industryYAML, "shape: {standard: 1, personalized: 2}", with: "shape: {standard: 1, personalized: 3}")
        #expect(fixture.lint() == [
            "industries/widgets/industry.yaml:4:8: error: industry `widgets` declares shape 1+3 but has 1+2 modules (standard+personalized)",
        ])
    }

    @Test func shapeCountsKindsNotJustModules() {
        let fixture = minimal.replacing(F.modulesYAML, "    kind: personalized\n    name: {zh: 视觉检测", with: "    kind: standard\n    name: {zh: 视觉检测")
        #expect(fixture.lint() == [
            "industries/widgets/industry.yaml:4:8: error: industry `widgets` declares shape 1+2 but has 2+1 modules (standard+personalized)",
            "industries/widgets/rules.yaml:14:16: error: rule `w-r-vision` recommends standard module `w-p-vision`: standard modules are always in unless `satisfied` or `upgrade`",
        ])
    }

    @Test func reversedCostRange() {
        let fixture = minimal.replacing(F.modulesYAML, "      medium: [20, 30]", with: "      medium: [30, 20]")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:47:15: error: cost range of `medium` is reversed: low 30 > high 20 万元"])
    }

    @Test func reversedCostRangeInOverlay() {
        let fixture = minimal.replacing(F.overlayYAML, "micro: [4, 9]", with: "micro: [9.5, 4]")
        #expect(fixture.lint() == ["overlays/example.yaml:8:19: error: cost range of `micro` is reversed: low 9.5 > high 4 万元"])
    }

    @Test func recommendOnAStandardModule() {
        let fixture = minimal.replacing(F.rulesYAML, "    recommend: w-p-edi", with: "    recommend: w-s-mes")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:23:5: warning: personalized module `w-p-edi` is recommended by no rule: it can never be chosen",
            "industries/widgets/rules.yaml:9:16: error: rule `w-r-edi` recommends standard module `w-s-mes`: standard modules are always in unless `satisfied` or `upgrade`",
        ])
    }

    @Test func satisfiedOnAPersonalizedModule() {
        let fixture = minimal.replacing(F.rulesYAML, "    satisfied: w-s-mes", with: "    satisfied: w-p-edi")
        #expect(fixture.lint() == [
            "industries/widgets/rules.yaml:5:16: error: rule `w-r-mes-satisfied` uses `satisfied` on personalized module `w-p-edi`: that applies to standard modules",
        ])
    }

    @Test func weightOnANonRecommendRule() {
        let fixture = minimal.replacing(F.rulesYAML, "    satisfied: w-s-mes\n", with: "    satisfied: w-s-mes\n    weight: 3\n")
        #expect(fixture.lint() == ["industries/widgets/rules.yaml:6:5: warning: `weight` only counts for `recommend` rules"])
    }

    @Test func bringsUnknownQuestion() {
        let fixture = minimal.replacing(F.modulesYAML, "{question: processes, add: [stamping]}", with: "{question: process, add: [stamping]}")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:54:9: error: `brings` of module `w-p-vision` names unknown question `process`"])
    }

    @Test func bringsUnknownOptionOfAMultipleChoice() {
        let fixture = minimal.replacing(F.modulesYAML, "{question: processes, add: [stamping]}", with: "{question: processes, add: [stampin]}")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:54:9: error: `brings` of module `w-p-vision`: `processes` has no option `stampin`"])
    }

    @Test func bringsUnknownOptionOfASingleChoice() {
        let fixture = minimal.replacing(F.modulesYAML, "{question: network, at_least: workshop}", with: "{question: network, at_least: factory}")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:22:9: error: `brings` of module `w-s-mes`: `network` has no option `factory`"])
    }

    @Test func bringsNumberOutOfRange() {
        let fixture = minimal.replacing(F.modulesYAML, "{question: network, at_least: workshop}", with: "{question: equipment_rate, at_least: 140}")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:22:9: error: `brings` of module `w-s-mes`: 140 is above the maximum 100"])
    }

    @Test func bringsTheWrongKindOfChange() {
        let fixture = minimal.replacing(F.modulesYAML, "{question: network, at_least: workshop}", with: "{question: network, add: [workshop]}")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:22:9: error: `brings` of module `w-s-mes` cannot change single question `network` this way (use `add` for multiple choice, `at_least` for numbers and single choice)",
        ])
    }

    @Test func moduleWithoutProductsOrScenes() {
        let fixture = minimal
            .replacing(F.modulesYAML, "    products:\n      - {zh: EDI网关, en: EDI gateway}", with: "    products: []")
            .replacing(F.modulesYAML, "    raises:\n      - {scene: quality, to: 2}", with: "    raises: []")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:23:5: warning: module `w-p-edi` suggests no product",
            "industries/widgets/modules.yaml:23:5: warning: module `w-p-edi` raises no scene",
        ])
    }

    @Test func raisedLevelOutOfRange() {
        let fixture = minimal.replacing(F.modulesYAML, "{scene: quality, to: 2}", with: "{scene: quality, to: 5}")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:28:30: error: `to` must be a scene level from 1 to 4"])
    }
}
