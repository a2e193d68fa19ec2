import Foundation
import Testing
import GaizaoCore
@testable import GaizaoCLI

/// Issue 18: the wizard at any terminal from 60×16 up — the key legend (with the way to save and quit) and the
/// progress fully visible on every screen, never cut; the list scrolls; units and multi-digit numbers; the
/// date step; honest counts.
@Suite struct WizardSmallTerminalTests {
    static let sizes = [TerminalSize(width: 60, height: 16), TerminalSize(width: 100, height: 32)]

    /// What every screen must show in full at `size`.
    static func check(_ lines: [ScreenLine], _ model: WizardModel, _ size: TerminalSize, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let text = lines.map(\.text).joined(separator: "\n")
        #expect(lines.count <= size.height, "\(lines.count) rows at \(size): \(text)", sourceLocation: sourceLocation)
        for line in lines {
            #expect(DisplayWidth.of(line.text) <= size.width, "wider than \(size.width): \(line.text)", sourceLocation: sourceLocation)
        }
        let quit = model.screen == .industry || model.screen == .resume ? model.ui.keysQuitMenu : model.ui.keysQuit
        #expect(lines.contains { $0.text.contains(quit) }, "no \(quit) at \(size): \(text)", sourceLocation: sourceLocation)
        #expect(!lines.contains { $0.text.contains("…") && ($0.text.contains("Ctrl") || $0.text.contains("%")) },
                "a key or progress line was cut: \(text)", sourceLocation: sourceLocation)
        if case .question = model.screen {
            #expect(lines[1].text.range(of: #"\d+%"#, options: .regularExpression) != nil, "no progress: \(lines[1].text)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: sizes) func everyScreenOfAWholeRunFits(size: TerminalSize) {
        var h = WizardHarness(industry: nil, size: size)
        h.run([])
        Self.check(h.terminal.screens.last!, h.model, size)                 // the industry menu
        h.run(keys(Key.enter))
        var lastPercent = 0
        for event in fullAutoPartsScript {
            h.run([event])
            Self.check(h.terminal.screens.last!, h.model, size)
            if case let .question(i) = h.model.screen {
                let shown = h.model.shownPercent(h.model.progress(at: i))
                #expect(shown >= lastPercent, "progress went back from \(lastPercent)% to \(shown)%")
                lastPercent = shown
            }
        }
        #expect(h.model.screen == .review)
        Self.check(h.terminal.screens.last!, h.model, size)
        h.run(keys("?"))   // no help on the review: nothing breaks
        h.run(keys(Key.up, Key.enter))                                       // edit the last answer from the review
        h.run(keys("?"))                                                     // the help panel, with every key
        Self.check(h.terminal.screens.last!, h.model, size)
        #expect(h.screen.contains(h.model.ui.keysHeading))
        h.run(keys("?", Key.enter))
        #expect(h.model.screen == .review)
        h.run(keys(Key.end, Key.enter))
        #expect(h.model.screen == .date)
        Self.check(h.terminal.screens.last!, h.model, size)
        // A resumed file opens on the resume menu.
        var r = WizardHarness(resumeText: h.saved, size: size)
        r.run([])
        #expect(r.model.screen == .resume)
        Self.check(r.terminal.screens.last!, r.model, size)
    }

    @Test func aLongListShowsSeveralOptionsAt60x16() {
        var h = WizardHarness(size: TerminalSize(width: 60, height: 16))
        h.run(fullAutoPartsScript, until: "data_collection")
        let options = h.screen.split(separator: "\n").filter { $0.contains("[ ] ") || $0.contains("[x] ") }
        #expect(options.count >= 6, "\(h.screen)")
    }

