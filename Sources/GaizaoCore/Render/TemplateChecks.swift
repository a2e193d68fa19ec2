import Foundation
import Mustache

/// Parses and checks a folder of proposal templates given as in-memory files: each `*.mustache` file is a
/// template named by its path without `.mustache` (`partials/module-card.md`). Problems are located diagnostics.
public enum TemplateChecks {
    public struct Result: Sendable {
        /// The templates that parsed, by name.
        public var templates: [String: MustacheTemplate]
        /// Their texts, by name.
        public var texts: [String: String]
        public var diagnostics: [Diagnostic]
    }

    /// Templates every template folder must hold (what `diagnose` renders).
    public static let required = ["proposal.md", "proposal.html"]

    /// The templates `gaizao compare` renders. Not required for proposals: a contractor's folder copied before
    /// they existed still renders proposals; lint warns that it cannot render comparisons.
    public static let comparison = ["compare.md", "compare.html"]

    /// - Parameters:
    ///   - files: relative path → file (its `path` is what diagnostics print).
    ///   - folder: the folder as the user should read it, for problems that have no file.
    ///   - required: templates whose absence is an error.
    ///   - recommended: templates whose absence is a warning.
    public static func check(_ files: [String: SourceFile], folder: String, required: [String] = required,
                             recommended: [String] = []) -> Result {
        var bag = DiagnosticBag()
        var templates: [String: MustacheTemplate] = [:]
        var texts: [String: String] = [:]
        let names = Dictionary(files.keys.filter { $0.hasSuffix(".mustache") }.map { (String($0.dropLast(".mustache".count)), $0) },
                               uniquingKeysWith: { a, _ in a })
        for (name, relative) in names.sorted(by: { $0.key < $1.key }) {
            let file = files[relative]!
            do {
                templates[name] = try MustacheTemplate(string: file.text)
                texts[name] = file.text
            } catch let error as MustacheTemplate.ParserError {
                bag.error("template does not parse: \(describe(error.error))",
                          at: SourceLocation(file: file.path, line: error.context.lineNumber, column: error.context.columnNumber))
                continue
            } catch {
                bag.error("template does not parse: \(error)", at: SourceLocation(file: file.path, line: 1, column: 1))
                continue
            }
            checkTags(file, name: name, known: names, into: &bag)
        }
        for name in required where names[name] == nil {
            bag.error("missing required template \(name).mustache in \(folder)", at: nil)
        }
        for name in recommended where names[name] == nil && !required.contains(name) {
            bag.warning("missing template \(name).mustache in \(folder): `gaizao compare` needs it (copy it from the shipped templates/)", at: nil)
        }
        return Result(templates: templates, texts: texts, diagnostics: bag.sorted)
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

    /// Tag-level checks the parser does not make: Markdown templates need the TEXT content type (partials start
    /// over as HTML), partials must exist, `t.key` fixed strings must exist.
    static func checkTags(_ file: SourceFile, name: String, known: [String: String], into bag: inout DiagnosticBag) {
        let tags = scanTags(file.text)
        if name.hasSuffix(".md"), !tags.contains(where: { $0.body.hasPrefix("%") && $0.body.contains("CONTENT_TYPE") && $0.body.contains("TEXT") }) {
            bag.error("Markdown template without {{% CONTENT_TYPE: TEXT}}: its text would be HTML-escaped (\" as &quot;)",
                      at: SourceLocation(file: file.path, line: 1, column: 1))
        }
        // A template that changes delimiters is beyond this simple scanner.
        if tags.contains(where: { $0.body.hasPrefix("=") }) { return }
        let strings = RenderStrings.keys
        for tag in tags {
            let body = tag.body
            if body.hasPrefix(">") {
                let partial = body.dropFirst().trimmingCharacters(in: .whitespaces)
                if !partial.hasPrefix("*"), known[partial] == nil {
                    bag.error("partial `\(partial)` does not exist (expected \(partial).mustache)", at: tag.location(file.path))
                }
                continue
            }
            var key = Substring(body)
            if let first = key.first, "#^/&{".contains(first) { key = key.dropFirst() }
            if key.hasSuffix("}") { key = key.dropLast() }
            let trimmed = key.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("t."), !strings.contains(String(trimmed.dropFirst(2))) {
                bag.warning("unknown fixed string `\(trimmed)`; see RenderStrings for the keys", at: tag.location(file.path))
            }
        }
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
