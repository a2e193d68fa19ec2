import Foundation
@testable import GaizaoCLI
import Testing

/// Workbooks whose XML is hostile or broken: nested tens of thousands of levels deep, flooded with elements, not
/// well-formed, cut short. Each is refused whole with a located error and exit 1 — never a crash, a partial read,
/// or memory in proportion to what the zip unpacks to — and the output folder is left without scratch.
@Suite(.serialized) struct BatchWorkbookXMLTests {
    typealias Edge = BatchWorkbookEdgeTests

    /// A questionnaire workbook written by `questions --xlsx`, with its parts changed by `edit` (Python, on `f`,
    /// the dictionary of part name → bytes), zipped again by Python's zipfile.
    static func questionnaire(_ dir: URL, name: String, edit: String) throws -> URL {
        let source = dir.appendingPathComponent("q-\(name).xlsx")
        let q = try GaizaoBinary.run(["questions", "--industry", "auto-parts", "--xlsx", source.path])
        #expect(q.status == 0, "\(q.stderr)")
        let book = dir.appendingPathComponent("\(name).xlsx")
        _ = try BatchWorkbookTests.runPython("""
        import sys, zipfile
        z = zipfile.ZipFile(sys.argv[1])
        f = {n: z.read(n) for n in z.namelist()}
        def row(r, name):
            return ('<row r="%d"><c r="A%d" t="inlineStr"><is><t>auto-parts</t></is></c><c r="C%d" t="inlineStr"><is><t>%s</t></is></c></row>' % (r, r, r, name)).encode()
        \(edit)
        with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as o:
            for n, d in f.items():
                o.writestr(n, d)
        """, [source.path, book.path])
        return book
    }

    /// Runs `batch book -o out` and checks it failed cleanly: exit 1, no crash, no scratch left, the lock free.
    static func batchFails(_ book: URL, _ dir: URL, environment: [String: String] = [:]) throws -> GaizaoBinary.Run {
        let out = dir.appendingPathComponent("out-\(UUID().uuidString.prefix(8))")
        let r = try GaizaoBinary.run(["batch", book.path, "-o", out.path], environment: environment)
        #expect(r.status == 1 && !r.crashed, "exit \(r.status): \(r.stderr)")
        #expect(BatchCommandTests.scratchFolders(out).isEmpty)
        #expect(!r.stdout.contains("1 家成功") && !r.stdout.contains("1 succeeded"), "\(r.stdout)")
        // The lock died with the process: another batch may write into the folder.
        let fd = open(out.appendingPathComponent(BatchLock.fileName).path, O_RDWR | O_CREAT, 0o644)
        defer { close(fd) }
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        return r
    }

    // MARK: depth

    @Test func deepNestingIsRefusedBeforeAnyTreeIsBuilt() throws {
        let dir = BatchCommandTests.tempDir()
        let deep = "b'<x>' * 60000 + b'</x>' * 60000"
        // In the workbook part, in a worksheet between rows, and inside a cell.
        let cases: [(name: String, edit: String, part: String, origin: String)] = [
            ("deep-workbook", "f['xl/workbook.xml'] = f['xl/workbook.xml'].replace(b'</workbook>', \(deep) + b'</workbook>')",
             "xl/workbook.xml", "deep-workbook.xlsx: error:"),
            ("deep-sheet", "f['xl/worksheets/sheet1.xml'] = f['xl/worksheets/sheet1.xml'].replace(b'</sheetData>', \(deep) + b'</sheetData>')",
             "xl/worksheets/sheet1.xml", "deep-sheet.xlsx[问卷]: error:"),
            ("deep-cell", "f['xl/worksheets/sheet1.xml'] = f['xl/worksheets/sheet1.xml'].replace(b'</sheetData>', b'<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>' + \(deep) + b'</t></is></c></row></sheetData>')",
             "xl/worksheets/sheet1.xml", "deep-cell.xlsx[问卷]: error:"),
        ]
        for c in cases {
            let book = try Self.questionnaire(dir, name: c.name, edit: c.edit)
            #expect(try Data(contentsOf: book).count < 100_000)
            // The binary first: without the check the parse crashes, which must not take the test process with it.
            let r = try Self.batchFails(book, dir)
            #expect(r.stderr.contains("\(c.origin) the workbook part \(c.part) nests elements more than 64 deep (line "), "\(r.stderr)")
            guard !r.crashed else { continue }
            let failure = try #require(try Edge.readFailure(book))
            #expect(failure.message.hasPrefix("the workbook part \(c.part) nests elements more than 64 deep (line "), "\(failure.message)")
        }
        let zh = try Self.batchFails(dir.appendingPathComponent("deep-sheet.xlsx"), dir, environment: Edge.zh)
        #expect(zh.stderr.contains("deep-sheet.xlsx[问卷]：错误：工作簿中的 xl/worksheets/sheet1.xml 元素嵌套超过 64 层（第 "), "\(zh.stderr)")
    }

