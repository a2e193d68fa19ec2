/// Decimal text for doubles with integer arithmetic: the same digits as `String(format:)` gives
/// (`formatNumberThroughFormat`), which is slow enough to matter when a proposal shows hundreds of figures and
/// chart coordinates. `formatNumber` uses it below 1e9.
enum DecimalText {
    static let scales: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// At most `digits` decimals (0…6), trailing zeros dropped: `44.1`, `77.025`, `-0.5`, `12`.
    static func format(_ value: Double, digits: Int) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return formatNumberThroughFormat(value, maxFractionDigits: digits) }
        let scale = scales[min(max(digits, 0), 6)]
        let units = Int64((value * scale).rounded())
        if units == 0 { return "0" }
        let magnitude = units.magnitude, divisor = UInt64(scale)
        var text = String(magnitude / divisor)
        var fraction = magnitude % divisor
        if fraction != 0 {
            var width = digits
            while fraction % 10 == 0 { fraction /= 10; width -= 1 }
            let digitsText = String(fraction)
            text += "." + String(repeating: "0", count: width - digitsText.count) + digitsText
        }
        return units < 0 ? "-" + text : text
    }
}
