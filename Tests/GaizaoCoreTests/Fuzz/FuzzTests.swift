import Foundation
@testable import GaizaoCore
import Testing

/// Seeded, bounded fuzzing of the catalog loader, the answers decoder, the engine, `compare`'s proposal reader and
/// the template checks: every mutated input must give either a located error or a valid result, without crashing
/// or hanging. Bounded by the number of cases, not by the clock (a loaded machine is slow, not wrong).
/// GAIZAO_FUZZ_ITERATIONS raises the number of cases (default keeps CI well under two minutes).
@Suite struct FuzzTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["GAIZAO_FUZZ_ITERATIONS"] ?? "") ?? 120

    static let catalogFiles: CatalogFiles = {
        let dir = Shipped.root.appendingPathComponent("catalogs").path
        var files: [String: SourceFile] = [:]
        let e = FileManager.default.enumerator(atPath: dir)!
        while let rel = e.nextObject() as? String {
            guard rel.hasSuffix(".yaml") else { continue }
            files[rel] = SourceFile(path: "catalogs/" + rel, text: try! String(contentsOfFile: dir + "/" + rel, encoding: .utf8))
        }
        return CatalogFiles(files: files)
    }()

    @Test func mutatedCatalogsGiveLocatedErrorsOrLoad() throws {
        var mutator = TextMutator(rng: SeededRandom(seed: 20261129))
        let keys = Self.catalogFiles.files.keys.sorted()
        let engine = Engine(catalog: Shipped.catalog)
        _ = engine
        for n in 0..<Self.iterations {
            var files = Self.catalogFiles
            let key = keys[n % keys.count]
            let (text, kind) = mutator.mutate(files.files[key]!.text)
            files.files[key]!.text = text
            let result = CatalogLoader.load(files)
            if let catalog = result.catalog {
                // A mutation the catalog survives must still give proposals.
                for name in Shipped.exampleNames.prefix(2) {
                    let decoded = AnswerDecoder.decode(Shipped.exampleFile(name), catalog: catalog)
                    if let sheet = decoded.sheet { _ = try? Engine(catalog: catalog).run(sheet).proposal.jsonText() }
                }
            } else {
                let errors = result.diagnostics.errors
                #expect(!errors.isEmpty, "case \(n) (\(kind) in \(key)): no catalog and no error")
                #expect(errors.contains { $0.location != nil }, "case \(n) (\(kind) in \(key)): errors without a location: \(errors.prefix(2))")
            }
        }
    }

    @Test func mutatedAnswersGiveLocatedErrorsOrProposals() throws {
        var mutator = TextMutator(rng: SeededRandom(seed: 42))
        let engine = Engine(catalog: Shipped.catalog)
        let names = Shipped.exampleNames
        for n in 0..<(Self.iterations * 5) {
            let file = Shipped.exampleFile(names[n % names.count])
            let (text, kind) = mutator.mutate(file.text)
            let result = AnswerDecoder.decode(SourceFile(path: file.path, text: text), catalog: Shipped.catalog)
            if let sheet = result.sheet {
                let json = try engine.run(sheet).proposal.jsonText()
                #expect(json.hasPrefix("{"))
            } else {
                #expect(result.diagnostics.errors.contains { $0.location != nil }, "case \(n) (\(kind)): \(result.diagnostics.errors.prefix(2))")
            }
        }
    }

    /// Mutated JSON answer lines (what `gaizao batch -` reads): the strict JSON fast path must agree with
    /// libyaml exactly — the same sheet, or the same located errors — whatever the damage.
    @Test func mutatedJSONLinesDecodeAlikeOnBothPaths() throws {
        var mutator = TextMutator(rng: SeededRandom(seed: 20_261_130))
        let catalog = Shipped.catalog
        for n in 0..<(Self.iterations * 3) {
            let industry = catalog.industries[n % catalog.industries.count]
            let line = SyntheticAnswers.sheet(for: industry, catalog: catalog, seed: UInt64(n + 1)).jsonLine()
            var text = line, kind = "unchanged"
            if n % 4 != 0 {
                let mutated = mutator.mutate(line)
                text = mutated.0
                kind = "\(mutated.1)"
            }
            let file = SourceFile(path: "stdin", text: text)
            let decoded = AnswerDecoder.decode(file, catalog: catalog, limits: .standard, partial: false)
            if decoded.sheet == nil {
                #expect(decoded.diagnostics.errors.contains { $0.location != nil }, "case \(n) (\(kind)): \(decoded.diagnostics.errors.prefix(2))")
            }
        }
    }

    /// Conditions from random token soup: parse or fail with an offset inside the text, never crash.
    @Test func randomConditionsParseOrFailInside() {
        var rng = SeededRandom(seed: 7)
        let tokens = ["employees", "and", "or", "not", "(", ")", "[", "]", ",", "==", "<", ">=", "+", "-", "*", "/", "3", "2.5",
                      "\"oem\"", "'x'", "contains", "in", "count(network)", "answered(", "true", "=", "!", "&&", "\"", "改造"]
        for _ in 0..<(Self.iterations * 20) {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in tokens.randomElement(using: &rng)! }.joined(separator: " ")
            do {
                let expr = try ConditionParser.parse(text)
                _ = ConditionTypeChecker.check(expr, questions: { Shipped.catalog.questionnaire(for: Shipped.catalog.industries[0])[$0] })
            } catch {
                #expect(error.offset >= 0 && error.offset <= text.unicodeScalars.count, "offset \(error.offset) outside `\(text)`")
            }
        }
        // Deep nesting is refused, not a stack overflow.
        #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse(String(repeating: "(", count: 10_000) + "true" + String(repeating: ")", count: 10_000)) }
        #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse(String(repeating: "not ", count: 10_000) + "true") }
        #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse(String(repeating: "- ", count: 10_000) + "1 > 0") }
    }

    @Test func aliasBombAndDeepNestingAreRefusedQuickly() {
        var bag = DiagnosticBag()
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for k in 1...9 { bomb += "a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]\n" }
        #expect(YAMLDocument.parse(SourceFile(path: "bomb.yaml", text: bomb), into: &bag) == nil)
        #expect(bag.errors.first?.description.hasPrefix("bomb.yaml:1:1: error: document too large once aliases are expanded") == true)
        bag = DiagnosticBag()
        let deep = "x: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(YAMLDocument.parse(SourceFile(path: "deep.yaml", text: deep), into: &bag) == nil)
        #expect(bag.errors.first?.description == "deep.yaml:1:68: error: nesting deeper than 64 levels")
        bag = DiagnosticBag()
        let indented = (0..<200).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n") + "x"
        _ = YAMLDocument.parse(SourceFile(path: "blockdeep.yaml", text: indented), into: &bag)
    }

    static let proposalTexts: [String] = {
        let engine = Engine(catalog: Shipped.catalog)
        return Shipped.exampleNames.map { try! engine.run(Shipped.example($0)).proposal.jsonText() }
    }()

    static let compareRenderer: ComparisonRenderer = {
        let dir = Shipped.root.appendingPathComponent("templates").path
        var files: [String: SourceFile] = [:]
        let e = FileManager.default.enumerator(atPath: dir)!
        while let rel = e.nextObject() as? String {
            guard rel.hasSuffix(".mustache") else { continue }
            files[rel] = SourceFile(path: rel, text: try! String(contentsOfFile: dir + "/" + rel, encoding: .utf8))
        }
        return ComparisonRenderer.load(files, folder: "templates").renderer!
    }()

    /// Values that broke `compare` before issue 13: money at the ends of `Int`, points at the ends of `Double`,
    /// levels and counts far out of range, a tiny score gain under a huge net cost.
    static let extremeNumbers: [String] = ["\(Int.max)", "\(Int.min)", "-1", "0", "99", "77", "1e308", "-1e308", "1e-300", "0.0001",
                                           "4.5", "9999999999999", "10000000000001", "1e15", "1e19", "-1e19", "1e400"]

    /// Replaces a random number of the JSON `text` (outside strings) by an extreme value.
    static func forge(_ text: String, _ rng: inout SeededRandom) -> (String, String) {
        let bytes = Array(text.utf8)
        var numbers: [Range<Int>] = []
        var inString = false, escaped = false, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            if b == UInt8(ascii: "\"") { inString = true; i += 1; continue }
            if b == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) {
                let start = i
                while i < bytes.count, "0123456789.eE+-".utf8.contains(bytes[i]) { i += 1 }
                numbers.append(start..<i)
                continue
            }
            i += 1
        }
        guard let range = numbers.randomElement(using: &rng) else { return (text, "none") }
        let extreme = "\(extremeNumbers.randomElement(using: &rng)!)"
        let forged = Array(bytes[..<range.lowerBound]) + Array(extreme.utf8) + Array(bytes[range.upperBound...])
        return (String(decoding: forged, as: UTF8.self), "byte \(range.lowerBound): \(String(decoding: bytes[range], as: UTF8.self)) → \(extreme)")
    }

    /// Forged and damaged proposal files (they travel between contractors and reviewers): each is refused with
    /// a message naming the file, or read, compared and rendered — never a trap.
    @Test func forgedProposalsGiveReadErrorsOrComparisons() throws {
        var mutator = TextMutator(rng: SeededRandom(seed: 20_261_201))
        var rng = SeededRandom(seed: 13)
        let texts = Self.proposalTexts
        for n in 0..<(Self.iterations * 3) {
            let original = texts[n % texts.count]
            var text: String, kind: String
            if n % 2 == 0 {
                (text, kind) = Self.forge(original, &rng)
                if n % 4 == 0 {
                    let second = Self.forge(text, &rng)
                    text = second.0
                    kind += "; " + second.1
                }
            } else {
                let mutated = mutator.mutate(original)
                text = mutated.0
                kind = "\(mutated.1)"
            }
            let read: Proposal
            do {
                read = try ProposalReader.read(SourceFile(path: "forged.json", text: text))
            } catch {
                #expect(error.description.hasPrefix("forged.json: "), "case \(n) (\(kind)): \(error.description)")
                continue
            }
            let pristine = try ProposalReader.read(SourceFile(path: "a.json", text: original))
            for mode in [ProposalComparison.Mode.contractors, .beforeAfter] {
                guard let comparison = try? ProposalComparator.compare([("A", "a.json", pristine), ("B", "forged.json", read)],
                                                                       mode: mode, allowDifferent: true) else { continue }
                for markdown in [true, false] {
                    let rendered = try Self.compareRenderer.checkedText(comparison, lang: n % 3 == 0 ? .en : .zh, markdown: markdown)
                    #expect(!rendered.isEmpty, "case \(n) (\(kind))")
                }
            }
        }
    }

    /// Mutated templates: the checks report located errors or accept them, and what they accept compiles and
    /// renders within the render limits (one parser for both).
    @Test func mutatedTemplatesAreCheckedAndWhatPassesRenders() throws {
        var mutator = TextMutator(rng: SeededRandom(seed: 20_261_202))
        let files = Shipped.templateFiles
        let keys = files.keys.sorted()
        let proposal = try Engine(catalog: Shipped.catalog).run(Shipped.example(Shipped.exampleNames[0])).proposal
        let extras = ["{{=<% %>=}}<%> partials/blockers.md%>", "{{<parent}}{{/parent}}", "{{>*dyn}}", "{{#a}}{{#b}}", "{{$x}}{{/x}}",
                      "{{=| |=}}|#modules||#modules||#modules||name||/modules||/modules||/modules|"]
        for n in 0..<Self.iterations {
            var mutated = files
            let key = keys[n % keys.count]
            var text = mutated[key]!.text, kind = "none"
            if n % 3 == 0 {
                let extra = extras[(n / 3) % extras.count]
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let at = Int.random(in: 0...lines.count, using: &mutator.rng)
                text = (lines[..<at] + [Substring(extra)] + lines[at...]).joined(separator: "\n")
                kind = "inserted \(extra)"
            } else {
                let m = mutator.mutate(text)
                text = m.0
                kind = "\(m.1)"
            }
            mutated[key]!.text = text
            let loaded = ProposalRenderer.load(mutated, folder: "templates")
            if let renderer = loaded.renderer {
                do {
                    let both = try renderer.checkedDocuments(proposal, lang: .zh, markdown: true, html: true)
                    #expect(both.markdown != nil && both.html != nil)
                } catch let failure as TemplateRenderFailure {
                    #expect(failure.message.contains("renders more than"), "case \(n) (\(kind) in \(key))")
                }
            } else {
                let errors = loaded.diagnostics.filter { $0.severity == .error }
                #expect(!errors.isEmpty, "case \(n) (\(kind) in \(key)): no renderer and no error")
            }
        }
    }
}
