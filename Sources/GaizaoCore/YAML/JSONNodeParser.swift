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
            var reader = JSONNodeReader(scanner: JSONScanner(bytes: bytes), limits: limits)
            return try? reader.document()
        }
    }
}

/// One pass over the UTF-8 bytes, building nodes as it goes.
private struct JSONNodeReader {
    var scanner: JSONScanner
    let maxDepth: Int
    /// One per document, as `compose` has: `Constructor.default` builds a new one, with its tables, on every use.
    let constructor = Constructor.default
    var nodesLeft: Int

    init(scanner: JSONScanner, limits: YAMLLimits) {
        self.scanner = scanner
        self.maxDepth = limits.maxDepth
        self.nodesLeft = limits.maxExpandedNodes
    }

    mutating func document() throws(JSONDecline) -> Node {
        scanner.skipSpace(tabs: false)
        let first = scanner.peek()
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { throw JSONDecline() }
        let root = try value(depth: 0)
        scanner.skipSpace(tabs: false)
        guard scanner.pos == scanner.bytes.count else { throw JSONDecline() }
        return root
    }

    var mark: Mark { YamsMark.make(line: scanner.line, column: scanner.column) }

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
        let mark = self.mark
        switch scanner.peek() {
        case UInt8(ascii: "{"): return try mapping(depth: depth)
        case UInt8(ascii: "["): return try sequence(depth: depth)
        case JSONScanner.quote: return .scalar(.init(try scanner.string(), Tag(.str, .basic, constructor), .doubleQuoted, mark))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            // Kept as written: a plain scalar.
            return plain(scanner.text(try scanner.numberToken()), mark)
        case UInt8(ascii: "t"): try scanner.literal("true"); return plain("true", mark)
        case UInt8(ascii: "f"): try scanner.literal("false"); return plain("false", mark)
        case UInt8(ascii: "n"): try scanner.literal("null"); return plain("null", mark)
        default: throw JSONDecline()
        }
    }

    func plain(_ text: String, _ mark: Mark) -> Node {
        .scalar(.init(text, Tag(.implicit, .basic, constructor), .plain, mark))
    }

    mutating func mapping(depth: Int) throws(JSONDecline) -> Node {
        try admitBracket(depth: depth)
        let mark = self.mark
        scanner.pos += 1
        var pairs: [(Node, Node)] = []
        var keys: [String] = []
        scanner.skipSpace()
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.pos += 1
        } else {
            repeat {
                guard scanner.peek() == JSONScanner.quote else { throw JSONDecline() }
                try admit(depth: depth + 1)
                let keyStart = scanner.pos, keyLine = scanner.line, keyMark = self.mark
                let key = try scanner.string()
                try scanner.colonAfterKey(keyStart: keyStart, keyLine: keyLine)
                let value = try value(depth: depth + 1)
                pairs.append((.scalar(.init(key, Tag(.str, .basic, constructor), .doubleQuoted, keyMark)), value))
                keys.append(key)
            } while try scanner.nextMember(close: UInt8(ascii: "}"))
            if hasDuplicate(keys) { throw JSONDecline() }
        }
        // The style is `.any`: Yams reads it from libyaml's mapping-end event, which carries none.
        return .mapping(.init(pairs, Tag(.implicit, .basic, constructor), .any, mark))
    }

    mutating func sequence(depth: Int) throws(JSONDecline) -> Node {
        try admitBracket(depth: depth)
        let mark = self.mark
        scanner.pos += 1
        var nodes: [Node] = []
        scanner.skipSpace()
        if scanner.peek() == UInt8(ascii: "]") {
            scanner.pos += 1
        } else {
            repeat {
                nodes.append(try value(depth: depth + 1))
            } while try scanner.nextMember(close: UInt8(ascii: "]"))
        }
        return .sequence(.init(nodes, Tag(.implicit, .basic, constructor), .any, mark))
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
