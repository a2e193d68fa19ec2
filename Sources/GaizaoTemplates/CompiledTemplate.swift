/// A Mustache template compiled to a tree of nodes, rendered by `CompiledTemplateSet` over `TemplateValue`s.
///
/// Why its own parser and renderer: swift-mustache looks every tag up through dynamic casts and escapes HTML
/// character by character (about 2 µs per tag, milliseconds per document), and it has no bound on recursion,
/// output or time. This parser mirrors swift-mustache's (the same tokens, the same standalone-line and whitespace
/// rules) for the subset gaizao supports: variables, `{{{ }}}`/`{{& }}`, dotted names and `.`, sections, inverted
/// sections, comments, static partials with indentation, set delimiters and the CONTENT_TYPE pragma. Template
/// inheritance, dynamic partials and transforms are refused with a located `SyntaxError`. A differential test
/// holds the rendered bytes equal to swift-mustache's over generated templates and values.
public struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        /// Literal text, as the UTF-8 bytes it renders to (appended with one copy).
        case text([UInt8])
        case variable(path: NamePath, escaped: Bool)
        case section(path: NamePath, inverted: Bool, body: [Node])
        case partial(name: String, indentation: String?)
        case contentType(text: Bool)
    }

    let nodes: [Node]

    /// Compiles `text`, or returns nil when it does not parse or uses a feature gaizao does not render.
    public static func compile(_ text: String) -> CompiledTemplate? {
        try? parse(text).get().template
    }

    /// A parsed template and what the checks need of it: the partials it includes, where, and at which section
    /// depth, and how deep its own sections nest.
    public struct Parsed: Sendable {
        /// One `{{> name}}` tag.
        public struct Include: Sendable {
            public var name: String
            public var line: Int
            public var column: Int
            /// Sections open around the tag.
            public var depth: Int
        }
        /// A tag at a 1-based line and column, for the checks that look at tags of one kind.
        public struct Tag: Sendable {
            public var name: String
            public var line: Int
            public var column: Int
        }
        public var template: CompiledTemplate
        /// Every partial tag, in file order.
        public var includes: [Include]
        /// How deep the template's own sections nest.
        public var maxDepth: Int
        /// Every `{{{name}}}` and `{{&name}}` tag (output not HTML-escaped), in file order; `name` as written.
        public var unescaped: [Tag] = []
        /// Every `{{% CONTENT_TYPE: TEXT}}` pragma (HTML escaping off from there on), in file order.
        public var textPragmas: [Tag] = []
        /// True when the template has a `{{% CONTENT_TYPE: TEXT}}` pragma.
        public var hasTextPragma: Bool { !textPragmas.isEmpty }
    }

    /// Why a template does not parse, at a 1-based line and column (columns count characters).
    public struct SyntaxError: Error, Sendable {
        public var message: String
        public var line: Int
        public var column: Int
        /// A Mustache feature gaizao does not render (inheritance, dynamic partials, transforms), as opposed to
        /// text that is not Mustache at all.
        public var unsupported: Bool
    }

    /// The one parser of templates: `lint --templates` checks what it reads, and the renderer renders it. Linear
    /// in the template's length.
    public static func parse(_ text: String) -> Result<Parsed, SyntaxError> {
        var parser = TemplateParser(text)
        do {
            let nodes = try parser.parse(section: nil, newLine: true)
            return .success(Parsed(template: CompiledTemplate(nodes: nodes),
                                   includes: parser.includes.map { Parsed.Include(name: $0.name, line: $0.position.line, column: $0.position.column, depth: $0.depth) },
                                   maxDepth: parser.maxDepth,
                                   unescaped: parser.unescaped.map { Parsed.Tag(name: $0.name, line: $0.position.line, column: $0.position.column) },
                                   textPragmas: parser.textPragmas.map { Parsed.Tag(name: "CONTENT_TYPE: TEXT", line: $0.line, column: $0.column) }))
        } catch let error as TemplateParser.Unsupported {
            let position = parser.position(of: error.index)
            return .failure(SyntaxError(message: error.message, line: position.line, column: position.column, unsupported: error.unsupported))
        } catch {
            return .failure(SyntaxError(message: "\(error)", line: 1, column: 1, unsupported: false))
        }
    }
}

/// Mirrors `MustacheTemplate.parse` of swift-mustache 2 for the supported subset, set delimiters included (scoped
/// to the section they appear in, as swift-mustache scopes them).
private struct TemplateParser {
    /// Why parsing stopped, at character index `index`.
    struct Unsupported: Error {
        var message: String
        var index: Int
        var unsupported = false
    }

    static let badName = "a tag is not closed or its name is not valid (tag names are ASCII letters, digits, `.`, `-`, `_`)"

