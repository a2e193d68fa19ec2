import Foundation

/// Money: exact yuan integers inside; 万元 (10,000 yuan) in catalogs and proposals.
public enum Money {
    /// Parses a 万元 figure as written in YAML (up to 4 decimals) into exact yuan, without floating error.
    public static func yuan(fromWan text: String) -> Int? {
        var t = Substring(text.trimmingWhitespace())
        var negative = false
        if t.hasPrefix("-") { negative = true; t = t.dropFirst() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber),
              whole.count <= 9 else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 4, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        while fraction.count < 4 { fraction += "0" }
        guard let w = Int(whole), let f = Int(fraction) else { return nil }
        let value = w * 10_000 + f  // at most 10¹³: `whole` has at most 9 digits
        return negative ? -value : value
    }

    /// A computed amount of yuan as a whole number, never trapping: bounded to ±10¹⁵ (catalogs bound their figures
    /// far below that, so the bound is reached only by a value that is already meaningless), a NaN is 0.
    public static func yuan(clamping value: Double) -> Int {
        guard value.isFinite else { return value.isNaN ? 0 : (value > 0 ? 1_000_000_000_000_000 : -1_000_000_000_000_000) }
        return Int(min(max(value.rounded(), -1e15), 1e15))
    }

    /// `12.5` for 125,000 yuan: 万元 with up to 2 decimals, trailing zeros dropped; an amount that would round to 0
    /// at that precision (under 50 yuan) is written exactly (`0.003`), as a nonzero amount never reads 0.
    public static func wan(_ yuan: Int, decimals: Int = 2) -> String {
        // A proposal shows a few hundred amounts: written without a buffer (`DecimalText.string`). (Yuan figures
        // come from catalogs and flags of at most 13 digits; the extremes of Int are out of reach.)
        var decimals = min(max(decimals, 0), 4)
        if yuan != 0 {
            var shown = 1
            for _ in 0..<(4 - decimals) { shown *= 10 }
            // `shown` is a power of ten of at least 10: under half of it rounds to 0 (no product, so no overflow at Int.min).
            if yuan.magnitude < UInt(shown / 2) { decimals = 4 }
        }
        var scale = 1
        for _ in 0..<(4 - decimals) { scale *= 10 }
        // Round half up at the shown precision.
        // Magnitude and rounding in unsigned arithmetic: no trap even at `Int.min` or `Int.max`.
        let units = Int(clamping: yuan.magnitude / UInt(scale) + (yuan.magnitude % UInt(scale) * 2 >= UInt(scale) ? 1 : 0))
        return DecimalText.string(units: Int64(yuan < 0 ? -units : units), digits: decimals)
    }

