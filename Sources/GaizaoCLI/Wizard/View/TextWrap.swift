import GaizaoCore

/// Wraps and truncates text by terminal display width: a CJK character takes two cells and may start a new line
/// anywhere; Latin words wrap at spaces and are only cut when longer than a whole line.
enum TextWrap {
    /// The lines of `text` no wider than `width` cells. `firstPrefix` starts the first line, `prefix` the others
    /// (both count towards the width). Newlines in `text` start new paragraphs.
    static func wrap(_ text: String, width: Int, firstPrefix: String = "", prefix: String = "") -> [String] {
        var lines: [String] = []
        var first = true
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(String(paragraph), width: width, firstPrefix: first ? firstPrefix : prefix, prefix: prefix)
            first = false
        }
        return lines
    }

    private static func wrapParagraph(_ text: String, width: Int, firstPrefix: String, prefix: String) -> [String] {
        var lines: [String] = []
        var line = firstPrefix
        var lineWidth = DisplayWidth.of(firstPrefix)
        let prefixWidth = DisplayWidth.of(prefix)
        var lineHasContent = false

        func newLine() {
            lines.append(trimTrailingSpaces(line))
            line = prefix
            lineWidth = prefixWidth
            lineHasContent = false
        }

        for unit in units(of: text) {
            let unitWidth = DisplayWidth.of(unit)
            if unit == " " {
                if lineHasContent && lineWidth + 1 <= width { line += " "; lineWidth += 1 }
                continue
            }
            if lineWidth + unitWidth > width && lineHasContent {
                // Chinese closing punctuation must not start a line: take the character before it along.
                var carried = ""
                if closingPunctuation.contains(unit), let last = line.last, last != " ",
                   line.count > (lines.isEmpty ? firstPrefix : prefix).count + 1 {
                    carried = String(line.removeLast())
                }
                newLine()
                line += carried
                lineWidth += DisplayWidth.of(carried)
                lineHasContent = !carried.isEmpty
            }
            if lineWidth + unitWidth > width && unit.count > 1 {
                // A word longer than the line: cut it character by character.
                for ch in unit {
                    let w = DisplayWidth.of(String(ch))
                    if lineWidth + w > width && lineHasContent { newLine() }
                    line.append(ch)
                    lineWidth += w
                    lineHasContent = true
                }
                continue
            }
            line += unit
            lineWidth += unitWidth
            lineHasContent = true
        }
        if lineHasContent || lines.isEmpty { lines.append(trimTrailingSpaces(line)) }
        return lines
    }

    private static let closingPunctuation: Set<String> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "”", "’"]

    /// Splits text into wrap units: a run of narrow non-space characters (a word), one wide character, or a space.
    static func units(of text: String) -> [String] {
        var units: [String] = []
        var word = ""
        for ch in text {
            if ch == " " || ch == "\t" {
                if !word.isEmpty { units.append(word); word = "" }
                units.append(" ")
            } else if DisplayWidth.of(String(ch)) >= 2 {
                if !word.isEmpty { units.append(word); word = "" }
                units.append(String(ch))
            } else {
                word.append(ch)
            }
        }
        if !word.isEmpty { units.append(word) }
        return units
    }

    /// `text` cut to `width` cells, ending with `…` when cut.
    static func truncate(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 1 else { return String(repeating: ".", count: max(0, width)) }
        var out = ""
        var used = 0
        for ch in text {
            let w = DisplayWidth.of(String(ch))
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// `text` padded with spaces to `width` cells (never cut).
    static func pad(_ text: String, to width: Int) -> String {
        let w = DisplayWidth.of(text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }

    private static func trimTrailingSpaces(_ s: String) -> String {
        var s = s
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
