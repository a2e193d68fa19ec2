import Testing
@testable import GaizaoCore

/// Management measures (measures.yaml and `measures:` beside `modules:`), `must` on rules, and the manifest's
/// planning settings.
@Suite struct MeasureLintTests {
    typealias F = CatalogFixture
    let minimal = CatalogFixture.minimal

    static let measures = """
        measures:
          - id: m-plan
            name: {zh: 规划, en: A plan}
            summary: {zh: 写规划, en: Write a plan}
            cost: {micro: [0, 1]}
            cost_source: estimate
            duration_weeks: 2
            brings:
              - {question: nowhere, at_least: office}
              - {question: network, at_least: satellite}
            evidence: []
          - id: w-s-mes
            name: {zh: 重名, en: Same id}
            cost: {micro: [0, 1], medium: [1, 2], large: [2, 3]}
            cost_source: estimate
            duration_weeks: 0
            brings: []
            evidence:
              - {zh: 文件, en: A document}

        """

    @Test func measuresAreChecked() {
        let fixture = minimal.with("measures.yaml", Self.measures)
        #expect(fixture.lint() == [
            "measures.yaml:2:5: error: measure `m-plan` has no cost for size band `medium`",
            "measures.yaml:2:5: warning: measure `m-plan` lists no evidence (支撑材料) for the on-site rating",
            "measures.yaml:9:9: error: `brings` of measure `m-plan` names unknown question `nowhere`",
            "measures.yaml:10:9: error: `brings` of measure `m-plan`: `network` has no option `satellite`",
            "measures.yaml:12:5: error: missing required key `summary` in measure `w-s-mes`",
            "measures.yaml:12:5: error: measure `w-s-mes` has the id of a module of industry `widgets`",
            "measures.yaml:12:5: error: measure `w-s-mes` prices unknown size band `large` (bands: micro, medium)",
            "measures.yaml:12:5: warning: measure `w-s-mes` changes no answer, so it can never help reach a level",
            "measures.yaml:16:21: error: `duration_weeks` must be a whole number of weeks from 1 to 260",
        ])
    }

    @Test func measuresBesideModulesNeedTheirKeys() {
        let fixture = minimal.replacing(F.modulesYAML, "modules:\n", with: "measures:\n  - id: m-x\n    cost_source: estimate\nmodules:\n")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:3:5: error: missing required key `name` in measure `m-x`",
            "industries/widgets/modules.yaml:3:5: error: missing required key `summary` in measure `m-x`",
            "industries/widgets/modules.yaml:3:5: error: missing required key `cost` in measure `m-x`",
            "industries/widgets/modules.yaml:3:5: error: missing required key `duration_weeks` in measure `m-x`",
            "industries/widgets/modules.yaml:3:5: error: missing required key `brings` in measure `m-x`",
            "industries/widgets/modules.yaml:3:5: error: missing required key `evidence` in measure `m-x`",
        ])
    }

    @Test func mustOnlyOnRecommendRules() {
        let fixture = minimal.replacing(F.rulesYAML, "    satisfied: w-s-mes\n", with: "    satisfied: w-s-mes\n    must: true\n")
        #expect(fixture.lint().contains { $0.hasSuffix("error: `must` only applies to `recommend` rules") })
    }

    @Test func planningSettingsAreChecked() {
        let fixture = minimal.replacing(F.catalogYAML, "upgrade_cost_percent: 50\n", with: """
            upgrade_cost_percent: 50
            workstreams: 0
            retrofit_brings:
              - {question: network, at_least: nowhere}
            investment_share: {question: employees, revenue: missing, years: 3}

            """)
        #expect(fixture.lint() == [
            "catalog.yaml:15:14: error: `workstreams` must be a whole number from 1 to 20",
            "catalog.yaml:17:5: error: `brings` of `retrofit_brings` (industry `widgets`): `network` has no option `nowhere`",
            "catalog.yaml:18:19: error: `investment_share` names unknown question `missing` (industry `widgets`)",
        ])
    }

    /// `requires` between measures: ids that name no measure (with the nearest id), a measure requiring itself,
    /// and a cycle are errors, each where it is written.
    @Test func measureRequirementsAreChecked() {
        func measure(_ id: String, requires: String) -> String {
            """
              - id: \(id)
                name: {zh: 措施, en: A measure}
                summary: {zh: 说明, en: What it is}
                cost: {micro: [0, 1], medium: [0, 1]}
                cost_source: estimate
                duration_weeks: 2
                requires: \(requires)
                brings:
                  - {question: network, at_least: none}
                evidence:
                  - {zh: 文件, en: A document}

            """
        }
        let fixture = minimal.with("measures.yaml", "measures:\n" + measure("m-lead", requires: "[m-pay]")
            + measure("m-pay", requires: "[m-lead, m-leed, m-pay]"))
        let found = fixture.lint()
        #expect(found.contains("measures.yaml:19:24: error: measure `m-pay` requires unknown measure `m-leed` (industry `widgets`) (did you mean `m-lead`?)"), "\(found)")
        #expect(found.contains("measures.yaml:19:32: error: measure `m-pay` requires itself"), "\(found)")
        #expect(found.contains { $0.hasPrefix("measures.yaml:8:16: error: measure requires cycle: m-lead → m-pay → m-lead") }, "\(found)")
        #expect(minimal.with("measures.yaml", "measures:\n" + measure("m-lead", requires: "[]") + measure("m-pay", requires: "[m-lead]"))
            .lint().filter { $0.contains("error") } == [])
    }

    /// `yearly_cost` needs every priced size band and no unknown one, like `cost`; `retrofit_measures` names measures.
    @Test func yearlyCostsAndRetrofitMeasuresAreChecked() {
        let measure = """
            measures:
              - id: m-post
                name: {zh: 岗位, en: A post}
                summary: {zh: 设岗, en: A post}
                cost: {micro: [0, 1], medium: [1, 2]}
                yearly_cost: {micro: [1, 2], huge: [3, 4]}
                cost_source: estimate
                duration_weeks: 2
                brings:
                  - {question: network, at_least: office}
                evidence:
                  - {zh: 文件, en: A document}

            """
        let found = minimal.with("measures.yaml", measure).lint()
        #expect(found.contains("measures.yaml:2:5: error: measure `m-post` has no `yearly_cost` for size band `medium`"), "\(found)")
        #expect(found.contains("measures.yaml:2:5: error: measure `m-post` prices unknown size band `huge` in `yearly_cost` (bands: micro, medium)"), "\(found)")
        let retrofit = minimal.with("measures.yaml", measure.replacingOccurrences(of: ", huge: [3, 4]", with: ", medium: [3, 4]"))
            .replacing(F.catalogYAML, "upgrade_cost_percent: 50\n", with: "upgrade_cost_percent: 50\nretrofit_measures: [m-pots]\n").lint()
        #expect(retrofit.contains { $0.hasSuffix("error: `retrofit_measures` names unknown measure `m-pots` (industry `widgets`) (did you mean `m-post`?)") }, "\(retrofit)")
    }
}
