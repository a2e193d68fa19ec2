import Foundation
@testable import GaizaoCLI
@testable import GaizaoCore
import Testing

/// Spreadsheets as contractors use them (issue 17): CSV as Excel saves it (GB18030 or UTF-8 with a BOM, CRLF,
/// cells with line breaks), option labels instead of ids, every error once and all of them in errors.csv.
@Suite(.serialized) struct BatchSpreadsheetTests {
    static func tempDir() -> URL { BatchCommandTests.tempDir() }

    /// The home-appliance CSV header and a row builder (values by column id, quoted as Excel quotes).
    static func table() throws -> (header: String, row: ([String: String]) -> String) {
        let header = try GaizaoBinary.run(["questions", "--industry", "home-appliance", "--csv"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let columns = header.split(separator: ",").map(String.init)
        return (header, { values in
            columns.map { c in
                let v = values[c] ?? ""
                return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
            }.joined(separator: ",")
        })
    }

    static let base = ["industry": "home-appliance", "employees": "40", "annual_revenue": "900", "ha_product_category": "kitchen",
                       "ha_brand_role": "own_brand", "ha_assembly_lines": "1"]

    /// UTF-8 text converted to GB18030 by the system's `iconv` command, as Excel on Chinese Windows saves CSV.
    static func gb18030(_ text: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    static func errorsCSV(_ out: URL) throws -> [[String: String]] {
        let bytes = [UInt8](try Data(contentsOf: out.appendingPathComponent("errors.csv")))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "errors.csv starts with a UTF-8 byte order mark")
        let rows = try CSVReader.rows(try #require(String(validating: bytes.dropFirst(3), as: UTF8.self))).map(\.fields)
        #expect(rows.first == ["file", "row", "column", "question", "message"])
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(rows[0], $0)) }
    }

    @Test func csvRowsAreTheSpreadsheetsRowNumbers() throws {
        // CRLF endings, a cell holding two line breaks (one row in a spreadsheet), a blank row.
        let text = "industry,name\r\na,\"line one\r\nline two\nline three\"\r\n\r\nb,plain\r\n,,\r\nc,\"say \"\"hi\"\"\"\r\n"
        let rows = try CSVReader.rows(text)
        #expect(rows.map(\.row) == [1, 2, 4, 6])
        #expect(rows[1].fields == ["a", "line one\nline two\nline three"])
        #expect(rows[3].fields == ["c", "say \"hi\""])
        #expect(throws: CSVReader.Failure.self) { try CSVReader.rows("a,b\nc,\"open\n") }
    }

    @Test func gb18030IsDecodedAndOtherBytesAreLocated() throws {
        let gb = [UInt8](try Self.gb18030("industry,town\r\n家电,观海卫镇\r\n"))
        #expect(String(validating: gb, as: UTF8.self) == nil)
        let decoded = try SpreadsheetText.decode(gb).get()
        #expect(decoded.encoding == .gb18030 && decoded.text == "industry,town\r\n家电,观海卫镇\r\n")
        // A UTF-8 byte order mark is dropped.
        #expect(try SpreadsheetText.decode([0xEF, 0xBB, 0xBF] + Array("a,b".utf8)).get().text == "a,b")
        // Neither encoding: the bytes 0xFF are not text in either; the position is said.
        let bad = Array("industry,town\nok,".utf8) + [0xFF, 0xFF]
        guard case let .failure(where_) = SpreadsheetText.decode(bad) else { Issue.record("0xFF decoded"); return }
        #expect(where_.line == 2 && where_.column == 4)
    }

    @Test func anExcelGB18030CSVWithCRLFBatchesWithRightRowNumbers() throws {
        let dir = Self.tempDir(), out = dir.appendingPathComponent("out")
        let (header, row) = try Self.table()
        var good = Self.base; good["company_name"] = "慈溪甲乙电器有限公司"; good["main_products"] = "电风扇\n取暖器"
        var bad = Self.base; bad["company_name"] = "坏数据厂"; bad["employees"] = "很多"
        var third = Self.base; third["company_name"] = "慈溪丙丁电器"
        let csv = [header, row(good), row(bad), row(third)].joined(separator: "\r\n") + "\r\n"
        let file = dir.appendingPathComponent("excel.csv")
        try Self.gb18030(csv).write(to: file)
        let r = try GaizaoBinary.run(["batch", file.path, "-o", out.path, "--format", "json"])
        #expect(r.status == 1 && !r.crashed, "\(r.stderr)")
        // The bad enterprise is spreadsheet row 3 (the cell with a line break does not shift it), column of `employees`.
        let employeesColumn = header.split(separator: ",").firstIndex(of: "employees")! + 1
        #expect(r.stderr.contains("excel.csv:3:\(employeesColumn): error: answer to `employees`: must be a number, found `很多`"), "\(r.stderr)")
        let rows = try BatchCommandTests.summaryRows(out)
        #expect(rows.map { $0["status"] } == ["ok", "failed", "ok"])
        #expect(rows.map { $0["enterprise"] ?? "" }.first == "慈溪甲乙电器有限公司")
        #expect(rows[1]["input"]?.hasSuffix("excel.csv:3") == true)
    }

    @Test func optionLabelsAreAcceptedAsIdsAreAndUnknownOnesGetTheNearest() throws {
        let dir = Self.tempDir(), out = dir.appendingPathComponent("out")
        let (header, row) = try Self.table()
        var labels = Self.base
        labels["industry"] = "家电"; labels["company_name"] = "标签厂"; labels["it_staff"] = "有人兼职负责"
        labels["ha_product_category"] = "厨房电器"; labels["ha_brand_role"] = "以自主品牌为主"
        var english = Self.base; english["company_name"] = "English labels"; english["it_staff"] = "someone does it part-time"; english["ha_product_category"] = "Kitchen appliances"
        var unknown = Self.base; unknown["company_name"] = "未知厂"; unknown["ha_product_category"] = "small"
        let csv = [header, row(labels), row(english), row(unknown)].joined(separator: "\n") + "\n"
        let file = dir.appendingPathComponent("labels.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["batch", file.path, "-o", out.path, "--format", "json"])
        let rows = try BatchCommandTests.summaryRows(out)
        #expect(rows.map { $0["status"] } == ["ok", "ok", "failed"], "\(r.stderr)")
        #expect(rows[0]["industry"] == "home-appliance")
        #expect(r.stderr.contains("`small` is not an option (did you mean `small_appliance`?); options: small_appliance (小家电"), "\(r.stderr)")
        // The proposal holds the ids, not the labels typed.
        let folder = out.appendingPathComponent(try #require(rows[0]["folder"]))
        let p = try Proposal.decode(json: String(contentsOf: folder.appendingPathComponent("proposal.json"), encoding: .utf8))
        #expect(p.enterprise.industry == "home-appliance")
    }

    @Test func labelsInAnAnswersFileToo() throws {
        let dir = Self.tempDir()
        var text = try String(contentsOf: GaizaoBinary.repositoryRoot.appendingPathComponent("examples/home-appliance-midsize.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "industry: home-appliance", with: "industry: 家电")
            .replacingOccurrences(of: "it_staff: part_time", with: "it_staff: 有人兼职负责")
        let file = dir.appendingPathComponent("labels.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let withLabels = try GaizaoBinary.run(["diagnose", file.path, "--format", "json", "-o", dir.appendingPathComponent("a").path])
        #expect(withLabels.status == 0, "\(withLabels.stderr)")
        let withIDs = try GaizaoBinary.run(["diagnose", GaizaoBinary.repositoryRoot.appendingPathComponent("examples/home-appliance-midsize.yaml").path,
                                            "--format", "json", "-o", dir.appendingPathComponent("b").path])
        #expect(withIDs.status == 0)
        let a = try Proposal.decode(json: String(contentsOf: dir.appendingPathComponent("a/labels.json"), encoding: .utf8))
        let b = try Proposal.decode(json: String(contentsOf: dir.appendingPathComponent("b/home-appliance-midsize.json"), encoding: .utf8))
        #expect(a.diagnosis.points == b.diagnosis.points && a.diagnosis.level == b.diagnosis.level && a.enterprise.industry == "home-appliance")
    }

    @Test func everyErrorOnceAndAllOfThemInErrorsCSV() throws {
        let dir = Self.tempDir(), out = dir.appendingPathComponent("out")
        let (header, row) = try Self.table()
        // Four wrong answers in one row, two of them to required questions.
        var bad = Self.base
        bad["company_name"] = "错很多厂"; bad["ha_product_category"] = "small"; bad["employees"] = "很多"
        bad["it_staff"] = "maybe"; bad["annual_revenue"] = "-5"
        let csv = [header, row(bad)].joined(separator: "\n") + "\n"
        let file = dir.appendingPathComponent("errors-in.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["batch", file.path, "-o", out.path, "--format", "json"])
        #expect(r.status == 1 && !r.crashed)
        #expect(!r.stderr.contains("missing required answer `ha_product_category`"), "an invalid answer is not also missing: \(r.stderr)")
        #expect(!r.stderr.contains("more"), "no error is folded away: \(r.stderr)")
        let errors = try Self.errorsCSV(out)
        let questions = Set(errors.compactMap { $0["question"] })
        #expect(questions.isSuperset(of: ["ha_product_category", "employees", "it_staff", "annual_revenue"]), "\(errors)")
        #expect(errors.count == 4, "\(errors)")
        let category = try #require(errors.first { $0["question"] == "ha_product_category" })
        let letter = AnswerTable.columnLetters(header.split(separator: ",").firstIndex(of: "ha_product_category")! + 1)
        #expect(category["row"] == "2" && category["column"] == letter && category["file"]?.hasSuffix("errors-in.csv") == true)
        #expect(category["message"]?.contains("`small` is not an option") == true)
        // Every error is in summary.csv too.
        let summary = try BatchCommandTests.summaryRows(out)
        #expect(summary[0]["error"]?.components(separatedBy: "\n").count == 4)
        // A clean run afterwards removes the stale errors.csv.
        let clean = try GaizaoBinary.run(["batch", GaizaoBinary.repositoryRoot.appendingPathComponent("examples/home-appliance-midsize.yaml").path,
                                          "-o", out.path, "--format", "json"])
        #expect(clean.status == 0)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("errors.csv").path))
    }

    /// A contractor's review: summary.csv's `error` cell was English (`error: answer to employees: must be a number…`)
    /// under `--lang zh`, while errors.csv and summary.xlsx said it in Chinese; and a failed row showed no enterprise
    /// though its name was filled in. The cell is now in the message language as errors.csv is, the failed row names
    /// the company (and its credit code) when its answers read that far, and `summary` reads the Chinese cell back
    /// into located errors.
    @Test func aFailedRowIsNamedAndItsErrorIsInTheDocumentsLanguage() throws {
        let dir = Self.tempDir()
        let (header, row) = try Self.table()
        var bad = Self.base
        bad["company_name"] = "慈溪错数厂"; bad["credit_code"] = "91330282TEST00009X"; bad["employees"] = "很多"
        var unknown = Self.base  // fails before its answers are read: no industry to read them by
        unknown["industry"] = "nope"; unknown["company_name"] = "慈溪未知行业厂"
        try ([header, row(bad), row(unknown)].joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        let example = try String(contentsOf: GaizaoBinary.repositoryRoot.appendingPathComponent("examples/home-appliance-midsize.yaml"), encoding: .utf8)
        try example.replacingOccurrences(of: "employees: 200", with: "employees: 很多").write(to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let column = AnswerTable.columnLetters(header.split(separator: ",").firstIndex(of: "employees")! + 1)
        let columnNumber = header.split(separator: ",").firstIndex(of: "employees")! + 1

        let zh = try GaizaoBinary.run(["batch", "in.csv", "bad.yaml", "-o", "zh", "--format", "json", "--lang", "zh"], in: dir)
        #expect(zh.status == 1 && !zh.crashed, "\(zh.stderr)")
        let rows = try BatchCommandTests.summaryRows(dir.appendingPathComponent("zh"))
        #expect(rows.map { $0["status"] } == ["failed", "failed", "failed"], "\(rows)")
        #expect(rows.map { $0["enterprise"] } == ["慈溪错数厂", "慈溪未知行业厂", "慈溪戊己电器股份有限公司"], "\(rows)")
        #expect(rows.map { $0["credit_code"] } == ["91330282TEST00009X", "", "91330282EXAMPLE002"], "\(rows)")
        #expect(rows[0]["error"] == "in.csv:2:\(columnNumber)：错误：`employees` 的答案：必须是数字，现在是 `很多`", "\(rows[0])")
        #expect(rows[2]["error"]?.contains("：错误：") == true && rows.allSatisfy { $0["error"]?.contains("error:") == false }, "\(rows)")
        // errors.csv says the same in the same language.
        let errors = try Self.errorsCSV(dir.appendingPathComponent("zh"))
        #expect(errors.contains { $0["row"] == "2" && $0["column"] == column && $0["message"] == "`employees` 的答案：必须是数字，现在是 `很多`" }, "\(errors)")
        // English when asked for.
        let en = try GaizaoBinary.run(["batch", "in.csv", "-o", "en", "--format", "json", "--lang", "en"], in: dir)
        #expect(en.status == 1)
        #expect(try BatchCommandTests.summaryRows(dir.appendingPathComponent("en"))[0]["error"] == "in.csv:2:\(columnNumber): error: answer to `employees`: must be a number, found `很多`")

        // Merged, the Chinese cell is read back into its file, row and column.
        let merged = try GaizaoBinary.run(["summary", "zh", "-o", "M", "--lang", "zh"], in: dir)
        #expect(merged.status == 0, "\(merged.stderr)")
        let mergedErrors = try Self.errorsCSV(dir.appendingPathComponent("M"))
        #expect(mergedErrors.contains { $0["file"] == "in.csv" && $0["row"] == "2" && $0["column"] == column && $0["question"] == "employees" }, "\(mergedErrors)")
        #expect(try BatchCommandTests.summaryRows(dir.appendingPathComponent("M")).map { $0["enterprise"] } == ["慈溪错数厂", "慈溪未知行业厂", "慈溪戊己电器股份有限公司"])
    }

    /// Every comma and space was dropped from a number typed in a cell: `1,2,3` people read as 123, `2 5` as 25
    /// and `1,2亿` as 120000 万元, each enterprise "ok". Only thousands grouping is read now; the other forms are
    /// located errors saying what was typed and what form is expected.
    @Test func numbersWithStrayCommasOrSpacesAreLocatedErrors() throws {
        let dir = Self.tempDir(), out = dir.appendingPathComponent("out")
        let (header, row) = try Self.table()
        let typed: [(name: String, column: String, text: String)] = [
            ("甲", "employees", "1,2,3"), ("乙", "employees", "2 5"), ("丙", "annual_revenue", "1,2亿"),
            ("丁", "employees", "1,200"), ("戊", "employees", "1 200"),
        ]
        let rows = typed.map { t in
            var values = Self.base
            values["company_name"] = t.name
            values[t.column] = t.text
            return row(values)
        }
        let file = dir.appendingPathComponent("numbers.csv")
        try ([header] + rows).joined(separator: "\n").appending("\n").write(to: file, atomically: true, encoding: .utf8)
        let columns = header.split(separator: ",").map(String.init)
        func at(_ line: Int, _ id: String) -> String { "numbers.csv:\(line):\(columns.firstIndex(of: id)! + 1): error: answer to `\(id)`: " }

        let r = try GaizaoBinary.run(["batch", "numbers.csv", "-o", "out", "--format", "json", "--lang", "en"], in: dir)
        #expect(r.status == 1 && !r.crashed && r.stdout.contains("2 ok, 3 failed"), "\(r.stdout)\(r.stderr)")
        let grouping = "a comma or space may only separate groups of three digits (1,200 or 12,345,678)"
        #expect(r.stderr.contains(at(2, "employees") + "must be a number, found `1,2,3`: " + grouping), "\(r.stderr)")
        #expect(r.stderr.contains(at(3, "employees") + "must be a number, found `2 5`: " + grouping), "\(r.stderr)")
        #expect(r.stderr.contains(at(4, "annual_revenue") + "must be a number, found `1,2亿`: use a point for decimals: 1.2亿"), "\(r.stderr)")
        // Well-formed grouping is read as the number it groups.
        let summary = try BatchCommandTests.summaryRows(out)
        for folder in summary.compactMap({ $0["folder"] }).filter({ !$0.isEmpty }) {
            let json = try String(contentsOf: out.appendingPathComponent(folder).appendingPathComponent("proposal.json"), encoding: .utf8)
            #expect(json.contains("\"employees\": 1200,"), "\(folder)")
        }
        let zh = try GaizaoBinary.run(["batch", "numbers.csv", "-o", "out-zh", "--format", "json", "--lang", "zh"], in: dir)
        #expect(zh.stderr.contains("必须是数字，现在是 `1,2亿`：小数请用小数点：1.2亿"), "\(zh.stderr)")
        #expect(zh.stderr.contains("必须是数字，现在是 `2 5`：逗号或空格只能用来分隔每三位数字"), "\(zh.stderr)")
    }

    @Test func anInvalidAnswerInAnAnswersFileIsNotAlsoMissing() {
        let catalog = try! #require(BatchCommandTests.catalog)
        var text = try! String(contentsOf: GaizaoBinary.repositoryRoot.appendingPathComponent("examples/home-appliance-midsize.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "it_staff: part_time", with: "it_staff: maybe")
        let result = AnswerDecoder.decode(SourceFile(path: "x.yaml", text: text), catalog: catalog)
        let errors = result.diagnostics.sorted.filter { $0.severity == .error }.map(\.message)
        #expect(errors.count == 1 && errors[0].contains("`maybe` is not an option of `it_staff`"), "\(errors)")
    }
}

/// Peer benchmarks in the dashboard: percentile of points and scenes below the median, by hand.
@Suite struct PeerStandingTests {
    static func row(_ index: Int, _ points: Double, band: String = "small", industry: String = "a", scenes: [String: Int]) -> BatchRow {
        var r = BatchRow(index: index, origin: "x")
        r.pointsNow = points; r.sizeBand = band; r.industry = industry; r.sceneLevels = SceneLevels(scenes)
        return r
    }

    @Test func percentileAndScenesBehindTheMedian() {
        let rows = [
            Self.row(1, 10, scenes: ["s1": 0, "s2": 2]), Self.row(2, 20, scenes: ["s1": 1, "s2": 2]),
            Self.row(3, 20, scenes: ["s1": 2, "s2": 1]), Self.row(4, 40, scenes: ["s1": 3, "s2": 3]),
            Self.row(5, 99, band: "large", scenes: ["s1": 4]),  // alone in its size band: no peers
        ]
        let standing = PeerStanding.compute(rows, sceneOrder: ["s1", "s2"])
        // Row 2 among 1, 3, 4: one below (10), one tie (20) counted half → 1.5 / 3 = 50%.
        #expect(standing[2] == PeerStanding(peers: 3, percentile: 50, scenesBehind: ["s1"], tied: 1))  // s1 median 1.5, s2 median 2
        #expect(standing[1] == PeerStanding(peers: 3, percentile: 0, scenesBehind: ["s1"]))
        #expect(standing[4] == PeerStanding(peers: 3, percentile: 100, scenesBehind: []))
        #expect(standing[3]?.scenesBehind == ["s2"])
        #expect(standing[5] == nil)
    }
}

/// `gaizao summary DIR…`: shard summaries merged equal one batch over all the inputs.
@Suite(.serialized) struct SummaryMergeTests {
    @Test func mergedShardsEqualOneBatch() throws {
        let dir = BatchCommandTests.tempDir()
        let examples = GaizaoBinary.repositoryRoot.appendingPathComponent("examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count == 6)
        let shards = [Array(names.prefix(3)), Array(names.dropFirst(3))]
        for (i, shard) in shards.enumerated() {
            let r = try GaizaoBinary.run(["batch"] + shard.map { examples.appendingPathComponent($0).path } + ["-o", dir.appendingPathComponent("shard-\(i)").path, "--format", "html"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        // One failing record in a third shard: its error survives the merge.
        let bad = dir.appendingPathComponent("bad.csv")
        try "industry,company_name\nnope,坏\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(try GaizaoBinary.run(["batch", bad.path, "-o", dir.appendingPathComponent("shard-2").path]).status == 1)
        let all = try GaizaoBinary.run(["batch", examples.path, "-o", dir.appendingPathComponent("all").path, "--format", "html"])
        #expect(all.status == 0)

        let merged = dir.appendingPathComponent("merged")
        let r = try GaizaoBinary.run(["summary", dir.appendingPathComponent("shard-0").path, dir.appendingPathComponent("shard-1").path,
                                      dir.appendingPathComponent("shard-2").path, "-o", merged.path])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try BatchCommandTests.summaryRows(merged)
        let single = try BatchCommandTests.summaryRows(dir.appendingPathComponent("all"))
        #expect(rows.count == 7 && rows.map { $0["index"] } == (1...7).map { String($0) })
        let compared = ["enterprise", "industry", "points_now", "level_now", "points_after", "level_after", "modules", "investment_low_yuan",
                        "investment_high_yuan", "subsidy_low_yuan", "subsidy_high_yuan", "weeks", "status", "town", "size_band", "scene_levels"]
        func key(_ row: [String: String]) -> [String] { compared.map { row[$0] ?? "" } }
        #expect(rows.prefix(6).map(key).sorted { $0.lexicographicallyPrecedes($1) } == single.map(key).sorted { $0.lexicographicallyPrecedes($1) })
        #expect(rows[6]["status"] == "failed" && rows[6]["error"]?.contains("unknown industry `nope`") == true)
        let errors = try BatchSpreadsheetTests.errorsCSV(merged)
        #expect(errors.count == 1 && errors[0]["row"] == "2" && errors[0]["file"]?.hasSuffix("bad.csv") == true, "\(errors)")
        // The dashboard links to the shards' folders, relative to the merged folder, and the links resolve.
        let html = try String(contentsOf: merged.appendingPathComponent("summary.html"), encoding: .utf8)
        let links = html.matches(of: #/href="([^"]+)"/#).map { String($0.1) }
        #expect(links.count == 6)
        for link in links {
            let path = merged.appendingPathComponent(try #require(link.removingPercentEncoding)).standardizedFileURL.path
            #expect(link.hasPrefix("../shard-") && FileManager.default.fileExists(atPath: path), "\(link)")
        }
        // A folder without a summary is a located input error.
        let missing = try GaizaoBinary.run(["summary", dir.path, "-o", dir.appendingPathComponent("m2").path])
        #expect(missing.status == 1 && missing.stderr.contains("summary.csv"), "\(missing.stderr)")
    }
}

extension SummaryMergeTests {
    /// summary.csv had no credit code (统一社会信用代码), the one thing that tells two enterprises of one name apart.
    /// It is now its last column (a reader of the earlier columns by position is unchanged), in summary.xlsx too,
    /// kept by a merge; a summary.csv written before it merges as it did.
    @Test func summaryCSVCarriesTheCreditCodeLastAndOlderFilesStillMerge() throws {
        let dir = BatchCommandTests.tempDir()
        let examples = GaizaoBinary.repositoryRoot.appendingPathComponent("examples")
        let batch = try GaizaoBinary.run(["batch", examples.appendingPathComponent("auto-parts-midsize.yaml").path,
                                          examples.appendingPathComponent("home-appliance-midsize.yaml").path, "-o", "B", "--format", "json"], in: dir)
        #expect(batch.status == 0, "\(batch.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent("B/summary.csv"), encoding: .utf8)
        #expect(text.replacingOccurrences(of: SummaryCSV.byteOrderMark, with: "").hasPrefix("index,folder,input,enterprise,industry,points_now,level_now,points_after,level_after,modules,investment_low_yuan,investment_high_yuan,subsidy_low_yuan,subsidy_high_yuan,net_low_yuan,net_high_yuan,weeks,status,error,town,size_band,scene_levels,credit_code\n"), "\(text)")
        let rows = try BatchCommandTests.summaryRows(dir.appendingPathComponent("B"))
        #expect(rows.map { $0["credit_code"] } == ["91330282EXAMPLE012", "91330282EXAMPLE002"], "\(rows)")
        let book = try BatchWorkbookTests.runPython("""
        import sys, openpyxl
        ws = openpyxl.load_workbook(sys.argv[1])["汇总"]
        print(ws.cell(row=1, column=ws.max_column).value, ws.cell(row=2, column=ws.max_column).value)
        """, [dir.appendingPathComponent("B/summary.xlsx").path])
        #expect(BatchWorkbookTests.openpyxlMissing != nil || book == "统一社会信用代码 91330282EXAMPLE012\n", "\(book)")

        // Merged: the codes kept.
        let merged = try GaizaoBinary.run(["summary", "B", "-o", "M"], in: dir)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try BatchCommandTests.summaryRows(dir.appendingPathComponent("M")).map { $0["credit_code"] } == ["91330282EXAMPLE012", "91330282EXAMPLE002"])

        // A summary.csv written before the column: the same file without its last column merges, codes empty.
        let old = dir.appendingPathComponent("old")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        let lines = text.split(separator: "\n").map { String($0[..<$0.lastIndex(of: ",")!]) }
        try (lines.joined(separator: "\n") + "\n").write(to: old.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
        let fromOld = try GaizaoBinary.run(["summary", "old", "-o", "M-old", "--lang", "en"], in: dir)
        #expect(fromOld.status == 0 && fromOld.stdout.contains("2 ok, 0 failed"), "\(fromOld.stdout)\(fromOld.stderr)")
        let oldRows = try BatchCommandTests.summaryRows(dir.appendingPathComponent("M-old"))
        #expect(oldRows.map { $0["credit_code"] } == ["", ""] && oldRows.map { $0["points_now"] } == rows.map { $0["points_now"] }, "\(oldRows)")
    }
}

/// `diagnose --peers SUMMARY`: one enterprise against a batch's enterprises of the same industry and size band.
@Suite struct DiagnosePeersTests {
    /// A scratch folder, the midsize example's path and its proposal (diagnosed without peers): what each test
    /// ranks against its own hand-written summary.
    static func midsizeProposal() throws -> (dir: URL, example: String, proposal: Proposal) {
        let dir = BatchCommandTests.tempDir()
        let example = GaizaoBinary.repositoryRoot.appendingPathComponent("examples/auto-parts-midsize.yaml").path
        let plain = try GaizaoBinary.run(["diagnose", example, "--format", "json", "-o", dir.appendingPathComponent("p").path])
        #expect(plain.status == 0, "\(plain.stderr)")
        let p = try Proposal.decode(json: String(contentsOf: dir.appendingPathComponent("p/auto-parts-midsize.json"), encoding: .utf8))
        return (dir, example, p)
    }

    @Test func percentileAgainstAHandWrittenSummary() throws {
        let (dir, example, p) = try Self.midsizeProposal()
        let band = p.enterprise.sizeBand
        // Three peers (44.1 points is the example's): 30 and 50 points, and one tie; a fourth of another size band.
        let scene = try #require(p.diagnosis.scenes.first)
        func line(_ i: Int, _ name: String, _ points: String, _ band: String, _ sceneLevel: Int) -> String {
            "\(i),f\(i),in,\(name),auto-parts,\(points),2,\(points),2,,0,0,0,0,0,0,0,ok,,town,\(band),\(scene.id)=\(sceneLevel)"
        }
        let csv = [SummaryCSV.header, line(1, "甲", "30", band, scene.level + 1), line(2, "乙", "50", band, scene.level + 1),
                   line(3, "丙", formatNumber(p.diagnosis.points), band, scene.level + 1), line(4, "丁", "99", "other-band", 0)].joined(separator: "\n") + "\n"
        let summary = dir.appendingPathComponent("summary.csv")
        try csv.write(to: summary, atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["diagnose", example, "--format", "json", "-o", dir.appendingPathComponent("q").path, "--peers", dir.path, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        // One below, one tie (half): 1.5 of 3 = 50%; the scene is below the peers' median.
        #expect(r.stdout.contains("peers: points above 50% of 3 peers (same industry and size band); scenes below the peers' median: \(scene.name.en)"), "\(r.stdout)")
        // The proposal carries the same standing: one above (50 points) → rank 2 of 4.
        let q = try Proposal.decode(json: String(contentsOf: dir.appendingPathComponent("q/auto-parts-midsize.json"), encoding: .utf8))
        #expect(q.peers?.peers == 3 && q.peers?.percentile == 50 && q.peers?.rank == 2)
        #expect(q.peers?.scenesBehind.map(\.scene) == [scene.id])
        #expect(p.peers == nil)
        let missing = try GaizaoBinary.run(["diagnose", example, "--format", "json", "-o", dir.appendingPathComponent("r").path, "--peers", dir.appendingPathComponent("nope.csv").path])
        #expect(missing.status == 1 && !missing.crashed)
    }

    /// A contractor's review: when every peer had the enterprise's points, its proposal said it ranked first
    /// (`排第 1 位`) — a rank it shares with all of them. A shared rank is now said to be shared (并列), and the
    /// printed line no longer puts it "above 50%" of peers it equals.
    @Test func aRankSharedWithPeersIsSaidToBeShared() throws {
        let (dir, example, p) = try Self.midsizeProposal()
        let same = formatNumber(p.diagnosis.points)
        func peers(_ name: String, _ points: [String]) throws -> URL {
            let folder = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let lines = points.enumerated().map { i, points in
                "\(i + 1),f\(i + 1),in,企业\(i + 1),auto-parts,\(points),2,\(points),2,,0,0,0,0,0,0,0,ok,,town,\(p.enterprise.sizeBand),"
            }
            try ([SummaryCSV.header] + lines).joined(separator: "\n").appending("\n").write(to: folder.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
            return folder
        }
        // Every peer tied: all four share rank 1.
        let all = try peers("all", [same, same, same])
        for (lang, expected) in [("zh", "与本组其他 3 家同行得分相同：本组 4 家并列第 1 位"), ("en", "the same as each of its 3 peers: all 4 in the group are tied at rank 1")] {
            let r = try GaizaoBinary.run(["diagnose", example, "--format", "md,json", "-o", all.appendingPathComponent("out-\(lang)").path, "--peers", all.path, "--lang", lang])
            #expect(r.status == 0, "\(r.stderr)")
            let md = try String(contentsOf: all.appendingPathComponent("out-\(lang)/auto-parts-midsize.md"), encoding: .utf8)
            #expect(md.contains(expected) && !md.contains("排第 1 位") && !md.contains("ranked 1 of"), "\(md)")
            #expect(r.stdout.contains(lang == "zh" ? "同行对标：得分与全部 3 家同行相同（同行业、同规模），并列第 1 位" : "peers: the same points as all 3 peers (same industry and size band), tied at rank 1"), "\(r.stdout)")
            let q = try Proposal.decode(json: String(contentsOf: all.appendingPathComponent("out-\(lang)/auto-parts-midsize.json"), encoding: .utf8))
            #expect(q.peers?.rank == 1 && q.peers?.tied == 3)
        }
        // One peer tied, one above, one below: rank 2 shared with one.
        let some = try peers("some", ["1", same, "99"])
        let r = try GaizaoBinary.run(["diagnose", example, "--format", "md", "-o", some.appendingPathComponent("out").path, "--peers", some.path])
        #expect(r.status == 0, "\(r.stderr)")
        let md = try String(contentsOf: some.appendingPathComponent("out/auto-parts-midsize.md"), encoding: .utf8)
        #expect(md.contains("高于 50% 的同行（同分的算一半），在本组 4 家中与另外 1 家并列第 2 位") && !md.contains("排第 2 位"), "\(md)")
        // No tie: the rank is its own.
        let none = try peers("none", ["1", "2", "99"])
        let untied = try GaizaoBinary.run(["diagnose", example, "--format", "md", "-o", none.appendingPathComponent("out").path, "--peers", none.path])
        let plainMD = try String(contentsOf: none.appendingPathComponent("out/auto-parts-midsize.md"), encoding: .utf8)
        #expect(untied.status == 0 && plainMD.contains("在本组 4 家中排第 2 位") && !plainMD.contains("并列"), "\(plainMD)")
    }

    /// A contractor's review: `--peers` read the summary.csv without the checks `gaizao summary` makes. Money with
    /// thousands separators (`30,000`, as Excel saves it) dropped every peer unseen ("fewer than 2"), a row copied
    /// counted as one more peer, points of 340.55 or a level of 9 were used, a row with `N/A` was dropped unseen. Now
    /// each such row is a located error (file, row, column), the same as `summary` gives, and nothing is written.
    @Test func peersAreCheckedAsSummaryChecksThem() throws {
        let (dir, example, p) = try Self.midsizeProposal()
        let band = p.enterprise.sizeBand
        /// Row `i` (file row i + 1) of a summary whose investment's high end, net cost's high end are `money`.
        func line(_ i: Int, points: String = "40", level: String = "2", money: String = "30000") -> String {
            "\(i),f\(i),in,企业\(i),auto-parts,\(points),\(level),50,2,,0,\(money),0,0,0,\(money),3,ok,,town,\(band),"
        }
        func run(_ lines: [String], _ name: String) throws -> GaizaoBinary.Run {
            let folder = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try ([SummaryCSV.header] + lines).joined(separator: "\n").appending("\n").write(to: folder.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
            return try GaizaoBinary.run(["diagnose", example, "--format", "json", "-o", folder.appendingPathComponent("out").path, "--peers", folder.path, "--lang", "en"])
        }
        let good = (1...4).map { line($0) }
        let ok = try run(good, "good")
        #expect(ok.status == 0 && ok.stdout.contains("of 4 peers"), "\(ok.stdout)\(ok.stderr)")
        for (name, lines, expected) in [
            ("thousands", (1...4).map { line($0, money: "\"30,000\"") }, ["summary.csv:2:12: error: `investment_high_yuan` is `30,000`, not a number", "summary.csv:5:16: error: `net_high_yuan` is `30,000`, not a number"]),
            ("copied", good + [good[1]], ["summary.csv:6: error: repeats "]),
            ("points", good + [line(5, points: "340.55")], ["summary.csv:6:6: error: `points_now` is `340.55`, not points (0 to 100)"]),
            ("level", good + [line(5, level: "9")], ["summary.csv:6:7: error: `level_now` is `9`, not a level (0 to 4)"]),
            ("na", good + [line(5, points: "N/A")], ["summary.csv:6:6: error: `points_now` is `N/A`, not a number"]),
        ] {
            let r = try run(lines, name)
            #expect(r.status == 1 && !r.crashed, "\(name): \(r.stdout)\(r.stderr)")
            for text in expected { #expect(r.stderr.contains("\(name)/" + text), "\(name): \(r.stderr)") }
            #expect(r.stderr.contains("rows cannot be gaizao's (above)") && !r.stdout.contains("peers:"), "\(name): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("\(name)/out").path), "\(name)")
        }
        // The same in Chinese.
        let zh = try GaizaoBinary.run(["diagnose", example, "--format", "json", "-o", dir.appendingPathComponent("zh-out").path, "--peers",
                                       dir.appendingPathComponent("points").path], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 1 && zh.stderr.contains("summary.csv:6:6：错误：`points_now` 为 `340.55`，不是有效得分（0 到 100）"), "\(zh.stderr)")
        #expect(zh.stderr.contains("其中 1 行不可能是 gaizao 写出的"), "\(zh.stderr)")
    }

    /// `summary` took points above the model's total (100) as they read: 340.55 points merged as done.
    @Test func summaryRefusesPointsOutsideTheModel() throws {
        let dir = BatchCommandTests.tempDir()
        let batch = dir.appendingPathComponent("B")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        let rows = ["1,f1,in,甲,auto-parts,340.55,2,50,2,,0,0,0,0,0,0,0,ok,,town,small,",
                    "2,f2,in,乙,auto-parts,40,2,100.01,2,,0,0,0,0,0,0,0,ok,,town,small,",
                    "3,f3,in,丙,auto-parts,-1,0,100,4,,0,0,0,0,0,0,0,ok,,town,small,",
                    "4,f4,in,丁,auto-parts,0,0,100,4,,0,0,0,0,0,0,0,ok,,town,small,"]
        try ([SummaryCSV.header] + rows).joined(separator: "\n").appending("\n").write(to: batch.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["summary", "B", "-o", "M", "--lang", "en"], in: dir)
        #expect(r.status == 1 && r.stdout.contains("1 ok, 3 failed"), "\(r.stdout)\(r.stderr)")
        for text in ["B/summary.csv:2:6: error: `points_now` is `340.55`, not points (0 to 100)",
                     "B/summary.csv:3:8: error: `points_after` is `100.01`, not points (0 to 100)",
                     "B/summary.csv:4:6: error: `points_now` is `-1`, not points (0 to 100)"] {
            #expect(r.stderr.contains(text), "\(r.stderr)")
        }
    }
}

/// A contractor's review: the same enterprise was counted twice, unseen — a CSV with a row repeated gave two results
/// and exit 0, and `gaizao summary s1 s2` of two batches of the same 8 enterprises merged 16. An enterprise is the
/// same by its credit code (统一社会信用代码) where both give one, else by its company name. `batch` still
/// diagnoses both (both may be meant) with a warning at the later row; `summary` fails the later row of an enterprise
/// merged already from another batch (exit 1), and warns of one a batch diagnosed twice; `--peers` counts it once.
@Suite(.serialized) struct SameEnterpriseTwiceTests {
    /// A CSV of enterprises (name, credit code) that read well and share the size band of the small-workshop example.
    static func csv(_ dir: URL, _ name: String, _ enterprises: [(String, String?)]) throws {
        let (header, row) = try BatchSpreadsheetTests.table()
        var lines = [header]
        for (company, code) in enterprises {
            var values = BatchSpreadsheetTests.base
            values["employees"] = "30"; values["annual_revenue"] = "2000"
            values["company_name"] = company
            if let code { values["credit_code"] = code }
            lines.append(row(values))
        }
        try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test func batchWarnsOfAnEnterpriseGivenTwiceAndStillDiagnosesBoth() throws {
        let dir = BatchCommandTests.tempDir()
        // Row 3 repeats row 2 (its code); row 5 has row 4's name and no code; row 6 shares a name but has its own code.
        try Self.csv(dir, "in.csv", [("甲厂", "91330282TEST00001X"), ("甲厂", "91330282TEST00001X"), ("乙厂", nil), ("乙厂", nil),
                                     ("丙厂", "91330282TEST00003X"), ("丙厂", "91330282TEST00004X")])
        let r = try GaizaoBinary.run(["batch", "in.csv", "-o", "out", "--format", "json", "--lang", "en"], in: dir)
        #expect(r.status == 0 && r.stdout.contains("6 ok, 0 failed"), "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("in.csv:3: warning: the same enterprise as in.csv:2 (credit code `91330282TEST00001X`): it is diagnosed twice and counted twice in the summary"), "\(r.stderr)")
        #expect(r.stderr.contains("in.csv:5: warning: the same enterprise as in.csv:4 (company name `乙厂`)"), "\(r.stderr)")
        #expect(!r.stderr.contains("in.csv:7:"), "different codes are different enterprises: \(r.stderr)")
        #expect(try BatchCommandTests.summaryRows(dir.appendingPathComponent("out")).count == 6)
        let zh = try GaizaoBinary.run(["batch", "in.csv", "-o", "out-zh", "--format", "json"], in: dir, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.stderr.contains("in.csv:3：警告：与 in.csv:2 是同一家企业（统一社会信用代码 `91330282TEST00001X`）：诊断了两次，汇总中也计了两次"), "\(zh.stderr)")
    }

    @Test func summaryRefusesAnEnterpriseMergedFromAnotherBatchAndWarnsOfOneABatchDiagnosedTwice() throws {
        let dir = BatchCommandTests.tempDir()
        try Self.csv(dir, "b1.csv", [("甲厂", "91330282TEST00001X"), ("乙厂", "91330282TEST00002X")])
        // 甲厂 renamed, the same code; 丙厂 new; 乙厂 again without its code (by name).
        try Self.csv(dir, "b2.csv", [("甲厂（更名）", "91330282test00001x"), ("丙厂", nil)])
        try Self.csv(dir, "b3.csv", [("乙厂", nil)])
        for name in ["b1", "b2", "b3"] {
            #expect(try GaizaoBinary.run(["batch", "\(name).csv", "-o", name.uppercased(), "--format", "json"], in: dir).status == 0)
        }
        let r = try GaizaoBinary.run(["summary", "B1", "B2", "B3", "-o", "M", "--lang", "en"], in: dir)
        #expect(r.status == 1 && !r.crashed && r.stdout.contains("3 ok, 2 failed"), "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("B2/summary.csv:2: error: the same enterprise as B1/summary.csv:2 (credit code `91330282TEST00001X`), in another batch: each enterprise is counted once in a merge"), "\(r.stderr)")
        #expect(r.stderr.contains("B3/summary.csv:2: error: the same enterprise as B1/summary.csv:3 (company name `乙厂`), in another batch"), "\(r.stderr)")
        let merged = try BatchCommandTests.summaryRows(dir.appendingPathComponent("M"))
        #expect(merged.map { $0["status"] } == ["ok", "ok", "failed", "ok", "failed"], "\(merged)")
        let errors = try BatchSpreadsheetTests.errorsCSV(dir.appendingPathComponent("M"))
        #expect(errors.count == 2 && errors[0]["file"] == "B2/summary.csv" && errors[0]["row"] == "2", "\(errors)")

        // Two batches of the same enterprises written before summary.csv had a credit code: by name.
        for name in ["B1", "B2"] {
            let file = dir.appendingPathComponent("\(name)/summary.csv")
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { String($0[..<$0.lastIndex(of: ",")!]) }
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("old-\(name)"), withIntermediateDirectories: true)
            try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("old-\(name)/summary.csv"), atomically: true, encoding: .utf8)
        }
        let again = try GaizaoBinary.run(["summary", "old-B1", "old-B1/summary.csv", "-o", "M2", "--lang", "en"], in: dir)
        #expect(again.status == 1 && again.stderr.contains("given twice"), "\(again.stderr)")
        try FileManager.default.copyItem(at: dir.appendingPathComponent("old-B1"), to: dir.appendingPathComponent("old-B1-copy"))
        let old = try GaizaoBinary.run(["summary", "old-B1", "old-B1-copy", "-o", "M3", "--lang", "en"], in: dir)
        #expect(old.status == 1 && old.stdout.contains("2 ok, 2 failed"), "\(old.stdout)\(old.stderr)")
        #expect(old.stderr.contains("old-B1-copy/summary.csv:2: error: the same enterprise as old-B1/summary.csv:2 (company name `甲厂`), in another batch"), "\(old.stderr)")

        // One batch that diagnosed an enterprise twice: merged twice, with a warning; exit 0.
        try Self.csv(dir, "b4.csv", [("丁厂", "91330282TEST00005X"), ("丁厂", "91330282TEST00005X")])
        #expect(try GaizaoBinary.run(["batch", "b4.csv", "-o", "B4", "--format", "json"], in: dir).status == 0)
        let within = try GaizaoBinary.run(["summary", "B4", "-o", "M4", "--lang", "en"], in: dir)
        #expect(within.status == 0 && within.stdout.contains("2 ok, 0 failed"), "\(within.stdout)\(within.stderr)")
        #expect(within.stderr.contains("B4/summary.csv:3: warning: the same enterprise as B4/summary.csv:2 (credit code `91330282TEST00005X`), diagnosed twice in the same batch: counted twice in the merged summary"), "\(within.stderr)")
    }

    @Test func peersCountAnEnterpriseDiagnosedTwiceOnce() throws {
        let dir = BatchCommandTests.tempDir()
        try Self.csv(dir, "in.csv", [("甲厂", "91330282TEST00001X"), ("乙厂", "91330282TEST00002X"), ("丙厂", nil), ("丙厂", nil)])
        #expect(try GaizaoBinary.run(["batch", "in.csv", "-o", "B", "--format", "json"], in: dir).status == 0)
        let example = GaizaoBinary.repositoryRoot.appendingPathComponent("examples/home-appliance-small-workshop.yaml").path
        let r = try GaizaoBinary.run(["diagnose", example, "--format", "json", "-o", "out", "--peers", "B", "--lang", "en"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("B/summary.csv:5: warning: the same enterprise as B/summary.csv:4 (company name `丙厂`), diagnosed twice in the same batch: counted once among the peers"), "\(r.stderr)")
        #expect(r.stdout.contains("of 3 peers"), "\(r.stdout)")
        // The enterprise itself, found in the summary by its credit code under another name, is no peer of itself.
        try Self.csv(dir, "self.csv", [("甲厂", nil), ("乙厂", nil), ("另一个名字", "91330282EXAMPLE001")])
        #expect(try GaizaoBinary.run(["batch", "self.csv", "-o", "S", "--format", "json"], in: dir).status == 0)
        let own = try GaizaoBinary.run(["diagnose", example, "--format", "json", "-o", "out-s", "--peers", "S", "--lang", "en"], in: dir)
        #expect(own.status == 0 && own.stdout.contains(" of 2 peers "), "\(own.stdout)\(own.stderr)")
    }
}
