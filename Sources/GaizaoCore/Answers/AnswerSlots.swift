/// Question ids numbered once per industry: the questionnaire's questions in order (slot = position), then
/// every other id the catalog's conditions, indicators and scenes read. The engine keeps answers as arrays
/// indexed by these slots, so a run hashes each answer id once (when it reads the sheet) instead of at every
/// lookup.
final class AnswerSlots: Sendable {
    /// The id of each slot.
    let ids: [String]
    let index: [String: Int]
    /// Slots below this are the questionnaire's questions, in questionnaire order.
    let questionCount: Int
    /// `index` again as an open-addressing table on a cheap hash of the UTF-8 bytes: reading a sheet looks
    /// up every id, and `String` hashing (SipHash over normalized text) is most of that cost.
    private let table: [Int32]
    private let tableMask: Int

    init(_ builder: Builder) {
        ids = builder.ids
        index = builder.index
        questionCount = builder.questionCount
        var size = 16
        while size < ids.count * 3 { size *= 2 }
        var table = [Int32](repeating: -1, count: size)
        for (k, id) in ids.enumerated() {
            var i = Self.byteHash(id) & (size - 1)
            while table[i] >= 0 { i = (i + 1) & (size - 1) }
            table[i] = Int32(k)
        }
        self.table = table
        tableMask = size - 1
    }

    /// The slot of `id`, as `index[id]`. The byte table finds an id written as the slot's id is; any other
    /// spelling (an unknown id, or one equal to a slot's only as Unicode text) is looked up in `index`.
    func slot(_ id: String) -> Int? {
        var i = Self.byteHash(id) & tableMask
        while table[i] >= 0 {
            let k = Int(table[i])
            if ids[k] == id { return k }
            i = (i + 1) & tableMask
        }
        return index[id]
    }

    /// FNV-1a of the UTF-8 bytes.
    private static func byteHash(_ s: String) -> Int {
        func fnv<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return Int(truncatingIfNeeded: h ^ (h >> 32))
        }
        return s.utf8.withContiguousStorageIfAvailable { fnv($0) } ?? fnv(s.utf8)
    }

    /// Collects the ids while the tables that read answers are compiled; slots never change once given.
    struct Builder {
        private(set) var ids: [String] = []
        private(set) var index: [String: Int] = [:]
        let questionCount: Int

        init(_ questionnaire: Questionnaire) {
            for q in questionnaire.ordered {
                index[q.id] = ids.count
                ids.append(q.id)
            }
            questionCount = ids.count
        }

        /// The slot of `id`, given now if the id is new.
        mutating func slot(_ id: String) -> Int {
            if let k = index[id] { return k }
            index[id] = ids.count
            ids.append(id)
            return ids.count - 1
        }
    }
}

/// Answers by slot, with a dictionary for ids the slots do not know (only ever from a dictionary handed in
/// through the public API; the engine's own answers have none). Equivalent to `[String: AnswerValue]`.
struct SlotAnswers: Sendable {
    let slots: AnswerSlots
    var values: [AnswerValue?]
    var extra: [String: AnswerValue] = [:]

    init(slots: AnswerSlots) {
        self.slots = slots
        values = Array(repeating: nil, count: slots.ids.count)
    }

    init(slots: AnswerSlots, _ answers: [String: AnswerValue]) {
        self.init(slots: slots)
        for (id, value) in answers {
            if let k = slots.index[id] { values[k] = value } else { extra[id] = value }
        }
    }

    /// The same answers re-slotted for `other` (the same values when it is these slots).
    func using(_ other: AnswerSlots) -> SlotAnswers {
        other === slots ? self : SlotAnswers(slots: other, dictionary)
    }

    subscript(id: String) -> AnswerValue? {
        if let k = slots.index[id] { return values[k] }
        return extra[id]
    }

    var dictionary: [String: AnswerValue] {
        var out = extra
        out.reserveCapacity(extra.count + values.count)
        for (k, v) in values.enumerated() { if let v { out[slots.ids[k]] = v } }
        return out
    }
}
