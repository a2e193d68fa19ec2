import Foundation

/// A syntax error in a condition, with its 0-based scalar offset in the text.
public struct ConditionSyntaxError: Error, Sendable, Hashable {
    public var message: String
    public var offset: Int
}

/// Recursive-descent parser for the condition language (docs/catalog-format.md, "The condition language").
///
///     or      := and ("or" and)*
///     and     := not ("and" not)*
///     not     := "not" not | compare
///     compare := sum (("=="|"!="|"<"|"<="|">"|">=") sum | "in" list | "contains" sum)?
///     sum     := product (("+"|"-") product)*
///     product := unary (("*"|"/") unary)*
///     unary   := "-" unary | primary
///     primary := number | string | true | false | id | id "(" id ")" | "(" or ")" | list
public struct ConditionParser {
    private enum Token: Equatable {
        case number(Double), string(String), ident(String), symbol(String), end
    }

    private var tokens: [(token: Token, offset: Int)] = []
    private var index = 0
    private var depth = 0
    static let maxLength = 2000
    static let maxDepth = 64

    public static func parse(_ text: String) throws(ConditionSyntaxError) -> Expr {
        if text.unicodeScalars.count > maxLength {
            throw ConditionSyntaxError(message: "condition longer than \(maxLength) characters", offset: 0)
        }
        var parser = ConditionParser()
        parser.tokens = try tokenize(text)
        let expr = try parser.parseOr()
        if case let (tok, offset) = parser.peek(), tok != .end {
            throw ConditionSyntaxError(message: "unexpected \(describe(tok)) after the end of the condition", offset: offset)
        }
        return expr
    }

    // MARK: lexer

    private static func tokenize(_ text: String) throws(ConditionSyntaxError) -> [(Token, Int)] {
        let s = Array(text.unicodeScalars)
        var out: [(Token, Int)] = []
        var i = 0
        func isIdentStart(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" }
        func isIdent(_ c: Unicode.Scalar) -> Bool { isIdentStart(c) || ("0"..."9").contains(c) }
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            let start = i
            if ("0"..."9").contains(c) || (c == "." && i + 1 < s.count && ("0"..."9").contains(s[i + 1])) {
                while i < s.count, ("0"..."9").contains(s[i]) || s[i] == "." { i += 1 }
                let literal = String(String.UnicodeScalarView(s[start..<i]))
                guard let value = Double(literal) else {
                    throw ConditionSyntaxError(message: "`\(literal)` is not a number", offset: start)
                }
                out.append((.number(value), start))
            } else if c == "\"" || c == "'" {
                i += 1
                var value = String.UnicodeScalarView()
                while i < s.count, s[i] != c {
                    if s[i] == "\\", i + 1 < s.count { i += 1 }
                    value.append(s[i])
                    i += 1
                }
                guard i < s.count else { throw ConditionSyntaxError(message: "unterminated string", offset: start) }
                i += 1
                out.append((.string(String(value)), start))
            } else if isIdentStart(c) {
                while i < s.count, isIdent(s[i]) { i += 1 }
                out.append((.ident(String(String.UnicodeScalarView(s[start..<i]))), start))
            } else {
                let two = i + 1 < s.count ? String(String.UnicodeScalarView([c, s[i + 1]])) : ""
                if ["==", "!=", "<=", ">=", "&&", "||"].contains(two) {
                    if two == "&&" || two == "||" {
                        throw ConditionSyntaxError(message: "use `\(two == "&&" ? "and" : "or")` instead of `\(two)`", offset: start)
                    }
                    out.append((.symbol(two), start))
                    i += 2
                } else if "<>+-*/()[],".unicodeScalars.contains(c) {
                    out.append((.symbol(String(c)), start))
                    i += 1
                } else if c == "=" {
                    let next = i + 1 < s.count ? s[i + 1] : " "
                    let meant = next == ">" ? ">=" : next == "<" ? "<=" : "=="
                    throw ConditionSyntaxError(message: "use `\(meant)` to compare", offset: start)
                } else if c == "!" {
                    throw ConditionSyntaxError(message: "use `not` instead of `!`", offset: start)
                } else {
                    throw ConditionSyntaxError(message: "unexpected character `\(String(c))`", offset: start)
                }
            }
        }
        out.append((.end, s.count))
        return out
    }

