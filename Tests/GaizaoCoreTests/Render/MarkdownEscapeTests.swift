import Foundation
import Testing
@testable import GaizaoCore

@Suite struct MarkdownEscapeTests {
    @Test(arguments: [
        ("plain 中文 text", "plain 中文 text"),
        ("a|b", "a\\|b"),
        ("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
        ("<script>", "\\<script\\>"),
        ("# title", "\\# title"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("1. first", "1\\. first"),
        ("12) twelve", "12\\) twelve"),
        ("2026.1", "2026.1"),
        ("1.2 %", "1.2 %"),
        ("line one\nline two\r\n\tthree", "line one line two three"),
        ("  padded  ", "padded"),
        ("[link](x)", "\\[link\\](x)"),
        ("R&D &amp; &#60; a & b", "R\\&D \\&amp; \\&\\#60; a & b"),
        ("~~gone~~", "\\~\\~gone\\~\\~"),
        ("back\\slash", "back\\\\slash"),
        ("a - b", "a - b"),
        ("🏭 emoji", "🏭 emoji"),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(MarkdownEscape.text(input) == expected)
    }

    /// The word-at-a-time scan of `needsEscaping` against a plain byte-by-byte reference: every special
    /// character (and U+2028/2029, whose bytes are all non-ASCII) at every offset within CJK text.
    /// `needsEscaping` is the filter in front of `escape`: whatever it lets through must come out of `escape`
    /// unchanged. Checked on strings built from every character class the escaping looks at.
    @Test func whatNeedsNoEscapingIsLeftAsItIs() {
        let pieces = ["1", "23", ".", ")", " ", "\u{3000}", "\u{A0}", "中", "a", "%", "-", "年", "\t", "&", "#", "x"]
        var generator = SeededRandom(seed: 7)
        var passed = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if !MarkdownEscape.needsEscaping(text) {
                passed += 1
                #expect(MarkdownEscape.escape(text) == text, "\(text.debugDescription)")
            }
        }
        #expect(passed > 1_000)
    }

    @Test func fastScanMatchesByteByByteReference() {
        func reference(_ s: String) -> Bool {
            let b = Array(s.utf8)
            guard let first = b.first, let last = b.last else { return false }
            if first == 0x20 || last == 0x20 || "-+=!".utf8.contains(first) { return true }
            if (0x30...0x39).contains(first) {
                let rest = b.drop { (0x30...0x39).contains($0) }
                if let mark = rest.first, mark == 0x2E || mark == 0x29 {
                    let after = rest.dropFirst().first
                    if after == nil || after == 0x20 || after! < 0x20 || after! >= 0x80 { return true }
                }
            }
            for (i, byte) in b.enumerated() {
                if byte < 0x20 || byte == 0x7F || "\\`*_|<>[]#~&".utf8.contains(byte) { return true }
                if byte == 0xA8 || byte == 0xA9, i >= 2, b[i - 2] == 0xE2, b[i - 1] == 0x80 { return true }
                if byte == 0x20, i >= 1, b[i - 1] == 0x20 { return true }
            }
            return false
        }
        for text in ["a  b", "中  文", "2026-11-20", "35%", "1. 第一", "1.", "12)", "1)x", "3.5 万元", "1.\u{3000}中", "7.\t", "2026年"] {
            #expect(MarkdownEscape.needsEscaping(text) == reference(text), "\(text.debugDescription)")
        }
        let inserts = ["|", "*", "\n", "&", "\u{2028}", "\u{2029}", "—", "…", "“", "a", "9", "中", "\\", "`", "_", "<", ">", "[", "]",
                       "#", "~", "\u{7F}", "\t", " ", "  ", "\u{2027}", "\u{A8}", "!", "@", "^", "{", "}", "$", "%", "(", ")"]
        let base = Array("数字化改造标准模块个性化模块诊断方案")
        for length in 0..<base.count {
            let text = String(base[..<length])
            #expect(MarkdownEscape.needsEscaping("字" + text + "字") == reference("字" + text + "字"))
            for insert in inserts {
                for offset in 0...length {
                    let candidate = "字" + String(base[..<offset]) + insert + String(base[offset..<length]) + "字"
                    #expect(MarkdownEscape.needsEscaping(candidate) == reference(candidate), "\(candidate.debugDescription)")
                }
            }
        }
    }
}

@Suite struct RenderFormatTests {
    let zh = RenderFormat(.zh), en = RenderFormat(.en)

    @Test func levels() {
        #expect(zh.level(0) == "未达一级")
        #expect(zh.level(2) == "二级")
        #expect(en.level(2) == "Level 2")
        #expect(en.level(9) == "Level 4")
    }

    @Test func money() {
        #expect(zh.money(125_000) == "12.5 万元")
        #expect(en.money(125_000) == "CNY 125,000")
        #expect(zh.money(Proposal.YuanRange(lowYuan: 775_000, highYuan: 2_045_000)) == "77.5–204.5 万元")
        #expect(zh.money(Proposal.YuanRange(lowYuan: 700_000, highYuan: 700_000)) == "70 万元")
        #expect(en.money(Proposal.YuanRange(lowYuan: 80_000, highYuan: 200_000)) == "CNY 80,000–200,000")
    }

    @Test func weeksCountFromOne() {
        #expect(zh.weeks(start: 0, end: 4) == "第 1–4 周")
        #expect(en.weeks(start: 8, end: 18) == "weeks 9–18")
        #expect(en.weeks(start: 3, end: 4) == "week 4")
        #expect(en.duration(1) == "1 week")
        #expect(zh.duration(12) == "12 周")
    }

    @Test func changesCarryTheirUnit() {
        #expect(zh.change(low: 5, high: 12, unit: "%") == "+5% 至 +12%")
        #expect(zh.change(low: -20, high: -10, unit: "%") == "-20% 至 -10%")
        #expect(en.change(low: 5, high: 10, unit: "percentage points") == "+5 to +10 percentage points")
        #expect(en.change(low: 3, high: 3, unit: "%") == "+3%")
    }

    @Test func pointsNeverPrintARawDouble() {
        #expect(zh.points(44.1) == "44.1")
        #expect(zh.points(77.025) == "77.025")
        #expect(zh.points(0.1 + 0.2) == "0.3")
        #expect(zh.percent(50) == "50%")
    }

    @Test func formatFillsPlaceholdersOnce() {
        let s = RenderStrings(.zh)
        #expect(s.format("titleFmt", ["name": "{name}"]) == "{name} · 数字化改造方案")
        #expect(s.format("weeksFmt", ["a": "1", "b": "4"]) == "第 1–4 周")
        #expect(s["no-such-key"] == "⟨no-such-key⟩")
    }

    @Test func bothLanguagesHaveEveryKeyAndNoneIsEmpty() {
        for entry in RenderStrings.entries {
            #expect(!entry.zh.isEmpty && !entry.en.isEmpty, "\(entry.key)")
        }
        #expect(RenderStrings.keys.count == RenderStrings.entries.count, "duplicate keys")
    }
}

@Suite struct DecimalTextTests {
    @Test func matchesFormatNumber() {
        var values: [Double] = [0, 1, -1, 0.5, -0.5, 44.1, 77.025, 19.35, 1.875, 0.1 + 0.2, 123456.789, -3.14159, 2.675, 1e-7, 99.9999]
        for i in 0..<2000 { values.append(Double(i) * 0.0137 - 7) }
        for v in values {
            for d in 0...4 {
                #expect(DecimalText.format(v, digits: d) == formatNumberThroughFormat(v, maxFractionDigits: d), "\(v) with \(d) digits")
            }
        }
    }

    /// Chart coordinates as view values: the same text as `format`, also past the integer range (the fallback)
    /// and for values that are not finite.
    @Test func viewDecimalsMatchFormat() {
        var values: [Double] = [0, -0.04, 0.05, 1e12, -2.5e13, .infinity, -.infinity, .nan, 560, 13.35]
        for i in 0..<500 { values.append(Double(i) * 3.217 - 300) }
        for v in values {
            for d in 0...6 {
                let tree = ViewTree.build { .decimal(v, digits: d) }
                #expect(tree.plain as? String == DecimalText.format(v, digits: d), "\(v) with \(d) digits")
            }
        }
    }

    /// `formatNumber` takes the integer path below 1e9: it must print exactly what `String(format:)` prints,
    /// across magnitudes up to the switch-over, negative numbers, halves and every supported digit count.
    @Test func formatNumberMatchesFormatPath() {
        var generator = SeededRandom(seed: 20_261_129)
        var values: [Double] = [0.5, -0.5, 2.675, 1.005, 0.125, -0.0001, 999_999_999.999, -999_999_999.5, 123_456_789.123_456, 5e-7, 1e-7]
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -7...9, using: &generator)
            let v = (Bool.random(using: &generator) ? 1 : -1) * pow(10, magnitude)
            values.append(v)
            values.append((v * 1000).rounded() / 1000 + 0.0005)  // halves at the last digit
        }
        for v in values where abs(v) < 1e9 {
            for d in 0...6 {
                #expect(formatNumber(v, maxFractionDigits: d) == formatNumberThroughFormat(v, maxFractionDigits: d), "\(v) with \(d) digits")
            }
        }
    }
}
