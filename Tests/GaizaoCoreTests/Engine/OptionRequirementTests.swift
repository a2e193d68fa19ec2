@testable import GaizaoCore
import Testing

/// An option that the MIIT 2024 model allows only with others: "network covers the whole shop floor" (④) may be
/// chosen only when the control network, the application network and 5G (①–③) are all there. Such an answer is a
/// located error in answers files, spreadsheet cells and the catalog's `brings`, and synthetic enterprises never
/// hold one.
@Suite struct OptionRequirementTests {
    static let network = Shipped.catalog.questionnaire(for: Shipped.catalog.industry("auto-parts")!)["network"]!

    @Test func fullCoverageNeedsTheThreeNetworks() {
        #expect(Self.network.option("full_coverage")?.requires.map(\.text) == ["workshop_control", "app_network", "industrial_5g"])
        let (sheet, lines) = ExclusiveOptionTests.decode("  network: [workshop_control, app_network, full_coverage]\n")
        #expect(sheet == nil)
        #expect(lines == ["a.yaml:7:12: error: answer to `network`: `full_coverage` (网络覆盖全部生产现场，并留有扩展余量) may be chosen only with `industrial_5g` (建设或租用5G工业网络)"])
        // With the three networks the answer is read (no problem on its line).
        #expect(ExclusiveOptionTests.decode("  network: [workshop_control, app_network, industrial_5g, full_coverage]\n").lines.isEmpty)
    }

    @Test func spreadsheetCellsFollowTheSameRule() throws {
        guard case let .failure(problem) = AnswerDecoder.value(text: "full_coverage", for: Self.network) else {
            Issue.record("full coverage alone must fail")
            return
        }
        #expect(problem.message == "`full_coverage` (网络覆盖全部生产现场，并留有扩展余量) may be chosen only with `workshop_control` (车间建有工业控制网络), `app_network` (设备、人员和信息系统互联的应用网络), `industrial_5g` (建设或租用5G工业网络)")
        #expect(try AnswerDecoder.value(text: "workshop_control; app_network; industrial_5g; full_coverage", for: Self.network).get()
            == .options(["workshop_control", "app_network", "industrial_5g", "full_coverage"]))
    }

    @Test(arguments: UInt64(1)...200)
    func syntheticEnterprisesHoldOnlyValidAnswers(seed: UInt64) {
        for industry in Shipped.catalog.industries {
            let sheet = SyntheticAnswers.sheet(for: industry, catalog: Shipped.catalog, seed: seed)
            let questionnaire = Shipped.catalog.questionnaire(for: industry)
            for (id, value) in sheet.answers {
                guard case let .options(ids) = value, let q = questionnaire[id] else { continue }
                #expect(q.unmetRequirement(Set(ids)) == nil, "seed \(seed) \(id): \(ids)")
            }
        }
    }

    /// Lint: a requirement names an option of the same multiple-choice question, not itself nor "none"; a `brings`
    /// that adds an option adds what it requires too.
    @Test func requirementsAreLinted() {
        let fixture = CatalogFixture.minimal
        let network = "          - {id: workshop, label: {zh: 车间网, en: Workshop network}, points: 60}\n"
        let bad = fixture.replacing(CatalogFixture.questionnaireYAML, network, with: """
                      - {id: workshop, label: {zh: 车间网, en: Workshop network}, points: 60, requires: [ofice, workshop]}

            """)
        let found = bad.lint()
        #expect(found.contains { $0.contains("error: option `workshop` of `network`: `requires` is for the options of a multiple-choice question") }, "\(found)")
        let questions = "industries/widgets/questions.yaml"
        let multi = fixture.replacing(questions, "          - {id: stamping, label: {zh: 冲压, en: Stamping}}\n", with: """
                      - {id: stamping, label: {zh: 冲压, en: Stamping}, requires: [machinig, stamping]}

            """)
        let lines = multi.lint()
        #expect(lines.contains { $0.contains("error: option `stamping` of `processes` requires unknown option `machinig` (did you mean `machining`?)") }, "\(lines)")
        #expect(lines.contains { $0.contains("error: option `stamping` of `processes` cannot require `stamping`") }, "\(lines)")
        // The module that adds `stamping` alone now leaves an answer the rating would not accept.
        let brings = fixture.replacing(questions, "          - {id: stamping, label: {zh: 冲压, en: Stamping}}\n", with: """
                      - {id: stamping, label: {zh: 冲压, en: Stamping}, requires: [machining]}

            """).lint()
        #expect(brings.contains { $0.contains("error: `brings` of module") && $0.contains("`stamping` (冲压) may be chosen only with `machining` (机加工); add them too") }, "\(brings)")
    }
}
