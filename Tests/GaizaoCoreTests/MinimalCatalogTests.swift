import Testing
@testable import GaizaoCore

/// The minimal catalog every bad fixture starts from must itself be clean, or each bad-fixture test
/// would also be asserting the base catalog's own problems.
@Suite struct MinimalCatalogTests {
    @Test func minimalCatalogIsLintClean() {
        let result = CatalogFixture.minimal.load()
        #expect(result.diagnostics.sorted.map(\.description) == [])
        #expect(result.catalog != nil)
        #expect(result.summary == [CatalogLoader.IndustrySummary(id: "widgets", standard: 1, personalized: 2, questions: 8, rules: 3)])
    }
}
