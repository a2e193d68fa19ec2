#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A view-model value as the templates see it: a string, a boolean, a list, an object (named fields) or a table
/// of fixed texts. A value is a handle into the `ViewArena` it was built in, and means nothing outside it.
///
/// Why an arena: a proposal's view model holds thousands of values. Built as a tree of Swift enums, arrays and
/// strings, every value was an allocation, every lookup while rendering a retain and a release (atomic, and
/// contended when both cores render), and freeing the tree a recursive walk: together more than half of the
/// rendering time. In the arena the whole model is a handful of flat arrays; rendering reads it by index and
/// copies bytes, and freeing it frees a handful of arrays.
public struct MustacheValue: Sendable, Equatable {
    let slot: Int32

    /// A string value (its UTF-8 is copied into the arena).
    static func string(_ text: String) -> MustacheValue { ViewArena.building.add(text) }
    static func bool(_ flag: Bool) -> MustacheValue { MustacheValue(slot: flag ? ViewArena.trueSlot : ViewArena.falseSlot) }
    static func list(_ items: [MustacheValue]) -> MustacheValue { ViewArena.building.addList(items) }
    /// Fields in the order given. Names must be unique within an object (the renderer's lookup hints rely on
    /// it; debug builds check it).
    static func object(_ fields: [(key: String, value: MustacheValue)]) -> MustacheValue {
        let arena = ViewArena.building
        return MustacheValue(slot: arena.addObject { for f in fields { arena.appendField(f.key, f.value) } })
    }

    /// A decimal figure with at most `digits` decimals (`DecimalText.format`), written straight into the arena:
    /// charts hold hundreds of coordinates, and making each a String first doubled their cost.
    static func decimal(_ value: Double, digits: Int) -> MustacheValue { ViewArena.building.addDecimal(value, digits: digits) }

    /// A large object of fixed texts (the string table, a few hundred keys), looked up by hash.
    static func table(_ table: StringTable) -> MustacheValue { ViewArena.building.addTable(table) }
}

/// A value the view-model builder can put in a `ViewNode`: strings, booleans, nodes and lists of them.
protocol ViewValue {
    var mustacheValue: MustacheValue { get }
    /// True for values that already are arena handles (nodes, values): a list of them is made without
    /// converting each.
    static var isHandle: Bool { get }
}

extension ViewValue {
    static var isHandle: Bool { false }
}

extension String: ViewValue { var mustacheValue: MustacheValue { .string(self) } }
extension Bool: ViewValue { var mustacheValue: MustacheValue { .bool(self) } }
extension MustacheValue: ViewValue {
    var mustacheValue: MustacheValue { self }
    static var isHandle: Bool { true }
}
extension Array: ViewValue where Element: ViewValue {
    var mustacheValue: MustacheValue { ViewArena.building.addList(self) }
}

/// Literal strings and booleans stand for themselves in a `ViewNode` literal (`"statusClass": "include"`).
extension MustacheValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension MustacheValue {
    /// Any other view value in a `ViewNode` literal: `"name": .v(l(m.name))`. Generic, not existential: each
    /// call is specialised to the argument's concrete type.
    @inline(__always)
    static func v<Value: ViewValue>(_ value: Value) -> MustacheValue { value.mustacheValue }
}

/// One object of the view model, written as a dictionary literal of view values
/// (`["name": .v(name), "hasRule": true, "reasons": .v(reasons)]`): its fields go into the arena at once.
struct ViewNode: ViewValue, ExpressibleByDictionaryLiteral {
    let slot: Int32

    @inline(__always)
    init(dictionaryLiteral elements: (ViewKey, MustacheValue)...) {
        let arena = ViewArena.building
        slot = arena.addObject { for (k, v) in elements { arena.appendField(k, v) } }
    }

    /// A field's value. Setting replaces a field of that name, or adds one.
    subscript(key: ViewKey) -> MustacheValue? {
        get { ViewArena.building.field(of: slot, key).map { MustacheValue(slot: $0) } }
        nonmutating set {
            guard let newValue else { return }
            ViewArena.building.setField(of: slot, key, newValue)
        }
    }

    /// A boolean field (false when absent or not a boolean).
    func bool(_ key: ViewKey) -> Bool { self[key]?.slot == ViewArena.trueSlot }

    var mustacheValue: MustacheValue { MustacheValue(slot: slot) }
    static var isHandle: Bool { true }
}

