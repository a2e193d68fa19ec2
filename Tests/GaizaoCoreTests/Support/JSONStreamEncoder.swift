import Foundation
@testable import GaizaoCore

/// The Codable path the proposal JSON used to take: a deterministic encoder for `Encodable` values (keys in
/// declaration order, two-space indent, integral doubles without `.0`, shortest round-trip digits otherwise).
/// Production writes proposals with `JSONWriter`; this stays here as the independent reference its bytes are
/// tested against, so a field added to a Codable type but forgotten in the writer fails a test.
enum JSONStreamEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let sink = JSONSink()
        try sink.write(value, depth: 0)
        sink.bytes.append(UInt8(ascii: "\n"))
        return String(decoding: sink.bytes, as: UTF8.self)
    }
}

final class JSONSink {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(64 << 10) }

    func write<T: Encodable>(_ value: T, depth: Int) throws {
        // Bilingual texts are most of a proposal's objects: write them directly, without an encoder object.
        if let text = value as? Localized {
            raw("{")
            newline(depth + 1); raw("\"zh\": "); string(text.zh); raw(",")
            newline(depth + 1); raw("\"en\": "); string(text.en)
            newline(depth); raw("}")
            return
        }
        let encoder = StreamEncoder(sink: self, depth: depth)
        try value.encode(to: encoder)
        encoder.close()
    }

    func raw(_ s: StaticString) { s.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    func newline(_ depth: Int) { Self.newline(depth, into: &bytes) }

    static func newline(_ depth: Int, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    // `bytes` is passed inout once per call: one exclusivity check instead of one per byte.
    func string(_ s: String) { Self.escape(s, into: &bytes) }

    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let utf8 = s.utf8
        // Fast path over contiguous bytes: most texts need no escaping at all.
        let plain = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for b in bytes where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain == true {
            // appended above
        } else if plain == nil, !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: utf8)
        } else {
            let hex = Array("0123456789abcdef".utf8)
            for b in utf8 {
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
        }
        out.append(UInt8(ascii: "\""))
    }

    func integer(_ i: Int) { bytes.append(contentsOf: String(i).utf8) }
    func bool(_ b: Bool) { b ? raw("true") : raw("false") }

    func number(_ d: Double) {
        if d.isNaN || d.isInfinite { raw("null"); return }
        if d == d.rounded(), abs(d) < 1e15 { bytes.append(contentsOf: String(Int64(d)).utf8); return }
        bytes.append(contentsOf: d.description.utf8)
    }
}

/// Which container an encoder opened; the parent closes it once `encode(to:)` returns.
private enum Opened { case none, object(count: Int), array(count: Int), single }

private final class StreamEncoder: Encoder {
    let sink: JSONSink
    let depth: Int
    var opened: Opened = .none
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(sink: JSONSink, depth: Int) {
        self.sink = sink
        self.depth = depth
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .none = opened {
            sink.raw("{")
            opened = .object(count: 0)
        }
        return KeyedEncodingContainer(Keyed<Key>(encoder: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .none = opened {
            sink.raw("[")
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
        switch opened {
        case let .object(count):
            if count > 0 { sink.raw(",") }
            sink.newline(depth + 1)
            sink.string(key ?? "")
            sink.raw(": ")
            opened = .object(count: count + 1)
        case let .array(count):
            if count > 0 { sink.raw(",") }
            sink.newline(depth + 1)
            opened = .array(count: count + 1)
        default: break
        }
    }

    func close() {
        switch opened {
        case let .object(count):
            if count > 0 { sink.newline(depth) }
            sink.raw("}")
        case let .array(count):
            if count > 0 { sink.newline(depth) }
            sink.raw("]")
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
        // Concrete overloads: the synthesized code calls these directly, with no dynamic cast.
        mutating func encode(_ value: String, forKey key: Key) throws { encoder.nextMember(key: key.stringValue); encoder.sink.string(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { encoder.nextMember(key: key.stringValue); encoder.sink.number(value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { encoder.nextMember(key: key.stringValue); encoder.sink.integer(value) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { encoder.nextMember(key: key.stringValue); encoder.sink.bool(value) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            encoder.nextMember(key: key.stringValue)
            try encoder.value(value)
        }
        // Optionals: synthesized code calls encodeIfPresent; absent values are left out.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            guard let value else { return }
            try encode(value, forKey: key)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            fatalError("nested containers are not used by gaizao's Codable types")
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            fatalError("nested containers are not used by gaizao's Codable types")
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
        mutating func encode(_ value: String) throws { encoder.nextMember(key: nil); encoder.sink.string(value) }
        mutating func encode(_ value: Double) throws { encoder.nextMember(key: nil); encoder.sink.number(value) }
        mutating func encode(_ value: Int) throws { encoder.nextMember(key: nil); encoder.sink.integer(value) }
        mutating func encode(_ value: Bool) throws { encoder.nextMember(key: nil); encoder.sink.bool(value) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            encoder.nextMember(key: nil)
            try encoder.value(value)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            fatalError("nested containers are not used by gaizao's Codable types")
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            fatalError("nested containers are not used by gaizao's Codable types")
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
        mutating func encode<T: Encodable>(_ value: T) throws { try encoder.value(value) }
    }
}
