import Testing
@testable import GaizaoCore

/// A size band priced as another (`priced_as`): it needs no prices of its own, and must name a band that has them.
@Suite struct SizeBandLintTests {
    typealias F = CatalogFixture
    let minimal = CatalogFixture.minimal

    func withLargeBand(pricedAs: String) -> CatalogFixture {
        minimal.replacing(F.catalogYAML, "  - id: medium\n    name: {zh: 中型, en: Medium}\n", with: """
              - id: medium
                name: {zh: 中型, en: Medium}
                when: employees < 1000
              - id: large
                name: {zh: 大型, en: Large}
                priced_as: \(pricedAs)

            """)
    }

    @Test func aBandPricedAsAnotherNeedsNoPricesOfItsOwn() {
        #expect(withLargeBand(pricedAs: "medium").lint() == [])
        let catalog = withLargeBand(pricedAs: "medium").load().catalog
        #expect(catalog?.manifest.pricedBandIDs == ["micro", "medium"])
        #expect(catalog?.manifest.sizeBands.last?.costKey == "medium")
    }

    @Test func aBandPricedAsAnUnknownOrUnpricedBandIsAnError() {
        #expect(withLargeBand(pricedAs: "huge").lint() == [
            "catalog.yaml:15:5: error: size band `large` is priced as `huge`, which is no size band with prices of its own (bands: micro, medium)",
        ])
        // A band priced as itself (or as another unpriced band) has no prices to borrow.
        #expect(withLargeBand(pricedAs: "large").lint().contains { $0.contains("size band `large` is priced as `large`, which is no size band with prices of its own") })
    }
}
