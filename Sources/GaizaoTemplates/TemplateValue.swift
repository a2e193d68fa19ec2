/// A value as a template sees it: a string, a boolean, a list, an object (named fields, in order) or a table of
/// fixed texts. An ordinary value tree: build it anywhere, share it freely, render it as often as needed.
public enum TemplateValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)
    /// A large object of fixed texts (the string table of one language), shared by every view model.
    case table(StringTable)

    /// The value as plain Swift values (`String`, `Bool`, arrays, `[String: Any]`): what swift-mustache renders
    /// (the reference the compiled renderer is held to) and what tests inspect.
    public var plain: Any {
        switch self {
        case let .string(text): return text
        case let .bool(flag): return flag
        case let .list(items): return items.map(\.plain)
        case let .object(object):
            var out: [String: Any] = [:]
            for (name, value) in object.fields where out[name] == nil { out[name] = value.plain }
            return out
        case let .table(table): return table.texts
        }
    }
}

/// Literal strings and booleans stand for themselves where a value is expected (`"statusClass": "include"`).
extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

/// An object: its fields in the order they were given. Names are unique within an object.
public struct TemplateObject: Sendable, Equatable {
    /// A field: its name (`.0`) and its value (`.1`). A plain pair rather than a struct: the elements of a
    /// dictionary literal are such pairs, and an object built from one keeps them as they are, without a copy.
    public typealias Field = (String, TemplateValue)

    public private(set) var fields: [Field] { didSet { names = NamePath.mask(fields) } }
    /// The `NamePath.bit` of every field's name, or-ed: a name whose bit is clear here is not a field, and a
    /// lookup passes this object over without reading its fields.
    private(set) var names: UInt64

    public init(_ fields: [Field]) {
        self.fields = fields
        names = NamePath.mask(fields)
    }

    /// The value of the field named `name`, or nil.
    public subscript(name: String) -> TemplateValue? {
        get { field(name, bit: NamePath.bit(name)) }
        set {
            if let i = fields.firstIndex(where: { $0.0 == name }) {
                if let newValue { fields[i].1 = newValue } else { fields.remove(at: i) }
            } else if let newValue {
                fields.append((name, newValue))
            }
        }
    }

    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs.fields.count == rhs.fields.count && zip(lhs.fields, rhs.fields).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }
}

extension TemplateObject {
    /// The value of the field named `name`, whose `NamePath.bit` is `bit`.
    func field(_ name: String, bit: UInt64) -> TemplateValue? {
        var hint: Int32 = 0
        return field(name, bit: bit, hint: &hint)
    }

    /// The value of the field named `name`, whose `NamePath.bit` is `bit`. The field at position `hint` is
    /// compared first: objects built by the same code list their fields in the same order, so the renderer keeps,
    /// for each tag, where its name was found last time, and most lookups are one comparison. `hint` is set to
    /// where the name was found.
    @inline(__always)
    func field(_ name: String, bit: UInt64, hint: inout Int32) -> TemplateValue? {
        guard let i = position(of: name, bit: bit, hint: &hint) else { return nil }
        return fields[i].1
    }

    /// The position in `fields` of the field named `name`, whose `NamePath.bit` is `bit`; `hint` as for
    /// `field(_:bit:hint:)`.
    @inline(__always)
    func position(of name: String, bit: UInt64, hint: inout Int32) -> Int? {
        guard names & bit != 0 else { return nil }
        let guess = Int(hint)
        if guess < fields.count, fields[guess].0 == name { return guess }
        guard let i = index(of: name) else { return nil }
        hint = Int32(truncatingIfNeeded: i)
        return i
    }

    /// The position of the field named `name`, searched from the first field.
    @inline(never)
    private func index(of name: String) -> Int? {
        // Names of another length are passed over without a string comparison (the length is stored in both
        // strings); fields are read in place, not copied out one by one.
        let length = name.utf8.count
        for i in fields.indices where fields[i].0.utf8.count == length && fields[i].0 == name { return i }
        return nil
    }
}

/// A dotted name of a template tag (`a.b.c`, or `.`), with each name's bit worked out once, when the template is
/// compiled.
struct NamePath: Sendable {
    let names: [String]
    let bits: [UInt64]
    /// `hash` of each name, for finding it in a `StringTable`.
    let hashes: [Int]

    init(_ names: [String]) {
        self.names = names
        bits = names.map(Self.bit)
        hashes = names.map(Self.hash)
    }

    /// A hash of a name's bytes (FNV-1a, its halves mixed): worked out once per tag name when the template is
    /// compiled, and once per key when a `StringTable` is made.
    static func hash(_ name: String) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// One of 64 bits for a name, from its length and first byte: cheap to work out, and spread enough that most
    /// objects a lookup passes on its way out of a section can be skipped by their `TemplateObject.names` alone.
    static func bit(_ name: String) -> UInt64 {
        1 &<< UInt64((name.utf8.count &* 7 &+ Int(firstByte(name))) & 63)
    }

    /// The first byte of a name, 0 for the empty name. Through the view's subscript, which is inlined
    /// (`utf8.first` is a call per field).
    @inline(__always)
    static func firstByte(_ name: String) -> UInt8 {
        let utf8 = name.utf8
        return utf8.isEmpty ? 0 : utf8[utf8.startIndex]
    }

    static func mask(_ fields: [TemplateObject.Field]) -> UInt64 {
        var mask: UInt64 = 0
        for i in fields.indices { mask |= bit(fields[i].0) }
        return mask
    }
}

/// A table of fixed texts (the string table of one language): an object with hundreds of keys, made once and
/// shared by every view model. Immutable; two tables are equal when they are the same table.
public final class StringTable: Sendable, Equatable {
    public let texts: [String: String]

    /// The texts again, for the renderer: found by the `NamePath.hash` a tag's name got when its template was
    /// compiled (hashing the name into `texts` at every `{{t.key}}` was most of such a lookup). Open addressing
    /// over a power-of-two table at most half full: `slots` holds positions in `keys` and `values` (-1: empty).
    private let keys: [String]
    /// The texts as values, at the positions `position(of:hash:)` finds.
    let values: [TemplateValue]
    private let slots: [Int32]

    public init(_ texts: [String: String]) {
        self.texts = texts
        var size = 16
        while size < texts.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        var keys: [String] = [], values: [TemplateValue] = []
        for (key, text) in texts {
            var i = NamePath.hash(key) & (size - 1)
            while slots[i] >= 0 { i = (i + 1) & (size - 1) }
            slots[i] = Int32(keys.count)
            keys.append(key)
            values.append(.string(text))
        }
        self.keys = keys
        self.values = values
        self.slots = slots
    }

    /// The text of `key`, whose `NamePath.hash` is `hash`, as a value; nil when the table has no such key.
    func value(_ key: String, hash: Int) -> TemplateValue? {
        position(of: key, hash: hash).map { values[$0] }
    }

    /// The position in `values` of the text of `key`, whose `NamePath.hash` is `hash`; nil when the table has no
    /// such key.
    func position(of key: String, hash: Int) -> Int? {
        let mask = slots.count - 1
        var i = hash & mask
        while true {
            let position = Int(slots[i])
            guard position >= 0 else { return nil }
            if keys[position] == key { return position }
            i = (i + 1) & mask
        }
    }

    public static func == (lhs: StringTable, rhs: StringTable) -> Bool { lhs === rhs }
}
