import Testing
import GaizaoCore
@testable import GaizaoCLI

/// The plain line-based mode used when standard input is not a terminal.
@Suite struct LineWizardTests {
    /// Answers giving the same file as `fullAutoPartsScript`.
    static let lines: [String] = [
        "1",  // industry
        "慈溪测试汽配厂", "", "", "85", "3000", "", "1", "2",      // profile
        "1", "n", "y",                                          // policy
        "1,2", "35", "15", "-", "3", "-", "-",                  // foundation
        "1", "-", "-", "1.5",                                   // management
        "1", "1", "1", "1", "", "", "",                         // outcomes
        "2", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0",  // scenes
        "85", "y", "n", "1", "1", "1", "1",                     // auto-parts profile
        "2", "50", "1", "200", "", "1", "1", "", "", "-", "", "-",  // auto-parts production
    ]

    private func run(_ input: [String], resume: String? = nil) -> (LineWizard.Ending, WizardHarness, String) {
        var h = WizardHarness(industry: nil, resumeText: resume)
        var queue = input[...]
        var transcript = ""
        var wizard = LineWizard(readLine: { queue.popFirst() }, output: { transcript += $0 }, runner: h.runner)
        let ending = wizard.run(&h.model)
        return (ending, h, transcript)
    }

    @Test func scriptedAnswersGiveTheSameFileAsTheKeys() {
        let (ending, h, transcript) = run(Self.lines)
        #expect(ending == .finished)
        #expect(body(h.saved) == fullAutoPartsExpected)
        #expect(transcript.contains("[1/59] 企业概况 — 企业名称（必答）"))
        #expect(transcript.contains("  3. 3级：建有标准件库和产品设计知识库"))
    }

    @Test func wrongLinesAreAskedAgain() {
        let (ending, h, transcript) = run(["1", "", "慈溪", "", "", "abc", "0", "85", "100", "", "9", "1,x", "1", "maybe"])
        #expect(ending == .endOfInput)
        #expect(transcript.contains("! 这是必答题，请先回答。"))
        #expect(transcript.contains("! 请输入数字，例如 35 或 2.5。"))
        #expect(transcript.contains("! 请输入 1–100000 之间的整数。"))
        #expect(transcript.contains("! 请输入选项序号 1–7。"))
        #expect(transcript.contains("! 请输入选项序号 1–3。"))
        #expect(h.model.memory["employees"] == .number(85))
        #expect(h.model.memory["main_customers"] == .options(["automaker"]))
        #expect(h.model.memory["it_staff"] == nil, "`maybe` is not an option; input ended there")
    }

    @Test func optionIDsAndNoneWork() {
        let (_, h, _) = run(["auto-parts", "厂", "", "", "10", "100", "", "tier_supplier, export", "dedicated", "", "是", "否", "-"])
        #expect(h.model.memory["main_customers"] == .options(["tier_supplier", "export"]))
        #expect(h.model.memory["it_staff"] == .option("dedicated"))
        #expect(h.model.memory["ningbo_sample"] == .bool(true))
        #expect(h.model.memory["network"] == .options([]))
    }

    /// "None of these" (option 5 of `network`, `exclusive`) is the empty answer and cannot go with another option.
    @Test func theExclusiveNoneStandsAlone() {
        let (_, h, transcript) = run(["auto-parts", "厂", "", "", "10", "100", "", "export", "dedicated", "", "是", "否", "1,5", "none"])
        #expect(transcript.contains("! 「无（以上都没有）」不能和其他选项同时选。"))
        #expect(h.model.memory["network"] == .options([]))
        let network = TestCatalog.catalog.questionnaire(for: TestCatalog.autoParts)["network"]!
        #expect(WizardModel.toggled(4, in: [0, 1], network) == [4], "ticking none unticks the others")
        #expect(WizardModel.toggled(2, in: [4], network) == [2], "ticking an option unticks none")
        #expect(WizardModel.toggled(4, in: [4], network) == [], "none unticks like any option")
    }

    @Test func resumedFileContinuesAndEmptyLinesKeepAnswers() {
        let (ending, h, _) = run(Array(Self.lines.prefix(20)))
        #expect(ending == .endOfInput)
        let (ending2, h2, transcript) = run(Array(Self.lines.dropFirst(20)), resume: h.saved)
        #expect(ending2 == .finished)
        #expect(transcript.contains("发现已保存的答卷 answers.yaml（已答 16/62 题，跳过 3）"))
        #expect(body(h2.saved) == fullAutoPartsExpected)
    }
}
