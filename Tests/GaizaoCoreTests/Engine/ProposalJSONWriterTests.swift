@testable import GaizaoCore
import Testing

/// The hand-written proposal writer (`Proposal.jsonText()`) must give exactly the bytes of the Codable path
/// (`JSONStreamEncoder`). A field added to a Codable type but forgotten in Proposal+JSONWriting.swift fails here.
@Suite struct ProposalJSONWriterTests {
    /// Seeded enterprise `i` of the sample: industries alternate, a third have no budget, odd ones take each of
    /// their industry's contractor overlays in turn.
    static func proposal(_ i: Int) throws -> Proposal {
        let catalog = Shipped.catalog
        let industry = catalog.industries[i % catalog.industries.count]
        let seed = UInt64(5_000 + i)
        var rng = SeededRandom(seed: seed &* 104_729)
        let budget: Int? = i % 3 == 0 ? nil : Int.random(in: 20...400, using: &rng) * 10_000
        let overlays = catalog.overlays.filter { $0.industry == industry.id }
        let contractor = i % 2 == 0 || overlays.isEmpty ? nil : overlays[(i / 2) % overlays.count].id
        let sheet = SyntheticAnswers.sheet(for: industry, catalog: catalog, seed: seed)
        let engine = Engine(catalog: catalog)
        // A budget below the must-haves is refused: such an enterprise is written without one.
        if let p = try? engine.run(sheet, budgetYuan: budget, contractor: contractor).proposal { return p }
        return try engine.run(sheet, contractor: contractor).proposal
    }

    /// Records where the writer first departs from the Codable path; returns whether they agree.
    @discardableResult
    static func expectSameBytes(_ p: Proposal, _ label: String) throws -> Bool {
        let expected = try JSONStreamEncoder.encode(p).split(separator: "\n", omittingEmptySubsequences: false)
        let actual = p.jsonText().split(separator: "\n", omittingEmptySubsequences: false)
        guard actual != expected else { return true }
        let line = (0..<min(expected.count, actual.count)).first { expected[$0] != actual[$0] } ?? min(expected.count, actual.count)
        let codable = line < expected.count ? String(expected[line]) : "<end>"
        let writer = line < actual.count ? String(actual[line]) : "<end>"
        Issue.record("\(label), line \(line + 1):\n  Codable: \(codable)\n  writer:  \(writer)")
        return false
    }

    @Test func writerMatchesCodableForSyntheticProposals() throws {
        let proposals = try (0..<200).map(Self.proposal)
        // The sample must reach the optional parts, or the comparison proves little about them.
        #expect(proposals.contains { $0.contractor.overlay != nil } && proposals.contains { $0.contractor.overlay == nil })
        #expect(proposals.contains { $0.budgetYuan != nil } && proposals.contains { $0.budgetYuan == nil })
        #expect(proposals.contains { p in p.answers.contains { if case .list = $0.value { true } else { false } } })
        // The first difference says enough; stop there rather than repeat it for every proposal.
        for (i, p) in proposals.enumerated() where try !Self.expectSameBytes(p, "proposal \(i)") { break }
    }

    /// Every optional left out, and every optional present, whatever the engine happens to produce.
    @Test func writerMatchesCodableWithOptionalsAbsentAndPresent() throws {
        let base = try Self.proposal(1)
        var bare = base
        bare.date = nil
        bare.budgetYuan = nil
        bare.sceneGroups = nil
        bare.catalog.maturityModelName = nil
        bare.enterprise = .init(name: "甲", creditCode: nil, town: nil, employees: nil, annualRevenueYuan: nil,
                                industry: "x", industryName: .empty, sizeBand: "s", sizeBandName: .empty)
        bare.contractor = .init(overlay: nil, name: nil, example: false)
        for d in [\Proposal.diagnosis, \Proposal.after] {
            for i in bare[keyPath: d].indicators.indices { bare[keyPath: d].indicators[i].group = nil; bare[keyPath: d].indicators[i].answer = nil }
            for i in bare[keyPath: d].scenes.indices { bare[keyPath: d].scenes[i].description = nil }
        }
        for i in bare.modules.indices {
            bare.modules[i].phase = nil; bare.modules[i].startWeek = nil; bare.modules[i].endWeek = nil
            for j in bare.modules[i].reasons.indices { bare.modules[i].reasons[j].rule = nil; bare.modules[i].reasons[j].weight = nil }
        }
        for i in bare.subsidies.indices { bare.subsidies[i].capYuan = nil }
        for i in bare.outcomes.indices {
            bare.outcomes[i].baseline = nil; bare.outcomes[i].baselineDisplay = nil
            bare.outcomes[i].expectedLow = nil; bare.outcomes[i].expectedHigh = nil
        }
        for i in bare.risks.indices { bare.risks[i].rule = nil }
        try Self.expectSameBytes(bare, "optionals absent")

        var full = base
        full.date = "2026-01-02"
        full.budgetYuan = 1_234_567
        full.sceneGroups = []
        full.catalog.maturityModelName = Localized(zh: "评估", en: "Evaluation")
        full.enterprise.creditCode = "91330282"; full.enterprise.town = "周巷"
        full.enterprise.employees = 0; full.enterprise.annualRevenueYuan = -5
        full.contractor = .init(overlay: "o", name: Localized(zh: "乙", en: "B"), example: true)
        for i in full.outcomes.indices {
            full.outcomes[i].baseline = "1"; full.outcomes[i].baselineDisplay = .empty
            full.outcomes[i].expectedLow = 0.1 + 0.2; full.outcomes[i].expectedHigh = 1e21
        }
        for i in full.modules.indices {
            full.modules[i].phase = 1; full.modules[i].startWeek = 0; full.modules[i].endWeek = Int.max
            for j in full.modules[i].reasons.indices { full.modules[i].reasons[j].rule = "r"; full.modules[i].reasons[j].weight = -0.0 }
        }
        for i in full.risks.indices { full.risks[i].rule = "" }
        try Self.expectSameBytes(full, "optionals present")
    }

