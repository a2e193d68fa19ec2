import Foundation
@testable import GaizaoCore
import Testing
import Yams

/// Answers read through the JSON fast path give the same sheet and the same diagnostics as through libyaml.
@Suite struct JSONFastPathDecodeTests {
    struct Outcome: Equatable, CustomStringConvertible {
        var sheet: AnswerSheet?
        var diagnostics: [String]
        var description: String { "sheet: \(sheet.map { "\($0.answers.count) answers" } ?? "none"); \(diagnostics)" }
    }

    static func decode(_ text: String, path: String = "stdin", partial: Bool = false, fast: Bool) -> Outcome {
        let r = AnswerDecoder.decode(SourceFile(path: path, text: text), catalog: Shipped.catalog, limits: .standard, partial: partial, jsonFastPath: fast)
        return Outcome(sheet: r.sheet, diagnostics: r.diagnostics.all.map(\.description))
    }

    /// Both paths agree; returns the outcome. `tookFastPath` says whether the fast parser is expected to accept.
    @discardableResult
    static func expectSame(_ text: String, tookFastPath: Bool, partial: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Outcome {
        #expect((JSONNodeParser.parse(text) != nil) == tookFastPath, "\(text.prefix(200).debugDescription)", sourceLocation: sourceLocation)
        let fast = decode(text, partial: partial, fast: true)
        let yaml = decode(text, partial: partial, fast: false)
        #expect(fast == yaml, "\(text.prefix(200).debugDescription)", sourceLocation: sourceLocation)
        return fast
    }

    static let syntheticSheets: [AnswerSheet] = {
        Shipped.catalog.industries.flatMap { industry in
            (0..<150).map { SyntheticAnswers.sheet(for: industry, catalog: Shipped.catalog, seed: UInt64($0)) }
        }
    }()

    /// The same JSON with a line break and indentation after every `{`, `[` and `,` outside strings.
    static func pretty(_ json: String, lineBreak: String = "\n") -> String {
        var out = "", inString = false, escaped = false, depth = 0
        for c in json {
            out.append(c)
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "\"": inString = true
            case "{", "[": depth += 1; out += lineBreak + String(repeating: "  ", count: depth)
            case "}", "]": depth -= 1
            case ",": out += lineBreak + String(repeating: "\t", count: depth)
            case ":": out += " "
            default: break
            }
        }
        return out
    }

    @Test func syntheticSheetsAsJSONLines() throws {
        for sheet in Self.syntheticSheets {
            let line = sheet.jsonLine()
            JSONNodeParserTests.expectSameTree(line)
            let outcome = Self.expectSame(line, tookFastPath: true)
            let decoded = try #require(outcome.sheet, "\(outcome)")
            #expect(decoded.answers == sheet.answers)
        }
    }

    @Test func syntheticSheetsPrettyPrinted() {
        for (i, sheet) in Self.syntheticSheets.enumerated() where i % 5 == 0 {
            let text = Self.pretty(sheet.jsonLine(), lineBreak: i % 2 == 0 ? "\n" : "\r\n")
            JSONNodeParserTests.expectSameTree(text)
            Self.expectSame(text, tookFastPath: true)
        }
    }

    /// Texts with quotes, escapes and scalars of every UTF-8 length, before and after other answers.
    @Test func textAnswersWithEscapesAndUnicode() {
        let texts = ["慈溪\"新光\"汽配", "C:\\路径\\文件", "line1\nline2\ttab", "😀 emoji 企业", "  padded  ", "\u{3000}全角空格\u{3000}",
                     "e\u{301}", "#hash", "- dash", "a: b", "\u{1}ctrl", "x\u{A0}y"]
        for (i, text) in texts.enumerated() {
            var sheet = Self.syntheticSheets[i]
            sheet.answers["company_name"] = .text(text)
            let line = sheet.jsonLine()
            JSONNodeParserTests.expectSameTree(line)
            Self.expectSame(line, tookFastPath: true)
        }
    }

