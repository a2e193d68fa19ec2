import Testing
@testable import GaizaoCore

/// A risk rule's `modules:` (the modules whose rollout the risk is about): read with located errors, linted against
/// the industry's modules.
@Suite struct RiskScopeLintTests {
    typealias F = CatalogFixture
    let minimal = CatalogFixture.minimal

    /// The minimal rules with one risk rule appended, its `modules:` line as given (line 19 of rules.yaml).
    func withRisk(_ modulesLine: String, effect: String = "    risk: {zh: 相机安装需要停线。, en: Installing cameras stops the line.}") -> CatalogFixture {
        minimal.replacing(F.rulesYAML, "    reason: {zh: 冲压件需要外观检测。, en: Stamped parts need surface inspection.}", with: """
                    reason: {zh: 冲压件需要外观检测。, en: Stamped parts need surface inspection.}
                  - id: w-r-risk-vision
                    when: count(processes) >= 1
                \(modulesLine)
                \(effect)
                    reason: {zh: 提前约好停线时间。, en: Agree a stop in advance.}
                """)
    }

    @Test func aScopedRiskRuleIsClean() throws {
        let fixture = withRisk("    modules: [w-p-vision, w-p-edi]")
        #expect(fixture.lint() == [])
        let rule = try #require(fixture.load().catalog?.industries.first?.rules.first { $0.id == "w-r-risk-vision" })
        #expect(rule.moduleScope == ["w-p-vision", "w-p-edi"])
        // Without `modules:` a risk rule is general.
        let general = try #require(withRisk("").load().catalog?.industries.first?.rules.first { $0.id == "w-r-risk-vision" })
        #expect(general.moduleScope.isEmpty)
    }

    @Test func anUnknownModuleIsALocatedErrorWithASuggestion() {
        #expect(withRisk("    modules: [w-p-edi, w-p-visoin]").lint() == [
            "industries/widgets/rules.yaml:19:24: error: risk rule `w-r-risk-vision` names unknown module `w-p-visoin` in `modules` (did you mean `w-p-vision`?)",
        ])
        #expect(withRisk("    modules:\n      - w-p-edi\n      - w-x-nothing").lint() == [
            "industries/widgets/rules.yaml:21:9: error: risk rule `w-r-risk-vision` names unknown module `w-x-nothing` in `modules`",
        ])
    }

    @Test func aModuleNamedTwiceIsAWarning() {
        #expect(withRisk("    modules: [w-p-vision, w-p-vision]").lint() == [
            "industries/widgets/rules.yaml:19:27: warning: risk rule `w-r-risk-vision` names module `w-p-vision` twice in `modules`",
        ])
    }

    @Test func anEmptyListIsAnError() {
        #expect(withRisk("    modules: []").lint() == [
            "industries/widgets/rules.yaml:19:14: error: rule `w-r-risk-vision` has an empty `modules` list: name the modules whose rollout the risk is about, or leave `modules` out",
        ])
    }

    @Test func wrongTypesAreErrors() {
        #expect(withRisk("    modules: w-p-vision").lint() == [
            "industries/widgets/rules.yaml:19:14: error: `modules` must be a list, found a scalar",
        ])
        #expect(withRisk("    modules: [{id: w-p-vision}]").lint() == [
            "industries/widgets/rules.yaml:19:15: error: an item of `modules` must be a text, found a mapping",
        ])
    }

    @Test func modulesOnlyApplyToRiskRules() {
        #expect(withRisk("    modules: [w-p-vision]", effect: "    exclude: w-p-vision").lint() == [
            "industries/widgets/rules.yaml:19:5: error: `modules` only applies to `risk` rules",
        ])
    }
}
