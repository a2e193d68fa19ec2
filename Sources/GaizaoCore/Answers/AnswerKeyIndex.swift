/// The question and option ids of one questionnaire as UTF-8 bytes, with what `JSONAnswerReader` needs of each
/// question: built once with the questionnaire (so once per catalog), so reading a sheet looks a key up by its bytes
/// in the input without making or hashing a `String`.
///
/// Only ASCII ids are indexed. Swift compares strings by canonical equivalence, under which two ASCII strings are
/// equal exactly when their bytes are; a non-ASCII id could equal differently spelt input, which a byte lookup would
/// miss. (Catalog ids are ASCII; lint reports any other.) A key or option the index does not find makes the reader
/// step aside for the general path, which gives the answer or the error.
struct AnswerKeyIndex: Sendable {
    /// One question, by its position in `Questionnaire.ordered`.
    struct Entry: Sendable {
        let id: String
        let kind: Question.Kind
        let integer: Bool
        let min: Double?
        let max: Double?
        let maxLength: Int
        /// The option ids, in catalog order: answers reuse these strings instead of making new ones.
        let optionIDs: [String]
        /// Where each option id's bytes are in `bytes`; empty when the options cannot be matched byte for byte
        /// (a non-ASCII or repeated id, or more than 64 options for the bit set of a multiple choice).
        let optionRanges: [Range<Int>]
    }

    let entries: [Entry]
    /// The ids of all questions and options, one after another.
    private let bytes: [UInt8]
    private let idRanges: [Range<Int>]
    /// Open addressing by FNV-1a hash of the id bytes, linear probing: an index into `entries`, or -1.
    private let slots: [Int32]

    init(_ ordered: [Question]) {
        var bytes: [UInt8] = []
        var idRanges: [Range<Int>] = []
        var entries: [Entry] = []
        func store(_ s: String) -> Range<Int> {
            let start = bytes.count
            bytes.append(contentsOf: s.utf8)
            return start..<bytes.count
        }
        for q in ordered {
            idRanges.append(store(q.id))
            let ids = q.options.map(\.id)
            let matchable = ids.count <= 64 && Set(ids).count == ids.count && ids.allSatisfy(Self.isASCII)
            entries.append(Entry(id: q.id, kind: q.kind, integer: q.integer, min: q.min, max: q.max, maxLength: q.maxLength,
                                 optionIDs: ids, optionRanges: matchable ? ids.map(store) : []))
        }
        var capacity = 16
        while capacity < 2 * ordered.count { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        for (i, q) in ordered.enumerated() where Self.isASCII(q.id) {
            var slot = Self.hash(bytes[idRanges[i]]) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(i)
        }
        self.entries = entries
        self.bytes = bytes
        self.idRanges = idRanges
        self.slots = slots
    }

    /// The position of the question whose id is exactly `key`, or nil.
    func question(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while true {
            let i = Int(slots[slot])
            if i < 0 { return nil }
            if equal(key, idRanges[i]) { return i }
            slot = (slot + 1) & mask
        }
    }

    /// The position among the options of question `i` of the one whose id is exactly `id`, or nil (also when
    /// that question's options cannot be matched by bytes).
    func option(_ id: UnsafeBufferPointer<UInt8>, of i: Int) -> Int? {
        let ranges = entries[i].optionRanges
        for k in ranges.indices where equal(id, ranges[k]) { return k }
        return nil
    }

    private func equal(_ key: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard key.count == range.count else { return false }
        var j = range.lowerBound
        for b in key {
            if b != bytes[j] { return false }
            j += 1
        }
        return true
    }

    private static func isASCII(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 } }

    private static func hash<C: Collection<UInt8>>(_ bytes: C) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }
}
