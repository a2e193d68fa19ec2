import Foundation
@testable import GaizaoCLI
@testable import GaizaoCore
import Testing

/// Issue 17, spreadsheets as they come: a file with only its header, cells beyond the last column, workbooks
/// missing parts, zip bombs, formulas, dates, merged cells. Each gets a located error or the value a person sees,
/// never a crash or a silent "0 of 0".
@Suite(.serialized) struct BatchWorkbookEdgeTests {
    static let zh = ["LANG": "zh_CN.UTF-8"]

    /// A workbook made of the given parts (paths in the zip → XML), zipped by Python's zipfile, not by gaizao.
    /// `stored`: the parts are stored as they are, not compressed (their text can then be found in the file).
    static func workbook(_ parts: [String: String], at url: URL, stored: Bool = false) throws {
        let spec = url.deletingPathExtension().appendingPathExtension("json")
        try JSONSerialization.data(withJSONObject: parts).write(to: spec)
        _ = try BatchWorkbookTests.runPython("""
        import json, sys, zipfile
        parts = json.load(open(sys.argv[1], encoding="utf-8"))
        with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_STORED if sys.argv[3] == "stored" else zipfile.ZIP_DEFLATED) as z:
            for name, text in parts.items():
                z.writestr(name, text.encode("utf-8"))
        """, [spec.path, url.path, stored ? "stored" : "deflated"])
    }

    static let workbookXML = #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="问卷" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    static let relsXML = #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#

    /// A one-sheet workbook whose sheet data is `rows` (`<row>` elements), with `extra` after the sheet data.
    static func sheetParts(_ rows: String, extra: String = "", shared: [String]? = nil) -> [String: String] {
        var parts = [
            "xl/workbook.xml": workbookXML,
            "xl/_rels/workbook.xml.rels": relsXML,
            "xl/worksheets/sheet1.xml": #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"# + rows + "</sheetData>" + extra + "</worksheet>",
        ]
        if let shared {
            parts["xl/sharedStrings.xml"] = #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"# + shared.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"
        }
        return parts
    }

    static func inline(_ reference: String, _ text: String) -> String { #"<c r="\#(reference)" t="inlineStr"><is><t>\#(text)</t></is></c>"# }

    static func readFailure(_ url: URL, limit: Int64 = XLSXReader.maxUnzippedBytes) throws -> XLSXReader.Failure? {
        let data = try Data(contentsOf: url)
        do {
            _ = try XLSXReader.sheets(data, limit: limit)
            return nil
        } catch {
            return error
        }
    }

    // MARK: no enterprise rows

    @Test func aCSVWithOnlyItsHeaderIsALocatedErrorNotZeroOfZero() throws {
        let dir = BatchCommandTests.tempDir()
        let csv = dir.appendingPathComponent("enterprises.csv")
        try "industry,company_name,employees\r\n".write(to: csv, atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["batch", csv.path, "-o", dir.appendingPathComponent("out").path])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("enterprises.csv:2: error: no enterprise rows below the header (row 1): the CSV file holds no enterprise"), "\(r.stderr)")
        let zh = try GaizaoBinary.run(["batch", csv.path, "-o", dir.appendingPathComponent("out-zh").path], environment: Self.zh)
        #expect(zh.status == 1)
        #expect(zh.stderr.contains("enterprises.csv:2：错误：表头（第 1 行）下面没有企业行：这个 CSV 文件里没有企业"), "\(zh.stderr)")
    }