/// A field name written as a literal in the builder (`["name": …]`): its UTF-8 stays where the compiler put it,
/// so making a field copies no key bytes.
struct ViewKey: ExpressibleByStringLiteral {
    let text: StaticString
    init(stringLiteral value: StaticString) { text = value }
    var string: String { text.description }
}

/// A built view model: its arena and its root object. Immutable, so rendering may share it across threads.
public struct ViewTree: @unchecked Sendable {
    let arena: ViewArena
    public let root: MustacheValue

    /// Runs `body` with a fresh arena as the one values are built in (on this thread), and keeps what it built.
    /// Building is synchronous: the arena is this thread's until `body` returns. Builds may nest.
    static func build(_ body: () -> MustacheValue) -> ViewTree {
        let arena = ViewArena()
        let previous = pthread_getspecific(ViewArena.threadKey)
        pthread_setspecific(ViewArena.threadKey, Unmanaged.passUnretained(arena).toOpaque())
        defer { pthread_setspecific(ViewArena.threadKey, previous) }
        let root = withExtendedLifetime(arena) { body() }
        return ViewTree(arena: arena, root: root)
    }

    /// The tree as plain Swift values (`String`, `Bool`, arrays, `[String: Any]`), for swift-mustache's own
    /// renderer (the fallback path) and for tests.
    public var plain: Any { arena.withBuffers { ViewArena.plain(root.slot, $0) } }
}

/// The flat storage of one view model. Slots describe values; strings, list items and object fields live in
/// shared arrays, referenced by offset and count.
final class ViewArena {
    enum Kind: UInt8 { case string, bool, list, object, table }

    struct Slot {
        var kind: Kind
        /// string: byte offset; bool: 0/1; list: first item; object: first field; table: table index.
        var a: Int32
        /// string: byte count; list: item count; object: field count.
        var b: Int32
        /// object: the slot holding fields added after it was made (`ViewNode` subscript set), or -1.
        var next: Int32 = -1
        /// object: the union of its keys' `KeyBytes.bit`s, so a lookup skips an object that cannot have the key
        /// (most lookups pass through several objects before the one that has it).
        var mask: UInt64 = 0
    }

    struct Field {
        /// The bytes of a literal key (`ViewKey`), or nil: the key is at `keyOffset` in `keyBytes`.
        var key: UnsafePointer<UInt8>?
        var keyOffset: Int32
        var keyLength: Int32
        var value: Int32
    }

    static let falseSlot: Int32 = 0
    static let trueSlot: Int32 = 1

    /// The arrays, behind a pointer: mutating a class's stored properties costs a dynamic exclusivity check per
    /// access (about a sixth of the building time); the arena is only ever used by the thread building it.
    /// Sized for a proposal (about 40 KB of text, 2,700 slots, 2,600 fields); they grow when needed.
    struct Storage {
        var bytes = RawArray<UInt8>(capacity: 64 * 1024)
        var keyBytes = RawArray<UInt8>(capacity: 256)
        var slots = RawArray<Slot>(capacity: 4096)
        var items = RawArray<Int32>(capacity: 1024)
        var fields = RawArray<Field>(capacity: 4096)
        var tables: [StringTable] = []
        /// The keys' bits of the object being added.
        var mask: UInt64 = 0
    }

    private let storage: UnsafeMutablePointer<Storage>

    // Read once building is done (`ViewTree.build` returned): nothing is appended any more.
    var bytes: UnsafeBufferPointer<UInt8> { storage.pointee.bytes.buffer }
    var keyBytes: UnsafeBufferPointer<UInt8> { storage.pointee.keyBytes.buffer }
    var slots: UnsafeBufferPointer<Slot> { storage.pointee.slots.buffer }
    var items: UnsafeBufferPointer<Int32> { storage.pointee.items.buffer }
    var fields: UnsafeBufferPointer<Field> { storage.pointee.fields.buffer }
    var tables: [StringTable] { storage.pointee.tables }

    init() {
        storage = .allocate(capacity: 1)
        storage.initialize(to: Storage())
        storage.pointee.slots.append(Slot(kind: .bool, a: 0, b: 0))
        storage.pointee.slots.append(Slot(kind: .bool, a: 1, b: 0))
    }

