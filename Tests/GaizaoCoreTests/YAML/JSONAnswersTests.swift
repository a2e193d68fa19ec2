import Foundation
@testable import GaizaoCore
import Testing

/// JSON answers (answers files, JSON Lines on standard input) go through the one answers reader, libyaml
/// included, as YAML does: the same sheet as the YAML they were written from, and located messages.
@Suite struct JSONAnswersTests {
    struct Outcome: CustomStringConvertible {
        var sheet: AnswerSheet?
        var diagnostics: [String]
        var description: String { "sheet: \(sheet.map { "\($0.answers.count) answers" } ?? "none"); \(diagnostics)" }
    }

    static func decode(_ text: String, path: String = "stdin", partial: Bool = false) -> Outcome {
        let r = AnswerDecoder.decode(SourceFile(path: path, text: text), catalog: Shipped.catalog, limits: .standard, partial: partial)
        return Outcome(sheet: r.sheet, diagnostics: r.diagnostics.all.map(\.description))
    }

    /// Problems in an answers file are located at the line and column its editor shows: an ESC in a comment (it
    /// was 1:1), and after a NEL, which libyaml counts as a line break and editors do not (it was a line lower,
    /// past the end of the file for the last line).
    @Test func problemsAreLocatedAsAnEditorShowsThem() {
        #expect(Self.decode("gaizao_answers: 1\n# note \u{1B}[31m\nindustry: auto-parts\n", path: "esc.yaml", partial: true).diagnostics
            == ["esc.yaml:2:8: error: the control character U+001B (ESC) is not allowed in a YAML file: remove it"])
        #expect(Self.decode("gaizao_answers: 1\r\nindustry: auto-parts\r\n\u{9B}\r\n", path: "c1.yaml", partial: true).diagnostics
            == ["c1.yaml:3:1: error: the control character U+009B (CSI) is not allowed in a YAML file: remove it"])
        let nel = "gaizao_answers: 1\nindustry: auto-parts\nanswers:\n  company_name: \"a\u{85}b\u{2028}c\"\n  employees: many\n"
        #expect(Self.decode(nel, path: "nel.yaml", partial: true).diagnostics
            == ["nel.yaml:5:14: error: answer to `employees` must be a number (人), found `many`"])
        // A syntax error after one: at a line the file has, and the NEL named where it is.
        let broken = Self.decode("gaizao_answers: 1\nindustry: auto-parts\nanswers:\n  company_name: a\u{85}b\n", path: "nel.yaml").diagnostics
        #expect(broken == [
            "nel.yaml:5:1: error: YAML syntax: while scanning a simple key could not find expected ':'",
            "nel.yaml:4:18: warning: U+0085 (NEL) here is a line break to YAML, though editors show none: replace it with a space or a real line break",
        ], "\(broken)")
    }

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

    static let syntheticSheets: [AnswerSheet] = {
        Shipped.catalog.industries.flatMap { industry in
            (0..<60).map { SyntheticAnswers.sheet(for: industry, catalog: Shipped.catalog, seed: UInt64($0)) }
        }
    }()

    /// `jsonLine()` reads back as the sheet it was written from, on one line or pretty-printed (LF or CRLF).
    @Test func syntheticSheetsReadBack() throws {
        for (i, sheet) in Self.syntheticSheets.enumerated() {
            let line = sheet.jsonLine()
            let text = i % 3 == 0 ? line : Self.pretty(line, lineBreak: i % 2 == 0 ? "\n" : "\r\n")
            let outcome = Self.decode(text)
            let decoded = try #require(outcome.sheet, "\(outcome)")
            #expect(decoded.answers == sheet.answers)
        }
    }

    /// Malformed JSON gets libyaml's messages, located.
    @Test func malformedJSONIsLocated() {
        let cases: [(String, String)] = [
            (#"{"gaizao_answers":1,"gaizao_answers":1}"#, "stdin:1:21: error: duplicate key `gaizao_answers` (first at column 2)"),
            (#"{"industry":"auto-parts","date":"\ud83d"}"#, "stdin:1:36: error: YAML syntax: while parsing a quoted scalar found invalid Unicode character escape code"),
            (#"{"industry":"x""#, "stdin:2:1: error: YAML syntax: while parsing a flow mapping did not find expected ',' or '}'"),
            (String(repeating: "[", count: 65) + String(repeating: "]", count: 65), "stdin:1:65: error: nesting deeper than 64 levels"),
            ("{\"a\":\"x\u{0}\"}", "stdin:1:8: error: file holds a NUL byte: not a text file"),
        ]
        for (text, expected) in cases {
            let outcome = Self.decode(text)
            #expect(outcome.sheet == nil)
            #expect(outcome.diagnostics.first == expected)
        }
    }

    /// A tag the reader does not honour is an error wherever it is, also when the text's only other `!` is in an
    /// answer (tags are looked for only in texts that have a `!`); a `!` in an answer alone is just text.
    @Test func tagsAreRefusedAndAnExclamationMarkInATextIsNot() throws {
        let yaml = "gaizao_answers: 1\nindustry: auto-parts\ndate: !!str 2026-12-01\nanswers:\n  company_name: \"好!\"\n"
        // `!!str` only restates what the reader does: accepted.
        #expect(Self.decode(yaml, partial: true).diagnostics.allSatisfy { !$0.contains("not supported") }, "\(Self.decode(yaml, partial: true))")
        let binary = "gaizao_answers: 1\nindustry: auto-parts\nanswers:\n  company_name: \"好!\"\n  town: !!binary aGVsbG8=\n"
        #expect(Self.decode(binary).diagnostics.first == "stdin:5:9: error: the YAML tag `!!binary` is not supported: write the value without a tag",
                "\(Self.decode(binary))")
        let exclaimed = "gaizao_answers: 1\nindustry: auto-parts\nanswers:\n  company_name: \"好!\"\n"
        #expect(Self.decode(exclaimed, partial: true).diagnostics.allSatisfy { !$0.contains("tag") }, "\(Self.decode(exclaimed, partial: true))")
        #expect(Self.decode(exclaimed, partial: true).sheet?.answers["company_name"] == .text("好!"))
    }

    @Test func shippedExamplesAsJSON() throws {
        #expect(!Shipped.exampleNames.isEmpty)
        for name in Shipped.exampleNames {
            let fromYAML = Shipped.example(name)
            for text in [fromYAML.jsonLine(), Self.pretty(fromYAML.jsonLine())] {
                let outcome = Self.decode(text)
                #expect(try #require(outcome.sheet, "\(outcome)").answers == fromYAML.answers)
            }
        }
    }
}
