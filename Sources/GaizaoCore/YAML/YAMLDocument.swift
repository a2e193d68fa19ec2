import Yams

/// One text file handed to the core by the CLI (the core never touches the file system).
public struct SourceFile: Sendable, Hashable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Limits that keep hostile YAML from exhausting time or memory.
public struct YAMLLimits: Sendable {
    public var maxBytes: Int = 4 << 20
    /// Nodes visited when aliases are expanded (a "billion laughs" document stops here).
    public var maxExpandedNodes: Int = 500_000
    public var maxDepth: Int = 64

    public init() {}
    public static let standard = YAMLLimits()
}

/// Parses YAML into a `Node` tree with marks, turning every failure into a located diagnostic.
public enum YAMLDocument {
    static func parse(_ file: SourceFile, limits: YAMLLimits = .standard, into bag: inout DiagnosticBag) -> Node? {
        let start = SourceLocation(file: file.path, line: 1, column: 1)
        if file.text.utf8.count > limits.maxBytes {
            bag.error("file is \(file.text.utf8.count) bytes, more than the limit of \(limits.maxBytes)", at: start)
            return nil
        }
        if let nul = firstNUL(in: file.text) {
            bag.error("file holds a NUL byte: not a text file", at: SourceLocation(file: file.path, line: nul.line, column: nul.column))
            return nil
        }
        if let deep = firstExcessiveFlowDepth(in: file.text, limit: limits.maxDepth) {
            bag.error("nesting deeper than \(limits.maxDepth) levels", at: SourceLocation(file: file.path, line: deep.line, column: deep.column))
            return nil
        }
        let root: Node?
        do {
            // UTF-8 named, not `.default`: that reads the whole environment on every call (a sixth of a JSON
            // Lines record's decoding) and lets YAMS_DEFAULT_ENCODING print to standard output.
            root = try Yams.compose(yaml: file.text, .basic, .default, .utf8)
        } catch let error as YamlError {
            // libyaml's marks, at the lines and columns an editor shows (`EditorPositions`).
            let positions = EditorPositions(file.text)
            func editor(_ mark: Mark?) -> (line: Int, column: Int) {
                positions?.position(line: mark?.line ?? 1, column: mark?.column ?? 1) ?? (mark?.line ?? 1, mark?.column ?? 1)
            }
            if case let .duplicatedKeysInMapping(duplicates, context) = error, let key = duplicates.first,
               case let firstAt = editor(context.mark),
               let again = secondOccurrence(of: key, afterLine: firstAt.line, column: firstAt.column, in: file.text) {
                // At the repeated key, which is the one to remove or rename; the first is named in the message.
                let first = again.line == firstAt.line ? "column \(firstAt.column)" : "line \(firstAt.line)"
                bag.error("duplicate key \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) (first at \(first))",
                          at: SourceLocation(file: file.path, line: again.line, column: again.column))
                return nil
            }
            // A character the YAML reader refuses (an escape sequence's ESC, a DEL) was reported at 1:1, as libyaml
            // refuses it while it reads ahead: found here, where it is, as the NUL above.
            if case .reader = error, let refused = firstRefusedCharacter(in: file.text) {
                let what = refused.scalar.properties.generalCategory == .control ? "the control character" : "the character"
                bag.error("\(what) \(ControlCharacters.name(refused.scalar)) is not allowed in a YAML file: remove it",
                          at: SourceLocation(file: file.path, line: refused.line, column: refused.column))
                return nil
            }
            let (message, mark) = describe(error, limits: limits)
            let at = editor(mark)
            // A tab in a line's indentation (an editor set to insert tabs) gets the parser's words for it, which
            // no one reads as "tab": say it, at the tab.
            if mark != nil, let column = tabInIndentation(line: at.line, of: file.text) {
                bag.error("a tab indents this line: YAML is indented with spaces only (replace the tab with spaces)",
                          at: SourceLocation(file: file.path, line: at.line, column: column))
                return nil
            }
            bag.error(message, at: SourceLocation(file: file.path, line: at.line, column: at.column))
            // The likely cause when the file holds a line break that its editor does not show.
            if let found = positions?.firstBreak {
                bag.warning("\(ControlCharacters.name(found.scalar)) here is a line break to YAML, though editors show none: replace it with a space or a real line break",
                            at: SourceLocation(file: file.path, line: found.line, column: found.column))
            }
            return nil
        } catch {
            bag.error("cannot parse YAML: \(error)", at: start)
            return nil
        }
        guard let root else {
            bag.error("file is empty", at: start)
            return nil
        }
        var walk = TreeWalk(budget: limits.maxExpandedNodes, maxDepth: limits.maxDepth,
                            checksTags: contains(UInt8(ascii: "!"), in: file.text))
        switch walk.visit(root, depth: 0) {
        case nil:
            break
        case let .tooDeep(node)?:
            bag.error("nesting deeper than \(limits.maxDepth) levels", at: node.location(in: file.path))
            return nil
        case .tooLarge?:
            bag.error("document too large once aliases are expanded (more than \(limits.maxExpandedNodes) nodes)", at: start)
            return nil
        }
        if let tagged = walk.firstUnsupportedTag {
            bag.error("the YAML tag `\(shortTag(tagged.tag))` is not supported: write the value without a tag",
                      at: tagged.node.location(in: file.path))
            return nil
        }
        return root
    }