    @Test func unitsAreAcceptedAndConverted() {
        let ui = WizardStrings(lang: .zh)
        let q = TestCatalog.catalog.questionnaire(for: TestCatalog.autoParts)
        func typed(_ text: String, _ id: String) -> AnswerInput.Outcome { AnswerInput.number(text, for: q[id]!, ui: ui) }
        #expect(typed("85人", "employees") == .answer(.number(85)))
        #expect(typed("85 people", "employees") == .answer(.number(85)))
        #expect(typed("30%", "equipment_digital_rate") == .answer(.number(30)))
        #expect(typed("30％", "equipment_digital_rate") == .answer(.number(30)))
        #expect(typed("1.2亿", "annual_revenue") == .answer(.number(12000)))
        #expect(typed("3500万元", "annual_revenue") == .answer(.number(3500)))
        #expect(typed("3500万", "annual_revenue") == .answer(.number(3500)))
        #expect(typed("350000元", "annual_revenue") == .answer(.number(35)))
        #expect(typed("85公斤", "employees") == .problem(ui.notANumber))
        #expect(typed("人", "employees") == .problem(ui.notANumber))
    }

    /// "Network covers the whole shop floor" may be chosen only with the three networks (the MIIT rule): the
    /// wizard says which are missing instead of taking an answer the rating would not accept.
    @Test func anOptionThatNeedsOthersSaysWhichAreMissing() throws {
        let q = try #require(TestCatalog.catalog.questionnaire(for: TestCatalog.autoParts)["network"])
        for lang in [Lang.zh, .en] {
            let ui = WizardStrings(lang: lang)
            let choices = WizardChoice.choices(for: q, catalog: TestCatalog.catalog, lang: lang)
            let number = { (id: String) in String(try #require(choices.first { $0.value == .option(id) }).number) }
            let alone = AnswerInput.line("\(try number("workshop_control")),\(try number("full_coverage"))", for: q, choices: choices, ui: ui)
            #expect(alone == .problem(lang == .zh
                ? "「网络覆盖全部生产现场，并留有扩展余量」须同时选「设备、人员和信息系统互联的应用网络」、「建设或租用5G工业网络」。"
                : "“Network covers the whole shop floor with room to grow” may be chosen only with “Application network linking equipment, people and systems”, “Own or leased 5G industrial network”."))
            let all = ["workshop_control", "app_network", "industrial_5g", "full_coverage"]
            let line = try all.map(number).joined(separator: ",")
            #expect(AnswerInput.line(line, for: q, choices: choices, ui: ui) == .answer(.options(all)))
        }
    }

    /// Commas and spaces were all dropped: `1,2,3` was 123, `2 5` 25 and a decimal comma `2,5` 25. Only thousands
    /// grouping is read now (as in a spreadsheet cell); anything else says what form is expected.
    @Test func onlyThousandsGroupingIsReadAndADecimalCommaIsSaidSo() {
        let q = TestCatalog.catalog.questionnaire(for: TestCatalog.autoParts)
        for ui in [WizardStrings(lang: .zh), WizardStrings(lang: .en)] {
            func typed(_ text: String, _ id: String) -> AnswerInput.Outcome { AnswerInput.number(text, for: q[id]!, ui: ui) }
            #expect(typed("1,200", "employees") == .answer(.number(1200)))
            #expect(typed("1 200", "employees") == .answer(.number(1200)))
            #expect(typed("1，200人", "employees") == .answer(.number(1200)))
            #expect(typed("1,200 人", "employees") == .answer(.number(1200)))
            #expect(typed("2,5", "equipment_digital_rate") == .problem(ui.decimalComma("2.5")))
            #expect(typed("1,2亿", "annual_revenue") == .problem(ui.decimalComma("1.2亿")))
            #expect(typed("1,2,3", "employees") == .problem(ui.badGrouping))
            #expect(typed("2 5", "employees") == .problem(ui.badGrouping))
        }
        #expect(WizardStrings(lang: .en).decimalComma("2.5") == "Use a point for decimals: 2.5.")
        #expect(WizardStrings(lang: .zh).badGrouping.hasPrefix("逗号或空格只能用来分隔每三位数字"))
    }

