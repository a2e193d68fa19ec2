/// Word-at-a-time tests for the escape scans over UTF-8 text.
enum ByteScan {
    /// The eight bytes at `i` as one little-endian word, or nil when fewer remain. Read through the span's
    /// bounds-checked subscript; the optimiser merges the eight loads.
    @inline(__always)
    static func word(_ bytes: Span<UInt8>, at i: Int) -> UInt64? {
        guard i >= 0, i + 8 <= bytes.count else { return nil }
        var word: UInt64 = 0
        for k in 0..<8 { word |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
        return word
    }

    /// Whether no byte of `word` is ASCII (CJK text): then none is a special ASCII character.
    @inline(__always)
    static func noASCII(_ word: UInt64) -> Bool { word & 0x8080_8080_8080_8080 == 0x8080_8080_8080_8080 }

    /// Whether some byte of `word` equals `byte`.
    @inline(__always)
    static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }
}
