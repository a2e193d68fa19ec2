#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Positions of a fixed set of keys, found with a cheap hash of a key's bytes. The view-model builder asks the
/// string table for a few hundred texts per proposal (`RenderStrings`), and with `[String: String]` Swift's
/// seeded SipHash was most of each lookup. Open addressing over a power-of-two table at most half full; a
/// lookup hashes the key's length and its first and last eight bytes, then compares bytes.
struct TextIndex: Sendable {
    private let keyBytes: [UInt8]
    /// Per position: where its key's bytes start in `keyBytes`, and how many.
    private let keyStarts: [Int32]
    private let keyCounts: [Int32]
    /// Positions (-1: empty), indexed by hash.
    private let slots: [Int32]
    private let mask: Int

    /// Position `i` is `keys[i]`; of a key given twice, the first counts.
    init(_ keys: [String]) {
        var bytes: [UInt8] = [], starts: [Int32] = [], counts: [Int32] = []
        for key in keys {
            starts.append(Int32(bytes.count))
            counts.append(Int32(key.utf8.count))
            bytes.append(contentsOf: key.utf8)
        }
        var size = 16
        while size < keys.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (position, key) in keys.enumerated() {
            var key = key
            var i = key.withUTF8(Self.hash) & (size - 1)
            var duplicate = false
            while slots[i] >= 0 {
                if keys[Int(slots[i])] == key { duplicate = true; break }
                i = (i + 1) & (size - 1)
            }
            if !duplicate { slots[i] = Int32(position) }
        }
        keyBytes = bytes
        keyStarts = starts
        keyCounts = counts
        self.slots = slots
        mask = size - 1
    }

    /// The position of `key`, or nil when it is not one of the keys.
    func position(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { utf8 in
            var i = Self.hash(utf8) & mask
            while true {
                let position = Int(slots[i])
                guard position >= 0 else { return nil }
                if Int(keyCounts[position]) == utf8.count, keyBytes.withUnsafeBufferPointer({ all in
                    utf8.isEmpty || memcmp(all.baseAddress! + Int(keyStarts[position]), utf8.baseAddress!, utf8.count) == 0
                }) {
                    return position
                }
                i = (i + 1) & mask
            }
        }
    }

    /// The length and the first and last eight bytes (bytes one by one below eight), mixed by multiplication.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        if n >= 8, let start = bytes.baseAddress {
            let raw = UnsafeRawPointer(start)
            h = (h ^ raw.loadUnaligned(as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h = (h ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) &* 0x94D0_49BB_1331_11EB
        } else {
            for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        h ^= h >> 31
        return Int(truncatingIfNeeded: h)
    }
}
