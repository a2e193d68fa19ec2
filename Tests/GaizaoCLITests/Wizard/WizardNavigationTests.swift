import Testing
import GaizaoCore
@testable import GaizaoCLI

@Suite struct WizardNavigationTests {
    @Test func industryMenuThenFirstQuestion() {
        var h = WizardHarness(industry: nil)
        #expect(h.model.screen == .industry)
        h.run(keys(Key.down, Key.up, "j", "k"))
        #expect(h.screen.contains("> 1. 汽车零部件"))
        #expect(h.store.saves.isEmpty, "nothing is saved before an industry is chosen")
        h.run(keys("2", Key.enter))
        #expect(h.model.industry?.id == "home-appliance")
        #expect(h.currentID == "company_name")
        #expect(h.saved.contains("industry: home-appliance\nanswers: {}"))
    }

    @Test func wholeQuestionnaireByKeysWritesTheExpectedFile() {
        var h = WizardHarness()
        #expect(h.run(fullAutoPartsScript) == nil)
        #expect(h.model.screen == .review)
        #expect(body(h.saved) == fullAutoPartsExpected)
        #expect(h.store.saves.count == 65, "the new file, then one save per answer (64 questions)")
        let decoded = h.decodedSave()
        #expect(decoded.diagnostics.sorted.isEmpty)
        #expect(decoded.sheet?.answers["ap_mould_count"] == .number(50))
        #expect(h.run(keys(Key.enter, Key.enter)) == .finished)   // finish, then today's date
    }

    @Test func headerCountsSectionsQuestionsAndPercent() {
        var h = WizardHarness()
        h.run(keys("慈溪", Key.enter, Key.enter, Key.enter))
        #expect(h.currentID == "employees")
        let p = h.model.progress(at: h.model.questionnaire.position(of: "employees"))
        #expect(p.section == 1 && p.question == 4 && p.questions == 8)
        #expect(p.settled == 3)
        #expect(h.screen.contains("第 1/8 部分 企业概况  第 4/8 题  已完成 \(3 * 100 / p.asked)%"))
    }

