import Foundation
import GaizaoTemplates
import Mustache

/// Parses and checks a folder of proposal templates given as in-memory files: each `*.mustache` file is a
/// template named by its path without `.mustache` (`partials/module-card.md`). Problems are located diagnostics.
public enum TemplateChecks {
    public struct Result: Sendable {
        /// The templates that parsed, by name, as swift-mustache reads them (parsed on demand: its parser is
        /// quadratic in a template's length; gaizao's own parser is what checks and renders).
        public var templates: [String: MustacheTemplate] { texts.compactMapValues { try? MustacheTemplate(string: $0) } }
        /// Their texts, by name.
        public var texts: [String: String]
        /// Each template that parsed, compiled by the parser that read it (so a renderer need not parse again).
        public var compiled: [String: CompiledTemplate] = [:]
        public var diagnostics: [Diagnostic]
    }

    /// swift-mustache's parser, whose messages are the established ones for text that is not Mustache, is asked
    /// about a template only up to this size (it is quadratic in the length); beyond, gaizao's parser says why.
    static let maxLibraryParseBytes = 64 << 10

    /// Templates every template folder must hold (what `diagnose` renders).
    public static let required = ["proposal.md", "proposal.html"]

    /// The templates `gaizao compare` renders. Not required for proposals: a contractor's folder copied before
    /// they existed still renders proposals; lint warns that it cannot render comparisons.
    public static let comparison = ["compare.md", "compare.html"]

    /// Sections nested deeper than this are an error: the parsers and the renderer recurse once per level, and
    /// a hostile file nested a hundred thousand deep would overflow the stack. The shipped templates nest 6 deep.
    public static let maxSectionDepth = TemplateLimits.maxSectionDepth

    /// - Parameters:
    ///   - files: relative path → file (its `path` is what diagnostics print).
    ///   - folder: the folder as the user should read it, for problems that have no file.
    ///   - required: templates whose absence is an error.
    ///   - recommended: templates whose absence is a warning.
    ///   - warnings: also look for what is only a warning (unknown `t.` keys, which needs a second scan of every
    ///     template's tags). Every check that can find an error runs either way: a command that renders refuses
    ///     exactly what lint calls an error, and skips only the warnings, which it would not print.
    public static func check(_ files: [String: SourceFile], folder: String, required: [String] = required,
                             recommended: [String] = [], warnings: Bool = true) -> Result {
        var bag = DiagnosticBag()
        var texts: [String: String] = [:]
        var parsed: [String: CompiledTemplate.Parsed] = [:]
        var includes: [String: [(partial: String, location: SourceLocation)]] = [:]
        let names = Dictionary(files.keys.filter { $0.hasSuffix(".mustache") }.map { (String($0.dropLast(".mustache".count)), $0) },
                               uniquingKeysWith: { a, _ in a })
        for (name, relative) in names.sorted(by: { $0.key < $1.key }) {
            let file = files[relative]!
            // A NUL, ESC or other control character in a template was copied into every proposal (lint passed):
            // refused where it is, as in answers and catalog files. Tab, CR and LF are text.
            if let bad = firstControlCharacter(in: file.text) {
                bag.error("the template holds the control character \(ControlCharacters.name(bad.scalar)): remove it (only tab and line breaks are text)",
                          at: SourceLocation(file: file.path, line: bad.line, column: bad.column))
                continue
            }
            // One parser for lint and rendering: what it accepts renders. It stops at `maxSectionDepth`, so it
            // reads a hostile, deeply nested file without overflowing the stack.
            switch CompiledTemplate.parse(file.text) {
            case let .success(template):
                texts[name] = file.text
                parsed[name] = template
            case let .failure(problem):
                let at = SourceLocation(file: file.path, line: problem.line, column: problem.column)
                // Said before asking swift-mustache's parser, which recurses once per level.
                if let tooDeep = tooDeeplyNested(file.text) {
                    bag.error("sections nested more than \(maxSectionDepth) deep", at: tooDeep.location(file.path))
                } else if problem.unsupported {
                    bag.error(problem.message, at: at)
                } else if file.text.utf8.count <= maxLibraryParseBytes, let established = libraryParseError(file) {
                    bag.append(established)
                } else {
                    bag.error("template does not parse: \(problem.message)", at: at)
                }
                continue
            }
            if warnings { checkFixedStrings(file, into: &bag) }
            if name.hasSuffix(".md"), !parsed[name]!.hasTextPragma {
                bag.error("Markdown template without {{% CONTENT_TYPE: TEXT}}: its text would be HTML-escaped (\" as &quot;)",
                          at: SourceLocation(file: file.path, line: 1, column: 1))
            }
            // The partials come from the parser, which also reads templates that change their delimiters.
            includes[name] = parsed[name]!.includes.map { (partial: $0.name, location: SourceLocation(file: file.path, line: $0.line, column: $0.column)) }
            for include in includes[name]! where names[include.partial] == nil {
                bag.error("partial `\(include.partial)` does not exist (expected \(include.partial).mustache)", at: include.location)
            }
        }
        checkEscaping(parsed, paths: names.mapValues { files[$0]!.path }, into: &bag)
        checkPartialCycles(includes, into: &bag)
        if !bag.hasErrors { checkNesting(parsed, includes: includes, into: &bag) }
        for name in required where names[name] == nil {
            bag.error("missing required template \(name).mustache in \(folder)", at: nil)
        }
        for name in recommended where names[name] == nil && !required.contains(name) {
            bag.warning("missing template \(name).mustache in \(folder): `gaizao compare` needs it (copy it from the shipped templates/)", at: nil)
        }
        return Result(texts: texts, compiled: parsed.mapValues(\.template), diagnostics: bag.sorted)
    }