    let source: String
    /// The template's characters (grapheme clusters, as swift-mustache reads it) ...
    let chars: [Character]
    /// ... and where each starts in `source` (with `source.endIndex` last), so that text between two character
    /// positions is copied as a substring rather than rebuilt character by character.
    let starts: [String.Index]
    var i = 0
    /// The current delimiters: `{{` and `}}` until a `{{=<% %>=}}` tag changes them.
    var open: [Character] = ["{", "{"]
    var close: [Character] = ["}", "}"]
    /// Every partial tag, in order: its name, where (a character index until `position(of:)`), its depth.
    var includes: [(name: String, position: (line: Int, column: Int), depth: Int)] = []
    var maxDepth = 0
    /// Every unescaped variable tag (`{{{name}}}`, `{{&name}}`): the name as written and where.
    var unescaped: [(name: String, position: (line: Int, column: Int))] = []
    /// Where each `{{% CONTENT_TYPE: TEXT}}` pragma is.
    var textPragmas: [(line: Int, column: Int)] = []
    /// Where each tag starts, for messages.
    var tagStart = 0

    init(_ source: String) {
        self.source = source
        var chars: [Character] = [], starts: [String.Index] = []
        chars.reserveCapacity(source.utf8.count)
        starts.reserveCapacity(source.utf8.count + 1)
        var index = source.startIndex
        while index < source.endIndex {
            starts.append(index)
            chars.append(source[index])
            index = source.index(after: index)
        }
        starts.append(source.endIndex)
        self.chars = chars
        self.starts = starts
    }

    /// The characters from position `start` up to (not including) `end`.
    func text(_ start: Int, _ end: Int) -> String { String(source[starts[start]..<starts[end]]) }

    func fail(_ message: String, at index: Int? = nil, unsupported: Bool = false) -> Unsupported {
        Unsupported(message: message, index: index ?? i, unsupported: unsupported)
    }

    /// 1-based line and column of character `index`. Positions are worked out only for messages and includes,
    /// from the last one asked for, so the whole parse stays linear.
    private var lastPosition = (index: 0, line: 1, column: 1)
    mutating func position(of index: Int) -> (line: Int, column: Int) {
        var (k, line, column) = lastPosition.index <= index ? lastPosition : (0, 1, 1)
        while k < min(index, chars.count) {
            if chars[k].isNewline { line += 1; column = 1 } else { column += 1 }
            k += 1
        }
        lastPosition = (k, line, column)
        return (line, column)
    }

    func matches(_ delimiter: [Character], at index: Int) -> Bool {
        guard index + delimiter.count <= chars.count else { return false }
        for (k, c) in delimiter.enumerated() where chars[index + k] != c { return false }
        return true
    }

    static let nameChars = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    static let partialNameChars = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*/")

    /// Sections open around the current position.
    var depth = 0

    var atEnd: Bool { i >= chars.count }
    var current: Character { atEnd ? "\0" : chars[i] }

    mutating func parse(section: [String]?, newLine startsOnNewLine: Bool) throws -> [CompiledTemplate.Node] {
        var nodes: [CompiledTemplate.Node] = []
        var newLine = startsOnNewLine
        var whiteSpaceBefore = ""
        func text(_ s: String) -> CompiledTemplate.Node { .text(Array(s.utf8)) }
        while !atEnd {
            if newLine { whiteSpaceBefore = read { $0 == " " || $0 == "\t" } }
            let plain = readUntilTagOrNewline()
            if current.isNewline {
                nodes.append(text(whiteSpaceBefore + plain + String(current)))
                newLine = true
                i += 1
                continue
            }
            if !plain.isEmpty {
                nodes.append(text(whiteSpaceBefore + plain))
                whiteSpaceBefore = ""
                newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                i += 1
                let path = try name()
                if standalone(newLine) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                // Deeper than the checks allow (parsing it would overflow the stack).
                guard depth < TemplateLimits.maxSectionDepth else {
                    throw fail("sections nested more than \(TemplateLimits.maxSectionDepth) deep", at: tagStart)
                }
                depth += 1
                maxDepth = max(maxDepth, depth)
                let delimiters = (open, close)
                let body = try parse(section: path, newLine: setNewLine ? newLine : false)
                (open, close) = delimiters
                depth -= 1
                nodes.append(.section(path: NamePath(path), inverted: inverted, body: body))
            case "/":
                i += 1
                let closeAt = tagStart
                guard try name() == section else { throw fail("the closing tag does not match the open section", at: closeAt) }
                if standalone(newLine) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                return nodes
            case "!":
                i += 1
                try skipComment()
                setNewLine = standalone(newLine)
            case "{", "&":
                let triple = current == "{"
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                i += 1
                let unescapedAt = tagStart
                let path = try name()
                if triple {
                    guard current == "}" else { throw fail(Self.badName) }
                    i += 1
                }
                let written = path.count > 1 && path[0] == "." ? "." + path.dropFirst().joined(separator: ".") : path.joined(separator: ".")
                unescaped.append((triple ? "{\(written)}" : "&" + written, position(of: unescapedAt)))
                nodes.append(.variable(path: NamePath(path), escaped: false))
            case ">":
                i += 1
                _ = read { $0.isWhitespace }
                guard current != "*" else {
                    throw fail("dynamic partials ({{>*name}}) are not supported: name the partial", at: tagStart, unsupported: true)
                }
                let partial = read { Self.partialNameChars.contains($0) }
                _ = read { $0.isWhitespace }
                let partialAt = tagStart
                try expectClose()
                includes.append((partial, position(of: partialAt), depth))
                if !whiteSpaceBefore.isEmpty { nodes.append(text(whiteSpaceBefore)) }
                if standalone(newLine) {
                    setNewLine = true
                    nodes.append(.partial(name: partial, indentation: whiteSpaceBefore))
                } else {
                    nodes.append(.partial(name: partial, indentation: nil))
                }
                whiteSpaceBefore = ""
            case "%":
                i += 1
                let pragmaAt = tagStart
                let isText = try pragma()
                if isText { textPragmas.append(position(of: pragmaAt)) }
                nodes.append(.contentType(text: isText))
                setNewLine = standalone(newLine)
            case "=":
                i += 1
                try setDelimiters()
                setNewLine = standalone(newLine)
            case "<":
                throw fail("template inheritance ({{<name}}) is not supported: include partials with {{>name}}", at: tagStart, unsupported: true)
            case "$":
                throw fail("blocks ({{$name}}) of template inheritance are not supported", at: tagStart, unsupported: true)
            default:
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                nodes.append(.variable(path: NamePath(try name()), escaped: true))
            }
            newLine = setNewLine
        }
        guard section == nil else { throw fail("a section is never closed (missing {{/name}})") }
        return nodes
    }

