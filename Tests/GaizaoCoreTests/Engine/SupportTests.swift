@testable import GaizaoCore
import Testing

@Suite struct SupportTests {
    @Test func sha256KnownVectors() {
        #expect(SHA256Text.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Text.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Text.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func moneyIsExact() {
        #expect(Money.yuan(fromWan: "12.5") == 125_000)
        #expect(Money.yuan(fromWan: "0.0001") == 1)
        #expect(Money.yuan(fromWan: "3") == 30_000)
        #expect(Money.yuan(fromWan: "1.23456") == nil)
        #expect(Money.yuan(fromWan: "abc") == nil)
        #expect(Money.wan(125_000) == "12.5")
        #expect(Money.wan(1_234_567) == "123.46")
        #expect(Money.wan(0) == "0")
        #expect(Money.grouped(1_234_567) == "1,234,567")
    }

    /// The reading `wan` had before it wrote digits into a buffer: digit strings padded and trimmed (and a nonzero
    /// amount that would round to 0 written exactly).
    static func wanThroughStrings(_ yuan: Int, decimals: Int) -> String {
        let negative = yuan < 0
        let magnitude = abs(yuan)
        var divisor = 10_000
        var scale = 1
        for _ in 0..<(4 - decimals) { scale *= 10 }
        divisor /= scale
        let units = (magnitude + scale / 2) / scale
        // A nonzero amount that would read 0 is written exactly.
        if units == 0 && magnitude != 0 && decimals < 4 { return wanThroughStrings(yuan, decimals: 4) }
        let whole = units / divisor
        var fraction = String(units % divisor)
        while fraction.count < decimals { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let body = fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
        return negative && units != 0 ? "-" + body : body
    }

    /// `wan` gives the same text as that reading across magnitudes, signs, halves (rounding) and 0…4 decimals.
    @Test func wanMatchesTheStringReading() {
        var generator = SeededRandom(seed: 2026)
        var values = [0, 1, -1, 49, 50, -50, 99, 100, 4_999, 5_000, 9_999, 10_000, -10_000, 125_000, 1_234_567, -1_234_567,
                      999_999_999_999, -999_999_999_999]
        for _ in 0..<20_000 { values.append(Int.random(in: -10_000_000_000...10_000_000_000, using: &generator)) }
        for _ in 0..<5_000 { values.append(Int.random(in: -200_000...200_000, using: &generator)) }
        for v in values {
            for d in 0...4 {
                #expect(Money.wan(v, decimals: d) == Self.wanThroughStrings(v, decimals: d), "\(v) with \(d) decimals")
            }
        }
        #expect(Money.wan(12_345, decimals: 6) == Money.wan(12_345, decimals: 4))
    }

    /// A small but nonzero figure never prints as 0: money under 50 yuan is written exactly in 万元, and revenue per
    /// employee below 1 万元 is written in yuan (below 1 yuan with the decimals it needs), its targets in its unit.
    @Test func smallFiguresNeverReadZero() {
        #expect(Money.wan(30) == "0.003")
        #expect(Money.wan(-49) == "-0.0049")
        #expect(Money.wan(50) == "0.01")
        #expect(Money.wanRange(30, 120_000) == "0.003–12")
        #expect(Money.perEmployee(wan: 80) == Localized(zh: "80 万元/人", en: "CNY 800,000 per employee"))
        #expect(Money.perEmployee(wan: 35_000.0 / 450) == Localized(zh: "77.8 万元/人", en: "CNY 777,800 per employee"))
        #expect(Money.perEmployee(wan: 0.048) == Localized(zh: "480 元/人", en: "CNY 480 per employee"))
        #expect(Money.perEmployee(wan: 0.5 / 100_000) == Localized(zh: "0.05 元/人", en: "CNY 0.05 per employee"))
        #expect(Money.perEmployee(wan: 0.0000123) == Localized(zh: "0.12 元/人", en: "CNY 0.12 per employee"))
        #expect(Money.perEmployee(wan: 0) == Localized(zh: "0 万元/人", en: "CNY 0 per employee"))
        #expect(Money.perEmployeeFigure(0.048 * 1.05, scale: 0.048, lang: .zh) == "504")
    }

    /// The one English plural helper (the diagnose and compare summaries, explain and the reasons use it).
    @Test func englishCountsAgreeWithTheirNoun() {
        #expect(EnglishCount.count(1, "module") == "1 module")
        #expect(EnglishCount.count(0, "week") == "0 weeks")
        #expect(EnglishCount.count(2, "week") == "2 weeks")
        #expect(EnglishCount.count(1, "chosen module's offer", "chosen modules' offers") == "1 chosen module's offer")
        #expect(EnglishCount.count(3, "chosen module's offer", "chosen modules' offers") == "3 chosen modules' offers")
        #expect(EnglishCount.noun(1, "scene", "scenes") == "scene" && EnglishCount.noun(4, "scene", "scenes") == "scenes")
    }

    @Test func numbersPrintWithoutBinaryNoise() {
        #expect(formatNumber(0.1 + 0.2) == "0.3")
        #expect(formatNumber(44.1) == "44.1")
        #expect(formatNumber(6) == "6")
        #expect(formatNumber(1.875) == "1.875")
    }

    @Test func jsonEncoderEscapesAndOrders() throws {
        struct Sample: Encodable { var b = "x\"y\\\n\u{1}"; var a = 0.1 + 0.2; var n: Int? = nil; var list = [1.0, 2.5]; var empty: [String] = [] }
        let text = try PrettyJSONEncoder.encode(Sample())
        #expect(text == "{\n  \"b\": \"x\\\"y\\\\\\n\\u0001\",\n  \"a\": 0.30000000000000004,\n  \"list\": [\n    1,\n    2.5\n  ],\n  \"empty\": []\n}\n")
    }

    @Test func jsonEncoderWritesIntegersAsSwiftDoes() throws {
        struct Numbers: Encodable {
            var small: [Int] = [0, 7, -1, 10, -10, 1_000_000, Int.max, Int.min]
            var unsigned: [UInt64] = [0, UInt64(Int64.max), UInt64.max]
            var narrow: [Int8] = [Int8.min, Int8.max]
            var whole: [Double] = [0, -0.0, 3, -42, 1e14, 1e15]
        }
        let text = try PrettyJSONEncoder.encode(Numbers())
        let expected = Numbers()
        var lines: [String] = []
        lines += expected.small.map(String.init) + expected.unsigned.map(String.init) + expected.narrow.map(String.init)
        lines += ["0", "0", "3", "-42", "100000000000000", (1e15).description]
        let written = text.split(separator: "\n").map { String($0.drop(while: { $0 == " " })) }
            .filter { $0.first.map { $0.isNumber || $0 == "-" } ?? false }.map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }
        #expect(written == lines)
    }

