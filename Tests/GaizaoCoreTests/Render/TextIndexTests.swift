import Foundation
import Testing
@testable import GaizaoCore

@Suite struct TextIndexTests {
    /// Keys sharing their length and first and last eight bytes hash alike: they must still be told apart.
    @Test func findsEveryKeyAtItsFirstPositionAndNothingElse() {
        var keys = ["", "a", "ab", "colon", "chartScenesTitle", "chartScenesDescFmt", "名称", "名称x"]
        keys += (0..<300).map { "prefix00\(String(format: "%03d", $0))suffix00" }
        keys += ["colon", "a"]  // given twice: the first counts
        let index = TextIndex(keys)
        for (position, key) in keys.enumerated() {
            #expect(index.position(of: key) == keys.firstIndex(of: key), "\(key) at \(position)")
        }
        for missing in ["b", "colo", "colons", "prefix00300suffix00", "prefix00000suffix0", "名", " "] {
            #expect(index.position(of: missing) == nil, "\(missing)")
        }
        #expect(TextIndex([]).position(of: "x") == nil)
    }

    /// The string table answers as its dictionary does, for every key and both languages.
    @Test func renderStringsAgreeWithTheirTables() {
        for lang in Lang.allCases {
            let strings = RenderStrings(lang)
            for key in RenderStrings.keys { #expect(strings[key] == strings.table[key]) }
            #expect(strings["no-such-key"] == "⟨no-such-key⟩")
        }
    }
}
