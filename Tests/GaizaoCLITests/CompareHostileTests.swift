import Foundation
import Testing
@testable import GaizaoCLI
@testable import GaizaoCore

/// A comparison shows enterprise names and file names literally, and its Markdown tables keep their columns.
@Suite struct CompareHostileTests {
    static func comparison(_ hostile: String) throws -> ProposalComparison {
        let p = try RenderFixtures.hostileProposal(hostile)
        // The hostile text is the enterprise and, as a file name stem, a column label.
        return try ProposalComparator.compare([(label: hostile, source: hostile + ".json", proposal: p),
                                               (label: "plain", source: "plain.json", proposal: p)])
    }

    @Test(arguments: HostileStringsTests.hostile) func htmlShowsHostileTextLiterally(_ text: String) throws {
        let html = CompareFixtures.renderer.html(try Self.comparison(text), lang: .zh)
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
        #expect(GoldenComparisonTests.has(html, escaped))
        let rest = html.replacingOccurrences(of: escaped, with: "").lowercased()
        #expect(!rest.contains("<script") && !rest.contains("<img") && !rest.contains("onerror") && !rest.contains("{{"))
    }

    @Test(arguments: HostileStringsTests.hostile) func markdownKeepsItsTables(_ text: String) throws {
        let md = CompareFixtures.renderer.markdown(try Self.comparison(text), lang: .zh)
        #expect(MarkdownShape.tableColumnErrors(md).isEmpty, "\(MarkdownShape.tableColumnErrors(md).prefix(3))")
        #expect(MarkdownShape.unescaped("<", in: md) == 0)
        #expect(MarkdownShape.unescaped("`", in: md) == 0)
    }

    @Test(arguments: CompareFixtures.Case.allCases) func everyTableRowHasItsHeadersColumns(_ c: CompareFixtures.Case) throws {
        for lang in Lang.allCases {
            let md = CompareFixtures.renderer.markdown(try CompareFixtures.comparison(c, lang: lang), lang: lang)
            #expect(MarkdownShape.tableColumnErrors(md).isEmpty, "\(c) \(lang): \(MarkdownShape.tableColumnErrors(md).prefix(3))")
        }
    }
}
