import Foundation
import Testing

/// Batch and summary inputs a hostile-input sweep found mishandled: pipes that blocked for ever, standard input
/// with nothing on it counted as success, a user's files of the summary files' names replaced, a batch merged
/// twice, numbers that do not read, catalogs naming industries that are not ids, and thousands of unknown keys.
@Suite struct HostileBatchInputTests {
    static let examples = GaizaoBinary.repositoryRoot.appendingPathComponent("examples")

    static func tempDir() -> URL {
        let url = TestScratch.url("hostile")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A named pipe nobody writes to is read as empty (an error for that record), not waited on for ever: the
    /// run ends, the other enterprise is done, and the output folder is left without a staging folder or lock.
    @Test func aPipeWithoutAWriterIsAnEmptyInputNotAHang() throws {
        let dir = Self.tempDir()
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.examples.appendingPathComponent("auto-parts-midsize.yaml"),
                                         to: input.appendingPathComponent("a.yaml"))
        #expect(mkfifo(input.appendingPathComponent("p.yaml").path, 0o600) == 0)
        #expect(mkfifo(dir.appendingPathComponent("t.csv").path, 0o600) == 0)
        let r = try GaizaoBinary.run(["batch", "in", "t.csv", "-o", "out"], in: dir)
        #expect(r.status == 1 && !r.crashed, "\(r.stderr)")
        #expect(r.stderr.contains("p.yaml:1:1: error: file is empty"), "\(r.stderr)")
        #expect(r.stderr.contains("t.csv: error: not a regular file (a pipe or a device)"), "\(r.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        #expect(left.contains { $0.hasPrefix("00001-") })
        #expect(!left.contains { $0.hasPrefix(".gaizao-staging") }, "\(left)")
        let single = try GaizaoBinary.run(["diagnose", "in/p.yaml", "-o", "d"], in: dir)
        #expect(single.status == 1 && single.stderr.contains("file is empty"))
    }

    /// Standard input with no line, or that cannot be read, is no batch: exit 1 with the reason.
    @Test func emptyOrUnreadableStandardInputFails() throws {
        let dir = Self.tempDir()
        let empty = try GaizaoBinary.run(["batch", "-", "-o", "out"], in: dir)
        #expect(empty.status == 1, "\(empty.stdout)\(empty.stderr)")
        #expect(empty.stderr.contains("stdin: error: standard input held no line of answers"))
        let folder = try GaizaoBinary.run(["batch", "-", "-o", "out2"], in: dir, stdin: dir)
        #expect(folder.status == 1)
        #expect(folder.stderr.contains("stdin: error: cannot be read"), "\(folder.stderr)")
    }