    /// `=<% %>=` after the opening delimiter: the new delimiters, each non-empty and without whitespace.
    mutating func setDelimiters() throws {
        let bad = fail("a set-delimiter tag is badly formed", at: tagStart)
        _ = read { $0.isWhitespace }
        let start = read { !$0.isWhitespace }
        _ = read { $0.isWhitespace }
        let end = read { $0 != "=" && !$0.isWhitespace }
        _ = read { $0.isWhitespace }
        guard current == "=", !start.isEmpty, !end.isEmpty else { throw bad }
        i += 1
        guard matches(close, at: i) else { throw bad }
        i += close.count
        open = Array(start)
        close = Array(end)
    }

    mutating func read(while predicate: (Character) -> Bool) -> String {
        let start = i
        while !atEnd, predicate(chars[i]) { i += 1 }
        return text(start, i)
    }

    /// Text up to a newline (not consumed) or up to and including the opening delimiter.
    mutating func readUntilTagOrNewline() -> String {
        let start = i
        while !atEnd {
            let c = chars[i]
            if c == "\n" || c == "\r\n" { break }
            if c == open[0], matches(open, at: i) {
                let plain = text(start, i)
                tagStart = i
                i += open.count
                return plain
            }
            i += 1
        }
        return text(start, i)
    }

    /// A tag name split on dots; `.` alone is the current object.
    mutating func name() throws -> [String] {
        _ = read { $0.isWhitespace }
        let text = read { Self.nameChars.contains($0) }
        _ = read { $0.isWhitespace }
        if current == "(" { throw fail("transforms (name(value)) are not supported", at: tagStart, unsupported: true) }
        try expectClose()
        if text == "." { return ["."] }
        if text.hasPrefix(".") { return ["."] + text.split(separator: ".").map(String.init) }
        return text.split(separator: ".").map(String.init)
    }

    mutating func expectClose() throws {
        guard matches(close, at: i) else { throw fail(Self.badName) }
        i += close.count
    }

    mutating func skipComment() throws {
        while !atEnd {
            if matches(close, at: i) {
                i += close.count
                return
            }
            i += 1
        }
        throw fail("a comment is never closed", at: tagStart)
    }

    /// `{{% CONTENT_TYPE: TEXT|HTML}}`: true for TEXT.
    mutating func pragma() throws -> Bool {
        _ = read { $0.isWhitespace }
        let variable = read { Self.nameChars.contains($0) }
        _ = read { $0.isWhitespace }
        let badPragma = fail("a pragma is badly formed; write {{% CONTENT_TYPE: TEXT}}", at: tagStart)
        guard current == ":" else { throw badPragma }
        i += 1
        _ = read { $0.isWhitespace }
        let value = read { Self.nameChars.contains($0) }
        _ = read { $0.isWhitespace }
        guard matches(close, at: i) else { throw badPragma }
        i += close.count
        guard variable == "CONTENT_TYPE", value == "TEXT" || value == "HTML" else {
            throw fail("unknown pragma; the only one is {{% CONTENT_TYPE: TEXT|HTML}}", at: tagStart)
        }
        return value == "TEXT"
    }

    /// At the start of a line, is the rest of the line blank? If so, consume it with its newline.
    mutating func standalone(_ newLine: Bool) -> Bool {
        guard newLine else { return false }
        if atEnd { return true }
        var j = i
        while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
        if j < chars.count, chars[j].isNewline {
            i = j + 1
            return true
        }
        return false
    }
}
