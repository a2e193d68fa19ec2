import GaizaoCore
import Testing

/// `ProposalRenderer.documents` renders Markdown from the HTML view model when no text needs Markdown
/// escaping: it must give exactly the bytes of the separate renderers, with and without escaping needed.
@Suite struct SharedViewModelTests {
    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    static let seeds: [UInt64] = Array(1...60)

    @Test func sharedModelGivesTheSameBytesForSyntheticEnterprises() throws {
        let catalog = RenderFixtures.catalog, renderer = RenderFixtures.renderer
        var shared = 0
        for seed in Self.seeds {
            let industry = catalog.industries[Int(seed) % catalog.industries.count]
            let sheet = SyntheticAnswers.sheet(for: industry, catalog: catalog, seed: seed)
            let p = try Engine(catalog: catalog).run(sheet, budgetYuan: seed % 3 == 0 ? 1_000_000 : nil).proposal
            for lang in [Lang.zh, .en] {
                let both = renderer.documents(p, lang: lang, markdown: true, html: true)
                #expect(both.markdown.map(text) == renderer.markdown(p, lang: lang), "seed \(seed) \(lang)")
                #expect(both.html.map(text) == renderer.html(p, lang: lang), "seed \(seed) \(lang)")
                if lang == .zh, ProposalViewModel(p, lang: lang, flavor: .html).servesMarkdown { shared += 1 }
            }
        }
        // The point of the shared model: Chinese proposals (the default) need no second model. (English ones
        // usually do: "Q&A" in a module name is escaped.) If the catalog's texts change so that this fails, the
        // optimisation silently stopped working.
        #expect(shared > Self.seeds.count / 2)
    }

    @Test(arguments: ["A*B_C", "| 表格 |", "- 列表", "1. 有序", "<b>标签</b>", "甲&amp;乙", "行一\n行二", " 前后空格 "])
    func textsNeedingEscapesFallBackToTheMarkdownModel(hostile: String) throws {
        let p = try RenderFixtures.hostileProposal(hostile)
        let renderer = RenderFixtures.renderer
        #expect(!ProposalViewModel(p, lang: .zh, flavor: .html).servesMarkdown)
        let both = renderer.documents(p, lang: .zh, markdown: true, html: true)
        #expect(both.markdown.map(text) == renderer.markdown(p, lang: .zh))
        #expect(both.html.map(text) == renderer.html(p, lang: .zh))
    }

    @Test func singleFormats() throws {
        let p = try RenderFixtures.proposal("auto-parts-midsize")
        let renderer = RenderFixtures.renderer
        let md = renderer.documents(p, lang: .en, markdown: true, html: false)
        #expect(md.markdown.map(text) == renderer.markdown(p, lang: .en) && md.html == nil)
        let html = renderer.documents(p, lang: .en, markdown: false, html: true)
        #expect(html.html.map(text) == renderer.html(p, lang: .en) && html.markdown == nil)
    }
}
