import Foundation
@testable import GaizaoCLI
import GaizaoCore
import Testing

/// The CLI's job runner, which loads catalogs on every core, against the core's sequential one.
@Suite struct JobRunnerTests {
    @Test(arguments: [0, 1, 2, 3, 50, 1000])
    func everyJobRunsOnceAndResultsKeepJobOrder(count: Int) {
        let runs = Counter()
        let results = ThreadJobRunner().map(count) { k -> Int in
            runs.add()
            return k * k
        }
        #expect(results == (0..<count).map { $0 * $0 })
        #expect(runs.value == count)
    }

    @Test func shippedCatalogLoadsAlikeOnEveryCoreAndOnOne() throws {
        let files = try FileIO.catalogFiles(at: GaizaoBinary.repositoryRoot.appendingPathComponent("catalogs").path, displayPrefix: "catalogs")
        let parallel = CatalogLoader.load(files, runner: ThreadJobRunner())
        let sequential = CatalogLoader.load(files)
        #expect(parallel.diagnostics.sorted == sequential.diagnostics.sorted)
        let a = try #require(parallel.catalog), b = try #require(sequential.catalog)
        #expect(a.hash == b.hash)
        #expect(a.industries.map(\.id) == b.industries.map(\.id))
        #expect(a.industries.map { $0.measures.map(\.id) } == b.industries.map { $0.measures.map(\.id) })
        #expect(a.industries.map { $0.rules.map(\.id) } == b.industries.map { $0.rules.map(\.id) })
        #expect(a.overlays.map(\.id) == b.overlays.map(\.id))
        // The same proposal from either.
        let sheet = try #require(AnswerDecoder.decode(
            try FileIO.readText(GaizaoBinary.repositoryRoot.appendingPathComponent("examples/auto-parts-midsize.yaml").path), catalog: a).sheet)
        #expect(try Engine(catalog: a).run(sheet).proposal.jsonBytes() == Engine(catalog: b).run(sheet).proposal.jsonBytes())
    }

    @Test func brokenCatalogGivesTheSameDiagnosticsOnEveryCore() throws {
        var files = try FileIO.catalogFiles(at: GaizaoBinary.repositoryRoot.appendingPathComponent("catalogs").path, displayPrefix: "catalogs")
        // Errors in files read by different jobs: a shared file, an industry's rules, an overlay.
        files.files["policies.yaml"]!.text += "\nunexpected: [1, 2\n"
        files.files["industries/auto-parts/rules.yaml"]!.text = "rules: 7\n"
        files.files["overlays/stray.yaml"] = SourceFile(path: "catalogs/overlays/stray.yaml", text: "id: [\n")
        let parallel = CatalogLoader.load(files, runner: ThreadJobRunner())
        let sequential = CatalogLoader.load(files)
        #expect(parallel.catalog == nil && sequential.catalog == nil)
        #expect(parallel.diagnostics.sorted == sequential.diagnostics.sorted)
        #expect(parallel.diagnostics.sorted.filter { $0.severity == .error }.count >= 3)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
