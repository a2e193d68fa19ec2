import GaizaoCore
import GaizaoTemplates

/// The summary files (summary.csv, errors.csv, summary.html and the sheets of summary.xlsx) are built as UTF-8 in
/// one growing byte buffer: a batch makes tens of small texts a row, and appending their bytes costs a fraction of
/// interpolating each into a `String` and joining those. Texts that need no escaping (almost all of them) are
/// copied as they are; the rare others go through the writers' own escaping functions, so the bytes are those the
/// `String` versions gave.
extension Array where Element == UInt8 {
    /// Appends the UTF-8 of `text`, copied as one block.
    mutating func appendUTF8(_ text: String) { append(copying: text.utf8.span) }

    /// Appends `value` in decimal, as `String(value)` writes it.
    mutating func appendDecimal(_ value: Int) {
        if value >= 0 && value < 10 { return append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value)) }
        // At most 19 digits (the magnitude of `Int.min`) and a minus sign.
        var digits = InlineArray<20, UInt8>(repeating: 0)
        var start = digits.count
        var rest = value.magnitude
        repeat {
            start -= 1
            digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        if value < 0 { append(UInt8(ascii: "-")) }
        let count = digits.count - start
        append(addingCapacity: count) { spare in
            for k in start..<digits.count { spare.append(digits[k]) }
        }
    }

    /// The text of the bytes from `start` on (written from `String`s and ASCII, so valid UTF-8), removed.
    mutating func removeText(from start: Int) -> String {
        let text = String(decoding: self[start...], as: UTF8.self)
        removeSubrange(start...)
        return text
    }
}

enum SummaryBytes {
    /// Whether the bytes from `start` on surely hold no character `ControlCharacters.visible` rewrites (and no tab
    /// or line break) and no byte `special` picks out. False sends a field to its writer's own escaping function.
    static func isPlainText(_ bytes: borrowing [UInt8], from start: Int, special: (UInt8) -> Bool) -> Bool {
        let span = bytes.span.extracting(start...)
        for k in span.indices where special(span[k]) { return false }
        return !ControlCharacters.mayHoldForbidden(span)
    }
}
