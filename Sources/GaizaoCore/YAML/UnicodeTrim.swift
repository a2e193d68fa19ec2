/// Foundation's `trimmingCharacters(in: .whitespaces)` and `(in: .whitespacesAndNewlines)` in pure Swift: the same
/// characters, trimmed the same way (Unicode scalar by Unicode scalar from both ends), without bridging through
/// `NSString` and without a copy when there is nothing to trim (the common case on the decoding path).
extension String {
    /// Like `trimmingCharacters(in: .whitespaces)`: tab and the space separators (Unicode category Zs).
    func trimmingWhitespace() -> String {
        let (start, end) = unicodeScalars.untrimmedBounds(where: UnicodeSpace.isWhitespace)
        return start == startIndex && end == endIndex ? self : String(unicodeScalars[start..<end])
    }

    /// Like `trimmingCharacters(in: .whitespacesAndNewlines)`: also U+000A–U+000D, NEL, LS and PS.
    func trimmingWhitespaceAndNewlines() -> String {
        let (start, end) = unicodeScalars.untrimmedBounds(where: UnicodeSpace.isWhitespaceOrNewline)
        return start == startIndex && end == endIndex ? self : String(unicodeScalars[start..<end])
    }
}

extension Substring {
    /// Like `trimmingCharacters(in: .whitespaces)`.
    func trimmingWhitespace() -> String {
        let (start, end) = unicodeScalars.untrimmedBounds(where: UnicodeSpace.isWhitespace)
        return String(unicodeScalars[start..<end])
    }
}

extension BidirectionalCollection where Element == Unicode.Scalar {
    /// The bounds left once scalars matching `trimmed` are dropped from both ends.
    @inline(__always)
    fileprivate func untrimmedBounds(where trimmed: (Unicode.Scalar) -> Bool) -> (Index, Index) {
        var start = startIndex, end = endIndex
        while start < end, trimmed(self[start]) { start = index(after: start) }
        while start < end {
            let last = index(before: end)
            guard trimmed(self[last]) else { break }
            end = last
        }
        return (start, end)
    }
}

/// The members of Foundation's `CharacterSet.whitespaces` and `.newlines` (a test compares them with Foundation's sets
/// over every scalar).
enum UnicodeSpace {
    /// Tab and category Zs: space, no-break space, ogham space mark, the en/em/thin/hair spaces U+2000–U+200A,
    /// narrow no-break space, medium mathematical space, ideographic space; and, as in Foundation (whose table
    /// predates Unicode 4), the zero width space U+200B. Not U+FEFF (category Cf).
    @inline(__always)
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09: return true
        case ..<0xA0: return false
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Line feed, vertical tab, form feed, carriage return, NEL, line separator, paragraph separator.
    @inline(__always)
    static func isNewline(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    @inline(__always)
    static func isWhitespaceOrNewline(_ s: Unicode.Scalar) -> Bool {
        isWhitespace(s) || isNewline(s)
    }
}
