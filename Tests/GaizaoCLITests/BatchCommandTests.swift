import Foundation
@testable import GaizaoCLI
@testable import GaizaoCore
import Testing

/// `gaizao batch` through the real binary: results, summary, failures, hostile names, interruption.
@Suite(.serialized) struct BatchCommandTests {
    static let root = GaizaoBinary.repositoryRoot

    static func tempDir() -> URL {
        let url = TestScratch.url("batch")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func summaryRows(_ dir: URL) throws -> [[String: String]] {
        let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent("summary.csv")))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "summary.csv starts with a UTF-8 byte order mark (Excel)")
        let text = try #require(String(validating: bytes.dropFirst(3), as: UTF8.self))
        let lines = try CSVReader.rows(text).map(\.fields)
        let header = lines[0]
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func examplesGiveAFolderEachAndAHandCheckedSummary() throws {
        let out = Self.tempDir()
        let r = try GaizaoBinary.run(["batch", Self.root.appendingPathComponent("examples").path, "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Self.summaryRows(out)
        #expect(rows.count == 6)
        // auto-parts-midsize, checked by hand in ScoringTests: 44.1 points, level 2.
        let midsize = try #require(rows.first { $0["input"]?.hasSuffix("auto-parts-midsize.yaml") == true })
        #expect(midsize["points_now"] == "44.1" && midsize["level_now"] == "2" && midsize["status"] == "ok")
        // Every row agrees with a single `diagnose` of the same file.
        for row in rows {
            let folder = out.appendingPathComponent(row["folder"]!)
            for f in ["proposal.md", "proposal.html", "proposal.json"] {
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(f).path), "\(f) missing in \(folder.lastPathComponent)")
            }
            let p = try Proposal.decode(json: String(contentsOf: folder.appendingPathComponent("proposal.json"), encoding: .utf8))
            #expect(row["investment_high_yuan"] == String(p.totals.investment.highYuan))
            #expect(row["subsidy_low_yuan"] == String(p.totals.subsidy.lowYuan))
            #expect(row["level_after"] == String(p.after.level))
        }
        let html = try String(contentsOf: out.appendingPathComponent("summary.html"), encoding: .utf8)
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        // The city dashboard (issue 17): names not ids, the pilot goal by sub-industry and town, links to proposals.
        #expect(html.contains("试点目标：按细分行业") && html.contains("按镇街") && html.contains("场景 × 等级"))
        #expect(html.contains(">家电<") && html.contains(">汽车零部件<") && !html.contains(">auto-parts<") && !html.contains(">home-appliance<"))
        for row in rows {
            let link = "href=\"" + BatchSummaryHTML.href(row["folder"]!, "proposal.html") + "\""
            #expect(html.contains(link), "no link to \(row["folder"]!)")
        }
        // Points with one decimal, a range whose ends agree as one figure.
        #expect(!html.contains(#/\d+\.\d\d+ → /#), "points are shown with one decimal")
        #expect(!html.contains(#/>(\d+(\.\d+)?)–\1</#), "no `70–70`")
        #expect(Self.scratchFolders(out).isEmpty)
    }

    /// `diagnose -o` into the answers' own folder leaves proposal JSON beside the answers: a batch of that folder
    /// leaves the proposals out with a note instead of failing each as answers without `industry`; named on its
    /// own, a proposal is refused as what it is.
    @Test func proposalsBesideTheAnswersAreLeftOutOfAFolderBatch() throws {
        let dir = Self.tempDir()
        let answers = dir.appendingPathComponent("auto-parts-midsize.yaml")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("examples/auto-parts-midsize.yaml"), to: answers)
        let diagnose = try GaizaoBinary.run(["diagnose", answers.path, "-o", dir.path, "--format", "json"])
        #expect(diagnose.status == 0, "\(diagnose.stderr)")
        let out = dir.appendingPathComponent("out")
        let r = try GaizaoBinary.run(["batch", dir.path, "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("auto-parts-midsize.json: warning: a proposal gaizao wrote, not an answers file: left out"), "\(r.stderr)")
        #expect(try Self.summaryRows(out).map { $0["status"] } == ["ok"])
        let alone = try GaizaoBinary.run(["batch", dir.appendingPathComponent("auto-parts-midsize.json").path, "-o", dir.appendingPathComponent("out2").path])
        #expect(alone.status == 1)
        #expect(alone.stderr.contains("auto-parts-midsize.json:2:13: error: this is a file gaizao wrote (`gaizao.proposal/2`), not an answers file"), "\(alone.stderr)")
    }

    /// A batch written into its own input folder leaves summary.csv, summary.xlsx and errors.csv beside the answers:
    /// a later batch of that folder leaves them out with a note, instead of failing each as a table of enterprises.
    @Test func anEarlierBatchsSummaryInTheInputFolderIsLeftOut() throws {
        let dir = Self.tempDir()
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("examples/auto-parts-midsize.yaml"),
                                         to: dir.appendingPathComponent("auto-parts-midsize.yaml"))
        try "industry\nno-such-industry\n".write(to: dir.appendingPathComponent("broken.csv"), atomically: true, encoding: .utf8)
        let first = try GaizaoBinary.run(["batch", dir.path, "-o", dir.path])
        #expect(first.status == 1, "\(first.stderr)")
        for name in ["summary.csv", "summary.xlsx", "errors.csv"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name)")
        }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("broken.csv"))
        let out = dir.appendingPathComponent("out")
        let r = try GaizaoBinary.run(["batch", dir.path, "-o", out.path, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        for name in ["summary.csv", "summary.xlsx", "errors.csv"] {
            #expect(r.stderr.contains("\(name): warning: a batch summary gaizao wrote, not answers: left out"), "\(r.stderr)")
        }
        #expect(try Self.summaryRows(out).map { $0["status"] } == ["ok"])
        let zh = try GaizaoBinary.run(["batch", dir.path, "-o", dir.appendingPathComponent("out2").path, "--lang", "zh"])
        #expect(zh.stderr.contains("这是 gaizao 批量诊断生成的汇总，不是答卷：已跳过"), "\(zh.stderr)")
    }

    @Test func csvFieldsWithSeparatorsAreQuoted() {
        #expect(SummaryCSV.quote("plain 名称") == "plain 名称")
        #expect(SummaryCSV.quote("a,b") == "\"a,b\"")
        #expect(SummaryCSV.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(SummaryCSV.quote("line\nbreak") == "\"line\nbreak\"")
        // A CRLF is a single Character: it must still be quoted.
        #expect(SummaryCSV.quote("crlf\r\nbreak") == "\"crlf\r\nbreak\"")
        #expect(SummaryCSV.quote("=SUM(A1)") == "'=SUM(A1)")
        #expect(SummaryCSV.quote("-12") == "-12")
    }

    @Test func badRowsFailAloneAndNamesAreSanitized() throws {
        let dir = Self.tempDir(), out = dir.appendingPathComponent("out")
        let header = try GaizaoBinary.run(["questions", "--industry", "home-appliance", "--csv"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let columns = header.split(separator: ",").map(String.init)
        func row(_ values: [String: String]) -> String {
            columns.map { c in
                let v = values[c] ?? ""
                return v.contains(",") || v.contains("\"") ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
            }.joined(separator: ",")
        }
        let base = ["industry": "home-appliance", "employees": "40", "annual_revenue": "900", "ha_product_category": "kitchen",
                    "ha_brand_role": "own_brand", "ha_assembly_lines": "1"]
        var good = base; good["company_name"] = "../../etc/passwd"
        var twin = base; twin["company_name"] = "../../etc/passwd"
        var bad = base; bad["company_name"] = "坏数据厂"; bad["employees"] = "很多"
        let csv = [header, row(good), row(bad), row(twin)].joined(separator: "\n") + "\n"
        let file = dir.appendingPathComponent("firms.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["batch", file.path, "-o", out.path, "--format", "json"])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("firms.csv:3") && r.stderr.contains("error: answer to `employees`: must be a number, found `很多`"))
        #expect(!r.stderr.contains("error: firms.csv"), "the position is said once: \(r.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: out.path)
            .filter { !$0.hasSuffix(".csv") && !$0.hasSuffix(".html") && !$0.hasSuffix(".xlsx") && !$0.hasPrefix(".") }.sorted()
        #expect(folders == ["00001-etc_passwd", "00003-etc_passwd"])  // inside out/, distinct, no traversal
        let rows = try Self.summaryRows(out)
        #expect(rows.map { $0["status"] } == ["ok", "failed", "ok"])
    }

    @Test func jsonLinesOnStdinAndAThousandSyntheticEnterprises() throws {
        let catalog = try #require(Self.catalog)
        let dir = Self.tempDir()
        var lines = ""
        for i in 0..<1000 {
            let industry = catalog.industries[i % catalog.industries.count]
            lines += SyntheticAnswers.sheet(for: industry, catalog: catalog, seed: UInt64(5000 + i)).jsonLine() + "\n"
        }
        let input = dir.appendingPathComponent("in.jsonl")
        try lines.write(to: input, atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["batch", "-", "-o", dir.appendingPathComponent("out").path, "--format", "json"], stdin: input)
        #expect(r.status == 0, "\(r.stderr.prefix(500))")
        #expect(try Self.summaryRows(dir.appendingPathComponent("out")).count == 1000)
    }

    /// Damaged standard input: each bad line fails alone with its line number and reason, and the good lines
    /// (CRLF endings, blank lines, no newline at the very end) are still done.
    @Test func badJSONLinesFailAloneWithTheirLineNumbers() throws {
        let catalog = try #require(Self.catalog)
        let dir = Self.tempDir()
        func line(_ seed: UInt64) -> [UInt8] { Array(SyntheticAnswers.sheet(for: catalog.industries[0], catalog: catalog, seed: seed).jsonLine().utf8) }
        var bytes: [UInt8] = line(1) + Array("\r\n\r\n".utf8)                            // 1 good (CRLF), 2 blank
        bytes += [0xFF, 0xFE] + Array("{\"industry\": \"auto-parts\"}\n".utf8)               // 3 not UTF-8
        bytes += Array("{\"industry\": \"auto-parts\", \"answers\": {\"company_name\": \"".utf8)
            + [UInt8](repeating: UInt8(ascii: "x"), count: 5 << 20) + Array("\"}}\n".utf8)   // 4 longer than 4 MB
        bytes += Array("{\"industry\": \"auto-parts\", \"answers\": {\"employees\": 1, \"employees\": 2}}\n".utf8)  // 5 duplicate
        bytes += line(2)                                                                   // 6 good, no final newline
        let input = dir.appendingPathComponent("in.jsonl")
        try Data(bytes).write(to: input)
        let out = dir.appendingPathComponent("out")
        let r = try GaizaoBinary.run(["batch", "-", "-o", out.path, "--format", "json"], stdin: input)
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("stdin:3: error: not valid UTF-8 text"), "\(r.stderr)")
        #expect(r.stderr.contains("stdin:4: error: line of 5242940 bytes is more than the limit"), "\(r.stderr)")
        #expect(r.stderr.contains("stdin:5:56: error: duplicate key `employees` (first at column 40)"), "\(r.stderr)")
        let rows = try Self.summaryRows(out)
        #expect(rows.map { $0["status"] } == ["ok", "failed", "failed", "failed", "ok"])
        #expect(rows.map { $0["input"] } == ["stdin:1", "stdin:3", "stdin:4", "stdin:5", "stdin:6"])
    }

    /// Standard input saved with old Mac line ends (a lone CR) ran all its records together as one line. A lone CR
    /// ends a line as LF and CRLF do, each record keeps its line number, and a CRLF split between two blocks of the
    /// reader (the CR the last byte of one, the LF the first of the next) is still one line end.
    @Test func aLoneCarriageReturnEndsAJSONLine() throws {
        let catalog = try #require(Self.catalog)
        let dir = Self.tempDir()
        func line(_ seed: UInt64) -> [UInt8] { Array(SyntheticAnswers.sheet(for: catalog.industries[0], catalog: catalog, seed: seed).jsonLine().utf8) }
        let block = 1 << 16  // StdinLines reads 64 KiB at a time
        /// Spaces (JSON's own white space, or `with`) up to `offset`, where the next byte goes.
        func pad(_ bytes: inout [UInt8], to offset: Int, with byte: UInt8 = UInt8(ascii: " ")) {
            bytes += [UInt8](repeating: byte, count: offset - bytes.count)
        }
        var bytes = line(1)
        pad(&bytes, to: block - 1)
        bytes += Array("\r\n".utf8)                                                    // 1: CRLF across blocks 1 and 2
        bytes += line(2) + Array("\r".utf8)                                            // 2: lone CR
        bytes += Array("\r".utf8)                                                      // 3: blank
        bytes += Array("{\"industry\": \"auto-parts\", \"answers\": {\"employees\": 1, \"employees\": 2}}\r".utf8)  // 4: duplicate key
        bytes += line(5)
        pad(&bytes, to: 2 * block - 1)
        bytes += Array("\r".utf8)                                                      // 5: lone CR, last byte of block 2
        bytes += line(6) + Array("\r\n".utf8)                                          // 6: CRLF
        bytes += line(7) + Array("\r".utf8)                                            // 7: lone CR
        // 8: longer than the 4 MB limit, its lone CR the last byte of a block: the line ends there, not at line 9's end.
        let longStart = bytes.count
        bytes += Array("{\"industry\": \"auto-parts\", \"answers\": {\"company_name\": \"".utf8)
        pad(&bytes, to: 80 * block - 1, with: UInt8(ascii: "x"))
        bytes += Array("\r".utf8)
        let longBytes = bytes.count - longStart
        bytes += line(9) + Array("\r".utf8)                                            // 9: lone CR at the very end
        #expect(bytes[block - 1] == UInt8(ascii: "\r") && bytes[block] == UInt8(ascii: "\n"))
        #expect(bytes[2 * block - 1] == UInt8(ascii: "\r") && bytes[2 * block] == UInt8(ascii: "{"))
        #expect(bytes[80 * block - 1] == UInt8(ascii: "\r") && bytes[80 * block] == UInt8(ascii: "{") && longBytes > 4 << 20)
        let input = dir.appendingPathComponent("in.jsonl")
        try Data(bytes).write(to: input)
        let out = dir.appendingPathComponent("out")
        let r = try GaizaoBinary.run(["batch", "-", "-o", out.path, "--format", "json"], stdin: input)
        #expect(r.status == 1 && !r.crashed, "\(r.stderr)")
        #expect(r.stderr.contains("stdin:4:56: error: duplicate key `employees` (first at column 40)"), "\(r.stderr)")
        #expect(r.stderr.contains("stdin:8: error: line of \(longBytes) bytes is more than the limit"), "\(r.stderr)")
        let rows = try Self.summaryRows(out)
        #expect(rows.map { $0["input"] } == ["stdin:1", "stdin:2", "stdin:4", "stdin:5", "stdin:6", "stdin:7", "stdin:8", "stdin:9"], "\(r.stderr)")
        #expect(rows.map { $0["status"] } == ["ok", "ok", "failed", "ok", "ok", "ok", "failed", "ok"], "\(r.stderr)")
    }

    @Test func killedMidwayLeavesNoPartialResultAndARerunCompletes() throws {
        let catalog = try #require(Self.catalog)
        let dir = Self.tempDir()
        var lines = ""
        for i in 0..<600 {
            lines += SyntheticAnswers.sheet(for: catalog.industries[i % 2], catalog: catalog, seed: UInt64(9000 + i)).jsonLine() + "\n"
        }
        let input = dir.appendingPathComponent("in.jsonl")
        try lines.write(to: input, atomically: true, encoding: .utf8)
        for signal in [SIGKILL, SIGTERM] {
            let out = dir.appendingPathComponent("out-\(signal)")
            let process = try GaizaoBinary.start(["batch", "-", "-o", out.path], stdin: input)
            // Wait until some enterprises are done, then stop it.
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let done = ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { $0.hasPrefix("0") }.count
                if done >= 20 { break }
                usleep(20_000)
            }
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            if signal == SIGTERM { #expect(process.terminationStatus == 130) }
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.csv").path))
            // Every result folder in place is complete.
            for folder in try FileManager.default.contentsOfDirectory(atPath: out.path) where folder.hasPrefix("0") {
                for f in ["proposal.md", "proposal.html", "proposal.json"] {
                    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(folder).appendingPathComponent(f).path))
                }
            }
            if signal == SIGTERM {
                #expect(Self.scratchFolders(out).isEmpty)
            }
        }
        let out = dir.appendingPathComponent("out-\(SIGKILL)")
        let rerun = try GaizaoBinary.run(["batch", "-", "-o", out.path], stdin: input)
        #expect(rerun.status == 0)
        #expect(try Self.summaryRows(out).count == 600)
        #expect(Self.scratchFolders(out).isEmpty)
    }

    /// The batch's scratch folders left in `out` (`.gaizao-staging-…`).
    static func scratchFolders(_ out: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { $0.hasPrefix(".gaizao-staging") }
    }

    static let catalog: Catalog? = {
        let dir = root.appendingPathComponent("catalogs").path
        var files: [String: SourceFile] = [:]
        let e = FileManager.default.enumerator(atPath: dir)!
        while let rel = e.nextObject() as? String {
            guard rel.hasSuffix(".yaml") else { continue }
            files[rel] = SourceFile(path: rel, text: (try? String(contentsOfFile: dir + "/" + rel, encoding: .utf8)) ?? "")
        }
        return CatalogLoader.load(CatalogFiles(files: files), thorough: false).catalog
    }()
}
