/// The input is not JSON a fast path takes; why does not matter (the YAML path will say).
struct JSONDecline: Error {}

/// The lexical layer of both strict JSON fast paths (`JSONNodeParser`, which builds `Node` trees, and
/// `JSONAnswerReader`, which reads answers straight into a sheet): one cursor over UTF-8 bytes that counts lines and
/// columns as libyaml does and reads strings, numbers and literals, declining (throwing `JSONDecline`) on anything
/// libyaml would read differently or refuse. The list of what is declined, and why, is on `JSONNodeParser`; keeping
/// it here, once, is what lets the two fast paths accept exactly the same texts.
struct JSONScanner {
    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    var line = 1
    var lineStart = 0
    /// UTF-8 continuation bytes passed on the current line: libyaml counts columns in Unicode scalars.
    var continuations = 0
    /// Strings with escapes are built here (the bytes of `scanString`'s result when it returns nil).
    var scratch: [UInt8] = []
    /// Whether a string held the escape `\"`. `YAMLDocument`'s bracket pre-scan, which knows no escapes, takes that
    /// quote for the end of the string, so only then can its depth differ from the real one.
    var sawEscapedQuote = false

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The byte at `pos`, or 0 at the end (a raw NUL is never valid JSON either).
    @inline(__always)
    func peek() -> UInt8 { pos < bytes.count ? bytes[pos] : 0 }

    /// libyaml's 1-based column of `pos`.
    var column: Int { pos - lineStart - continuations + 1 }

    /// JSON whitespace, counting lines as libyaml does (CR LF, CR and LF each end one line). `tabs: false` outside
    /// the root value, where YAML's block context does not take them.
    mutating func skipSpace(tabs: Bool = true) {
        while pos < bytes.count {
            switch bytes[pos] {
            case Self.space: pos += 1
            case Self.tab where tabs: pos += 1
            case Self.newline: pos += 1; startLine()
            case Self.carriageReturn:
                pos += 1
                if peek() == Self.newline { pos += 1 }
                startLine()
            default: return
            }
        }
    }

    mutating func startLine() {
        line += 1
        lineStart = pos
        continuations = 0
    }

    /// After a key whose opening quote was at `keyStart` on `keyLine`: the space and the `:`, and the space after it.
    /// libyaml drops a simple key that is not on one line with its `:` or more than 1024 characters before it;
    /// bytes are never fewer than characters, so this errs on the side of declining.
    mutating func colonAfterKey(keyStart: Int, keyLine: Int) throws(JSONDecline) {
        skipSpace()
        guard peek() == UInt8(ascii: ":"), line == keyLine, pos - keyStart <= 1024 else { throw JSONDecline() }
        pos += 1
        skipSpace()
    }

    /// Past a `,` (and the space after it, true) or the `close` bracket (false) that must follow a member.
    mutating func nextMember(close: UInt8) throws(JSONDecline) -> Bool {
        skipSpace()
        let next = peek()
        pos += 1
        if next == UInt8(ascii: ",") { skipSpace(); return true }
        if next == close { return false }
        throw JSONDecline()
    }

