import Foundation
@testable import GaizaoCore
import Testing

/// `JSONAnswerReader` (JSON straight into a sheet) gives the same sheet and the same diagnostics as the `Node` tree
/// path and as libyaml, on the shipped examples, on synthetic sheets, and on JSON-aware mutations of them that it
/// sometimes takes and sometimes leaves to the general path.
@Suite struct JSONAnswerReaderTests {
    struct Outcome: Equatable, CustomStringConvertible {
        var sheet: AnswerSheet?
        var diagnostics: [Diagnostic]
        var description: String { "sheet: \(sheet.map { "\($0.answers.count) answers" } ?? "none"); \(diagnostics.map(\.description))" }
    }

    static func decode(_ text: String, _ path: AnswerDecoder.JSONPath, partial: Bool = false, limits: YAMLLimits = .standard) -> Outcome {
        let r = AnswerDecoder.decode(SourceFile(path: "stdin", text: text), catalog: Shipped.catalog, limits: limits, partial: partial, jsonPath: path)
        return Outcome(sheet: r.sheet, diagnostics: r.diagnostics.all)
    }

    static func reads(_ text: String, limits: YAMLLimits = .standard) -> Bool {
        JSONAnswerReader.read(SourceFile(path: "stdin", text: text), catalog: Shipped.catalog, limits: limits) != nil
    }

    /// The typed path agrees with the tree path (and, when `yaml`, with libyaml); returns whether it read the text.
    @discardableResult
    static func expectSame(_ text: String, partial: Bool = false, yaml: Bool = true, limits: YAMLLimits = .standard,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let typed = decode(text, .typed, partial: partial, limits: limits)
        let nodes = decode(text, .nodes, partial: partial, limits: limits)
        #expect(typed == nodes, "\(text.prefix(300).debugDescription)", sourceLocation: sourceLocation)
        if yaml {
            #expect(typed == decode(text, .yaml, partial: partial, limits: limits), "\(text.prefix(300).debugDescription)", sourceLocation: sourceLocation)
        }
        return reads(text, limits: limits)
    }

    @Test func shippedExamplesAndSyntheticSheetsAreReadAlike() {
        for name in Shipped.exampleNames {
            let line = Shipped.example(name).jsonLine()
            for text in [line, JSONFastPathDecodeTests.pretty(line), JSONFastPathDecodeTests.pretty(line, lineBreak: "\r\n")] {
                #expect(Self.expectSame(text), "\(name) not read by the typed path")
                Self.expectSame(text, partial: true)
            }
        }
        for sheet in JSONFastPathDecodeTests.syntheticSheets {
            #expect(Self.expectSame(sheet.jsonLine(), yaml: false))
        }
    }

    /// Valid JSON rebuilt from synthetic sheets with up to two changes each: other values of every JSON type,
    /// answers dropped, repeated or unknown, root keys reordered or repeated, spacing and line breaks.
    @Test func mutatedSheetsAreReadAlike() {
        var rng = SeededRandom(seed: 2026_07)
        var read = 0, declined = 0
        let sheets = JSONFastPathDecodeTests.syntheticSheets
        for n in 0..<1500 {
            let sheet = sheets[n % sheets.count]
            var mutator = SheetMutator(sheet: sheet, questionnaire: Shipped.catalog.questionnaire(for: Shipped.catalog.industry(sheet.industry)!))
            for _ in 0..<Int.random(in: 0...2, using: &rng) { mutator.mutate(using: &rng) }
            let text = mutator.text(using: &rng)
            if Self.expectSame(text, partial: n % 7 == 0, yaml: n % 10 == 0) { read += 1 } else { declined += 1 }
        }
        // Both outcomes must be exercised in earnest for the comparison to mean something.
        #expect(read > 250 && declined > 250, "read \(read), declined \(declined)")
    }