    /// HTML output must escape every value (an enterprise named `<script>` must show as text): in a template
    /// named `*.html`, and in every partial such a template includes, directly or not, a
    /// `{{% CONTENT_TYPE: TEXT}}` pragma and an unescaped tag (`{{{name}}}`, `{{&name}}`) are errors at their tag.
    /// The view model has no pre-rendered HTML (charts are geometry, the stylesheet is the partial's own text),
    /// so no value needs to reach the page unescaped.
    /// The first control character of `text` other than tab, CR and LF, with its 1-based line and column.
    static func firstControlCharacter(in text: String) -> (scalar: Unicode.Scalar, line: Int, column: Int)? {
        guard ControlCharacters.firstForbidden(in: text) != nil else { return nil }
        var line = 1, column = 1
        for s in text.unicodeScalars {
            if s == "\n" { line += 1; column = 1; continue }
            if s != "\r", ControlCharacters.isForbidden(s) { return (s, line, column) }
            column += 1
        }
        return nil
    }

    static func checkEscaping(_ parsed: [String: CompiledTemplate.Parsed], paths: [String: String], into bag: inout DiagnosticBag) {
        // Each HTML template, with the `*.html` template that includes it when its own name does not say HTML.
        var html: [String: String?] = [:]
        var pending = parsed.keys.filter { $0.hasSuffix(".html") }.sorted().reversed().map { ($0, String?.none) }
        while let next = pending.popLast() {
            let (name, from) = next
            guard html[name] == nil, let template = parsed[name] else { continue }
            html[name] = .some(from)
            for include in template.includes where html[include.name] == nil {
                pending.append((include.name, Optional(from ?? name)))
            }
        }
        for name in html.keys.sorted() {
            guard let template = parsed[name], let path = paths[name] else { continue }
            let via = name.hasSuffix(".html") ? "" : html[name]!.map { " (it is part of the HTML of \($0))" } ?? ""
            for tag in template.textPragmas {
                bag.error("{{% CONTENT_TYPE: TEXT}} in an HTML template turns HTML escaping off: a value such as an enterprise named <script> would reach the page as markup\(via); remove the pragma",
                          at: SourceLocation(file: path, line: tag.line, column: tag.column))
            }
            for tag in template.unescaped {
                let plain = tag.name.hasPrefix("{") ? String(tag.name.dropFirst().dropLast()) : String(tag.name.dropFirst())
                bag.error("{{\(tag.name)}} does not HTML-escape its value: a value such as an enterprise named <script> would reach the page as markup\(via); write {{\(plain)}}",
                          at: SourceLocation(file: path, line: tag.line, column: tag.column))
            }
        }
    }

    /// swift-mustache's message for a template that is not Mustache, or nil when it parses it.
    static func libraryParseError(_ file: SourceFile) -> Diagnostic? {
        do {
            _ = try MustacheTemplate(string: file.text)
            return nil
        } catch let error as MustacheTemplate.ParserError {
            return Diagnostic(.error, "template does not parse: \(describe(error.error))",
                              at: SourceLocation(file: file.path, line: error.context.lineNumber, column: error.context.columnNumber))
        } catch {
            return Diagnostic(.error, "template does not parse: \(error)", at: SourceLocation(file: file.path, line: 1, column: 1))
        }
    }

    /// Sections and partials nest into one another when rendered; more than `maxSectionDepth` levels in all
    /// (a partial's sections counted below the tag that includes it) is an error, as for one template: the
    /// renderer recurses once per level. The partials must not form a cycle.
    static func checkNesting(_ parsed: [String: CompiledTemplate.Parsed],
                             includes: [String: [(partial: String, location: SourceLocation)]], into bag: inout DiagnosticBag) {
        var memo: [String: Int] = [:]
        func depth(_ name: String) -> Int {
            if let known = memo[name] { return known }
            guard let template = parsed[name] else { return 0 }
            var deepest = template.maxDepth
            for include in template.includes where parsed[include.name] != nil {
                deepest = max(deepest, include.depth + 1 + depth(include.name))
            }
            memo[name] = deepest
            return deepest
        }
        for name in parsed.keys.sorted() where depth(name) > maxSectionDepth {
            let deepest = parsed[name]!.includes.max { a, b in a.depth + depth(a.name) < b.depth + depth(b.name) }
            let at = deepest.flatMap { d in includes[name]?.first { $0.partial == d.name }?.location }
            bag.error("template \(name) nests sections and partials more than \(maxSectionDepth) deep in all: the renderer would overflow its stack",
                      at: at)
            return
        }
    }