    // MARK: numbers and literals

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`: the range of its bytes.
    mutating func numberToken() throws(JSONDecline) -> Range<Int> {
        let start = pos
        if peek() == UInt8(ascii: "-") { pos += 1 }
        if peek() == UInt8(ascii: "0") {
            pos += 1
        } else {
            try digits()
        }
        if peek() == UInt8(ascii: ".") {
            pos += 1
            try digits()
        }
        if peek() | 0x20 == UInt8(ascii: "e") {
            pos += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { pos += 1 }
            try digits()
        }
        return start..<pos
    }

    /// One or more ASCII digits.
    mutating func digits() throws(JSONDecline) {
        let start = pos
        while case UInt8(ascii: "0")...UInt8(ascii: "9") = peek() { pos += 1 }
        if pos == start { throw JSONDecline() }
    }

    /// `true`, `false` or `null`, exactly.
    mutating func literal(_ word: StaticString) throws(JSONDecline) {
        let count = word.utf8CodeUnitCount
        guard pos + count <= bytes.count else { throw JSONDecline() }
        for i in 0..<count where bytes[pos + i] != word.utf8Start[i] { throw JSONDecline() }
        pos += count
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    // MARK: strings

    /// The string at `pos` (its opening quote) as a `String`, unescaped.
    mutating func string() throws(JSONDecline) -> String {
        if let raw = try scanString() { return text(raw) }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Reads the string at `pos` (its opening quote): the range of its bytes when it holds no escape (nothing is
    /// copied), or nil when it does, with its unescaped bytes in `scratch`.
    mutating func scanString() throws(JSONDecline) -> Range<Int>? {
        pos += 1
        let start = pos
        while pos < bytes.count {
            let b = bytes[pos]
            if b == Self.quote {
                pos += 1
                return start..<pos - 1
            }
            if b == Self.backslash {
                try escapedString(from: start)
                return nil
            }
            if b < 0x80 {
                if b < 0x20 || b == 0x7F { throw JSONDecline() }
                pos += 1
            } else {
                pos += try nonASCIILength()
            }
        }
        throw JSONDecline()
    }

    /// The rest of a string holding escapes, built in `scratch` from the plain run `start..<pos` onwards.
    mutating func escapedString(from start: Int) throws(JSONDecline) {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        while pos < bytes.count {
            let b = bytes[pos]
            if b == Self.quote {
                pos += 1
                return
            }
            if b == Self.backslash {
                try escape()
            } else if b < 0x80 {
                if b < 0x20 || b == 0x7F { throw JSONDecline() }
                scratch.append(b)
                pos += 1
            } else {
                let length = try nonASCIILength()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pos..<pos + length]))
                pos += length
            }
        }
        throw JSONDecline()
    }

    /// One escape at `pos` (its backslash), appended to `scratch`.
    mutating func escape() throws(JSONDecline) {
        guard pos + 1 < bytes.count else { throw JSONDecline() }
        let unescaped: UInt8
        switch bytes[pos + 1] {
        case Self.quote: unescaped = Self.quote; sawEscapedQuote = true
        case Self.backslash, UInt8(ascii: "/"): unescaped = bytes[pos + 1]
        case UInt8(ascii: "b"): unescaped = 0x08
        case UInt8(ascii: "f"): unescaped = 0x0C
        case UInt8(ascii: "n"): unescaped = 0x0A
        case UInt8(ascii: "r"): unescaped = 0x0D
        case UInt8(ascii: "t"): unescaped = 0x09
        case UInt8(ascii: "u"):
            guard pos + 6 <= bytes.count else { throw JSONDecline() }
            var code: UInt32 = 0
            for i in pos + 2..<pos + 6 { code = code << 4 | (try hexValue(bytes[i])) }
            // libyaml refuses surrogate code points, paired or not: leave the error to it. U+FEFF: see
            // `JSONNodeParser`.
            guard let scalar = Unicode.Scalar(code), code != 0xFEFF else { throw JSONDecline() }
            scratch.append(contentsOf: UTF8.encode(scalar)!)
            pos += 6
            return
        default: throw JSONDecline()
        }
        scratch.append(unescaped)
        pos += 2
    }

    func hexValue(_ b: UInt8) throws(JSONDecline) -> UInt32 {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: throw JSONDecline()
        }
    }

    /// The byte length of the non-ASCII scalar at `pos` (the text is valid UTF-8: it comes from a `String`),
    /// counting its continuation bytes for columns. Declines the scalars libyaml refuses or reads as line breaks.
    mutating func nonASCIILength() throws(JSONDecline) -> Int {
        let lead = bytes[pos]
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard pos + length <= bytes.count else { throw JSONDecline() }
        let second = bytes[pos + 1]
        switch lead {
        case 0xC2 where second < 0xA0: throw JSONDecline()  // U+0080–U+009F: C1 controls and NEL
        case 0xE2 where second == 0x80 && bytes[pos + 2] & 0xFE == 0xA8: throw JSONDecline()  // U+2028, U+2029
        case 0xEF where second == 0xBB && bytes[pos + 2] == 0xBF: throw JSONDecline()  // U+FEFF
        case 0xEF where second == 0xBF && bytes[pos + 2] >= 0xBE: throw JSONDecline()  // U+FFFE, U+FFFF
        default: break
        }
        continuations += length - 1
        return length
    }
}
