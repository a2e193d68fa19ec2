import Foundation
import Testing

/// `diagnose`, `explain` and `questions` as a user runs them: real binary, exit codes, messages.
@Suite struct DiagnoseCommandTests {
    static let root = GaizaoBinary.repositoryRoot
    static func example(_ name: String) -> String { root.appendingPathComponent("examples/\(name)").path }

    static func tempDir() -> URL {
        let url = TestScratch.url("cli")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func diagnoseWritesJSONFromAnyDirectory() throws {
        let out = Self.tempDir()
        // Run from an unrelated working directory: the shipped catalogs are still found.
        let r = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "-o", out.path, "--format", "json"], in: FileManager.default.temporaryDirectory)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try String(contentsOf: out.appendingPathComponent("auto-parts-midsize.json"), encoding: .utf8)
        #expect(json.contains("\"schema\": \"gaizao.proposal/2\""))
        #expect(r.stdout.contains("慈溪丙丁汽车零部件有限公司"))
    }

    /// A package of management measures only reads "3项管理措施", not "0个模块、3项管理措施".
    @Test func aMeasuresOnlySummaryLineNamesNoZeroModules() throws {
        for (lang, expected) in [("zh", "3项管理措施，投入"), ("en", "3 measures, investment")] {
            let r = try GaizaoBinary.run(["diagnose", Self.example("home-appliance-midsize.yaml"), "-o", Self.tempDir().path,
                                          "--format", "json", "--lang", lang])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains(expected) && !r.stdout.contains("0个模块") && !r.stdout.contains("0 modules"), "\(r.stdout)")
        }
    }

    @Test func budgetAndContractorAndEnglish() throws {
        let r = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "-o", "-", "--format", "json",
                                      "--budget", "100", "--contractor", "example-ap-contractor-a"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"budgetYuan\": 1000000"))
        #expect(r.stdout.contains("\"overlay\": \"example-ap-contractor-a\""))
        let en = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "-o", Self.tempDir().path, "--format", "json", "--lang", "en"])
        #expect(en.stdout.contains("pts") && en.stdout.contains("weeks"))
    }

    @Test func badInputsExitOneWithLocatedErrors() throws {
        let dir = Self.tempDir()
        let bad = dir.appendingPathComponent("bad.yaml")
        try "gaizao_answers: 1\nindustry: auto-parts\nanswers:\n  company_name: x\n  employees: many\n".write(to: bad, atomically: true, encoding: .utf8)
        var r = try GaizaoBinary.run(["diagnose", bad.path, "-o", dir.path])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("bad.yaml:5:14: error: answer to `employees` must be a number"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.json").path))

        let junk = dir.appendingPathComponent("junk.yaml")
        try Data([0x67, 0x61, 0xFF, 0xFE, 0x00, 0x01, 0x0A]).write(to: junk)
        r = try GaizaoBinary.run(["diagnose", junk.path, "-o", dir.path])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("junk.yaml:1:3: error: not valid UTF-8"))

        r = try GaizaoBinary.run(["diagnose", dir.appendingPathComponent("missing.yaml").path])
        #expect(r.status == 1 && r.stderr.contains("no such file"))

        r = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "--contractor", "nobody", "-o", dir.path])
        #expect(r.status == 1 && r.stderr.contains("unknown contractor overlay `nobody`"))

        r = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "--format", "docx"])
        #expect(r.status == 2 && r.stderr.contains("unknown format `docx`"))

        r = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "--budget", "-5"])
        #expect(r.status == 2)

        // An output folder that cannot exist: a plain message, not a Foundation error dump.
        r = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "-o", "/dev/null/out", "--format", "json"])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("error: /dev/null/out: cannot create the output folder (Not a directory)"), "\(r.stderr)")
        #expect(!r.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test func explainNamesRulesAnswersAndTheFlippingChange() throws {
        let r = try GaizaoBinary.run(["explain", Self.example("auto-parts-midsize.yaml"), "ap-p-edi"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("规则 ap-r-edi-required"))
        #expect(r.stdout.contains("读取：ap_oem_edi=是"))
        // The package's change and the rules' verdict, each said for what it is.
        #expect(r.stdout.contains("ap-p-edi 主机厂EDI/VMI对接: 纳入（在方案内：必选）"))
        #expect(r.stdout.contains("改一个答案即可使它移出方案：ap_oem_edi: 是 → 否"))
        #expect(r.stdout.contains("规则判断（不设目标等级时，--target-level none）：选中；规则权重 2 / 纳入门槛 2，必选"))
        #expect(r.stdout.contains("使规则判断变为不选的最小改变：ap_oem_edi: 是 → 否"))
        let all = try GaizaoBinary.run(["explain", Self.example("home-appliance-midsize.yaml"), "--lang", "en"])
        #expect(all.stdout.contains("== Diagnosis ==") && all.stdout.contains("== Subsidies =="))
        let unknown = try GaizaoBinary.run(["explain", Self.example("home-appliance-midsize.yaml"), "ap-p-edi"])
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown module or measure `ap-p-edi` for industry `home-appliance`; modules: ha-s-network,"))
        #expect(unknown.stderr.contains("; measures: m-plan,"))
        let zh = try GaizaoBinary.run(["explain", Self.example("home-appliance-midsize.yaml"), "ap-p-edi"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.stderr.hasPrefix("错误：行业 `home-appliance` 没有模块或管理措施 `ap-p-edi`；模块：ha-s-network,") && zh.stderr.contains("；管理措施：m-plan,"), "\(zh.stderr)")
    }

    /// An excluded module's recommending rules are labelled as what would otherwise recommend it, not listed as
    /// reasons beside the exclusion.
    @Test func explainLabelsAnExcludedModulesRecommendingRules() throws {
        let r = try GaizaoBinary.run(["explain", Self.example("auto-parts-advanced.yaml"), "ap-p-mould"])
        #expect(r.status == 0, "\(r.stderr)")
        let reasons = r.stdout.split(separator: "\n").filter { $0.hasPrefix("  - ") }
        #expect(reasons.first.map { !$0.contains("若未排除") } == true, "\(r.stdout)")
        #expect(reasons.dropFirst().contains { $0.hasPrefix("  - （若未排除，推荐理由）") }, "\(r.stdout)")
        let en = try GaizaoBinary.run(["explain", Self.example("auto-parts-advanced.yaml"), "ap-p-mould", "--lang", "en"])
        #expect(en.stdout.contains("  - (would otherwise recommend it) "), "\(en.stdout)")
    }

    /// Each subsidy line says what the proposal does with it: a pending scheme is not "counted", and of one
    /// stacking group only the scheme in the total is.
    @Test func explainSubsidiesFollowTheProposal() throws {
        let r = try GaizaoBinary.run(["explain", Self.example("auto-parts-midsize.yaml")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("pilot-retrofit 重点行业中小企业数字化改造试点项目补助: 待定：条件满足后才能获得，未计入补助合计和净投入；获得后替代同组的 new-gen-it"))
        #expect(r.stdout.contains("new-gen-it 新一代信息技术数字化改造项目补助: 确定：符合条件，按政策上限计入补助合计"))
        #expect(r.stdout.contains("补助合计（符合条件，按政策上限测算）：10.36–24.27 万元"), "\(r.stdout)")
        #expect(!r.stdout.contains(": 计入;"))
        let en = try GaizaoBinary.run(["explain", Self.example("auto-parts-midsize.yaml"), "--lang", "en"])
        #expect(en.stdout.contains("pilot-retrofit Key-industry SME digital-retrofit pilot project subsidy: conditional: only once its condition is met"))
        #expect(en.stdout.contains("  amount CNY 259,100–500,000 (on a base of CNY 518,200–1,213,750)"))
    }

    /// English money is CNY; the ladder says which levels are reached now; nothing prints an empty list or 0–0.
    @Test func explainLadderAndMoney() throws {
        let en = try GaizaoBinary.run(["explain", Self.example("auto-parts-midsize.yaml"), "--lang", "en"])
        #expect(en.status == 0, "\(en.stderr)")
        #expect(en.stdout.contains("  level 2: reached now; the must-haves only (CNY 125,500–296,250, 20 weeks): ap-s-wms, ap-s-erp, ap-p-edi"))
        #expect(en.stdout.contains("  level 3 (target): reachable, CNY 518,200–1,253,750, 30 weeks: "))
        #expect(!en.stdout.contains("万元,") && !en.stdout.contains("万元 "))
        for lang in ["zh", "en"] {
            let ha = try GaizaoBinary.run(["explain", Self.example("home-appliance-midsize.yaml"), "--lang", lang])
            #expect(!ha.stdout.contains("0–0"), "\(lang)")
            #expect(!ha.stdout.split(separator: "\n").contains { $0.hasPrefix("  ") && ($0.hasSuffix("：") || $0.hasSuffix(": ")) }, "\(lang)")
        }
        let zh = try GaizaoBinary.run(["explain", Self.example("home-appliance-midsize.yaml")])
        #expect(zh.stdout.contains("  1级：已达到，无需新增模块或措施"))
        #expect(zh.stdout.contains("pilot-retrofit 重点行业中小企业数字化改造试点项目补助: 不适用，未计入\n  方案中没有适用此项的模块\n"))
    }

    /// Explain prices each module as the proposal's card does and says what leaving it out takes off the
    /// investment (with the items that need it), in both languages.
    @Test func explainShowsPricesAndWhatRemovingSaves() throws {
        let zh = try GaizaoBinary.run(["explain", Self.example("auto-parts-midsize.yaml")])
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.contains("ap-s-quality 质量管理与批次追溯: 升级现有系统（在方案内：达标所需）\n  费用：3.3–7.5 万元（新建参考价 6.6–15 万元），计入方案投入，6 周\n"), "\(zh.stdout)")
        #expect(zh.stdout.contains("  去掉它：方案只能达到2级，而不是3级（得分 59.3，三级需 60）；投资减少 3.3–7.5 万元（由 51.82–125.38 万元 降为 48.52–117.88 万元）"))
        #expect(zh.stdout.contains("  去掉它（连同依赖它的 ap-s-wms、ap-p-edi）：方案只能达到2级，而不是3级（得分 59.3，三级需 60）；投资减少 12.55–29.63 万元"))
        #expect(zh.stdout.contains("  费用：4.7–12.2 万元（新建参考价），未计入方案投入，4 周"))
        let en = try GaizaoBinary.run(["explain", Self.example("auto-parts-midsize.yaml"), "ap-s-quality", "--lang", "en"])
        #expect(en.stdout.contains("  cost: CNY 33,000–75,000 (new build CNY 66,000–150,000), in the package's investment, 6 weeks\n"), "\(en.stdout)")
        #expect(en.stdout.contains("the investment drops by CNY 33,000–75,000 (from CNY 518,200–1,253,750 to CNY 485,200–1,178,750)"))
        let measure = try GaizaoBinary.run(["explain", Self.example("auto-parts-midsize.yaml"), "m-talent-pay", "--lang", "en"])
        #expect(measure.stdout.contains("; the investment drops by CNY 0–10,000 (from CNY 518,200–1,253,750 to CNY 518,200–1,243,750)"), "\(measure.stdout)")
    }

    /// A module out of the package is not given a "smallest change" that is about the rules only, and rule weight
    /// is not called points.
    @Test func explainSaysWhatDecidesTheModule() throws {
        let r = try GaizaoBinary.run(["explain", Self.example("home-appliance-midsize.yaml"), "ha-p-vision"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("ha-p-vision AI视觉外观检测: 未选（不在方案内：建议下一步）"))
        #expect(!r.stdout.contains("得分 3/2") && !r.stdout.contains("最小改变（可使规则不再选它）"))
        #expect(r.stdout.contains("规则判断（不设目标等级时，--target-level none）：选中；规则权重 3 / 纳入门槛 2"))
        #expect(r.stdout.contains("使规则判断变为不选的最小改变：ha_appearance_defect_rate: 2.5% → 1.5%"))
        #expect(r.stdout.contains("由什么决定：达到目标2级不需要它；"))
    }

    /// A measure id explain lists is explained: its role, cost, what it changes and why.
    @Test func explainTakesAMeasureID() throws {
        let r = try GaizaoBinary.run(["explain", Self.example("auto-parts-midsize.yaml"), "m-digital-post"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("m-digital-post 设立数字化岗位或部门: 未选（不在方案内：建议下一步）\n"))
        #expect(r.stdout.contains("  费用：4–10 万元，未计入方案投入，4 周"))
        #expect(r.stdout.contains("  做到后改变的答案：talent: 增加 "))
        #expect(r.stdout.contains("  - 「人才建设」+1.5 分"))
        #expect(!r.stdout.contains("== 模块 =="))
        let en = try GaizaoBinary.run(["explain", Self.example("auto-parts-midsize.yaml"), "m-talent-pay", "--lang", "en"])
        #expect(en.status == 0 && en.stdout.contains("in the package: needed for the target") && en.stdout.contains("cost: CNY "))
        #expect(en.stdout.contains("without it: the package reaches level 2, not level 3"))
    }

    @Test func questionsTemplateRoundTrips() throws {
        let dir = Self.tempDir()
        let t = try GaizaoBinary.run(["questions", "--industry", "home-appliance", "--template"])
        #expect(t.status == 0)
        let file = dir.appendingPathComponent("t.yaml")
        try t.stdout.write(to: file, atomically: true, encoding: .utf8)
        // The empty template parses; only the required answers are missing.
        let r = try GaizaoBinary.run(["diagnose", file.path, "-o", dir.path, "--format", "json"])
        #expect(r.status == 1)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(!errors.isEmpty && errors.allSatisfy { $0.contains("missing required answer") })
        let csv = try GaizaoBinary.run(["questions", "--industry", "auto-parts", "--csv"])
        #expect(csv.stdout.hasPrefix("industry,date,company_name,"))
        let usage = try GaizaoBinary.run(["questions", "--template"])
        #expect(usage.status == 2)
    }
}
