import Foundation
import Mustache
import Testing
@testable import GaizaoTemplates

/// The compiled renderer must give exactly what swift-mustache gives: the whitespace, partial and delimiter edge
/// cases, the features it refuses, and HTML escaping.
@Suite struct CompiledTemplateTests {
    static let edgeCases: [String] = [
        "a {{x}} b\n",
        "  {{#list}}\n  - {{name}}\n  {{/list}}\n",
        "{{#list}}{{name}}, {{/list}}\n",
        "  {{> part}}\nafter\n",
        "x {{> part}} y\n",
        "{{^empty}}\nnone\n{{/empty}}\n",
        "{{^list}}no{{/list}}{{^flag}}F{{/flag}}{{#flag}}T{{/flag}}\n",
        "  {{! comment }}\n{{! inline }}text\n",
        "{{% CONTENT_TYPE: TEXT}}\n{{html}} {{{html}}} {{&html}}\n",
        "{{html}}\r\n{{#obj}}{{inner.deep}} {{name}}{{/obj}}\n",
        "{{#obj}}{{name}}{{/obj}} {{obj.missing.name}} {{.obj.inner.deep}}\n",
        "\t{{#flag}}\t\n\tline\n\t{{/flag}}\t\n",
        "{{#list}}\n  {{> part}}\n{{/list}}\n",
        "no newline at end {{x}}",
        "crlf\r\n  {{> part}}\r\n{{#list}}\r\n  {{> part}}\r\n{{/list}}\r\n",
        // Set delimiters (compiled since issue 13, so that lint and rendering read templates with one parser).
        "{{=<% %>=}}\n<%x%> {{x}} <%#list%><%name%>, <%/list%>\n",
        "{{#flag}}{{=| |=}}|x| |/flag|{{x}}\n",
        "  {{=<% %>=}}  \n  <%> part%>\n<%! comment %>text <%&html%>\n",
        // A partial the set does not have renders nothing, inline or standalone (indented).
        "a {{> missing}} b\n  {{> missing}}\nend\n",
        "{{#list}}\n    {{> missing}}\n  {{> part}}\n{{/list}}\n",
    ]

    @Test(arguments: edgeCases) func edgeCasesMatchSwiftMustache(_ template: String) throws {
        let partial = "P{{x}}\n{{#list}}\n<{{name}}>\n{{/list}}\n"
        let model: [String: Any] = [
            "x": "1 < 2", "html": "<b>\"&'</b>", "flag": true, "empty": [[String: Any]](),
            "list": [["name": "a"], ["name": "b & c"]] as [[String: Any]],
            "obj": ["name": "n", "inner": ["deep": "d"] as [String: Any]] as [String: Any],
        ]
        var library = MustacheLibrary()
        try library.register(template, named: "main")
        try library.register(partial, named: "part")
        let compiled = try #require(CompiledTemplateSet(["main": template, "part": partial]))
        #expect(compiled.render(Self.value(model), template: "main") == library.render(model, withTemplate: "main"))
    }

    /// The plain value as a `TemplateValue` (an object's fields in name order).
    static func value(_ any: Any) -> TemplateValue {
        switch any {
        case let s as String: return .string(s)
        case let b as Bool: return .bool(b)
        case let d as [String: Any]:
            return .object(TemplateObject(d.sorted { $0.key < $1.key }.map { ($0.key, value($0.value)) }))
        case let l as [Any]: return .list(l.map(value))
        default: return .string("\(any)")
        }
    }

    /// Field-position hints carried from one render to the next (as a batch worker keeps them) are only a guess:
    /// objects of another shape, and hints left by a set of another size, give the bytes of a render without them.
    @Test func renderedBytesDoNotDependOnHints() throws {
        let template = "{{#list}}{{a}}|{{b}}|{{c}}|{{t.k}}|{{inner.b}}|{{t.none}};{{/list}}{{a}}{{^missing}}-{{/missing}}\n"
        let compiled = try #require(CompiledTemplateSet(["main": template]))
        let other = try #require(CompiledTemplateSet(["main": "{{x}} {{y}}\n"]))
        var library = MustacheLibrary()
        try library.register(template, named: "main")
        let table = StringTable(["k": "<k>", "a": "ta"])
        func row(_ names: [String]) -> TemplateValue { .object(TemplateObject(names.map { ($0, .string("\($0)<")) })) }
        let shapes: [TemplateValue] = [
            .object(TemplateObject([("a", "A"), ("list", .list([row(["a", "b", "c"]), row(["c", "b", "a"]), row(["b"])])), ("t", .table(table))])),
            .object(TemplateObject([("t", .table(table)), ("list", .list([row(["c", "a"]), .object(TemplateObject([("inner", row(["x", "b"]))])), .table(table)]))])),
        ]
        var hints = TemplateHints()
        var scratch: [UInt8] = []
        for round in 0..<3 {
            for value in shapes + shapes.reversed() {
                var out: [UInt8] = []
                #expect(compiled.render(value, template: "main", into: &out, hints: &hints) == .rendered)
                let text = String(decoding: out, as: UTF8.self)
                #expect(text == compiled.render(value, template: "main"), "round \(round)")
                #expect(text == library.render(value.plain, withTemplate: "main"), "round \(round)")
            }
            _ = other.render(.object(TemplateObject([("y", "Y")])), template: "main", into: &scratch, hints: &hints)
        }
    }

    /// Features gaizao does not render are not compiled (and are located lint errors, see TemplateChecksTests).
    @Test(arguments: ["{{<parent}}{{/parent}}", "{{> *dynamic}}", "{{x(y)}}", "{{$block}}{{/block}}"])
    func unsupportedFeaturesAreNotCompiled(_ template: String) {
        #expect(CompiledTemplateSet(["main": template]) == nil)
    }

    @Test func htmlEscapingMatchesSwiftMustache() {
        var out = Array("pre ".utf8)
        HTMLEscape.append("<a href=\"x\">'R&D'</a> 中文", to: &out)
        HTMLEscape.append("plain 中文", to: &out)
        HTMLEscape.append("", to: &out)
        HTMLEscape.append("&", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "pre &lt;a href=&quot;x&quot;&gt;&#39;R&amp;D&#39;&lt;/a&gt; 中文plain 中文&amp;")
        #expect(HTMLEscape.escaped("a<b") == "a&lt;b")
        // Specials at every offset after runs of CJK text.
        for n in 0..<12 {
            let cjk = String(repeating: "中", count: n)
            #expect(HTMLEscape.escaped(cjk + "<" + cjk + "'") == cjk + "&lt;" + cjk + "&#39;")
            #expect(HTMLEscape.escaped("a" + cjk + "&") == "a" + cjk + "&amp;")
        }
        // Mixed ASCII and CJK against a plain replacement of the five specials.
        var generator = SeededRandom(seed: 11)
        let pieces = ["<", ">", "&", "\"", "'", "a", "Z", "9", " ", "中", "é", "%", "=", "\n"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let reference = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
            #expect(HTMLEscape.escaped(text) == reference, "\(text.debugDescription)")
        }
    }
}
