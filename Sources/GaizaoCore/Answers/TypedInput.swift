/// Numbers and dates as people type them (the wizard, spreadsheet cells).

/// A number as a person types it, in the wizard or in a spreadsheet cell: full-width digits, thousands
/// separators and the question's unit allowed (`85人`, `30%`, `1,200`), and for an amount in 万元 the other money
/// units (`1.2亿` is 12000 万元, `3500万`, `350000元`). Files written by programs (YAML, JSON) keep plain numbers.
///
/// A comma (`,` or `，`) or a space inside the number is taken only as thousands grouping: a first group of 1 to 3
/// digits (not starting with 0), then groups of exactly 3 (`1,200`, `12,345,678`, `1 200`), one kind of separator,
/// and none after the decimal point. Anything else is refused with what was typed and the form expected: `2,5`
/// is a decimal comma (2.5, not 25), `1,2,3` and `2 5` are no numbers (they read as 123 and 25 when every
/// separator was simply dropped).
public enum TypedNumber {
    /// What a typed text reads as.
    public enum Reading: Equatable, Sendable {
        case number(Double)
        /// No number (empty, other words, another unit).
        case notANumber
        /// Digits with a comma where a decimal point belongs (`2,5`, `0,4`, `1,2亿`); `suggested` is the text
        /// with a point (`2.5`, `1.2亿`).
        case decimalComma(suggested: String)
        /// Digits with commas or spaces that are not thousands grouping (`1,2,3`, `2 5`, `1,200.5,0`).
        case badGrouping

        public var number: Double? {
            if case let .number(n) = self { return n }
            return nil
        }
    }

    /// The number `typed` stands for in the unit of `q`, or nil when it is not one (see `read` for why).
    /// Range and whole-number checks are the caller's (`AnswerDecoder.numberProblem`).
    public static func parse(_ typed: String, for q: Question) -> Double? { read(typed, for: q).number }

    /// What `typed` reads as in the unit of `q`.
    public static func read(_ typed: String, for q: Question) -> Reading {
        let written = normalizeDigits(typed).trimmingWhitespace()
        let (unitless, factor) = withoutUnit(written, for: q)
        let plain: String
        switch grouped(unitless.trimmingWhitespace()) {
        case let .plain(digits): plain = digits
        case .decimalComma:
            // The typed text with its one comma made a point, unit and all (`1,2亿` → `1.2亿`).
            return .decimalComma(suggested: written.replacingOccurrences(of: written.contains("，") ? "，" : ",", with: "."))
        case .badGrouping: return .badGrouping
        case .notANumber: return .notANumber
        }
        guard !plain.isEmpty, plain.allSatisfy({ "0123456789.-+eE".contains($0) }), let number = Double(plain), number.isFinite else {
            return .notANumber
        }
        // 1.2亿 is 12000 万元: converted exactly in decimal, not through binary rounding.
        return .number(factor == 1 ? number : (Double(formatNumber(number * factor)) ?? number * factor))
    }

    /// The message for a cell whose text `typed` did not read as a number, saying what form is expected; the
    /// words are those of the other cell errors (`must be a number, found …`).
    public static func problem(_ typed: String, _ reading: Reading) -> String {
        switch reading {
        case let .decimalComma(suggested):
            return "must be a number, found \(quotedValue(typed)): use a point for decimals: \(suggested)"
        case .badGrouping:
            return "must be a number, found \(quotedValue(typed)): a comma or space may only separate groups of three digits (1,200 or 12,345,678)"
        case .number, .notANumber:
            return "must be a number, found \(quotedValue(typed))"
        }
    }

    /// `text` (its unit already removed) with thousands separators removed, when it has well-formed ones; the
    /// text as it is when it has none; otherwise why not. Only texts of digits, separators, a sign and a decimal
    /// point are judged: anything else is left for the number check to refuse.
    enum Grouping: Equatable {
        /// The digits without separators (the text as it was when it had none).
        case plain(String)
        case decimalComma
        case badGrouping
        case notANumber
    }

    static func grouped(_ text: String) -> Grouping {
        let separators: Set<Character> = [",", "，", " "]
        guard text.contains(where: separators.contains) else { return .plain(text) }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber || separators.contains($0) || $0 == "." || $0 == "-" || $0 == "+" }) else {
            return .notANumber
        }
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "-" || first == "+" { sign = String(first); body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0], fraction = parts.count > 1 ? parts[1] : nil
        let used = Set(whole.filter(separators.contains))
        let commas = whole.filter { $0 == "," || $0 == "，" }.count
        let groups = whole.split(omittingEmptySubsequences: false, whereSeparator: separators.contains)
        let allDigits = groups.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        // `2,5`, `0,4`, `12,50`, `0,400`: one comma, no point — a decimal comma, not a thousands separator.
        if commas == 1, used.count == 1, fraction == nil, allDigits,
           groups[1].count < 3 || groups[0].hasPrefix("0") || groups[0].count > 3 {
            return .decimalComma
        }
        guard used.count == 1, allDigits, (1...3).contains(groups[0].count), !groups[0].hasPrefix("0"),
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              fraction.map({ !$0.contains(where: separators.contains) && !$0.contains(".") }) ?? true else {
            return .badGrouping
        }
        return .plain(sign + groups.joined() + (fraction.map { "." + $0 } ?? ""))
    }

    /// The number part of `text` and the factor to the question's unit, when `text` ends with a unit: the
    /// question's own (`85人`, `30%`, `12 people`) or, for an amount in 万元, another money unit (`1.2亿` → ×10000,
    /// `3500万`, `350000元` → ×0.0001). Spaces do not count in the match (`85 人`, a unit name with a space);
    /// the number part keeps its own, for `grouped` to judge.
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
        let compact = text.filter { $0 != " " }
        for (suffix, factor) in suffixes.sorted(by: { $0.0.count > $1.0.count })
        where compact.count > suffix.count && compact.lowercased().hasSuffix(suffix.lowercased()) {
            // Drop as many characters other than spaces from the end as the unit has.
            var left = suffix.count
            var end = text.endIndex
            while left > 0 {
                end = text.index(before: end)
                if text[end] != " " { left -= 1 }
            }
            return (String(text[..<end]), factor)
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
