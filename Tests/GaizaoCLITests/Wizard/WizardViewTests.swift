import Testing
import GaizaoCore
@testable import GaizaoCLI

/// The screens as text: layout by display width, the help panel, the live MIIT line, the review.
@Suite struct WizardViewTests {
    @Test func levelQuestionOffersTheSceneLevels() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "scene_product_design")
        h.run(keys("3"))
        let screen = h.screen
        #expect(screen.contains("产品设计：现在达到哪一级"))
        #expect(screen.contains("( ) 0. 未开展"))
        #expect(screen.contains("> ( ) 3. 3级：建有标准件库和产品设计知识库"))
        #expect(screen.contains("工信部评测（按目前答案）："))
    }

    @Test func helpExplainsPointsAndLevels() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "scene_production_control")
        h.run(keys("?", "2"))
        #expect(h.model.showHelp)
        #expect(h.screen.contains("说明"))
        #expect(h.screen.contains("场景「生产管控」（约束性场景）第 2 级："))
        #expect(h.screen.contains("企业评为2级需要：总分不低于"))
        h.run(keys(Key.enter))
        #expect(h.model.showHelp, "the help panel stays open on the next question")
        h.run(keys("?"))
        #expect(!h.model.showHelp)

        var g = WizardHarness()
        g.run(fullAutoPartsScript, until: "info_systems")
        g.run(keys("?", Key.down))
        #expect(g.screen.contains("工信部评测「信息系统」：选此项得 2.5 分（该项满分 10 分）"))
        #expect(g.screen.contains("各选项得分：1→0  2→2.5  3→5  4→7.5  5→10"))

        var n = WizardHarness()
        n.run(fullAutoPartsScript, until: "equipment_digital_rate")
        n.run(keys("?"))
        #expect(n.screen.contains("不超过 10%：0 分"))
        n.run(keys(Key.enter, Key.enter, Key.enter))
        #expect(n.currentID == "info_systems")
    }

    @Test func liveMIITLineFollowsTheAnswers() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "network")
        #expect(h.screen.contains("工信部评测（按目前答案）：0 分，未达一级"))
        h.run(keys("1", "2", "3", "4", Key.enter))
        #expect(h.screen.contains("工信部评测（按目前答案）：8 分，未达一级"))
    }

    @Test(arguments: [TerminalSize(width: 40, height: 14), TerminalSize(width: 80, height: 24), TerminalSize(width: 132, height: 50)])
    func everyScreenFitsTheTerminal(size: TerminalSize) {
        var h = WizardHarness(industry: nil, size: size)
        var script = keys(Key.enter) + fullAutoPartsScript
        script.insert(.key(.char("?")), at: 60)  // help on from about the scenes
        script.append(.resized)
        for event in script {
            h.run([event])
            let lines = h.terminal.screens.last ?? []
            #expect(lines.count <= size.height)
            #expect(lines.allSatisfy { DisplayWidth.of($0.text) <= size.width }, "\(lines.map(\.text))")
        }
        #expect(h.model.screen == .review)
    }

    @Test func longListsScrollToKeepTheCursorVisible() {
        var h = WizardHarness(size: TerminalSize(width: 60, height: 16))
        h.run(fullAutoPartsScript, until: "data_collection")
        #expect(h.screen.contains("↓ 下面还有"))
        h.run(keys(Key.end))
        #expect(h.screen.contains("> [ ] 15. 无（都靠人工记录）"))
        #expect(h.screen.contains("↑ 上面还有"))
    }

    @Test func reviewListsEveryAnswer() {
        var h = WizardHarness(size: TerminalSize(width: 100, height: 90))
        h.run(fullAutoPartsScript)
        let screen = h.screen
        #expect(screen.contains("复查答案：选中一题按 Enter 修改"))
        #expect(screen.contains("企业名称"))
        #expect(screen.contains("慈溪测试汽配厂"))
        #expect(screen.contains("统一社会信用代码") && screen.contains("（未答）"))
        #expect(screen.contains("一级 / 二级配套商") == false)
        #expect(screen.contains("整车厂 / 主机厂"))
        #expect(screen.contains("2级"))
        #expect(screen.contains("> 完成，生成改造方案"))
    }

    @Test func englishWithLangEn() {
        var h = WizardHarness(lang: .en)
        h.run([])
        #expect(h.screen.contains("Company name (required)"))
        #expect(h.screen.contains("Part 1/8 Enterprise profile  question 1/8  0% done"))
        #expect(h.screen.contains("MIIT evaluation so far: 0 points, below level 1"))
    }
}
