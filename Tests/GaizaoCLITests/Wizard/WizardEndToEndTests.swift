import Foundation
import Testing
import GaizaoCore
@testable import GaizaoCLI

/// The real binary in a pseudo-terminal (tmux): a whole questionnaire by keystrokes, going back to hide questions,
/// interruptions by signal, a closed terminal, and resuming to the same answers.
@Suite(.serialized, .enabled(if: TmuxSession.available,
                             "tmux or the built gaizao binary is missing: install tmux (apt-get install -y tmux) and run `swift build`"))
struct WizardEndToEndTests {
    /// The answers file of the unit harness after the script reached question `id`, and the script left.
    private func partial(until id: String) -> (text: String, rest: [TerminalEvent], sent: [TerminalEvent]) {
        var h = WizardHarness()
        let rest = h.run(fullAutoPartsScript, until: id)
        return (h.saved, rest, Array(fullAutoPartsScript.prefix(fullAutoPartsScript.count - rest.count)))
    }

    @Test func wholeQuestionnaireByKeystrokes() throws {
        let t = try TmuxSession()
        try t.start(["wizard", "--industry", "auto-parts", "--answers", "answers.yaml", "-o", "out"])
        #expect(t.wait(for: "企业名称（必答）").found)
        try t.send(fullAutoPartsScript)
        let review = t.wait(for: "> 完成，生成改造方案")
        #expect(review.found, "\(review.screen)")
        #expect(review.screen.contains("复查答案"))
        try t.send(keys(Key.enter))
        #expect(t.wait(for: "直接按 Enter 用 2026-12-02").found)
        try t.send(keys(Key.enter))
        let done = t.wait(for: "DONE")
        #expect(done.found, "\(done.screen)")
        // Named after the company and the date; the last lines say what to open and how to compare later.
        #expect(done.screen.contains("out/慈溪测试汽配厂-2026-12-02.json"))
        #expect(done.screen.contains("答卷：answers.yaml"))
        #expect(done.screen.contains("打开 out/慈溪测试汽配厂-2026-12-02.html 查看方案"))
        #expect(done.screen.contains("gaizao compare out/慈溪测试汽配厂-2026-12-02.json 下次的方案.json"))
        #expect(!done.screen.contains("复查答案"), "no line of the wizard's screen is left above the summary")
        #expect(t.file("answers.yaml")?.contains("\ndate: 2026-12-02\n") == true)
        #expect(t.exitCode == 0)
        #expect(t.file("stty.before") == t.file("stty.after"))
        #expect(body(t.file("answers.yaml") ?? "") == fullAutoPartsExpected)
        // The proposal is the one `gaizao diagnose` writes from the saved file.
        let status = TmuxSession.spawn([TmuxSession.gaizaoPath!, "diagnose", t.dir + "/answers.yaml", "-o", t.dir + "/diagnosed"],
                                       environment: ["LANG=C.UTF-8"], stdout: "/dev/null")
        #expect(status == 0)
        let proposal = try #require(t.file("out/慈溪测试汽配厂-2026-12-02.json"))
        #expect(proposal.contains("\"schema\""))
        #expect(t.file("diagnosed/answers.json") == proposal)
    }

    @Test func goingBackAndChangingAnAnswerHidesLaterQuestions() throws {
        let t = try TmuxSession()
        let (text, _, _) = partial(until: "ap_processes")
        try text.write(toFile: t.dir + "/answers.yaml", atomically: true, encoding: .utf8)
        try t.start(["wizard", "--answers", "answers.yaml", "-o", "out"])
        #expect(t.wait(for: "发现已保存的答卷 answers.yaml（已答 46/62 题，跳过 6）").found)
        try t.send(keys(Key.enter, "2", Key.enter, "50", Key.enter))
        #expect(t.wait(for: "模具怎么管理").found)
        // Back to the processes (← in a number field, b in a list), untick stamping, tick machining.
        try t.send(keys(Key.enter, Key.left, "b", Key.left))
        #expect(t.wait(for: "  [x] 2. 冲压").found)
        try t.send(keys("2", "1", Key.enter))
        let next = t.wait(for: "在产零件号数量（必答）")
        #expect(next.found, "\(next.screen)")
        #expect(next.screen.contains("第 2/10 题"), "the two mould questions left the section count")
        try t.send(keys("200", Key.enter) + [TerminalEvent](repeating: .key(.enter), count: 8))
        let review = t.wait(for: "> 完成，生成改造方案")
        #expect(review.found)
        try t.send(keys(Key.enter, Key.enter))
        #expect(t.wait(for: "DONE").found)
        #expect(t.exitCode == 0)
        let saved = t.file("answers.yaml") ?? ""
        #expect(saved.contains("ap_processes: [machining]"))
        #expect(!saved.contains("ap_mould"))
    }