    @Test func nestingUpToTheLimitReads() throws {
        func nested(_ depth: Int) -> Data {
            Data((String(repeating: "<x a='>'>", count: depth) + String(repeating: "</x>", count: depth)).utf8)
        }
        try XLSXReader.checkShape(nested(64), part: "p.xml")
        #expect(throws: XLSXReader.Failure.self) { try XLSXReader.checkShape(nested(65), part: "p.xml") }
        // Self-closing elements, comments, processing instructions and CDATA do not nest.
        let flat = "<?xml version=\"1.0\"?>\n<a>" + String(repeating: "<b/><!-- <c> --><![CDATA[<d>]]><?pi <e>?>", count: 100) + "</a>"
        try XLSXReader.checkShape(Data(flat.utf8), part: "p.xml")
    }

    // MARK: size

    @Test func aFloodOfElementsIsRefusedAtTheCap() throws {
        let dir = BatchCommandTests.tempDir()
        // One more element than the cap, 4 bytes each, in the sheet data: a few kilobytes zipped.
        let count = XLSXReader.maxElementsPerPart + 1
        let book = try Self.questionnaire(dir, name: "flood", edit: "f['xl/worksheets/sheet1.xml'] = f['xl/worksheets/sheet1.xml'].replace(b'</sheetData>', b'<x/>' * \(count) + b'</sheetData>')")
        let r = try Self.batchFails(book, dir)
        #expect(r.stderr.contains("flood.xlsx[问卷]: error: the workbook part xl/worksheets/sheet1.xml holds more than \(XLSXReader.maxElementsPerPart) XML elements (line "), "\(r.stderr)")
        guard !r.crashed else { return }
        let failure = try #require(try Edge.readFailure(book))
        #expect(failure.sheet == "问卷")
        // The cap is counted with a small one too, and the figure is in the message.
        let small = try #require(try? Data(contentsOf: book))
        do {
            _ = try XLSXReader.sheets(small, elementLimit: 1_000)
            Issue.record("a part of more than 1,000 elements was read")
        } catch {
            #expect(error.message.contains("holds more than 1000 XML elements"), "\(error.message)")
        }
    }

    @Test func aPartLargerThanThePartLimitIsRefused() throws {
        let dir = BatchCommandTests.tempDir()
        // 140 MB of `<x/>` fits the workbook's 256 MB limit but not one part's.
        let book = try Self.questionnaire(dir, name: "huge", edit: "f['xl/worksheets/sheet1.xml'] = f['xl/worksheets/sheet1.xml'].replace(b'</sheetData>', b'<x/>' * (35 << 20) + b'</sheetData>')")
        let r = try Self.batchFails(book, dir, environment: Edge.zh)
        #expect(r.stderr.contains("huge.xlsx[问卷]：错误：工作簿中的 xl/worksheets/sheet1.xml 解压后超过上限 \(XLSXReader.maxPartBytes) 字节"), "\(r.stderr)")
        guard !r.crashed else { return }
        let failure = try #require(try Edge.readFailure(book))
        #expect(failure.message == "the workbook part xl/worksheets/sheet1.xml unpacks to more than the limit of \(XLSXReader.maxPartBytes) bytes: split the enterprises over several workbooks", "\(failure.message)")
    }

    // MARK: broken XML

    @Test func brokenSheetXMLIsALocatedErrorNotAPartialRead() throws {
        let dir = BatchCommandTests.tempDir()
        let book = try Self.questionnaire(dir, name: "broken", edit: """
        f['xl/worksheets/sheet1.xml'] = f['xl/worksheets/sheet1.xml'].replace(b'</sheetData>', row(3, '甲') + b'<oops a="x>' + row(4, '乙') + row(5, '丙') + b'</sheetData>')
        """)
        let failure = try #require(try Edge.readFailure(book))
        #expect(failure.sheet == "问卷")
        #expect(failure.message.hasPrefix("the workbook part xl/worksheets/sheet1.xml is damaged: not well-formed XML at line "), "\(failure.message)")
        let r = try Self.batchFails(book, dir)
        #expect(r.stderr.contains("broken.xlsx[问卷]: error: the workbook part xl/worksheets/sheet1.xml is damaged: not well-formed XML at line "), "\(r.stderr)")
        let zh = try Self.batchFails(book, dir, environment: Edge.zh)
        #expect(zh.stderr.contains("broken.xlsx[问卷]：错误：工作簿中的 xl/worksheets/sheet1.xml 已损坏：第 "), "\(zh.stderr)")
    }

