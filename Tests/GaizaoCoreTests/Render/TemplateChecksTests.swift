import Testing
@testable import GaizaoCore

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
}