    /// The column of the first tab among the spaces, tabs and `- ` that start line `line` (1-based), or nil.
    static func tabInIndentation(line: Int, of text: String) -> Int? {
        guard line >= 1 else { return nil }
        var current = 1, column = 1
        for scalar in text.unicodeScalars {
            if current > line { break }
            if scalar == "\n" { current += 1; column = 1; continue }
            guard current == line else { continue }
            if scalar == "\t" { return column }
            if scalar != " " && scalar != "-" { return nil }
            column += 1
        }
        return nil
    }

    /// Tags that only restate what the reader does anyway; any other (`!!binary`, `!!python/object`, `!custom`)
    /// would be silently dropped, so it is an error.
    static let harmlessTags: Set<String> = ["str", "seq", "map", "int", "float", "bool", "null"].reduce(into: []) {
        $0.insert("tag:yaml.org,2002:" + $1)
    }

    /// The tag as written when the reader does not honour it, else nil. Reads the tag as written (`Node.tag`
    /// would resolve implicit tags in place, changing the tree).
    static func unsupported(_ tag: Tag) -> String? {
        let written = tag.description
        return written.isEmpty || written == "!" || harmlessTags.contains(written) ? nil : written
    }

    /// `!!binary` for `tag:yaml.org,2002:binary`, as the file writes it.
    static func shortTag(_ tag: String) -> String {
        tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
    }

    /// Where a duplicated key occurs again after its first occurrence at `first`: the next line that has the key
    /// at the same column (block mappings), else the next occurrence of the key's text (flow mappings); nil when
    /// neither is found.
    static func secondOccurrence(of key: String, afterLine firstLine: Int, column firstColumn: Int, in text: String) -> (line: Int, column: Int)? {
        let first = (line: firstLine, column: firstColumn)
        let lines = yamlLines(text)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let forms = [key, "\"" + key + "\"", "'" + key + "'"]
        for (i, line) in lines.enumerated().dropFirst(first.line) {
            let scalars = Array(line.unicodeScalars)
            guard scalars.count >= first.column else { continue }
            let rest = String(String.UnicodeScalarView(scalars[(first.column - 1)...]))
            let indent = scalars[..<(first.column - 1)].allSatisfy { $0 == " " || $0 == "-" }
            if indent, forms.contains(where: { rest.hasPrefix($0) && rest.dropFirst($0.count).drop(while: { $0 == " " }).hasPrefix(":") }) {
                return (i + 1, first.column)
            }
        }
        // Flow mapping: the next occurrence after the first one, on its line or later.
        var skipFirst = true
        for (i, line) in lines.enumerated().dropFirst(first.line - 1) {
            let scalars = Array(line.unicodeScalars)
            var from = i == first.line - 1 ? min(max(first.column - 1, 0), scalars.count) : 0
            while from < scalars.count {
                let tail = String(String.UnicodeScalarView(scalars[from...]))
                // The earliest of the key's forms from here (the quoted forms before the bare one at equal places).
                let matches = forms.reversed().compactMap { form in
                    tail.range(of: form).map { (tail.unicodeScalars.distance(from: tail.unicodeScalars.startIndex, to: $0.lowerBound), form) }
                }
                guard let (offset, form) = matches.min(by: { $0.0 < $1.0 }) else { break }
                if skipFirst {
                    skipFirst = false
                    from += offset + form.unicodeScalars.count
                    continue
                }
                return (i + 1, from + offset + 1)
            }
        }
        return nil
    }

    /// The lines of `text` as the YAML parser counts them: broken at LF, CRLF and a lone CR (`SourceLines`).
    /// (Splitting the `String` at "\n" splits no CRLF file at all, a CRLF being one `Character`: a key repeated in
    /// a file saved on Windows was reported at its first occurrence.)
    static func yamlLines(_ text: String) -> [Substring] { SourceLines(text).all }

