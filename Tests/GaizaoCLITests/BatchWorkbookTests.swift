import Foundation
@testable import GaizaoCLI
@testable import GaizaoCore
import Testing

/// xlsx (issue 17): a questionnaire workbook written by `questions --xlsx`, filled by a real spreadsheet library
/// (openpyxl, not gaizao) with examples' answers as Chinese labels, batches to the same points and levels as
/// `diagnose` of the examples; several sheets and files; summary.xlsx read back by openpyxl.
@Suite(.serialized) struct BatchWorkbookTests {
    static let root = GaizaoBinary.repositoryRoot
    /// Debian's python3-openpyxl installs for the system Python (`.ci/run` installs it).
    static let python = "/usr/bin/python3"

    static var openpyxlMissing: String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", "import openpyxl"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return "\(python) is missing" }
        p.waitUntilExit()
        return p.terminationStatus == 0 ? nil : "openpyxl is not installed for \(python) (apt-get install python3-openpyxl; .ci/run does)"
    }

    /// Runs a Python script with arguments; returns its standard output, or records its error.
    static func runPython(_ script: String, _ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", script] + arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "python: \(String(decoding: e, as: UTF8.self))")
        return String(decoding: o, as: UTF8.self)
    }

    /// An example's answers as a person fills the workbook: option labels in Chinese, 是/否, numbers as numbers.
    static func labelledAnswers(_ example: String, catalog: Catalog) throws -> (industry: String, answers: [String: Any]) {
        let text = try String(contentsOf: root.appendingPathComponent("examples/\(example)"), encoding: .utf8)
        let sheet = try #require(AnswerDecoder.decode(SourceFile(path: example, text: text), catalog: catalog).sheet)
        let industry = try #require(catalog.industry(sheet.industry))
        let questionnaire = catalog.questionnaire(for: industry)
        var answers: [String: Any] = [:]
        for (id, value) in sheet.answers {
            let q = try #require(questionnaire[id])
            func label(_ option: String) -> String { q.option(option)?.label.zh ?? option }
            switch value {
            case let .number(n): answers[id] = n
            case let .text(t): answers[id] = t
            case let .option(o): answers[id] = label(o)
            case let .options(os): answers[id] = os.isEmpty ? "无" : os.map(label).joined(separator: "；")
            case let .bool(b): answers[id] = b ? "是" : "否"
            }
        }
        if let date = sheet.date { answers["date"] = date }
        return (industry.id, answers)
    }

    /// Fills rows of the questionnaire sheet with openpyxl: `fills` is [sheet title: [row values by question id]];
    /// a sheet not in the workbook is copied from the blank 问卷 first. `date` is written as a real date cell.
    static let fillScript = """
    import json, sys, datetime, openpyxl
    source, target, fills = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3], encoding="utf-8"))
    wb = openpyxl.load_workbook(source)
    template = wb["问卷"]
    # Copies first, while 问卷 is still blank: the fills come in no fixed order.
    for title in fills:
        if title not in wb.sheetnames:
            wb.copy_worksheet(template).title = title
    for title, rows in fills.items():
        ws = wb[title]
        columns = {ws.cell(row=2, column=c).value: c for c in range(1, ws.max_column + 1)}
        for i, values in enumerate(rows):
            for key, value in values.items():
                if key == "date":
                    value = datetime.datetime.strptime(value, "%Y-%m-%d")
                ws.cell(row=3 + i, column=columns[key], value=value)
    wb.save(target)
    """

    static func diagnose(_ example: String, in dir: URL) throws -> Proposal {
        let out = dir.appendingPathComponent("diagnose-\(example)")
        let r = try GaizaoBinary.run(["diagnose", root.appendingPathComponent("examples/\(example)").path, "--format", "json", "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let name = (example as NSString).deletingPathExtension + ".json"
        return try Proposal.decode(json: String(contentsOf: out.appendingPathComponent(name), encoding: .utf8))
    }

    @Test func aWorkbookFilledByOpenpyxlBatchesLikeDiagnose() throws {
        if let missing = Self.openpyxlMissing {
            print("skipped: \(missing)")
            return
        }
        let catalog = try #require(BatchCommandTests.catalog)
        let dir = BatchCommandTests.tempDir()
        var book: [String: URL] = [:]
        for industry in ["home-appliance", "auto-parts"] {
            let file = dir.appendingPathComponent("\(industry)-questions.xlsx")
            let r = try GaizaoBinary.run(["questions", "--industry", industry, "--xlsx", file.path])
            #expect(r.status == 0, "\(r.stderr)")
            book[industry] = file
        }
        // What the workbook offers, read by openpyxl: ids in row 2, only the industry's questions, drop-downs, notes.
        let shape = try Self.runPython("""
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["问卷"]
        ids = [c.value for c in ws[2]]
        lists = [v for v in ws.data_validations.dataValidation if v.type == "list"]
        notes = sum(1 for c in ws[1] if c.comment)
        print(ws["A1"].value, ids[0], ids[1], len(ids), len(lists), notes, wb["选项"].sheet_state, "ha_product_category" in ids, "ap_process" in ids)
        """, [book["home-appliance"]!.path])
        let questions = catalog.questionnaire(for: catalog.industry("home-appliance")!).offered(to: "home-appliance").ordered
        let fields = shape.split(separator: " ").map(String.init)
        #expect(fields.count == 9 && fields[0] == "行业" && fields[1] == "industry" && fields[2] == "date", "\(shape)")
        #expect(fields[3] == String(questions.count + 2), "\(shape)")
        #expect((Int(fields[4]) ?? 0) >= questions.filter { $0.kind == .single || $0.kind == .multi }.count, "\(shape)")
        #expect(fields[5] == String(questions.count + 2) && fields[6] == "hidden", "\(shape)")
        #expect(fields[7] == "True" && fields[8].hasPrefix("False"), "only the industry's questions: \(shape)")

        // Fill: two enterprises on the first sheet (one names its industry by label, one leaves it empty), a third
        // on a second sheet; an auto-parts enterprise in a second file.
        var midsize = try Self.labelledAnswers("home-appliance-midsize.yaml", catalog: catalog).answers
        midsize["industry"] = "家电"
        let small = try Self.labelledAnswers("home-appliance-small-workshop.yaml", catalog: catalog).answers
        let advanced = try Self.labelledAnswers("home-appliance-advanced.yaml", catalog: catalog).answers
        let autoParts = try Self.labelledAnswers("auto-parts-midsize.yaml", catalog: catalog).answers
        func fill(_ source: URL, _ target: URL, _ fills: [String: [[String: Any]]]) throws {
            let json = dir.appendingPathComponent(UUID().uuidString + ".json")
            try JSONSerialization.data(withJSONObject: fills).write(to: json)
            _ = try Self.runPython(Self.fillScript, [source.path, target.path, json.path])
        }
        let filled = dir.appendingPathComponent("filled")
        try FileManager.default.createDirectory(at: filled, withIntermediateDirectories: true)
        try fill(book["home-appliance"]!, filled.appendingPathComponent("a-home.xlsx"), ["问卷": [midsize, small], "第二批": [advanced]])
        try fill(book["auto-parts"]!, filled.appendingPathComponent("b-auto.xlsx"), ["问卷": [autoParts]])

        let out = dir.appendingPathComponent("out")
        let r = try GaizaoBinary.run(["batch", filled.path, "-o", out.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try BatchCommandTests.summaryRows(out)
        #expect(rows.count == 4, "\(rows)")
        let expected: [(String, String)] = [("home-appliance-midsize.yaml", "a-home.xlsx[问卷]:3"), ("home-appliance-small-workshop.yaml", "a-home.xlsx[问卷]:4"),
                                            ("home-appliance-advanced.yaml", "a-home.xlsx[第二批]:3"), ("auto-parts-midsize.yaml", "b-auto.xlsx[问卷]:3")]
        for (example, origin) in expected {
            let row = try #require(rows.first { $0["input"]?.hasSuffix(origin) == true }, "no row from \(origin): \(rows.map { $0["input"] ?? "" })")
            let p = try Self.diagnose(example, in: dir)
            #expect(row["status"] == "ok", "\(example): \(row["error"] ?? "")")
            #expect(row["points_now"] == formatNumber(p.diagnosis.points) && row["level_now"] == String(p.diagnosis.level), "\(example): \(row) vs \(p.diagnosis.points)")
            #expect(row["points_after"] == formatNumber(p.after.points) && row["level_after"] == String(p.after.level), "\(example)")
            let batchProposal = try Proposal.decode(json: String(contentsOf: out.appendingPathComponent(row["folder"]!).appendingPathComponent("proposal.json"), encoding: .utf8))
            #expect(batchProposal.enterprise.industry == p.enterprise.industry && batchProposal.enterprise.name == p.enterprise.name)
            // The date went in as a real date cell (a day number) and comes back as the example's date.
            #expect(batchProposal.date == p.date && p.date != nil, "\(example): \(batchProposal.date ?? "nil") vs \(p.date ?? "nil")")
        }

        // summary.xlsx, read back by openpyxl: the same enterprises, numbers as numbers.
        let summary = try Self.runPython("""
        import sys, openpyxl
        ws = openpyxl.load_workbook(sys.argv[1])["汇总"]
        print(ws.max_row - 1, ws["A1"].value, type(ws["F2"].value).__name__, ws["F2"].value)
        """, [out.appendingPathComponent("summary.xlsx").path])
        let s = summary.split(separator: " ").map(String.init)
        #expect(s.count == 4 && s[0] == "4" && s[1] == "序号" && ["int", "float"].contains(s[2]), "\(summary)")
        #expect(Double(s[3].trimmingCharacters(in: .whitespacesAndNewlines)) == Double(rows[0]["points_now"] ?? ""), "\(summary)")
    }

    /// A workbook of the name asked for may already hold answers: `questions --xlsx` never writes over it.
    @Test func anExistingWorkbookIsNeverWrittenOver() throws {
        let dir = BatchCommandTests.tempDir()
        let book = dir.appendingPathComponent("filled.xlsx")
        let filled = Data("answers the enterprise typed".utf8)
        try filled.write(to: book)
        let r = try GaizaoBinary.run(["questions", "--industry", "home-appliance", "--xlsx", book.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("already exists and may hold filled answers; nothing was written"), "\(r.stderr)")
        #expect(try Data(contentsOf: book) == filled)
    }

    @Test func badWorkbookCellsAreLocatedAndListedInTheErrorsSheet() throws {
        if let missing = Self.openpyxlMissing {
            print("skipped: \(missing)")
            return
        }
        let catalog = try #require(BatchCommandTests.catalog)
        let dir = BatchCommandTests.tempDir()
        let questions = dir.appendingPathComponent("q.xlsx")
        #expect(try GaizaoBinary.run(["questions", "--industry", "home-appliance", "--xlsx", questions.path]).status == 0)
        var answers = try Self.labelledAnswers("home-appliance-midsize.yaml", catalog: catalog).answers
        answers["ha_product_category"] = "small"
        answers["employees"] = "很多"
        let json = dir.appendingPathComponent("fill.json")
        try JSONSerialization.data(withJSONObject: ["问卷": [answers]]).write(to: json)
        let filled = dir.appendingPathComponent("bad.xlsx")
        _ = try Self.runPython(Self.fillScript, [questions.path, filled.path, json.path])
        let out = dir.appendingPathComponent("out")
        let r = try GaizaoBinary.run(["batch", filled.path, "-o", out.path, "--format", "json"])
        #expect(r.status == 1 && !r.crashed)
        let ids = ["industry", "date"] + catalog.questionnaire(for: catalog.industry("home-appliance")!).offered(to: "home-appliance").ordered.map(\.id)
        let column = ids.firstIndex(of: "employees")! + 1
        #expect(r.stderr.contains("bad.xlsx[问卷]:3:\(column): error: answer to `employees`: must be a number, found `很多`"), "\(r.stderr)")
        #expect(r.stderr.contains("did you mean `small_appliance`?"), "\(r.stderr)")
        let errors = try Self.runPython("""
        import sys, openpyxl
        ws = openpyxl.load_workbook(sys.argv[1])["错误"]
        for row in ws.iter_rows(min_row=2, values_only=True): print(row[1], row[2], row[3])
        """, [out.appendingPathComponent("summary.xlsx").path])
        #expect(errors.contains("3 \(AnswerTable.columnLetters(column)) employees") && errors.contains("ha_product_category"), "\(errors)")
        #expect(errors.split(separator: "\n").count == 2, "\(errors)")
    }

    /// A contractor's review: the questionnaire workbook left the credit code's column General, so Excel made an
    /// all-digit code a number (9.1330282123456794E+17, 15 of its 18 digits kept) and batch said only that the answer
    /// `is 20 characters long, more than 18`. The columns of text answers are now formatted as text (`@`, a style
    /// of styles.xml given to the column), and a code that arrives as a number in scientific notation — a number
    /// cell of a workbook, or the `9.13303E+17` a CSV saved by Excel holds — says what happened and what to do.
    @Test func aCreditCodeTypedAsANumberIsKeptAsTextOrExplained() throws {
        if let missing = Self.openpyxlMissing {
            print("skipped: \(missing)")
            return
        }
        let catalog = try #require(BatchCommandTests.catalog)
        let dir = BatchCommandTests.tempDir()
        let questions = dir.appendingPathComponent("q.xlsx")
        #expect(try GaizaoBinary.run(["questions", "--industry", "home-appliance", "--xlsx", questions.path]).status == 0)
        let ids = ["industry", "date"] + catalog.questionnaire(for: catalog.industry("home-appliance")!).offered(to: "home-appliance").ordered.map(\.id)
        let code = ids.firstIndex(of: "credit_code")! + 1
        // The text columns' format as a spreadsheet reads it: `@`; a number column's stays General.
        let formats = try Self.runPython("""
        import sys, openpyxl
        ws = openpyxl.load_workbook(sys.argv[1])["问卷"]
        for column in sys.argv[2:]: print(ws.column_dimensions[column].number_format)
        """, [questions.path] + [code, ids.firstIndex(of: "company_name")! + 1, ids.firstIndex(of: "employees")! + 1].map { AnswerTable.columnLetters($0) })
        #expect(formats.split(separator: "\n") == ["@", "@", "General"], "\(formats)")

        // The code typed as a number: a number cell.
        var answers = try Self.labelledAnswers("home-appliance-midsize.yaml", catalog: catalog).answers
        answers["credit_code"] = 913302821234567940.0
        let json = dir.appendingPathComponent("fill.json")
        try JSONSerialization.data(withJSONObject: ["问卷": [answers]]).write(to: json)
        let filled = dir.appendingPathComponent("number.xlsx")
        _ = try Self.runPython(Self.fillScript, [questions.path, filled.path, json.path])
        let explained = "is a number: Excel stored the credit code as a number and lost its last digits; format the column as text and type the code again"
        let r = try GaizaoBinary.run(["batch", filled.path, "-o", dir.appendingPathComponent("out").path, "--format", "json"])
        #expect(r.status == 1 && !r.crashed)
        // The number as the cell stores it (openpyxl writes 15 significant digits, Excel 17).
        #expect(r.stderr.contains("number.xlsx[问卷]:3:\(code): error: answer to `credit_code`: `9.1330282123456")
                && r.stderr.contains("e+17` \(explained)"), "\(r.stderr)")
        #expect(!r.stderr.contains("characters long"), "\(r.stderr)")
        let zh = try GaizaoBinary.run(["batch", filled.path, "-o", dir.appendingPathComponent("out-zh").path, "--format", "json"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.stderr.contains("e+17` 是数字：Excel 把统一社会信用代码存成了数字，后几位已丢失；请把该列设为文本格式，再重新输入代码"), "\(zh.stderr)")

        // A CSV saved by Excel holds the number as shown; a real code with an E in it is a code.
        let header = ["industry", "company_name", "credit_code"]
        let csv = dir.appendingPathComponent("codes.csv")
        try (header.joined(separator: ",") + "\nhome-appliance,甲,9.13303E+17\nhome-appliance,乙,91330282MA2E12345X\n").write(to: csv, atomically: true, encoding: .utf8)
        let fromCSV = try GaizaoBinary.run(["batch", csv.path, "-o", dir.appendingPathComponent("out-csv").path, "--format", "json"])
        #expect(fromCSV.stderr.contains("codes.csv:2:3: error: answer to `credit_code`: `9.13303E+17` \(explained)"), "\(fromCSV.stderr)")
        #expect(!fromCSV.stderr.contains("codes.csv:3:3"), "\(fromCSV.stderr)")
    }

    @Test func notAWorkbookIsALocatedInputError() throws {
        let dir = BatchCommandTests.tempDir()
        let file = dir.appendingPathComponent("fake.xlsx")
        try "industry,company_name\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["batch", file.path, "-o", dir.appendingPathComponent("out").path])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("fake.xlsx: error: not an xlsx workbook"), "\(r.stderr)")
    }

    /// A forged row number (the largest Int, or 0) is refused with a message, not counted on from.
    @Test func aForgedRowNumberIsRefused() throws {
        let dir = BatchCommandTests.tempDir()
        var sheet = XLSXWorkbook.Sheet(name: "问卷")
        sheet.rows = [[.text("industry")], [.text("auto-parts")]]
        let book = dir.appendingPathComponent("book.xlsx")
        try XLSXWorkbook(sheets: [sheet]).data().write(to: book)
        for forged in ["9223372036854775807", "0"] {
            let out = dir.appendingPathComponent("forged-\(forged).xlsx")
            _ = try Self.runPython("""
            import sys, zipfile
            source, target, number = sys.argv[1:4]
            with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    data = zin.read(item.filename)
                    if item.filename.startswith("xl/worksheets/"):
                        data = data.replace(b'<row r="2">', b'<row r="' + number.encode() + b'">')
                    zout.writestr(item, data)
            """, [book.path, out.path, forged])
            #expect(throws: XLSXReader.Failure.self) { try XLSXReader.sheets(Data(contentsOf: out)) }
            do {
                _ = try XLSXReader.sheets(Data(contentsOf: out))
            } catch {
                #expect("\(error)".contains("a row numbered \(forged), outside 1–1048576"), "\(error)")
            }
        }
    }

    @Test func xlsxRoundTripOfOurOwnWriterAndReader() throws {
        var sheet = XLSXWorkbook.Sheet(name: "表 & <1>")
        sheet.rows = [[.text("industry"), .text("a")], [.text("x"), .number(0.8)], [], [.text("y"), .text("多\n行 & <b>")]]
        let data = try XLSXWorkbook(sheets: [sheet]).data()
        let sheets = try XLSXReader.sheets(data)
        #expect(sheets.map(\.name) == ["表 & <1>"])
        #expect(sheets[0].rows.map(\.row) == [1, 2, 4])
        #expect(sheets[0].rows[1].fields == ["x", "0.8"])
        #expect(sheets[0].rows[2].fields == ["y", "多\n行 & <b>"])
    }
}
