import Foundation
import Testing
@testable import GaizaoCLI
import GaizaoCore

/// Enterprise-provided text must show literally: escaped in HTML, and never able to break the Markdown.
@Suite struct HostileStringsTests {
    static let hostile: [String] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "a | b | c * d * _e_ `code` ~~x~~",
        "# heading\n- list item\n1. ordered\n> quote",
        "[click](javascript:alert(1)) ![img](x) &amp; &#60; {shape} {{t.docTitle}}",
        "工厂🏭😀👨‍👩‍👧‍👦 emoji",
        String(repeating: "很长的企业名称|*", count: 625),
    ]

    @Test(arguments: hostile) func htmlShowsHostileTextLiterally(_ text: String) throws {
        let html = RenderFixtures.renderer.html(try RenderFixtures.hostileProposal(text), lang: .zh)
        if text.hasPrefix("<script>") { #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")) }
        if text.hasPrefix("\"><img") { #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")) }
        // The whole text is there, escaped; nothing is silently cut from the document's own text.
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
        #expect(html.contains(escaped))
        // Without it, the page holds no tag, attribute or template syntax the text could have brought in.
        let rest = html.replacingOccurrences(of: escaped, with: "").lowercased()
        #expect(!rest.contains("<script"))
        #expect(!rest.contains("<img"))
        #expect(!rest.contains("onerror"))
        #expect(!rest.contains("{{"))
    }

    @Test(arguments: hostile) func markdownKeepsItsStructure(_ text: String) throws {
        let md = RenderFixtures.renderer.markdown(try RenderFixtures.hostileProposal(text), lang: .zh)
        let baseline = RenderFixtures.renderer.markdown(try RenderFixtures.proposal("auto-parts-midsize"), lang: .zh)
        #expect(MarkdownShape.tableColumnErrors(md).isEmpty, "\(MarkdownShape.tableColumnErrors(md).prefix(3))")
        // The same headings and the same number of table rows and list items as an ordinary proposal.
        #expect(MarkdownShape.headings(md) .count == MarkdownShape.headings(baseline).count)
        #expect(MarkdownShape.structuralLineCount(md) == MarkdownShape.structuralLineCount(baseline))
        // `<` only ever appears backslash-escaped, so no renderer reads raw HTML into it.
        #expect(MarkdownShape.unescaped("<", in: md) == 0)
        #expect(MarkdownShape.unescaped("`", in: md) == 0)
        if !text.contains("{{") { #expect(!md.contains("{{")) }
    }

    /// swift-mustache escapes by `Character`; a quote or `<` fused with a combining mark is one character it
    /// does not recognise. The compiled renderer escapes bytes, so these are escaped too.
    @Test func charactersWithCombiningMarksAreEscaped() throws {
        let html = RenderFixtures.renderer.html(try RenderFixtures.hostileProposal("x\"\u{0338} y <\u{0338}img>"), lang: .zh)
        #expect(html.contains("x&quot;\u{0338} y &lt;\u{0338}img&gt;"))
    }

    @Test func hostileNameStaysOneTitleLine() throws {
        let md = RenderFixtures.renderer.markdown(try RenderFixtures.hostileProposal("# heading\n- list item"), lang: .en)
        let first = md.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first == "# \\# heading - list item · Digital retrofit proposal")
    }
}

/// Reads the shape of a Markdown document: tables, headings, list items.
enum MarkdownShape {
    /// Cells of a table row, splitting on `|` not preceded by a backslash.
    static func cellCount(_ line: Substring) -> Int {
        var count = 0, escaped = false
        for ch in line {
            if ch == "|" && !escaped { count += 1 }
            escaped = ch == "\\" && !escaped
        }
        return count - 1
    }

    /// Rows whose cell count differs from their table's header row.
    static func tableColumnErrors(_ md: String) -> [String] {
        var errors: [String] = []
        var header: Int?
        for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { header = nil; continue }
            let cells = cellCount(line)
            if let header { if cells != header { errors.append("\(cells) cells, header has \(header): \(line.prefix(120))") } }
            else { header = cells }
        }
        return errors
    }

    /// Occurrences of `character` not preceded by a backslash.
    static func unescaped(_ character: Character, in md: String) -> Int {
        var count = 0, previous: Character = " "
        for ch in md {
            if ch == character && previous != "\\" { count += 1 }
            previous = ch
        }
        return count
    }

    static func headings(_ md: String) -> [Substring] { md.split(separator: "\n").filter { $0.hasPrefix("#") } }

    static func structuralLineCount(_ md: String) -> Int {
        md.split(separator: "\n").filter { $0.hasPrefix("|") || $0.hasPrefix("- ") || $0.hasPrefix("  - ") || $0.hasPrefix("#") }.count
    }
}