    private static func describe(_ error: YamlError, limits: YAMLLimits) -> (String, Mark?) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            if problem.contains("Maximum nesting level") { return ("nesting deeper than the YAML parser's limit of 1000 levels", mark) }
            let ctx = context.map { "\($0.text) " } ?? ""
            return ("YAML syntax: \(ctx)\(problem)", mark)
        case let .reader(problem, _, _, _):
            return ("YAML reader: \(problem)", nil)
        case let .duplicatedKeysInMapping(duplicates, context):
            return ("duplicate key \(duplicates.map { "`\($0)`" }.joined(separator: ", "))", context.mark)
        default:
            return ("cannot parse YAML: \(error)", nil)
        }
    }

    private enum Excess {
        case tooDeep(Node)
        case tooLarge
    }

    /// One walk over the tree as aliases expand it (a "billion laughs" document is small as text but huge once
    /// expanded): stops at the first node nested too deep or once the node budget runs out, and notes the first
    /// node (in document order, keys before values) with a tag the reader does not honour.
    private struct TreeWalk {
        var budget: Int
        let maxDepth: Int
        /// Whether nodes may carry a tag: every tag is written with a `!`, so a text without one has none, and
        /// its nodes' tags (a property of a class in Yams, read under a dynamic exclusivity check) are not read.
        let checksTags: Bool
        var firstUnsupportedTag: (node: Node, tag: String)?

        mutating func visit(_ node: Node, depth: Int) -> Excess? {
            budget -= 1
            if budget < 0 { return .tooLarge }
            if depth > maxDepth { return .tooDeep(node) }
            if checksTags, firstUnsupportedTag == nil, let tag = unsupported(node.writtenTag) { firstUnsupportedTag = (node, tag) }
            switch node {
            case .scalar, .alias: return nil
            case let .mapping(m):
                // By index: iterating a `Node.Mapping` first copies all its pairs into a new array.
                for i in m.indices {
                    let pair = m[i]
                    if let excess = visit(pair.key, depth: depth + 1) ?? visit(pair.value, depth: depth + 1) { return excess }
                }
                return nil
            case let .sequence(s):
                for v in s {
                    if let excess = visit(v, depth: depth + 1) { return excess }
                }
                return nil
            }
        }
    }

    /// Whether `text` holds the byte `byte`: a loop over the bytes' span without an early exit, which the
    /// compiler vectorises (the generic `contains` walks the string's iterator byte by byte).
    private static func contains(_ byte: UInt8, in text: String) -> Bool {
        let bytes = text.utf8.span
        var found: UInt8 = 0
        for k in bytes.indices { found |= bytes[k] == byte ? 1 : 0 }
        return found != 0
    }

    /// The first character libyaml's reader refuses, where an editor shows it (lines broken at LF, CRLF and a
    /// lone CR; columns in characters): YAML allows tab, LF, CR, NEL and the printable characters, not the other
    /// control characters (C0, DEL, C1) nor U+FFFE and U+FFFF. Looked for only once the reader has refused one.
    static func firstRefusedCharacter(in text: String) -> (scalar: Unicode.Scalar, line: Int, column: Int)? {
        var line = 1, column = 1
        var previousCR = false
        for s in text.unicodeScalars {
            let v = s.value
            let allowed = v == 0x09 || v == 0x0A || v == 0x0D || (0x20...0x7E).contains(v) || v == 0x85
                || (0xA0...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000
            if !allowed { return (s, line, column) }
            if s == "\n" {
                if !previousCR { line += 1 }
                column = 1
            } else if s == "\r" {
                line += 1; column = 1
            } else {
                column += 1
            }
            previousCR = s == "\r"
        }
        return nil
    }

    private static func firstNUL(in text: String) -> (line: Int, column: Int)? {
        guard contains(0, in: text) else { return nil }
        var line = 1, column = 1
        for s in text.unicodeScalars {
            if s == "\0" { return (line, column) }
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    /// libyaml recurses per nesting level; refuse absurd flow nesting (`[[[[…`) and indentation before parsing.
    static func firstExcessiveFlowDepth(in text: String, limit: Int) -> (line: Int, column: Int)? {
        // Nesting deeper than `limit` needs more than `limit` opening brackets. Most texts have fewer, and one
        // count over the bytes (a loop the compiler vectorises) passes them without the scan below.
        let span = text.utf8.span
        var opening = 0
        for k in span.indices { opening &+= span[k] == UInt8(ascii: "[") || span[k] == UInt8(ascii: "{") ? 1 : 0 }
        if opening <= limit { return nil }
        var copy = text
        return copy.withUTF8 { bytes -> (line: Int, column: Int)? in
            // Bytes, not scalars, for speed; columns count scalars (UTF-8 continuation bytes are skipped).
            var depth = 0, line = 1, column = 0
            var quote: UInt8 = 0
            var comment = false
            for b in bytes {
                if b & 0xC0 != 0x80 { column += 1 }
                if b == 0x0A {
                    line += 1; column = 0; comment = false
                    continue
                }
                if comment { continue }
                if quote != 0 { if b == quote { quote = 0 }; continue }
                switch b {
                case UInt8(ascii: "#"): comment = true
                case UInt8(ascii: "\""), UInt8(ascii: "'"): if depth > 0 { quote = b }
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > limit { return (line, column) }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
                default: break
                }
            }
            return nil
        }
    }
}

extension Node {
    /// The node's tag as the document wrote it (unlike `tag`, which resolves implicit tags).
    var writtenTag: Tag {
        switch self {
        case let .scalar(s): return s.tag
        case let .alias(a): return a.tag
        case let .mapping(m): return m.tag
        case let .sequence(q): return q.tag
        }
    }

    /// 1-based location of this node in `file`.
    func location(in file: String) -> SourceLocation {
        let m = mark
        return SourceLocation(file: file, line: m?.line ?? 1, column: m?.column ?? 1)
    }

    var kindName: String {
        switch self {
        case .scalar: return "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

extension YAMLDocument {
    /// For the benchmark: parsing alone, without the catalog checks.
    public static func parseForBenchmark(_ file: SourceFile, into bag: inout DiagnosticBag) -> Bool {
        parse(file, into: &bag) != nil
    }
}
