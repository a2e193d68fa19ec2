/// Static types of condition expressions, checked against the questionnaire at load time (lint).
public enum ConditionTypeChecker {
    public struct Problem: Sendable, Hashable {
        public var message: String
        public var offset: Int
    }

    indirect enum ValueType: Equatable {
        case number, bool, text, stringLiteral(String), option(Question), set(Question), list([ValueType])

        var name: String {
            switch self {
            case .number: return "a number"
            case .bool: return "yes/no"
            case .text: return "a text"
            case let .stringLiteral(s): return "the string \"\(s)\""
            case let .option(q): return "single-choice `\(q.id)`"
            case let .set(q): return "multiple-choice `\(q.id)`"
            case .list: return "a list"
            }
        }
    }

    /// Checks `expr` as a condition (it must be yes/no). `questions` resolves ids; `isVisible` may reject
    /// ids that are not allowed here (e.g. asked after the question whose `when` this is) with a message.
    public static func check(_ expr: Expr, questions: (String) -> Question?,
                             reject: (String) -> String? = { _ in nil }) -> [Problem] {
        var problems: [Problem] = []
        let t = type(of: expr, questions, reject, &problems)
        if problems.isEmpty, let t, t != .bool {
            problems.append(Problem(message: "a condition must be yes/no, but this is \(t.name)", offset: expr.offset))
        }
        return problems
    }

    private static func type(of e: Expr, _ questions: (String) -> Question?, _ reject: (String) -> String?,
                             _ problems: inout [Problem]) -> ValueType? {
        func fail(_ message: String, _ offset: Int = e.offset) -> ValueType? {
            problems.append(Problem(message: message, offset: offset))
            return nil
        }
        func sub(_ x: Expr) -> ValueType? { type(of: x, questions, reject, &problems) }

        switch e.kind {
        case .number: return .number
        case let .string(s): return .stringLiteral(s)
        case .bool: return .bool
        case let .list(items): return .list(items.compactMap { sub($0) })
        case let .question(id):
            guard let q = questions(id) else {
                return fail("unknown question `\(id)`")
            }
            if let why = reject(id) { return fail(why) }
            switch q.kind {
            case .number, .level: return .number
            case .text: return .text
            case .single: return .option(q)
            case .multi: return .set(q)
            case .yesno: return .bool
            }
        case let .not(a):
            guard let t = sub(a) else { return nil }
            return t == .bool ? .bool : fail("`not` needs yes/no, found \(t.name)", a.offset)
        case let .and(a, b), let .or(a, b):
            let word = { if case .and = e.kind { return "and" } else { return "or" } }()
            let ta = sub(a), tb = sub(b)
            if let ta, ta != .bool { return fail("`\(word)` needs yes/no on both sides, found \(ta.name)", a.offset) }
            if let tb, tb != .bool { return fail("`\(word)` needs yes/no on both sides, found \(tb.name)", b.offset) }
            return .bool
        case let .negate(a):
            guard let t = sub(a) else { return nil }
            return t == .number ? .number : fail("`-` needs a number, found \(t.name)", a.offset)
        case let .arithmetic(op, a, b):
            let ta = sub(a), tb = sub(b)
            if let ta, ta != .number { return fail("`\(op.rawValue)` needs numbers, found \(ta.name)", a.offset) }
            if let tb, tb != .number { return fail("`\(op.rawValue)` needs numbers, found \(tb.name)", b.offset) }
            return .number
        case let .compare(op, a, b):
            guard let ta = sub(a), let tb = sub(b) else { return nil }
            if [.lt, .le, .gt, .ge].contains(op) {
                if ta != .number { return fail("`\(op.rawValue)` compares numbers, found \(ta.name)", a.offset) }
                if tb != .number { return fail("`\(op.rawValue)` compares numbers, found \(tb.name)", b.offset) }
                return .bool
            }
            if let message = equalityProblem(ta, tb) ?? equalityProblem(tb, ta, swapped: true) {
                // An option the question does not offer is pointed at where it is written.
                switch (ta, tb) {
                case (.option, .stringLiteral): return fail(message, b.offset)
                case (.stringLiteral, .option): return fail(message, a.offset)
                default: return fail(message, e.offset)
                }
            }
            return .bool
        case let .isIn(a, b):
            guard let ta = sub(a), case let .list(items)? = sub(b), case let .list(itemExprs) = b.kind else { return nil }
            for (t, x) in zip(items, itemExprs) {
                if let message = equalityProblem(ta, t) {
                    problems.append(Problem(message: message, offset: x.offset))
                }
            }
            if case .set = ta { return fail("`in` needs a single value; use `contains` for \(ta.name)", a.offset) }
            return .bool
        case let .contains(a, b):
            guard let ta = sub(a), let tb = sub(b) else { return nil }
            guard case let .set(q) = ta else {
                return fail("`contains` needs a multiple-choice question, found \(ta.name)", a.offset)
            }
            guard case let .stringLiteral(s) = tb else { return fail("`contains` needs an option id in quotes, found \(tb.name)", b.offset) }
            if q.option(s) == nil { return fail(unknownOption(s, q), b.offset) }
            if q.option(s)?.exclusive == true {
                return fail("`\(s)` of `\(q.id)` means none of the options and is never held in an answer; write `count(\(q.id)) == 0`", b.offset)
            }
            return .bool
        case let .call(fn, arg):
            guard case let .question(id) = arg.kind else { return nil }
            guard let q = questions(id) else { return fail("unknown question `\(id)`", arg.offset) }
            if let why = reject(id) { return fail(why, arg.offset) }
            switch fn {
            case .answered: return .bool
            case .count:
                return q.kind == .multi ? .number : fail("`count()` needs a multiple-choice question, `\(id)` is \(q.kind.rawValue)", arg.offset)
            }
        }
    }

    private static func equalityProblem(_ a: ValueType, _ b: ValueType, swapped: Bool = false) -> String? {
        switch (a, b) {
        case (.number, .number), (.bool, .bool), (.text, .text), (.text, .stringLiteral), (.stringLiteral, .text),
             (.stringLiteral, .stringLiteral):
            return nil
        case let (.option(q), .stringLiteral(s)):
            return q.option(s) == nil ? unknownOption(s, q) : nil
        case let (.option(q1), .option(q2)):
            return q1.options.map(\.id) == q2.options.map(\.id) ? nil : "cannot compare \(a.name) with \(b.name): their options differ"
        case (.stringLiteral, .option):
            return nil  // checked the other way round
        default:
            return swapped ? nil : "cannot compare \(a.name) with \(b.name)"
        }
    }

    private static func unknownOption(_ s: String, _ q: Question) -> String {
        let ids = q.options.map(\.id)
        let hint = closest(s, among: ids).map { " (did you mean \"\($0)\"?)" } ?? ""
        return "question `\(q.id)` has no option \"\(s)\"\(hint); options: \(ids.joined(separator: ", "))"
    }
}