    deinit {
        storage.pointee.bytes.free()
        storage.pointee.keyBytes.free()
        storage.pointee.slots.free()
        storage.pointee.items.free()
        storage.pointee.fields.free()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    // MARK: The arena values are being built in

    static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The arena of the innermost `ViewTree.build` on this thread. Building a value outside one is a
    /// programming error.
    static var building: ViewArena {
        guard let pointer = pthread_getspecific(threadKey) else {
            preconditionFailure("a view-model value was built outside ViewTree.build")
        }
        return Unmanaged<ViewArena>.fromOpaque(pointer).takeUnretainedValue()
    }

    // MARK: Adding values

    func add(_ text: String) -> MustacheValue {
        let offset = Int32(storage.pointee.bytes.count)
        var text = text
        text.withUTF8 { storage.pointee.bytes.appendShort($0) }
        storage.pointee.slots.append(Slot(kind: .string, a: offset, b: Int32(storage.pointee.bytes.count) - offset))
        return MustacheValue(slot: Int32(storage.pointee.slots.count - 1))
    }

    func addDecimal(_ value: Double, digits: Int) -> MustacheValue {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: DecimalText.capacity) { buffer in
            guard let start = DecimalText.write(value, digits: digits, to: buffer) else {
                return add(DecimalText.format(value, digits: digits))
            }
            let offset = Int32(storage.pointee.bytes.count)
            storage.pointee.bytes.appendShort(UnsafeBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[start...])))
            storage.pointee.slots.append(Slot(kind: .string, a: offset, b: Int32(storage.pointee.bytes.count) - offset))
            return MustacheValue(slot: Int32(storage.pointee.slots.count - 1))
        }
    }

    func addList<Element: ViewValue>(_ elements: [Element]) -> MustacheValue {
        let first: Int32
        if Element.isHandle {
            first = Int32(storage.pointee.items.count)
            for element in elements { storage.pointee.items.append(element.mustacheValue.slot) }
        } else {
            // Converting an element may itself add list items (a list of lists): convert them all first, so
            // this list's items stay contiguous.
            let converted = elements.map { $0.mustacheValue.slot }
            first = Int32(storage.pointee.items.count)
            converted.withUnsafeBufferPointer { storage.pointee.items.append(contentsOf: $0) }
        }
        storage.pointee.slots.append(Slot(kind: .list, a: first, b: Int32(storage.pointee.items.count) - first))
        return MustacheValue(slot: Int32(storage.pointee.slots.count - 1))
    }

    /// An object of the fields `body` adds with `appendField` (their values are already built, so nothing else
    /// adds fields meanwhile).
    func addObject(_ body: () -> Void) -> Int32 {
        let first = Int32(storage.pointee.fields.count)
        storage.pointee.mask = 0
        body()
        #if DEBUG
        // The renderer's lookup hints rely on it: a hinted field must be the only one of its name.
        let names = (Int(first)..<storage.pointee.fields.count).map { key(of: storage.pointee.fields[$0]) }
        assert(Set(names).count == names.count, "a view-model object has a key twice: \(names)")
        #endif
        storage.pointee.slots.append(Slot(kind: .object, a: first, b: Int32(storage.pointee.fields.count) - first, mask: storage.pointee.mask))
        return Int32(storage.pointee.slots.count - 1)
    }

    func addTable(_ table: StringTable) -> MustacheValue {
        storage.pointee.tables.append(table)
        storage.pointee.slots.append(Slot(kind: .table, a: Int32(storage.pointee.tables.count - 1), b: 0))
        return MustacheValue(slot: Int32(storage.pointee.slots.count - 1))
    }

    func appendField(_ key: String, _ value: MustacheValue) {
        let offset = Int32(storage.pointee.keyBytes.count)
        var key = key
        key.withUTF8 {
            storage.pointee.keyBytes.append(contentsOf: $0)
            storage.pointee.mask |= KeyBytes.bit($0)
        }
        storage.pointee.fields.append(Field(key: nil, keyOffset: offset, keyLength: Int32(storage.pointee.keyBytes.count) - offset, value: value.slot))
    }

    @inline(__always)
    func appendField(_ key: ViewKey, _ value: MustacheValue) {
        guard key.text.hasPointerRepresentation else { return appendField(key.string, value) }
        storage.pointee.mask |= KeyBytes.bit(UnsafeBufferPointer(start: key.text.utf8Start, count: key.text.utf8CodeUnitCount))
        storage.pointee.fields.append(Field(key: key.text.utf8Start, keyOffset: 0, keyLength: Int32(key.text.utf8CodeUnitCount), value: value.slot))
    }

    /// A field's key as a String (for plain values and the builder's reads, not the renderer).
    func key(of field: Field) -> String {
        if let literal = field.key {
            return String(decoding: UnsafeBufferPointer(start: literal, count: Int(field.keyLength)), as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(start: storage.pointee.keyBytes.base + Int(field.keyOffset), count: Int(field.keyLength)), as: UTF8.self)
    }

    /// The field named `key` of the object in `slot` (following its added fields), or nil.
    func field(of slot: Int32, _ key: ViewKey) -> Int32? {
        var current = slot
        while current >= 0 {
            let s = storage.pointee.slots[Int(current)]
            guard s.kind == .object else { return nil }
            for i in Int(s.a)..<Int(s.a + s.b) where keyMatches(storage.pointee.fields[i], key) { return storage.pointee.fields[i].value }
            current = s.next
        }
        return nil
    }

    func setField(of slot: Int32, _ key: ViewKey, _ value: MustacheValue) {
        var current = slot, last = slot
        while current >= 0 {
            let s = storage.pointee.slots[Int(current)]
            for i in Int(s.a)..<Int(s.a + s.b) where keyMatches(storage.pointee.fields[i], key) {
                storage.pointee.fields[i].value = value.slot
                return
            }
            last = current
            current = s.next
        }
        // A one-field object chained after the last part of this one.
        let first = Int32(storage.pointee.fields.count)
        storage.pointee.mask = 0
        appendField(key, value)
        storage.pointee.slots.append(Slot(kind: .object, a: first, b: 1, mask: storage.pointee.mask))
        storage.pointee.slots[Int(last)].next = Int32(storage.pointee.slots.count - 1)
    }

    private func keyMatches(_ field: Field, _ key: ViewKey) -> Bool {
        self.key(of: field) == key.string
    }

    // MARK: Reading

    /// Runs `body` with the arena's arrays as buffers: what the renderer reads, without a retain per value.
    func withBuffers<R>(_ body: (Buffers) -> R) -> R {
        withExtendedLifetime(self) {
            body(Buffers(bytes: bytes, keyBytes: keyBytes, slots: slots, items: items, fields: fields, tables: tables))
        }
    }

    struct Buffers {
        let bytes: UnsafeBufferPointer<UInt8>
        let keyBytes: UnsafeBufferPointer<UInt8>
        let slots: UnsafeBufferPointer<Slot>
        let items: UnsafeBufferPointer<Int32>
        let fields: UnsafeBufferPointer<Field>
        let tables: [StringTable]
    }
}

