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
            for field in object.fields where out[field.name] == nil { out[field.name] = field.value.plain }
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
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: TemplateValue

        public init(name: String, value: TemplateValue) {
            self.name = name
            self.value = value
        }
    }

    public var fields: [Field]

    public init(_ fields: [Field]) { self.fields = fields }

    /// The value of the field named `name`, or nil.
    public subscript(name: String) -> TemplateValue? {
        get { fields.first { $0.name == name }?.value }
        set {
            if let i = fields.firstIndex(where: { $0.name == name }) {
                if let newValue { fields[i].value = newValue } else { fields.remove(at: i) }
            } else if let newValue {
                fields.append(Field(name: name, value: newValue))
            }
        }
    }
}

/// A table of fixed texts (the string table of one language): an object with hundreds of keys, made once and
/// shared by every view model. Immutable; two tables are equal when they are the same table.
public final class StringTable: Sendable, Equatable {
    public let texts: [String: String]

    public init(_ texts: [String: String]) { self.texts = texts }

    public static func == (lhs: StringTable, rhs: StringTable) -> Bool { lhs === rhs }
}