    @Test func digitsTypedTogetherAreOneNumber() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "data_collection")
        let q = h.model.currentQuestion!
        #expect(q.options.count == 15)  // 14 areas and the exclusive "none"
        h.run(keys("1", "3"))
        guard case let .multi(_, chosen) = h.model.editor else { Issue.record("not a list"); return }
        #expect(chosen == [12], "13 ticks option 13 alone")
        // After a pause, 1 and 3 are two options.
        h.run(keys("1", TerminalEvent.idle, "3"))
        guard case let .multi(_, again) = h.model.editor else { return }
        #expect(again == [0, 2, 12])
        h.run(keys(Key.enter))
        #expect(h.saved.contains("data_collection: [\(q.options[0].id), \(q.options[2].id), \(q.options[12].id)]"))
        // In a one-answer list, digits move the cursor and Enter confirms.
        var s = WizardHarness()
        s.run(fullAutoPartsScript, until: "it_staff")
        s.run(keys("3"))
        #expect(s.model.editor == .choice(cursor: 2))
    }

    @Test func theReviewCountsUnansweredQuestionsHonestly() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript)
        #expect(h.model.screen == .review)
        let p = h.model.progress(at: nil)
        #expect(p.answered < p.asked, "the script skips optional questions")
        #expect(h.screen.contains("已答 \(p.answered)/\(p.asked) 题，\(p.asked - p.answered) 题未答"))
        let unanswered = h.screen.components(separatedBy: h.model.ui.unanswered).count - 1
        #expect(unanswered <= p.asked - p.answered)
    }

    @Test func creditCodesAreChecked() {
        #expect(CreditCode.problem("91330282MA2AB1234P") == nil)
        #expect(CreditCode.problem("91330282MA2AB1234X") == .checkCharacter(expected: "P"))
        #expect(CreditCode.problem("9133028212345678") == .length(16))
        #expect(CreditCode.problem("91330282MA2AB12I4P") == .character("I", position: 16))
        #expect(CreditCode.normalized(" 91330282ma2ab1234p ") == "91330282MA2AB1234P")
        var h = WizardHarness()
        h.run(keys("慈溪", Key.enter, "9133028212345678", Key.enter))
        #expect(h.currentID == "credit_code")
        #expect(h.screen.contains("统一社会信用代码应为 18 位（现在是 16 位）"))
        h.run(keys(Key.ctrlU, "91330282ma2ab1234p", Key.enter))
        #expect(h.currentID == "town")
        #expect(h.saved.contains("credit_code: \"91330282MA2AB1234P\""))
    }

    @Test func aHomeApplianceMakerIsNotOfferedCarMakers() {
        var h = WizardHarness(industry: TestCatalog.catalog.industry("home-appliance"))
        h.run(keys("慈溪", Key.enter, Key.enter, Key.enter, "85", Key.enter, "3000", Key.enter, Key.enter))
        #expect(h.currentID == "main_customers")
        #expect(!h.screen.contains("整车厂 / 主机厂"))
        #expect(h.screen.contains("1. 一级 / 二级配套商"))
        var a = WizardHarness()
        a.run(keys("慈溪", Key.enter, Key.enter, Key.enter, "85", Key.enter, "3000", Key.enter, Key.enter))
        #expect(a.screen.contains("1. 整车厂 / 主机厂"))
    }

    @Test func theDateStepWritesTheDate() {
        var h = WizardHarness()
        h.model.today = "2026-12-02"
        h.run(fullAutoPartsScript)
        h.run(keys(Key.enter))
        #expect(h.model.screen == .date)
        #expect(h.screen.contains("直接按 Enter 用 2026-12-02"))
        h.run(keys("2026-13-01", Key.enter))
        #expect(h.screen.contains(h.model.ui.badDate))
        h.run(keys(Key.ctrlU, Key.enter))
        #expect(h.model.screen == .finished)
        #expect(h.saved.contains("\ndate: 2026-12-02\n"))
    }
}

