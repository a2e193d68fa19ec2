/// A condition compiled against answer slots (`AnswerSlots`): question ids are resolved to array positions
/// once per industry, so evaluating reads an array instead of hashing strings, and constant lists are built
/// once instead of at every evaluation. Same Kleene semantics as `ConditionEvaluator`, whose `truth` and
/// `compare` it shares; a differential test holds the two together.
struct SlotCondition: Sendable {
    let expr: SlotExpr

    /// Compiles `condition`; `slot` gives the slot of a question id (registering it if needed).
    init(_ condition: Condition, slot: (String) -> Int) {
        expr = SlotExpr(condition.expr, slot: slot)
    }

    func evaluate(_ answers: [AnswerValue?]) -> Truth {
        expr.truth(answers)
    }
}

indirect enum SlotExpr: Sendable {
    case constant(ConditionEvaluator.Value)
    case list([SlotExpr])
    case slot(Int)
    case not(SlotExpr)
    case negate(SlotExpr)
    case and(SlotExpr, SlotExpr)
    case or(SlotExpr, SlotExpr)
    case compare(Expr.CompareOp, SlotExpr, SlotExpr)
    case arithmetic(Expr.ArithmeticOp, SlotExpr, SlotExpr)
    case isIn(SlotExpr, SlotExpr)
    case contains(SlotExpr, SlotExpr)
    case answered(Int)
    case count(Int)
    // The usual leaves, compared without building values: `q >= 3`, `q == "x"`, `q contains "x"`.
    case compareNumber(Expr.CompareOp, Int, Double)
    case compareString(Expr.CompareOp, Int, String)
    case containsString(Int, String)

    init(_ e: Expr, slot: (String) -> Int) {
        func sub(_ x: Expr) -> SlotExpr { SlotExpr(x, slot: slot) }
        switch e.kind {
        case let .number(n): self = .constant(.number(n))
        case let .string(s): self = .constant(.string(s))
        case let .bool(b): self = .constant(.bool(b))
        case let .list(items):
            let compiled = items.map(sub)
            // A list of literals (the usual `x in ["a", "b"]`) is one constant value.
            var constants: [ConditionEvaluator.Value] = []
            for c in compiled { if case let .constant(v) = c { constants.append(v) } }
            self = constants.count == compiled.count ? .constant(.list(constants)) : .list(compiled)
        case let .question(id): self = .slot(slot(id))
        case let .not(a): self = .not(sub(a))
        case let .negate(a): self = .negate(sub(a))
        case let .and(a, b): self = .and(sub(a), sub(b))
        case let .or(a, b): self = .or(sub(a), sub(b))
        case let .compare(op, a, b):
            switch (sub(a), sub(b)) {
            case let (.slot(k), .constant(.number(n))): self = .compareNumber(op, k, n)
            case let (.slot(k), .constant(.string(t))): self = .compareString(op, k, t)
            case let (l, r): self = .compare(op, l, r)
            }
        case let .arithmetic(op, a, b): self = .arithmetic(op, sub(a), sub(b))
        case let .isIn(a, b): self = .isIn(sub(a), sub(b))
        case let .contains(a, b):
            switch (sub(a), sub(b)) {
            case let (.slot(k), .constant(.string(t))): self = .containsString(k, t)
            case let (l, r): self = .contains(l, r)
            }
        case let .call(fn, arg):
            // As in `ConditionEvaluator`: a call on anything but a question is unknown.
            guard case let .question(id) = arg.kind else { self = .constant(.unknown); return }
            switch fn {
            case .answered: self = .answered(slot(id))
            case .count: self = .count(slot(id))
            }
        }
    }

    /// `ConditionEvaluator.truth(of: value(answers))`, with the logic and the usual leaves decided directly.
    func truth(_ answers: [AnswerValue?]) -> Truth {
        switch self {
        case let .and(a, b):
            let l = a.truth(answers)
            if l == .no { return .no }
            let r = b.truth(answers)
            if r == .no { return .no }
            return l == .yes && r == .yes ? .yes : .unknown
        case let .or(a, b):
            let l = a.truth(answers)
            if l == .yes { return .yes }
            let r = b.truth(answers)
            if r == .yes { return .yes }
            return l == .no && r == .no ? .no : .unknown
        case let .not(a):
            switch a.truth(answers) {
            case .yes: return .no
            case .no: return .yes
            case .unknown: return .unknown
            }
        case let .slot(k):
            if case let .bool(b)? = answers[k] { return Truth(b) }
            return .unknown
        case let .compareNumber(op, k, y):
            guard case let .number(x)? = answers[k] else { return .unknown }
            switch op {
            case .eq: return Truth(x == y)
            case .ne: return Truth(x != y)
            case .lt: return Truth(x < y)
            case .le: return Truth(x <= y)
            case .gt: return Truth(x > y)
            case .ge: return Truth(x >= y)
            }
        case let .compareString(op, k, y):
            let x: String
            switch answers[k] {
            case let .text(t)?: x = t
            case let .option(o)?: x = o
            default: return .unknown
            }
            switch op {
            case .eq: return Truth(x == y)
            case .ne: return Truth(x != y)
            default: return .unknown
            }
        case let .containsString(k, y):
            if case let .options(os)? = answers[k] { return Truth(os.contains(y)) }
            return .unknown
        default:
            return ConditionEvaluator.truth(of: value(answers))
        }
    }

    func value(_ answers: [AnswerValue?]) -> ConditionEvaluator.Value {
        switch self {
        case .compareNumber, .compareString, .containsString:
            switch truth(answers) {
            case .yes: return .bool(true)
            case .no: return .bool(false)
            case .unknown: return .unknown
            }
        case let .constant(v): return v
        case let .list(items): return .list(items.map { $0.value(answers) })
        case let .slot(k):
            return ConditionEvaluator.Value(answers[k])
        case let .not(a):
            switch ConditionEvaluator.truth(of: a.value(answers)) {
            case .yes: return .bool(false)
            case .no: return .bool(true)
            case .unknown: return .unknown
            }
        case let .and(a, b):
            let l = ConditionEvaluator.truth(of: a.value(answers))
            if l == .no { return .bool(false) }
            let r = ConditionEvaluator.truth(of: b.value(answers))
            if r == .no { return .bool(false) }
            return l == .yes && r == .yes ? .bool(true) : .unknown
        case let .or(a, b):
            let l = ConditionEvaluator.truth(of: a.value(answers))
            if l == .yes { return .bool(true) }
            let r = ConditionEvaluator.truth(of: b.value(answers))
            if r == .yes { return .bool(true) }
            return l == .no && r == .no ? .bool(false) : .unknown
        case let .negate(a):
            if case let .number(n) = a.value(answers) { return .number(-n) }
            return .unknown
        case let .arithmetic(op, a, b):
            return ConditionEvaluator.arithmetic(op, a.value(answers), b.value(answers))
        case let .compare(op, a, b):
            return ConditionEvaluator.compare(op, a.value(answers), b.value(answers))
        case let .isIn(a, b):
            let l = a.value(answers)
            guard case let .list(items) = b.value(answers) else { return .unknown }
            if case .unknown = l { return .unknown }
            return .bool(items.contains { if case .bool(true) = ConditionEvaluator.compare(.eq, l, $0) { return true } else { return false } })
        case let .contains(a, b):
            guard case let .set(s) = a.value(answers), case let .string(o) = b.value(answers) else { return .unknown }
            return .bool(s.contains(o))
        case let .answered(k):
            return .bool(answers[k] != nil)
        case let .count(k):
            if case let .options(os)? = answers[k] { return .number(Double(os.count)) }
            return .unknown
        }
    }
}
