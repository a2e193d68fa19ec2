import Foundation
import Testing
import GaizaoCore
@testable import GaizaoCLI

/// What the wizard says must agree with what it does: the credit code's length, when `?` opens the help, the date
/// forms it takes, and no way to continue offered when nothing was saved.
@Suite struct WizardWordingTests {
    @Test func theCreditCodeHintSaysExactly18Characters() {
        var h = WizardHarness()
        h.run(keys("慈溪", Key.enter))
        #expect(h.currentID == "credit_code")
        #expect(h.screen.contains("18 位"), "\(h.screen)")
        #expect(!h.screen.contains("最多 18 个字"), "\(h.screen)")
        var en = WizardHarness(lang: .en, size: TerminalSize(width: 120, height: 30))
        en.run(keys("Cixi", Key.enter))
        #expect(en.screen.contains("exactly 18 characters"), "\(en.screen)")
        #expect(!en.screen.contains("at most 18 characters"), "\(en.screen)")
    }

    /// In a number field `?` opens the help at any time (it is never part of a number), and the legend says so;
    /// in a text field it does only while the field is empty (else it is typed), and the legend says that.
    @Test func theHelpKeyHintAgreesWithTheField() {
        var h = WizardHarness(size: TerminalSize(width: 120, height: 30))
        h.run(fullAutoPartsScript, until: "employees")
        h.run(keys("8"))
        #expect(!h.screen.contains("输入为空时"), "\(h.screen)")
        #expect(h.screen.contains("? 说明"), "\(h.screen)")
        h.run(keys("?"))
        #expect(h.model.showHelp, "? with a number typed opens the help")
        #expect(h.model.editor == .input("8"))
        var text = WizardHarness(size: TerminalSize(width: 120, height: 30))
        text.run(keys("慈溪"))
        #expect(text.screen.contains("? 说明（输入为空时）"), "\(text.screen)")
        text.run(keys("?"))
        #expect(text.model.editor == .input("慈溪?"), "typed into the text")
    }

    @Test(arguments: [("2026年12月6日", "2026-12-06"), ("2026年12月06日", "2026-12-06"), ("2026/12/06", "2026-12-06"),
                      ("2026.12.06", "2026-12-06"), ("2026-12-06", "2026-12-06"), (" ２０２６年１月９日 ", "2026-01-09")])
    func theDateTakesCommonWritings(typed: String, iso: String) {
        var h = WizardHarness(resumeText: body(fullAutoPartsExpected))
        h.model.today = "2026-12-04"
        h.run(keys(Key.end, Key.enter, Key.enter))
        #expect(h.model.screen == .date)
        #expect(h.run(keys(Key.ctrlU, typed, Key.enter)) == .finished, "\(typed): \(h.screen)")
        #expect(h.model.date == iso)
        #expect(h.saved.contains("\ndate: \(iso)\n"))
    }

    @Test(arguments: ["2026年13月6日", "2026/2/30", "2026.12", "12/06/2026"])
    func aWrongDateIsAskedAgain(typed: String) {
        var h = WizardHarness(resumeText: body(fullAutoPartsExpected))
        h.model.today = "2026-12-04"
        h.run(keys(Key.end, Key.enter, Key.enter, Key.ctrlU, typed, Key.enter))
        #expect(h.model.screen == .date, "\(typed)")
        #expect(h.screen.contains("请按 YYYY-MM-DD 输入日期"), "\(h.screen)")
    }
}

/// The real binary in line mode: what it refuses before the first question, and what it says when it stops.
@Suite(.enabled(if: TmuxSession.gaizaoPath != nil, "the gaizao binary is not built: run `swift build`"))
struct WizardStartupBinaryTests {
    private func run(_ arguments: [String], in dir: String) -> (status: Int32, out: String, err: String) {
        let status = TmuxSession.spawn([TmuxSession.gaizaoPath!] + arguments, environment: ["LANG=en_US.UTF-8", "GAIZAO_TODAY=2026-12-04"],
                                       stdout: dir + "/out.txt", stdin: "/dev/null", stderr: dir + "/err.txt")
        return (status, (try? String(contentsOfFile: dir + "/out.txt", encoding: .utf8)) ?? "",
                (try? String(contentsOfFile: dir + "/err.txt", encoding: .utf8)) ?? "")
    }

    private func scratch(_ name: String) throws -> String {
        let dir = TestScratch.path(name)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// `-o` naming a file (`touch report; -o report`), a folder under a file, or the answers file itself: refused
    /// before the first question, with nothing written, not after the last.
    @Test func anOutputFolderThatCannotBeMadeIsRefusedAtStart() throws {
        let dir = try scratch("badout")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "".write(toFile: dir + "/report", atomically: true, encoding: .utf8)
        for output in [dir + "/report", dir + "/report/out"] {
            let r = run(["wizard", "--industry", "auto-parts", "--answers", dir + "/a.yaml", "-o", output], in: dir)
            #expect(r.status == 1, "\(output): \(r.err)")
            #expect(r.err.contains("cannot create the output folder (a file of that name is in the way)"), "\(output): \(r.err)")
            #expect(!r.out.contains("企业名称"), "no question is asked: \(r.out)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/a.yaml"))
        }
        for answers in [dir + "/b.yaml", dir + "/report"] {
            let r = run(["wizard", "--industry", "auto-parts", "--answers", answers, "-o", answers], in: dir)
            #expect(r.status != 0, "\(answers): \(r.err)")
            #expect(r.err.contains("is the answers file"), "\(answers): \(r.err)")
            #expect(!r.out.contains("企业名称"), "\(r.out)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/b.yaml"))
        #expect(try String(contentsOfFile: dir + "/report", encoding: .utf8) == "")
        let zh = run(["wizard", "--industry", "auto-parts", "--answers", dir + "/c.yaml", "-o", dir + "/c.yaml", "--lang", "zh"], in: dir)
        #expect(zh.err.contains("是答卷文件"), "\(zh.err)")
    }

    @Test func stoppingBeforeTheIndustryOffersNoWayToContinue() throws {
        let dir = try scratch("noindustry")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = run(["wizard", "--answers", dir + "/a.yaml"], in: dir)
        #expect(r.status == 1)
        #expect(r.err.contains("尚未选择行业，没有保存任何答案"), "\(r.err)")
        #expect(!r.err.contains("继续填写"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/a.yaml"))
    }
}
