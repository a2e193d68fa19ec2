import Foundation
@testable import GaizaoCore
import Testing

/// Seeded, bounded fuzzing of the catalog loader, the answers decoder and the engine: every mutated input
/// must give either a located error or a valid result, without crashing or hanging.
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
            let start = Date()
            let result = CatalogLoader.load(files)
            let elapsed = Date().timeIntervalSince(start)
            #expect(elapsed < 10, "case \(n) (\(kind) in \(key)) took \(elapsed) s")
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
            let start = Date()
            let result = AnswerDecoder.decode(SourceFile(path: file.path, text: text), catalog: Shipped.catalog)
            if let sheet = result.sheet {
                let json = try engine.run(sheet).proposal.jsonText()
                #expect(json.hasPrefix("{"))
            } else {
                #expect(result.diagnostics.errors.contains { $0.location != nil }, "case \(n) (\(kind)): \(result.diagnostics.errors.prefix(2))")
            }
            #expect(Date().timeIntervalSince(start) < 5, "case \(n) (\(kind)) was slow")
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
            let start = Date()
            let decoded = AnswerDecoder.decode(file, catalog: catalog, limits: .standard, partial: false)
            if decoded.sheet == nil {
                #expect(decoded.diagnostics.errors.contains { $0.location != nil }, "case \(n) (\(kind)): \(decoded.diagnostics.errors.prefix(2))")
            }
            #expect(Date().timeIntervalSince(start) < 5, "case \(n) (\(kind)) was slow")
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
        let start = Date()
        #expect(YAMLDocument.parse(SourceFile(path: "bomb.yaml", text: bomb), into: &bag) == nil)
        #expect(bag.errors.first?.description.hasPrefix("bomb.yaml:1:1: error: document too large once aliases are expanded") == true)
        bag = DiagnosticBag()
        let deep = "x: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(YAMLDocument.parse(SourceFile(path: "deep.yaml", text: deep), into: &bag) == nil)
        #expect(bag.errors.first?.description == "deep.yaml:1:68: error: nesting deeper than 64 levels")
        bag = DiagnosticBag()
        let indented = (0..<200).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n") + "x"
        _ = YAMLDocument.parse(SourceFile(path: "blockdeep.yaml", text: indented), into: &bag)
        #expect(Date().timeIntervalSince(start) < 5)
    }
}