    @Test(arguments: [("SIGINT", SIGINT), ("SIGTERM", SIGTERM), ("SIGHUP", SIGHUP), ("Ctrl-C", 0)])
    func interruptRestoresTheTerminalAndResumesToTheSameAnswers(name: String, signal number: Int32) throws {
        let t = try TmuxSession()
        let (expectedPartial, rest, sent) = partial(until: "network")
        try t.start(["wizard", "--industry", "auto-parts", "--answers", "answers.yaml", "-o", "out"])
        #expect(t.wait(for: "企业名称（必答）").found)
        try t.send(sent)
        #expect(t.wait(for: "工厂网络建设情况").found)
        if number == 0 {
            try t.send(keys(Key.ctrlC))
        } else {
            let pid = try #require(t.waitForPid())
            kill(pid, number)
        }
        let stopped = t.wait(for: "DONE")
        #expect(stopped.found, "\(name): \(stopped.screen)")
        #expect(stopped.screen.contains("已停止。答卷已保存：answers.yaml（已答 8/62 题，跳过 3）"))
        #expect(stopped.screen.contains("继续填写：gaizao wizard --answers answers.yaml"))
        #expect(t.exitCode == (number == 0 ? 130 : 128 + number))
        #expect(t.file("stty.before") != nil)
        #expect(t.file("stty.before") == t.file("stty.after"), "\(name): terminal settings restored")
        #expect(t.file("answers.yaml") == expectedPartial)

        try t.start(["wizard", "--answers", "answers.yaml", "-o", "out"])
        #expect(t.wait(for: "从第一个未答的问题继续（第 12 题：工厂网络建设情况）").found)
        try t.send(keys(Key.enter) + rest)
        #expect(t.wait(for: "> 完成，生成改造方案").found)
        try t.send(keys(Key.enter, Key.enter))
        #expect(t.wait(for: "DONE").found)
        #expect(t.exitCode == 0)
        #expect(body(t.file("answers.yaml") ?? "") == fullAutoPartsExpected)
    }

