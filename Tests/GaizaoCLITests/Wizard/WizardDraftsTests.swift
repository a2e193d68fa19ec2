import Foundation
import Testing
import GaizaoCore
@testable import GaizaoCLI

/// Text typed in a field and not confirmed (a draft) is never lost by stopping: a valid one is saved as the
/// answer, whichever field it was left in; an invalid one is never saved as an answer, but kept in the answers file
/// as a draft that the wizard puts back in its field.
@Suite struct WizardDraftsTests {
    static let validCode = "91320582MA1234567D"
    static let wrongCheckCode = "91320582MA1234567X"

    @Test func ctrlCSavesAValidDraftLeftInAnotherField() {
        var h = WizardHarness()
        h.run(keys("慈溪", Key.enter, Self.validCode, Key.left))
        #expect(h.currentID == "company_name")
        #expect(h.run(keys(Key.ctrlC)) == .stopped(signal: nil))
        #expect(h.decodedSave(partial: true).sheet?.answers["credit_code"] == .text(Self.validCode), "\(h.saved)")
    }

    @Test func ctrlCSavesValidDraftsOfEveryKindOfField() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "employees")
        h.run(keys("120", Key.left, "横河镇", Key.left))
        #expect(h.currentID == "credit_code")
        h.run(keys(Key.ctrlC))
        let answers = h.decodedSave(partial: true).sheet?.answers
        #expect(answers?["employees"] == .number(120), "\(h.saved)")
        #expect(answers?["town"] == .text("横河镇"), "\(h.saved)")
    }

    @Test func anInvalidCreditCodeIsNeverSavedAsAnAnswer() {
        var h = WizardHarness()
        h.run(keys("慈溪", Key.enter, Self.wrongCheckCode, Key.enter))
        #expect(h.screen.contains("校验位不对：按前 17 位，最后一位应为“D”"))
        #expect(h.run(keys(Key.ctrlC)) == .stopped(signal: nil))
        let decoded = h.decodedSave(partial: true)
        #expect(decoded.diagnostics.sorted.isEmpty)
        #expect(decoded.sheet?.answers["credit_code"] == nil, "\(h.saved)")
        #expect(h.saved.contains(Self.wrongCheckCode), "not lost either: \(h.saved)")
    }

    @Test func anInvalidDraftLeftInAnotherFieldIsKeptButNotAnswered() {
        var h = WizardHarness()
        h.run(keys("慈溪", Key.enter, Self.wrongCheckCode, Key.left))
        h.run(keys(Key.ctrlC))
        #expect(h.decodedSave(partial: true).sheet?.answers["credit_code"] == nil, "\(h.saved)")
        #expect(h.saved.contains(Self.wrongCheckCode), "\(h.saved)")
    }

    /// A draft kept in the answers file comes back in its field when the session is resumed, and the file read
    /// back is the file written (no copy aside is needed for it).
    @Test func aKeptDraftComesBackInItsField() {
        let typed = "12 \"x\"\\\u{2028}"
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "employees")
        h.run(keys(typed, Key.ctrlC))
        #expect(h.decodedSave(partial: true).sheet?.answers["employees"] == nil)
        #expect(WizardModel.drafts(inAnswersFile: h.saved) == ["employees": typed], "\(h.saved)")
        var resumed = WizardHarness(resumeText: h.saved)
        #expect(resumed.model.answersFileText() == h.saved, "read back as written")
        resumed.run(keys(Key.enter))
        #expect(resumed.currentID == "employees")
        #expect(resumed.model.editor == .input(typed))
        #expect(resumed.model.unsavedDrafts().map(\.question.id) == ["employees"])
        #expect(resumed.model.unsavedDrafts().first?.why == "请输入数字，例如 35 或 2.5。")
    }

    @Test func draftsAreSavedAsCommentsAtOnce() {
        var h = WizardHarness()
        h.run(keys("慈溪", Key.enter, "横河", Key.left))
        #expect(h.saved.contains("\n# draft credit_code: \"横河\"\n"), "\(h.saved)")
        #expect(h.decodedSave(partial: true).diagnostics.sorted.isEmpty)
        h.run(keys(Key.enter, Key.ctrlU, Key.left))
        #expect(!h.saved.contains("# draft"), "the field as answered: no draft")
    }
}

/// The reviewer's case in the real binary: a credit code with a wrong check character, then Ctrl-C.
@Suite(.serialized, .enabled(if: TmuxSession.available,
                             "tmux or the built gaizao binary is missing: install tmux (apt-get install -y tmux) and run `swift build`"))
struct WizardDraftsEndToEndTests {
    @Test func anInvalidCreditCodeIsKeptAsADraftAndComesBack() throws {
        let t = try TmuxSession()
        try t.start(["wizard", "--industry", "auto-parts", "--answers", "answers.yaml", "-o", "out"], width: 160)
        #expect(t.wait(for: "企业名称（必答）").found)
        try t.send(keys("慈溪", Key.enter))
        #expect(t.wait(for: "统一社会信用代码").found)
        try t.send(keys(WizardDraftsTests.wrongCheckCode, Key.enter))
        #expect(t.wait(for: "最后一位应为“D”").found)
        try t.send(keys(Key.ctrlC))
        let stopped = t.wait(for: "DONE")
        #expect(stopped.found, "\(stopped.screen)")
        #expect(stopped.screen.contains("「统一社会信用代码」里输入的“\(WizardDraftsTests.wrongCheckCode)”没有存为答案（校验位不对"), "\(stopped.screen)")
        let saved = t.file("answers.yaml") ?? ""
        #expect(!saved.contains("\n  credit_code:"), "not an answer: \(saved)")
        #expect(saved.contains("# draft credit_code: \"\(WizardDraftsTests.wrongCheckCode)\""), "\(saved)")

        try t.start(["wizard", "--answers", "answers.yaml", "-o", "out"], width: 160)
        #expect(t.wait(for: "发现已保存的答卷").found)
        try t.send(keys(Key.enter))
        let field = t.wait(for: "> \(WizardDraftsTests.wrongCheckCode)_")
        #expect(field.found, "the draft is back in its field: \(field.screen)")
        try t.send(keys(Key.ctrlC))
        #expect(t.wait(for: "DONE").found)
        #expect(!FileManager.default.fileExists(atPath: t.dir + "/answers.yaml.bak"), "the wizard's own draft needs no copy aside")
    }
}
