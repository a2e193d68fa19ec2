import GaizaoTemplates

/// The view-model builder's vocabulary: `ViewNode` dictionary literals of values (`["name": .from(name),
/// "hasRule": true, "reasons": .from(reasons)]`) that become `TemplateValue` trees.

/// The builder's name for a template value.
typealias MustacheValue = TemplateValue

/// A value the view-model builder can put in a `ViewNode`: strings, booleans, nodes and lists of them.
protocol TemplateValueConvertible {
    var mustacheValue: TemplateValue { get }
}

extension String: TemplateValueConvertible { var mustacheValue: TemplateValue { .string(self) } }
extension Bool: TemplateValueConvertible { var mustacheValue: TemplateValue { .bool(self) } }
extension TemplateValue: TemplateValueConvertible { var mustacheValue: TemplateValue { self } }
extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    var mustacheValue: TemplateValue { .list(map(\.mustacheValue)) }
}

extension TemplateValue {
    /// Any other view value in a `ViewNode` literal: `"name": .from(l(m.name))`.
    static func from<Value: TemplateValueConvertible>(_ value: Value) -> TemplateValue { value.mustacheValue }

    /// An object of the fields given, in order (names must be unique).
    static func object(_ fields: [(key: String, value: TemplateValue)]) -> TemplateValue {
        .object(TemplateObject(fields.map { ($0.key, $0.value) }))
    }

    /// A decimal figure with at most `digits` decimals (`DecimalText.format`): chart coordinates.
    static func decimal(_ value: Double, digits: Int) -> TemplateValue { .string(DecimalText.format(value, digits: digits)) }
}

/// One object of the view model under construction, written as a dictionary literal of values; a field can be
/// added or replaced (`root["charts"] = …`) before the node is turned into a value. A value, not a reference: a
/// view model has hundreds of nodes, and each would otherwise be one more allocation to make and free.
struct ViewNode: TemplateValueConvertible, ExpressibleByDictionaryLiteral {
    private(set) var object: TemplateObject

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        object = TemplateObject(elements)
        #if DEBUG
        let names = object.fields.map(\.0)
        assert(Set(names).count == names.count, "a view-model object has a key twice: \(names)")
        #endif
    }

    /// A field's value. Setting replaces a field of that name, or adds one.
    subscript(key: String) -> TemplateValue? {
        get { object[key] }
        set { object[key] = newValue }
    }

    /// A boolean field (false when absent or not a boolean).
    func bool(_ key: String) -> Bool { object[key] == .bool(true) }

    var mustacheValue: TemplateValue { .object(object) }
}

/// A built view model: the root value handed to the template.
public struct ViewTree: Sendable {
    public let root: TemplateValue

    public init(root: TemplateValue) { self.root = root }

    /// The value `body` builds (kept as a function for the builders' call sites).
    static func build(_ body: () -> TemplateValue) -> ViewTree { ViewTree(root: body()) }

    /// The tree as plain Swift values, for swift-mustache's renderer and tests.
    public var plain: Any { root.plain }
}
