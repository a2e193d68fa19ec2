/// A growable array of plain values in raw memory, for the view-model arena: appending is a capacity check and a
/// store, where a Swift array also checks uniqueness on every append (thousands per proposal). The owner frees
/// it with `free()`; it is never copied (copies would share the memory).
struct RawArray<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    func free() { base.deallocate() }

    subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }

    /// The elements, lent in place (valid until the next append).
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress, !elements.isEmpty else { return }
        if count + elements.count > capacity { grow(count + elements.count) }
        (base + count).initialize(from: source, count: elements.count)
        count += elements.count
    }

    /// Makes room for `n` more elements.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    /// Inserts `elements` at `index`, moving what follows.
    mutating func insert(contentsOf elements: UnsafeBufferPointer<Element>, at index: Int) {
        guard let source = elements.baseAddress, !elements.isEmpty else { return }
        if count + elements.count > capacity { grow(count + elements.count) }
        (base + index + elements.count).moveInitialize(from: base + index, count: count - index)
        (base + index).initialize(from: source, count: elements.count)
        count += elements.count
    }

    /// Empties the array and keeps its memory.
    mutating func removeAll() { count = 0 }

    private mutating func grow(_ needed: Int) {
        var next = capacity * 2
        while next < needed { next *= 2 }
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: next)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = next
    }
}

extension RawArray where Element == UInt8 {
    /// Appends 1 to 16 bytes with two (overlapping) loads and stores instead of a call to memmove: most of what a
    /// render appends is a value of a few bytes, a coordinate or a label, where the call costs more than the copy.
    @inline(__always)
    mutating func appendShort(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard let start = bytes.baseAddress, n > 0, n <= 16 else { return append(contentsOf: bytes) }
        reserve(n)
        let source = UnsafeRawPointer(start), target = UnsafeMutableRawPointer(base + count)
        if n >= 8 {
            let head = source.loadUnaligned(as: UInt64.self), tail = source.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 {
            let head = source.loadUnaligned(as: UInt32.self), tail = source.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
        } else {
            target.storeBytes(of: start[0], as: UInt8.self)
            target.storeBytes(of: start[n >> 1], toByteOffset: n >> 1, as: UInt8.self)
            target.storeBytes(of: start[n - 1], toByteOffset: n - 1, as: UInt8.self)
        }
        count += n
    }
}
