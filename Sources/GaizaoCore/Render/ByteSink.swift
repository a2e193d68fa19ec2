/// The output of one template render: a growable byte buffer in raw memory (`RawArray`), where an append is a
/// capacity check and a copy. (Appending to an `[UInt8]` also checks uniqueness and goes through the generic
/// sequence path: a tenth of the rendering time at thousands of appends per proposal.) It owns its memory.
struct ByteSink: ~Copyable {
    private var storage: RawArray<UInt8>

    init(capacity: Int) { storage = RawArray(capacity: capacity) }

    deinit { storage.free() }

    var count: Int { storage.count }

    var last: UInt8? { storage.count > 0 ? storage[storage.count - 1] : nil }

    /// Set when a render stopped at `TemplateLimits` (the document is incomplete and must not be written).
    var limitExceeded = false

    /// Empties the sink for the next document and keeps its memory.
    mutating func removeAll() {
        storage.removeAll()
        limitExceeded = false
    }

    /// The bytes written, lent without a copy.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(storage.buffer))
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count <= 16 { storage.appendShort(bytes) } else { storage.append(contentsOf: bytes) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { storage.append(contentsOf: $0) }
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { storage.append(contentsOf: $0) }
    }

    /// Inserts `bytes` at `index`, moving what follows.
    mutating func insert(_ bytes: [UInt8], at index: Int) {
        bytes.withUnsafeBufferPointer { storage.insert(contentsOf: $0, at: index) }
    }

    /// The bytes written, as an array.
    func bytes() -> [UInt8] { Array(storage.buffer) }
}