    static func describe(_ error: Error) -> String {
        guard let e = error as? MustacheTemplate.Error else { return "\(error)" }
        switch e {
        case .sectionCloseNameIncorrect: return "the closing tag does not match the open section"
        case .unfinishedName:
            return "a tag is not closed or its name is not valid (tag names are ASCII letters, digits, `.`, `-`, `_`)"
        case .expectedSectionEnd: return "a section is never closed (missing {{/name}})"
        case .invalidSetDelimiter: return "a set-delimiter tag is badly formed"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only blocks may appear inside an inheriting partial"
        case .textInsideInheritSection: return "text may not appear inside an inheriting partial"
        case .invalidConfigVariableSyntax: return "a pragma is badly formed; write {{% CONTENT_TYPE: TEXT}}"
        case .unrecognisedConfigVariable: return "unknown pragma; the only one is {{% CONTENT_TYPE: TEXT|HTML}}"
        }
    }

    /// Fixed strings (`{{t.key}}`) must exist: a warning at each unknown key. Reads the tags on the standard
    /// delimiters; a template that changes its delimiters is beyond this simple scanner.
    static func checkFixedStrings(_ file: SourceFile, into bag: inout DiagnosticBag) {
        let tags = scanTags(file.text)
        if tags.contains(where: { $0.body.hasPrefix("=") }) { return }
        let strings = RenderStrings.keys
        for tag in tags {
            let body = tag.body
            if body.hasPrefix(">") { continue }
            var key = Substring(body)
            if let first = key.first, "#^/&{".contains(first) { key = key.dropFirst() }
            if key.hasSuffix("}") { key = key.dropLast() }
            let trimmed = key.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("t."), !strings.contains(String(trimmed.dropFirst(2))) {
                bag.warning("unknown fixed string `\(trimmed)`; see RenderStrings for the keys", at: tag.location(file.path))
            }
        }
    }

    /// A partial that includes itself, directly or through others, would render forever (and overflow the
    /// stack): an error at the tag that closes the cycle.
    static func checkPartialCycles(_ includes: [String: [(partial: String, location: SourceLocation)]], into bag: inout DiagnosticBag) {
        let graph = PartialGraph(includes.mapValues { $0.map(\.partial) })
        if let cycle = graph.firstCycle() {
            let closing = includes[cycle[cycle.count - 2]]?.first { $0.partial == cycle.last }
            bag.error("partials include each other in a cycle (\(cycle.joined(separator: " → "))): rendering would never end",
                      at: closing?.location)
            return
        }
        // Acyclic but multiplying (each of ten partials including the next ten times): a "partial bomb".
        for name in includes.keys.sorted() where graph.inclusions(of: name) > PartialGraph.maxInclusions {
            bag.error("template \(name) includes partials more than \(PartialGraph.maxInclusions) times in all (partials including partials): its output would explode",
                      at: includes[name]?.first?.location)
        }
    }

    /// The first section tag that opens level `maxSectionDepth + 1`, or nil. Counted on the standard delimiters
    /// (a template that changes them is counted as far as the scanner reads it).
    static func tooDeeplyNested(_ text: String) -> Tag? {
        var depth = 0
        for tag in scanTags(text) {
            switch tag.body.first {
            case "#", "^", "$", "<":
                depth += 1
                if depth > maxSectionDepth { return tag }
            case "/": depth = max(depth - 1, 0)
            default: break
            }
        }
        return nil
    }

    struct Tag {
        var body: String
        var line: Int
        var column: Int
        func location(_ file: String) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
    }

    /// Every `{{…}}` tag with its 1-based position (columns count characters).
    static func scanTags(_ text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1, column = 1
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "{", text.index(after: i) < text.endIndex, text[text.index(after: i)] == "{" {
                let open = text.index(i, offsetBy: 2)
                if let close = text.range(of: "}}", range: open..<text.endIndex) {
                    var end = close.upperBound
                    // `{{{name}}}` closes with a third brace.
                    if text[open...].hasPrefix("{"), end < text.endIndex, text[end] == "}" { end = text.index(after: end) }
                    let body = String(text[open..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
                    tags.append(Tag(body: body, line: line, column: column))
                    for ch in text[i..<end] {
                        if ch == "\n" { line += 1; column = 1 } else { column += 1 }
                    }
                    i = end
                    continue
                }
            }
            if text[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i = text.index(after: i)
        }
        return tags
    }
}
