import Foundation
import Testing
import GaizaoCore
@testable import GaizaoCLI

/// Pasting into the real binary in tmux: a text of several lines stays in the field it was pasted into, and never
/// answers (or skips) the questions after it.
@Suite(.serialized, .enabled(if: TmuxSession.available,
                             "tmux or the built gaizao binary is missing: install tmux (apt-get install -y tmux) and run `swift build`"))
struct WizardPasteEndToEndTests {
    /// The keys of `fullAutoPartsScript` that reach question `id`.
    private func script(until id: String) -> [TerminalEvent] {
        var h = WizardHarness()
        let rest = h.run(fullAutoPartsScript, until: id)
        return Array(fullAutoPartsScript.prefix(fullAutoPartsScript.count - rest.count))
    }

    /// The reviewer's paste, `Kettles, irons` and `see price list` on two lines, into "main products" (a text
    /// field followed by two optional lists): the field holds both lines joined by a space; nothing after it is
    /// skipped or answered. Bracketed (the terminal marks the paste) and not (an older terminal: the line break
    /// arrives as Enter, in the same read as the text).
    @Test(arguments: [true, false])
    func aMultiLinePasteStaysInTheTextField(bracketed: Bool) throws {
        let t = try TmuxSession()
        try t.start(["wizard", "--industry", "auto-parts", "--answers", "answers.yaml", "-o", "out"])
        #expect(t.wait(for: "企业名称（必答）").found)
        try t.send(script(until: "main_products"))
        #expect(t.wait(for: "主要产品").found)
        try t.paste("Kettles, irons\nsee price list", bracketed: bracketed)
        let pasted = t.wait(for: "> Kettles, irons see price list_", timeout: 10)
        #expect(pasted.found, "bracketed \(bracketed): \(pasted.screen)")
        try t.send(keys(Key.enter))
        let next = t.wait(for: "主要客户类型")
        #expect(next.found, "\(next.screen)")
        try t.send(keys(Key.ctrlC))
        let done = t.wait(for: "DONE")
        #expect(done.found, "\(done.screen)")
        let saved = t.file("answers.yaml") ?? ""
        #expect(saved.contains("main_products: \"Kettles, irons see price list\""), "\(saved)")
        #expect(!saved.contains("main_customers"), "the list after the field is neither skipped nor answered: \(saved)")
        #expect(!saved.contains("it_staff"), "\(saved)")
        #expect(t.file("stty.before") == t.file("stty.after"))
        // Bracketed paste is off again once the wizard has ended: a paste into the shell's `sleep` arrives without
        // the markers, which the terminal would otherwise echo as ^[[200~.
        try t.paste("after-the-wizard", bracketed: true)
        let after = t.wait(for: "after-the-wizard", timeout: 10)
        #expect(after.found)
        #expect(!after.screen.contains("200~"), "\(after.screen)")
    }

    /// A paste on a list is not read as keys: `s`, `y`, `n` and digits in it answer nothing.
    @Test func aPasteOnAListAnswersNothing() throws {
        let t = try TmuxSession()
        try t.start(["wizard", "--industry", "auto-parts", "--answers", "answers.yaml", "-o", "out"])
        #expect(t.wait(for: "企业名称（必答）").found)
        try t.send(script(until: "it_staff"))
        #expect(t.wait(for: "谁负责电脑、网络和信息系统").found)
        try t.paste("3 yes, see list\n2\n", bracketed: true)
        usleep(500_000)
        try t.send(keys(Key.ctrlC))
        let done = t.wait(for: "DONE")
        #expect(done.found, "\(done.screen)")
        let saved = t.file("answers.yaml") ?? ""
        #expect(saved.contains("main_customers: [automaker]"), "\(saved)")
        #expect(!saved.contains("it_staff"), "the paste neither chose nor skipped: \(saved)")
    }
}
