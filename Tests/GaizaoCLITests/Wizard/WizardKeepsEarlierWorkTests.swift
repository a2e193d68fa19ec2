import Foundation
import Testing
import GaizaoCore
@testable import GaizaoCLI

/// Nothing entered or written before is lost: an earlier proposal of the same name, a hand-written answers file's
/// comments, the options of an interrupted session; a re-assessment is dated today.
@Suite struct WizardKeepsEarlierWorkTests {
    private static func tempDir() throws -> String {
        let dir = TestScratch.path("keep")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    private static let dated = body(fullAutoPartsExpected)
        .replacingOccurrences(of: "industry: auto-parts\n", with: "industry: auto-parts\ndate: 2026-11-20\n")

    // MARK: - The date of a re-assessment

    @Test func reassessmentDefaultsToTodayAndShowsTheEarlierDate() {
        var h = WizardHarness(resumeText: Self.dated, size: TerminalSize(width: 200, height: 30))
        h.model.today = "2026-12-04"
        h.run(keys(Key.end, Key.enter, Key.enter))  // review, then finish
        #expect(h.model.screen == .date)
        #expect(h.model.editor == .input(""))
        #expect(h.screen.contains("直接按 Enter 用 2026-12-04（今天，重新诊断）"))
        #expect(h.screen.contains("答卷原来的诊断日期是 2026-11-20"))
        #expect(h.run(keys(Key.enter)) == .finished)
        #expect(h.saved.contains("\ndate: 2026-12-04\n"))
    }

    @Test func reassessmentKeepsTheEarlierDateWhenTyped() {
        var h = WizardHarness(resumeText: Self.dated)
        h.model.today = "2026-12-04"
        #expect(h.run(keys(Key.end, Key.enter, Key.enter, "2026-11-20", Key.enter)) == .finished)
        #expect(h.model.date == "2026-11-20")
        #expect(h.store.saves.isEmpty, "the same date changes nothing in the file")
    }

    @Test func sameDayKeepsTheFilesDate() {
        var h = WizardHarness(resumeText: Self.dated)
        h.model.today = "2026-11-20"
        h.run(keys(Key.end, Key.enter, Key.enter))
        #expect(h.model.editor == .input("2026-11-20"))
        #expect(!h.screen.contains("重新诊断"))
    }

    @Test func reassessmentHintInEnglish() {
        var h = WizardHarness(resumeText: Self.dated, lang: .en, size: TerminalSize(width: 200, height: 30))
        h.model.today = "2026-12-04"
        h.run(keys(Key.end, Key.enter, Key.enter))
        #expect(h.screen.contains("Enter alone takes 2026-12-04 (today: a new diagnosis)"))
        #expect(h.screen.contains("the answers were dated 2026-11-20"))
    }

    // MARK: - The original answers file is copied aside before the first rewrite

    @Test func backupRunsOnceBeforeTheFirstSaveAndIsShown() {
        var h = WizardHarness(resumeText: Self.dated)
        var calls: [Int] = []
        let store = h.store
        h.runner.backup = { calls.append(store.saves.count); return "answers.yaml.bak" }
        h.run([])
        #expect(calls.isEmpty, "opening a file rewrites nothing, so copies nothing")
        h.run(keys(Key.end, Key.enter))  // review
        h.model.setReviewCursor(0)
        h.run(keys(Key.enter, Key.ctrlU, "慈溪改名汽配厂", Key.enter))
        #expect(calls == [0], "copied once, before the first save")
        #expect(h.saved.contains("company_name: \"慈溪改名汽配厂\""))
        #expect(h.screen.contains("原答卷 answers.yaml（含注释和排版）已备份为 answers.yaml.bak"))
        h.model.setReviewCursor(0)
        h.run(keys(Key.enter, Key.ctrlU, "慈溪再改汽配厂", Key.enter))
        #expect(calls == [0])
        #expect(h.store.saves.count == 2)
    }

    @Test func failedBackupSavesNothing() {
        var h = WizardHarness(resumeText: Self.dated)
        h.runner.backup = { throw CLIError.input("answers.yaml.bak: cannot write (read-only file system)") }
        h.run(keys(Key.end, Key.enter))
        h.model.setReviewCursor(0)
        h.run(keys(Key.enter, Key.ctrlU, "慈溪改名汽配厂", Key.enter))
        #expect(h.store.saves.isEmpty, "the file is not rewritten without its copy")
        #expect(h.screen.contains("无法保存答卷"))
    }

    @Test func backupNamesNeverReplaceAnotherFile() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/ans.yaml"
        let original = Array("# hand-written\nindustry: auto-parts\n".utf8)
        #expect(try WizardCommand.backUp(original, of: path) == path + ".bak")
        #expect(try WizardCommand.backUp(original, of: path) == path + ".bak", "the same bytes: the copy is reused")
        let other = Array("# another session's original\n".utf8)
        #expect(try WizardCommand.backUp(other, of: path) == path + ".2.bak")
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path + ".bak"))) == original)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path + ".2.bak"))) == other)
    }

    // MARK: - An earlier proposal of the same name

    @Test func anEarlierProposalInAnyFormatTakesTheName() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(WizardCommand.existingProposal("甲-2026-11-20", in: dir).isEmpty)
        try "earlier".write(toFile: dir + "/甲-2026-11-20.json", atomically: true, encoding: .utf8)
        #expect(WizardCommand.existingProposal("甲-2026-11-20", in: dir) == [dir + "/甲-2026-11-20.json"])
        #expect(WizardCommand.freeBaseName("甲-2026-11-20", in: dir) == "甲-2026-11-20-2")
        try "earlier".write(toFile: dir + "/甲-2026-11-20-2.pdf", atomically: true, encoding: .utf8)
        #expect(WizardCommand.freeBaseName("甲-2026-11-20", in: dir) == "甲-2026-11-20-3")
    }

    // MARK: - The resume hint

    @Test func resumeHintRepeatsEveryOptionGiven() throws {
        let plain = try WizardCommand.parse([])
        #expect(plain.resumeCommand() == "gaizao wizard --answers gaizao-answers.yaml")
        let full = try WizardCommand.parse(["-o", "out dir", "--target-level", "3", "--format", "md,json", "--industry", "auto-parts",
                                            "--answers", "王's.yaml", "--catalog", "my catalogs", "--lang", "en"])
        #expect(full.resumeCommand() == "gaizao wizard --answers '王'\\''s.yaml' --industry auto-parts -o 'out dir' --target-level 3 --format md,json --catalog 'my catalogs' --lang en")
        #expect(try WizardCommand.parse(["--target-level", "none"]).resumeCommand().hasSuffix("--target-level none"))
        #expect(try WizardCommand.parse(["--target-level", "auto", "-o", "."]).resumeCommand() == "gaizao wizard --answers gaizao-answers.yaml")
    }
}

