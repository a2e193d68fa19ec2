/// Decimal text for doubles with integer arithmetic: the same digits as `String(format:)` gives
/// (`formatNumberThroughFormat`), which is slow enough to matter when a proposal shows hundreds of figures and
/// chart coordinates. `formatNumber` uses it below 1e9.
enum DecimalText {
    static let scales: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// Room `write` needs: 19 digits, a point and a sign.
    static let capacity = 32

    /// At most `digits` decimals (0…6), trailing zeros dropped: `44.1`, `77.025`, `-0.5`, `12`.
    static func format(_ value: Double, digits: Int) -> String {
        var buffer = [UInt8](repeating: 0, count: capacity)
        guard let start = write(value, digits: digits, to: &buffer) else {
            return formatNumberThroughFormat(value, maxFractionDigits: digits)
        }
        return String(decoding: buffer[start...], as: UTF8.self)
    }

    /// Writes the text of `format` at the end of `buffer` (`capacity` bytes) and returns where it starts, or nil
    /// outside the range integer arithmetic covers (not finite, or 1e12 and above).
    static func write(_ value: Double, digits: Int, to buffer: inout [UInt8]) -> Int? {
        guard value.isFinite, abs(value) < 1e12 else { return nil }
        let digits = min(max(digits, 0), 6)
        return write(units: Int64((value * scales[digits]).rounded()), digits: digits, to: &buffer)
    }

    /// The text of `units` / 10^`digits` (`digits` 0…6), trailing decimal zeros dropped, written at the end of
    /// `buffer` (`capacity` bytes); returns where it starts.
    static func write(units: Int64, digits: Int, to buffer: inout [UInt8]) -> Int {
        var position = capacity
        func put(_ byte: UInt8) {
            position -= 1
            buffer[position] = byte
        }
        var rest = units.magnitude
        // The decimals without their trailing zeros, then the point, then the integer part (at least `0`).
        var decimals = digits
        while decimals > 0 && rest % 10 == 0 {
            rest /= 10
            decimals -= 1
        }
        if decimals > 0 {
            for _ in 0..<decimals {
                put(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            }
            put(UInt8(ascii: "."))
        }
        repeat {
            put(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        if units < 0 { put(UInt8(ascii: "-")) }
        return position
    }
}