    private static func describe(_ t: Token) -> String {
        switch t {
        case let .number(n): return "number `\(formatNumber(n))`"
        case let .string(s): return "string \"\(s)\""
        case let .ident(s): return "`\(s)`"
        case let .symbol(s): return "`\(s)`"
        case .end: return "end of condition"
        }
    }

    // MARK: grammar

    private func peek() -> (Token, Int) { tokens[index] }
    private mutating func advance() -> (Token, Int) {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }
    private func isKeyword(_ word: String) -> Bool {
        if case let .ident(s) = tokens[index].token { return s == word }
        return false
    }
    private func isSymbol(_ sym: String) -> Bool { tokens[index].token == .symbol(sym) }

    private mutating func expect(_ sym: String, _ context: String) throws(ConditionSyntaxError) {
        let (t, o) = peek()
        guard t == .symbol(sym) else {
            throw ConditionSyntaxError(message: "expected `\(sym)` \(context), found \(Self.describe(t))", offset: o)
        }
        _ = advance()
    }

    private mutating func nested<T>(_ body: (inout ConditionParser) throws(ConditionSyntaxError) -> T) throws(ConditionSyntaxError) -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth {
            throw ConditionSyntaxError(message: "condition nested more than \(Self.maxDepth) levels deep", offset: peek().1)
        }
        return try body(&self)
    }

    private mutating func parseOr() throws(ConditionSyntaxError) -> Expr {
        try nested { (p: inout ConditionParser) throws(ConditionSyntaxError) -> Expr in
            var left = try p.parseAnd()
            while p.isKeyword("or") {
                let o = p.advance().1
                left = Expr(.or(left, try p.parseAnd()), at: o)
            }
            return left
        }
    }

    private mutating func parseAnd() throws(ConditionSyntaxError) -> Expr {
        var left = try parseNot()
        while isKeyword("and") {
            let o = advance().1
            left = Expr(.and(left, try parseNot()), at: o)
        }
        return left
    }

    private mutating func parseNot() throws(ConditionSyntaxError) -> Expr {
        if isKeyword("not") {
            let o = advance().1
            return try nested { (p: inout ConditionParser) throws(ConditionSyntaxError) -> Expr in
                Expr(.not(try p.parseNot()), at: o)
            }
        }
        return try parseCompare()
    }

    private mutating func parseCompare() throws(ConditionSyntaxError) -> Expr {
        let left = try parseSum()
        let (t, o) = peek()
        if case let .symbol(s) = t, let op = Expr.CompareOp(rawValue: s) {
            _ = advance()
            let right = try parseSum()
            if case let .symbol(s2) = peek().0, Expr.CompareOp(rawValue: s2) != nil {
                throw ConditionSyntaxError(message: "comparisons cannot be chained: use `and`", offset: peek().1)
            }
            return Expr(.compare(op, left, right), at: o)
        }
        if isKeyword("in") {
            _ = advance()
            guard isSymbol("[") else {
                throw ConditionSyntaxError(message: "expected a list `[…]` after `in`", offset: peek().1)
            }
            return Expr(.isIn(left, try parsePrimary()), at: o)
        }
        if isKeyword("contains") {
            _ = advance()
            return Expr(.contains(left, try parseSum()), at: o)
        }
        return left
    }

    private mutating func parseSum() throws(ConditionSyntaxError) -> Expr {
        var left = try parseProduct()
        while isSymbol("+") || isSymbol("-") {
            let (t, o) = advance()
            let op: Expr.ArithmeticOp = t == .symbol("+") ? .add : .sub
            left = Expr(.arithmetic(op, left, try parseProduct()), at: o)
        }
        return left
    }

    private mutating func parseProduct() throws(ConditionSyntaxError) -> Expr {
        var left = try parseUnary()
        while isSymbol("*") || isSymbol("/") {
            let (t, o) = advance()
            let op: Expr.ArithmeticOp = t == .symbol("*") ? .mul : .div
            left = Expr(.arithmetic(op, left, try parseUnary()), at: o)
        }
        return left
    }

    private mutating func parseUnary() throws(ConditionSyntaxError) -> Expr {
        if isSymbol("-") {
            let o = advance().1
            return try nested { (p: inout ConditionParser) throws(ConditionSyntaxError) -> Expr in
                Expr(.negate(try p.parseUnary()), at: o)
            }
        }
        return try parsePrimary()
    }

    private static let keywords: Set<String> = ["and", "or", "not", "in", "contains"]

    private mutating func parsePrimary() throws(ConditionSyntaxError) -> Expr {
        let (t, o) = advance()
        switch t {
        case let .number(n): return Expr(.number(n), at: o)
        case let .string(s): return Expr(.string(s), at: o)
        case let .ident(name):
            if name == "true" || name == "false" { return Expr(.bool(name == "true"), at: o) }
            if Self.keywords.contains(name) {
                throw ConditionSyntaxError(message: "expected a value, found keyword `\(name)`", offset: o)
            }
            if isSymbol("(") {
                guard let fn = Expr.Function(rawValue: name) else {
                    throw ConditionSyntaxError(
                        message: "unknown function `\(name)` (known: \(Expr.Function.allCases.map(\.rawValue).joined(separator: ", ")))",
                        offset: o)
                }
                _ = advance()
                let (argTok, argOffset) = advance()
                guard case let .ident(arg) = argTok else {
                    throw ConditionSyntaxError(message: "`\(name)()` takes a question id, found \(Self.describe(argTok))", offset: argOffset)
                }
                try expect(")", "to close `\(name)(`")
                return Expr(.call(fn, Expr(.question(arg), at: argOffset)), at: o)
            }
            return Expr(.question(name), at: o)
        case .symbol("("):
            let inner = try parseOr()
            try expect(")", "to close `(`")
            return inner
        case .symbol("["):
            var items: [Expr] = []
            if !isSymbol("]") {
                repeat {
                    if isSymbol(",") { _ = advance() }
                    let (it, io) = advance()
                    switch it {
                    case let .number(n): items.append(Expr(.number(n), at: io))
                    case let .string(s): items.append(Expr(.string(s), at: io))
                    default:
                        throw ConditionSyntaxError(message: "a list holds numbers or strings, found \(Self.describe(it))", offset: io)
                    }
                } while isSymbol(",")
            }
            try expect("]", "to close the list")
            return Expr(.list(items), at: o)
        default:
            throw ConditionSyntaxError(message: "expected a value, found \(Self.describe(t))", offset: o)
        }
    }
}

/// Prints a number without a trailing `.0` and without binary noise (`0.30000000000000004` → `0.3`).
public func formatNumber(_ value: Double, maxFractionDigits: Int = 4) -> String {
    // Below 1e9 the integer arithmetic of `DecimalText` gives exactly the digits of the `String(format:)` path
    // (the rounding error of `rounded` there is far under half of the last digit) at a fraction of the cost;
    // `formatNumberMatchesFormatPath` holds them together.
    if abs(value) < 1e9, (0...6).contains(maxFractionDigits) { return DecimalText.format(value, digits: maxFractionDigits) }
    return formatNumberThroughFormat(value, maxFractionDigits: maxFractionDigits)
}

/// The general path of `formatNumber` (and its reference in tests).
func formatNumberThroughFormat(_ value: Double, maxFractionDigits: Int) -> String {
    // Beyond 1e15 fixed notation would spell out hundreds of digits (`1e300` from a typo).
    if !value.isFinite || abs(value) >= 1e15 { return String(format: "%g", value) }
    if value == value.rounded() { return String(Int64(value)) }
    var scale = 1.0
    for _ in 0..<maxFractionDigits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
    var text = String(format: "%.\(maxFractionDigits)f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
