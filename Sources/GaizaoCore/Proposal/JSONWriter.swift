/// A value that writes itself as JSON, field by field, with no Codable machinery in between.
protocol JSONWritable {
    func write(to w: inout JSONWriter)
}

/// A direct JSON writer: the same bytes as the Codable path (`JSONStreamEncoder`, kept in the tests as the
/// reference): members in the order written, two-space indent, `"key": value`, `{}` and `[]` for empty
/// containers, integral doubles without `.0`, shortest round-trip digits otherwise, the same escaping. It has none
/// of the encoder objects, existential boxes and generic dispatch of Codable, which made the proposal JSON cost
/// more than the engine.
struct JSONWriter: ~Copyable {
    // A buffer of our own rather than `[UInt8]`: a proposal is tens of thousands of small appends, and Array's
    // uniqueness and capacity checks around each were a third of the writer's time.
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// How many containers are open: the indentation of the next member.
    private var depth = 0
    /// Whether the innermost open container has no member yet (no comma before the next, no newline before its end).
    private var empty = true

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    // MARK: Containers

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the open object. Keys are schema names: plain ASCII, never escaped.
    mutating func key(_ name: StaticString) {
        guard name.hasPointerRepresentation else {
            separate()
            append(UInt8(ascii: "\""))
            raw(name)
            raw("\": ")
            return
        }
        // A proposal has thousands of members: the comma, the indented line, the quoted key and `": ` are stored
        // after one capacity check, and the key (a few bytes) copied by a loop rather than a call to memmove.
        let spaces = depth * 2, length = name.utf8CodeUnitCount, source = name.utf8Start
        reserve(1 + 1 + spaces + 8 + 1 + length + 3)
        if !empty {
            base[count] = UInt8(ascii: ",")
            count += 1
        }
        empty = false
        storeNewline(spaces)
        let out = base + count
        out[0] = UInt8(ascii: "\"")
        for i in 0..<length { out[1 + i] = source[i] }
        out[1 + length] = UInt8(ascii: "\"")
        out[2 + length] = UInt8(ascii: ":")
        out[3 + length] = UInt8(ascii: " ")
        count += length + 4
    }

    /// Starts an element of the open array.
    mutating func element() { separate() }

    /// Runs `body` one level deeper than the open container, for values the Codable path indents one step further
    /// than their key (see `AnswerJSON.write(to:)`).
    mutating func indented(_ body: (inout JSONWriter) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }

    private mutating func open(_ bracket: UInt8) {
        append(bracket)
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !empty { newline() }
        append(bracket)
        empty = false
    }

    private mutating func separate() {
        if !empty { append(UInt8(ascii: ",")) }
        empty = false
        newline()
    }

    private mutating func newline() {
        let spaces = depth * 2
        reserve(1 + spaces + 8)
        storeNewline(spaces)
    }

