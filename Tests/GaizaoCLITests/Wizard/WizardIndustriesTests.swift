import Testing
import GaizaoCore
@testable import GaizaoCLI

/// Every industry of the shipped catalog can be answered to the end, and the file feeds the engine cleanly.
@Suite struct WizardIndustriesTests {
    /// A key for whatever question is on screen: the lowest valid number, some text, the second option, the first
    /// two ticks of a list.
    private func answerKeys(_ q: Question) -> [TerminalEvent] {
        switch q.kind {
        case .text: return keys(q.id == CreditCode.questionID ? "91330282MA2AB1234P" : "测试", Key.enter)
        case .number: return keys(formatNumber(max(q.min ?? 1, 1)), Key.enter)
        case .single, .level: return keys(Key.down, Key.enter)
        case .yesno: return keys("y")
        case .multi: return keys("1", "2", Key.enter)
        }
    }

    @Test(arguments: TestCatalog.catalog.industries.map(\.id))
    func everyIndustryCanBeCompleted(industry id: String) throws {
        var h = WizardHarness(industry: TestCatalog.catalog.industry(id))
        var steps = 0
        while let q = h.model.currentQuestion, steps < 200 {
            h.run(answerKeys(q))
            steps += 1
        }
        #expect(h.model.screen == .review)
        #expect(steps == h.model.askedIndices.count, "one screen per asked question")
        #expect(h.run(keys(Key.enter)) == nil)
        #expect(h.model.screen == .date)
        #expect(h.run(keys(Key.enter)) == .finished)
        let decoded = h.decodedSave()
        #expect(decoded.diagnostics.sorted.isEmpty)
        let sheet = try #require(decoded.sheet)
        let output = try Engine(catalog: TestCatalog.catalog).run(sheet)
        #expect(output.proposal.diagnosis.points > 0)
    }
}