    @Test func jsonEncoderIndentsDeepNesting() throws {
        // Deeper than the encoder's table of spaces: the indent is still two spaces a level.
        struct Deep: Encodable {
            var depth: Int
            func encode(to encoder: any Encoder) throws {
                var list = encoder.unkeyedContainer()
                if depth > 0 { try list.encode(Deep(depth: depth - 1)) } else { try list.encode(1) }
            }
        }
        let text = try PrettyJSONEncoder.encode(Deep(depth: 70))
        let innermost = text.split(separator: "\n").first { $0.hasSuffix("1") }
        #expect(innermost == Substring(String(repeating: " ", count: 2 * 71) + "1"))
    }

    @Test func clausesDropTheFullStopBeforeASeparator() {
        #expect(Clauses.join(["符合条件：最高30万元。", "同属一类"], separator: "；") == "符合条件：最高30万元；同属一类")
        #expect(Clauses.join(["at most 300,000 CNY.", "same group"], separator: "; ") == "at most 300,000 CNY; same group")
        #expect(Clauses.join(["A。", "B。"], separator: "；") == "A；B。")
        #expect(Clauses.join(["A；", "B"], separator: "；") == "A；B")
        #expect(Clauses.join([], separator: "；").isEmpty)
        let joined = Clauses.join([Localized(zh: "甲。", en: "A."), Localized(zh: "乙", en: "B")])
        #expect(joined == Localized(zh: "甲；乙", en: "A; B"))
        #expect(Clauses.join(["A 。  ", "B"], separator: "；") == "A ；B")
        #expect(Clauses.join(["   ", "B"], separator: "；") == "；B")
    }

    @Test func textSearchFindsByteSequences() {
        #expect("私有云部署".containsText("云"))
        #expect("SaaS 订阅".containsText("SaaS") && !"Saas".containsText("SaaS"))
        #expect("abc".containsText("") && !"".containsText("a") && !"ab".containsText("abc"))
        #expect("aaab".containsText("aab") && "xyz".containsText("xyz") && !"xyz".containsText("yzx"))
    }

    @Test func revenuePerEmployeeBaselineIsTranslated() throws {
        let p = try Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-midsize.yaml")).proposal
        let outcome = try #require(p.outcomes.first { $0.metric == "revenue_per_employee" })
        #expect(outcome.baselineDisplay == Localized(zh: "80 万元/人", en: "CNY 800,000 per employee"))
        #expect(!(outcome.baselineDisplay?.en.contains("万") ?? true))
        #expect(!p.subsidies.contains { $0.reason.zh.contains("。；") || $0.reason.en.contains(".;") })
    }
}