    /// A newline and `spaces` spaces, in room already reserved for them plus eight bytes.
    @inline(__always)
    private mutating func storeNewline(_ spaces: Int) {
        // Eight spaces per store; the slack of up to seven bytes past the end is overwritten by what follows.
        base[count] = UInt8(ascii: "\n")
        let row = UnsafeMutableRawPointer(base + count + 1)
        var i = 0
        while i < spaces {
            row.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, toByteOffset: i, as: UInt64.self)
            i += 8
        }
        count += 1 + spaces
    }

    @inline(__always)
    private mutating func raw(_ s: StaticString) { s.withUTF8Buffer { append($0) } }

    // MARK: Bytes

    /// Makes room for `n` more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(to: count + n) }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress else { return }
        reserve(buffer.count)
        (base + count).initialize(from: source, count: buffer.count)
        count += buffer.count
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    // MARK: Scalars

    mutating func null() { raw("null") }
    mutating func bool(_ b: Bool) { b ? raw("true") : raw("false") }

    mutating func string(_ s: String) {
        // Native strings are contiguous: no copy. Only a bridged string takes the second branch.
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { escape($0) }
        if done == nil {
            var s = s
            s.withUTF8 { escape($0) }
        }
    }

    mutating func int(_ i: Int) {
        if i < 0 { append(UInt8(ascii: "-")) }
        var v = i.magnitude
        if v < 10 { append(UInt8(ascii: "0") &+ UInt8(v)); return }
        // Digits land backwards at the end of a 20-byte scratch (UInt64.max has 20 digits).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            while v > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") &+ UInt8(v % 10)
                v /= 10
            }
            append(UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    /// Integral values below 1e15 as integers; others with Swift's shortest round-trip digits; NaN and
    /// infinities as `null`, as the Codable path did.
    mutating func double(_ d: Double) {
        if d.isNaN || d.isInfinite { null(); return }
        if d == d.rounded(), abs(d) < 1e15 { int(Int(d)); return }
        var text = d.description
        text.withUTF8 { append($0) }
    }

    // MARK: Members

    mutating func field(_ key: StaticString, _ value: String) { self.key(key); string(value) }
    mutating func field(_ key: StaticString, _ value: Int) { self.key(key); int(value) }
    mutating func field(_ key: StaticString, _ value: Double) { self.key(key); double(value) }
    mutating func field(_ key: StaticString, _ value: Bool) { self.key(key); bool(value) }
    mutating func field(_ key: StaticString, _ value: some JSONWritable) { self.key(key); value.write(to: &self) }

    mutating func field(_ key: StaticString, _ values: [String]) {
        self.key(key)
        strings(values)
    }

    mutating func field<T: JSONWritable>(_ key: StaticString, _ values: [T]) {
        self.key(key)
        beginArray()
        // Each element is copied out of the array (its strings retained) for the call: Swift cannot lend it in
        // place across calls that write memory through a pointer. Buffer pointers and spans were measured too:
        // they copy the same way.
        for i in values.indices {
            element()
            values[i].write(to: &self)
        }
        endArray()
    }

    // Absent optionals leave the key out, as the synthesized `encodeIfPresent` does.
    mutating func fieldIfPresent(_ key: StaticString, _ value: String?) { if let value { field(key, value) } }
    mutating func fieldIfPresent(_ key: StaticString, _ value: Int?) { if let value { field(key, value) } }
    mutating func fieldIfPresent(_ key: StaticString, _ value: Double?) { if let value { field(key, value) } }
    mutating func fieldIfPresent(_ key: StaticString, _ value: (some JSONWritable)?) { if let value { field(key, value) } }
    mutating func fieldIfPresent<T: JSONWritable>(_ key: StaticString, _ values: [T]?) { if let values { field(key, values) } }

    mutating func strings(_ values: [String]) {
        beginArray()
        for i in values.indices {
            element()
            string(values[i])
        }
        endArray()
    }

    // MARK: Output

    /// The text with a trailing newline. The bytes came from Swift strings and ASCII, so they are valid UTF-8:
    /// copied without validating them again where the standard library allows.
    /// Text appended as it is: the punctuation of compact JSON (`AnswerSheet.jsonLine`), which uses the writer
    /// for its escaping but not for its layout.
    mutating func verbatim(_ s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    /// Ends the document with its newline and lends its bytes to `body`, without copying them into a String.
    mutating func endDocument<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        append(UInt8(ascii: "\n"))
        return try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Empties the writer for the next document and keeps its buffer.
    mutating func removeAll() {
        count = 0
        depth = 0
        empty = true
    }

    /// The text written, ending with a newline unless `newline` is false.
    consuming func finish(newline: Bool = true) -> String {
        if newline { append(UInt8(ascii: "\n")) }
        let written = UnsafeBufferPointer(start: base, count: count)
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            return String(copying: UTF8Span(unchecked: Span(_unsafeElements: written)))
        }
        return String(decoding: written, as: UTF8.self)
    }

    // MARK: Escaping

    /// Appends `utf8` as a quoted JSON string, escaping quotes, backslashes and control characters. Scanning and
    /// copying are one pass, eight bytes at a time: most texts need no escaping, and a proposal is mostly text.
    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>) {
        let n = utf8.count
        reserve(n + 2)
        append(UInt8(ascii: "\""))
        var i = 0
        if let source = utf8.baseAddress.map(UnsafeRawPointer.init), n >= 8 {
            // Room for the whole text was reserved above, so whole words are stored without checks.
            while i + 8 <= n {
                let word = source.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if Self.specialBytes(word) != 0 { break }
                UnsafeMutableRawPointer(base + count).storeBytes(of: word, as: UInt64.self)
                count += 8
                i += 8
            }
            // The ragged end as one more word that overlaps bytes already copied (which are then rewritten).
            if i < n, i + 8 > n {
                let word = source.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                if Self.specialBytes(word) == 0 {
                    UnsafeMutableRawPointer(base + count - (8 - (n - i))).storeBytes(of: word, as: UInt64.self)
                    count += n - i
                    i = n
                }
            }
        }
        // Short texts, and everything from the first word that needs escaping.
        while i < n {
            let c = utf8[i]
            if c >= 0x20, c != UInt8(ascii: "\""), c != UInt8(ascii: "\\") { append(c) } else { appendEscaped(c) }
            i += 1
        }
        append(UInt8(ascii: "\""))
    }

    /// Non-zero when one of the eight bytes in `x` is below 0x20, `"` or `\`: the exact "has a byte below n" and
    /// "has a zero byte" tests from Bit Twiddling Hacks.
    @inline(__always)
    private static func specialBytes(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (x &- ones &* 0x20) & ~x
        let q = x ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let b = x ^ (ones &* UInt64(UInt8(ascii: "\\")))
        return (control | ((q &- ones) & ~q) | ((b &- ones) & ~b)) & highs
    }

    /// A quote, backslash or control character.
    @inline(never)
    private mutating func appendEscaped(_ c: UInt8) {
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(UInt8(ascii: "\\")); append(c)
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        default:
            raw("\\u00")
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { digits in
                append(digits[Int(c >> 4)])
                append(digits[Int(c & 0xF)])
            }
        }
    }
}
