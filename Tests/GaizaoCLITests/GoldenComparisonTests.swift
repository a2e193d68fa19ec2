import Foundation
import Testing
@testable import GaizaoCLI
@testable import GaizaoCore

/// Golden files pin the Markdown and HTML of three comparisons (two contractors, three proposals, before/after)
/// in Chinese, and two of them in English. Inputs are made through the engine: see `CompareFixtures`.
@Suite struct GoldenComparisonTests {
    static let cases: [(CompareFixtures.Case, Lang)] =
        CompareFixtures.Case.allCases.map { ($0, Lang.zh) } + [(.twoContractors, .en), (.beforeAfter, .en)]

    @Test(arguments: cases) func markdownMatchesGolden(_ c: CompareFixtures.Case, lang: Lang) throws {
        let comparison = try CompareFixtures.comparison(c, lang: lang)
        GoldenFile.check(CompareFixtures.renderer.markdown(comparison, lang: lang), name: "compare-\(c.rawValue).\(lang.rawValue).md")
    }

    @Test(arguments: cases) func htmlMatchesGolden(_ c: CompareFixtures.Case, lang: Lang) throws {
        let comparison = try CompareFixtures.comparison(c, lang: lang)
        GoldenFile.check(CompareFixtures.renderer.html(comparison, lang: lang), name: "compare-\(c.rawValue).\(lang.rawValue).html")
    }

    @Test(arguments: CompareFixtures.Case.allCases) func compiledMatchesSwiftMustache(_ c: CompareFixtures.Case) throws {
        #expect(CompareFixtures.renderer.usesCompiledTemplates)
        for lang in Lang.allCases {
            let comparison = try CompareFixtures.comparison(c, lang: lang)
            for (flavor, template) in [(ProposalViewModel.Flavor.markdown, "compare.md"), (.html, "compare.html")] {
                let model = ComparisonViewModel(comparison, lang: lang, flavor: flavor)
                let fast = CompareFixtures.renderer.render(model, template: template, engine: .compiled)
                let reference = CompareFixtures.renderer.render(model, template: template, engine: .library)
                #expect(GoldenFile.firstDifference(expected: reference, actual: fast) == nil,
                        "\(c) \(lang) \(template):\n\(GoldenFile.firstDifference(expected: reference, actual: fast) ?? "")")
            }
        }
    }

    @Test func renderingIsDeterministic() throws {
        // Built twice from scratch: same inputs, same bytes.
        let first = try CompareFixtures.comparison(.threeProposals, lang: .zh)
        let second = try CompareFixtures.comparison(.threeProposals, lang: .zh)
        #expect(CompareFixtures.renderer.html(first, lang: .zh) == CompareFixtures.renderer.html(second, lang: .zh))
        #expect(CompareFixtures.renderer.markdown(first, lang: .en) == CompareFixtures.renderer.markdown(second, lang: .en))
    }

    /// Whether `text` holds `part` (an expectation on this prints the part, not the whole document).
    static func has(_ text: String, _ part: String) -> Bool { text.contains(part) }

    @Test func theContractorsComparisonShowsWhatDiffers() throws {
        let md = CompareFixtures.renderer.markdown(try CompareFixtures.comparison(.threeProposals, lang: .zh), lang: .zh)
        // Columns labelled by contractor name, else by file name.
        #expect(Self.has(md, "| 项目 | reference | 示例总包商甲（示例） | budget-60 |"))
        // The differing answer, the budget and the module it removes are flagged.
        #expect(Self.has(md, "| 客户要求EDI或VMI数据对接 | 是 | 是 | 否 |"))
        #expect(Self.has(md, "≠ **预算上限** | 不限 | 不限 | 60 万元 |"))
        #expect(Self.has(md, "≠ **主机厂EDI/VMI对接**"))
        // Its estimate exceeds its budget: marked at the top, no badge in its column.
        #expect(Self.has(md, "- ⚠ **budget-60 不可比**：投入估算上限 ") && Self.has(md, " 万元超出自身预算 60 万元"))
        // Every cell with reasons points to a note, and every note is defined once.
        let references = Set(md.matches(of: /\[\^(r\d+)\](?!:)/).map { String($0.1) })
        let definitions = md.matches(of: /\n\[\^(r\d+)\]:/).map { String($0.1) }
        #expect(!references.isEmpty)
        #expect(references == Set(definitions))
        #expect(definitions.count == Set(definitions).count)
    }

    @Test func theBeforeAfterComparisonShowsProgress() throws {
        let c = try CompareFixtures.comparison(.beforeAfter, lang: .zh)
        #expect(c.mode == .beforeAfter)
        #expect(c.columns.map(\.label) == ["auto-parts-midsize", "auto-parts-midsize-2027"])
        #expect(c.nowSatisfied == ["ap-s-network", "ap-s-mes", "ap-s-equipment", "ap-s-wms"])
        // By 2027 the moulds are counted in a system, but the plant still heat-treats and die-casts: the module
        // stays planned for its process-parameter records (CQI-9), no longer only for tooling life.
        #expect(c.noLongerPlanned.isEmpty)
        #expect(c.stillPlanned.contains("ap-p-mould"))
        let md = CompareFixtures.renderer.markdown(c, lang: .zh)
        #expect(Self.has(md, "- 生产管控 ★：**1级 → 3级**"))
        #expect(Self.has(md, "| 模具怎么管理 | 纸质卡片或电子表格，人工登记 | 用系统管理，冲次或模次自动计数 |"))
    }

    @Test func aModuleMissingFromOneCatalogIsSaidSo() throws {
        let full = try RenderFixtures.proposal("auto-parts-midsize")
        var older = full
        older.modules.removeAll { $0.id == "ap-p-ai" }
        let c = try ProposalComparator.compare([(label: "full", source: "full.json", proposal: full),
                                                (label: "older", source: "older.json", proposal: older)])
        let row = try #require(c.modules.first { $0.moduleID == "ap-p-ai" })
        #expect(row.differs && row.cells[1] == nil)
        let md = CompareFixtures.renderer.markdown(c, lang: .zh)
        #expect(Self.has(md, "≠ **AI大模型质量与工艺知识助手** | 个性化 | 未选 [^r"))
        #expect(Self.has(md, "| 目录中无此模块 |"))
        #expect(MarkdownShape.tableColumnErrors(md).isEmpty)
        let html = CompareFixtures.renderer.html(c, lang: .en)
        #expect(Self.has(html, "<span class=\"tag tag-missing\">not in this catalog</span>"))
    }
}
