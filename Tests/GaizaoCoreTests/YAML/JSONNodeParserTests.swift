@testable import GaizaoCore
import Testing
import Yams

/// The JSON fast path builds exactly the tree `Yams.compose(yaml:, .basic)` builds, or declines.
@Suite struct JSONNodeParserTests {
    /// Compares the fast tree with libyaml's, node by node (strings, styles, tags, marks) and by `Node ==`.
    static func expectSameTree(_ text: String, limits: YAMLLimits = .standard, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let fast = JSONNodeParser.parse(text, limits: limits) else {
            Issue.record("fast path declined \(text.debugDescription)", sourceLocation: sourceLocation)
            return
        }
        let composed: Node
        do {
            guard let root = try Yams.compose(yaml: text, .basic) else {
                Issue.record("compose found no document in \(text.debugDescription)", sourceLocation: sourceLocation)
                return
            }
            composed = root
        } catch {
            Issue.record("compose refused \(text.debugDescription) that the fast path took: \(error)", sourceLocation: sourceLocation)
            return
        }
        #expect(NodeDump.of(fast) == NodeDump.of(composed), "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(fast == composed, sourceLocation: sourceLocation)
    }

    static func expectDeclined(_ text: String, limits: YAMLLimits = .standard, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(JSONNodeParser.parse(text, limits: limits) == nil, "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func marksAreReadBack() {
        #expect(YamsMark.isAvailable)
        let mark = YamsMark.make(line: 7, column: 42)
        #expect(mark.line == 7 && mark.column == 42)
    }

    @Test func emptyAndNestedContainers() {
        for text in ["{}", "[]", #"{"a":{}}"#, #"{"a":[]}"#, "[[],[[]],{}]", #"{"m":[[1,[2,[3,["x"]]]],[],{"k":{"k":{}}}]}"#,
                     #"[1,"a",{"k":[]},true,null]"#, #"{"":""}"#, #"{"":{"":[""]}}"#] {
            Self.expectSameTree(text)
        }
    }

    @Test func numbersAndLiterals() {
        Self.expectSameTree(#"{"a":1,"b":-2,"c":0,"d":-0,"e":3.25,"f":-0.5,"g":1e5,"h":1E+5,"i":-2.5e-3,"j":100000000000000000000000,"k":0.000001}"#)
        Self.expectSameTree(#"{"t":true,"f":false,"n":null,"list":[true,false,null,0,-1.5E-7]}"#)
        Self.expectSameTree(#"[0, 10, -10 , 1.0e0 ,2E2]"#)
    }

    @Test func escapes() {
        Self.expectSameTree(#"{"s":"quote \" backslash \\ slash \/ b\b f\f n\n r\r t\t end"}"#)
        Self.expectSameTree(#"{"u":"\u00e9\u4E2D\u0041\u001f\u007f\u0080\u00a0\u3000\u2028\u2029\u0085\ufffd"}"#)
        Self.expectSameTree(#"{"nul":"a\u0000b","nel":"\u0085","replacement":"\ufffd"}"#)
        Self.expectSameTree(#"{"escapedKey\n\"":"v","\u4e2d":"\\\\"}"#)
        Self.expectSameTree(#"{"a":"\"","b":"\\","c":"","d":" ","e":"  padded  "}"#)
    }

    @Test func unicodeMovesColumnsByScalars() {
        Self.expectSameTree(#"{"名称":"宁波慈溪 汽配厂","b":1,"c":"é","d":2}"#)
        Self.expectSameTree(#"{"emoji":"😀👍🏽🇨🇳","after":[1,"x"],"combined":"e\#u{301}","next":true}"#)
        Self.expectSameTree("{\"nbsp\":\"a\u{A0}b\",\"ideographic\":\"\u{3000}企业\u{3000}\",\"z\":0}")
        Self.expectSameTree("{\"a\":\"中\",\n\"b\":\"文\", \"c\":[\"😀\", 1]}")
    }

    @Test func charactersSpecialToYAMLInsideStrings() {
        Self.expectSameTree(##"{"a":"#not a comment","b":"- x","c":"a: b","d":"{[,]}","e":"&anchor *alias !tag %yaml","f":"'single'","g":"--- ...","h":"?"}"##)
    }

    @Test func whitespaceAndLines() {
        Self.expectSameTree("  {  \"a\" : [ 1 , 2 ] ,\t\"b\":\t\"x\" }  ")
        Self.expectSameTree("\n\n  {\"a\":\n  1,\n \"b\": [\n  true\n ]\n}\n")
        Self.expectSameTree("{\r\n  \"a\": 1,\r\n  \"b\": \"x\"\r\n}\r\n")
        Self.expectSameTree("{\r\"a\": 1\r,\"b\":[\r2]}\r")
        Self.expectSameTree("{\n\t\"a\": 1,\n\t\t\"b\": [\n\t3\n\t]\n}")
        Self.expectSameTree("{\n\"a\": 1\n}\n\n   \n")
        Self.expectSameTree("[\n1\n,\n2\n]")
    }

    @Test func multiLineAnswersFile() {
        let text = """
            {
              "gaizao_answers": 1,
              "industry": "auto-parts",
              "date": "2026-11-20",
              "answers": {
                "company_name": "慈溪市某某汽配有限公司",
                "employees": 120,
                "annual_revenue": 8600.5,
                "network": ["workshop_control", "office"],
                "ap_oem_edi": true,
                "notes": null
              }
            }

            """
        Self.expectSameTree(text)
    }

    @Test func longKeysAndValues() {
        let key = String(repeating: "k", count: 1000)
        Self.expectSameTree("{\"\(key)\": 1, \"v\": \"\(String(repeating: "长", count: 5000))\"}")
        Self.expectSameTree("{\"\(key)\"     : [\"\(String(repeating: "x", count: 3000))\"]}")
        Self.expectSameTree("[\"\(String(repeating: "y", count: 2000))\", {\"a\": 1}]")
    }

    @Test func limitsThatStillHold() {
        // 64 nested lists: the innermost holds a scalar at depth 64, the most `YAMLDocument` allows.
        Self.expectSameTree(String(repeating: "[", count: 64) + "1" + String(repeating: "]", count: 64))
        var small = YAMLLimits()
        small.maxExpandedNodes = 5
        Self.expectSameTree(#"{"a":[1,2]}"#, limits: small)
        small.maxDepth = 2
        Self.expectSameTree(#"{"a":[1]}"#, limits: small)
        small.maxBytes = 11
        Self.expectSameTree(#"{"a":[1,2]}"#, limits: small)
    }

    @Test func notStrictJSONIsDeclined() {
        let texts = [
            // Not JSON at all, or not an object or list at the root.
            "", "   ", "a: 1", "\"a\"", "1", "true", "null", "- 1", "\u{FEFF}{}", "\t{}", "{}\t", "{} x", "{}{}", "{} {}", "{}\n---\n{}",
            "---\n{}", "%YAML 1.2\n---\n{}", "!!map {}", "&a {}",
            // Trailing commas, comments, quotes and bare words YAML accepts.
            #"{"a":1,}"#, "[1,2,]", "[,]", "{,}", #"{"a":1} # c"#, "{\"a\":1 # c\n}", "// c\n{}", "/* */{}", #"{"a":1 /* c */}"#,
            "{'a':1}", #"{"a":'x'}"#, "{a:1}", #"{"a":yes}"#, #"{"a":TRUE}"#, #"{"a":True}"#, #"{"a":Null}"#, #"{"a":~}"#,
            #"{"a":x}"#, #"{"a" 1}"#, #"{"a"::1}"#, #"{"a":1 "b":2}"#, #"{"a":1,,"b":2}"#, #"{"a"}"#, #"{"a":}"#, "{1:2}",
            #"{"a":[1 2]}"#, #"{"a":{"b"}}"#, #"{"a":1]"#, #"["a"}"#, #"{"a": !!str 1}"#, #"{"a": &x 1, "b": *x}"#, #"{? "a": 1}"#,
            // Numbers JSON does not write.
            #"{"a":01}"#, #"{"a":-01}"#, #"{"a":.5}"#, #"{"a":1.}"#, #"{"a":+1}"#, #"{"a":-}"#, #"{"a":1e}"#, #"{"a":1e+}"#,
            #"{"a":NaN}"#, #"{"a":Infinity}"#, #"{"a":-Infinity}"#, #"{"a":0x10}"#, #"{"a":1_000}"#, #"{"a":1.5.2}"#, #"{"a":--1}"#,
            #"{"a":tru}"#, #"{"a":truex}"#, #"{"a":nulll}"#,
            // Truncated.
            "{", "[", #"{"a""#, #"{"a":"#, #"{"a":1"#, #"{"a":"x"#, #"{"a":"x\"#, #"{"a":[1,2}"#, #"{"a":"\u12"#, "[[[]]",
            // Escapes JSON does not have (some of which YAML has), bad hex, surrogates (libyaml refuses them).
            #"{"a":"\x41"}"#, #"{"a":"\u12G4"}"#, #"{"a":"\'"}"#, #"{"a":"\e"}"#, #"{"a":"\N"}"#, #"{"a":"\_"}"#, #"{"a":"\0"}"#,
            #"{"a":"\U0001F600"}"#, #"{"a":"\ufeffstart"}"#, #"{"a":"x\uFEFFy"}"#, #"{"a":"\ "}"#, #"{"a":"\ud83d\ude00"}"#, #"{"a":"\ud800"}"#, #"{"a":"\udfff x"}"#,
            // Raw characters JSON forbids in strings, or libyaml refuses or reads as line breaks.
            "{\"a\":\"tab\there\"}", "{\"a\":\"x\ny\"}", "{\"a\":\"x\ry\"}", "{\"a\":\"nul\u{0}\"}", "{\"a\":\"bell\u{7}\"}",
            "{\"a\":\"del\u{7F}\"}", "{\"a\":\"nel\u{85}\"}", "{\"a\":\"c1\u{9F}\"}", "{\"a\":\"c1\u{80}\"}", "{\"a\":\"ls\u{2028}\"}",
            "{\"a\":\"ps\u{2029}\"}", "{\"a\":\"bom\u{FEFF}\"}", "{\"a\":\"nc\u{FFFE}\"}", "{\"a\":\"nc\u{FFFF}\"}", "{\"\u{2028}\":1}",
            // Whitespace JSON does not have between tokens.
            "{\u{A0}\"a\":1}", "{\"a\":1\u{3000}}", "{\"a\":\u{FEFF}1}", "{\"a\":1\u{2028}}", "{\"a\":1\u{0B}}", "{\"a\":1\u{0C}}",
            // Duplicate keys, also canonically equivalent ones (Swift strings compare them equal, and so does Yams).
            #"{"a":1,"a":2}"#, #"{"a":1,"b":{"c":1,"c":1}}"#, #"[{"x":1,"y":2,"x":3}]"#, "{\"\u{E9}\":1,\"e\u{301}\":2}",
            "{" + (0..<20).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + ",\"k7\":0}",
            // A key on another line than its `:` (libyaml drops it as a simple key).
            "{\"a\"\n:1}", "{\"a\"\r\n: 1}",
        ]
        for text in texts { Self.expectDeclined(text) }
    }

    @Test func overLimitsIsDeclined() {
        Self.expectDeclined(String(repeating: "[", count: 65) + String(repeating: "]", count: 65))
        Self.expectDeclined(String(repeating: "[", count: 64) + "[1]" + String(repeating: "]", count: 64))
        Self.expectDeclined(String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000))
        Self.expectDeclined("{\"\(String(repeating: "k", count: 1030))\": 1}")
        Self.expectDeclined("{\"\(String(repeating: "中", count: 400))\": 1}")  // 1200 bytes, 400 characters: erring on declining
        var small = YAMLLimits()
        small.maxExpandedNodes = 4
        Self.expectDeclined(#"{"a":[1,2]}"#, limits: small)
        small = YAMLLimits()
        small.maxDepth = 1
        Self.expectDeclined(#"{"a":[1]}"#, limits: small)
        small = YAMLLimits()
        small.maxBytes = 10
        Self.expectDeclined(#"{"a":[1,2]}"#, limits: small)
    }
}
