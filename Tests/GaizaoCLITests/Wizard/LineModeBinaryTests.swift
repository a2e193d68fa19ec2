import Foundation
import Testing
@testable import GaizaoCLI

/// The real binary with standard input from a file: the scriptable line mode.
@Suite(.enabled(if: TmuxSession.gaizaoPath != nil, "the gaizao binary is not built: run `swift build`"))
struct LineModeBinaryTests {
    private func run(_ lines: [String], in dir: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/input.txt", atomically: true, encoding: .utf8)
        let status = TmuxSession.spawn([TmuxSession.gaizaoPath!] + arguments, environment: ["LANG=C.UTF-8", "PWD=" + dir, "GAIZAO_TODAY=2026-12-02"],
                                       stdout: dir + "/out.txt", stdin: dir + "/input.txt", stderr: dir + "/err.txt")
        let out = (try? String(contentsOfFile: dir + "/out.txt", encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: dir + "/err.txt", encoding: .utf8)) ?? ""
        return (status, out, err)
    }

    /// Input that ends before the industry is chosen: no answers file exists, and the wizard does not say it saved one.
    @Test func inputEndingBeforeTheIndustryDoesNotClaimASave() throws {
        let dir = TestScratch.path("lines")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run([], in: dir, ["wizard", "--answers", dir + "/new.yaml", "--lang", "en"])
        // With the industry given, the file is written at once, and said to be.
        let given = try run([], in: dir, ["wizard", "--answers", dir + "/given.yaml", "--industry", "auto-parts", "--lang", "en"])
        #expect(given.err.contains("The answers are saved in \(dir)/given.yaml"), "\(given.err)")
        #expect(r.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir + "/new.yaml"))
        #expect(!r.err.contains("saved in"), "\(r.err)")
        #expect(r.err.contains("Stopped before the industry was chosen: nothing was saved."), "\(r.err)")
        // Nothing saved, nothing to continue: no resume command.
        #expect(!r.err.contains("To continue:"), "\(r.err)")
    }

    @Test func scriptedInputStopsThenResumesToTheWholeQuestionnaire() throws {
        let dir = TestScratch.path("lines")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let arguments = ["wizard", "--answers", dir + "/a.yaml", "-o", dir + "/out"]

        let first = try run(Array(LineWizardTests.lines.prefix(30)), in: dir, arguments)
        #expect(first.status == 1)
        #expect(first.err.contains("输入已结束，问卷还没答完。"))
        #expect(first.err.contains("继续填写：gaizao wizard --answers \(dir)/a.yaml"))

        let second = try run(Array(LineWizardTests.lines.dropFirst(30)), in: dir, arguments)
        #expect(second.status == 0, "\(second.err)")
        #expect(second.out.contains("发现已保存的答卷"))
        // The input ended at the date line: today's date is taken, and the outputs are named after the company.
        #expect(second.out.contains("\(dir)/out/慈溪测试汽配厂-2026-12-02.json"))
        let saved = try String(contentsOfFile: dir + "/a.yaml", encoding: .utf8)
        #expect(saved.contains("\ndate: 2026-12-02\n"))
        #expect(body(saved) == fullAutoPartsExpected)
    }
}