    @Test func unusualButAcceptedForms() {
        let line = JSONFastPathDecodeTests.syntheticSheets.first { $0.industry == "auto-parts" }!.jsonLine()
        let edits: [(String, String)] = [
            (#""gaizao_answers":1"#, #""gaizao_answers":1.0"#),
            (#""gaizao_answers":1"#, #""gaizao_answers":10e-1"#),
            (#"{"gaizao_answers":1,"#, "{"),
            (#""date":"2026-11-20","#, ""),
            (#""date":"2026-11-20","#, #""date":"2026-+1-+5","#),
            (#""answers":{"#, #""answers":{"plans_ai_model":"是","#),
            (#""answers":{"#, #""answers":{"network":[],"#),
            (#""answers":{"#, #""answers":{"network":["office","office"],"#),
            (#""answers":{"#, #""answers":{"employees":1.2e2,"#),
            (#""answers":{"#, #""answers":{"employees":null,"#),
            (#""company_name":"#, #""company_name":"  \u00e9\t","x":"#),
            (#""company_name":"#, #""company_name":"a\"{[b","x":"#),
        ]
        for (old, new) in edits {
            var text = line
            if let range = text.range(of: old) { text.replaceSubrange(range, with: new) }
            #expect(text != line)
            Self.expectSame(text)
            Self.expectSame(JSONFastPathDecodeTests.pretty(text), partial: true)
        }
        #expect(Self.reads(line.replacingOccurrences(of: #""gaizao_answers":1"#, with: #""gaizao_answers":1.0"#)))
        #expect(Self.reads(#"{"industry":"auto-parts","answers":null}"#))
        Self.expectSame(#"{"industry":"auto-parts","answers":null}"#)
        Self.expectSame(#"{"industry":"auto-parts","answers":null}"#, partial: true)
        Self.expectSame(#"{"industry":"auto-parts","answers":{}}"#, partial: true)
    }

    /// An escaped quote makes `YAMLDocument`'s bracket pre-scan see brackets inside a string: its verdict stands.
    @Test func escapedQuotesLeaveDepthToThePrescan() {
        let line = JSONFastPathDecodeTests.syntheticSheets.first { $0.industry == "auto-parts" }!.jsonLine()
        let deep = String(repeating: "{", count: 70)
        let text = line.replacingOccurrences(of: #""company_name":"#, with: #""company_name":"\"\#(deep)","x":"#)
        #expect(!Self.reads(text))
        Self.expectSame(text)
        let shallow = line.replacingOccurrences(of: #""company_name":"#, with: #""company_name":"\"{{","x":"#)
        Self.expectSame(shallow)
    }

    @Test func limitsAreThoseOfTheGeneralPath() {
        let line = JSONFastPathDecodeTests.syntheticSheets[0].jsonLine()
        let nodes = 1 + 2 * 4 + JSONFastPathDecodeTests.syntheticSheets[0].answers.values.reduce(0) {
            if case let .options(o) = $1 { return $0 + 2 + o.count }
            return $0 + 2
        }
        for (bytes, depth, expanded) in [(line.utf8.count, 64, nodes), (line.utf8.count - 1, 64, nodes), (line.utf8.count, 3, nodes),
                                         (line.utf8.count, 2, nodes), (line.utf8.count, 64, nodes - 1)] {
            var limits = YAMLLimits()
            limits.maxBytes = bytes
            limits.maxDepth = depth
            limits.maxExpandedNodes = expanded
            let read = Self.expectSame(line, limits: limits)
            #expect(read == (bytes == line.utf8.count && depth >= 3 && expanded == nodes), "\(bytes) \(depth) \(expanded)")
        }
    }

    /// `isISODate` reads `YYYY-MM-DD` without splitting; every text gets the verdict of the splitting reading,
    /// and the day must be one of the Gregorian calendar's (issue 13: `2026-02-30` was accepted).
    @Test func datesAreJudgedAsBefore() {
        let gregorian = Calendar(identifier: .gregorian)
        func splitting(_ s: String) -> Bool {
            let parts = s.split(separator: "-")
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
            return y >= 1900 && y <= 2200 && (1...12).contains(m) && (1...31).contains(d)
                && DateComponents(calendar: gregorian, year: y, month: m, day: d).isValidDate
        }
        for date in ["2026-02-30", "2026-02-29", "2100-02-29", "2026-04-31"] { #expect(!AnswerDecoder.isISODate(date), "\(date)") }
        for date in ["2024-02-29", "2000-02-29", "2026-04-30"] { #expect(AnswerDecoder.isISODate(date), "\(date)") }
        var texts = ["2026-11-20", "1900-01-01", "2200-12-31", "1899-12-31", "2201-01-01", "2026-00-10", "2026-13-10", "2026-01-00",
                     "2026-01-32", "2026-+1-+5", "2026--11-20", "-2026-11-20", "2026-11-20-", "2026/11/20", "2026-1-20", "20261120",
                     "２０２６-11-20", "2026-11-2\u{0301}", "2026-11-2a", "2026-11-20 ", " 2026-11-20", "2026-1a-20", "", "----------"]
        var rng = SeededRandom(seed: 5)
        let alphabet = Array("0123456789-+ a")
        for _ in 0..<5000 { texts.append(String((0..<10).map { _ in alphabet.randomElement(using: &rng)! })) }
        for _ in 0..<5000 {
            let (y, m, d) = (Int.random(in: 1850...2250, using: &rng), Int.random(in: 0...14, using: &rng), Int.random(in: 0...33, using: &rng))
            texts.append("\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)")
        }
        for text in texts { #expect(AnswerDecoder.isISODate(text) == splitting(text), "\(text.debugDescription)") }
    }

    /// The division that reads short decimals gives `Double(String)`'s value, bit for bit.
    @Test func shortDecimalsMatchDoubleParsing() {
        var rng = SeededRandom(seed: 99)
        for n in 0..<20_000 {
            let intDigits = Int.random(in: 1...9, using: &rng), fracDigits = Int.random(in: 0...8, using: &rng)
            var token = (n % 3 == 0 ? "-" : "") + String(Int.random(in: 1...9, using: &rng))
            for _ in 1..<intDigits { token += String(Int.random(in: 0...9, using: &rng)) }
            if n % 11 == 0 { token = n % 2 == 0 ? "0" : "-0" }
            if fracDigits > 0 { token += "." + (0..<fracDigits).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined() }
            let text = #"{"industry":"auto-parts","answers":{"annual_revenue":\#(token)}}"#
            let r = AnswerDecoder.decode(SourceFile(path: "stdin", text: text), catalog: Shipped.catalog, partial: true)
            guard case let .number(x)? = r.sheet?.answers["annual_revenue"] else { continue }  // out of range: not read
            #expect(x.bitPattern == Double(token)!.bitPattern, "\(token)")
        }
    }
}

/// Changes a synthetic sheet as JSON text: values replaced by others of every JSON type, answers dropped, repeated or
/// unknown, root keys moved or repeated; then writes it compact or spaced, with LF, CR LF or tabs.
struct SheetMutator {
    var root: [(key: String, json: String)]
    var answers: [(key: String, json: String)]
    let questionnaire: Questionnaire

    init(sheet: AnswerSheet, questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        root = [("gaizao_answers", "1"), ("industry", SheetMutator.quoted(sheet.industry)), ("date", SheetMutator.quoted(sheet.date ?? ""))]
        answers = sheet.answers.keys.sorted().map { key in
            let one = AnswerSheet(industry: "x", answers: [key: sheet.answers[key]!]).jsonLine()
            let start = one.range(of: #""answers":{"#)!.upperBound
            let entry = one[start..<one.index(one.endIndex, offsetBy: -2)]
            return (key, String(entry[entry.index(after: entry.firstIndex(of: ":")!)...]))
        }
    }

    /// Ids and dates hold no quote or backslash: quoting needs no escaping.
    static func quoted(_ s: String) -> String { "\"\(s)\"" }

    static let values = ["0", "-0", "1", "-7", "0.5", "3.25", "1e2", "1E-2", "2.5e+1", "12345678901234567", "0.30000000000000004",
                         "99999999", "true", "false", "null", #""""#, #""   ""#, #""yes""#, #"" 否 ""#, #""Y""#, #""maybe""#, #""1""#,
                         #""a\nb""#, #""\u4e2d\u6587""#, #""\"quoted\"""#, #""e\u0301""#, "[]", "{}", #"["x"]"#, "[1]", "[null]",
                         #"{"a":1}"#, #""\u0063ompany""#, String(repeating: "长", count: 300).debugDescription]

    mutating func mutate(using rng: inout SeededRandom) {
        let i = Int.random(in: 0..<max(answers.count, 1), using: &rng)
        guard i < answers.count else { return }
        guard let q = questionnaire[answers[i].key] else {  // an unknown key added before
            answers[i].json = Self.values.randomElement(using: &rng)!
            return
        }
        let optionIDs = q.options.map(\.id)
        switch Int.random(in: 0..<12, using: &rng) {
        case 0, 1: answers[i].json = Self.values.randomElement(using: &rng)!
        case 2 where !optionIDs.isEmpty:
            answers[i].json = SheetMutator.quoted(optionIDs.randomElement(using: &rng)!)
        case 3 where !optionIDs.isEmpty:
            let some = optionIDs.shuffled(using: &rng).prefix(Int.random(in: 0...3, using: &rng))
            answers[i].json = "[" + (some + some.prefix(1)).map(SheetMutator.quoted).joined(separator: ",") + "]"
        case 4: answers.remove(at: i)
        case 5: answers.insert(answers[i], at: Int.random(in: 0...answers.count, using: &rng))
        case 6:
            // Any question of the industry, asked or not: skip logic and missing answers come into play.
            let other = questionnaire.ordered.randomElement(using: &rng)!
            answers.append((other.id, other.options.first.map { SheetMutator.quoted($0.id) } ?? "1"))
        case 7: answers.insert(([#"zz_unknown"#, "名称", "employee", #"employe\u0065s"#].randomElement(using: &rng)!, "1"), at: 0)
        case 8: root.shuffle(using: &rng)
        case 9: root.remove(at: Int.random(in: 0..<root.count, using: &rng))
        case 10: root.append([("date", #""2026-02-30""#), ("industry", #""auto-parts""#), ("note", #""x""#), ("date", "20261120")].randomElement(using: &rng)!)
        default: answers[i].json = q.kind == .text ? "12" : #""\#(q.id)""#
        }
    }

    func text(using rng: inout SeededRandom) -> String {
        let style = Int.random(in: 0..<4, using: &rng)
        let (open, comma, colon) = [("", ",", ":"), ("\n  ", ",\n  ", ": "), ("\r\n\t", " ,\r\n\t", " :\t"), (" ", " , ", " : ")][style]
        let entries = answers.map { "\(SheetMutator.quoted($0.key))\(colon)\($0.json)" }.joined(separator: comma)
        var members = root.map { "\"\($0.key)\"\(colon)\($0.json)" }
        members.insert("\"answers\"\(colon){\(open)\(entries)}", at: Int.random(in: 0...members.count, using: &rng))
        return "{" + open + members.joined(separator: comma) + (style == 1 ? "\n}\n" : "}")
    }
}