    /// Valid JSON with wrong answers: every diagnostic, with its location, is the same on both paths.
    @Test func wrongAnswersGiveTheSameDiagnostics() {
        let mutations: [(String, String)] = [
            (#""answers":{"#, #""answers":{"zz_unknown":1,"#),
            (#""answers":{"#, #""answers":{"名称":"中文键","#),
            (#""employees":"#, #""employees":"many","zz":"#),
            (#""annual_revenue":"#, #""annual_revenue":-5,"zz2":"#),
            (#""company_name":"#, #""company_name":["a","b"],"zzz":"#),
            (#""network":["#, #""network":[1,{"x":2},"nope"],"network_was":["#),
            (#""industry":"auto-parts""#, #""industry":"auto-part""#),
            (#""date":"2026-11-20""#, #""date":"2026-13-40""#),
            (#""gaizao_answers":1"#, #""gaizao_answers":2"#),
            (#""gaizao_answers":1"#, #""gaizao_answers":"1","extra":{"k":[]}"#),
            (#","answers":{"#, #","answers":null,"x":{"#),
            (#","answers":{"#, #","answers":[],"x":{"#),
        ]
        var changed = 0
        for (i, sheet) in Self.syntheticSheets.enumerated() where i % 25 == 0 {
            let line = sheet.jsonLine()
            for (old, new) in mutations {
                guard let range = line.range(of: old) else { continue }
                let text = line.replacingCharacters(in: range, with: new)
                JSONNodeParserTests.expectSameTree(text)
                let outcome = Self.expectSame(text, tookFastPath: true)
                Self.expectSame(Self.pretty(text), tookFastPath: true, partial: true)
                if !outcome.diagnostics.isEmpty { changed += 1 }
            }
        }
        #expect(changed > 50)
    }

    /// Not strict JSON (or JSON libyaml reads otherwise): the fast path steps aside and the diagnostics are libyaml's.
    @Test func declinedInputsKeepTheYAMLDiagnostics() {
        let line = Self.syntheticSheets.first { $0.industry == "auto-parts" }!.jsonLine()
        let edits: [(String, String)] = [
            ("}}", ",}}"),  // trailing comma: YAML reads it, JSON does not
            ("}}", "} # note\n}"),
            (#""gaizao_answers":1"#, #""gaizao_answers":1,"gaizao_answers":1"#),
            (#""answers":{"#, #""answers":{"employees":1,"#),  // duplicate question
            (#""industry":"auto-parts""#, #"'industry':'auto-parts'"#),
            (#""industry":"auto-parts""#, #""industry":auto-parts"#),
            (#""date":"2026-11-20""#, #""date":"2026\x2d11-20""#),
            (#""date":"2026-11-20""#, #""date":"\ud83d\ude00""#),
            (#""date":"2026-11-20""#, "\"date\":\"2026\t11\""),
            (#""date":"2026-11-20""#, "\"date\":\"2026\u{2028}11\""),
            (#""date":"2026-11-20""#, "\"date\":\"2026\u{85}11\""),
            (#""date":"2026-11-20""#, #""date":"\ufeff2026-11-20""#),
            (#""employees":"#, #""employees":+"#),
            (#""employees":"#, #""employees":01,"x":"#),
        ]
        for (old, new) in edits {
            let text = line.replacingOccurrences(of: old, with: new)
            #expect(text != line)
            Self.expectSame(text, tookFastPath: false)
        }
        let truncated = String(line.prefix(line.utf8.count / 2))
        Self.expectSame(truncated, tookFastPath: false)
        Self.expectSame(line + "\u{0}", tookFastPath: false)
        Self.expectSame(String(repeating: "[", count: 70) + String(repeating: "]", count: 70), tookFastPath: false)
    }

    /// The messages users see for declined JSON are libyaml's, located as before.
    @Test func declinedInputsReportAsBefore() {
        let cases: [(String, String)] = [
            (#"{"gaizao_answers":1,"gaizao_answers":1}"#, "stdin:1:21: error: duplicate key `gaizao_answers` (first at column 2)"),
            (#"{"industry":"auto-parts","date":"\ud83d"}"#, "stdin:1:36: error: YAML syntax: while parsing a quoted scalar found invalid Unicode character escape code"),
            (#"{"industry":"x""#, "stdin:2:1: error: YAML syntax: while parsing a flow mapping did not find expected ',' or '}'"),
            (String(repeating: "[", count: 65) + String(repeating: "]", count: 65), "stdin:1:65: error: nesting deeper than 64 levels"),
            ("{\"a\":\"x\u{0}\"}", "stdin:1:8: error: file holds a NUL byte: not a text file"),
        ]
        for (text, expected) in cases {
            let outcome = Self.expectSame(text, tookFastPath: false)
            #expect(outcome.sheet == nil)
            #expect(outcome.diagnostics.first == expected)
        }
    }

    /// Brackets inside strings with escaped quotes fool `YAMLDocument`'s bracket pre-scan; it runs before the fast
    /// path, so both paths still agree.
    @Test func bracketPrescanStillDecidesDepth() {
        let inner = String(repeating: "{", count: 70)
        for text in [#"{"a":"\"\#(inner)"}"#, #"{"a":"\"","b":"\#(inner)"}"#, #"{"a":"'\#(inner)'"}"#, "{\"a\":\"#" + inner + "\"}"] {
            let fast = { var bag = DiagnosticBag(); let n = YAMLDocument.parse(SourceFile(path: "p", text: text), into: &bag); return (n.map(NodeDump.of), bag.all) }()
            let slow = { var bag = DiagnosticBag(); let n = YAMLDocument.parse(SourceFile(path: "p", text: text), jsonFastPath: false, into: &bag); return (n.map(NodeDump.of), bag.all) }()
            #expect(fast.0 == slow.0)
            #expect(fast.1 == slow.1)
        }
    }

    @Test func shippedExamplesAsJSON() throws {
        #expect(!Shipped.exampleNames.isEmpty)
        for name in Shipped.exampleNames {
            let fromYAML = Shipped.example(name)
            for text in [fromYAML.jsonLine(), Self.pretty(fromYAML.jsonLine())] {
                let outcome = Self.expectSame(text, tookFastPath: true)
                #expect(try #require(outcome.sheet).answers == fromYAML.answers)
            }
        }
        let dir = Shipped.root.appendingPathComponent("examples").path
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []) where name.hasSuffix(".json") {
            let text = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            Self.expectSame(text, tookFastPath: true)
        }
    }

    /// What libyaml does that makes the fast path decline: if Yams ever changes here, these fail and say so.
    @Test func libyamlBehaviourTheFastPathRelies() throws {
        func scalar(_ text: String) throws -> String? { try Yams.compose(yaml: text, .basic)?["a"]?.string }
        #expect(try scalar(#"{"a":"\ufeffx"}"#) == "x")  // a leading U+FEFF is dropped
        #expect(throws: YamlError.self) { try Yams.compose(yaml: #"{"a":"\ud83d\ude00"}"#, .basic) }
        #expect(try scalar("{\"a\":\"x\u{2028} y\"}") == "x\u{2028}y")  // folded as a line break
        #expect(try scalar(#"{"a":1,}"#) == "1")  // trailing comma accepted
        #expect(try scalar("{\"a\":\"tab\there\"}") == "tab\there")  // raw tab accepted
    }
}
