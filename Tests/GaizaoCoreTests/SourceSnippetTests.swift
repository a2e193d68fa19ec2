import Testing
@testable import GaizaoCore

/// The caret snippet under a diagnostic: measured in terminal cells, so it stays under Chinese text.
@Suite struct SourceSnippetTests {
    func snippet(_ text: String, line: Int, column: Int) -> String? {
        SourceSnippet.render(text, at: SourceLocation(file: "f.yaml", line: line, column: column))
    }

    @Test func caretUnderASCII() {
        #expect(snippet("a: 1\nbb: oops\n", line: 2, column: 5) == "    bb: oops\n        ^")
    }

    @Test func caretAfterChineseTextCountsTwoCellsPerIdeograph() {
        // `名称：` is three wide characters (six cells); `x` is column 8 (scalars) and cell 10.
        let text = "name: {zh: 名称：x}\n"
        #expect(snippet(text, line: 1, column: 15) == "    name: {zh: 名称：x}\n" + "    " + String(repeating: " ", count: 17) + "^")
        #expect(DisplayWidth.of("name: {zh: 名称：") == 17)
    }

    @Test func caretUnderTheWideCharacterItself() {
        #expect(snippet("k: 车间\n", line: 1, column: 4) == "    k: 车间\n       ^")
        #expect(snippet("k: 车间\n", line: 1, column: 5) == "    k: 车间\n         ^")
    }

    @Test func caretUnderAConditionErrorInTheCatalog() {
        // The lint diagnostic for `network == "车间网" or =` points at column 31; the caret must sit under `=`.
        let line = "    when: network == \"车间网\" or ="
        let rendered = snippet(line, line: 1, column: 31)
        #expect(rendered == "    " + line + "\n    " + String(repeating: " ", count: 33) + "^")
        let caretCell = (rendered?.split(separator: "\n").last?.count ?? 0) - 1
        #expect(DisplayWidth.of("    " + line.dropLast()) == caretCell)
    }

    @Test func fullwidthPunctuationAndEmojiAreWide() {
        #expect(DisplayWidth.of("，。（）") == 8)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func tabsAndControlCharactersTakeOneCell() {
        #expect(snippet("\tk: a\u{0}b\n", line: 1, column: 7) == "     k: a\u{FFFD}b\n          ^")
    }

    @Test func crlfLinesAreFoundAndTrimmed() {
        #expect(snippet("a: 1\r\nb: 2\r\n", line: 2, column: 4) == "    b: 2\n       ^")
    }

    @Test func linesOutsideTheFileHaveNoSnippet() {
        #expect(snippet("a: 1\n", line: 3, column: 1) == nil)
        #expect(snippet("a: 1\n", line: 0, column: 1) == nil)
    }

    @Test func columnPastTheEndPutsTheCaretAfterTheLine() {
        #expect(snippet("ab\n", line: 1, column: 10) == "    ab\n      ^")
    }

    /// A long line shows a window around the column, so the caret stays on screen under what it points at.
    @Test func longLinesShowAWindowAroundTheColumn() {
        let line = String(repeating: "{{#a}}", count: 200)  // 1,200 scalars
        let rendered = snippet(line, line: 1, column: 601)
        let parts = rendered?.split(separator: "\n").map(String.init) ?? []
        #expect(parts.count == 2)
        #expect(parts[0].hasPrefix("    …") && parts[0].hasSuffix("…"))
        #expect(parts[0].count == 4 + 1 + SourceSnippet.window + 1)
        let caret = parts[1].count - 1
        let under = Array(parts[0])[caret]
        #expect(under == "{")  // column 601 starts the 101st `{{#a}}`
        #expect(snippet(line, line: 1, column: 3)?.hasPrefix("    {{#a}}") == true)
        #expect(snippet(line, line: 1, column: 1200)?.split(separator: "\n").first?.hasSuffix("}}") == true)
    }
}
