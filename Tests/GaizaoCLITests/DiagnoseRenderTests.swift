import Foundation
import Testing
@testable import GaizaoCLI
import GaizaoCore

/// `gaizao diagnose` end to end: the default formats, --templates, and the errors around them.
@Suite struct DiagnoseRenderTests {
    static func temporaryFolder() throws -> String {
        let dir = TestScratch.url("diagnose").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static let example = RenderFixtures.root + "/examples/home-appliance-midsize.yaml"

    @Test func writesMarkdownHTMLAndJSONByDefault() async throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let code = await GaizaoCommand.run(arguments: ["diagnose", Self.example, "-o", dir, "--lang", "en"])
        #expect(code == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files == [OutputLedger.fileName, "home-appliance-midsize.html", "home-appliance-midsize.json", "home-appliance-midsize.md"])
        let md = try String(contentsOfFile: dir + "/home-appliance-midsize.md", encoding: .utf8)
        let expected = RenderFixtures.renderer.markdown(try RenderFixtures.proposal("home-appliance-midsize"), lang: .en)
        #expect(md == expected)
    }

    /// A package costing a large share of the enterprise's revenue is a cash risk in the matrix; the summary line
    /// gives a range whose ends agree as one figure ("补助 0 万元", not "0–0").
    @Test func aPackageOutOfProportionToRevenueIsARiskAndEqualEndsAreOneFigure() throws {
        let text = try String(contentsOfFile: RenderFixtures.root + "/examples/auto-parts-small-workshop.yaml", encoding: .utf8)
            .replacingOccurrences(of: "annual_revenue: 1500", with: "annual_revenue: 50")
        let sheet = try #require(AnswerDecoder.decode(SourceFile(path: "micro.yaml", text: text), catalog: RenderFixtures.catalog).sheet)
        let p = try Engine(catalog: RenderFixtures.catalog).run(sheet).proposal
        let md = RenderFixtures.renderer.markdown(p, lang: .zh)
        let percent = (p.totals.netCost.highYuan * 100 + 250_000) / 500_000
        #expect(percent > 10)
        #expect(md.contains("企业净投入（高估算 \(Money.wan(p.totals.netCost.highYuan)) 万元）相当于上年营业收入（50 万元）的 \(percent)%"), "\(md)")
        #expect(RenderFixtures.renderer.markdown(p, lang: .en).contains("is \(percent)% of last year's revenue (CNY 500,000)"))
        // The shipped examples spend a small share of their revenue: no such row.
        for example in RenderFixtures.examples {
            #expect(!RenderFixtures.renderer.markdown(try RenderFixtures.proposal(example), lang: .zh).contains("相当于上年营业收入"), "\(example)")
        }
        #expect(p.totals.subsidy.lowYuan == 0 && p.totals.subsidy.highYuan == 0)
        let line = Summary.line(p, lang: .zh)
        #expect(line.contains("补助 0 万元，") && !line.contains("0–0"), "\(line)")
        #expect(Summary.line(p, lang: .en).contains("subsidy CNY 0, "))
    }

    /// The effective subsidy rate says "caps applied" only when a cap bit, and is left out when nothing is certain.
    @Test func theSubsidyRateNamesACapOnlyWhenOneBit() throws {
        func proposal(_ edit: (inout AnswerSheet) -> Void, budget: Int? = nil) throws -> Proposal {
            var sheet = try RenderFixtures.sheet("home-appliance-midsize")
            edit(&sheet)
            return try Engine(catalog: RenderFixtures.catalog).run(sheet, budgetYuan: budget, target: .none).proposal
        }
        // Listed as a pilot: 50% of a package well over 100 万元 is more than the 50 万元 cap.
        let capped = try proposal { $0.answers["pilot_status"] = .option("listed") }
        let pilot = try #require(capped.subsidies.first { $0.policy == "pilot-retrofit" })
        #expect(pilot.applied && pilot.amount.highYuan == pilot.capYuan)
        #expect(RenderFixtures.renderer.markdown(capped, lang: .zh).contains("受补助上限影响"))
        #expect(RenderFixtures.renderer.markdown(capped, lang: .en).contains("caps applied"))
        // auto-parts-midsize as it is: a certain 20% scheme under its cap.
        let uncapped = try RenderFixtures.proposal("auto-parts-midsize")
        let certain = uncapped.subsidies.filter { $0.applied && $0.tier == "certain" }
        #expect(!certain.isEmpty && certain.allSatisfy { e in e.capYuan.map { e.amount.highYuan < $0 } ?? true })
        let md = RenderFixtures.renderer.markdown(uncapped, lang: .zh)
        #expect(md.contains("实际补助比例") && !md.contains("受补助上限影响"), "\(md)")
        // Nothing certain: no rate at all (it used to read "0%, 0%, caps applied").
        let none = try RenderFixtures.proposal("auto-parts-small-workshop")
        #expect(none.totals.subsidy.highYuan == 0)
        #expect(!RenderFixtures.renderer.markdown(none, lang: .zh).contains("实际补助比例"))
    }

