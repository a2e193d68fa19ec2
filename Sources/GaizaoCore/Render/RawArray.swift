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
