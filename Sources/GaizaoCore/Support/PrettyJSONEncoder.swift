import GaizaoTemplates

/// A deterministic JSON encoder for `Encodable` values, the one writer of the proposal schema: members in the
/// order the type encodes them (declaration order for synthesized conformances, unlike `JSONEncoder`, which only
/// sorts), two-space indent, `"key": value`, `{}` and `[]` for empty containers, nil optionals left out, integral
/// doubles without `.0`, shortest round-trip digits otherwise. A field added to a `Codable` type is written with
/// no further code.
enum PrettyJSONEncoder {
    /// The JSON text of `value` with a final newline.
    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encodeBytes(value), as: UTF8.self)
    }

    /// The UTF-8 bytes of `encode`.
    static func encodeBytes<T: Encodable>(_ value: T, capacity: Int = 4096) throws -> [UInt8] {
        let sink = JSONSink(capacity: capacity)
        defer { sink.finish() }
        try sink.write(value, depth: 0)
        sink.bytes.append(UInt8(ascii: "\n"))
        return sink.bytes
    }

    /// `text` as a JSON string literal (quoted and escaped), appended to `out`.
    static func appendString(_ text: String, to out: inout [UInt8]) { JSONSink.escape(text, into: &out) }
}

/// The bytes being written, shared by the encoders of one value's containers.
///
/// Exclusivity: the mutable properties of `JSONSink` and `StreamEncoder` are marked `@exclusivity(unchecked)`.
/// Both classes are private to this file, one value is written by one thread, and every access to those
/// properties is a single statement (or a call of a `static` function given `&bytes`) during which no other code
/// runs that could reach the same property; so no two accesses can overlap, which is what the runtime check
/// would trap on. That check (a thread-local access set updated at each access) was 12% of the instructions of
/// writing a proposal's JSON. The compiler's static exclusivity checks still apply.
private final class JSONSink {
    @exclusivity(unchecked) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    func write<T: Encodable>(_ value: T, depth: Int) throws {
        // A bilingual text is most of a proposal's objects: written here as its synthesized `encode(to:)` would
        // write it, without a container for each.
        if T.self == Localized.self, let text = value as? Localized {
            return localized(text, depth: depth)
        }
        let encoder = encoder(at: depth)
        try value.encode(to: encoder)
        encoder.close()
    }

    /// One encoder per depth, reused: the writing is a stream, so at any moment at most one value is open at each
    /// depth (a member's nested value is closed before the next member starts).
    @exclusivity(unchecked) private var encoders: [StreamEncoder] = []

    /// The encoder for a value at `depth`, reset for it.
    func encoder(at depth: Int) -> StreamEncoder {
        while encoders.count <= depth { encoders.append(StreamEncoder(sink: self, depth: encoders.count)) }
        let encoder = encoders[depth]
        encoder.reset()
        return encoder
    }

    /// Drops the encoders, which hold the sink: the writing is done.
    func finish() { encoders.removeAll() }

    /// `{"zh": …, "en": …}` at `depth`, in one access to `bytes`.
    func localized(_ text: Localized, depth: Int) {
        Self.localized(text, depth: depth, into: &bytes)
    }

    private static func localized(_ text: Localized, depth: Int, into out: inout [UInt8]) {
        languageMember(after: UInt8(ascii: "{"), UInt8(ascii: "z"), UInt8(ascii: "h"), depth: depth + 1, string: text.zh, into: &out)
        languageMember(after: UInt8(ascii: ","), UInt8(ascii: "e"), UInt8(ascii: "n"), depth: depth + 1, string: text.en, into: &out)
        closingLine(depth, UInt8(ascii: "}"), into: &out)
    }

    /// A member of a bilingual text, as `member(key:first:depth:string:into:)` writes it, after the byte `before`
    /// (the object's opening brace before the first member, a comma before the second), for the two-letter key
    /// `keyFirst` `keySecond`, which is known to need no escaping: its bytes are written as they are, without a scan.
    private static func languageMember(after before: UInt8, _ keyFirst: UInt8, _ keySecond: UInt8, depth: Int, string value: String,
                                       into out: inout [UInt8]) {
        let valueBytes = value.utf8.span
        let isPlainValue = isPlain(valueBytes)
        // The byte before, line break, indent, quoted key, `: ` and, when it needs no escaping, the quoted value.
        out.append(addingCapacity: 2 + 2 * depth + 6 + (isPlainValue ? valueBytes.count + 2 : 0)) { line in
            line.append(before)
            line.append(UInt8(ascii: "\n"))
            line.append(repeating: UInt8(ascii: " "), count: 2 * depth)
            line.append(UInt8(ascii: "\""))
            line.append(keyFirst)
            line.append(keySecond)
            line.append(UInt8(ascii: "\""))
            line.append(UInt8(ascii: ":"))
            line.append(UInt8(ascii: " "))
            if isPlainValue {
                line.append(UInt8(ascii: "\""))
                line.append(copying: valueBytes)
                line.append(UInt8(ascii: "\""))
            }
        }
        if !isPlainValue { escape(value, into: &out) }
    }

