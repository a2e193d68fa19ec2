import Foundation
import Testing
@testable import GaizaoCLI
@testable import GaizaoCore

/// The compiled renderer gives exactly what swift-mustache gives for the shipped templates over every example's
/// proposal (the engine's own edge cases and differential fuzz are in GaizaoTemplatesTests).
@Suite struct CompiledTemplateProposalTests {
    @Test func shippedTemplatesCompile() {
        #expect(RenderFixtures.renderer.usesCompiledTemplates)
    }

    @Test(arguments: RenderFixtures.examples) func compiledMatchesSwiftMustache(example: String) throws {
        let proposal = try RenderFixtures.proposal(example)
        let renderer = RenderFixtures.renderer
        for lang in Lang.allCases {
            for (flavor, template) in [(ProposalViewModel.Flavor.markdown, "proposal.md"), (.html, "proposal.html")] {
                let model = ProposalViewModel(proposal, lang: lang, flavor: flavor)
                let fast = renderer.render(model, template: template, engine: .compiled)
                let reference = renderer.render(model, template: template, engine: .library)
                #expect(GoldenFile.firstDifference(expected: reference, actual: fast) == nil,
                        "\(example) \(lang) \(template):\n\(GoldenFile.firstDifference(expected: reference, actual: fast) ?? "")")
            }
        }
    }
}