    /// `1,234,567` — the exact yuan figure with thousands separators.
    public static func grouped(_ yuan: Int) -> String {
        // Built as bytes: English proposals write a few hundred of these, and appending Characters one by one to a
        // String cost more than the rest of the figure's formatting.
        let digits = String(yuan.magnitude).utf8
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        if yuan < 0 { out.append(UInt8(ascii: "-")) }
        var left = digits.count
        for digit in digits {
            out.append(digit)
            left -= 1
            if left > 0 && left % 3 == 0 { out.append(UInt8(ascii: ",")) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A range of 万元 (`12.5–30`), one figure when both ends agree (`0`, not `0–0`).
    public static func wanRange(_ low: Int, _ high: Int) -> String {
        low == high ? wan(low) : "\(wan(low))–\(wan(high))"
    }

    /// `CNY 1,234,567`: money as the English documents write it.
    public static func cny(_ yuan: Int) -> String { "CNY " + grouped(yuan) }

    /// An amount in both languages: `12.5 万元` / `CNY 125,000`.
    public static func localized(_ yuan: Int) -> Localized { Localized(zh: wan(yuan) + " 万元", en: cny(yuan)) }

    /// A figure of 万元 with a unit that starts with 万元 (`万元`, `万元/年`, `万元/人·年`) in English: `CNY 85,000`
    /// and what the English unit says after its money word (`per person-year`); nil when the unit is not money.
    public static func englishAmount(wan value: Double, unit: Localized) -> String? {
        guard let rest = englishMoneyUnit(unit) else { return nil }
        return englishAmount(wan: value, moneyUnit: rest)
    }

    /// What the English unit of a money unit (one whose Chinese starts with 万元) says after its money word, for
    /// `englishAmount(wan:moneyUnit:)`; nil when the unit is not money. It depends on the unit alone, so a caller
    /// formatting many answers to one question works it out once.
    static func englishMoneyUnit(_ unit: Localized) -> String? {
        guard unit.zh.hasPrefix("万元") else { return nil }
        var rest = Substring(unit.en)
        for word in ["万元", "10k CNY", "10,000 CNY", "CNY 10,000"] where rest.hasPrefix(word) { rest = rest.dropFirst(word.count); break }
        rest = rest.drop { $0 == " " }
        if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") { rest = rest[rest.index(after: close)...].drop { $0 == " " } }
        return String(rest)
    }

    /// `englishAmount(wan:unit:)` with the unit's words after the money word already worked out (`englishMoneyUnit`).
    static func englishAmount(wan value: Double, moneyUnit rest: String) -> String? {
        guard value.isFinite, abs(value) < 1e12 else { return nil }
        let text = cny(Int((value * 10_000).rounded()))
        return rest.isEmpty ? text : text + " " + rest
    }

    /// Revenue per employee (given in 万元 per person) in each language, as the proposals write it.
    public static func perEmployee(wan: Double) -> Localized {
        Localized(zh: perEmployeeFigure(wan, scale: wan, lang: .zh) + perEmployeeUnit(scale: wan, lang: .zh),
                  en: "CNY " + perEmployeeFigure(wan, scale: wan, lang: .en) + perEmployeeUnit(scale: wan, lang: .en))
    }

    /// The number of a revenue per employee (in 万元 per person), in the unit `scale` picks (the baseline's, so a
    /// target reads in its baseline's unit): from 1 万元 up, 万元 to one decimal in Chinese (`80`) and yuan to the
    /// hundred in English (`800,000`); below it, yuan (`4800`, `4,800`), and below 1 yuan with two significant
    /// digits (`0.35`): a small but nonzero figure never reads 0.
    public static func perEmployeeFigure(_ wan: Double, scale: Double, lang: Lang) -> String {
        if perEmployeeInWan(scale) {
            return lang == .zh ? formatNumber(wan, maxFractionDigits: 1) : grouped(yuan(clamping: wan * 100) * 100)
        }
        let yuan = wan * 10_000
        if yuan >= 1 || yuan <= 0 {
            let whole = Self.yuan(clamping: yuan)
            return lang == .zh ? String(whole) : grouped(whole)
        }
        var digits = 2
        while digits < 6, (yuan * pow(10, Double(digits))).rounded() < 10 { digits += 1 }
        let text = formatNumber(yuan, maxFractionDigits: digits)
        return text == "0" ? "0.000001" : text
    }

    /// What follows the figure: ` 万元/人` or ` 元/人` in Chinese, ` per employee` in English.
    public static func perEmployeeUnit(scale: Double, lang: Lang) -> String {
        lang == .en ? " per employee" : (perEmployeeInWan(scale) ? " 万元/人" : " 元/人")
    }

    /// Revenue per employee is written in 万元 from 1 万元 (10,000 yuan) up, and when there is none; else in yuan.
    private static func perEmployeeInWan(_ wan: Double) -> Bool { wan >= 1 || wan <= 0 || !wan.isFinite }

    /// A range of exact yuan with thousands separators, one figure when both ends agree.
    public static func groupedRange(_ low: Int, _ high: Int) -> String {
        low == high ? grouped(low) : "\(grouped(low))–\(grouped(high))"
    }
}
