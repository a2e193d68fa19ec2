import Testing
@testable import GaizaoCore

/// The answers hash is recorded in every proposal: the engine's fast paths (slots in precomputed id order,
/// numbers written as digits in place) must give exactly the hash of the canonical text as first defined.
@Suite struct AnswersHashTests {
    /// The canonical text as first written: sorted ids, `formatNumber` strings, joined options.
    static func referenceHash(_ sheet: AnswerSheet) -> String {
        var text = "industry=\(sheet.industry)\ndate=\(sheet.date ?? "")\n"
        for key in sheet.answers.keys.sorted() {
            text += key + "="
            switch sheet.answers[key]! {
            case let .number(n): text += "n:" + formatNumber(n, maxFractionDigits: 6)
            case let .text(t): text += "t:" + t
            case let .option(o): text += "o:" + o
            case let .options(os): text += "m:" + os.joined(separator: ",")
            case let .bool(b): text += b ? "b:true" : "b:false"
            }
            text += "\n"
        }
        return SHA256Text.hex(Array(text.utf8))
    }

    @Test func numbersAreWrittenAsFormatNumberWritesThem() {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 0.0000005, 0.0000004999, -0.0000005, 0.000001, 0.1 + 0.2, 123.456789,
                                999_999_999.999_999_9, 1e9, -1e9, 1e9 - 0.5, 12_345_678.000_001, 1e12, 1e15, 1e300, -2.5e-7,
                                .nan, .infinity, -.infinity, .ulpOfOne, .leastNonzeroMagnitude, Double(Int64.max)]
        var rng = SeededRandom(seed: 3)
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -9...11, using: &rng)
            var v = (Double.random(in: 0.5..<5, using: &rng) * Self.pow10(magnitude))
            if Bool.random(using: &rng) { v = -v }
            if Int.random(in: 0..<4, using: &rng) == 0 { v = (v * 1e6).rounded() / 1e6 }
            if Int.random(in: 0..<8, using: &rng) == 0 { v = v.rounded() + 0.5e-6 }
            values.append(v)
        }
        for v in values {
            var text = CanonicalText()
            text.addNumber(v)
            #expect(String(decoding: text.bytes, as: UTF8.self) == formatNumber(v, maxFractionDigits: 6), "\(v)")
        }
    }

    static func pow10(_ e: Double) -> Double {
        var x = 1.0
        for _ in 0..<Int(abs(e)) { x *= 10 }
        return e < 0 ? 1 / x : x
    }

    @Test func engineHashesAsTheReference() throws {
        let catalog = Shipped.catalog
        let engine = Engine(catalog: catalog)
        for industry in catalog.industries {
            for seed in UInt64(1)...30 {
                var sheet = SyntheticAnswers.sheet(for: industry, catalog: catalog, seed: seed)
                if seed % 3 == 0 { sheet.answers["employees"] = .number(Double(seed) * 12.345_678_9) }
                if seed % 5 == 0 { sheet.answers["zz_not_a_question"] = .text("x") }  // an id with no slot
                if seed % 7 == 0 { sheet.answers["company_name"] = nil }
                let expected = Self.referenceHash(sheet)
                #expect(Engine.hash(sheet) == expected)
                #expect(try engine.run(sheet).proposal.answersHash == expected)
            }
        }
    }
}