    /// `-o report.md` would make a folder called report.md: refused as a usage error, nothing created; an existing
    /// folder of that name is still a folder.
    @Test func anOutputThatLooksLikeAFileNameIsRefused() async throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (command, output) in [("diagnose", "report.md"), ("wizard", "p.html"), ("batch", "sum.csv"), ("compare", "c.json")] {
            let arguments: [String] = switch command {
            case "compare": ["compare", "a.json", "b.json", "-o", dir + "/" + output]
            case "wizard": ["wizard", "--answers", dir + "/answers.yaml", "-o", dir + "/" + output]
            default: [command, Self.example, "-o", dir + "/" + output]
            }
            #expect(await GaizaoCommand.run(arguments: arguments) == 2, "\(command)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/" + output), "\(command)")
        }
        try FileManager.default.createDirectory(atPath: dir + "/kept.md", withIntermediateDirectories: true)
        #expect(await GaizaoCommand.run(arguments: ["diagnose", Self.example, "-o", dir + "/kept.md", "--format", "json"]) == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/kept.md/home-appliance-midsize.json"))
    }

    /// Within a budget short of the target, modules left out are labelled as left out for the budget.
    @Test func modulesLeftOutByABudgetShortOfTheTargetSaySo() throws {
        let engine = Engine(catalog: RenderFixtures.catalog)
        let sheet = try RenderFixtures.sheet("auto-parts-midsize")
        let short = try engine.run(sheet, budgetYuan: 300_000, target: .level(3)).proposal
        #expect(short.target?.reached == false)
        let md = RenderFixtures.renderer.markdown(short, lang: .zh)
        #expect(md.contains("| 预算内未纳入 | 预算内未纳入此模块（方案达不到目标三级）"), "\(md)")
        #expect(!md.contains("本次不需要"))
        #expect(RenderFixtures.renderer.markdown(short, lang: .en).contains("| left out within the budget |"))
        let free = RenderFixtures.renderer.markdown(try engine.run(sheet, target: .level(3)).proposal, lang: .zh)
        #expect(!free.contains("预算内未纳入"))
    }

    @Test func contractorTemplatesAreUsed() async throws {
        let dir = try Self.temporaryFolder(), templates = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: templates) }
        try "{{% CONTENT_TYPE: TEXT}}\nBRANDED {{cover.enterpriseName}} {{summary.subsidy}}\n"
            .write(toFile: templates + "/proposal.md.mustache", atomically: true, encoding: .utf8)
        try "<p>{{title}}</p>\n".write(toFile: templates + "/proposal.html.mustache", atomically: true, encoding: .utf8)
        let code = await GaizaoCommand.run(arguments: ["diagnose", Self.example, "-o", dir, "--format", "md", "--templates", templates, "--target-level", "none"])
        #expect(code == 0)
        let md = try String(contentsOfFile: dir + "/home-appliance-midsize.md", encoding: .utf8)
        // The headline subsidy is the certain tier: the pilot is still being applied for (conditional).
        #expect(md == "BRANDED 慈溪戊己电器股份有限公司 23.18–30 万元\n")
    }

    @Test func brokenTemplatesWriteNothingAndExitOne() async throws {
        let dir = try Self.temporaryFolder(), templates = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: templates) }
        try "{{% CONTENT_TYPE: TEXT}}\n{{#open}}\n".write(toFile: templates + "/proposal.md.mustache", atomically: true, encoding: .utf8)
        try "<p>{{title}}</p>\n".write(toFile: templates + "/proposal.html.mustache", atomically: true, encoding: .utf8)
        let code = await GaizaoCommand.run(arguments: ["diagnose", Self.example, "-o", dir, "--format", "md", "--templates", templates, "--target-level", "none"])
        #expect(code == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func pdfToStandardOutputIsAUsageError() async {
        #expect(await GaizaoCommand.run(arguments: ["diagnose", Self.example, "-o", "-", "--format", "pdf"]) == 2)
    }

    /// With no CJK font the PDF would be all boxes: detected through fontconfig, refused with the install command.
    @Test func missingCJKFontIsDetected() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let conf = dir + "/fonts.conf"
        try "<?xml version=\"1.0\"?>\n<fontconfig><cachedir>\(dir)/cache</cachedir></fontconfig>\n".write(toFile: conf, atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        env["FONTCONFIG_FILE"] = conf
        // Nil only where fc-list is not installed at all (nothing to check with).
        if let found = PDFPrinter.hasCJKFont(environment: env) { #expect(found == false) }
        #expect(PDFPrinter.missingCJKFontMessage.contains("apt-get install fonts-noto-cjk"))
    }

    @Test func missingBrowserMessageSaysHowToInstallOne() {
        #expect(PDFPrinter.findBrowser(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(PDFPrinter.missingBrowserMessage.contains("apt-get install chromium"))
    }
}
