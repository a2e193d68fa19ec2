import Foundation
import Testing
@testable import GaizaoCore

/// Guards the shipped reference catalogs: any error or warning fails, and the shapes are the seed's.
@Suite struct ShippedCatalogTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("catalogs")

    static func load() -> CatalogLoader.Result {
        let texts = CatalogFixture.readFolder(root).filter { $0.key.hasSuffix(".yaml") || $0.key.hasSuffix(".yml") }
        return CatalogLoader.load(CatalogFiles(files: texts.reduce(into: [:]) {
            $0[$1.key] = SourceFile(path: "catalogs/" + $1.key, text: $1.value)
        }))
    }

    @Test func shippedCatalogsHaveNoDiagnosticAtAll() throws {
        let result = Self.load()
        #expect(result.diagnostics.sorted.map(\.description) == [])
        #expect(result.catalog != nil)
    }

    @Test func shapesAreSixPlusElevenAndSixPlusFive() throws {
        let summary = Self.load().summary
        #expect(summary.map(\.id) == ["auto-parts", "home-appliance"])
        let autoParts = try #require(summary.first { $0.id == "auto-parts" })
        let appliances = try #require(summary.first { $0.id == "home-appliance" })
        #expect((autoParts.standard, autoParts.personalized) == (6, 11))
        #expect((appliances.standard, appliances.personalized) == (6, 5))
    }

    @Test func everyPersonalizedModuleHasTwoDistinctRecommendingRules() throws {
        let catalog = try #require(Self.load().catalog)
        for industry in catalog.industries {
            for module in industry.personalizedModules {
                let rules = industry.rules.filter { $0.effect == .recommend(module.id) }
                #expect(Set(rules.map(\.when.source.text)).count >= 2, "\(industry.id): \(module.id) has \(rules.count) recommending rule(s)")
            }
        }
    }

    @Test func everyQuestionHasPlainLanguageHelpInBothLanguages() throws {
        let catalog = try #require(Self.load().catalog)
        for industry in catalog.industries {
            for q in catalog.questionnaire(for: industry).ordered {
                #expect(!q.help.zh.isEmpty && !q.help.en.isEmpty, "\(q.id) lacks help")
            }
        }
    }
}