    /// One enterprise's answers pretty-printed on standard input (JSON over several lines) are not JSON Lines: one
    /// error saying so, not one per line ("missing `industry`" at line 2, a syntax error at line 4, …).
    @Test func prettyPrintedJSONOnStandardInputIsOneClearError() throws {
        let dir = Self.tempDir()
        let file = dir.appendingPathComponent("one.json")
        try "{\n  \"gaizao_answers\": 1,\n  \"industry\": \"auto-parts\",\n  \"answers\": {}\n}\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["batch", "-", "-o", "out"], in: dir, stdin: file)
        #expect(r.status == 1)
        let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("stdin") }
        #expect(errors == ["stdin:1: error: standard input holds JSON spread over several lines, but `batch -` reads JSON Lines: each enterprise's answers as one JSON object on one line (for one enterprise, pass its .json file instead)"], "\(r.stderr)")
        let zh = try GaizaoBinary.run(["batch", "-", "-o", "out-zh"], in: dir, stdin: file, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.stderr.contains("stdin:1：错误：标准输入中的 JSON 分成了多行"), "\(zh.stderr)")
    }

    /// A file of the summary files' names that gaizao did not write is never replaced: a questionnaire workbook
    /// saved as summary.xlsx in the folder that is both input and output, or a user's summary.csv in the output.
    @Test func aUsersFileNamedLikeASummaryIsNeverReplaced() throws {
        let dir = Self.tempDir()
        let folder = dir.appendingPathComponent("SY")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let book = folder.appendingPathComponent("summary.xlsx")
        let written = try GaizaoBinary.run(["questions", "--industry", "auto-parts", "--xlsx", book.path], in: dir)
        #expect(written.status == 0)
        let before = try Data(contentsOf: book)
        let r = try GaizaoBinary.run(["batch", "SY", "-o", "SY"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("SY/summary.xlsx: not a file gaizao wrote, and this run would replace it"), "\(r.stderr)")
        #expect(try Data(contentsOf: book) == before)

        let other = dir.appendingPathComponent("W")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "name,employees\n甲,10\n".write(to: other.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
        let w = try GaizaoBinary.run(["batch", Self.examples.appendingPathComponent("auto-parts-midsize.yaml").path, "-o", "W"], in: dir)
        #expect(w.status == 1 && w.stderr.contains("W/summary.csv: not a file gaizao wrote"), "\(w.stderr)")
        #expect(try String(contentsOf: other.appendingPathComponent("summary.csv"), encoding: .utf8) == "name,employees\n甲,10\n")

        // gaizao's own files are replaced as before: a second batch into the same folder runs.
        let first = try GaizaoBinary.run(["batch", Self.examples.appendingPathComponent("auto-parts-midsize.yaml").path, "-o", "B"], in: dir)
        let second = try GaizaoBinary.run(["batch", Self.examples.appendingPathComponent("home-appliance-midsize.yaml").path, "-o", "B"], in: dir)
        #expect(first.status == 0 && second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("its summary.csv, summary.xlsx, summary.html and errors.csv are replaced"))
    }

    /// `summary` never merges into a batch's own folder (its summary lists its result folders) and merges each
    /// batch once.
    @Test func summaryKeepsABatchsOwnSummaryAndCountsEachBatchOnce() throws {
        let dir = Self.tempDir()
        let a = try GaizaoBinary.run(["batch", Self.examples.appendingPathComponent("auto-parts-midsize.yaml").path, "-o", "B1"], in: dir)
        let b = try GaizaoBinary.run(["batch", Self.examples.appendingPathComponent("home-appliance-midsize.yaml").path, "-o", "B2"], in: dir)
        #expect(a.status == 0 && b.status == 0)
        let before = try Data(contentsOf: dir.appendingPathComponent("B2/summary.csv"))
        let into = try GaizaoBinary.run(["summary", "B1", "-o", "B2"], in: dir)
        #expect(into.status == 1 && into.stderr.contains("B2: holds the result folders of a batch"), "\(into.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("B2/summary.csv")) == before)
        let twice = try GaizaoBinary.run(["summary", "B1", "B1", "-o", "M"], in: dir)
        #expect(twice.status == 1 && twice.stderr.contains("B1: given twice"), "\(twice.stderr)")
        let merged = try GaizaoBinary.run(["summary", "B1", "B2", "-o", "M"], in: dir)
        #expect(merged.status == 0, "\(merged.stderr)")
        let again = try GaizaoBinary.run(["summary", "B1", "B2", "-o", "M"], in: dir)
        #expect(again.status == 0, "a merge's own files are replaced: \(again.stderr)")
    }

    /// A batch of auto-parts-midsize into `dir/B1`, with the given columns of its summary.csv row set by hand (as
    /// a user editing the file would).
    static func batchWithEditedSummary(in dir: URL, _ edits: [String: String],
                                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let a = try GaizaoBinary.run(["batch", examples.appendingPathComponent("auto-parts-midsize.yaml").path, "-o", "B1"], in: dir)
        #expect(a.status == 0, sourceLocation: sourceLocation)
        let csv = dir.appendingPathComponent("B1/summary.csv")
        var lines = try String(contentsOf: csv, encoding: .utf8).components(separatedBy: "\n")
        let header = lines[0].dropFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for (column, value) in edits {
            cells[try #require(header.firstIndex(of: column), sourceLocation: sourceLocation)] = value
        }
        lines[1] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
    }

    /// Points that do not read as finite numbers (`NaN`, `1e400`) in a summary.csv are none, not `nan` in the
    /// merged dashboard and workbook; no batch writes them, so the row is failed (exit 1), as `--peers` refuses it.
    @Test func summaryReadsNonFiniteNumbersAsNone() throws {
        let dir = Self.tempDir()
        try Self.batchWithEditedSummary(in: dir, ["points_now": "NaN", "points_after": "1e400"])
        let merged = try GaizaoBinary.run(["summary", "B1", "-o", "M", "--lang", "en"], in: dir)
        #expect(merged.status == 1 && merged.stderr.contains("B1/summary.csv:2:6: error: `points_now` is `NaN`, not a number")
                && merged.stderr.contains("B1/summary.csv:2:8: error: `points_after` is `1e400`, not a number"), "\(merged.stderr)")
        for name in ["summary.csv", "summary.html"] {
            let text = try String(contentsOf: dir.appendingPathComponent("M/\(name)"), encoding: .utf8).lowercased()
            for junk in ["nan.0", ",nan,", ">nan<", "inf.0", ",inf,", ">inf<"] { #expect(!text.contains(junk), "\(name): \(junk)") }
        }
    }

    /// A figure of an `ok` row that is no number (an edited summary.csv) read as 0: the merged summary showed the
    /// enterprise as done with no investment. The row is now failed, saying which figure, where (file, row,
    /// column), and the merge exits 1.
    @Test func summaryFailsARowWhoseFigureIsNoNumber() throws {
        let dir = Self.tempDir()
        try Self.batchWithEditedSummary(in: dir, ["investment_high_yuan": "99999999999999999999999"])
        let merged = try GaizaoBinary.run(["summary", "B1", "-o", "M", "--lang", "en"], in: dir)
        #expect(merged.status == 1 && merged.stdout.contains("0 ok, 1 failed"), "\(merged.stdout)\(merged.stderr)")
        #expect(merged.stderr.contains("B1/summary.csv:2:12: error: `investment_high_yuan` is `99999999999999999999999`, not a number"), "\(merged.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent("M/summary.csv"), encoding: .utf8)
        #expect(text.contains("`investment_high_yuan` is `99999999999999999999999`, not a number"), "\(text)")
    }

    /// An edited summary.csv with figures no batch writes — levels 9 and 7, a negative investment whose low end is
    /// above its high end, an industry the catalog does not have, the row copied twice — was merged as "2 ok": the
    /// dashboard showed a negative total, the levels capped at 4 without a word and the enterprise counted twice.
    /// Each such row is now failed with its file, row and column named, and the merge exits 1.
    @Test func summaryFailsRowsWithImpossibleFigures() throws {
        let dir = Self.tempDir()
        try Self.batchWithEditedSummary(in: dir, ["level_now": "9", "level_after": "7", "investment_low_yuan": "-99999999",
                                                  "investment_high_yuan": "-5", "industry": "steel"])
        let csv = dir.appendingPathComponent("B1/summary.csv")
        var lines = try String(contentsOf: csv, encoding: .utf8).components(separatedBy: "\n")
        lines.insert(lines[1], at: 2)
        try lines.joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        let header = lines[0].dropFirst().split(separator: ",").map(String.init)
        func column(_ name: String) -> Int { (header.firstIndex(of: name) ?? -1) + 1 }

        let merged = try GaizaoBinary.run(["summary", "B1", "-o", "M", "--lang", "en"], in: dir)
        #expect(merged.status == 1 && !merged.crashed, "\(merged.stderr)")
        #expect(merged.stdout.contains("0 ok, 2 failed"), "\(merged.stdout)")
        for (row, name, message) in [(2, "industry", "`industry` is `steel`, not an industry of the catalog (auto-parts, home-appliance)"),
                                     (2, "level_now", "`level_now` is `9`, not a level (0 to 4)"),
                                     (2, "level_after", "`level_after` is `7`, not a level (0 to 4)"),
                                     (2, "investment_low_yuan", "`investment_low_yuan` is `-99999999`, below 0"),
                                     (2, "investment_high_yuan", "`investment_high_yuan` is `-5`, below 0"),
                                     (3, "level_now", "`level_now` is `9`, not a level (0 to 4)")] {
            #expect(merged.stderr.contains("B1/summary.csv:\(row):\(column(name)): error: \(message): the summary.csv was edited; run the batch again"),
                    "\(row) \(name): \(merged.stderr)")
        }
        let errors = try String(contentsOf: dir.appendingPathComponent("M/errors.csv"), encoding: .utf8)
        // errors.csv names the column by its letter, as for any spreadsheet (level_now is the 7th, G).
        #expect(column("level_now") == 7 && errors.contains("B1/summary.csv,2,G,,\"`level_now` is `9`, not a level"), "\(errors)")

        // Figures a batch does write, and the same row given twice: the copy is refused, the first one counted.
        let fresh = Self.tempDir()
        try Self.batchWithEditedSummary(in: fresh, [:])
        let freshCSV = fresh.appendingPathComponent("B1/summary.csv")
        var clean = try String(contentsOf: freshCSV, encoding: .utf8).components(separatedBy: "\n")
        clean.insert(clean[1], at: 2)
        try clean.joined(separator: "\n").write(to: freshCSV, atomically: true, encoding: .utf8)
        let twice = try GaizaoBinary.run(["summary", "B1", "-o", "M2", "--lang", "en"], in: fresh)
        #expect(twice.status == 1 && twice.stdout.contains("1 ok, 1 failed"), "\(twice.stdout)\(twice.stderr)")
        #expect(twice.stderr.contains("B1/summary.csv:3: error: repeats B1/summary.csv:2 (the same result folder `../B1/00001-"), "\(twice.stderr)")
        let zh = try GaizaoBinary.run(["summary", "B1", "-o", "M3", "--lang", "zh"], in: fresh)
        #expect(zh.status == 1 && zh.stderr.contains("B1/summary.csv:3：错误：与 B1/summary.csv:2 重复（同一个结果文件夹"), "\(zh.stderr)")

        // The unedited file merges as before.
        clean.remove(at: 2)
        try clean.joined(separator: "\n").write(to: freshCSV, atomically: true, encoding: .utf8)
        let once = try GaizaoBinary.run(["summary", "B1", "-o", "M4", "--lang", "en"], in: fresh)
        #expect(once.status == 0 && once.stdout.contains("1 ok, 0 failed"), "\(once.stdout)\(once.stderr)")
    }

    /// The net cost and scene levels of an edited summary.csv were merged as they read: a net cost below 0, above the
    /// investment or not the investment less the subsidy, a scene at level 7, a scene listed twice. Each is now a
    /// located problem of a failed row (exit 1), in both languages.
    @Test func summaryFailsRowsWithImpossibleNetCostsOrSceneLevels() throws {
        /// A batch of one example in `dir/B1`, its row edited by `edit` (cells by column name), and the header.
        func batch(in dir: URL, _ edit: (inout [String: String]) -> Void) throws -> [String] {
            try Self.batchWithEditedSummary(in: dir, [:])
            let csv = dir.appendingPathComponent("B1/summary.csv")
            var lines = try String(contentsOf: csv, encoding: .utf8).components(separatedBy: "\n")
            let header = lines[0].dropFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var cells = Dictionary(uniqueKeysWithValues: zip(header, lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
            edit(&cells)
            lines[1] = header.map { cells[$0] ?? "" }.joined(separator: ",")
            try lines.joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
            return header
        }
        func column(_ header: [String], _ name: String) -> Int { (header.firstIndex(of: name) ?? -1) + 1 }
        let edited = ": the summary.csv was edited; run the batch again"

        // Net cost below 0 and above the investment; one scene at level 7, one given twice, one entry no `scene=level`.
        let dir = Self.tempDir()
        var investmentHigh = "", firstScene = "", secondScene = ""
        let header = try batch(in: dir) { cells in
            investmentHigh = cells["investment_high_yuan"]!
            cells["net_low_yuan"] = "-100"
            cells["net_high_yuan"] = String(Int(investmentHigh)! + 100)
            var scenes = cells["scene_levels"]!.split(separator: ";").map(String.init)
            firstScene = String(scenes[0].split(separator: "=")[0])
            secondScene = String(scenes[1].split(separator: "=")[0])
            scenes[0] = firstScene + "=7"
            scenes += [secondScene + "=1", "x"]
            cells["scene_levels"] = scenes.joined(separator: ";")
        }
        let merged = try GaizaoBinary.run(["summary", "B1", "-o", "M", "--lang", "en"], in: dir)
        #expect(merged.status == 1 && !merged.crashed && merged.stdout.contains("0 ok, 1 failed"), "\(merged.stdout)\(merged.stderr)")
        let scenes = column(header, "scene_levels")
        for (name, message) in [("net_low_yuan", "`net_low_yuan` is `-100`, below 0"),
                                ("net_high_yuan", "`net_high_yuan` is `\(Int(investmentHigh)! + 100)`, above `investment_high_yuan` (`\(investmentHigh)`)"),
                                ("scene_levels", "`scene_levels` holds `x`, not `scene=level` with a level 0 to 4"),
                                ("scene_levels", "`scene_levels` gives scene `\(secondScene)` twice"),
                                ("scene_levels", "`scene_levels` gives scene `\(firstScene)` level `7`, not a level (0 to 4)")] {
            #expect(merged.stderr.contains("B1/summary.csv:2:\(column(header, name)): error: \(message)\(edited)"), "\(name): \(merged.stderr)")
        }
        #expect(scenes == 22)
        let zh = try GaizaoBinary.run(["summary", "B1", "-o", "M-zh", "--lang", "zh"], in: dir, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 1 && zh.stderr.contains("B1/summary.csv:2:\(scenes)：错误：`scene_levels` 给场景 `\(firstScene)` 的等级为 `7`，不是有效等级（0 到 4）：summary.csv 被改过"), "\(zh.stderr)")

        // The investment's low end raised without the net cost (still between 0 and the investment): not their difference.
        let other = Self.tempDir()
        var netLow = 0, expected = 0
        let otherHeader = try batch(in: other) { cells in
            netLow = Int(cells["net_low_yuan"]!)!
            cells["investment_low_yuan"] = String(Int(cells["investment_low_yuan"]!)! + 100)
            expected = Int(cells["investment_low_yuan"]!)! - Int(cells["subsidy_low_yuan"]!)!
        }
        let difference = try GaizaoBinary.run(["summary", "B1", "-o", "M", "--lang", "en"], in: other)
        #expect(difference.status == 1, "\(difference.stderr)")
        #expect(difference.stderr.contains("B1/summary.csv:2:\(column(otherHeader, "net_low_yuan")): error: `net_low_yuan` is `\(netLow)`, not `investment_low_yuan` less `subsidy_low_yuan` (`\(expected)`)\(edited)"), "\(difference.stderr)")
        let differenceZh = try GaizaoBinary.run(["summary", "B1", "-o", "M-zh", "--lang", "zh"], in: other, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(differenceZh.stderr.contains("`net_low_yuan` 为 `\(netLow)`，不等于 `investment_low_yuan` 减 `subsidy_low_yuan`（`\(expected)`）：summary.csv 被改过"), "\(differenceZh.stderr)")
    }

    /// The net cost's ends are not checked against each other: a subsidy scheme with a minimum investment that only
    /// the high estimate reaches subsidises the high end alone, and a real batch writes a net cost whose low end is
    /// above its high end (here a contractor's narrow prices put the new-IT scheme's base at 29.75–30.13 万元, its
    /// minimum 30). `summary` merges that batch as it is.
    @Test func summaryMergesARealBatchWhoseNetCostEndsAreReversed() throws {
        let dir = Self.tempDir()
        let catalog = dir.appendingPathComponent("catalog")
        try FileManager.default.copyItem(at: GaizaoBinary.shippedCatalogs, to: catalog)
        let overlay = catalog.appendingPathComponent("overlays/example-ap-contractor-a.yaml")
        var text = try String(contentsOf: overlay, encoding: .utf8)
        text = text.replacing(#/small: \[[0-9.]+, [0-9.]+\]/#, with: "small: [3.7, 3.75]")
        text = text.replacingOccurrences(of: "\nmodules:\n", with: """

            modules:
              ap-p-energy:
                cost: {micro: [1, 2], small: [4.7, 4.75], medium: [5, 6]}
              ap-p-safety:
                cost: {micro: [1, 2], small: [4.7, 4.75], medium: [5, 6]}

            """)
        try text.write(to: overlay, atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["batch", Self.examples.appendingPathComponent("auto-parts-midsize.yaml").path, "-o", "B1",
                                      "--catalog", catalog.path, "--contractor", "example-ap-contractor-a", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let row = try #require(try BatchCommandTests.summaryRows(dir.appendingPathComponent("B1")).first)
        let netLow = try #require(row["net_low_yuan"].flatMap { Int($0) }), netHigh = try #require(row["net_high_yuan"].flatMap { Int($0) })
        #expect(netLow > netHigh, "\(row)")
        let merged = try GaizaoBinary.run(["summary", "B1", "-o", "M", "--catalog", catalog.path, "--lang", "en"], in: dir)
        #expect(merged.status == 0 && merged.stdout.contains("1 ok, 0 failed"), "\(merged.stdout)\(merged.stderr)")
    }

    /// A catalog naming an industry that is not an id (a path, a name with a space) is a located lint error.
    @Test func lintRefusesIndustryIdsThatAreNotIds() throws {
        let dir = Self.tempDir()
        let catalog = dir.appendingPathComponent("cat")
        try FileManager.default.copyItem(at: GaizaoBinary.repositoryRoot.appendingPathComponent("catalogs"), to: catalog)
        let manifest = catalog.appendingPathComponent("catalog.yaml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "industries: [auto-parts, home-appliance]",
                                      with: "industries: [auto-parts, home-appliance, \"Bad Id\", ../../etc]")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["lint", "--catalog", "cat"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("cat/catalog.yaml:14:42: error: `Bad Id` is not a valid id") || r.stdout.contains("cat/catalog.yaml:14:42: error: `Bad Id` is not a valid id"), "\(r.stdout)\(r.stderr)")
        #expect((r.stdout + r.stderr).contains("`../../etc` is not a valid id"))
    }

    /// Thousands of unknown questions are reported up to a limit and counted, not one line each.
    @Test func thousandsOfUnknownQuestionsAreCounted() throws {
        let dir = Self.tempDir()
        let lines = ["industry: auto-parts", "answers:"] + (0..<5_000).map { "  junk_\($0): 1" }
        try lines.joined(separator: "\n").write(to: dir.appendingPathComponent("junk.yaml"), atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["diagnose", "junk.yaml", "-o", "out"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("4950 more unknown questions for industry `auto-parts` (the first 50 are reported above)"), "\(r.stderr.suffix(500))")
        #expect(r.stderr.components(separatedBy: "unknown question `").count - 1 == 50)
    }

    /// Small ones: a JSON Lines file says where JSON Lines go; a file in the way of the output folder says so (in
    /// Chinese too, with the system's reason translated); a workbook is never written to `-` or without .xlsx.
    @Test func messagesSayWhatToDo() throws {
        let dir = Self.tempDir()
        try "{}\n".write(to: dir.appendingPathComponent("x.jsonl"), atomically: true, encoding: .utf8)
        let jsonl = try GaizaoBinary.run(["batch", "x.jsonl", "-o", "jl"], in: dir)
        #expect(jsonl.status == 1 && jsonl.stderr.contains("x.jsonl: error: JSON Lines are read from standard input: gaizao batch - -o DIR < FILE"), "\(jsonl.stderr)")
        try Data().write(to: dir.appendingPathComponent("afile"))
        let inTheWay = try GaizaoBinary.run(["diagnose", Self.examples.appendingPathComponent("auto-parts-midsize.yaml").path, "-o", "afile", "--lang", "zh"], in: dir)
        #expect(inTheWay.status == 1 && inTheWay.stderr.contains("afile：无法创建输出文件夹（已有同名文件）"), "\(inTheWay.stderr)")
        let dash = try GaizaoBinary.run(["questions", "--industry", "auto-parts", "--xlsx", "-"], in: dir)
        #expect(dash.status == 2 && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path))
    }

    /// `--budget` takes decimal 万元 only, in explain as in diagnose: `0x10`, `1e2` and `inf` are usage errors
    /// (`Double` would read them), and explain checks the range too.
    @Test func budgetsAreDecimal() throws {
        let example = Self.examples.appendingPathComponent("auto-parts-midsize.yaml").path
        for command in ["diagnose", "explain"] {
            for bad in ["0x10", "1e2", "inf", "nan"] {
                let r = try GaizaoBinary.run([command, example, "--budget", bad, "-o", "-", "--format", "json"].filter { command == "diagnose" || !["-o", "-", "--format", "json"].contains($0) })
                #expect(r.status == 2 && r.stderr.contains("The value '\(bad)' is invalid for '--budget <budget>'"), "\(command) \(bad): \(r.stderr)")
            }
            let negative = try GaizaoBinary.run([command, example, "--budget", "-5"])
            #expect(negative.status == 2 && negative.stderr.contains("--budget must be a positive number of 万元, found -5"), "\(command): \(negative.stderr)")
        }
        let ok = try GaizaoBinary.run(["diagnose", example, "--budget", "85.5", "-o", "-", "--format", "json"])
        #expect(ok.status == 0)
    }

    /// An answer megabytes long where an option or the industry is expected: the message quotes its start and its
    /// length, so standard error, errors.csv and the summaries stay small (they held the whole value, 4 MB each).
    @Test func aHugeUnknownValueIsNotCopiedIntoEveryMessage() throws {
        let dir = Self.tempDir()
        let huge = String(repeating: "y", count: 1_000_000)
        let example = try String(contentsOf: Self.examples.appendingPathComponent("auto-parts-small-workshop.yaml"), encoding: .utf8)
        #expect(example.contains("it_staff: none"))
        try example.replacingOccurrences(of: "it_staff: none", with: "it_staff: " + huge)
            .write(to: dir.appendingPathComponent("bigopt.yaml"), atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["diagnose", "bigopt.yaml", "-o", "out", "--lang", "en"], in: dir)
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.utf8.count < 4_000, "\(r.stderr.utf8.count) bytes")
        #expect(r.stderr.contains("error: `yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…` (1000000 characters) is not an option of `it_staff`; options: "), "\(r.stderr.prefix(300))")
        try ("industry,company_name\n" + String(repeating: "x", count: 1_000_000) + ",甲\n")
            .write(to: dir.appendingPathComponent("bigcell.csv"), atomically: true, encoding: .utf8)
        let batch = try GaizaoBinary.run(["batch", "bigcell.csv", "-o", "outb"], in: dir, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(batch.status == 1 && !batch.crashed)
        #expect(batch.stderr.utf8.count < 4_000, "\(batch.stderr.utf8.count) bytes")
        #expect(batch.stderr.contains("bigcell.csv:2:1：错误：未知行业 `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…`（1000000 个字符）；目录中有："), "\(batch.stderr.prefix(300))")
        for name in ["errors.csv", "summary.csv", "summary.html"] {
            let size = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("outb/\(name)").path)[.size] as? Int ?? 0
            #expect(size < 20_000, "\(name): \(size) bytes")
        }
    }
}
