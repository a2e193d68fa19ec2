import Foundation
@testable import GaizaoCore
import Testing

/// The pure-Swift trims behave exactly like Foundation's `trimmingCharacters(in:)` with the same sets.
@Suite struct UnicodeTrimTests {
    @Test func sameCharactersAsFoundationForEveryScalar() {
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(value) else { continue }
            if UnicodeSpace.isWhitespace(s) != CharacterSet.whitespaces.contains(s) { mismatches.append("whitespaces U+\(String(value, radix: 16))") }
            if UnicodeSpace.isWhitespaceOrNewline(s) != CharacterSet.whitespacesAndNewlines.contains(s) {
                mismatches.append("whitespacesAndNewlines U+\(String(value, radix: 16))")
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test func knownMembers() {
        for s in ["\u{3000}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{85}", "\t", "\u{B}", "\r\n", "\u{202F}", "\u{1680}"] {
            #expect(("x" + s + "y" + s).trimmingWhitespaceAndNewlines() == "x" + s + "y")
        }
        #expect("\u{FEFF}x\u{FEFF}".trimmingWhitespaceAndNewlines() == "\u{FEFF}x\u{FEFF}")  // category Cf: kept
        #expect("\u{200B}x\u{200B}".trimmingWhitespace() == "x")  // Foundation's whitespace set has U+200B
        #expect("\u{3000}\n 企业 \t".trimmingWhitespaceAndNewlines() == "企业")
        #expect("\u{3000} 企业\n".trimmingWhitespace() == "企业\n")
        #expect(" \n\u{3000} ".trimmingWhitespaceAndNewlines() == "")
        #expect("".trimmingWhitespace() == "")
    }

    /// Random strings over whitespace, combining marks (a trim cuts between a space and its mark, as Foundation
    /// does), CJK, emoji and ASCII; also as substrings.
    @Test func sameResultsAsFoundationOnRandomStrings() {
        let pool: [Unicode.Scalar] = [" ", "\t", "\n", "\r", "\u{B}", "\u{C}", "\u{85}", "\u{A0}", "\u{2000}", "\u{200A}", "\u{200B}",
                                      "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", "\u{301}", "\u{20DD}",
                                      "a", "Z", "0", "-", "企", "业", "😀", "\u{1F3FD}", "\u{0}", "\u{1F}"]
        var rng = SeededRandom(seed: 2026)
        for _ in 0..<20_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...8, using: &rng) { scalars.append(pool.randomElement(using: &rng)!) }
            let text = String(scalars)
            #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            let sub = ("x" + text + "y").dropFirst().dropLast()
            #expect(sub.trimmingWhitespace() == sub.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            // Unicode scalar by scalar, not character by character: the result is compared scalar-exactly too.
            #expect(Array(text.trimmingWhitespaceAndNewlines().unicodeScalars) == Array(text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars))
        }
    }
}
