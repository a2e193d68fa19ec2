/// A small seeded generator (SplitMix64): the same seed gives the same numbers on every machine.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Seeded synthetic enterprises for property tests, the benchmark and fuzzing: every question answered
/// with a valid random value (skip logic applied), so each sheet passes validation.
public enum SyntheticAnswers {
    public static func sheet(for industry: Industry, catalog: Catalog, seed: UInt64) -> AnswerSheet {
        var rng = SeededRandom(seed: seed)
        let questionnaire = catalog.questionnaire(for: industry)
        var answers: [String: AnswerValue] = [:]
        for q in questionnaire.ordered {
            guard AnswerValidator.isAsked(q, given: answers) else { continue }
            if !q.required && Int.random(in: 0..<20, using: &rng) == 0 { continue }  // some left unanswered
            answers[q.id] = value(for: q, index: seed, using: &rng)
        }
        return AnswerSheet(industry: industry.id, date: "2026-11-20", answers: answers)
    }

    static func value(for q: Question, index: UInt64, using rng: inout SeededRandom) -> AnswerValue {
        switch q.kind {
        case .text:
            return .text(q.id == "company_name" ? "合成企业\(index)号" : "文本\(Int.random(in: 0..<1000, using: &rng))")
        case .single:
            return .option(q.options.randomElement(using: &rng)!.id)
        case .multi:
            let chosen = q.substantiveOptions.filter { _ in Bool.random(using: &rng) }.map(\.id)
            // An option that needs others (full network coverage needs the three networks) only with them.
            return .options(chosen.filter { id in q.option(id)?.requires.allSatisfy { chosen.contains($0.text) } ?? true })
        case .yesno:
            return .bool(Bool.random(using: &rng))
        case .level:
            return .number(Double(Int.random(in: 0...4, using: &rng)))
        case .number:
            let lo = q.min ?? 0
            // Skewed towards small values: real SMEs are small, and ranges such as revenue go up to 10^7.
            let hi = Swift.min(q.max ?? 1000, lo + (q.id == "employees" ? 900 : q.id == "annual_revenue" ? 60_000 : 1000))
            let u = Double.random(in: 0...1, using: &rng)
            var v = lo + (hi - lo) * u * u
            if q.integer { v = v.rounded(.down) } else { v = (v * 10).rounded() / 10 }
            return .number(Swift.max(lo, Swift.min(q.max ?? v, v)))
        }
    }
}
