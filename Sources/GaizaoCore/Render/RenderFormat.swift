/// Turns the proposal's numbers into the strings a reader sees: levels, money, points, weeks, KPI ranges.
/// Every figure goes through here, so no template ever prints a raw `Double`.
struct RenderFormat: Sendable {
    let lang: Lang
    let strings: RenderStrings

    /// Level names 0…4 and scene-level labels 0…4, made once: a proposal shows them a few hundred times.
    private let levels: [String]
    private let sceneLevels: [String]

    /// The fixed texts of the printed page margins, CSS-escaped (`cssString`).
    let printTexts: (subtitle: MustacheValue, pageBefore: MustacheValue, pageMiddle: MustacheValue, pageAfter: MustacheValue)

    /// The formatter of each language, made once (its level names are formatted when it is made).
    static func of(_ lang: Lang) -> RenderFormat { lang == .zh ? zh : en }
    private static let zh = RenderFormat(.zh)
    private static let en = RenderFormat(.en)

    init(_ lang: Lang) {
        self.lang = lang
        let strings = RenderStrings(lang)
        self.strings = strings
        levels = (0...4).map { strings["level\($0)"] }
        // MIIT rates scenes 1–4; a scene not yet at level 1 is said so, never "0级".
        sceneLevels = [strings["sceneLevelZero"]] + (1...4).map { strings.format("sceneLevelFmt", ["n": String($0)]) }
        printTexts = (.string(Self.cssString(strings["docSubtitle"])), .string(Self.cssString(strings["pageBefore"])),
                      .string(Self.cssString(strings["pageMiddle"])), .string(Self.cssString(strings["pageAfter"])))
    }

    /// `text` for a CSS string, every character a hex escape (`\5f20 `): the template's HTML escaping cannot
    /// touch it, and no name can end the CSS string.
    static func cssString(_ text: String) -> String {
        // Written as bytes and made a string once. A scalar of n UTF-8 bytes takes at most 2n hex digits, a
        // backslash and a space: four bytes out per byte in is always enough.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 4)
        for scalar in text.unicodeScalars {
            out.append(UInt8(ascii: "\\"))
            // Lowercase hex without leading zeros, as `String(_:radix:)` writes it.
            var shift: UInt32 = 0
            while shift < 28 && scalar.value >> (shift + 4) != 0 { shift += 4 }
            while true {
                let digit = UInt8(truncatingIfNeeded: (scalar.value >> shift) & 0xF)
                out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
                if shift == 0 { break }
                shift -= 4
            }
            out.append(UInt8(ascii: " "))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `二级` / `Level 2`; `未达一级` below level 1.
    func level(_ level: Int) -> String { levels[min(max(level, 0), 4)] }

    /// A level inside a sentence: `二级`; in English without the capital a table cell or label starts with
    /// (`from below level 1 to level 2`, not `from Below level 1 to Level 2`).
    func levelInText(_ level: Int) -> String {
        let name = self.level(level)
        guard lang == .en, let first = name.first else { return name }
        return first.lowercased() + name.dropFirst()
    }

    /// A scene level as a short label: `2级` / `L2`; `未达1级` / `below L1` for 0.
    func sceneLevel(_ level: Int) -> String {
        (0...4).contains(level) ? sceneLevels[level] : strings.format("sceneLevelFmt", ["n": String(level)])
    }

    /// Points with at most three decimals (the engine counts in thousandths): `44.1`, `77.025`.
    func points(_ value: Double) -> String { DecimalText.format(value, digits: 3) }

    /// `12.5 万元` in Chinese, `CNY 125,000` in English.
    func money(_ yuan: Int) -> String {
        strings.format("moneyFmt", ["v": lang == .zh ? Money.wan(yuan) : Money.grouped(yuan)])
    }

    /// A range, or one figure when both ends agree: `77.5–204.5 万元`; with a negative end the ends are joined in
    /// words (`-3.24 至 2.79 万元`), as a dash after a minus sign reads as a subtraction. Always the smaller figure
    /// first: a net cost can be higher at the low estimate (a subsidy whose minimum investment only the high
    /// estimate reaches), and "29.75–28.11 万元" reads as an error (`netCostNote` says why).
    func money(_ given: Proposal.YuanRange) -> String {
        let range = given.lowYuan <= given.highYuan ? given : Proposal.YuanRange(lowYuan: given.highYuan, highYuan: given.lowYuan)
        if range.lowYuan == range.highYuan { return money(range.lowYuan) }
        let separator = range.lowYuan < 0 || range.highYuan < 0 ? strings["rangeSeparator"] : "–"
        let value = lang == .zh ? Money.wan(range.lowYuan) + separator + Money.wan(range.highYuan)
            : Money.grouped(range.lowYuan) + separator + Money.grouped(range.highYuan)
        return strings.format("moneyFmt", ["v": value])
    }

    func percent(_ value: Double) -> String { DecimalText.format(value, digits: 2) + "%" }

    /// Weeks counted from 1 for readers: start week 0, end week 4 is `第 1–4 周`.
    func weeks(start: Int, end: Int) -> String {
        let first = start + 1
        if end <= first { return strings.format("weekFmt", ["a": String(max(first, end))]) }
        return strings.format("weeksFmt", ["a": String(first), "b": String(end)])
    }

    func duration(_ weeks: Int) -> String {
        weeks == 1 ? strings["durationOne"] : strings.format("durationFmt", ["n": String(weeks)])
    }

    /// `+5`, `-20`, `0`.
    func signed(_ value: Double) -> String {
        let text = DecimalText.format(value, digits: 2)
        return value > 0 ? "+" + text : text
    }

    /// An expected change with its unit: `+5% 至 +12%`, `+5 至 +10 个百分点`; one figure when both ends agree.
    func change(low: Double, high: Double, unit: String) -> String {
        let percentUnit = unit == "%"
        func one(_ v: Double) -> String { signed(v) + (percentUnit ? "%" : "") }
        let body = low == high ? one(low) : one(low) + strings["rangeSeparator"] + one(high)
        return percentUnit || unit.isEmpty ? body : body + " " + unit
    }
}
