import Foundation
import Testing
@testable import GaizaoCLI
@testable import GaizaoCore

/// `gaizao compare` as a user runs it: the real binary on proposal JSON files, exit codes and messages.
@Suite struct CompareCommandTests {
    /// A fresh folder holding the given proposals as JSON files named `stem.json`.
    static func folder(_ proposals: [(String, Proposal)]) throws -> URL {
        let dir = TestScratch.url("compare")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (stem, p) in proposals {
            try p.jsonText().write(to: dir.appendingPathComponent("\(stem).json"), atomically: true, encoding: .utf8)
        }
        return dir
    }

    static func folder(_ c: CompareFixtures.Case) throws -> URL {
        try folder(try CompareFixtures.inputs(c).map { ($0.stem, $0.proposal) })
    }

    static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func writesMarkdownAndHTMLAndPrintsASummary() throws {
        let dir = try Self.folder(.twoContractors)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try GaizaoBinary.run(["compare", "ha-contractor-a.json", "ha-contractor-b.json", "-o", "out"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "慈溪戊己电器股份有限公司：比较 2 份方案：模块和管理措施结论相同，答卷相同，10 个所选模块的报价、工期或产品不同\n  out/comparison.md\n  out/comparison.html\n")
        let md = try Self.read(dir.appendingPathComponent("out/comparison.md"))
        let html = try Self.read(dir.appendingPathComponent("out/comparison.html"))
        #expect(md.hasPrefix("# 慈溪戊己电器股份有限公司 · 方案比较\n"))
        #expect(GoldenComparisonTests.has(md, "| 项目 | 示例家电总包商甲（示例） | 示例家电总包商乙（示例） |"))
        #expect(GoldenComparisonTests.has(html, "<th scope=\"col\">示例家电总包商乙（示例）</th>"))
        #expect(!html.contains("<link") && !html.contains("<script"))
        // Same inputs, same bytes.
        let again = try GaizaoBinary.run(["compare", "ha-contractor-a.json", "ha-contractor-b.json", "-o", "again"], in: dir)
        #expect(again.status == 0)
        #expect(try Self.read(dir.appendingPathComponent("again/comparison.html")) == html)
        #expect(try Self.read(dir.appendingPathComponent("again/comparison.md")) == md)
    }

    @Test func beforeAfterIsChosenByDateAndEnglishWorks() throws {
        let dir = try Self.folder(.beforeAfter)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try GaizaoBinary.run(["compare", "auto-parts-midsize-2027.json", "auto-parts-midsize.json", "-o", "-", "--format", "md", "--lang", "en"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("# 慈溪丙丁汽车零部件有限公司 · Before and after\n"))
        #expect(GoldenComparisonTests.has(r.stdout, "| Item | auto-parts-midsize | auto-parts-midsize-2027 |"))
        let forced = try GaizaoBinary.run(["compare", "auto-parts-midsize.json", "auto-parts-midsize-2027.json", "-o", "-", "--format", "md", "--mode", "contractors"], in: dir)
        #expect(forced.status == 0)
        #expect(forced.stdout.hasPrefix("# 慈溪丙丁汽车零部件有限公司 · 方案比较\n"))
    }

    /// One file given twice, by the same name or another (`./a.json`, a link), is an input error naming both.
    @Test func theSameFileTwiceIsRefused() throws {
        let dir = try Self.folder(.twoContractors)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.json").path, withDestinationPath: "ha-contractor-a.json")
        let twice = try GaizaoBinary.run(["compare", "ha-contractor-a.json", "ha-contractor-b.json", "./ha-contractor-a.json", "-o", "out"], in: dir)
        #expect(twice.status == 1 && !twice.crashed)
        #expect(twice.stderr == "error: ./ha-contractor-a.json: the same file as ha-contractor-a.json, given twice: give each proposal once\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        let linked = try GaizaoBinary.run(["compare", "link.json", "ha-contractor-a.json", "-o", "-", "--format", "md", "--lang", "zh"], in: dir)
        #expect(linked.status == 1)
        #expect(linked.stderr == "错误：ha-contractor-a.json：与 link.json 是同一个文件，给了两次：每份方案只需给一次\n")
        // A copy is another file: compared, with a warning at the top.
        try FileManager.default.copyItem(at: dir.appendingPathComponent("ha-contractor-a.json"), to: dir.appendingPathComponent("copy.json"))
        let copy = try GaizaoBinary.run(["compare", "ha-contractor-a.json", "copy.json", "-o", "-", "--format", "md"], in: dir)
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(GoldenComparisonTests.has(copy.stdout, "- copy.json 与 ha-contractor-a.json 是完全相同的方案"))
    }

    @Test func differentEnterprisesAreRefusedUnlessAllowed() throws {
        let engine = Engine(catalog: RenderFixtures.catalog)
        let dir = try Self.folder([("midsize", try RenderFixtures.proposal("auto-parts-midsize")),
                                   ("workshop", try engine.run(RenderFixtures.sheet("auto-parts-small-workshop")).proposal)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let refused = try GaizaoBinary.run(["compare", "midsize.json", "workshop.json", "-o", "out"], in: dir)
        #expect(refused.status == 1 && !refused.crashed)
        #expect(refused.stderr.hasPrefix("error: the proposals are for different enterprises (midsize.json: 慈溪丙丁汽车零部件有限公司; workshop.json: "))
        #expect(refused.stderr.contains("use --allow-different to compare anyway"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))

        let allowed = try GaizaoBinary.run(["compare", "midsize.json", "workshop.json", "-o", "-", "--format", "md", "--allow-different"], in: dir)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(GoldenComparisonTests.has(allowed.stdout, "- 各方案对应的企业不同（已按 --allow-different 继续比较）"))

        let otherIndustry = try Self.folder([("ap", try RenderFixtures.proposal("auto-parts-midsize")),
                                             ("ha", try RenderFixtures.proposal("home-appliance-midsize"))])
        defer { try? FileManager.default.removeItem(at: otherIndustry) }
        let industries = try GaizaoBinary.run(["compare", "ap.json", "ha.json", "--allow-different", "-o", "-", "--format", "md"], in: otherIndustry)
        #expect(industries.status == 1)
        #expect(industries.stderr == "error: the proposals are for different industries (auto-parts, home-appliance): they cannot be compared module by module\n")
    }

    @Test func malformedForeignAndMissingFilesAreEachReported() throws {
        let dir = try Self.folder([("good", try RenderFixtures.proposal("auto-parts-midsize"))])
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{\"schema\": \"gaizao.proposal/1\", \"date\": ".write(to: dir.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
        try "{\"name\": \"a spreadsheet export\"}".write(to: dir.appendingPathComponent("foreign.json"), atomically: true, encoding: .utf8)
        try "{\"schema\": \"gaizao.proposal/3\"}".write(to: dir.appendingPathComponent("future.json"), atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["compare", "good.json", "broken.json", "foreign.json", "future.json", "missing.json", "-o", "out"], in: dir)
        #expect(r.status == 1 && !r.crashed)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(r.stderr)")
        #expect(lines.first?.hasPrefix("error: broken.json: not valid JSON") == true)
        #expect(lines.dropFirst().first == "error: foreign.json: not a gaizao proposal: no `schema` field (expected \"gaizao.proposal/2\")")
        #expect(lines.dropFirst(2).first == "error: future.json: unsupported schema \"gaizao.proposal/3\"; this gaizao reads \"gaizao.proposal/2\", \"gaizao.proposal/1\"")
        #expect(lines.last == "error: missing.json: no such file")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))

        var truncated = try RenderFixtures.proposal("auto-parts-midsize").jsonText()
        truncated = truncated.replacingOccurrences(of: "\"enterprise\": {", with: "\"enterprize\": {")
        try truncated.write(to: dir.appendingPathComponent("renamed.json"), atomically: true, encoding: .utf8)
        let renamed = try GaizaoBinary.run(["compare", "good.json", "renamed.json"], in: dir)
        #expect(renamed.status == 1)
        #expect(renamed.stderr == "error: renamed.json: not a valid gaizao.proposal/2 proposal: missing key `enterprise`\n")
    }

    @Test func usageErrorsExitTwo() throws {
        let dir = try Self.folder(.threeProposals)
        defer { try? FileManager.default.removeItem(at: dir) }
        var r = try GaizaoBinary.run(["compare", "reference.json"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("compare needs at least two proposal JSON files (given 1)"))
        r = try GaizaoBinary.run(["compare", "reference.json", "contractor-a.json", "--format", "json,md", "-o", "-"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("`-o -` prints exactly one text format"))
        r = try GaizaoBinary.run(["compare", "reference.json", "contractor-a.json", "--format", "json", "-o", "-"], in: dir)
        #expect(r.status == 0 && r.stdout.hasPrefix("{"))
        r = try GaizaoBinary.run(["compare", "reference.json", "contractor-a.json", "budget-60.json", "--mode", "before-after"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("--mode before-after compares exactly two proposals (given 3)"))
        r = try GaizaoBinary.run(["compare", "reference.json", "contractor-a.json", "--mode", "sideways"], in: dir)
        #expect(r.status == 2 && !r.crashed)
        r = try GaizaoBinary.run(["compare", "reference.json", "contractor-a.json", "-o", "-"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("`-o -` prints exactly one text format"))
    }

    @Test func aTemplateFolderWithoutCompareTemplatesIsAnError() throws {
        let dir = try Self.folder(.twoContractors)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A contractor's copy made before `compare` existed: proposal templates only.
        let templates = dir.appendingPathComponent("old-templates")
        try FileManager.default.createDirectory(at: templates.appendingPathComponent("partials"), withIntermediateDirectories: true)
        for (relative, file) in RenderFixtures.templateFiles where !relative.contains("compare") {
            try file.text.write(to: templates.appendingPathComponent(relative), atomically: true, encoding: .utf8)
        }
        let r = try GaizaoBinary.run(["compare", "ha-contractor-a.json", "ha-contractor-b.json", "--templates", "old-templates", "--format", "md", "-o", "out"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: missing required template compare.md.mustache in old-templates"))
        #expect(!r.stderr.contains("compare.html.mustache"), "only the formats asked for are required")
        let proposal = try GaizaoBinary.run(["diagnose", RenderFixtures.root + "/examples/auto-parts-midsize.yaml", "--templates", "old-templates", "--format", "md", "-o", "out"], in: dir)
        #expect(proposal.status == 0, "the proposal still renders from such a folder: \(proposal.stderr)")
    }

    /// One enterprise planned with two target levels into two folders gives two files of the same name: the
    /// columns say the target each aims at, not "(1)" and "(2)"; the paths stay listed, and in comparison.json.
    @Test func sameFileNamesAreLabelledByWhatDiffers() throws {
        let dir = TestScratch.url("compare")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let answers = RenderFixtures.root + "/examples/home-appliance-midsize.yaml"
        for (folder, level) in [("t2", "2"), ("t3", "3")] {
            let r = try GaizaoBinary.run(["diagnose", answers, "-o", folder, "--format", "json", "--target-level", level], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let files = ["t2/home-appliance-midsize.json", "t3/home-appliance-midsize.json"]
        let r = try GaizaoBinary.run(["compare"] + files + ["-o", "out", "--format", "md,json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let md = try Self.read(dir.appendingPathComponent("out/comparison.md"))
        #expect(md.contains("| 项目 | 目标2级 | 目标3级 |"))
        #expect(md.contains("| **目标2级** |") && md.contains("| t2/home-appliance-midsize.json |"))
        #expect(!md.contains("(1)") && !md.contains("(2)"))
        let json = try JSONDecoder().decode(ComparisonJSON.self, from: Data(contentsOf: dir.appendingPathComponent("out/comparison.json")))
        #expect(json.proposals.map(\.label) == ["目标2级", "目标3级"] && json.proposals.map(\.source) == files)
        let en = try GaizaoBinary.run(["compare"] + files + ["-o", "en", "--format", "md", "--lang", "en"], in: dir)
        #expect(en.status == 0, "\(en.stderr)")
        #expect(try Self.read(dir.appendingPathComponent("en/comparison.md")).contains("| Item | target level 2 | target level 3 |"))
        // Nothing recorded differs (the same proposal in two folders): the folders tell them apart.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("copy"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: dir.appendingPathComponent(files[0]), to: dir.appendingPathComponent("copy/home-appliance-midsize.json"))
        let same = try GaizaoBinary.run(["compare", files[0], "copy/home-appliance-midsize.json", "-o", "same", "--format", "json"], in: dir)
        #expect(same.status == 0, "\(same.stderr)")
        let copies = try JSONDecoder().decode(ComparisonJSON.self, from: Data(contentsOf: dir.appendingPathComponent("same/comparison.json")))
        #expect(copies.proposals.map(\.label) == ["home-appliance-midsize · t2", "home-appliance-midsize · copy"])
    }
}
