/// A set of module indices (below 256) in four machine words: no allocation, union and intersection in a
/// few instructions. The planner's subset search runs on these.
struct ModuleBits: Equatable, Sendable {
    static let capacity = 256
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0

    mutating func insert(_ i: Int) {
        let bit = UInt64(1) << UInt64(i & 63)
        switch i >> 6 {
        case 0: w0 |= bit
        case 1: w1 |= bit
        case 2: w2 |= bit
        default: w3 |= bit
        }
    }

    func contains(_ i: Int) -> Bool {
        let bit = UInt64(1) << UInt64(i & 63)
        switch i >> 6 {
        case 0: return w0 & bit != 0
        case 1: return w1 & bit != 0
        case 2: return w2 & bit != 0
        default: return w3 & bit != 0
        }
    }

    mutating func formUnion(_ o: ModuleBits) { w0 |= o.w0; w1 |= o.w1; w2 |= o.w2; w3 |= o.w3 }
    func union(_ o: ModuleBits) -> ModuleBits { var u = self; u.formUnion(o); return u }
    func intersects(_ o: ModuleBits) -> Bool { (w0 & o.w0) | (w1 & o.w1) | (w2 & o.w2) | (w3 & o.w3) != 0 }

    /// Calls `body` on the members in ascending order while it returns true; false if it stopped early.
    /// (The subset search runs this for every subset: no array is built.)
    func allSatisfy(_ body: (Int) -> Bool) -> Bool {
        func scan(_ word: UInt64, _ base: Int) -> Bool {
            var w = word
            while w != 0 {
                if !body(base + w.trailingZeroBitCount) { return false }
                w &= w - 1
            }
            return true
        }
        return scan(w0, 0) && scan(w1, 64) && scan(w2, 128) && scan(w3, 192)
    }
}
