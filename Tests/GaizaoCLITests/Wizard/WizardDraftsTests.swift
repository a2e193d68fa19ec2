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
