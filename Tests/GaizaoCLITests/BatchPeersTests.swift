import Foundation
@testable import GaizaoCLI
@testable import GaizaoCore
import Testing

/// Issue 17: each proposal of a batch shows where its enterprise stands among the batch's peers (same industry
/// and size band), as the dashboard does; `diagnose` without `--peers` is unchanged.
@Suite(.serialized) struct BatchPeersTests {
    static func member(_ points: Double, level: Int = 1, _ scenes: [String: Int]) -> PeerGroup.Member {
        .init(points: points, level: level, sceneLevels: scenes)
    }

    @Test func aGroupBenchmarksEachMemberByHand() {
        let members = [Self.member(10, ["s1": 0, "s2": 2]), Self.member(20, level: 2, ["s1": 1, "s2": 2]),
                       Self.member(20, level: 2, ["s1": 2, "s2": 1]), Self.member(40, level: 3, ["s1": 3, "s2": 3])]
        let group = PeerGroup(members: members, sceneOrder: ["s1", "s2"])
        // 20 points among 10, 20, 40: one below, one tie counted half → 1.5 / 3 = 50%; one above → rank 2.
        #expect(group.benchmark(members[1]) == Proposal.PeerBenchmark(
            peers: 3, percentile: 50, rank: 2, medianPoints: 20, level2PlusPercent: 75,
            scenesBehind: [.init(scene: "s1", level: 1, median: 1.5)], tied: 1))
        #expect(group.benchmark(members[0]).percentile == 0 && group.benchmark(members[0]).rank == 4)
        #expect(group.benchmark(members[3]) == Proposal.PeerBenchmark(peers: 3, percentile: 100, rank: 1, medianPoints: 20, level2PlusPercent: 75, scenesBehind: [], tied: 0))
        #expect(group.benchmark(members[2]).scenesBehind == [.init(scene: "s2", level: 1, median: 2)])
        // With fewer than 2 peers only their count is given.
        let pair = PeerGroup(members: Array(members.prefix(2)), sceneOrder: ["s1"])
        #expect(pair.benchmark(members[0]) == Proposal.PeerBenchmark(peers: 1, percentile: nil, rank: nil, medianPoints: nil, level2PlusPercent: nil, scenesBehind: []))
    }

    @Test func everyProposalOfABatchShowsItsPeersAsTheDashboardDoes() throws {
        let catalog = try #require(BatchCommandTests.catalog)
        let dir = BatchCommandTests.tempDir()
        var lines = ""
        for i in 0..<40 { lines += SyntheticAnswers.sheet(for: catalog.industries[i % 2], catalog: catalog, seed: UInt64(500 + i)).jsonLine() + "\n" }
        let input = dir.appendingPathComponent("in.jsonl")
        try lines.write(to: input, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try GaizaoBinary.run(["batch", "-", "-o", out.path, "--jobs", "3"], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try BatchCommandTests.summaryRows(out)
        #expect(rows.count == 40)
        // The same standing as summary.html's (PeerStanding over summary.csv).
        let summary = try #require(SummaryCSV.rows(String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)))
        let standings = PeerStanding.compute(summary, sceneOrder: catalog.maturity.scenes.map(\.id))
        var benchmarked = 0
        for row in summary {
            let folder = out.appendingPathComponent(try #require(row.folder))
            let p = try Proposal.decode(json: String(contentsOf: folder.appendingPathComponent("proposal.json"), encoding: .utf8))
            let peers = try #require(p.peers, "\(row.folder ?? "")")
            let md = try String(contentsOf: folder.appendingPathComponent("proposal.md"), encoding: .utf8)
            let html = try String(contentsOf: folder.appendingPathComponent("proposal.html"), encoding: .utf8)
            #expect(md.contains("### 同行对标\n") && html.contains("<section class=\"peers\">\n<h3>同行对标</h3>"))
            if let standing = standings[row.index] {
                benchmarked += 1
                #expect(peers.peers == standing.peers && peers.percentile == standing.percentile)
                #expect(peers.scenesBehind.map(\.scene) == standing.scenesBehind)
                #expect(md.contains("高于 \(standing.percentile)% 的同行"), "\(md)")
                for gap in peers.scenesBehind {
                    let name = try #require(p.diagnosis.scenes.first { $0.id == gap.scene }?.name.zh)
                    #expect(md.contains("| \(name) | \(gap.level) | "))
                }
            } else {
                #expect(peers.percentile == nil && md.contains("不足以对标") || md.contains("无法对标"))
            }
        }
        #expect(benchmarked > 30)
        // No pending proposal is left in scratch.
        #expect(BatchCommandTests.scratchFolders(out).isEmpty)
    }

    @Test func aLoneEnterpriseIsToldItHasNoPeersAndEnglishReadsEnglish() throws {
        let dir = BatchCommandTests.tempDir()
        let example = GaizaoBinary.repositoryRoot.appendingPathComponent("examples/auto-parts-midsize.yaml").path
        let out = dir.appendingPathComponent("out")
        let r = try GaizaoBinary.run(["batch", example, "-o", out.path, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasPrefix("00001-") })
        let md = try String(contentsOf: out.appendingPathComponent(folder).appendingPathComponent("proposal.md"), encoding: .utf8)
        #expect(md.contains("### Peer benchmark\n\nThis batch has no other enterprise of the same industry and size band to benchmark against.\n"), "\(md)")
        // diagnose without --peers writes no peer section.
        let plain = try GaizaoBinary.run(["diagnose", example, "-o", dir.appendingPathComponent("plain").path, "--format", "md,html,json"])
        #expect(plain.status == 0)
        for file in ["auto-parts-midsize.md", "auto-parts-midsize.html", "auto-parts-midsize.json"] {
            let text = try String(contentsOf: dir.appendingPathComponent("plain").appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("同行对标") && !text.contains("\"peers\""), "\(file)")
        }
    }
}
