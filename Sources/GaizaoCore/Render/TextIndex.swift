/// Positions of a fixed set of keys, found with a cheap hash of a key's bytes. The view-model builder asks the
/// string table for a few hundred texts per proposal (`RenderStrings`), and with `[String: String]` Swift's
/// seeded SipHash was most of each lookup. Open addressing over a power-of-two table at most half full; a
/// lookup hashes the key's length and its first and last eight bytes, then compares the key.
struct TextIndex: Sendable {
    private let keys: [String]
    /// Positions (-1: empty), indexed by hash.
    private let slots: [Int32]
    private let mask: Int

    /// Position `i` is `keys[i]`; of a key given twice, the first counts.
    init(_ keys: [String]) {
        var size = 16
        while size < keys.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (position, key) in keys.enumerated() {
            var i = Self.hash(key.utf8.span) & (size - 1)
            var duplicate = false
            while slots[i] >= 0 {
                if keys[Int(slots[i])] == key { duplicate = true; break }
                i = (i + 1) & (size - 1)
            }
            if !duplicate { slots[i] = Int32(position) }
        }
        self.keys = keys
        self.slots = slots
        mask = size - 1
    }

    /// The position of `key`, or nil when it is not one of the keys.
    func position(of key: String) -> Int? {
        var i = Self.hash(key.utf8.span) & mask
        while true {
            let position = Int(slots[i])
            guard position >= 0 else { return nil }
            if keys[position] == key { return position }
            i = (i + 1) & mask
        }
    }

    /// The length and the first and last eight bytes (bytes one by one below eight), mixed by multiplication.
    static func hash(_ bytes: Span<UInt8>) -> Int {
        let n = bytes.count
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        if let head = ByteScan.word(bytes, at: 0), let tail = ByteScan.word(bytes, at: n - 8) {
            h = (h ^ head) &* 0xBF58_476D_1CE4_E5B9
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        } else {
            for i in bytes.indices { h = (h ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3 }
        }
        h ^= h >> 31
        return Int(truncatingIfNeeded: h)
    }
}