    /// Running again on a finished, hand-written file (the shipped example) with its own date: the earlier proposal
    /// is not replaced unasked; Enter writes the new one under a new name, 2 overwrites. Ctrl-C's hint repeats
    /// every option given.
    @Test func rerunAsksBeforeReplacingAnEarlierProposal() throws {
        let t = try TmuxSession()
        let example = try String(contentsOfFile: TestCatalog.root + "/examples/auto-parts-midsize.yaml", encoding: .utf8)
        try example.write(toFile: t.dir + "/ans.yaml", atomically: true, encoding: .utf8)
        let name = "慈溪丙丁汽车零部件有限公司-2026-11-20"
        try FileManager.default.createDirectory(atPath: t.dir + "/out", withIntermediateDirectories: true)
        try "earlier\n".write(toFile: t.dir + "/out/\(name).md", atomically: true, encoding: .utf8)

        for choice in ["", "2"] {
            try t.start(["wizard", "--answers", "ans.yaml", "-o", "out"])
            #expect(t.wait(for: "发现已保存的答卷 ans.yaml").found)
            try t.send(keys(Key.end, Key.enter))
            #expect(t.wait(for: "> 完成，生成改造方案").found)
            try t.send(keys(Key.enter))
            let date = t.wait(for: "答卷原来的诊断日期是 2026-11-20")
            #expect(date.found, "\(date.screen)")
            #expect(date.screen.contains("直接按 Enter 用 2026-12-02（今天，重新诊断）"))
            try t.send(keys("2026-11-20", Key.enter))
            let asked = t.wait(for: "请选择 [1]：")
            #expect(asked.found, "\(asked.screen)")
            #expect(asked.screen.contains("1. 另存为 \(name)-\(choice.isEmpty ? 2 : 3)，原方案保留（默认）"), "\(asked.screen)")
            try t.send(keys(choice, Key.enter))
            let done = t.wait(for: "DONE")
            #expect(done.found, "\(done.screen)")
            #expect(t.exitCode == 0)
            #expect(t.file("stty.before") == t.file("stty.after"))
            if choice.isEmpty {
                #expect(done.screen.contains("out/\(name)-2.html"))
                #expect(t.file("out/\(name).md") == "earlier\n", "the earlier proposal is untouched")
                #expect(t.file("out/\(name)-2.md")?.contains("慈溪丙丁汽车零部件有限公司") == true)
            } else {
                #expect(t.file("out/\(name).md")?.contains("慈溪丙丁汽车零部件有限公司") == true, "overwritten as asked")
                #expect(t.file("out/\(name)-3.md") == nil)
            }
        }
        #expect(t.file("ans.yaml") == example, "the same date: the hand-written file was not rewritten")

        try t.start(["wizard", "--answers", "new.yaml", "--industry", "auto-parts", "-o", "out", "--target-level", "3", "--format", "md,json"], width: 140)
        #expect(t.wait(for: "企业名称（必答）").found)
        try t.send(keys(Key.ctrlC))
        let stopped = t.wait(for: "DONE")
        #expect(stopped.screen.contains("继续填写：gaizao wizard --answers new.yaml --industry auto-parts -o out --target-level 3 --format md,json"),
                "\(stopped.screen)")
    }

    @Test func closedTerminalKeepsTheFile() throws {
        let t = try TmuxSession()
        let (_, _, sent) = partial(until: "equipment_digital_rate")
        // What the unit harness saves when its terminal closes with "4" typed: the number is kept.
        var h = WizardHarness()
        h.run(sent + keys("4", TerminalEvent.closed))
        let expectedPartial = h.saved
        #expect(expectedPartial.contains("equipment_digital_rate: 4"))
        try t.start(["wizard", "--industry", "auto-parts", "--answers", "answers.yaml"])
        #expect(t.wait(for: "企业名称（必答）").found)
        try t.send(sent + keys("4"))
        #expect(t.wait(for: "> 4_").found)
        let pid = try #require(t.waitForPid())
        try t.tmux(["kill-session", "-t", t.session])
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0 && Date() < deadline { usleep(20_000) }
        #expect(kill(pid, 0) != 0, "the wizard ends when its terminal goes away")
        #expect(t.file("answers.yaml") == expectedPartial)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: t.dir))?.filter { $0.hasSuffix(".tmp") } ?? []
        #expect(leftovers.isEmpty)
    }

    @Test func resizeRedrawsToTheNewWidth() throws {
        let t = try TmuxSession()
        try t.start(["wizard", "--industry", "auto-parts", "--answers", "answers.yaml"], width: 100, height: 30)
        #expect(t.wait(for: "企业名称（必答）").found)
        try t.tmux(["resize-window", "-t", t.session, "-x", "50", "-y", "24"])
        let narrow = t.wait(for: "第 1/8 部分")
        #expect(narrow.found)
        let lines = narrow.screen.split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 50 })
        #expect(lines.contains { $0 == Substring(String(repeating: "-", count: 50)) }, "the rule follows the new width: \(narrow.screen)")
        try t.send(keys(Key.ctrlC))
        #expect(t.wait(for: "DONE").found)
        #expect(t.file("stty.before") == t.file("stty.after"))
    }
}
