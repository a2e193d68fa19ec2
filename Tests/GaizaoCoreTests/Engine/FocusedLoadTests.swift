@testable import GaizaoCore
import Testing

/// A catalog load focused on one industry (a `diagnose` reads only the enterprise's industry) gives the same
/// proposals as the full catalog, still reports what is wrong in the files it reads, and falls back to every
/// industry when the answers name none of the manifest's ids.
@Suite struct FocusedLoadTests {
    @Test(arguments: Shipped.exampleNames)
    func focusedLoadGivesTheSameProposal(_ name: String) throws {
        let file = Shipped.exampleFile(name)
        let focus = try #require(AnswerDecoder.industryID(of: file))
        let result = CatalogLoader.load(Shipped.files, thorough: false, focus: focus)
        #expect(result.diagnostics.errors.map(\.description) == [])
        let catalog = try #require(result.catalog)
        #expect(catalog.industries.map(\.id) == [focus])
        #expect(catalog.hash == Shipped.catalog.hash)
        #expect(catalog.overlays.map(\.id) == Shipped.catalog.overlays.map(\.id))
        let sheet = try #require(AnswerDecoder.decode(file, catalog: catalog).sheet)
        let focused = try Engine(catalog: catalog).run(sheet).proposal.jsonBytes()
        let full = try Engine(catalog: Shipped.catalog).run(Shipped.example(name)).proposal.jsonBytes()
        #expect(focused == full)
    }

    @Test func aFocusThatIsNoIndustryIdReadsEveryIndustry() throws {
        for focus in ["汽车零部件", "Auto parts", "auto-part", ""] {
            let catalog = try #require(CatalogLoader.load(Shipped.files, focus: focus).catalog)
            #expect(catalog.industries.map(\.id) == Shipped.catalog.industries.map(\.id), "\(focus)")
        }
    }

    @Test func theIndustryIsReadFromYAMLAndJSONAnswers() {
        #expect(AnswerDecoder.industryID(of: SourceFile(path: "a.yaml", text: "gaizao_answers: 1\nindustry: auto-parts\n")) == "auto-parts")
        #expect(AnswerDecoder.industryID(of: SourceFile(path: "a.json", text: #"{"industry": "home-appliance", "answers": {}}"#)) == "home-appliance")
        for text in ["", "industry: [a, b]\n", "- industry: auto-parts\n", "industry: {a: 1}\n", "industry: 'unterminated\n", "\u{0}"] {
            #expect(AnswerDecoder.industryID(of: SourceFile(path: "bad.yaml", text: text)) == nil, "\(text)")
        }
    }

    /// Errors in the focused industry's files and in shared files are still found; a cost entry or energy
    /// question of the industry left out is not mistaken for an unknown one.
    @Test func errorsInTheFilesReadAreStillReported() throws {
        var files = Shipped.files
        let rules = try #require(files["industries/auto-parts/rules.yaml"])
        files.files["industries/auto-parts/rules.yaml"] = SourceFile(path: rules.path, text: rules.text + "\n  - {broken\n")
        #expect(CatalogLoader.load(files, focus: "auto-parts").catalog == nil)
        #expect(CatalogLoader.load(files, focus: "home-appliance").catalog != nil)

        var shared = Shipped.files
        let policies = try #require(shared["policies.yaml"])
        shared.files["policies.yaml"] = SourceFile(path: policies.path, text: policies.text.replacingOccurrences(of: "policies:", with: "policys:"))
        for focus in ["auto-parts", "home-appliance"] {
            let result = CatalogLoader.load(shared, focus: focus)
            #expect(result.catalog == nil)
            #expect(!result.diagnostics.errors.isEmpty)
        }
    }

    /// An overlay of the industry left out stays in the catalog, unchecked, so `--contractor` naming it gets the
    /// same message as with the full catalog.
    @Test func anOverlayOfTheOtherIndustryKeepsItsMessage() throws {
        let file = Shipped.exampleFile("auto-parts-midsize.yaml")
        let catalog = try #require(CatalogLoader.load(Shipped.files, focus: "auto-parts").catalog)
        let sheet = try #require(AnswerDecoder.decode(file, catalog: catalog).sheet)
        let haOverlay = try #require(catalog.overlays.first { $0.industry == "home-appliance" })
        do {
            _ = try Engine(catalog: catalog).run(sheet, contractor: haOverlay.id)
            Issue.record("an overlay of another industry was accepted")
        } catch {
            #expect(error.description == "contractor overlay `\(haOverlay.id)` is for industry `home-appliance`")
        }
    }
}