extension TerminalSize: CustomTestStringConvertible {
    public var testDescription: String { "\(width)×\(height)" }
}

/// The same in a real pseudo-terminal (tmux) with the built binary, at 60×16 and 100×32.
@Suite(.serialized, .enabled(if: TmuxSession.available,
                             "tmux or the built gaizao binary is missing: install tmux (apt-get install -y tmux) and run `swift build`"))
struct WizardSmallTerminalTmuxTests {
    /// Every row within the width, the quit key and (on a question) the share done in full.
    static func checkScreen(_ screen: String, width: Int, quit: String = "Ctrl-C 保存退出", progress: Bool = true,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(screen)", sourceLocation: sourceLocation)
        #expect(screen.contains(quit), "no \(quit): \(screen)", sourceLocation: sourceLocation)
        if progress {
            #expect(lines.count > 1 && lines[1].range(of: #"\d+%"#, options: .regularExpression) != nil, "\(screen)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [(60, 16), (100, 32)]) func unitsDigitsAndLegendInATerminal(width: Int, height: Int) throws {
        let t = try TmuxSession()
        try t.start(["wizard", "--answers", "answers.yaml", "-o", "out"], width: width, height: height)
        let menu = t.wait(for: "请选择企业所属行业")
        #expect(menu.found)
        Self.checkScreen(menu.screen, width: width, quit: "Ctrl-C 退出", progress: false)
        try t.send(keys("2", Key.enter))
        let first = t.wait(for: "企业名称（必答）")
        Self.checkScreen(first.screen, width: width)
        try t.send(keys("慈溪测试电器", Key.enter, Key.enter, Key.enter, "85人", Key.enter, "1.2亿", Key.enter, Key.enter))
        let customers = t.wait(for: "主要客户类型")
        #expect(customers.found, "\(customers.screen)")
        Self.checkScreen(customers.screen, width: width)
        #expect(!customers.screen.contains("整车厂"))
        try t.send(keys(Key.enter, Key.enter, Key.enter, "n", "y", Key.enter, "30%", Key.enter, "15", Key.enter))
        let list = t.wait(for: "哪些业务环节实现了数据自动采集")
        #expect(list.found, "\(list.screen)")
        Self.checkScreen(list.screen, width: width)
        // 1 and 3 typed together: option 13.
        try t.send(keys("13"))
        #expect(t.wait(for: "[x] 13.").found)
        #expect(!t.capture().contains("[x] 1."))
        // 1, a pause, 3: options 1 and 3.
        try t.send(keys("1"))
        usleep(1_500_000)
        try t.send(keys("3"))
        #expect(t.wait(for: "[x] 3.").found)
        try t.send(keys(Key.enter))
        let next = t.wait(for: "用信息系统管理业务的覆盖程度")
        Self.checkScreen(next.screen, width: width)
        try t.send(keys(Key.ctrlC))
        #expect(t.wait(for: "DONE").found)
        let saved = t.file("answers.yaml") ?? ""
        #expect(saved.contains("employees: 85\n"))
        #expect(saved.contains("annual_revenue: 12000\n"))
        #expect(saved.contains("equipment_digital_rate: 30\n"))
        let options = TestCatalog.catalog.questionnaire(for: TestCatalog.catalog.industry("home-appliance")!)["data_collection"]!.options
        #expect(saved.contains("data_collection: [\(options[0].id), \(options[2].id), \(options[12].id)]"), "\(saved)")
        // Resumed: the menu fits too.
        try t.start(["wizard", "--answers", "answers.yaml", "-o", "out"], width: width, height: height)
        let resume = t.wait(for: "发现已保存的答卷")
        #expect(resume.found)
        Self.checkScreen(resume.screen, width: width, quit: "Ctrl-C 退出", progress: false)
        try t.send(keys(Key.ctrlC))
        #expect(t.wait(for: "DONE").found)
    }
}
