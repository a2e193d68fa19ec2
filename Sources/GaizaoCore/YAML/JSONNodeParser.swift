import Yams

/// Reads strict JSON (RFC 8259) straight into the `Node` tree that `Yams.compose(yaml:, .basic)` builds for the
/// same text: the same structure, scalar strings, styles (strings `.doubleQuoted`, numbers and literals `.plain`),
/// tags (quoted scalars `str`, everything else implicit, as libyaml reports them) and marks (1-based line, column in
/// Unicode scalars; a mapping or list at its bracket, a scalar at its first character or opening quote).
///
/// It is a fast path, not a second reader: it returns nil for anything that is not strict JSON, and also for strict
/// JSON that libyaml reads differently or refuses, so the caller can run the YAML path, whose diagnostics are the
/// only ones users see. Declined on purpose, besides everything RFC 8259 forbids:
/// - duplicate keys (compose throws on them);
/// - `\uD800`–`\uDFFF` escapes, even as a valid surrogate pair: libyaml refuses them;
/// - raw U+0080–U+009F, U+2028, U+2029 in strings (libyaml refuses C1 controls and folds NEL, LS and PS as line
///   breaks), U+FFFE, U+FFFF and DEL;
/// - U+FEFF, raw or escaped: Yams builds strings with Foundation, which drops a byte order mark at their start;
/// - a key whose `:` is on another line or more than 1024 bytes after its opening quote (libyaml's simple-key
///   limits);
/// - a tab before or after the root value (YAML's block context does not take tabs there);
/// - anything over `limits`: more than `maxBytes`, more than `maxDepth` nested brackets or a node deeper than
///   `maxDepth`, more than `maxExpandedNodes` nodes (the checks `YAMLDocument` applies, so an accepted tree needs
///   none of them).
enum JSONNodeParser {
    static func parse(_ text: String, limits: YAMLLimits = .standard) -> Node? {
        guard YamsMark.isAvailable else { return nil }
        var text = text
        return text.withUTF8 { bytes -> Node? in
            guard bytes.count <= limits.maxBytes else { return nil }
            var reader = JSONNodeReader(bytes: bytes, limits: limits)
            return try? reader.document()
        }
    }
}

/// The input is not JSON the fast path takes; why does not matter (the YAML path will say).
struct JSONDecline: Error {}

private let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

