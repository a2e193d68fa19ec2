import Foundation
@testable import GaizaoCLI
import Testing

/// Defects a later hostile-input sweep found (a batch that no signal stopped, a wizard that could save nothing,
/// a user's file deleted to make room, unclear messages): each test failed before its fix.
@Suite struct HostileSweepTests {
    static func tempDir() -> URL {
        let url = TestScratch.url("sweep")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `gaizao batch - -o DIR` typed at a terminal without `< FILE`, or fed by a pipe that sends nothing: Ctrl-C (or
    /// a SIGTERM) stops it with 130, as it stops a batch at work, instead of the read being restarted for ever.
    @Test(arguments: [SIGINT, SIGTERM]) func aBatchWaitingOnStandardInputStopsOnASignal(_ signal: Int32) throws {
        let dir = Self.tempDir()
        let silent = Pipe()  // the write end stays open and nothing is written
        let process = try GaizaoBinary.start(["batch", "-", "-o", "out"], in: dir, stdin: silent.fileHandleForReading)
        usleep(1_500_000)  // the catalog is loaded and standard input waited on
        kill(process.processIdentifier, signal)
        let ended = GaizaoBinary.waitForExit(process, seconds: 10)
        #expect(ended, "still waiting on standard input 10 s after the signal")
        #expect(process.terminationStatus == 130)
        try silent.fileHandleForWriting.close()
    }

    /// A line that never ends (`gaizao batch - < /dev/zero`) is skipped without being held, and a signal still stops
    /// the batch.
    @Test func aLineThatNeverEndsDoesNotOutliveASignal() throws {
        let dir = Self.tempDir()
        let process = try GaizaoBinary.start(["batch", "-", "-o", "out"], in: dir,
                                             stdin: try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/zero")))
        usleep(1_500_000)
        kill(process.processIdentifier, SIGTERM)
        let ended = GaizaoBinary.waitForExit(process, seconds: 10)
        #expect(ended, "still reading /dev/zero 10 s after SIGTERM")
        #expect(process.terminationStatus == 130)
    }

    /// The wizard saves after every answer: where it cannot save (a file in the way of the folder; a read-only
    /// folder alike), it says so before the first question instead of asking them all and losing the answers.
    @Test func theWizardRefusesAPlaceItCannotSaveToBeforeAsking() throws {
        let dir = Self.tempDir()
        try "not a folder".write(to: dir.appendingPathComponent("blocker"), atomically: true, encoding: .utf8)
        let input = dir.appendingPathComponent("typed.txt")
        try "测试公司\n".write(to: input, atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["wizard", "--industry", "auto-parts", "--answers", "blocker/answers.yaml"], in: dir, stdin: input)
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("cannot save the answers in blocker/answers.yaml, so no question is asked:"), "\(r.stderr)")
        #expect(r.stderr.contains("cannot create the output folder"), "\(r.stderr)")
        #expect(!r.stdout.contains("[1/"), "a question was asked: \(r.stdout)")
        let zh = try GaizaoBinary.run(["wizard", "--industry", "auto-parts", "--answers", "blocker/answers.yaml", "--lang", "zh"], in: dir, stdin: input)
        #expect(zh.stderr.contains("无法把答卷保存到 blocker/answers.yaml，所以不开始提问："), "\(zh.stderr)")
        #expect(zh.stderr.contains("无法创建输出文件夹"), "\(zh.stderr)")
    }

    /// An answers file whose name is long but valid (250 bytes) is saved: the temporary file it is written through
    /// must have a valid name too.
    @Test func aLongAnswersFileNameIsSaved() throws {
        let dir = Self.tempDir()
        let name = String(repeating: "企", count: 80) + ".yaml"  // 245 bytes
        let input = dir.appendingPathComponent("typed.txt")
        try "测试公司\n".write(to: input, atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["wizard", "--industry", "auto-parts", "--answers", name], in: dir, stdin: input)
        #expect(r.status == 1 && !r.crashed, "\(r.stderr)")  // the input ended before the questionnaire did
        #expect(!r.stderr.contains("File name too long"), "\(r.stderr)")
        let saved = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        #expect(saved.contains("company_name: \"测试公司\""), "\(saved)")
    }

    /// `gaizao summary` given a file: a batch's summary.csv stands for its folder; any other file is said to be no
    /// batch folder (not "FILE/summary.csv: cannot be read (Not a directory)").
    @Test func summaryOfAFileSaysWhatItWants() throws {
        let dir = Self.tempDir()
        let example = GaizaoBinary.repositoryRoot.appendingPathComponent("examples/auto-parts-midsize.yaml").path
        #expect(try GaizaoBinary.run(["batch", example, "-o", "b"], in: dir).status == 0)
        let csv = try GaizaoBinary.run(["summary", "b/summary.csv", "-o", "merged"], in: dir)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("merged/summary.csv").path))
        let other = try GaizaoBinary.run(["summary", example, "-o", "m2"], in: dir)
        #expect(other.status == 1 && !other.crashed)
        #expect(other.stderr.contains("\(example): not a batch output folder; give the folder `gaizao batch` wrote (it holds summary.csv)"), "\(other.stderr)")
        #expect(!other.stderr.contains("Not a directory"))
        let missing = try GaizaoBinary.run(["summary", "nowhere", "-o", "m3"], in: dir)
        #expect(missing.status == 1 && missing.stderr.contains("nowhere: no such folder"), "\(missing.stderr)")
    }

