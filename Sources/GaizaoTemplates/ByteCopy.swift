// The one place where bytes are copied through pointers. Everything else writes bytes through `Span`,
// `OutputSpan` and arrays, whose accesses are bounds-checked; a copy of a span into an output span byte by byte
// costs about six instructions a byte (each append checks the capacity), and the proposal's JSON and documents
// copy some 250 KB of text a proposal this way. The standard library has no safe bulk copy from a `Span` into an
// `OutputSpan` yet; when it has, this file goes.
//
// Invariant: the copy writes `bytes.count` bytes into the output span's uninitialized capacity right after its
// initialized elements, after checking that they fit (a precondition, so a mistake traps rather than writes past
// the buffer), and then counts them as initialized. The sanitizer runs in CI (`swift test --sanitize=address`)
// cover every caller.

extension OutputSpan where Element == UInt8 {
    /// Appends `bytes`, which must fit in the free capacity (else a trap).
    @inlinable @inline(__always)
    public mutating func append(copying bytes: Span<UInt8>) {
        precondition(bytes.count <= freeCapacity, "append(copying:): more bytes than the free capacity")
        guard !bytes.isEmpty else { return }
        unsafe withUnsafeMutableBufferPointer { buffer, initialized in
            unsafe bytes.withUnsafeBufferPointer { source in
                let target = unsafe UnsafeMutableBufferPointer(rebasing: buffer[initialized..<(initialized + source.count)])
                _ = unsafe target.initialize(fromContentsOf: source)
            }
            initialized += bytes.count
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends `bytes`, copied as one block into the array's spare capacity (grown as `append` grows it).
    @inlinable @inline(__always)
    public mutating func append(copying bytes: Span<UInt8>) {
        append(addingCapacity: bytes.count) { $0.append(copying: bytes) }
    }
}
