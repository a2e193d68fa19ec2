/// A view-model value as the templates see it: no `Any`, no casts, no reflection while rendering.
public enum MustacheValue: Sendable {
    case string(String)
    case bool(Bool)
    case list([MustacheValue])
    /// Fields in the order written. Objects hold a few dozen keys at most: a linear scan over short
    /// (mostly inline) strings is cheaper than hashing, and building one needs no hash table.
    case object([(key: String, value: MustacheValue)])
    /// A large object (the fixed-string table, a few hundred keys), looked up by hash.
    case table([String: MustacheValue])

    /// The same value as plain Swift values (`String`, `Bool`, arrays, `[String: Any]`), for swift-mustache's
    /// own renderer (the fallback path) and for tests.
    public var plain: Any {
        switch self {
        case let .string(s): return s
        case let .bool(b): return b
        case let .list(l): return l.map { $0.plain }
        case let .object(o): return Dictionary(o.map { ($0.key, $0.value.plain) }, uniquingKeysWith: { _, last in last })
        case let .table(t): return t.mapValues { $0.plain }
        }
    }

    func child(_ key: String) -> MustacheValue? {
        switch self {
        case let .object(fields):
            // Most keys differ in length: comparing the (stored) lengths first skips the full comparison.
            let length = key.utf8.count
            for field in fields where field.key.utf8.count == length && field.key == key { return field.value }
            return nil
        case let .table(t): return t[key]
        case .string, .bool, .list: return nil
        }
    }
}

/// A value the view-model builder can put in a `ViewNode`: strings, booleans, nodes and lists of them.
protocol ViewValue { var mustacheValue: MustacheValue { get } }

extension String: ViewValue { var mustacheValue: MustacheValue { .string(self) } }
extension Bool: ViewValue { var mustacheValue: MustacheValue { .bool(self) } }
extension MustacheValue: ViewValue { var mustacheValue: MustacheValue { self } }
extension Array: ViewValue where Element: ViewValue { var mustacheValue: MustacheValue { .list(map { $0.mustacheValue }) } }

/// Literal strings and booleans stand for themselves in a `ViewNode` literal (`"statusClass": "include"`).
extension MustacheValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension MustacheValue {
    /// Any other view value in a `ViewNode` literal: `"name": .v(l(m.name))`. Generic, not existential: each
    /// call is specialised to the argument's concrete type, so building a node copies no existential boxes.
    @inline(__always)
    static func v<Value: ViewValue>(_ value: Value) -> MustacheValue { value.mustacheValue }
}

/// One object of the view model, written as a dictionary literal of view values
/// (`["name": .v(name), "hasRule": true, "reasons": .v(reasons)]`) and stored as `MustacheValue`s directly.
struct ViewNode: ViewValue, ExpressibleByDictionaryLiteral {
    var fields: [(key: String, value: MustacheValue)]

    init(dictionaryLiteral elements: (String, MustacheValue)...) {
        fields = elements.map { (key: $0.0, value: $0.1) }
    }

    subscript(key: String) -> MustacheValue? {
        get { fields.first { $0.key == key }?.value }
        set {
            fields.removeAll { $0.key == key }
            if let newValue { fields.append((key: key, value: newValue)) }
        }
    }

    var mustacheValue: MustacheValue { .object(fields) }
}
