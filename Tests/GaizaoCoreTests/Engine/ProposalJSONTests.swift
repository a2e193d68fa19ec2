import Foundation
@testable import GaizaoCore
import Testing

/// The proposal JSON comes from its `Codable` conformance through `PrettyJSONEncoder`: the same document as
/// Foundation's `JSONEncoder` (an independent reference) in schema order, and read back to the same proposal.
@Suite struct ProposalJSONTests {
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

    /// The document as Foundation objects, to compare documents rather than their layout.
    static func object(_ data: Data) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    @Test func sameDocumentAsJSONEncoderForSyntheticProposals() throws {
        let proposals = try (0..<120).map(Self.proposal)
        // The sample must reach the optional parts, or the comparison proves little about them.
        #expect(proposals.contains { $0.contractor.overlay != nil } && proposals.contains { $0.contractor.overlay == nil })
        #expect(proposals.contains { $0.budgetYuan != nil } && proposals.contains { $0.budgetYuan == nil })
        for (i, p) in proposals.enumerated() {
            let ours = try Self.object(Data(p.jsonBytes())), reference = try Self.object(JSONEncoder().encode(p))
            #expect(ours == reference, "proposal \(i)")
            if ours != reference { break }
            #expect(try Proposal.decode(json: p.jsonText()) == p, "proposal \(i) read back")
        }
    }

    /// Texts and numbers the engine rarely produces read back unchanged: escapes, CJK, empty strings and lists,
    /// doubles at the edges of the integer shortcut.
    @Test func oddTextsAndNumbersReadBack() throws {
        var p = try Self.proposal(2)
        let texts = ["", "\"", "\\", "a\u{1}", "\n\r\t", "1234567\"", "12345678\\", "一二三\u{1F}四", "emoji 🏭 \u{7F}", "/</script>"]
        let numbers: [Double] = [0, 0.5, -1.25, 1e-7, 123456.789, 999_999_999_999_999, 1e15, -1e15, 1e300,
                                 .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        p.assumptions = texts.map { Localized(zh: $0, en: String($0.reversed())) }
        p.answers = (texts.map(AnswerJSON.string) + numbers.map(AnswerJSON.number) + [.bool(true), .bool(false), .list([]), .list(texts)])
            .enumerated().map { i, v in Proposal.AnswerRecord(question: texts[i % texts.count], label: .empty, value: v, display: .empty) }
        p.kpis = numbers.map { Proposal.KPIEntry(module: "m", metric: "k", name: .empty, unit: .empty, low: $0, high: -$0, source: "") }
        p.phases = [Proposal.PhaseEntry(index: Int.min, modules: [], startWeek: -1, endWeek: 10)]
        #expect(try Proposal.decode(json: p.jsonText()) == p)
        let ours = try Self.object(Data(p.jsonBytes())), reference = try Self.object(JSONEncoder().encode(p))
        #expect(ours == reference)
    }

    /// Numbers JSON cannot hold are written as null rather than failing the proposal.
    @Test func nonFiniteNumbersAreNull() throws {
        let values: [Double] = [.nan, .infinity, -0.0, 2]
        let text = try PrettyJSONEncoder.encode(values)
        #expect(text == "[\n  null,\n  null,\n  0,\n  2\n]\n")
    }

    /// Hand-written conformances may use nested containers; each is closed before the next member.
    @Test func nestedContainersAreClosedInOrder() throws {
        struct Nested: Encodable {
            enum Key: String, CodingKey { case a, b, c }
            func encode(to encoder: Encoder) throws {
                var top = encoder.container(keyedBy: Key.self)
                var inner = top.nestedContainer(keyedBy: Key.self, forKey: .a)
                try inner.encode(1, forKey: .b)
                var list = top.nestedUnkeyedContainer(forKey: .b)
                try list.encode("x")
                var deeper = list.nestedContainer(keyedBy: Key.self)
                try deeper.encode(true, forKey: .c)
                try top.encode(Int64(7), forKey: .c)
            }
        }
        let expected = "{\n  \"a\": {\n    \"b\": 1\n  },\n  \"b\": [\n    \"x\",\n    {\n      \"c\": true\n    }\n  ],\n  \"c\": 7\n}\n"
        #expect(try PrettyJSONEncoder.encode(Nested()) == expected)
    }
}
