import Testing
@testable import GaizaoCore

/// Answer slots: the byte-hash table must find exactly what the dictionary finds, for every spelling.
@Suite struct AnswerSlotsTests {
    @Test func slotLookupAgreesWithTheDictionary() {
        var builder = AnswerSlots.Builder(Shipped.catalog.questionnaire(for: Shipped.catalog.industries[0]))
        // Ids beyond the questionnaire, one of them non-ASCII (precomposed é).
        for id in ["extra_one", "caf\u{E9}", "x"] { _ = builder.slot(id) }
        let slots = AnswerSlots(builder)
        for (k, id) in slots.ids.enumerated() {
            #expect(slots.slot(id) == k)
            #expect(slots.slot(id + "_") == nil)
            #expect(slots.slot(String(id.dropLast())) == slots.index[String(id.dropLast())])
        }
        // The same text spelled with a combining accent: equal as a String, other bytes.
        #expect(slots.slot("cafe\u{301}") == slots.index["caf\u{E9}"])
        #expect(slots.slot("cafe\u{301}") != nil)
        #expect(slots.slot("") == nil)
    }
}
