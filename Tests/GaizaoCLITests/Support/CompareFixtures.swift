import Foundation
import Testing
@testable import GaizaoCLI
@testable import GaizaoCore

/// The comparisons the golden and browser tests pin. Their input proposals are made here through the engine
/// (not checked in as JSON), so the comparisons follow the engine: a change to a proposal shows up in the
/// comparison goldens too, and re-recording them (GAIZAO_RECORD=1) is the one step to accept it.
enum CompareFixtures {
    static let renderer: ComparisonRenderer = ComparisonRenderer.load(RenderFixtures.templateFiles, folder: "templates").renderer!

    /// The before/after fixture: the enterprise of examples/auto-parts-midsize.yaml seven months later.
    static let laterAnswers = RenderFixtures.root + "/Tests/GaizaoCLITests/Fixtures/auto-parts-midsize-2027.yaml"

    enum Case: String, CaseIterable, Sendable, CustomTestStringConvertible {
        /// Two example contractors' overlays on the same home-appliance enterprise.
        case twoContractors = "two-contractors"
        /// The reference prices, contractor A, and a proposal on a differing answer whose estimate exceeds its budget
        /// (auto parts): not comparable.
        case threeProposals = "three-proposals"
        /// The auto-parts enterprise diagnosed in 2026 and again in 2027 after the first phase.
        case beforeAfter = "before-after"

        var testDescription: String { rawValue }
    }

    /// Per input: the file name stem it would have, and the proposal.
    /// The rules-only packages (`target: .none`), as these goldens were written: the comparison is the subject here.
    static func inputs(_ c: Case) throws -> [(stem: String, proposal: Proposal)] {
        let engine = Engine(catalog: RenderFixtures.catalog)
        switch c {
        case .twoContractors:
            let sheet = try RenderFixtures.sheet("home-appliance-midsize")
            return [("ha-contractor-a", try engine.run(sheet, contractor: "example-ha-contractor-a", target: .none).proposal),
                    ("ha-contractor-b", try engine.run(sheet, contractor: "example-ha-contractor-b", target: .none).proposal)]
        case .threeProposals:
            let sheet = try RenderFixtures.sheet("auto-parts-midsize")
            var noEDI = sheet
            noEDI.answers["ap_oem_edi"] = .bool(false)
            return [("reference", try engine.run(sheet, target: .none).proposal),
                    ("contractor-a", try engine.run(sheet, contractor: "example-ap-contractor-a", target: .none).proposal),
                    // Its standard modules alone exceed the budget: gaizao now refuses to write it (a budget below what
                    // cannot be dropped); earlier versions wrote it, and compare must still mark such a file.
                    ("budget-60", try engine.unchecked(noEDI, budgetYuan: 600_000, target: .none).proposal)]
        case .beforeAfter:
            let later = try FileIO.readText(laterAnswers, display: "auto-parts-midsize-2027.yaml")
            guard let laterSheet = AnswerDecoder.decode(later, catalog: RenderFixtures.catalog).sheet else {
                throw CLIError.input("the before/after fixture does not decode")
            }
            return [("auto-parts-midsize-2027", try engine.run(laterSheet, target: .none).proposal),
                    ("auto-parts-midsize", try engine.run(RenderFixtures.sheet("auto-parts-midsize"), target: .none).proposal)]
        }
    }

    static func comparison(_ c: Case, lang: Lang) throws -> ProposalComparison {
        let inputs = try inputs(c)
        let labels = ComparisonLabels.make(inputs.map { .init(stem: $0.stem, proposal: $0.proposal, target: StatedTarget(of: $0.proposal)) }, lang: lang)
        // Each proposal's target as `gaizao compare` reads it from the file (rules-only: it has none).
        return try ProposalComparator.compare(zip(labels, inputs).map { (label: $0, source: $1.stem + ".json", proposal: $1.proposal) },
                                              targets: inputs.map { StatedTarget(of: $0.proposal) })
    }
}
