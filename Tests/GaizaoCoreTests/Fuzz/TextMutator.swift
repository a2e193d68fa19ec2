@testable import GaizaoCore

/// Seeded mutations of YAML text, the kinds a hostile or careless file holds.
struct TextMutator {
    var rng: SeededRandom

    enum Kind: CaseIterable {
        case flipCharacter, truncate, deleteLine, duplicateLine, swapType, hugeString, deepNesting, aliasBomb,
             undefinedAlias, oddUnicode, tabIndent, emptyValue
    }

    mutating func mutate(_ text: String) -> (String, Kind) {
        let kind = Kind.allCases.randomElement(using: &rng)!
        return (apply(kind, text), kind)
    }

    mutating func apply(_ kind: Kind, _ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return text }
        let i = Int.random(in: 0..<lines.count, using: &rng)
        switch kind {
        case .flipCharacter:
            var chars = Array(text)
            guard !chars.isEmpty else { return text }
            let pos = Int.random(in: 0..<chars.count, using: &rng)
            chars[pos] = Array(":-[]{}&*!|>'\"%@`# \n\t,?~0").randomElement(using: &rng)!
            return String(chars)
        case .truncate:
            let chars = Array(text)
            return String(chars.prefix(Int.random(in: 0...chars.count, using: &rng)))
        case .deleteLine:
            lines.remove(at: i)
        case .duplicateLine:
            lines.insert(lines[i], at: i)
        case .swapType:
            guard let colon = lines[i].firstIndex(of: ":") else { return text }
            let replacement = ["[1, 2]", "{a: b}", "\"text\"", "12", "true", "~", "-1e309", "0x1F", "'NO'", "[]"].randomElement(using: &rng)!
            lines[i] = String(lines[i][...colon]) + " " + replacement
        case .hugeString:
            guard let colon = lines[i].firstIndex(of: ":") else { return text }
            lines[i] = String(lines[i][...colon]) + " " + String(repeating: "改造", count: 50_000)
        case .deepNesting:
            let depth = Int.random(in: 50...5000, using: &rng)
            lines.insert("deep: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth), at: i)
        case .aliasBomb:
            var bomb = "bomb0: &a0 [x, x, x, x, x, x, x, x, x, x]"
            for k in 1...9 { bomb += "\nbomb\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]" }
            return bomb + "\n" + text
        case .undefinedAlias:
            guard let colon = lines[i].firstIndex(of: ":") else { return text }
            lines[i] = String(lines[i][...colon]) + " *nowhere"
        case .oddUnicode:
            let odd = ["\u{200B}", "\u{202E}", "😀", "\u{FEFF}", "𠀀", "\u{0301}", "\u{7F}"].randomElement(using: &rng)!
            lines[i] += odd
        case .tabIndent:
            lines[i] = "\t" + lines[i]
        case .emptyValue:
            guard let colon = lines[i].firstIndex(of: ":") else { return text }
            lines[i] = String(lines[i][...colon])
        }
        return lines.joined(separator: "\n")
    }
}
