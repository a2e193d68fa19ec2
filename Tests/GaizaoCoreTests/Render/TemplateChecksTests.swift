import Testing
@testable import GaizaoCore
import GaizaoTemplates

@Suite struct TemplateChecksTests {
    static let html = "<p>{{title}}</p>\n"
    static let md = "{{% CONTENT_TYPE: TEXT}}\n# {{title}}\n"

    func check(_ files: [String: String]) -> [String] {
        let sources = Dictionary(uniqueKeysWithValues: files.map { ($0.key, SourceFile(path: "tpl/" + $0.key, text: $0.value)) })
        return TemplateChecks.check(sources, folder: "tpl").diagnostics.map(\.description)
    }

    @Test func aCleanFolderHasNoDiagnostics() {
        #expect(check(["proposal.md.mustache": Self.md, "proposal.html.mustache": Self.html]).isEmpty)
    }

    @Test func aParseErrorIsLocated() {
        let bad = "<h1>{{title}}</h1>\n{{#cover}}\n<p>{{name}}</p>\n{{/covers}}\n"
        #expect(check(["proposal.md.mustache": Self.md, "proposal.html.mustache": bad])
            == ["tpl/proposal.html.mustache:4:4: error: template does not parse: the closing tag does not match the open section"])
    }

    /// A NUL or an ESC in a template was copied into every proposal with lint passing; CRLF line breaks are text.
    @Test func aControlCharacterInATemplateIsLocated() {
        #expect(check(["proposal.md.mustache": Self.md + "a\u{0}b\n", "proposal.html.mustache": Self.html])
            == ["tpl/proposal.md.mustache:3:2: error: the template holds the control character U+0000 (NUL): remove it (only tab and line breaks are text)"])
        #expect(check(["proposal.md.mustache": Self.md, "proposal.html.mustache": "<p>\r\n\t\u{1B}[31m{{title}}</p>\r\n"])
            == ["tpl/proposal.html.mustache:2:2: error: the template holds the control character U+001B (ESC): remove it (only tab and line breaks are text)"])
        #expect(check(["proposal.md.mustache": Self.md.replacingOccurrences(of: "\n", with: "\r\n"), "proposal.html.mustache": Self.html]).isEmpty)
    }

    @Test func aNonASCIITagNameIsAnError() {
        let bad = "<p>\n  {{企业}}</p>\n"
        let out = check(["proposal.md.mustache": Self.md, "proposal.html.mustache": bad])
        #expect(out.count == 1)
        #expect(out.first?.hasPrefix("tpl/proposal.html.mustache:2:") == true)
        #expect(out.first?.contains("tag names are ASCII") == true)
    }

    /// A partial that includes itself would render forever and overflow the stack: an error at the tag that
    /// closes the cycle, and the fast renderer declines such a set (so `diagnose` falls back to these checks).
    @Test func partialsThatIncludeEachOtherAreAnError() {
        let selfLoop = check(["proposal.md.mustache": Self.md + "{{> partials/loop}}\n", "proposal.html.mustache": Self.html,
                              "partials/loop.mustache": "again {{> partials/loop}}\n"])
        #expect(selfLoop == ["tpl/partials/loop.mustache:1:7: error: partials include each other in a cycle (partials/loop → partials/loop): rendering would never end"])
        let twoStep = check(["proposal.md.mustache": Self.md, "proposal.html.mustache": "{{> a}}\n", "a.mustache": "{{#x}}{{> b}}{{/x}}\n",
                             "b.mustache": "<b>{{> a}}</b>\n"])
        #expect(twoStep == ["tpl/b.mustache:1:4: error: partials include each other in a cycle (a → b → a): rendering would never end"])
        // Sharing a partial is not a cycle.
        #expect(check(["proposal.md.mustache": Self.md + "{{> p}}\n", "proposal.html.mustache": "{{> p}}{{> p}}\n", "p.mustache": "p\n"]).isEmpty)
        #expect(CompiledTemplateSet(["main": "{{> a}}", "a": "{{#x}}{{> main}}{{/x}}"]) == nil)
        #expect(CompiledTemplateSet(["main": "{{> a}}{{> a}}", "a": "a"]) != nil)
    }

    /// Ten partials each including the next ten times would render 10^10 copies: an error, not a hang.
    @Test func partialBombsAreAnError() {
        var files = ["proposal.md.mustache": Self.md, "proposal.html.mustache": "{{> p0}}\n"]
        for i in 0..<10 { files["p\(i).mustache"] = i == 9 ? "boom\n" : String(repeating: "{{> p\(i + 1)}}", count: 10) + "\n" }
        let out = check(files)
        #expect(out.contains("tpl/proposal.html.mustache:1:1: error: template proposal.html includes partials more than 10000 times in all (partials including partials): its output would explode"))
        #expect(CompiledTemplateSet(Dictionary(uniqueKeysWithValues: files.map { (String($0.key.dropLast(".mustache".count)), $0.value) })) == nil)
        // Ten times ten is fine.
        let small = ["proposal.md.mustache": Self.md, "proposal.html.mustache": String(repeating: "{{> a}}", count: 10) + "\n",
                     "a.mustache": String(repeating: "{{> b}}", count: 10) + "\n", "b.mustache": "b\n"]
        #expect(check(small).isEmpty)
    }

    /// A hostile template nested a hundred thousand sections deep crashed the parsers (one stack frame per
    /// level): beyond `maxSectionDepth` it is a located error, and the fast renderer declines it.
    @Test func sectionsNestedTooDeepAreAnError() {
        let depth = 100_000
        let deep = String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        let out = check(["proposal.md.mustache": Self.md, "proposal.html.mustache": deep])
        #expect(out.count == 1)
        #expect(out.first?.hasPrefix("tpl/proposal.html.mustache:1:\(6 * TemplateChecks.maxSectionDepth + 1): error: sections nested more than 100 deep") == true)
        #expect(CompiledTemplateSet(["main": deep]) == nil)
        let allowed = String(repeating: "{{#a}}", count: 100) + "x" + String(repeating: "{{/a}}", count: 100)
        #expect(check(["proposal.md.mustache": Self.md, "proposal.html.mustache": allowed]).isEmpty)
        #expect(CompiledTemplateSet(["main": allowed]) != nil)
    }

    @Test func missingRequiredTemplatesAreErrors() {
        #expect(check(["proposal.html.mustache": Self.html]) == ["error: missing required template proposal.md.mustache in tpl"])
    }

    @Test func markdownWithoutTextPragmaIsAnError() {
        let out = check(["proposal.md.mustache": "# {{title}}\n{{> partials/x.md}}\n", "partials/x.md.mustache": "{{% CONTENT_TYPE: TEXT}}\nx\n",
                         "proposal.html.mustache": Self.html])
        #expect(out == ["tpl/proposal.md.mustache:1:1: error: Markdown template without {{% CONTENT_TYPE: TEXT}}: its text would be HTML-escaped (\" as &quot;)"])
    }

    @Test func partialsMustExistAndFixedStringsMustBeKnown() {
        let html = "<p>{{t.docTitle}}</p>\n<p>{{t.noSuchString}}</p>\n  {{> partials/missing.html}}\n"
        #expect(check(["proposal.md.mustache": Self.md, "proposal.html.mustache": html]) == [
            "tpl/proposal.html.mustache:2:4: warning: unknown fixed string `t.noSuchString`; see RenderStrings for the keys",
            "tpl/proposal.html.mustache:3:3: error: partial `partials/missing.html` does not exist (expected partials/missing.html.mustache)",
        ])
    }

    @Test func theRendererRefusesTemplatesWithErrors() {
        let files = ["proposal.html.mustache": SourceFile(path: "tpl/proposal.html.mustache", text: Self.html)]
        let result = ProposalRenderer.load(files, folder: "tpl")
        #expect(result.renderer == nil)
        #expect(result.diagnostics.count == 1)
    }

    // Issue 13, item 4: lint and rendering read templates with one parser.

    /// A partial that includes itself through set delimiters was a segfault at render time and passed lint.
    @Test func aSelfIncludingPartialWithSetDelimitersIsACycle() {
        let partial = "{{% CONTENT_TYPE: TEXT}}\nx\n{{=<% %>=}}\n<%> partials/p.md%>\n"
        let out = check(["proposal.md.mustache": Self.md + "{{> partials/p.md}}\n", "partials/p.md.mustache": partial, "proposal.html.mustache": Self.html])
        #expect(out == ["tpl/partials/p.md.mustache:4:1: error: partials include each other in a cycle (partials/p.md → partials/p.md): rendering would never end"])
        let files = ["main": "{{=<% %>=}}<%> main%>"]
        #expect(CompiledTemplateSet(files) == nil)
    }

    /// Inheritance, blocks, dynamic partials and transforms hung or fell back to another renderer: now each is a
    /// located error at its tag.
    @Test func unsupportedMustacheFeaturesAreLocatedErrors() {
        let cases: [(String, String)] = [
            ("a\n  {{<parent}}{{/parent}}\n", "tpl/proposal.html.mustache:2:3: error: template inheritance ({{<name}}) is not supported: include partials with {{>name}}"),
            ("{{$block}}x{{/block}}\n", "tpl/proposal.html.mustache:1:1: error: blocks ({{$name}}) of template inheritance are not supported"),
            ("x {{>*dynamic}}\n", "tpl/proposal.html.mustache:1:3: error: dynamic partials ({{>*name}}) are not supported: name the partial"),
            ("{{#x}}{{upper(name)}}{{/x}}\n", "tpl/proposal.html.mustache:1:7: error: transforms (name(value)) are not supported"),
        ]
        for (html, message) in cases {
            #expect(check(["proposal.md.mustache": Self.md, "proposal.html.mustache": html]) == [message])
        }
    }

    /// Sections nest through partials: a chain of partials each opening sections is bounded in all.
    @Test func nestingThroughPartialsIsBounded() {
        var files = ["proposal.md.mustache": Self.md, "proposal.html.mustache": "{{> p0}}\n"]
        for k in 0..<30 { files["p\(k).mustache"] = "{{#a}}{{#b}}{{#c}}{{#d}}{{> p\(k + 1)}}{{/d}}{{/c}}{{/b}}{{/a}}" }
        files["p30.mustache"] = "end"
        let out = check(files)
        #expect(out.count == 1)
        #expect(out.first?.contains("nests sections and partials more than 100 deep in all") == true, "\(out)")
        let texts = Dictionary(uniqueKeysWithValues: files.map { (String($0.key.dropLast(".mustache".count)), $0.value) })
        #expect(CompiledTemplateSet(texts) == nil)
    }

    /// A large broken template is reported by gaizao's own parser (swift-mustache's is quadratic in the length).
    @Test func aLargeBrokenTemplateIsReportedByTheLinearParser() {
        let big = String(repeating: "line {{x}} {{#list}}{{name}}{{/list}}\n", count: 4000) + "{{#open}}\n"
        #expect(big.utf8.count > TemplateChecks.maxLibraryParseBytes)
        #expect(check(["proposal.md.mustache": Self.md, "proposal.html.mustache": big])
            == ["tpl/proposal.html.mustache:4002:1: error: template does not parse: a section is never closed (missing {{/name}})"])
        // A large valid template passes.
        #expect(check(["proposal.md.mustache": Self.md, "proposal.html.mustache": String(big.dropLast("{{#open}}\n".count))]).isEmpty)
    }

    /// Sections nested over lists multiply: the render stops at its bounds and the document fails with a clear
    /// message instead of growing to gigabytes.
    @Test func aRenderThatExplodesStopsAtItsBounds() throws {
        // The standard modules (six) within the standard modules, ten deep: 6¹⁰ passes.
        let bomb = "{{#package}}" + String(repeating: "{{#standard}}", count: 10) + "{{name}} "
            + String(repeating: "{{/standard}}", count: 10) + "{{/package}}\n"
        let files = ["proposal.md.mustache": SourceFile(path: "tpl/proposal.md.mustache", text: Self.md),
                     "proposal.html.mustache": SourceFile(path: "tpl/proposal.html.mustache", text: bomb)]
        let renderer = try #require(ProposalRenderer.load(files, folder: "tpl").renderer)
        let proposal = try Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-midsize.yaml")).proposal
        #expect(throws: TemplateRenderFailure.self) { try renderer.checkedDocuments(proposal, lang: .zh, markdown: true, html: true) }
        var buffers = DocumentBuffers()
        renderer.render(proposal, lang: .zh, markdown: true, html: true, into: &buffers)
        #expect(buffers.failure?.hasPrefix("template proposal.html renders more than 32 MB or 50000000 instructions") == true)
        // The buffers serve the next proposal afresh.
        let plain = try #require(ProposalRenderer.load(["proposal.md.mustache": SourceFile(path: "m", text: Self.md),
                                                        "proposal.html.mustache": SourceFile(path: "h", text: Self.html)], folder: "tpl").renderer)
        plain.render(proposal, lang: .zh, markdown: true, html: true, into: &buffers)
        #expect(buffers.failure == nil)
    }
    // Defect sweep: HTML that turns escaping off, and commands that rendered what lint rejects.

    /// A TEXT pragma or an unescaped tag in HTML would put an enterprise named `<script>` on the page as markup:
    /// errors at the tag, in `*.html` templates and in every partial they include.
    @Test func htmlTemplatesMayNotTurnEscapingOff() {
        #expect(check(["proposal.md.mustache": Self.md, "proposal.html.mustache": "{{% CONTENT_TYPE: TEXT}}\n" + Self.html]) == [
            "tpl/proposal.html.mustache:1:1: error: {{% CONTENT_TYPE: TEXT}} in an HTML template turns HTML escaping off: a value such as an enterprise named <script> would reach the page as markup; remove the pragma",
        ])
        #expect(check(["proposal.md.mustache": Self.md, "proposal.html.mustache": "<title>{{{title}}}</title>\n<p>{{&cover.enterpriseName}}</p>\n"]) == [
            "tpl/proposal.html.mustache:1:8: error: {{{title}}} does not HTML-escape its value: a value such as an enterprise named <script> would reach the page as markup; write {{title}}",
            "tpl/proposal.html.mustache:2:4: error: {{&cover.enterpriseName}} does not HTML-escape its value: a value such as an enterprise named <script> would reach the page as markup; write {{cover.enterpriseName}}",
        ])
        // Through a partial whose name does not say HTML, and with other delimiters.
        #expect(check(["proposal.md.mustache": Self.md, "proposal.html.mustache": "{{#cover}}{{> partials/name}}{{/cover}}\n",
                       "partials/name.mustache": "{{=<% %>=}}<b><%&enterpriseName%></b>\n"]) == [
            "tpl/partials/name.mustache:1:15: error: {{&enterpriseName}} does not HTML-escape its value: a value such as an enterprise named <script> would reach the page as markup (it is part of the HTML of proposal.html); write {{enterpriseName}}",
        ])
        // Markdown renders as TEXT anyway: an unescaped tag there is no error.
        #expect(check(["proposal.md.mustache": Self.md + "{{{title}}} {{&title}}\n", "proposal.html.mustache": Self.html]).isEmpty)
        // The shipped templates escape everything.
        #expect(TemplateChecks.check(Shipped.templateFiles, folder: "templates").diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    /// `diagnose` and `batch` load templates without the warnings-only scan, but every check that finds an error
    /// runs: what lint rejects, they refuse, with the same located errors.
    @Test func theQuickLoadRefusesWhatLintRejects() {
        let shipped = Shipped.templateFiles
        func variant(_ change: (inout [String: SourceFile]) -> Void) -> [String: SourceFile] {
            var files = shipped
            change(&files)
            return files
        }
        func edit(_ files: inout [String: SourceFile], _ name: String, _ body: (String) -> String) {
            files[name] = SourceFile(path: files[name]!.path, text: body(files[name]!.text))
        }
        let cases: [(String, [String: SourceFile])] = [
            ("a missing partial", variant { $0["partials/module-card.md.mustache"] = nil }),
            ("Markdown without its pragma", variant { edit(&$0, "proposal.md.mustache") { String($0.drop { $0 != "\n" }.dropFirst()) } }),
            ("a partial outside the folder", variant { edit(&$0, "proposal.md.mustache") { $0 + "{{> ../../../etc/passwd}}\n" } }),
            ("TEXT in HTML", variant { edit(&$0, "proposal.html.mustache") { "{{% CONTENT_TYPE: TEXT}}\n" + $0 } }),
            ("a triple tag in HTML", variant { edit(&$0, "proposal.html.mustache") { $0.replacingOccurrences(of: "{{title}}", with: "{{{title}}}") } }),
            ("an ampersand tag in an HTML partial", variant { edit(&$0, "partials/module-card.html.mustache") { $0 + "{{&name}}\n" } }),
            ("a broken comparison template", variant { edit(&$0, "compare.md.mustache") { $0 + "{{#open}}\n" } }),
            ("a broken partial nobody includes", variant { $0["partials/spare.html.mustache"] = SourceFile(path: "templates/partials/spare.html.mustache", text: "{{/x}}") }),
        ]
        for (what, files) in cases {
            let lintErrors = TemplateChecks.check(files, folder: "templates").diagnostics.filter { $0.severity == .error }.map(\.description)
            #expect(!lintErrors.isEmpty, "lint accepts \(what)")
            let quick = ProposalRenderer.load(files, folder: "templates", thorough: false)
            #expect(quick.renderer == nil, "diagnose would render \(what)")
            #expect(quick.diagnostics.map(\.description) == lintErrors, "\(what)")
        }
        let clean = ProposalRenderer.load(shipped, folder: "templates", thorough: false)
        #expect(clean.renderer != nil && clean.diagnostics.isEmpty)
    }
}