    /// `-o ""` (an unset shell variable) is a usage error, not the current folder (batch) or
    /// ": cannot create the output folder" (diagnose).
    @Test func anEmptyOutputFolderIsAUsageError() throws {
        let dir = Self.tempDir()
        let example = GaizaoBinary.repositoryRoot.appendingPathComponent("examples/auto-parts-midsize.yaml").path
        for command in ["diagnose", "batch"] {
            let r = try GaizaoBinary.run([command, example, "-o", ""], in: dir)
            #expect(r.status == 2 && !r.crashed, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("-o names the output folder, and it was given empty"), "\(command): \(r.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "\(command) wrote into the current folder")
        }
    }

    /// A workbook cut short in a download starts as a zip but cannot be opened: said to be damaged, not to be an
    /// old .xls.
    @Test func aWorkbookCutShortIsSaidToBeDamaged() throws {
        let dir = Self.tempDir()
        let book = dir.appendingPathComponent("book.xlsx")
        try BatchWorkbookEdgeTests.workbook(BatchWorkbookEdgeTests.sheetParts(BatchWorkbookEdgeTests.inline("A1", "industry")), at: book)
        let whole = try Data(contentsOf: book)
        let cut = dir.appendingPathComponent("cut.xlsx")
        try whole.prefix(whole.count / 2).write(to: cut)
        let r = try GaizaoBinary.run(["batch", "cut.xlsx", "-o", "out"], in: dir)
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("cut.xlsx: error: the workbook is damaged: its zip container cannot be read (cut short when it was copied or downloaded?)"), "\(r.stderr)")
    }

    /// An ISO date cell (`t="d"`) reads as its date, as a date-formatted number does.
    @Test func anISODateCellIsItsDate() throws {
        let dir = Self.tempDir()
        let book = dir.appendingPathComponent("book.xlsx")
        let rows = "<row r=\"1\">" + BatchWorkbookEdgeTests.inline("A1", "date") + "</row>"
            + #"<row r="2"><c r="A2" t="d"><v>2026-11-20T00:00:00</v></c></row>"#
            + #"<row r="3"><c r="A3" t="d"><v>not a date</v></c></row>"#
        try BatchWorkbookEdgeTests.workbook(BatchWorkbookEdgeTests.sheetParts(rows), at: book)
        let sheets = try XLSXReader.sheets(try Data(contentsOf: book))
        #expect(sheets.first?.rows.map(\.fields) == [["date"], ["2026-11-20"], ["not a date"]])
    }

    /// A user's file (or folder of their own) named like the result folder a batch is about to publish is kept; that
    /// enterprise fails with the reason instead of the file being deleted to make room.
    @Test func aUsersFileNamedLikeAResultFolderIsKept() throws {
        let dir = Self.tempDir()
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let mine = out.appendingPathComponent("00001-慈溪丙丁汽车零部件有限公司")
        try "my notes\n".write(to: mine, atomically: true, encoding: .utf8)
        let example = GaizaoBinary.repositoryRoot.appendingPathComponent("examples/auto-parts-midsize.yaml").path
        let r = try GaizaoBinary.run(["batch", example, "-o", "out"], in: dir)
        #expect(r.status == 1 && !r.crashed, "\(r.stderr)")
        #expect(r.stderr.contains("00001-慈溪丙丁汽车零部件有限公司: a file or folder of that name that gaizao did not write is in the way; it was kept"), "\(r.stderr)")
        #expect(try String(contentsOf: mine, encoding: .utf8) == "my notes\n")
    }

    /// A tab in an answers file's indentation is said to be one, at the tab (Yams says "found character that cannot
    /// start any token").
    @Test func aTabInTheIndentationIsSaidToBeATab() throws {
        let dir = Self.tempDir()
        try "gaizao_answers: 1\nindustry: auto-parts\nanswers:\n  company_name: 甲\n  \temployees: 10\n"
            .write(to: dir.appendingPathComponent("tab.yaml"), atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["diagnose", "tab.yaml", "-o", "out"], in: dir)
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("tab.yaml:5:3: error: a tab indents this line: YAML is indented with spaces only (replace the tab with spaces)"), "\(r.stderr)")
        let zh = try GaizaoBinary.run(["diagnose", "tab.yaml", "-o", "out", "--lang", "zh"], in: dir)
        #expect(zh.stderr.contains("tab.yaml:5:3：错误：这一行用了 Tab 缩进"), "\(zh.stderr)")
    }

    /// A CSV saved with semicolons (or tabs) between its columns is said to be one, not to lack an industry column.
    @Test func aCSVWithSemicolonsSaysSo() throws {
        let dir = Self.tempDir()
        try "industry;company_name;employees\nauto-parts;甲;10\n".write(to: dir.appendingPathComponent("s.csv"), atomically: true, encoding: .utf8)
        try "industry\tcompany_name\nauto-parts\t甲\n".write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["batch", "s.csv", "t.csv", "-o", "out"], in: dir)
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("s.csv:1:1: error: the columns are separated by semicolons (;), not commas: save the table as CSV with commas (or as xlsx)"), "\(r.stderr)")
        #expect(r.stderr.contains("t.csv:1:1: error: the columns are separated by tabs, not commas"), "\(r.stderr)")
        let zh = try GaizaoBinary.run(["batch", "s.csv", "-o", "out2", "--lang", "zh"], in: dir)
        #expect(zh.stderr.contains("各列之间用的是分号（;），不是逗号"), "\(zh.stderr)")
    }

    /// A date cell that is no date is located at its cell (it was at the row's first column). (`2026/11/20`, as
    /// Excel shows a date typed as text, is read: TypedDateTests.)
    @Test func aWrongDateCellIsLocatedAtItsCell() throws {
        let dir = Self.tempDir()
        try "industry,company_name,date\nauto-parts,甲,2026/13/40\n".write(to: dir.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["batch", "d.csv", "-o", "out"], in: dir)
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("d.csv:2:3: error: `date` must be a real calendar date written YYYY-MM-DD, found `2026/13/40`"), "\(r.stderr)")
        let errors = try String(contentsOf: dir.appendingPathComponent("out/errors.csv"), encoding: .utf8)
        #expect(errors.contains(",2,C,date,"), "\(errors)")
    }

    /// An answers file of a batch that cannot be read is named once, at its place.
    @Test func anUnreadableAnswersFileOfABatchIsNamedOnce() throws {
        let dir = Self.tempDir()
        try Data([0x61, 0x3A, 0x20, 0xFF, 0x0A]).write(to: dir.appendingPathComponent("junk.yaml"))
        try Data(repeating: 0x23, count: 4_200_000).write(to: dir.appendingPathComponent("big.yaml"))
        let r = try GaizaoBinary.run(["batch", "junk.yaml", "big.yaml", "-o", "out"], in: dir)
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("junk.yaml:1:4: error: not valid UTF-8 text (save the file as UTF-8)\n"), "\(r.stderr)")
        #expect(r.stderr.contains("big.yaml: error: 4200000 bytes is more than the limit of 4194304 bytes\n"), "\(r.stderr)")
        #expect(!r.stderr.contains("error: junk.yaml") && !r.stderr.contains("error: big.yaml"), "\(r.stderr)")
    }

    /// One file given twice (by two spellings, or by name and through its folder) is diagnosed once, with a note.
    @Test func aFileGivenTwiceIsReadOnce() throws {
        let dir = Self.tempDir()
        let answers = dir.appendingPathComponent("in/a.yaml")
        try FileManager.default.createDirectory(at: answers.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: GaizaoBinary.repositoryRoot.appendingPathComponent("examples/auto-parts-midsize.yaml"), to: answers)
        let r = try GaizaoBinary.run(["batch", "in/a.yaml", "./in/a.yaml", "in", "-o", "out"], in: dir)
        #expect(r.status == 0 && !r.crashed, "\(r.stderr)")
        #expect(r.stderr.contains("./in/a.yaml: warning: a file already read (given twice?): left out"), "\(r.stderr)")
        #expect(r.stderr.contains("in/a.yaml: warning: a file already read (given twice?): left out"), "\(r.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path).filter { $0.hasPrefix("0") }
        #expect(folders.count == 1, "\(folders)")
    }

    /// A CSV saved as Excel's "Unicode Text" (UTF-16 with a byte order mark) says what it is.
    @Test func aUTF16CSVSaysItIsUTF16() throws {
        let dir = Self.tempDir()
        let text = "industry,company_name\nauto-parts,甲\n"
        try (Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!).write(to: dir.appendingPathComponent("u.csv"))
        let r = try GaizaoBinary.run(["batch", "u.csv", "-o", "out"], in: dir)
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("u.csv:1:1: error: UTF-16 text (\"Unicode Text\" in Excel): save the file again from the spreadsheet as \"CSV UTF-8\" or \"CSV\""), "\(r.stderr)")
        let zh = try GaizaoBinary.run(["batch", "u.csv", "-o", "out2", "--lang", "zh"], in: dir)
        #expect(zh.stderr.contains("这是 UTF-16 文本（Excel 中的“Unicode 文本”）"), "\(zh.stderr)")
    }

    /// A link inside an input folder back to the folder (`loop.yaml -> .`) is not followed round the loop: each
    /// answers file is diagnosed once, and the link is said to be left out.
    @Test func aLinkBackToTheInputFolderIsReadOnce() throws {
        let dir = Self.tempDir()
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: GaizaoBinary.repositoryRoot.appendingPathComponent("examples/auto-parts-midsize.yaml"),
                                         to: input.appendingPathComponent("a.yaml"))
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("loop.yaml").path, withDestinationPath: ".")
        let r = try GaizaoBinary.run(["batch", "in", "-o", "out"], in: dir)
        #expect(r.status == 0 && !r.crashed, "\(r.stderr)")
        #expect(r.stdout.contains("batch done: 1 ok, 0 failed") || r.stdout.contains("1 家成功，0 家失败"), "\(r.stdout)")
        #expect(r.stderr.contains("in/loop.yaml: warning: a folder already read (a link back to it?): left out"), "\(r.stderr)")
    }

    /// An answers file saved as UTF-16 (Notepad's "Unicode") or GBK (its "ANSI" on Chinese Windows) is said to be
    /// that, with the way out, at the first byte that is not UTF-8.
    @Test func answersInUTF16OrGBKSayWhichTheyAre() throws {
        let dir = Self.tempDir()
        let text = "gaizao_answers: 1\nindustry: auto-parts\nanswers:\n  company_name: 慈溪甲乙\n"
        try text.data(using: .utf16)!.write(to: dir.appendingPathComponent("u16.yaml"))  // with a byte order mark
        // The same text in GBK: 慈溪甲乙 in its bytes.
        let gbk = Array(text.replacingOccurrences(of: "慈溪甲乙\n", with: "").utf8) + [180, 200, 207, 170, 188, 215, 210, 210, 0x0A]
        try Data(gbk).write(to: dir.appendingPathComponent("gbk.yaml"))
        let u16 = try GaizaoBinary.run(["diagnose", "u16.yaml", "-o", "out"], in: dir)
        #expect(u16.status == 1 && !u16.crashed)
        #expect(u16.stderr.contains("u16.yaml:1:1: error: not valid UTF-8 text: it is UTF-16 (\"Unicode\" in Notepad); save the file as UTF-8"), "\(u16.stderr)")
        let g = try GaizaoBinary.run(["diagnose", "gbk.yaml", "-o", "out"], in: dir)
        #expect(g.status == 1 && !g.crashed)
        #expect(g.stderr.contains("gbk.yaml:4:17: error: not valid UTF-8 text: it reads as GBK/GB18030 (\"ANSI\" on Chinese Windows); save the file as UTF-8"), "\(g.stderr)")
        let zh = try GaizaoBinary.run(["diagnose", "gbk.yaml", "-o", "out", "--lang", "zh"], in: dir)
        #expect(zh.stderr.contains("这是 GBK/GB18030（中文 Windows 的“ANSI”）；请另存为 UTF-8"), "\(zh.stderr)")
    }

    /// `gaizao diagnose - < FILE` (and `explain -`) read the answers from standard input, as `batch -` does, instead
    /// of "-: no such file"; the proposal is named stdin.
    @Test func aDashReadsTheAnswersFromStandardInput() throws {
        let dir = Self.tempDir()
        let example = GaizaoBinary.repositoryRoot.appendingPathComponent("examples/auto-parts-midsize.yaml")
        let r = try GaizaoBinary.run(["diagnose", "-", "-o", "out", "--format", "json"], in: dir, stdin: example)
        #expect(r.status == 0 && !r.crashed, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/stdin.json").path))
        let explain = try GaizaoBinary.run(["explain", "-", "ap-p-vision", "--lang", "en"], in: dir, stdin: example)
        #expect(explain.status == 0 && explain.stdout.contains("ap-p-vision"), "\(explain.stderr)")
        let empty = try GaizaoBinary.run(["diagnose", "-", "-o", "out2"], in: dir)
        #expect(empty.status == 1 && empty.stderr.contains("stdin:1:1: error: file is empty"), "\(empty.stderr)")
    }

    /// A CSV row holding only spaces or tabs is a blank row, as it is in a workbook: left out, not an enterprise
    /// with "no industry given".
    @Test func aCSVRowOfSpacesIsBlank() throws {
        let dir = Self.tempDir()
        let example = GaizaoBinary.repositoryRoot.appendingPathComponent("examples/auto-parts-midsize.yaml").path
        let csv = try GaizaoBinary.run(["questions", "--industry", "auto-parts", "--csv"], in: dir)
        let header = csv.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.hasPrefix("industry,"))
        try (header + "\n  ,  \n\t,\t\n").write(to: dir.appendingPathComponent("blank.csv"), atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["batch", example, "blank.csv", "-o", "out"], in: dir)
        #expect(r.status == 0 && !r.crashed, "\(r.stderr)")
        #expect(!r.stderr.contains("no industry given"), "\(r.stderr)")
        #expect(r.stderr.contains("blank.csv:2: warning: no enterprise rows below the header"), "\(r.stderr)")
    }
}