/// The real binary in line mode (standard input from a file), on an answers file written by hand.
@Suite(.enabled(if: TmuxSession.gaizaoPath != nil, "the gaizao binary is not built: run `swift build`"))
struct WizardKeepsEarlierWorkBinaryTests {
    private func run(_ lines: [String], in dir: String, _ arguments: [String], today: String = "2026-12-04") throws -> (status: Int32, out: String, err: String) {
        try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/input.txt", atomically: true, encoding: .utf8)
        let status = TmuxSession.spawn([TmuxSession.gaizaoPath!] + arguments, environment: ["LANG=C.UTF-8", "GAIZAO_TODAY=" + today],
                                       stdout: dir + "/out.txt", stdin: dir + "/input.txt", stderr: dir + "/err.txt")
        let out = (try? String(contentsOfFile: dir + "/out.txt", encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: dir + "/err.txt", encoding: .utf8)) ?? ""
        return (status, out, err)
    }

    private func example(in dir: String) throws -> String {
        let text = try String(contentsOfFile: TestCatalog.root + "/examples/auto-parts-midsize.yaml", encoding: .utf8)
        try text.write(toFile: dir + "/ans.yaml", atomically: true, encoding: .utf8)
        return text
    }

    @Test func rerunOnTheSameDateKeepsTheEarlierProposal() throws {
        let dir = TestScratch.path("rerun")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let original = try example(in: dir)
        let arguments = ["wizard", "--answers", dir + "/ans.yaml", "-o", dir + "/out"]
        let name = "慈溪丙丁汽车零部件有限公司-2026-11-20"

        let first = try run(["2026-11-20"], in: dir, arguments)
        #expect(first.status == 0, "\(first.err)")
        let earlierMarkdown = try String(contentsOfFile: "\(dir)/out/\(name).md", encoding: .utf8) + "\n手写的一行\n"
        try earlierMarkdown.write(toFile: "\(dir)/out/\(name).md", atomically: true, encoding: .utf8)
        #expect(try String(contentsOfFile: dir + "/ans.yaml", encoding: .utf8) == original, "the same date rewrites nothing")

        let second = try run(["2026-11-20"], in: dir, arguments)
        #expect(second.status == 0, "\(second.err)")
        #expect(second.out.contains("原方案保留；新方案另存为 \(name)-2"), "\(second.out)")
        #expect(second.out.contains("\(dir)/out/\(name)-2.json"))
        #expect(try String(contentsOfFile: "\(dir)/out/\(name).md", encoding: .utf8) == earlierMarkdown)
        #expect(FileManager.default.fileExists(atPath: "\(dir)/out/\(name)-2.md"))
    }

    @Test func reassessmentIsDatedTodayAndTheHandWrittenFileIsCopiedAside() throws {
        let dir = TestScratch.path("reassess")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let original = try example(in: dir)
        let r = try run([""], in: dir, ["wizard", "--answers", dir + "/ans.yaml", "-o", dir + "/out"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("直接按 Enter 用 2026-12-04（今天，重新诊断）；答卷原来的诊断日期是 2026-11-20"))
        #expect(r.out.contains("\(dir)/out/慈溪丙丁汽车零部件有限公司-2026-12-04.json"))
        #expect(r.out.contains("已备份为 \(dir)/ans.yaml.bak"))
        #expect(try String(contentsOfFile: dir + "/ans.yaml.bak", encoding: .utf8) == original)
        #expect(try String(contentsOfFile: dir + "/ans.yaml", encoding: .utf8).contains("\ndate: 2026-12-04\n"))
    }

    @Test func aProposalGivenAsTheAnswersFileIsSaidToBeOne() throws {
        let dir = TestScratch.path("pjson")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try example(in: dir)
        let made = try run([], in: dir, ["diagnose", dir + "/ans.yaml", "-o", dir, "--format", "json"])
        #expect(made.status == 0, "\(made.err)")
        let proposal = dir + "/ans.json"
        #expect(FileManager.default.fileExists(atPath: proposal))
        for lang in ["zh", "en"] {
            let r = try run([], in: dir, ["wizard", "--answers", proposal, "-o", dir, "--lang", lang])
            #expect(r.status == 1)
            #expect(!r.err.contains("overwrite"), "\(r.err)")
            #expect(r.err.contains(lang == "zh" ? "这是 gaizao 生成的文件" : "this is a file gaizao wrote (`gaizao.proposal/"), "\(r.err)")
        }
    }
}
