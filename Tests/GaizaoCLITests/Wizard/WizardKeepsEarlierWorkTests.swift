import Foundation
import Testing
import GaizaoCore
@testable import GaizaoCLI

/// Nothing entered or written before is lost: the options of an interrupted session.
@Suite struct WizardKeepsEarlierWorkTests {
    private static func tempDir() throws -> String {
        let dir = NSTemporaryDirectory() + "gaizao-keep-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    private static let dated = body(fullAutoPartsExpected)
        .replacingOccurrences(of: "industry: auto-parts\n", with: "industry: auto-parts\ndate: 2026-11-20\n")

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

    @Test func aProposalGivenAsTheAnswersFileIsSaidToBeOne() throws {
        let dir = NSTemporaryDirectory() + "gaizao-pjson-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
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
