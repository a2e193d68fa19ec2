/// Decimal text for doubles with integer arithmetic: the same digits as `String(format:)` gives
/// (`formatNumberThroughFormat`), which is slow enough to matter when a proposal shows hundreds of figures and
/// chart coordinates. `formatNumber` uses it below 1e9.
enum DecimalText {
    static let scales: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// The texts of 0…999, as `String(_:)` writes them.
    static let smallIntegers: [String] = (0..<1_000).map { String($0) }

    /// At most `digits` decimals (0…6), trailing zeros dropped: `44.1`, `77.025`, `-0.5`, `12`.
    static func format(_ value: Double, digits: Int) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return formatNumberThroughFormat(value, maxFractionDigits: digits) }
        let digits = min(max(digits, 0), 6)
        return string(units: Int64((value * scales[digits]).rounded()), digits: digits)
    }

    /// The text of `units` / 10^`digits` (`digits` 0…6), trailing decimal zeros dropped: `-0.5`, `12`. The
    /// characters are written right to left into a fixed buffer on the stack and made a string in one step: a
    /// figure fits in a small string, so nothing is allocated.
    static func string(units: Int64, digits: Int) -> String {
        var rest = units.magnitude
        var decimals = digits
        while decimals > 0 && rest % 10 == 0 {
            rest /= 10
            decimals -= 1
        }
        // Most chart coordinates and counts are small whole numbers: their texts are made once.
        if decimals == 0 && units >= 0 && rest < UInt64(smallIntegers.count) { return smallIntegers[Int(rest)] }
        // At most 20 digits, a point, a minus sign and the zeros before a fraction's digits (decimals ≤ 6).
        var text = InlineArray<32, UInt8>(repeating: 0)
        var start = text.count
        var written = 0
        // Every digit of the integer part, at least one, and `decimals` digits after the point.
        while rest > 0 || written <= decimals {
            if written == decimals && decimals > 0 {
                start -= 1
                text[start] = UInt8(ascii: ".")
            }
            start -= 1
            text[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            written += 1
        }
        if units < 0 {
            start -= 1
            text[start] = UInt8(ascii: "-")
        }
        let bytes = text.span.extracting(start..<text.count)
        // ASCII digits, a point and a minus sign are valid UTF-8.
        return String(copying: try! UTF8Span(validating: bytes))
    }
}
