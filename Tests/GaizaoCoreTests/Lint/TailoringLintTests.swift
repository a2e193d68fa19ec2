import Testing
@testable import GaizaoCore

/// A module's products and summary parts tailored with `when`: read, type-checked with located errors, and the
/// warnings a catalog author needs (a `when` that can never hold or never fails, a module that may be left with
/// no product).
@Suite struct TailoringLintTests {
    typealias F = CatalogFixture
    let minimal = CatalogFixture.minimal

    /// `w-p-vision` with a second product whose line (52 of modules.yaml) is `line`.
    func secondProduct(_ line: String) -> CatalogFixture {
        minimal.replacing(F.modulesYAML, "      - {zh: 视觉检测工作站, en: Vision station}\n",
                          with: "      - {zh: 视觉检测工作站, en: Vision station}\n\(line)\n")
    }

    /// `w-p-vision` with `summary_parts` (from line 43 of modules.yaml) as given.
    func summaryParts(_ lines: String) -> CatalogFixture {
        minimal.replacing(F.modulesYAML, "    summary: {zh: 相机检测外观。, en: Cameras inspect the surface.}\n",
                          with: "    summary: {zh: 相机检测外观。, en: Cameras inspect the surface.}\n    summary_parts:\n\(lines)\n")
    }

    @Test func aTailoredModuleIsCleanAndRead() throws {
        let fixture = secondProduct("      - {zh: 冲压件检测治具, en: Stamping fixture, when: 'processes contains \"stamping\"'}")
            .replacing(F.modulesYAML, "    summary: {zh: 相机检测外观。, en: Cameras inspect the surface.}\n", with: """
                    summary: {zh: 相机检测外观。, en: Cameras inspect the surface.}
                    summary_parts:
                      - when: 'processes contains "stamping"'
                        zh: 冲压件检查毛刺。
                        en: Stamped parts are checked for burrs.

                """)
        #expect(fixture.lint() == [])
        let module = try #require(fixture.load().catalog?.industries.first?.module("w-p-vision"))
        #expect(module.products.map(\.when?.source.text) == [nil, "processes contains \"stamping\""])
        #expect(module.summaryParts.count == 1)
        // Stamping: the part is appended; machining only: left out; unanswered: kept (only false drops).
        func summary(_ processes: [String]?) -> Localized {
            module.summary(for: { $0 == "processes" ? processes.map(AnswerValue.options) : nil })
        }
        #expect(summary(["stamping"]) == Localized(zh: "相机检测外观。冲压件检查毛刺。", en: "Cameras inspect the surface. Stamped parts are checked for burrs."))
        #expect(summary(["machining"]) == module.summary)
        #expect(summary(nil).zh == "相机检测外观。冲压件检查毛刺。")
        #expect(module.products[1].isOffered { _ in .options(["machining"]) } == false)
        #expect(module.products[1].isOffered { _ in nil })
    }

    @Test func aProductWhenThatDoesNotParseIsLocated() {
        // The condition starts at column 52, one past the quote (columns count characters); `contains` needs a value.
        #expect(secondProduct("      - {zh: 冲压件检测治具, en: Stamping fixture, when: 'processes contains'}").lint() == [
            "industries/widgets/modules.yaml:52:70: error: condition does not parse: expected a value, found end of condition",
        ])
    }

    @Test func anUnknownQuestionOrOptionIsALocatedError() {
        #expect(secondProduct("      - {zh: 冲压件检测治具, en: Stamping fixture, when: 'procesess contains \"stamping\"'}").lint() == [
            "industries/widgets/modules.yaml:52:52: error: `when` of product 2 of module `w-p-vision`: unknown question `procesess`",
        ])
        #expect(secondProduct("      - {zh: 冲压件检测治具, en: Stamping fixture, when: 'processes contains \"welding\"'}").lint() == [
            "industries/widgets/modules.yaml:52:71: error: `when` of product 2 of module `w-p-vision`: question `processes` has no option \"welding\"; options: machining, stamping",
        ])
    }

    @Test func aSummaryPartNeedsItsWhenAndIsTypeChecked() {
        #expect(summaryParts("      - {zh: 冲压件检查毛刺。, en: Stamped parts are checked for burrs.}").lint() == [
            "industries/widgets/modules.yaml:44:9: error: missing required key `when` in a part of `summary_parts` of module `w-p-vision`",
        ])
        #expect(summaryParts("      - {zh: 冲压件检查毛刺。, en: Burrs., when: 'employees > \"ten\"'}").lint() == [
            "industries/widgets/modules.yaml:44:55: error: `when` of summary part 1 of module `w-p-vision`: `>` compares numbers, found the string \"ten\"",
        ])
    }

    @Test func aMisspeltWhenIsAnUnknownKey() {
        #expect(secondProduct("      - {zh: 冲压件检测治具, en: Stamping fixture, whne: 'processes contains \"stamping\"'}").lint() == [
            "industries/widgets/modules.yaml:52:45: warning: unknown key `whne` in a product of module `w-p-vision` (did you mean `when`?)",
        ])
    }

    @Test func aWhenThatNeverHoldsOrNeverFailsIsAWarning() {
        #expect(secondProduct("      - {zh: 冲压件检测治具, en: Stamping fixture, when: 'processes contains \"stamping\" and count(processes) == 0'}").lint() == [
            "industries/widgets/modules.yaml:52:52: warning: `when` of product 2 of module `w-p-vision` can never be true: no answers make `processes contains \"stamping\" and count(processes) == 0` true, so the text is offered only while its questions are unanswered",
        ])
        #expect(secondProduct("      - {zh: 冲压件检测治具, en: Stamping fixture, when: 'employees >= 0 or answered(processes) or not answered(processes)'}").lint() == [
            "industries/widgets/modules.yaml:52:52: warning: `when` of product 2 of module `w-p-vision` is never false: no answers make `employees >= 0 or answered(processes) or not answered(processes)` false, so it leaves nothing out; drop the `when`",
        ])
    }

    @Test func aModuleWhoseEveryProductCanBeRuledOutIsAWarning() {
        let fixture = minimal.replacing(F.modulesYAML, "      - {zh: 视觉检测工作站, en: Vision station}\n", with: """
                  - {zh: 视觉检测工作站, en: Vision station, when: 'processes contains "machining"'}
                  - {zh: 冲压件检测治具, en: Stamping fixture, when: 'processes contains "stamping"'}

            """)
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:39:5: warning: every product of module `w-p-vision` has a `when`, and some answers rule them all out: the module would be offered without a product; give one product no `when`",
        ])
    }

    @Test func anOverlayProductWhenIsChecked() {
        let fixture = minimal.replacing(F.overlayYAML, "    duration_weeks: 6",
                                        with: "    duration_weeks: 6\n    products: [{zh: 甲方MES, en: A's MES, when: 'has_crm'}]")
        #expect(fixture.lint() == [
            "overlays/example.yaml:10:48: error: `when` of product 1 of the override of module `w-s-mes` in overlay `example`: unknown question `has_crm`",
        ])
    }
}