    @Test func backCrossesSectionsAndKeepsAnswers() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "pilot_status")
        h.run(keys(Key.left))
        #expect(h.currentID == "it_staff")
        #expect(h.model.editor == .choice(cursor: 1), "the cursor starts on the answer given")
        h.run(keys(Key.backspace, "b"))
        #expect(h.currentID == "main_products")
        h.run(keys(Key.left, Key.left, Key.left, Key.left, Key.left))
        #expect(h.currentID == "company_name")
        #expect(h.model.editor == .input("慈溪测试汽配厂"))
        h.run(keys(Key.left))
        #expect(h.screen.contains("这已经是第一题。"))
    }

    /// `s` on a question already answered keeps the answer and moves on (skipping changes nothing); `x` clears it,
    /// and the key legend names each for what it does.
    @Test func skipKeepsAnAnswerGivenAndClearingIsItsOwnKey() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "pilot_status")
        h.run(keys(Key.left))
        #expect(h.currentID == "it_staff")
        #expect(h.screen.contains("s 保留答案，下一题"), "\(h.screen)")
        #expect(h.screen.contains("x 清除答案"), "\(h.screen)")
        h.run(keys("s"))
        #expect(h.currentID == "pilot_status")
        #expect(h.model.memory["it_staff"] == .option("part_time"))
        #expect(h.saved.contains("it_staff: part_time"))
        h.run(keys(Key.left, Key.left))
        #expect(h.currentID == "main_customers")
        h.run(keys("s", "s"))
        #expect(h.currentID == "pilot_status")
        #expect(h.saved.contains("main_customers: [automaker]"))
        #expect(h.saved.contains("it_staff: part_time"))
        // Clearing is explicit: `x` leaves the question unanswered (written `~`).
        h.run(keys(Key.left, "x"))
        #expect(h.currentID == "pilot_status")
        #expect(h.model.memory["it_staff"] == nil)
        #expect(h.saved.contains("it_staff: ~"))
        // Unanswered, `s` skips as before and the legend says so; there is nothing to clear.
        h.run(keys(Key.left))
        #expect(h.screen.contains("s 跳过本题"))
        #expect(!h.screen.contains("x 清除答案"))
        var en = WizardHarness(lang: .en, size: TerminalSize(width: 120, height: 30))
        en.run(fullAutoPartsScript, until: "pilot_status")
        en.run(keys(Key.left))
        #expect(en.screen.contains("s keep the answer, next"), "\(en.screen)")
        #expect(en.screen.contains("x clear the answer"), "\(en.screen)")
    }

    @Test func typedTextSurvivesGoingBack() {
        var h = WizardHarness()
        h.run(keys("慈溪", Key.enter, "9133"))
        #expect(h.currentID == "credit_code")
        h.run(keys(Key.left, Key.enter))
        #expect(h.model.editor == .input("9133"), "the unconfirmed text is still there")
        // Only confirmed answers are saved as answers; the draft is kept beside them as a comment.
        #expect(h.decodedSave(partial: true).sheet?.answers["credit_code"] == nil)
        #expect(h.saved.contains("\n# draft credit_code: \"9133\"\n"))
    }

    @Test func requiredQuestionsAndValidationMessages() {
        var h = WizardHarness()
        h.run(keys(Key.enter))
        #expect(h.currentID == "company_name")
        #expect(h.screen.contains("这是必答题，请先回答。"))
        h.run(keys("慈溪", Key.enter, Key.enter, Key.enter, "0", Key.enter))
        #expect(h.currentID == "employees")
        #expect(h.screen.contains("请输入 1–100000 之间的整数。"))
        h.run(keys(Key.ctrlU, "8.5", Key.enter))
        #expect(h.currentID == "employees")
        h.run(keys(Key.ctrlU, "８５", Key.enter))  // full-width digits from a Chinese input method
        #expect(h.model.memory["employees"] == .number(85))
        #expect(h.currentID == "annual_revenue")
        #expect(h.screen.contains("单位：万元；范围 0–10000000"))
    }

    @Test func requiredMultipleChoiceNeedsOneOption() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "ap_processes")
        h.run(keys(Key.enter))
        #expect(h.screen.contains("这是必答题，请至少选一项"))
        h.run(keys(Key.down, Key.space, Key.space, Key.space, Key.enter))
        #expect(h.model.memory["ap_processes"] == .options(["stamping"]))
    }

    /// Ticking "network covers the whole shop floor" (option 4) without the three networks is refused on Enter with
    /// the options missing, as a typed answer is; with them it is kept. Before, the answer was saved and the
    /// answers file then failed to load.
    @Test func aTickedOptionThatNeedsOthersIsRefusedUntilTheyAreTicked() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "network")
        h.run(keys("1", "4", Key.enter))
        #expect(h.currentID == "network")
        // The message wraps at the terminal's width.
        #expect(h.screen.replacingOccurrences(of: "\n", with: "").contains("「网络覆盖全部生产现场，并留有扩展余量」须同时选「设备、人员和信息系统互联的应用网络」、「建设或租用5G工业网络」。"), "\(h.screen)")
        #expect(h.model.memory["network"] == nil || h.model.memory["network"] != .options(["workshop_control", "full_coverage"]))
        h.run(keys("2", "3", Key.enter))
        #expect(h.model.memory["network"] == .options(["workshop_control", "app_network", "industrial_5g", "full_coverage"]))
    }

    @Test func optionalChoiceCanBeSkippedAndRequiredCannot() {
        var h = WizardHarness()
        var rest = h.run(fullAutoPartsScript, until: "it_staff")
        h.run(keys("s"))
        #expect(h.currentID == "pilot_status")
        #expect(h.saved.contains("it_staff: ~"))
        rest.removeFirst(2)  // the script's own answer to it_staff
        h.run(rest, until: "ap_traceability_demand")
        h.run(keys("s"))
        #expect(h.currentID == "ap_traceability_demand")
        #expect(h.screen.contains("这是必答题"))
    }

    @Test func ctrlCAndCtrlDStopAndKeepTheFile() {
        var h = WizardHarness()
        #expect(h.run(keys("慈溪", Key.enter, "91", Key.ctrlC)) == .stopped(signal: nil))
        #expect(h.saved.contains("company_name: \"慈溪\""))
        // Text typed but not confirmed is kept on stopping: as the answer when valid, else as a draft.
        #expect(h.decodedSave(partial: true).sheet?.answers["credit_code"] == nil, "two characters are no credit code")
        #expect(h.saved.contains("\n# draft credit_code: \"91\"\n"))
        var g = WizardHarness()
        #expect(g.run(keys(Key.enter, Key.ctrlD)) == .stopped(signal: nil))
        var s = WizardHarness()
        #expect(s.run(keys("慈", TerminalEvent.signal(15), "x")) == .stopped(signal: 15))
        #expect(s.saved.contains("company_name: \"慈\""))
        var n = WizardHarness()
        n.run(fullAutoPartsScript, until: "employees")
        #expect(n.run(keys("0", TerminalEvent.closed)) == .closed)
        #expect(n.decodedSave(partial: true).sheet?.answers["employees"] == nil, "an invalid number is not recorded")
        #expect(n.saved.contains("\n# draft employees: \"0\"\n"), "but kept as a draft")
    }

    @Test func runLoopReadsTheTerminalUntilItCloses() {
        var h = WizardHarness()
        let terminal = FakeTerminal(keys("慈溪", Key.enter, TerminalEvent.resized, "123"))
        #expect(h.runner.run(&h.model, on: terminal) == .closed)
        #expect(terminal.screens.count == 1 + 3 + 1 + 3, "the first screen, then one per event")
        #expect(h.model.screen == .quit)
        #expect(h.saved.contains("credit_code: \"123\""))
    }

    @Test func failedSaveIsShownAndRetried() {
        var h = WizardHarness()
        h.store.failing = true
        h.run(keys("慈溪", Key.enter))
        #expect(h.screen.contains("无法保存答卷：disk full"))
        h.store.failing = false
        h.run(keys(Key.enter))
        #expect(!h.screen.contains("无法保存"))
        #expect(h.saved.contains("company_name: \"慈溪\""))
    }
}
