import Foundation
import Testing
import GaizaoCore
@testable import GaizaoCLI

/// Stopping the wizard from the shell (Ctrl-Z, or `kill -TSTP` from another shell) and `fg`: while it is stopped
/// the terminal is the shell's again (main screen, cursor shown); after `fg` the wizard is back in raw mode on its
/// own screen, redrawn, with what was typed in the field still there.
@Suite(.serialized, .enabled(if: TmuxSession.available,
                             "tmux or the built gaizao binary is missing: install tmux (apt-get install -y tmux) and run `swift build`"))
struct WizardSuspendEndToEndTests {
    @Test(arguments: ["Ctrl-Z", "SIGTSTP"])
    func stopAndContinueGiveTheTerminalBackAndTakeItAgain(how: String) throws {
        let t = try TmuxSession()
        try t.startShell()
        #expect(t.wait(for: "$").found)
        let gaizao = ShellQuote.word(TmuxSession.gaizaoPath!)
        try t.type("sh -c 'echo $$ > pid; exec \"$0\" \"$@\"' \(gaizao) wizard --industry auto-parts --answers answers.yaml -o out")
        #expect(t.wait(for: "企业名称（必答）").found)
        #expect(t.paneFormat("#{alternate_on} #{cursor_flag}") == "1 0", "the wizard's own screen, cursor hidden")
        try t.send(keys("慈溪"))
        #expect(t.wait(for: "> 慈溪_").found)

        if how == "Ctrl-Z" {
            try t.tmux(["send-keys", "-t", t.session, "C-z"])
        } else {
            let pid = try #require(t.waitForPid())
            kill(pid, SIGTSTP)
        }
        let stopped = t.wait(for: "Stopped", timeout: 10)
        #expect(stopped.found, "\(how): the wizard stops: \(stopped.screen)")
        #expect(t.paneFormat("#{alternate_on} #{cursor_flag}") == "0 1", "\(how): back on the main screen with the cursor shown")

        try t.type("fg")
        let back = t.wait(for: "企业名称（必答）", timeout: 10)
        #expect(back.found, "\(how): redrawn after fg: \(back.screen)")
        #expect(t.paneFormat("#{alternate_on} #{cursor_flag}") == "1 0", "\(how): the wizard's screen again")
        // Raw mode again: keys reach the wizard one by one (in cooked mode they would wait for Enter, and an
        // arrow key would be echoed as ^[[B).
        try t.send(keys(Key.down, "汽配厂"))
        let typed = t.wait(for: "> 慈溪汽配厂_", timeout: 10)
        #expect(typed.found, "\(how): \(typed.screen)")
        #expect(!typed.screen.contains("^["), "\(typed.screen)")
        try t.send(keys(Key.enter))
        #expect(t.wait(for: "统一社会信用代码").found)
        try t.send(keys(Key.ctrlC))
        #expect(t.wait(for: "继续填写：").found)
        try t.type("echo rc=$?")
        #expect(t.wait(for: "rc=130").found)
        #expect(t.file("answers.yaml")?.contains("company_name: \"慈溪汽配厂\"") == true)
    }
}