    /// Texts and numbers the engine rarely produces: escapes at every offset of the eight-byte scan, CJK,
    /// empty strings and lists, and doubles at the edges of the integer shortcut.
    @Test func writerMatchesCodableForOddTextsAndNumbers() throws {
        var p = try Self.proposal(2)
        let texts = ["", "\"", "\\", "a\u{1}", "\n\r\t", "1234567\"", "12345678\\", "一二三\u{1F}四", "emoji 🏭 \u{7F}", "/</script>"]
        let numbers: [Double] = [0, -0.0, 0.5, -1.25, 1e-7, 123456.789, 999_999_999_999_999, 1e15, -1e15, 1e300,
                                 .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        p.assumptions = texts.map { Localized(zh: $0, en: String($0.reversed())) }
        p.answers = (texts.map(AnswerJSON.string) + numbers.map(AnswerJSON.number) + [.bool(true), .bool(false), .list([]), .list(texts)])
            .enumerated().map { i, v in Proposal.AnswerRecord(question: texts[i % texts.count], label: .empty, value: v, display: .empty) }
        p.kpis = numbers.map { Proposal.KPIEntry(module: "m", metric: "k", name: .empty, unit: .empty, low: $0, high: -$0, source: "") }
        p.phases = [Proposal.PhaseEntry(index: Int.min, modules: [], startWeek: -1, endWeek: 10)]
        try Self.expectSameBytes(p, "odd texts and numbers")
    }

    /// One buffer reused for proposal after proposal (as a batch worker does) gives each one's `jsonText()` bytes:
    /// nothing of the previous proposal is left over, whether the next is longer or shorter.
    @Test func reusedBufferGivesTheBytesOfJSONText() throws {
        var proposals = try (0..<6).map(Self.proposal)
        var small = proposals[0]
        small.modules = []; small.answers = []; small.kpis = []
        proposals.insert(small, at: 3)
        var buffer = ProposalJSONBuffer()
        for (i, p) in proposals.enumerated() {
            let bytes = buffer.write(p) { Array($0) }, expected = Array(p.jsonText().utf8)
            // A Bool, not the arrays: a failure names the first differing byte instead of printing 200 KB.
            let differsAt = bytes == expected ? nil : zip(bytes, expected).enumerated().first { $1.0 != $1.1 }?.offset ?? min(bytes.count, expected.count)
            #expect(differsAt == nil, "proposal \(i): first difference at byte \(differsAt ?? 0)")
        }
    }

    /// Proposals fit the writer's initial buffer; this one starts tiny so that growing is exercised too.
    @Test func writerGrowsItsBuffer() throws {
        let texts = (0..<400).map { i in String(repeating: i % 7 == 0 ? "中\"" : "ab", count: i % 37) }
        var w = JSONWriter(capacity: 0)
        w.strings(texts)
        #expect(w.finish() == (try JSONStreamEncoder.encode(texts)))
    }

    @Test func escapingMatchesTheEncoderAtEveryOffset() {
        let specials = ["\"", "\\", "\u{0}", "\u{1F}", "\n", " ", "é", "中"]
        for length in 0..<20 {
            for position in 0..<max(length, 1) {
                for special in specials {
                    var chars = Array(repeating: "a", count: length)
                    if position < length { chars[position] = special }
                    let s = chars.joined()
                    var old: [UInt8] = []
                    JSONSink.escape(s, into: &old)
                    var new = JSONWriter(capacity: 0)
                    new.string(s)
                    #expect(new.finish() == String(decoding: old, as: UTF8.self) + "\n", "\(s.debugDescription)")
                }
            }
        }
    }
}
