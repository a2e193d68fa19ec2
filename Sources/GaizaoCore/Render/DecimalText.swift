/// Decimal text for doubles with integer arithmetic: the same digits as `String(format:)` gives
/// (`formatNumberThroughFormat`), which is slow enough to matter when a proposal shows hundreds of figures and
/// chart coordinates. `formatNumber` uses it below 1e9.
enum DecimalText {
    static let scales: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// At most `digits` decimals (0…6), trailing zeros dropped: `44.1`, `77.025`, `-0.5`, `12`.
    static func format(_ value: Double, digits: Int) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return formatNumberThroughFormat(value, maxFractionDigits: digits) }
        let digits = min(max(digits, 0), 6)
        return string(units: Int64((value * scales[digits]).rounded()), digits: digits)
    }

    /// The text of `units` / 10^`digits` (`digits` 0…6), trailing decimal zeros dropped: `-0.5`, `12`. Built from
    /// `String(Int)` and short appends: a figure fits in a small string (15 bytes), so nothing is allocated, where a
    /// byte buffer would be.
    static func string(units: Int64, digits: Int) -> String {
        var rest = units.magnitude
        var decimals = digits
        while decimals > 0 && rest % 10 == 0 {
            rest /= 10
            decimals -= 1
        }
        var divisor: UInt64 = 1
        for _ in 0..<decimals { divisor *= 10 }
        var text = units < 0 ? "-" : ""
        text += String(rest / divisor)
        if decimals > 0 {
            let fraction = String(rest % divisor)
            text += "."
            for _ in fraction.utf8.count..<decimals { text += "0" }
            text += fraction
        }
        return text
    }
}
