extension Engine {
    /// SHA-256 of the answers in a canonical form (sorted ids, typed values), so YAML and JSON files with the
    /// same answers hash alike.
    public static func hash(_ sheet: AnswerSheet) -> String {
        hash(sheet, ordered: sheet.answers.keys.sorted().lazy.map { ($0, sheet.answers[$0]!) })
    }

    /// The hash of `sheet` given its answers in key order.
    static func hash<Answers: Sequence<(String, AnswerValue)>>(_ sheet: AnswerSheet, ordered: Answers) -> String {
        var text = CanonicalText(sheet)
        for (key, value) in ordered {
            text.add(key)
            text.add(value)
        }
        return SHA256Text.hex(text.bytes)
    }
}

/// The bytes of the answers hash's canonical text.
struct CanonicalText {
    private(set) var bytes: [UInt8] = []

    /// An empty text.
    init() {}

    /// The text's head, `industry=…` and `date=…` lines; the answers follow as `key=kind:value` lines in key order.
    init(_ sheet: AnswerSheet) {
        bytes.reserveCapacity(4096)
        add("industry="); add(sheet.industry); add("\ndate="); add(sheet.date ?? ""); add("\n")
    }

    /// The rest of an answer's line after its key: `=kind:value` and the line break.
    mutating func add(_ value: AnswerValue) {
        switch value {
        case let .number(n): add(ascii: "=n:"); addNumber(n)
        case let .text(t): add(ascii: "=t:"); add(t)
        case let .option(o): add(ascii: "=o:"); add(o)
        case let .options(os):
            add(ascii: "=m:")
            for (i, o) in os.enumerated() {
                if i > 0 { add(byte: ",") }
                add(o)
            }
        case let .bool(b): add(ascii: b ? "=b:true" : "=b:false")
        }
        add(byte: "\n")
    }

    /// A key's UTF-8, prepared ahead.
    mutating func add(bytes key: [UInt8]) { bytes.append(contentsOf: key) }

    /// The UTF-8 of `s`, copied from its storage at once (a string of the engine's always has contiguous
    /// UTF-8; appending `s.utf8` as a sequence is the slow general path).
    mutating func add(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil { bytes.append(contentsOf: s.utf8) }
    }

    /// A fixed ASCII text of this file.
    mutating func add(ascii s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func add(byte: Unicode.Scalar) { bytes.append(UInt8(ascii: byte)) }

    /// `formatNumber(n, maxFractionDigits: 6)`, written as digits in place: below 1e9 that is
    /// `DecimalText.format` (integer arithmetic on millionths, trailing zeros dropped), here without building
    /// strings; other values go through `formatNumber`. A test holds the two equal.
    mutating func addNumber(_ n: Double) {
        guard abs(n) < 1e9 else { add(formatNumber(n, maxFractionDigits: 6)); return }
        let units = Int64((n * 1_000_000).rounded())
        if units == 0 { bytes.append(UInt8(ascii: "0")); return }
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        addDigits(magnitude / 1_000_000, width: 1)
        var fraction = magnitude % 1_000_000
        guard fraction != 0 else { return }
        var width = 6
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        bytes.append(UInt8(ascii: "."))
        addDigits(fraction, width: width)
    }

    /// The decimal digits of `value`, zero-padded on the left to at least `width` (values here are below 1e9).
    private mutating func addDigits(_ value: UInt64, width: Int) {
        var count = 1, power: UInt64 = 1
        while count < width || value / power >= 10 { power *= 10; count += 1 }
        while power > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8((value / power) % 10))
            power /= 10
        }
    }
}
