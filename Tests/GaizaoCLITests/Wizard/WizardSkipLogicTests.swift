import Testing
import GaizaoCore
@testable import GaizaoCLI

/// Skip logic applied live: hidden questions are not asked, changing an earlier answer re-evaluates what follows,
/// and answers to hidden questions leave the file but come back with their question.
@Suite struct WizardSkipLogicTests {
    @Test func conditionalQuestionsFollowTheAnswers() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "ap_mould_managed")
        #expect(h.model.memory["ap_mould_count"] == .number(50))
        // Back to the mould count; 0 moulds hides "how moulds are tracked".
        h.run(keys(Key.left, Key.ctrlU, "0", Key.enter))
        #expect(h.currentID == "ap_part_numbers")
        h.run(keys(Key.left))
        #expect(h.currentID == "ap_mould_count", "back skips the hidden question")
    }

    @Test func changingAnEarlierAnswerHidesLaterQuestionsAndTheyComeBack() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "ap_part_numbers")
        #expect(h.saved.contains("ap_mould_count: 50"))
        // Back three questions to the processes (← in number fields, where `b` is typed): untick stamping, tick machining.
        h.run(keys(Key.left, "b", Key.left))
        #expect(h.currentID == "ap_processes")
        h.run(keys("2", "1", Key.enter))
        #expect(h.model.memory["ap_processes"] == .options(["machining"]))
        #expect(h.currentID == "ap_part_numbers", "the mould questions are no longer asked")
        #expect(!h.saved.contains("ap_mould_count"), "the hidden answers leave the file")
        #expect(!h.saved.contains("ap_mould_managed"))
        #expect(h.model.memory["ap_mould_count"] == .number(50), "but stay in memory")
        #expect(h.decodedSave(partial: true).diagnostics.sorted.isEmpty)
        // Tick injection moulding: the question comes back with its answer.
        h.run(keys(Key.left, "3", Key.enter))
        #expect(h.currentID == "ap_mould_count")
        #expect(h.model.editor == .input("50"))
        #expect(h.saved.contains("ap_mould_count: 50"))
        #expect(h.saved.contains("ap_mould_managed: none"))
    }

    @Test func customerTypesDecideTheOEMQuestions() {
        var h = WizardHarness()
        var script = fullAutoPartsScript
        // main_customers: untick nothing, tick export instead of automaker → the three OEM questions are not asked.
        let at = h.run(script, until: "main_customers")
        script = keys("5", Key.enter) + Array(at.dropFirst(2))
        h.run(script, until: "ap_traceability_demand")
        // 64 questions less the 3 OEM ones, less the 2 mould ones (unknown until the processes are answered).
        #expect(h.model.askedIndices.count == 59)
        h.run(keys(Key.left))
        #expect(h.currentID == "scene_decision_support", "back from the first asked auto-parts question crosses the hidden ones")
        #expect(!h.saved.contains("ap_oe_share"))
    }

    @Test func editFromReviewRevealsNewQuestionsThenReturns() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript)
        #expect(h.model.screen == .review)
        // Change main_customers to export only: three questions disappear from the review.
        let row = h.model.askedIndices.firstIndex(of: h.model.questionnaire.position(of: "main_customers")!)!
        h.model.setReviewCursor(row)
        h.run(keys(Key.enter))
        #expect(h.currentID == "main_customers")
        h.run(keys("1", "5", Key.enter))
        #expect(h.model.screen == .review, "no new question: straight back to the review")
        #expect(h.model.askedIndices.count == 61)
        #expect(!h.screen.contains("配套市场（OE）出货占比"))
        // Tick tier suppliers: the OEM questions come back with their remembered answers, so nothing new is asked.
        h.model.setReviewCursor(row)
        h.run(keys(Key.enter, "2", Key.enter))
        #expect(h.model.screen == .review)
        #expect(h.saved.contains("ap_oe_share: 85"))
    }

    @Test func editFromReviewAsksNewlyShownUnansweredQuestions() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "ap_processes")
        h.run(keys("1", Key.enter))  // machining: no mould questions
        #expect(h.currentID == "ap_part_numbers")
        h.run(keys("200", Key.enter) + [TerminalEvent](repeating: .key(.enter), count: 8))
        #expect(h.model.screen == .review)
        let row = h.model.askedIndices.firstIndex(of: h.model.questionnaire.position(of: "ap_processes")!)!
        h.model.setReviewCursor(row)
        h.run(keys(Key.enter, "4", Key.enter))  // add die casting
        #expect(h.currentID == "ap_mould_count", "the newly asked question comes next")
        h.run(keys("20", Key.enter))
        #expect(h.currentID == "ap_mould_managed")
        h.run(keys(Key.down, Key.down, Key.enter))
        #expect(h.model.screen == .review, "then back to the review, skipping questions already answered")
        #expect(h.saved.contains("ap_mould_managed: system"))
        #expect(h.run(keys(Key.enter, Key.enter)) == .finished)   // finish, then today's date
    }

    @Test func finishingWithARequiredAnswerMissingOpensIt() {
        // A resumed file where a required question was never answered.
        let text = body(fullAutoPartsExpected).replacingOccurrences(of: "  ap_part_numbers: 200\n", with: "")
        var h = WizardHarness(resumeText: text)
        h.run(keys("3", Key.enter))  // review
        #expect(h.model.screen == .review)
        h.run(keys(Key.enter))
        #expect(h.currentID == "ap_part_numbers")
        #expect(h.screen.contains("这是必答题，请先回答。"))
        h.run(keys("120", Key.enter))
        #expect(h.model.screen == .review)
    }
}
