import Testing
import GaizaoCore
@testable import GaizaoCLI

/// Starting on an existing answers file: continue at the first unanswered question, go through from the start,
/// or review; the result equals an uninterrupted session.
@Suite struct WizardResumeTests {
    /// The session of `fullAutoPartsScript` stopped with Ctrl-C after `id` was shown: the saved file.
    private func interrupted(at id: String) -> (text: String, rest: [TerminalEvent]) {
        var h = WizardHarness()
        let rest = h.run(fullAutoPartsScript, until: id)
        #expect(h.run(keys(Key.ctrlC)) == .stopped(signal: nil))
        return (h.saved, rest)
    }

    @Test(arguments: ["employees", "ap_oe_share", "scene_quality", "ap_hazards"])
    func resumeContinuesAtTheFirstUnansweredQuestion(at id: String) {
        let (text, rest) = interrupted(at: id)
        var h = WizardHarness(resumeText: text)
        #expect(h.model.screen == .resume)
        h.run([])
        #expect(h.screen.contains("发现已保存的答卷 answers.yaml"))
        #expect(h.screen.contains("> 1. 从第一个未答的问题继续"))
        h.run(keys(Key.enter))
        #expect(h.currentID == id)
        // The rest of the original script, then the review: the same file as without the interruption.
        h.run(rest)
        #expect(h.model.screen == .review)
        #expect(body(h.saved) == fullAutoPartsExpected)
    }

    @Test func skippedQuestionsCountAsAnswered() {
        let (text, _) = interrupted(at: "town")
        #expect(text.contains("credit_code: ~"))
        let h = WizardHarness(resumeText: text)
        #expect(h.model.firstUnsettled == h.model.questionnaire.position(of: "town"))
        #expect(h.model.progress(at: nil).settled == 2)
        #expect(h.model.progress(at: nil).answered == 1)
    }

    /// The resume heading and the message on stopping count a skipped question apart, as the status line does:
    /// "已答 1/59 题，跳过 1", not "已答 2/59 题".
    @Test func skippedQuestionsAreSaidApartWhenResumingAndStopping() {
        let (text, _) = interrupted(at: "town")
        var h = WizardHarness(resumeText: text)
        h.run([])
        let p = h.model.progress(at: nil)
        #expect(h.screen.contains("发现已保存的答卷 answers.yaml（已答 1/\(p.asked) 题，跳过 1）"))
        let zh = h.model.ui
        #expect(zh.stopped("a.yaml", answered: 1, skipped: 1, asked: p.asked) == "已停止。答卷已保存：a.yaml（已答 1/\(p.asked) 题，跳过 1）")
        #expect(zh.stopped("a.yaml", answered: 3, skipped: 0, asked: 9) == "已停止。答卷已保存：a.yaml（已答 3/9 题）")
        let en = WizardStrings(lang: .en)
        #expect(en.stopped("a.yaml", answered: 1, skipped: 2, asked: 9) == "Stopped. The answers are saved in a.yaml (1/9 answered, 2 skipped)")
    }

    @Test func resumeFromTheStartKeepsAnswers() {
        let (text, _) = interrupted(at: "employees")
        var h = WizardHarness(resumeText: text)
        h.run(keys(Key.down, Key.enter))
        #expect(h.currentID == "company_name")
        #expect(h.model.editor == .input("慈溪测试汽配厂"))
        h.run(keys(Key.enter, Key.enter, Key.enter))
        #expect(h.currentID == "employees")
        #expect(body(h.saved) == body(text), "accepting the answers again changes nothing")
    }

    @Test func completeFileOffersTheReview() {
        var h = WizardHarness(resumeText: fullAutoPartsExpected)
        h.run([])
        #expect(!h.screen.contains("从第一个未答的问题继续"))
        #expect(h.screen.contains("> 1. 从第一题开始逐题查看"))
        h.run(keys(Key.down, Key.enter))
        #expect(h.model.screen == .review)
        #expect(h.screen.contains("> 完成，生成改造方案"))
        #expect(h.run(keys(Key.enter, Key.enter)) == .finished)   // finish, then today's date
    }

    @Test func answersToHiddenQuestionsInAFileAreRemembered() {
        // A file (edited by hand) answering the mould count although no moulding process is ticked.
        let text = body(fullAutoPartsExpected).replacingOccurrences(of: "ap_processes: [stamping]", with: "ap_processes: [machining]")
        var h = WizardHarness(resumeText: text)
        #expect(!h.model.askedIndices.contains(h.model.questionnaire.position(of: "ap_mould_count")!))
        h.run(keys(Key.end, Key.enter))  // the last action: review
        let row = h.model.askedIndices.firstIndex(of: h.model.questionnaire.position(of: "ap_processes")!)!
        h.model.setReviewCursor(row)
        h.run(keys(Key.enter, "2", Key.enter))
        #expect(h.model.screen == .review, "the mould questions come back already answered")
        #expect(h.saved.contains("ap_mould_count: 50"))
    }

    @Test func dateOfAResumedFileIsKept() {
        let text = body(fullAutoPartsExpected).replacingOccurrences(of: "industry: auto-parts\n", with: "industry: auto-parts\ndate: 2026-11-20\n")
        var h = WizardHarness(resumeText: text)
        h.run(keys(Key.end, Key.enter, Key.up, Key.enter, Key.enter))
        #expect(h.saved.contains("industry: auto-parts\ndate: 2026-11-20\nanswers:"))
    }
}