    @Test func aSheetCutShortSaysItIsDamaged() throws {
        let dir = BatchCommandTests.tempDir()
        // Cut between two tags (elements left open), and inside a tag.
        for (name, cut, message) in [("cut", "s.index(b'<row r=\"4\"') + 11", "is damaged: it ends before its elements are closed (cut short?)"),
                                     ("cut-in-tag", "s.index(b'<row r=\"4\"') + 8", "is damaged: it ends before its elements are closed (cut short?)"),
                                     ("cut-in-cell", "s.index(b'<row r=\"4\"') + 60", "is damaged: it ends before its elements are closed (cut short?)")] {
            let book = try Self.questionnaire(dir, name: name, edit: """
            s = f['xl/worksheets/sheet1.xml'].replace(b'</sheetData>', row(3, 'A') + row(4, 'B') + b'</sheetData>')
            f['xl/worksheets/sheet1.xml'] = s[:\(cut)]
            """)
            let failure = try #require(try Edge.readFailure(book))
            #expect(failure.sheet == "问卷")
            #expect(failure.message.hasPrefix("the workbook part xl/worksheets/sheet1.xml \(message)"), "\(failure.message)")
            let r = try Self.batchFails(book, dir)
            #expect(r.stderr.contains("\(name).xlsx[问卷]: error: the workbook part xl/worksheets/sheet1.xml is damaged"), "\(r.stderr)")
            #expect(!r.stderr.contains("no enterprise rows") && !r.stderr.contains("missing required"), "\(r.stderr)")
        }
    }

    @Test func aPartInAnotherEncodingIsRefused() throws {
        for text in ["<?xml version=\"1.0\" encoding=\"UTF-7\"?><a>+ADw-b+AD4-</a>", "\u{0}<a/>", "abc<a/>"] {
            #expect(throws: XLSXReader.Failure.self) { try XLSXReader.checkShape(Data(text.utf8), part: "p.xml") }
        }
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("<a><b/></a>".data(using: .utf16LittleEndian)!)
        do {
            try XLSXReader.checkShape(utf16, part: "p.xml")
            Issue.record("a UTF-16 part was let through")
        } catch {
            #expect(error.message == "the workbook part p.xml is not UTF-8 XML, as workbooks always are")
        }
        for text in ["\u{FEFF}<?xml version='1.0' encoding='utf-8'?>\r\n<a/>", "<?xml version=\"1.0\" standalone=\"yes\"?><a/>", " \n<a/>"] {
            try XLSXReader.checkShape(Data(text.utf8), part: "p.xml")
        }
    }

    @Test func brokenSharedStringsOrRelationshipsAreLocatedErrors() throws {
        let dir = BatchCommandTests.tempDir()
        for (part, name) in [("xl/sharedStrings.xml", "sst"), ("xl/_rels/workbook.xml.rels", "rels"), ("xl/workbook.xml", "wb")] {
            let parts = Edge.sheetParts(#"<row r="1">"# + Edge.inline("A1", "industry") + "</row>", shared: ["x"])
                .merging([part: "<a><b></a>"]) { $1 }
            let book = dir.appendingPathComponent("\(name).xlsx")
            try Edge.workbook(parts, at: book)
            let failure = try #require(try Edge.readFailure(book))
            #expect(failure.message.hasPrefix("the workbook part \(part) is damaged: not well-formed XML at line 1, column "), "\(failure.message)")
        }
    }

    @Test func aDocumentTypeDeclarationIsRefused() throws {
        let dir = BatchCommandTests.tempDir()
        // Entities that expand to a billion `x`s (and could expand to nested elements this check would not see).
        let doctype = #"<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "xxxxxxxxxx"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>"#
        let parts = Edge.sheetParts(#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#)
            .merging(["xl/sharedStrings.xml": doctype + "\n<sst><si><t>&i;</t></si></sst>"]) { $1 }
        let book = dir.appendingPathComponent("laughs.xlsx")
        try Edge.workbook(parts, at: book)
        let failure = try #require(try Edge.readFailure(book))
        #expect(failure.message == "the workbook part xl/sharedStrings.xml holds a document type declaration (<!DOCTYPE>) at line 1, which workbooks never have", "\(failure.message)")
    }
}