extension ViewArena {
    /// A value as plain Swift values (`ViewTree.plain`, and a variable that names a collection).
    static func plain(_ slot: Int32, _ v: Buffers) -> Any {
        let s = v.slots[Int(slot)]
        switch s.kind {
        case .string: return String(decoding: UnsafeBufferPointer(rebasing: v.bytes[Int(s.a)..<Int(s.a + s.b)]), as: UTF8.self)
        case .bool: return s.a != 0
        case .list: return (Int(s.a)..<Int(s.a + s.b)).map { plain(v.items[$0], v) }
        case .table: return v.tables[Int(s.a)].texts
        case .object:
            var out: [String: Any] = [:]
            var current = slot
            while current >= 0 {
                let part = v.slots[Int(current)]
                for i in Int(part.a)..<Int(part.a + part.b) {
                    let f = v.fields[i]
                    let bytes = f.key.map { UnsafeBufferPointer(start: $0, count: Int(f.keyLength)) }
                        ?? UnsafeBufferPointer(rebasing: v.keyBytes[Int(f.keyOffset)..<Int(f.keyOffset + f.keyLength)])
                    let key = String(decoding: bytes, as: UTF8.self)
                    if out[key] == nil { out[key] = plain(f.value, v) }
                }
                current = part.next
            }
            return out
        }
    }
}

/// A table of fixed texts (the string table of one language): an object with hundreds of keys, made once and
/// shared by every view model. A template program looks each of its names up in a table once (`TemplateProgram.
/// texts(of:)`), so rendering finds a table's text by the tag's position instead of hashing the name.
final class StringTable: Sendable {
    let texts: [String: String]

    init(_ texts: [String: String]) { self.texts = texts }
}
