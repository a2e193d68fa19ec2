import Testing
@testable import GaizaoCore

@Suite struct DisplayWidthTests {
    /// The UTF-8 path for Strings gives what the scalar-by-scalar path gives: ASCII, controls, CJK, fullwidth
    /// forms, combining marks, zero-width joiners, emoji (four-byte) and two-byte Latin, in seeded mixtures.
    @Test func utf8PathAgreesWithScalars() {
        let pieces = ["a", "Z", " ", "\t", "\n", "\u{7F}", "\u{85}", "é", "e\u{301}", "名", "称", "，", "（", "Ａ", "…", "·",
                      "\u{200B}", "\u{200D}", "👍", "🏭", "☀", "☀\u{FE0F}", "한", "\u{20000}", "ß", "→", "★", "\u{3000}"]
        var seed: UInt64 = 0x5EED
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<2_000 {
            let text = (0..<(next() % 24)).map { _ in pieces[next() % pieces.count] }.joined()
            let scalars = text.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) }
            #expect(DisplayWidth.of(text) == scalars, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(DisplayWidth.of(text[...]) == scalars)
        }
    }
}