    func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }
    func byte(_ b: UInt8) { bytes.append(b) }

    /// A line break and the indent, two spaces a level.
    static func newline(_ depth: Int, into out: inout [UInt8]) {
        out.append(addingCapacity: 1 + 2 * depth) { line in
            line.append(UInt8(ascii: "\n"))
            line.append(repeating: UInt8(ascii: " "), count: 2 * depth)
        }
    }

    /// A line break, the indent and the closing bracket of an object or array, in one step.
    static func closingLine(_ depth: Int, _ bracket: UInt8, into out: inout [UInt8]) {
        out.append(addingCapacity: 2 + 2 * depth) { line in
            line.append(UInt8(ascii: "\n"))
            line.append(repeating: UInt8(ascii: " "), count: 2 * depth)
            line.append(bracket)
        }
    }

    func closingLine(_ depth: Int, _ bracket: UInt8) { Self.closingLine(depth, bracket, into: &bytes) }

    /// A member's start, written in one access to `bytes`: the comma after the previous member, the line break and
    /// indent, and for an object member its quoted key and `: `.
    func member(key: String?, first: Bool, depth: Int) {
        Self.member(key: key, first: first, depth: depth, into: &bytes)
    }

    private static func member(key: String?, first: Bool, depth: Int, into out: inout [UInt8]) {
        if let key {
            let keyBytes = key.utf8.span
            if isPlain(keyBytes) {
                out.append(addingCapacity: (first ? 0 : 1) + 1 + 2 * depth + keyBytes.count + 4) { line in
                    if !first { line.append(UInt8(ascii: ",")) }
                    line.append(UInt8(ascii: "\n"))
                    line.append(repeating: UInt8(ascii: " "), count: 2 * depth)
                    line.append(UInt8(ascii: "\""))
                    line.append(copying: keyBytes)
                    line.append(UInt8(ascii: "\""))
                    line.append(UInt8(ascii: ":"))
                    line.append(UInt8(ascii: " "))
                }
                return
            }
        }
        if !first { out.append(UInt8(ascii: ",")) }
        newline(depth, into: &out)
        if let key {
            escape(key, into: &out)
            out.append(UInt8(ascii: ":"))
            out.append(UInt8(ascii: " "))
        }
    }

    func string(_ s: String) { Self.escape(s, into: &bytes) }

    /// A member that is a string, in one access to `bytes`.
    func member(key: String?, first: Bool, depth: Int, string value: String) {
        Self.member(key: key, first: first, depth: depth, string: value, into: &bytes)
    }

    /// A member's start (as `member(key:first:depth:)` writes it) and its string value. When neither the key nor
    /// the value needs escaping (nearly always), everything is written into the array's spare capacity in one
    /// step: most of a proposal's JSON is such members, and each separate append pays for its own capacity and
    /// uniqueness checks.
    private static func member(key: String?, first: Bool, depth: Int, string value: String, into out: inout [UInt8]) {
        let keyBytes = (key ?? "").utf8.span, valueBytes = value.utf8.span
        guard isPlain(keyBytes), isPlain(valueBytes) else {
            member(key: key, first: first, depth: depth, into: &out)
            escape(value, into: &out)
            return
        }
        let keyLength = key == nil ? 0 : keyBytes.count + 4  // the quotes, the colon and a space
        out.append(addingCapacity: (first ? 0 : 1) + 1 + 2 * depth + keyLength + valueBytes.count + 2) { line in
            if !first { line.append(UInt8(ascii: ",")) }
            line.append(UInt8(ascii: "\n"))
            line.append(repeating: UInt8(ascii: " "), count: 2 * depth)
            if key != nil {
                line.append(UInt8(ascii: "\""))
                line.append(copying: keyBytes)
                line.append(UInt8(ascii: "\""))
                line.append(UInt8(ascii: ":"))
                line.append(UInt8(ascii: " "))
            }
            line.append(UInt8(ascii: "\""))
            line.append(copying: valueBytes)
            line.append(UInt8(ascii: "\""))
        }
    }

    /// Whether the bytes of `span` can be written between quotes as they are: no `"`, `\` or control character.
    /// A loop without an early exit, which the compiler turns into vector instructions: most texts are plain, and
    /// scanned whole.
    static func isPlain(_ span: Span<UInt8>) -> Bool {
        var special: UInt8 = 0
        for k in span.indices {
            let b = span[k]
            special |= (b < 0x20 ? 1 : 0) | (b == UInt8(ascii: "\"") ? 1 : 0) | (b == UInt8(ascii: "\\") ? 1 : 0)
        }
        return special == 0
    }

    /// Quotes `s`, escaping `"`, `\` and control characters (`\n`, `\r`, `\t` by name, others as `\u00XX`).
    static func escape(_ s: String, into out: inout [UInt8]) {
        let span = s.utf8.span
        if isPlain(span) {
            // The common case in one step: the quotes and the bytes copied into the array's spare capacity (one
            // capacity check for all three, where `append(contentsOf: s.utf8)` and two byte appends make three).
            out.append(addingCapacity: span.count + 2) { quoted in
                quoted.append(UInt8(ascii: "\""))
                quoted.append(copying: span)
                quoted.append(UInt8(ascii: "\""))
            }
            return
        }
        out.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        for k in span.indices {
            let b = span[k]
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    func integer<I: BinaryInteger>(_ i: I) {
        if let small = Int64(exactly: i) { Self.digits(small, into: &bytes) } else { raw(String(i)) }
    }

    /// The decimal digits of `value`, as `String(value)` writes them, without making the string.
    static func digits(_ value: Int64, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var reversed: InlineArray<20, UInt8> = .init(repeating: 0)
        var count = 0
        repeat {
            reversed[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            count += 1
        } while magnitude > 0
        while count > 0 {
            count -= 1
            out.append(reversed[count])
        }
    }
    func bool(_ b: Bool) { raw(b ? "true" : "false") }

    func number(_ d: Double) {
        if d.isNaN || d.isInfinite { return raw("null") }
        if d == d.rounded(), abs(d) < 1e15 { return Self.digits(Int64(d), into: &bytes) }
        raw(d.description)
    }
}

/// Which container an encoder opened; it is closed once the value's `encode(to:)` returns.
private enum Opened { case none, object(count: Int), array(count: Int), single }

/// The encoder of one value at one depth. Members are written as they come; a nested container gets an
/// encoder of its own, closed before the next member of this one.
private final class StreamEncoder: Encoder {
    /// The sink owns its encoders; `JSONSink.finish` breaks the cycle once the writing is done.
    let sink: JSONSink
    let depth: Int
    @exclusivity(unchecked) var opened: Opened = .none
    /// The nested container written last, still open.
    @exclusivity(unchecked) var nested: StreamEncoder?
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(sink: JSONSink, depth: Int) {
        self.sink = sink
        self.depth = depth
    }

    /// Ready for a new value at this depth.
    func reset() {
        opened = .none
        nested = nil
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .none = opened {
            sink.byte(UInt8(ascii: "{"))
            opened = .object(count: 0)
        }
        return KeyedEncodingContainer(Keyed<Key>(encoder: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .none = opened {
            sink.byte(UInt8(ascii: "["))
            opened = .array(count: 0)
        }
        return Unkeyed(encoder: self)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        opened = .single
        return Single(encoder: self)
    }

    /// Starts the next member of the open object or array.
    func nextMember(key: String?) {
        switch startMember() {
        case let .object(first): sink.member(key: key ?? "", first: first, depth: depth + 1)
        case let .array(first): sink.member(key: nil, first: first, depth: depth + 1)
        case .none: break
        }
    }

    /// `nextMember` followed by a string value, written together.
    func nextMember(key: String?, string value: String) {
        switch startMember() {
        case let .object(first): sink.member(key: key ?? "", first: first, depth: depth + 1, string: value)
        case let .array(first): sink.member(key: nil, first: first, depth: depth + 1, string: value)
        case .none: sink.string(value)
        }
    }

    /// Where a new member goes: into the open object or array (and whether it is its first), or nowhere when no
    /// container is open. (It carries no key: a key handed back in a tuple was retained and released once more.)
    private enum MemberStart { case object(first: Bool), array(first: Bool), none }

    /// Counts a new member of the open object or array.
    private func startMember() -> MemberStart {
        closeNested()
        switch opened {
        case let .object(count):
            opened = .object(count: count + 1)
            return .object(first: count == 0)
        case let .array(count):
            opened = .array(count: count + 1)
            return .array(first: count == 0)
        case .none, .single:
            return .none
        }
    }

    /// An encoder for a nested container written as the member just started.
    func nestedEncoder() -> StreamEncoder {
        let inner = sink.encoder(at: depth + 1)
        nested = inner
        return inner
    }

    func closeNested() {
        nested?.close()
        nested = nil
    }

    func close() {
        closeNested()
        switch opened {
        case let .object(count):
            if count > 0 { sink.closingLine(depth, UInt8(ascii: "}")) } else { sink.byte(UInt8(ascii: "}")) }
        case let .array(count):
            if count > 0 { sink.closingLine(depth, UInt8(ascii: "]")) } else { sink.byte(UInt8(ascii: "]")) }
        case .none:
            sink.raw("{}")
        case .single:
            break
        }
    }

    func value<T: Encodable>(_ v: T) throws {
        try sink.write(v, depth: depth + 1)
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: StreamEncoder
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { encoder.nextMember(key: key.stringValue); encoder.sink.raw("null") }
        mutating func encode(_ value: String, forKey key: Key) throws { encoder.nextMember(key: key.stringValue, string: value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { encoder.nextMember(key: key.stringValue); encoder.sink.number(value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { encoder.nextMember(key: key.stringValue); encoder.sink.integer(value) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { encoder.nextMember(key: key.stringValue); encoder.sink.bool(value) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            encoder.nextMember(key: key.stringValue)
            try encoder.value(value)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            encoder.nextMember(key: key.stringValue)
            return encoder.nestedEncoder().container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            encoder.nextMember(key: key.stringValue)
            return encoder.nestedEncoder().unkeyedContainer()
        }
        mutating func superEncoder() -> Encoder { encoder }
        mutating func superEncoder(forKey key: Key) -> Encoder { encoder }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: StreamEncoder
        var codingPath: [CodingKey] { [] }
        var count: Int {
            if case let .array(c) = encoder.opened { return c }
            return 0
        }

        mutating func encodeNil() throws { encoder.nextMember(key: nil); encoder.sink.raw("null") }
        mutating func encode(_ value: String) throws { encoder.nextMember(key: nil, string: value) }
        mutating func encode(_ value: Double) throws { encoder.nextMember(key: nil); encoder.sink.number(value) }
        mutating func encode(_ value: Int) throws { encoder.nextMember(key: nil); encoder.sink.integer(value) }
        mutating func encode(_ value: Bool) throws { encoder.nextMember(key: nil); encoder.sink.bool(value) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            encoder.nextMember(key: nil)
            try encoder.value(value)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            encoder.nextMember(key: nil)
            return encoder.nestedEncoder().container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            encoder.nextMember(key: nil)
            return encoder.nestedEncoder().unkeyedContainer()
        }
        mutating func superEncoder() -> Encoder { encoder }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: StreamEncoder
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil() throws { encoder.sink.raw("null") }
        mutating func encode(_ value: String) throws { encoder.sink.string(value) }
        mutating func encode(_ value: Double) throws { encoder.sink.number(value) }
        mutating func encode(_ value: Int) throws { encoder.sink.integer(value) }
        mutating func encode(_ value: Bool) throws { encoder.sink.bool(value) }
        // Every integer width and Float explicitly: the generic method below would otherwise stand in for them and
        // call back into the value's own `encode(to:)` forever.
        mutating func encode(_ value: Int8) throws { encoder.sink.integer(value) }
        mutating func encode(_ value: Int16) throws { encoder.sink.integer(value) }
        mutating func encode(_ value: Int32) throws { encoder.sink.integer(value) }
        mutating func encode(_ value: Int64) throws { encoder.sink.integer(value) }
        mutating func encode(_ value: UInt) throws { encoder.sink.integer(value) }
        mutating func encode(_ value: UInt8) throws { encoder.sink.integer(value) }
        mutating func encode(_ value: UInt16) throws { encoder.sink.integer(value) }
        mutating func encode(_ value: UInt32) throws { encoder.sink.integer(value) }
        mutating func encode(_ value: UInt64) throws { encoder.sink.integer(value) }
        mutating func encode(_ value: Float) throws { encoder.sink.number(Double(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try encoder.value(value) }
    }
}
