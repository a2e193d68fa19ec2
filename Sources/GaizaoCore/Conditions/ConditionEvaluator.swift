/// Three-valued truth: a condition over unanswered questions may be unknown (Kleene logic).
public enum Truth: Sendable, Hashable {
    case yes, no, unknown

    public var isTrue: Bool { self == .yes }
    init(_ b: Bool) { self = b ? .yes : .no }
}

/// Evaluates a condition against answers. Unanswered questions are unknown; see docs/catalog-format.md.
public enum ConditionEvaluator {
    enum Value: Sendable {
        case number(Double), string(String), set([String]), bool(Bool), list([Value]), unknown

        /// An answer as a condition sees it; no answer is unknown.
        init(_ answer: AnswerValue?) {
            switch answer {
            case nil: self = .unknown
            case let .number(n)?: self = .number(n)
            case let .text(t)?: self = .string(t)
            case let .option(o)?: self = .string(o)
            case let .options(os)?: self = .set(os)
            case let .bool(b)?: self = .bool(b)
            }
        }
    }

    public static func evaluate(_ condition: Condition, _ lookup: (String) -> AnswerValue?) -> Truth {
        truth(of: value(condition.expr, lookup))
    }

    public static func evaluate(_ condition: Condition, in answers: [String: AnswerValue]) -> Truth {
        evaluate(condition) { answers[$0] }
    }

    static func truth(of v: Value) -> Truth {
        switch v {
        case let .bool(b): return Truth(b)
        case .unknown: return .unknown
        default: return .unknown  // the type checker rejects non-boolean conditions
        }
    }

    /// `x op y` on numbers; anything else, and division by zero, is unknown.
    static func arithmetic(_ op: Expr.ArithmeticOp, _ a: Value, _ b: Value) -> Value {
        guard case let .number(x) = a, case let .number(y) = b else { return .unknown }
        switch op {
        case .add: return .number(x + y)
        case .sub: return .number(x - y)
        case .mul: return .number(x * y)
        case .div: return y == 0 ? .unknown : .number(x / y)
        }
    }

    static func value(_ e: Expr, _ lookup: (String) -> AnswerValue?) -> Value {
        switch e.kind {
        case let .number(n): return .number(n)
        case let .string(s): return .string(s)
        case let .bool(b): return .bool(b)
        case let .list(items): return .list(items.map { value($0, lookup) })
        case let .question(id):
            return Value(lookup(id))
        case let .not(a):
            switch truth(of: value(a, lookup)) {
            case .yes: return .bool(false)
            case .no: return .bool(true)
            case .unknown: return .unknown
            }
        case let .and(a, b):
            let l = truth(of: value(a, lookup))
            if l == .no { return .bool(false) }
            let r = truth(of: value(b, lookup))
            if r == .no { return .bool(false) }
            return l == .yes && r == .yes ? .bool(true) : .unknown
        case let .or(a, b):
            let l = truth(of: value(a, lookup))
            if l == .yes { return .bool(true) }
            let r = truth(of: value(b, lookup))
            if r == .yes { return .bool(true) }
            return l == .no && r == .no ? .bool(false) : .unknown
        case let .negate(a):
            if case let .number(n) = value(a, lookup) { return .number(-n) }
            return .unknown
        case let .arithmetic(op, a, b):
            return arithmetic(op, value(a, lookup), value(b, lookup))
        case let .compare(op, a, b):
            return compare(op, value(a, lookup), value(b, lookup))
        case let .isIn(a, b):
            let l = value(a, lookup)
            guard case let .list(items) = value(b, lookup) else { return .unknown }
            if case .unknown = l { return .unknown }
            return .bool(items.contains { if case .bool(true) = compare(.eq, l, $0) { return true } else { return false } })
        case let .contains(a, b):
            guard case let .set(s) = value(a, lookup), case let .string(o) = value(b, lookup) else { return .unknown }
            return .bool(s.contains(o))
        case let .call(fn, arg):
            guard case let .question(id) = arg.kind else { return .unknown }
            switch fn {
            case .answered: return .bool(lookup(id) != nil)
            case .count:
                if case let .options(os)? = lookup(id) { return .number(Double(os.count)) }
                return .unknown
            }
        }
    }

    static func compare(_ op: Expr.CompareOp, _ l: Value, _ r: Value) -> Value {
        switch (l, r) {
        case let (.number(x), .number(y)):
            switch op {
            case .eq: return .bool(x == y)
            case .ne: return .bool(x != y)
            case .lt: return .bool(x < y)
            case .le: return .bool(x <= y)
            case .gt: return .bool(x > y)
            case .ge: return .bool(x >= y)
            }
        case let (.string(x), .string(y)):
            switch op {
            case .eq: return .bool(x == y)
            case .ne: return .bool(x != y)
            default: return .unknown
            }
        case let (.bool(x), .bool(y)):
            switch op {
            case .eq: return .bool(x == y)
            case .ne: return .bool(x != y)
            default: return .unknown
            }
        default:
            return .unknown
        }
    }
}