    @Test func anEmptyInputBesideOthersIsAWarning() throws {
        let dir = BatchCommandTests.tempDir()
        let csv = dir.appendingPathComponent("empty.csv")
        try "industry,company_name\n".write(to: csv, atomically: true, encoding: .utf8)
        let example = GaizaoBinary.repositoryRoot.appendingPathComponent("examples/auto-parts-midsize.yaml").path
        let out = dir.appendingPathComponent("out")
        let r = try GaizaoBinary.run(["batch", csv.path, example, "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("empty.csv:2: warning: no enterprise rows below the header (row 1)"), "\(r.stderr)")
        #expect(try BatchCommandTests.summaryRows(out).count == 1)
    }

    @Test func aWorkbookWithOnlyItsHeaderRowsIsALocatedError() throws {
        let dir = BatchCommandTests.tempDir()
        let book = dir.appendingPathComponent("book.xlsx")
        var sheet = XLSXWorkbook.Sheet(name: "问卷")
        sheet.rows = [[.text("行业"), .text("企业名称")], [.text("industry"), .text("company_name")]]
        try XLSXWorkbook(sheets: [sheet]).data().write(to: book)
        let r = try GaizaoBinary.run(["batch", book.path, "-o", dir.appendingPathComponent("out").path])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("book.xlsx[问卷]:3: error: no enterprise rows below the header (row 2): the workbook holds no enterprise"), "\(r.stderr)")
        #expect(r.stdout.contains("0 家成功，0 家失败"), "\(r.stdout)")
    }

    @Test func aFolderWithoutAnswersIsAnError() throws {
        let dir = BatchCommandTests.tempDir()
        let empty = dir.appendingPathComponent("nothing-here")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let r = try GaizaoBinary.run(["batch", empty.path, "-o", dir.appendingPathComponent("out").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("nothing-here: error: the folder holds no answers files (.yaml, .json), CSV files or xlsx workbooks"), "\(r.stderr)")
    }

    // MARK: hostile workbooks

    @Test func aColumnBeyondXFDIsRefusedWithItsCell() throws {
        let dir = BatchCommandTests.tempDir()
        for reference in ["XFE2", "ZZZZZ2", String(repeating: "Z", count: 40) + "2"] {
            let book = dir.appendingPathComponent("wide-\(reference.count).xlsx")
            try Self.workbook(Self.sheetParts(#"<row r="1">"# + Self.inline("A1", "industry") + "</row><row r=\"2\">" + Self.inline("A2", "auto-parts")
                + Self.inline(reference, "x") + "</row>"), at: book)
            let failure = try #require(try Self.readFailure(book))
            #expect(failure.sheet == "问卷" && failure.row == 2)
            #expect(failure.message == "cell \(reference.prefix(40)) lies beyond column XFD, the last column of a worksheet")
            let r = try GaizaoBinary.run(["batch", book.path, "-o", dir.appendingPathComponent("out-\(reference.count)").path])
            #expect(r.status == 1 && !r.crashed)
            #expect(r.stderr.contains("wide-\(reference.count).xlsx[问卷]:2: error: cell \(reference.prefix(40)) lies beyond column XFD"), "\(r.stderr)")
        }
        // XFD itself is the last column, and allowed.
        let edge = dir.appendingPathComponent("edge.xlsx")
        try Self.workbook(Self.sheetParts(#"<row r="1">"# + Self.inline("A1", "industry") + Self.inline("XFD1", "last") + "</row>"), at: edge)
        let sheets = try XLSXReader.sheets(Data(contentsOf: edge))
        #expect(sheets[0].rows[0].fields.count == 16_384 && sheets[0].rows[0].fields.last == "last")
    }

    @Test func aCellReferenceOfAnotherRowOrNoColumnIsRefused() throws {
        let dir = BatchCommandTests.tempDir()
        for reference in ["B3", "12", "A-1"] {
            let book = dir.appendingPathComponent("ref.xlsx")
            try? FileManager.default.removeItem(at: book)
            try Self.workbook(Self.sheetParts(#"<row r="2">"# + Self.inline(reference, "x") + "</row>"), at: book)
            let failure = try #require(try Self.readFailure(book))
            #expect(failure.message.hasPrefix("cell reference `\(reference)` in row 2 is not a cell of that row"), "\(failure.message)")
        }
    }

    /// Excel and WPS write each row once, in ascending order. A sheet with a row number twice, or with its rows
    /// out of order (a forged or damaged file), is refused with its sheet and row: never read as two enterprises
    /// of one row number, nor numbered otherwise than the user sees them.
    @Test func aRowNumberTwiceOrRowsOutOfOrderAreRefusedWithTheRow() throws {
        let dir = BatchCommandTests.tempDir()
        let header = #"<row r="1">"# + Self.inline("A1", "industry") + Self.inline("B1", "company_name") + "</row>"
        func enterprise(_ row: Int, _ name: String) -> String {
            "<row r=\"\(row)\">" + Self.inline("A\(row)", "auto-parts") + Self.inline("B\(row)", name) + "</row>"
        }
        let cases: [(name: String, rows: String, row: Int, message: String)] = [
            ("twice", enterprise(2, "甲") + enterprise(3, "乙") + enterprise(3, "丙"), 3, "row 3 appears twice in the sheet"),
            ("twice-apart", enterprise(2, "甲") + enterprise(3, "乙") + enterprise(4, "丙") + enterprise(3, "丁"), 3, "row 3 appears twice in the sheet"),
            ("header-twice", enterprise(1, "甲") + enterprise(2, "乙"), 1, "row 1 appears twice in the sheet"),
            ("unordered", enterprise(3, "乙") + enterprise(2, "甲"), 2,
             "row 2 comes after row 3: the rows are out of order, as no spreadsheet writes them"),
        ]
        for c in cases {
            let book = dir.appendingPathComponent("\(c.name).xlsx")
            try Self.workbook(Self.sheetParts(header + c.rows), at: book)
            let failure = try #require(try Self.readFailure(book), "\(c.name)")
            #expect(failure.sheet == "问卷" && failure.row == c.row, "\(c.name)")
            #expect(failure.message == c.message, "\(c.name)")
        }
        let book = dir.appendingPathComponent("twice.xlsx")
        let out = dir.appendingPathComponent("out")
        let r = try GaizaoBinary.run(["batch", book.path, "-o", out.path])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("twice.xlsx[问卷]:3: error: row 3 appears twice in the sheet"), "\(r.stderr)")
        // No enterprise of the sheet is diagnosed: the summary holds the workbook's error alone.
        let rows = try BatchCommandTests.summaryRows(out)
        #expect(rows.count == 1 && rows.first?["status"] == "failed" && rows.first?["folder"] == "", "\(rows)")
        let zh = try GaizaoBinary.run(["batch", dir.appendingPathComponent("unordered.xlsx").path, "-o", dir.appendingPathComponent("out-zh").path],
                                      environment: Self.zh)
        #expect(zh.status == 1 && !zh.crashed)
        #expect(zh.stderr.contains("unordered.xlsx[问卷]:2：错误：第 2 行排在第 3 行之后：行的顺序错乱，表格软件不会这样写"), "\(zh.stderr)")
        let zhTwice = try GaizaoBinary.run(["batch", book.path, "-o", dir.appendingPathComponent("out-zh2").path], environment: Self.zh)
        #expect(zhTwice.stderr.contains("twice.xlsx[问卷]:3：错误：第 3 行在工作表中出现了两次"), "\(zhTwice.stderr)")
        // Rows in ascending order with gaps, and rows without a number (each the one after the last), still read.
        let gaps = dir.appendingPathComponent("gaps.xlsx")
        try Self.workbook(Self.sheetParts(header + enterprise(2, "甲") + enterprise(5, "乙") + "<row>" + Self.inline("A6", "auto-parts") + "</row>"), at: gaps)
        #expect(try XLSXReader.sheets(Data(contentsOf: gaps))[0].rows.map(\.row) == [1, 2, 5, 6])
    }

    @Test func aMissingSharedStringsPartIsALocatedError() throws {
        let dir = BatchCommandTests.tempDir()
        let book = dir.appendingPathComponent("noshared.xlsx")
        try Self.workbook(Self.sheetParts(#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>"#), at: book)
        let failure = try #require(try Self.readFailure(book))
        #expect(failure.row == 1 && failure.column == 1)
        #expect(failure.message == "cell A1 refers to shared text 0, but the workbook holds 0 (its xl/sharedStrings.xml is missing or cut short)")
        let r = try GaizaoBinary.run(["batch", book.path, "-o", dir.appendingPathComponent("out").path], environment: Self.zh)
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("noshared.xlsx[问卷]:1:1：错误：单元格 A1 引用了第 0 条共享文本，但工作簿只有 0 条"), "\(r.stderr)")
        // With the part present the same cells read.
        let good = dir.appendingPathComponent("shared.xlsx")
        try Self.workbook(Self.sheetParts(#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>"#, shared: ["industry", "company_name"]), at: good)
        #expect(try XLSXReader.sheets(Data(contentsOf: good))[0].rows[0].fields == ["industry", "company_name"])
    }

    /// A stored part with one bit flipped (`慈` becomes `愈`) unpacks without complaint: only its CRC-32 tells. The
    /// workbook is refused, with the part named, rather than read as another enterprise's name.
    @Test func aPartWhoseChecksumDoesNotMatchIsRefused() throws {
        let dir = BatchCommandTests.tempDir()
        let good = dir.appendingPathComponent("good.xlsx")
        let rows = #"<row r="1">"# + Self.inline("A1", "industry") + Self.inline("B1", "company_name") + "</row>"
            + #"<row r="2">"# + Self.inline("A2", "auto-parts") + Self.inline("B2", "慈溪甲乙") + "</row>"
        try Self.workbook(Self.sheetParts(rows), at: good, stored: true)
        #expect(try XLSXReader.sheets(Data(contentsOf: good))[0].rows[1].fields == ["auto-parts", "慈溪甲乙"])
        var bytes = [UInt8](try Data(contentsOf: good))
        let name = Array("慈溪甲乙".utf8)
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: name) })
        bytes[at + 1] ^= 1
        let damaged = dir.appendingPathComponent("damaged.xlsx")
        try Data(bytes).write(to: damaged)
        let failure = try #require(try Self.readFailure(damaged))
        #expect(failure.message.hasPrefix("the workbook part xl/worksheets/sheet1.xml is damaged (checksum mismatch)"), "\(failure.message)")
        let r = try GaizaoBinary.run(["batch", damaged.path, "-o", dir.appendingPathComponent("out").path, "--lang", "en"])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("damaged.xlsx[问卷]: error: the workbook part xl/worksheets/sheet1.xml is damaged (checksum mismatch)"), "\(r.stderr)")
        #expect(!r.stderr.contains("愈溪甲乙"))
        let zh = try GaizaoBinary.run(["batch", damaged.path, "-o", dir.appendingPathComponent("out-zh").path], environment: Self.zh)
        #expect(zh.status == 1)
        #expect(zh.stderr.contains("damaged.xlsx[问卷]：错误：工作簿中的 xl/worksheets/sheet1.xml 已损坏（校验和不符）"), "\(zh.stderr)")
    }

    /// A sheet that xl/workbook.xml lists is read or the workbook is refused, naming the sheet: its part missing,
    /// its relationship unknown or absent, or its part outside the package (docs/spreadsheets.md: "never read in part").
    @Test func aSheetWhosePartCannotBeFoundIsRefusedWithTheSheet() throws {
        let dir = BatchCommandTests.tempDir()
        let rows = #"<row r="1">"# + Self.inline("A1", "industry") + Self.inline("B1", "company_name") + "</row>"
            + #"<row r="2">"# + Self.inline("A2", "auto-parts") + Self.inline("B2", "甲") + "</row>"
        func twoSheets(_ second: String, relationship: String) -> [String: String] {
            var parts = Self.sheetParts(rows)
            parts["xl/workbook.xml"] = Self.workbookXML.replacingOccurrences(of: "</sheets>", with: second + "</sheets>")
            parts["xl/_rels/workbook.xml.rels"] = Self.relsXML.replacingOccurrences(of: "</Relationships>", with: relationship + "</Relationships>")
            return parts
        }
        let worksheet = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
        let cases: [(name: String, parts: [String: String], message: String)] = [
            ("missing", twoSheets(#"<sheet name="问卷2" sheetId="2" r:id="rId9"/>"#,
                                  relationship: #"<Relationship Id="rId9" Type="\#(worksheet)" Target="worksheets/sheet3.xml"/>"#),
             "the workbook part xl/worksheets/sheet3.xml of the sheet is missing: the workbook is damaged"),
            ("unknown", twoSheets(#"<sheet name="问卷2" sheetId="2" r:id="rId7"/>"#, relationship: ""),
             "xl/workbook.xml lists the sheet with relationship `rId7`, which xl/_rels/workbook.xml.rels does not hold: the workbook is damaged"),
            ("noid", twoSheets(#"<sheet name="问卷2" sheetId="2"/>"#, relationship: ""),
             "xl/workbook.xml lists the sheet without the relationship id (r:id) that names its part: the workbook is damaged"),
            ("outside", twoSheets(#"<sheet name="问卷2" sheetId="2" r:id="rId9"/>"#,
                                  relationship: #"<Relationship Id="rId9" Type="\#(worksheet)" Target="../../worksheets/sheet1.xml"/>"#),
             "the part of the sheet lies outside the workbook (relationship `rId9`): the workbook is damaged or forged"),
            ("external", twoSheets(#"<sheet name="问卷2" sheetId="2" r:id="rId9"/>"#,
                                   relationship: #"<Relationship Id="rId9" Type="\#(worksheet)" Target="file:///etc/passwd" TargetMode="External"/>"#),
             "the part of the sheet lies outside the workbook (relationship `rId9`): the workbook is damaged or forged"),
        ]
        for c in cases {
            let book = dir.appendingPathComponent("\(c.name).xlsx")
            try Self.workbook(c.parts, at: book)
            let failure = try #require(try Self.readFailure(book), "\(c.name)")
            #expect(failure.sheet == "问卷2" && failure.message == c.message, "\(c.name): \(failure.message)")
        }
        // A target written from the package's root, or through `..` that stays inside, still reads.
        for target in ["/xl/worksheets/sheet1.xml", "worksheets/../worksheets/./sheet1.xml"] {
            let book = dir.appendingPathComponent("target.xlsx")
            try? FileManager.default.removeItem(at: book)
            var parts = Self.sheetParts(rows)
            parts["xl/_rels/workbook.xml.rels"] = Self.relsXML.replacingOccurrences(of: "worksheets/sheet1.xml", with: target)
            try Self.workbook(parts, at: book)
            #expect(try XLSXReader.sheets(Data(contentsOf: book))[0].rows.count == 2, "\(target)")
        }
        let book = dir.appendingPathComponent("missing.xlsx")
        let r = try GaizaoBinary.run(["batch", book.path, "-o", dir.appendingPathComponent("out").path, "--lang", "en"])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("missing.xlsx[问卷2]: error: the workbook part xl/worksheets/sheet3.xml of the sheet is missing"), "\(r.stderr)")
        let zh = try GaizaoBinary.run(["batch", book.path, "-o", dir.appendingPathComponent("out-zh").path], environment: Self.zh)
        #expect(zh.stderr.contains("missing.xlsx[问卷2]：错误：这个工作表的部件 xl/worksheets/sheet3.xml 缺失：工作簿已损坏"), "\(zh.stderr)")
    }

    /// What a worksheet holds once (a cell, a cell's value, the table of cells) found twice is refused where it is:
    /// never the last value silently taken, nor an empty cell or an empty sheet read in its place.
    @Test func whatAPartHoldsOnceFoundTwiceIsALocatedError() throws {
        let dir = BatchCommandTests.tempDir()
        let header = #"<row r="1">"# + Self.inline("A1", "industry") + Self.inline("B1", "employees") + "</row>"
        let cases: [(name: String, parts: [String: String], row: Int?, column: Int?, message: String)] = [
            ("dupcell", Self.sheetParts(header + #"<row r="2">"# + Self.inline("A2", "auto-parts") + #"<c r="B2"><v>25</v></c><c r="B2"><v>3000</v></c></row>"#),
             2, 2, "cell B2 appears twice in row 2"),
            ("unordered", Self.sheetParts(header + #"<row r="2"><c r="C2"><v>1</v></c>"# + Self.inline("A2", "auto-parts") + "</row>"),
             2, 1, "cell A2 comes after cell C2: the cells of row 2 are out of order, as no spreadsheet writes them"),
            ("twov", Self.sheetParts(header + #"<row r="2">"# + Self.inline("A2", "auto-parts") + #"<c r="B2"><v>25</v><v>3000</v></c></row>"#),
             2, 2, "cell B2 holds 2 values (<v>), where a cell has one: the workbook is damaged"),
            ("twof", Self.sheetParts(header + #"<row r="2">"# + Self.inline("A2", "auto-parts") + #"<c r="B2"><f>1+1</f><f>2+2</f><v>2</v></c></row>"#),
             2, 2, "cell B2 holds 2 formulas (<f>), where a cell has one: the workbook is damaged"),
            ("twois", Self.sheetParts(header + #"<row r="2"><c r="A2" t="inlineStr"><is><t>auto-parts</t></is><is><t>x</t></is></c></row>"#),
             2, 1, "cell A2 holds 2 inline texts (<is>), where a cell has one: the workbook is damaged"),
            ("twot", Self.sheetParts(header + #"<row r="2"><c r="A2" t="inlineStr"><is><t>auto-parts</t><t>x</t></is></c></row>"#),
             2, 1, "cell A2 holds its text twice (two <t>): the workbook is damaged"),
            ("twotshared", Self.sheetParts(#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>"#, shared: ["industry", "a</t><t>b"]),
             1, 2, "cell B1 refers to shared text 1, which holds its text twice (two <t>): the workbook is damaged"),
            ("twosheetdata", Self.sheetParts(header, extra: #"<sheetData><row r="2"><c r="A2"><v>1</v></c></row></sheetData>"#),
             nil, nil, "the sheet holds 2 tables of cells (<sheetData>), where a worksheet has one: the workbook is damaged"),
            ("twomerges", Self.sheetParts(header, extra: #"<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells><mergeCells count="1"><mergeCell ref="B1:B2"/></mergeCells>"#),
             nil, nil, "the sheet holds 2 lists of merged cells (<mergeCells>), where a worksheet has one: the workbook is damaged"),
        ]
        for c in cases {
            let book = dir.appendingPathComponent("\(c.name).xlsx")
            try Self.workbook(c.parts, at: book)
            let failure = try #require(try Self.readFailure(book), "\(c.name)")
            #expect(failure.sheet == "问卷" && failure.row == c.row && failure.column == c.column, "\(c.name): \(failure)")
            #expect(failure.message == c.message, "\(c.name): \(failure.message)")
        }
        var twoLists = Self.sheetParts(header)
        twoLists["xl/workbook.xml"] = Self.workbookXML.replacingOccurrences(of: "</sheets>", with: "</sheets><sheets/>")
        let book = dir.appendingPathComponent("twolists.xlsx")
        try Self.workbook(twoLists, at: book)
        #expect(try Self.readFailure(book)?.message == "xl/workbook.xml holds 2 lists of sheets (<sheets>), where a workbook has one: the workbook is damaged")
        let dupcell = dir.appendingPathComponent("dupcell.xlsx")
        let r = try GaizaoBinary.run(["batch", dupcell.path, "-o", dir.appendingPathComponent("out").path, "--lang", "en"])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("dupcell.xlsx[问卷]:2:2: error: cell B2 appears twice in row 2"), "\(r.stderr)")
        let zh = try GaizaoBinary.run(["batch", dir.appendingPathComponent("twov.xlsx").path, "-o", dir.appendingPathComponent("out-zh").path],
                                      environment: Self.zh)
        #expect(zh.stderr.contains("twov.xlsx[问卷]:2:2：错误：单元格 B2 有 2 个值（<v>），正常的单元格只有一个：工作簿已损坏"), "\(zh.stderr)")
    }

    /// `30%` typed in Excel is stored as `0.3` with a percentage number format (built-in 9 or 10, or a custom one
    /// with a `%` that scales): read as the person sees it, 30 (the questionnaire's percentages are 0–100). A cell
    /// whose style xl/styles.xml does not define is refused with the cell: whether it is a percentage is unknown.
    @Test func aPercentageCellReadsAsThePersonSeesIt() throws {
        let dir = BatchCommandTests.tempDir()
        let styles = #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3">"#
            + #"<numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="0.0&quot;%&quot;"/><numFmt numFmtId="166" formatCode="[Red]0\%"/></numFmts>"#
            + #"<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>"#
        let values: [(style: Int, stored: String)] = [(1, "0.3"), (2, "0.075"), (3, "0.125"), (4, "0.3"), (5, "0.3"), (0, "0.3"), (1, "1")]
        var cells = ""
        for (i, v) in values.enumerated() {
            cells += #"<c r="\#(AnswerTable.columnLetters(i + 1))1" s="\#(v.style)"><v>\#(v.stored)</v></c>"#
        }
        var parts = Self.sheetParts(#"<row r="1">"# + cells + "</row>")
        parts["xl/styles.xml"] = styles
        let book = dir.appendingPathComponent("percent.xlsx")
        try Self.workbook(parts, at: book)
        // Formats 9, 10 and `0.0%` scale; a quoted `"%"` or an escaped `\%` is shown as written, and General is General.
        #expect(try XLSXReader.sheets(Data(contentsOf: book))[0].rows[0].fields == ["30", "7.5", "12.5", "0.3", "0.3", "0.3", "100"])
        parts["xl/worksheets/sheet1.xml"] = Self.sheetParts(#"<row r="1">"# + Self.inline("A1", "industry") + Self.inline("B1", "employees") + "</row>"
            + #"<row r="2">"# + Self.inline("A2", "auto-parts") + #"<c r="B2" s="9"><v>0.3</v></c></row>"#)["xl/worksheets/sheet1.xml"]
        let unknown = dir.appendingPathComponent("unknownstyle.xlsx")
        try Self.workbook(parts, at: unknown)
        let failure = try #require(try Self.readFailure(unknown))
        #expect(failure.row == 2 && failure.column == 2)
        #expect(failure.message == "cell B2 uses style 9, which xl/styles.xml does not define (it defines 6): whether its number is a percentage cannot be told")
        let zh = try GaizaoBinary.run(["batch", unknown.path, "-o", dir.appendingPathComponent("out-zh").path], environment: Self.zh)
        #expect(zh.status == 1 && !zh.crashed)
        #expect(zh.stderr.contains("unknownstyle.xlsx[问卷]:2:2：错误：单元格 B2 使用的样式 9 在 xl/styles.xml 中没有定义（只定义了 6 个）：无法判断其数字是否为百分比"), "\(zh.stderr)")
    }

    @Test func percentFormatCodes() {
        for code in ["0%", "0.00%", "#,##0.0%;[Red]-0.0%", "%0"] { #expect(XLSXReader.StylesReader.scalesToPercent(code), "\(code)") }
        for code in ["0", #"0"%""#, #"0\%"#, "[Red]0", "0_%", "0*%", "General"] { #expect(!XLSXReader.StylesReader.scalesToPercent(code), "\(code)") }
    }

    /// A part ZIPFoundation cannot unpack is named with the reason in words, not a Swift enum case
    /// (`invalidCompressionMethod`), in English and Chinese.
    @Test func aPartThatCannotBeUnpackedSaysWhyInWords() throws {
        let dir = BatchCommandTests.tempDir()
        let book = dir.appendingPathComponent("bz.xlsx")
        _ = try BatchWorkbookTests.runPython("""
        import sys, zipfile
        with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_BZIP2) as z:
            z.writestr("xl/workbook.xml", "<workbook/>")
        """, [book.path])
        let failure = try #require(try Self.readFailure(book))
        #expect(failure.message == "the workbook part xl/workbook.xml cannot be unpacked (it is compressed with a method spreadsheets do not use: open the workbook in a spreadsheet and save it again)")
        let zh = try GaizaoBinary.run(["batch", book.path, "-o", dir.appendingPathComponent("out-zh").path], environment: Self.zh)
        #expect(zh.status == 1 && !zh.crashed)
        #expect(zh.stderr.contains("bz.xlsx：错误：工作簿中的 xl/workbook.xml 无法解压（它的压缩方式不是表格软件所用的：请用表格软件打开工作簿并重新保存）"), "\(zh.stderr)")
        // A deflated part whose compressed bytes were changed.
        let good = dir.appendingPathComponent("good.xlsx")
        try Self.workbook(Self.sheetParts(String(repeating: #"<row>"# + Self.inline("A1", "x") + "</row>", count: 1)), at: good)
        var bytes = [UInt8](try Data(contentsOf: good))
        // The first local header's data: 30 bytes of header, then the name and the extra field.
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8, extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        let data = 30 + nameLength + extraLength
        for k in data..<(data + 8) { bytes[k] = 0xFF }
        let damaged = dir.appendingPathComponent("deflate.xlsx")
        try Data(bytes).write(to: damaged)
        let message = try #require(try Self.readFailure(damaged)).message
        #expect(!message.contains("corruptedData") && !message.contains("invalidStream"), "\(message)")
        #expect(message.hasSuffix("(its compressed bytes are damaged (cut short or changed when it was copied or downloaded?))")
                || message.contains("is damaged (checksum mismatch)"), "\(message)")
    }

    @Test func aZipBombStopsAtTheLimit() throws {
        let dir = BatchCommandTests.tempDir()
        let book = dir.appendingPathComponent("bomb.xlsx")
        // 4 MB of one repeated row compresses to a few kilobytes.
        let row = #"<row><c t="inlineStr"><is><t>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</t></is></c></row>"#
        try Self.workbook(Self.sheetParts(String(repeating: row, count: 4 << 20 / row.utf8.count)), at: book)
        #expect(try Data(contentsOf: book).count < 200_000)
        let failure = try #require(try Self.readFailure(book, limit: 1 << 20))
        #expect(failure.message.hasPrefix("the workbook unpacks to "), "\(failure.message)")
        #expect(failure.message.hasSuffix("more than the limit of 1048576") || failure.message.hasSuffix("more than the limit of 1048576 bytes"))
        // A zip whose headers understate the sizes is stopped by the bytes actually unpacked.
        let lying = dir.appendingPathComponent("lying.xlsx")
        _ = try BatchWorkbookTests.runPython("""
        import struct, sys
        data = bytearray(open(sys.argv[1], "rb").read())
        i = 0
        while True:
            i = data.find(b"PK\\x01\\x02", i)
            if i < 0: break
            struct.pack_into("<I", data, i + 24, 100)   # central directory: uncompressed size
            i += 4
        i = 0
        while True:
            i = data.find(b"PK\\x03\\x04", i)
            if i < 0: break
            struct.pack_into("<I", data, i + 22, 100)   # local header: uncompressed size
            i += 4
        open(sys.argv[2], "wb").write(data)
        """, [book.path, lying.path])
        #expect(try Self.readFailure(lying, limit: 1 << 20) != nil)
    }

    @Test func formulasGiveTheirValueOrALocatedError() throws {
        let dir = BatchCommandTests.tempDir()
        let book = dir.appendingPathComponent("formula.xlsx")
        try Self.workbook(Self.sheetParts(#"<row r="1"><c r="A1"><f>20*2</f><v>40</v></c><c r="B1" t="str"><f>"auto"&amp;"-parts"</f><v>auto-parts</v></c></row>"#), at: book)
        #expect(try XLSXReader.sheets(Data(contentsOf: book))[0].rows[0].fields == ["40", "auto-parts"])
        let uncached = dir.appendingPathComponent("uncached.xlsx")
        try Self.workbook(Self.sheetParts(#"<row r="4"><c r="C4"><f>SUM(A1:A3)</f></c></row>"#), at: uncached)
        let failure = try #require(try Self.readFailure(uncached))
        #expect(failure.row == 4 && failure.column == 3)
        #expect(failure.message.hasPrefix("cell C4 holds a formula with no computed value"))
    }

    @Test func mergedCellsReadAsAPersonSeesThem() throws {
        let dir = BatchCommandTests.tempDir()
        let book = dir.appendingPathComponent("merged.xlsx")
        let rows = #"<row r="1">"# + Self.inline("A1", "industry") + Self.inline("B1", "company_name") + "</row>"
            + #"<row r="2">"# + Self.inline("A2", "auto-parts") + Self.inline("B2", "甲") + "</row>"
            + #"<row r="3">"# + Self.inline("B3", "乙") + "</row>"
            + #"<row r="4">"# + Self.inline("B4", "丙") + "</row>"
        // The industry merged down over three enterprises; a merge over the whole sheet costs nothing.
        try Self.workbook(Self.sheetParts(rows, extra: #"<mergeCells count="2"><mergeCell ref="A2:A4"/><mergeCell ref="D1:XFD1048576"/></mergeCells>"#), at: book)
        let sheet = try XLSXReader.sheets(Data(contentsOf: book))[0]
        #expect(sheet.rows.map(\.fields) == [["industry", "company_name"], ["auto-parts", "甲"], ["auto-parts", "乙"], ["auto-parts", "丙"]])
        let broken = dir.appendingPathComponent("badmerge.xlsx")
        try Self.workbook(Self.sheetParts(rows, extra: #"<mergeCells count="1"><mergeCell ref="A4:A2"/></mergeCells>"#), at: broken)
        #expect(try Self.readFailure(broken)?.message == "merged range `A4:A2` is not a range such as A1:C1")
    }

    @Test func aDateCellGivesTheDiagnosisDate() throws {
        let dir = BatchCommandTests.tempDir()
        let book = dir.appendingPathComponent("dated.xlsx")
        let rows = #"<row r="1">"# + Self.inline("A1", "industry") + Self.inline("B1", "date") + Self.inline("C1", "company_name") + "</row>"
            + #"<row r="2">"# + Self.inline("A2", "auto-parts") + #"<c r="B2" s="1"><v>46346</v></c>"# + Self.inline("C2", "甲") + "</row>"
        try Self.workbook(Self.sheetParts(rows), at: book)
        let tables = try #require(try? WorkbookTables.open(book.path).get())
        var table = try #require(tables.first)
        let record = table.next()
        guard case let .csvRow(_, cells, _) = record else { Issue.record("not a row: \(String(describing: record))"); return }
        #expect(cells.date == "2026-11-20")
    }
}
