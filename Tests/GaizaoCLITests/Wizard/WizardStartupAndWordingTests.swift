import Foundation
import Testing
import GaizaoCore
@testable import GaizaoCLI

/// The real binary in line mode: what it refuses before the first question, and what it says when it stops.
@Suite(.enabled(if: TmuxSession.gaizaoPath != nil, "the gaizao binary is not built: run `swift build`"))
struct WizardStartupBinaryTests {
    private func run(_ arguments: [String], in dir: String) -> (status: Int32, out: String, err: String) {
        let status = TmuxSession.spawn([TmuxSession.gaizaoPath!] + arguments, environment: ["LANG=C.UTF-8", "GAIZAO_TODAY=2026-12-04"],
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
}