/// One pass over the UTF-8 bytes, building nodes as it goes.
private struct JSONNodeReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    /// One per document, as `compose` has: `Constructor.default` builds a new one, with its tables, on every use.
    let constructor = Constructor.default
    var nodesLeft: Int
    var pos = 0
    var line = 1
    var lineStart = 0
    /// UTF-8 continuation bytes passed on the current line: libyaml counts columns in Unicode scalars.
    var continuations = 0
    /// Reused for strings with escapes.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) {
        self.bytes = bytes
        self.maxDepth = limits.maxDepth
        self.nodesLeft = limits.maxExpandedNodes
    }

    mutating func document() throws(JSONDecline) -> Node {
        skipSpace(tabs: false)
        let first = peek()
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { throw JSONDecline() }
        let root = try value(depth: 0)
        skipSpace(tabs: false)
        guard pos == bytes.count else { throw JSONDecline() }
        return root
    }

    // MARK: tokens

    /// The byte at `pos`, or 0 at the end (a raw NUL is never valid JSON either).
    @inline(__always)
    func peek() -> UInt8 { pos < bytes.count ? bytes[pos] : 0 }

    var mark: Mark { YamsMark.make(line: line, column: pos - lineStart - continuations + 1) }

    /// JSON whitespace, counting lines as libyaml does (CR LF, CR and LF each end one line).
    mutating func skipSpace(tabs: Bool = true) {
        while pos < bytes.count {
            switch bytes[pos] {
            case space: pos += 1
            case tab where tabs: pos += 1
            case newline: pos += 1; startLine()
            case carriageReturn:
                pos += 1
                if peek() == newline { pos += 1 }
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

    /// Counts one node at `depth` against the limits `YAMLDocument` checks on composed trees.
    mutating func admit(depth: Int) throws(JSONDecline) {
        nodesLeft -= 1
        if nodesLeft < 0 || depth > maxDepth { throw JSONDecline() }
    }

    /// A mapping or list at `depth` opens bracket level `depth + 1`, which `YAMLDocument` caps at `maxDepth` before
    /// parsing (libyaml recurses per level), even when the bracket is empty.
    func admitBracket(depth: Int) throws(JSONDecline) {
        if depth >= maxDepth { throw JSONDecline() }
    }

    // MARK: values

    mutating func value(depth: Int) throws(JSONDecline) -> Node {
        try admit(depth: depth)
        switch peek() {
        case UInt8(ascii: "{"): return try mapping(depth: depth)
        case UInt8(ascii: "["): return try sequence(depth: depth)
        case quote:
            let mark = self.mark
            return .scalar(.init(try string(), Tag(.str, .basic, constructor), .doubleQuoted, mark))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "t"): return try literal("true")
        case UInt8(ascii: "f"): return try literal("false")
        case UInt8(ascii: "n"): return try literal("null")
        default: throw JSONDecline()
        }
    }

    mutating func mapping(depth: Int) throws(JSONDecline) -> Node {
        try admitBracket(depth: depth)
        let mark = self.mark
        pos += 1
        var pairs: [(Node, Node)] = []
        var keys: [String] = []
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            pos += 1
        } else {
            while true {
                guard peek() == quote else { throw JSONDecline() }
                try admit(depth: depth + 1)
                let keyStart = pos, keyLine = line, keyMark = self.mark
                let key = try string()
                skipSpace()
                // libyaml drops a simple key that is not on one line with its `:` or more than 1024 characters
                // before it; bytes are never fewer than characters, so this errs on the side of declining.
                guard peek() == UInt8(ascii: ":"), line == keyLine, pos - keyStart <= 1024 else { throw JSONDecline() }
                pos += 1
                skipSpace()
                let value = try value(depth: depth + 1)
                pairs.append((.scalar(.init(key, Tag(.str, .basic, constructor), .doubleQuoted, keyMark)), value))
                keys.append(key)
                skipSpace()
                let next = peek()
                pos += 1
                if next == UInt8(ascii: ",") { skipSpace(); continue }
                if next == UInt8(ascii: "}") { break }
                throw JSONDecline()
            }
            if hasDuplicate(keys) { throw JSONDecline() }
        }
        // The style is `.any`: Yams reads it from libyaml's mapping-end event, which carries none.
        return .mapping(.init(pairs, Tag(.implicit, .basic, constructor), .any, mark))
    }

    mutating func sequence(depth: Int) throws(JSONDecline) -> Node {
        try admitBracket(depth: depth)
        let mark = self.mark
        pos += 1
        var nodes: [Node] = []
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            pos += 1
        } else {
            while true {
                nodes.append(try value(depth: depth + 1))
                skipSpace()
                let next = peek()
                pos += 1
                if next == UInt8(ascii: ",") { skipSpace(); continue }
                if next == UInt8(ascii: "]") { break }
                throw JSONDecline()
            }
        }
        return .sequence(.init(nodes, Tag(.implicit, .basic, constructor), .any, mark))
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written: a plain scalar.
    mutating func number() throws(JSONDecline) -> Node {
        let mark = self.mark
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
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        return .scalar(.init(text, Tag(.implicit, .basic, constructor), .plain, mark))
    }

    /// One or more ASCII digits.
    mutating func digits() throws(JSONDecline) {
        let start = pos
        while case UInt8(ascii: "0")...UInt8(ascii: "9") = peek() { pos += 1 }
        if pos == start { throw JSONDecline() }
    }

    mutating func literal(_ word: StaticString) throws(JSONDecline) -> Node {
        let mark = self.mark
        let count = word.utf8CodeUnitCount
        guard pos + count <= bytes.count else { throw JSONDecline() }
        for i in 0..<count where bytes[pos + i] != word.utf8Start[i] { throw JSONDecline() }
        pos += count
        return .scalar(.init(word.description, Tag(.implicit, .basic, constructor), .plain, mark))
    }

    // MARK: strings

    /// The string at `pos` (its opening quote), unescaped. Strings without escapes are one copy of their bytes.
    mutating func string() throws(JSONDecline) -> String {
        pos += 1
        let start = pos
        while pos < bytes.count {
            let b = bytes[pos]
            if b == quote {
                defer { pos += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
            }
            if b == backslash { return try escapedString(from: start) }
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
    mutating func escapedString(from start: Int) throws(JSONDecline) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        while pos < bytes.count {
            let b = bytes[pos]
            if b == quote {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b == backslash {
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
        case quote, backslash, UInt8(ascii: "/"): unescaped = bytes[pos + 1]
        case UInt8(ascii: "b"): unescaped = 0x08
        case UInt8(ascii: "f"): unescaped = 0x0C
        case UInt8(ascii: "n"): unescaped = 0x0A
        case UInt8(ascii: "r"): unescaped = 0x0D
        case UInt8(ascii: "t"): unescaped = 0x09
        case UInt8(ascii: "u"):
            guard pos + 6 <= bytes.count else { throw JSONDecline() }
            var code: UInt32 = 0
            for i in pos + 2..<pos + 6 { code = code << 4 | (try hexValue(bytes[i])) }
            // libyaml refuses surrogate code points, paired or not: leave the error to it. U+FEFF: see the type.
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

private func hasDuplicate(_ keys: [String]) -> Bool {
    // Swift string equality (canonical equivalence) is what Yams's duplicate check uses, through `Node ==`.
    if keys.count <= 8 {
        for i in keys.indices.dropFirst() where keys[..<i].contains(keys[i]) { return true }
        return false
    }
    return Set(keys).count != keys.count
}
