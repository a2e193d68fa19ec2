/// Numbers and dates as people type them (the wizard, spreadsheet cells).

/// A number as a person types it, in the wizard or in a spreadsheet cell: full-width digits, thousands
/// separators and the question's unit allowed (`85人`, `30%`, `1,200`), and for an amount in 万元 the other money
/// units (`1.2亿` is 12000 万元, `3500万`, `350000元`). Files written by programs (YAML, JSON) keep plain numbers.
public enum TypedNumber {
    /// The number `typed` stands for in the unit of `q`, or nil when it is not a number (empty, other words,
    /// another unit). Range and whole-number checks are the caller's (`AnswerDecoder.numberProblem`).
    public static func parse(_ typed: String, for q: Question) -> Double? {
        let written = normalizeDigits(typed).filter { $0 != " " && $0 != "," && $0 != "，" }
        let (text, factor) = withoutUnit(written, for: q)
        guard !text.isEmpty, text.allSatisfy({ "0123456789.-+eE".contains($0) }), let number = Double(text), number.isFinite else {
            return nil
        }
        // 1.2亿 is 12000 万元: converted exactly in decimal, not through binary rounding.
        return factor == 1 ? number : (Double(formatNumber(number * factor)) ?? number * factor)
    }

    /// The number part of `text` and the factor to the question's unit, when `text` ends with a unit: the
    /// question's own (`85人`, `30%`, `12 people`) or, for an amount in 万元, another money unit (`1.2亿` → ×10000,
    /// `3500万`, `350000元` → ×0.0001).
    static func withoutUnit(_ text: String, for q: Question) -> (String, Double) {
        guard let unit = q.unit else { return (text, 1) }
        var suffixes: [(String, Double)] = []
        if unit.zh.hasPrefix("万元") {
            let per = unit.zh.dropFirst(2)   // 万元/年: the same money units, per year
            for (money, factor) in [("亿元", 10_000.0), ("亿", 10_000), ("万元", 1), ("万", 1), ("元", 0.0001), ("w", 1), ("W", 1)] {
                suffixes.append((money + per, factor))
                suffixes.append((money, factor))
            }
        }
        if unit.zh == "%" || unit.zh == "个百分点" {
            suffixes += [("%", 1), ("％", 1), ("个百分点", 1), ("百分点", 1), ("percent", 1), ("pp", 1)]
        }
        for name in [unit.zh, unit.en, String(unit.zh.split(separator: "/").first ?? "")] where !name.isEmpty {
            suffixes.append((name.filter { $0 != " " }, 1))
        }
        for (suffix, factor) in suffixes.sorted(by: { $0.0.count > $1.0.count })
        where text.count > suffix.count && text.lowercased().hasSuffix(suffix.lowercased()) {
            return (String(text.dropLast(suffix.count)), factor)
        }
        return (text, 1)
    }

    /// Full-width digits and punctuation typed with a Chinese input method, made ASCII.
    public static func normalizeDigits(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            switch s.value {
            case 0xFF10...0xFF19, 0xFF0E, 0xFF0D, 0xFF0B: return Unicode.Scalar(s.value - 0xFEE0)!
            case 0x3002: return "."  // 。 typed for a decimal point
            default: return s
            }
        }))
    }
}

/// A date as a person types it in a spreadsheet cell: `2026-11-20`, and as Excel and WPS on Chinese Windows show
/// dates typed as text, `2026/11/20`, `2026.11.20`, `2026年11月20日` (month and day with one or two digits,
/// full-width digits allowed).
public enum TypedDate {
    /// `YYYY-MM-DD` for a text in one of those forms, or nil (the caller checks that the day is real).
    public static func iso(_ typed: String) -> String? {
        var text = TypedNumber.normalizeDigits(typed).trimmingWhitespace()
        if text.hasSuffix("日") || text.hasSuffix("号") { text.removeLast() }
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { "-/.年月".contains($0) })
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts[0])-\(two(m))-\(two(d))"
    }
}
