/// A parsed condition (`when`, `eligible_when`, rule conditions): the source text, where it stands in its
/// file, and the syntax tree. Parsed once at load; evaluated many times.
public struct Condition: Sendable, Hashable, CustomStringConvertible {
    public var source: LocatedText
    public var expr: Expr

    public var description: String { source.text }

    /// The question ids this condition reads.
    public var questionIDs: [String] {
        var ids: [String] = []
        expr.visit { if case let .question(id) = $0.kind, !ids.contains(id) { ids.append(id) } }
        return ids
    }
}

/// A node of the condition syntax tree; `offset` is its 0-based scalar offset in the source text.
public struct Expr: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case number(Double)
        case string(String)
        case bool(Bool)
        case list([Expr])
        case question(String)
        case not(Expr)
        case negate(Expr)
        case and(Expr, Expr)
        case or(Expr, Expr)
        case compare(CompareOp, Expr, Expr)
        case arithmetic(ArithmeticOp, Expr, Expr)
        case isIn(Expr, Expr)
        case contains(Expr, Expr)
        case call(Function, Expr)
    }

    public enum CompareOp: String, Sendable, Hashable { case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=" }
    public enum ArithmeticOp: String, Sendable, Hashable { case add = "+", sub = "-", mul = "*", div = "/" }
    public enum Function: String, Sendable, Hashable, CaseIterable { case count, answered }

    public var kind: Kind
    public var offset: Int

    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// Visits this node and all its children, depth first.
    public func visit(_ body: (Expr) -> Void) {
        body(self)
        switch kind {
        case .number, .string, .bool, .question: break
        case let .list(items): items.forEach { $0.visit(body) }
        case let .not(e), let .negate(e), let .call(_, e): e.visit(body)
        case let .and(a, b), let .or(a, b), let .compare(_, a, b), let .arithmetic(_, a, b), let .isIn(a, b),
             let .contains(a, b):
            a.visit(body)
            b.visit(body)
        }
    }
}
