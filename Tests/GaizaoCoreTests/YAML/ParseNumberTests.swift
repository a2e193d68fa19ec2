import Foundation
@testable import GaizaoCore
import Testing

/// `YValue.parseNumber` checks bytes instead of characters: the same texts pass as with the character check it
/// replaced.
@Suite struct ParseNumberTests {
    /// The former implementation, kept here as the reference.
    static func reference(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.allSatisfy({ "0123456789.-+eE".contains($0) }), let d = Double(t), d.isFinite else { return nil }
        return d
    }

    @Test func knownTexts() {
        #expect(YValue.parseNumber(" 12.5 ") == 12.5)
        #expect(YValue.parseNumber("\u{3000}-3e2") == -300)
        #expect(YValue.parseNumber("1\u{301}") == nil)  // a combining mark makes "1́" one character, not a digit
        #expect(YValue.parseNumber("0x10") == nil)
        #expect(YValue.parseNumber("1e999") == nil)
        #expect(YValue.parseNumber("") == nil)
    }

    @Test func sameAsTheCharacterCheck() {
        let pool: [String] = ["0", "1", "9", ".", "-", "+", "e", "E", " ", "\t", "\u{3000}", "\u{301}", "\r\n", "\n", "x", "١", "５", "😀", "inf"]
        var rng = SeededRandom(seed: 7)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &rng)).map { _ in pool.randomElement(using: &rng)! }.joined()
            let expected = Self.reference(text)
            #expect(YValue.parseNumber(text) == expected, "\(text.debugDescription)")
        }
    }
}
